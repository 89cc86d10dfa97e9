// The analysis as JSON (the shape README documents) and as an R script for R's QCA package.
import { describe, expect, it } from "vitest";
import type { ConditionValue } from "~/models/domain";
import { type AnalysisCode, analyse } from "~/models/qca/analysis";
import { analysisJson, analysisRScript } from "~/models/qca/exports";

const ROWS: Record<string, string> = { a: "111", b: "101", c: "010", d: "000", e: "1?1" };
const code = (shortName: string, negated = false): AnalysisCode => ({
  id: shortName.toLowerCase(),
  shortName,
  label: shortName,
  negated,
});

function run(negate: string[] = [], expectations = {}) {
  const ids = ["local", "quiet", "truce"];
  return analyse({
    cases: Object.keys(ROWS).map((id) => ({
      id,
      title: id === "e" ? "Evil\n)system('rm -rf /')#" : `Case ${id}`,
    })),
    preconditions: [code("LOCAL", negate.includes("LOCAL")), code("QUIET", negate.includes("QUIET"))],
    outcome: code("TRUCE", negate.includes("TRUCE")),
    value: (caseId, codeId): ConditionValue => {
      const ch = ROWS[caseId][ids.indexOf(codeId)];
      return ch === "1" ? "present" : ch === "0" ? "absent" : "unknown";
    },
    expectations,
  });
}

describe("the analysis as JSON", () => {
  it("gives the truth table by short names and each term as a list of { code, negated }", () => {
    const json = analysisJson(run());
    expect(json.format).toBe("mediation-casebook/qca-analysis@1");
    expect(json.outcome).toEqual({ code: "TRUCE", negated: false, label: "TRUCE" });
    expect(json.truthTable.rows[0]).toMatchObject({
      row: 3,
      values: { LOCAL: 1, QUIET: 0 },
      n: 1,
      consistency: 1,
      outcome: "1",
    });
    const [model] = json.solutions!.conservative.models;
    expect(model.formula).toBe("LOCAL -> TRUCE");
    expect(model.terms[0].conditions).toEqual([{ code: "LOCAL", negated: false }]);
    expect(json.cases.leftOut).toEqual([
      { id: "e", title: "Evil\n)system('rm -rf /')#", unknown: ["QUIET"] },
    ]);
    expect(json.necessity.map((n) => n.text)).toEqual(["LOCAL", "~LOCAL", "QUIET", "~QUIET"]);
  });

  it("names a negated precondition's column with its tilde", () => {
    const json = analysisJson(run(["LOCAL"]));
    expect(Object.keys(json.truthTable.rows[0].values)).toEqual(["~LOCAL", "QUIET"]);
    expect(json.solutions!.conservative.models[0].terms[0].conditions).toEqual([
      { code: "LOCAL", negated: false },
    ]);
  });
});

describe("the R script", () => {
  it("runs truthTable() and minimize() with the page's settings", () => {
    const script = analysisRScript(
      run(["QUIET", "TRUCE"], { quiet: "absent", local: "present" }),
      "matrix-for-r-2026-01-02.csv",
      {
        workspace: "Sahel team",
        date: "2026-01-02",
      },
    );
    expect(script).toContain('dat <- read.csv("matrix-for-r-2026-01-02.csv", row.names = 1)');
    expect(script).toContain("dat$NOT_QUIET <- 1 - dat$QUIET");
    expect(script).toContain('outcome = "~TRUCE"');
    expect(script).toContain('conditions = "LOCAL, NOT_QUIET"');
    expect(script).toContain("incl.cut = 1,");
    expect(script).toContain("n.cut = 1,");
    expect(script).toContain("dir.exp = c(LOCAL, ~NOT_QUIET)");
    expect(script).toContain(
      'pof(dat[, conds, drop = FALSE], outcome = "~TRUCE", data = dat, relation = "necessity")',
    );
  });

  it("keeps titles and names inside comments: a line break cannot start R code", () => {
    const script = analysisRScript(run(), "x.csv", { workspace: "Team\nsystem('id')", date: "2026-01-02" });
    for (const line of script.split("\n").filter((l) => l.includes("system(")))
      expect(line.startsWith("#")).toBe(true);
    expect(script).toContain("#   Evil )system('rm -rf /')#");
  });

  it("gives both thresholds when contradictions are asked for, and says when no expectation is set", () => {
    const a = analyse({
      ...baseInput(),
      thresholds: { consistency: 0.8, contradictionBelow: 0.6, frequency: 2 },
    });
    const script = analysisRScript(a, "x.csv", { workspace: "W", date: "2026-01-02" });
    expect(script).toContain("incl.cut = c(0.8, 0.6),");
    expect(script).toContain("n.cut = 2,");
    expect(script).toContain("No directional expectation was set");
    expect(script).not.toContain("dir.exp");
  });
});

function baseInput() {
  const ids = ["local", "quiet", "truce"];
  return {
    cases: Object.keys(ROWS).map((id) => ({ id, title: id })),
    preconditions: [code("LOCAL"), code("QUIET")],
    outcome: code("TRUCE"),
    value: (caseId: string, codeId: string): ConditionValue => {
      const ch = ROWS[caseId][ids.indexOf(codeId)];
      return ch === "1" ? "present" : ch === "0" ? "absent" : "unknown";
    },
  };
}
