// The crisp-set analysis of one outcome over chosen preconditions, as R's QCA package does it
// (`truthTable`, `minimize`, `pof`, `superSubset`): negation, thresholds, the truth table and its
// remainders, the conservative, parsimonious and intermediate solutions with their figures, and
// necessity. Pure and browser-safe: the caller reads the values and passes them in.
//
// Every figure counts the cases known on the outcome and on every chosen precondition (the cases R gets
// from the CSV for R); the others are listed as left out, never read as absent.

import type { ConditionValue } from "~/models/domain";
import { type Expectation, type Thresholds, thresholdsOf } from "~/rules/qca-settings";
import { type Cube, compareCubes, covers, MAX_MODELS, minimize, solveChart } from "./minimize";

/** More preconditions than this are not minimized: 2^k rows and the chart grow past what a page should do. */
export const MAX_CONDITIONS = 10;

export type AnalysisCode = { id: string; shortName: string; label: string; negated: boolean };

export type AnalysisCase = { id: string; title: string };

export type AnalysisInput = {
  cases: readonly AnalysisCase[];
  preconditions: readonly AnalysisCode[];
  outcome: AnalysisCode;
  value: (caseId: string, codeId: string) => ConditionValue;
  thresholds?: Partial<Thresholds>;
  /** Per precondition id (as taken, i.e. after negation); missing = either. */
  expectations?: Readonly<Record<string, Expectation>>;
};

export type RowOutcome = "1" | "0" | "C" | "?";

export type AnalysisRow = {
  /** R's row number: the combination read as a binary number, first precondition highest, plus 1. */
  number: number;
  /** 0/1 per precondition as taken (after negation), in precondition order. */
  values: Array<0 | 1>;
  n: number;
  /** Cases of the row showing the outcome (as taken). */
  positive: number;
  consistency: number;
  outcome: RowOutcome;
  cases: Array<AnalysisCase & { outcome: 0 | 1 }>;
};

export type Literal = { code: string; codeId: string; negated: boolean };

export type TermFigures = {
  literals: Literal[];
  consistency: number | null;
  rawCoverage: number | null;
  uniqueCoverage: number | null;
  /** Cases the term covers, with the outcome each shows (a page may list only the first ones). */
  cases: Array<AnalysisCase & { outcome: 0 | 1 }>;
  caseCount: number;
};

export type Model = {
  terms: TermFigures[];
  consistency: number | null;
  coverage: number | null;
  /** Remainders the model counts as showing the outcome: the simplifying assumptions (or easy counterfactuals). */
  simplifyingAssumptions: number[];
};

export type Solution = {
  models: Model[];
  /** How many minimal models exist (more than models.length when past MAX_MODELS). */
  modelCount: number;
  /** False when the chart was too large to search for every model (see minimize.ts, SEARCH_LIMIT). */
  complete: boolean;
};

export type NecessityFigures = {
  literal: Literal;
  consistency: number | null;
  coverage: number | null;
  relevance: number | null;
  necessary: boolean;
};

export type Analysis = {
  preconditions: AnalysisCode[];
  outcome: AnalysisCode;
  thresholds: Thresholds;
  expectations: Record<string, Expectation>;
  considered: number;
  leftOut: Array<AnalysisCase & { unknownCodes: string[] }>;
  rows: AnalysisRow[];
  /** Row numbers of the combinations no case shows (or fewer than the frequency threshold). */
  remainders: number[];
  /** 2^k, and how many of them no case shows: limited diversity. */
  combinations: number;
  unobserved: number;
  /** More combinations than cases known: most of the table is remainders. */
  diversityWarning: boolean;
  tooManyConditions: boolean;
  solutions: { conservative: Solution; parsimonious: Solution; intermediate: Solution } | null;
  necessity: NecessityFigures[];
};

export const NECESSITY_THRESHOLD = 0.9;

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export type { Expectation, Thresholds };

/** The literal a cube's bit stands for, in the codes' own terms (a negated precondition's 1 is "~X"). */
export function literalOf(code: AnalysisCode, bit: 0 | 1): Literal {
  return { code: code.shortName, codeId: code.id, negated: (bit === 0) !== code.negated };
}

export function cubeLiterals(cube: Cube, preconditions: readonly AnalysisCode[]): Literal[] {
  const k = preconditions.length;
  const literals: Literal[] = [];
  preconditions.forEach((code, i) => {
    const bit = 1 << (k - 1 - i);
    if (cube.mask & bit) literals.push(literalOf(code, cube.value & bit ? 1 : 0));
  });
  return literals;
}

export function analyse(input: AnalysisInput): Analysis {
  const { cases, outcome, value } = input;
  const preconditions = [...input.preconditions];
  const k = preconditions.length;
  const thresholds = thresholdsOf(input.thresholds);
  const expectations: Record<string, Expectation> = {};
  for (const code of preconditions) expectations[code.id] = input.expectations?.[code.id] ?? "either";

  const taken = (caseId: string, code: AnalysisCode): 0 | 1 | null => {
    const v = value(caseId, code.id);
    if (v === "unknown") return null;
    return ((v === "present") !== code.negated ? 1 : 0) as 0 | 1;
  };

  const leftOut: Analysis["leftOut"] = [];
  const known: Array<{ c: AnalysisCase; row: number; y: 0 | 1; bits: Array<0 | 1> }> = [];
  for (const c of cases) {
    const unknownCodes: string[] = [];
    const bits: Array<0 | 1> = [];
    for (const code of preconditions) {
      const b = taken(c.id, code);
      if (b === null) unknownCodes.push(code.id);
      else bits.push(b);
    }
    const y = taken(c.id, outcome);
    if (y === null) unknownCodes.push(outcome.id);
    if (unknownCodes.length || y === null) {
      leftOut.push({ ...c, unknownCodes });
      continue;
    }
    known.push({ c, row: bits.reduce<number>((acc, b) => acc * 2 + b, 0), y, bits });
  }

  const tooManyConditions = k > MAX_CONDITIONS;
  const byRow = new Map<number, AnalysisRow>();
  // Past MAX_CONDITIONS no table is drawn (and a row number would outgrow a float's exact integers).
  for (const { c, row, y, bits } of tooManyConditions ? [] : known) {
    let r = byRow.get(row);
    if (!r) {
      r = { number: row + 1, values: bits, n: 0, positive: 0, consistency: 0, outcome: "?", cases: [] };
      byRow.set(row, r);
    }
    r.n++;
    if (y) r.positive++;
    r.cases.push({ ...c, outcome: y });
  }
  const rows = [...byRow.values()];
  for (const r of rows) {
    r.consistency = r.positive / r.n;
    r.outcome =
      r.n < thresholds.frequency
        ? "?"
        : r.consistency >= thresholds.consistency
          ? "1"
          : r.consistency >= thresholds.contradictionBelow && r.consistency < thresholds.consistency
            ? "C"
            : "0";
  }
  // R's "incl, n" order: most consistent first, then the larger rows, then row number.
  rows.sort((a, b) => b.consistency - a.consistency || b.n - a.n || a.number - b.number);

  const combinations = 2 ** k;
  const observed = new Set(rows.filter((r) => r.outcome !== "?").map((r) => r.number - 1));
  const remainders: number[] = [];
  if (!tooManyConditions)
    for (let row = 0; row < combinations; row++) if (!observed.has(row)) remainders.push(row + 1);
  const unobserved = combinations - observed.size;

  const positives = rows.filter((r) => r.outcome === "1").map((r) => r.number - 1);
  const remainderRows = remainders.map((n) => n - 1);

  const figures = (model: Cube[], assumptions: number[]): Model => {
    const yTotal = known.filter((x) => x.y === 1).length;
    const inModel = (x: { row: number }, cubes: Cube[]) => cubes.some((cube) => covers(cube, x.row));
    const solCases = known.filter((x) => inModel(x, model));
    const terms = model.map((cube, i) => {
      const others = model.filter((_, j) => j !== i);
      const covered = known.filter((x) => covers(cube, x.row));
      const hits = covered.filter((x) => x.y === 1);
      const uniqueHits = hits.filter((x) => !inModel(x, others));
      return {
        literals: cubeLiterals(cube, preconditions),
        consistency: ratio(hits.length, covered.length),
        rawCoverage: ratio(hits.length, yTotal),
        uniqueCoverage: ratio(uniqueHits.length, yTotal),
        cases: covered.map((x) => ({ ...x.c, outcome: x.y })),
        caseCount: covered.length,
      };
    });
    return {
      terms,
      consistency: ratio(solCases.filter((x) => x.y === 1).length, solCases.length),
      coverage: ratio(solCases.filter((x) => x.y === 1).length, yTotal),
      simplifyingAssumptions: assumptions
        .filter((row) => model.some((cube) => covers(cube, row)))
        .map((row) => row + 1),
    };
  };

  let solutions: Analysis["solutions"] = null;
  if (!tooManyConditions && positives.length > 0) {
    const conservative = minimize(k, positives);
    const parsimonious = minimize(k, positives, remainderRows);
    const intermediate = intermediateModels(
      k,
      positives,
      conservative.models,
      parsimonious.models,
      parsimonious.primes,
      preconditions.map((code) => expectations[code.id]),
    );
    solutions = {
      conservative: {
        models: conservative.models.map((m) => figures(m, [])),
        modelCount: conservative.modelCount,
        complete: conservative.complete,
      },
      parsimonious: {
        models: parsimonious.models.map((m) => figures(m, remainderRows)),
        modelCount: parsimonious.modelCount,
        complete: parsimonious.complete,
      },
      intermediate: {
        models: intermediate.models.map((m) => figures(m, remainderRows)),
        modelCount: intermediate.modelCount,
        complete: intermediate.complete,
      },
    };
  }

  // One pass per precondition: counts of X, of Y, of both; ~X's follow from them.
  const necessity: NecessityFigures[] = [];
  const n = known.length;
  const yCount = known.reduce((sum, x) => sum + x.y, 0);
  for (const [i, code] of preconditions.entries()) {
    let x1 = 0;
    let x1y = 0;
    for (const x of known) {
      if (x.bits[i] === 1) {
        x1++;
        x1y += x.y;
      }
    }
    for (const [bit, x, xy] of [
      [1, x1, x1y],
      [0, n - x1, yCount - x1y],
    ] as const) {
      const consistency = ratio(xy, yCount);
      necessity.push({
        literal: literalOf(code, bit),
        consistency,
        coverage: ratio(xy, x),
        // Relevance of necessity (Schneider & Wagemann): Σ(1−X) / Σ(1−min(X,Y)); low when X is near-universal.
        relevance: ratio(n - x, n - xy),
        necessary: consistency !== null && consistency >= NECESSITY_THRESHOLD,
      });
    }
  }

  return {
    preconditions,
    outcome,
    thresholds,
    expectations,
    considered: known.length,
    leftOut,
    rows,
    remainders,
    combinations,
    unobserved,
    diversityWarning: combinations > known.length,
    tooManyConditions,
    solutions,
    necessity,
  };
}

/**
 * Intermediate solutions (Ragin & Sonnett; R's `dir.exp`): each conservative term is widened toward a
 * parsimonious term that contains it by dropping only the conditions whose value runs against the
 * directional expectation (or has none: "either"); a value that matches the expectation stays, since
 * dropping it would rest on a difficult counterfactual. The widened terms are then put in a chart over the
 * positive rows and every smallest cover is a model.
 */
export function intermediateModels(
  k: number,
  positives: readonly number[],
  conservativeModels: readonly Cube[][],
  parsimoniousModels: readonly Cube[][],
  parsimoniousPrimes: readonly Cube[],
  expectations: readonly Expectation[],
): { models: Cube[][]; modelCount: number; complete: boolean } {
  const implies = (c: Cube, p: Cube) => (c.mask & p.mask) === p.mask && (c.value & p.mask) === p.value;
  const found = new Map<string, Cube[]>();
  let count = 0;
  let complete = true;
  for (const cModel of conservativeModels) {
    for (const pModel of parsimoniousModels) {
      const candidates = new Map<string, Cube>();
      for (const c of cModel) {
        let wider = pModel.filter((p) => implies(c, p));
        if (wider.length === 0) wider = parsimoniousPrimes.filter((p) => implies(c, p));
        for (const p of wider) {
          let mask = p.mask;
          for (let i = 0; i < k; i++) {
            const bit = 1 << (k - 1 - i);
            if (!(c.mask & bit) || p.mask & bit) continue;
            const present = (c.value & bit) !== 0;
            const keep =
              (expectations[i] === "present" && present) || (expectations[i] === "absent" && !present);
            if (keep) mask |= bit;
          }
          const cube = { mask, value: c.value & mask };
          candidates.set(`${cube.mask}:${cube.value}`, cube);
        }
      }
      // A candidate contained in another candidate adds nothing.
      const list = [...candidates.values()]
        .filter((a) => ![...candidates.values()].some((b) => b !== a && implies(a, b)))
        .sort(compareCubes);
      const solved = solveChart(list, positives);
      complete &&= solved.complete;
      for (const model of solved.models) {
        const key = model.map((cube) => `${cube.mask}:${cube.value}`).join("|");
        if (!found.has(key)) {
          count++;
          if (found.size < MAX_MODELS) found.set(key, model);
        }
      }
    }
  }
  return { models: [...found.values()], modelCount: count, complete };
}
