// The analysis as files: documented JSON (README, "The analysis as JSON") and an R script that reads the
// CSV for R and runs R's QCA package with the page's settings, so a researcher reproduces the page in R.
// Pure and browser-safe.

import type { Analysis, AnalysisCode, Literal, Model, Solution } from "./analysis";
import { codeText, literalText, modelText } from "./formula";

/** Names the version of the JSON below; a change to its shape gets a new one. */
export const ANALYSIS_FORMAT = "mediation-casebook/qca-analysis@1";

const literalJson = (literal: Literal) => ({ code: literal.code, negated: literal.negated });

function rowValues(values: ReadonlyArray<0 | 1>, preconditions: readonly AnalysisCode[]) {
  return Object.fromEntries(preconditions.map((code, i) => [codeText(code), values[i]]));
}

/** Bits of an R row number, first precondition highest. */
function bitsOf(number: number, k: number): Array<0 | 1> {
  return Array.from({ length: k }, (_, i) => (((number - 1) >> (k - 1 - i)) & 1) as 0 | 1);
}

function modelJson(model: Model, analysis: Analysis) {
  const k = analysis.preconditions.length;
  return {
    formula: modelText(model.terms, analysis.outcome),
    consistency: model.consistency,
    coverage: model.coverage,
    terms: model.terms.map((term) => ({
      conditions: term.literals.map(literalJson),
      consistency: term.consistency,
      rawCoverage: term.rawCoverage,
      uniqueCoverage: term.uniqueCoverage,
      cases: term.cases.map((c) => ({ id: c.id, title: c.title, outcome: c.outcome })),
    })),
    simplifyingAssumptions: model.simplifyingAssumptions.map((number) => ({
      row: number,
      values: rowValues(bitsOf(number, k), analysis.preconditions),
    })),
  };
}

const solutionJson = (solution: Solution, analysis: Analysis) => ({
  modelCount: solution.modelCount,
  complete: solution.complete,
  models: solution.models.map((model) => modelJson(model, analysis)),
});

/** The whole analysis, by short names: the shape README documents. */
export function analysisJson(analysis: Analysis) {
  const codeJson = (code: AnalysisCode) => ({
    code: code.shortName,
    negated: code.negated,
    label: code.label,
  });
  return {
    format: ANALYSIS_FORMAT,
    outcome: codeJson(analysis.outcome),
    preconditions: analysis.preconditions.map(codeJson),
    thresholds: analysis.thresholds,
    expectations: Object.fromEntries(
      analysis.preconditions.map((code) => [code.shortName, analysis.expectations[code.id] ?? "either"]),
    ),
    cases: {
      considered: analysis.considered,
      leftOut: analysis.leftOut.map((c) => ({
        id: c.id,
        title: c.title,
        unknown: c.unknownCodes.map(
          (id) =>
            [...analysis.preconditions, analysis.outcome].find((code) => code.id === id)?.shortName ?? id,
        ),
      })),
    },
    truthTable: {
      combinations: analysis.combinations,
      unobserved: analysis.unobserved,
      rows: analysis.rows.map((row) => ({
        row: row.number,
        values: rowValues(row.values, analysis.preconditions),
        n: row.n,
        consistency: row.consistency,
        outcome: row.outcome,
        cases: row.cases.map((c) => ({ id: c.id, title: c.title, outcome: c.outcome })),
      })),
      remainders: analysis.remainders,
    },
    solutions: analysis.solutions && {
      conservative: solutionJson(analysis.solutions.conservative, analysis),
      parsimonious: solutionJson(analysis.solutions.parsimonious, analysis),
      intermediate: solutionJson(analysis.solutions.intermediate, analysis),
    },
    necessity: analysis.necessity.map((n) => ({
      condition: literalJson(n.literal),
      text: literalText(n.literal),
      consistency: n.consistency,
      coverage: n.coverage,
      relevance: n.relevance,
      necessary: n.necessary,
    })),
  };
}

// Text written into an R comment: one line, no control characters, so nothing a title holds can end the
// comment and become code.
const commentText = (text: string) => text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, " ").trim();

const rString = (text: string) => `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** The column R reads for a precondition as taken: its short name, or NOT_<short name> for ~X. */
export const rColumn = (code: AnalysisCode) => (code.negated ? `NOT_${code.shortName}` : code.shortName);

/**
 * An R script that reads `csvFile` (the CSV for R: the preconditions and the outcome by short name, 0/1,
 * only the cases known on all of them) and runs truthTable(), minimize() (conservative, parsimonious,
 * intermediate) and pof() for necessity with the page's settings.
 */
export function analysisRScript(
  analysis: Analysis,
  csvFile: string,
  about: { workspace: string; date: string },
) {
  const conditions = analysis.preconditions.map(rColumn);
  const outcome = codeText(analysis.outcome);
  const { consistency, contradictionBelow, frequency } = analysis.thresholds;
  const inclCut =
    contradictionBelow === consistency ? `${consistency}` : `c(${consistency}, ${contradictionBelow})`;
  const expectations = analysis.preconditions
    .map((code) => {
      const expected = analysis.expectations[code.id] ?? "either";
      return expected === "present" ? rColumn(code) : expected === "absent" ? `~${rColumn(code)}` : null;
    })
    .filter((x): x is string => x !== null);
  const lines = [
    `# Crisp-set QCA of the matrix of ${commentText(about.workspace)}, written by Mediation Casebook on ${about.date}.`,
    '# It reproduces the analysis on the matrix page with R\'s QCA package (Dusa): install.packages("QCA").',
    `# Reads ${csvFile} (saved beside this script): the cases known on every column below.`,
  ];
  if (analysis.leftOut.length) {
    lines.push(`# Left out for an unknown value (${analysis.leftOut.length}):`);
    for (const c of analysis.leftOut) lines.push(`#   ${commentText(c.title)}`);
  }
  lines.push("", "library(QCA)", `dat <- read.csv(${rString(csvFile)}, row.names = 1)`);
  const negated = analysis.preconditions.filter((code) => code.negated);
  if (negated.length) {
    lines.push("", "# Preconditions taken as absent on the page (~X there) are the columns NOT_X here.");
    for (const code of negated) lines.push(`dat$${rColumn(code)} <- 1 - dat$${code.shortName}`);
  }
  lines.push(
    "",
    "tt <- truthTable(",
    "  dat,",
    `  outcome = ${rString(outcome)},`,
    `  conditions = ${rString(conditions.join(", "))},`,
    `  incl.cut = ${inclCut},`,
    `  n.cut = ${frequency},`,
    '  sort.by = "incl, n",',
    "  show.cases = TRUE",
    ")",
    "tt",
    "",
    "# Conservative solution (no remainders)",
    "minimize(tt, details = TRUE, show.cases = TRUE)",
    "",
    "# Parsimonious solution (remainders as don't-cares) and its simplifying assumptions",
    'ps <- minimize(tt, include = "?", details = TRUE, show.cases = TRUE)',
    "ps",
    "ps$SA",
    "",
  );
  if (expectations.length) {
    lines.push(
      "# Intermediate solution (directional expectations)",
      `is <- minimize(tt, include = "?", dir.exp = c(${expectations.join(", ")}), details = TRUE, show.cases = TRUE)`,
      "is",
      "",
    );
  } else {
    lines.push(
      "# No directional expectation was set: the intermediate solution is the parsimonious one.",
      "",
    );
  }
  lines.push(
    "# Necessity of each precondition and of its negation",
    `conds <- c(${conditions.map(rString).join(", ")})`,
    `pof(dat[, conds, drop = FALSE], outcome = ${rString(outcome)}, data = dat, relation = "necessity")`,
    "neg <- 1 - dat[, conds, drop = FALSE]",
    'names(neg) <- paste0("~", conds)',
    `pof(neg, outcome = ${rString(outcome)}, data = dat, relation = "necessity")`,
    "",
  );
  return lines.join("\n");
}
