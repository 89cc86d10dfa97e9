// A published crisp-set example: Lipset's survival of democracy in inter-war Europe, binary version (R's QCA
// package, data set LC; Rihoux & De Meur 2009, p. 57). The expected solutions and figures are those the
// QCA package prints for `truthTable(LC, SURV)` / `minimize()` (its own test snapshots, tests/testthat/_snaps).
import { describe, expect, it } from "vitest";
import type { ConditionValue } from "~/models/domain";
import { type AnalysisCode, analyse } from "~/models/qca/analysis";
import { modelText, termText } from "~/models/qca/formula";

const CONDITIONS = ["DEV", "URB", "LIT", "IND", "STB"];
// DEV URB LIT IND STB SURV, per country (as in R's LC).
const LC: Record<string, string> = {
  AU: "101100",
  BE: "111111",
  CZ: "111111",
  EE: "001010",
  FI: "101011",
  FR: "101111",
  DE: "111100",
  GR: "000000",
  HU: "001000",
  IE: "101011",
  IT: "000010",
  NL: "111111",
  PL: "001000",
  PT: "000000",
  RO: "000010",
  ES: "000000",
  SE: "101111",
  UK: "111111",
};

const code = (shortName: string, negated = false): AnalysisCode => ({
  id: shortName.toLowerCase(),
  shortName,
  label: shortName,
  negated,
});

function lipset(outcomeNegated = false, options: Partial<Parameters<typeof analyse>[0]> = {}) {
  const ids = [...CONDITIONS, "SURV"].map((c) => c.toLowerCase());
  return analyse({
    cases: Object.keys(LC).map((id) => ({ id, title: id })),
    preconditions: CONDITIONS.map((c) => code(c)),
    outcome: code("SURV", outcomeNegated),
    value: (caseId, codeId): ConditionValue =>
      LC[caseId][ids.indexOf(codeId)] === "1" ? "present" : "absent",
    ...options,
  });
}

const names = (cases: Array<{ title: string }>) =>
  cases
    .map((c) => c.title)
    .sort()
    .join(",");

describe("Lipset (LC), as R's QCA package prints it", () => {
  it("truth table: rows, order, n, consistency and outcome", () => {
    const a = lipset();
    expect(a.rows.map((r) => [r.number, r.values.join(""), r.outcome, r.n, r.consistency])).toEqual([
      [32, "11111", "1", 4, 1],
      [22, "10101", "1", 2, 1],
      [24, "10111", "1", 2, 1],
      [1, "00000", "0", 3, 0],
      [2, "00001", "0", 2, 0],
      [5, "00100", "0", 2, 0],
      [6, "00101", "0", 1, 0],
      [23, "10110", "0", 1, 0],
      [31, "11110", "0", 1, 0],
    ]);
    expect(a.combinations).toBe(32);
    expect(a.unobserved).toBe(23);
    expect(a.remainders).toHaveLength(23);
    expect(a.diversityWarning).toBe(true);
  });

  it("conservative solution with its term and solution figures", () => {
    const sol = lipset().solutions?.conservative;
    expect(sol?.models).toHaveLength(1);
    const [m] = sol?.models ?? [];
    expect(modelText(m.terms, code("SURV"))).toBe("DEV*~URB*LIT*STB + DEV*LIT*IND*STB -> SURV");
    expect(m.terms.map((t) => [t.consistency, t.rawCoverage, t.uniqueCoverage])).toEqual([
      [1, 0.5, 0.25],
      [1, 0.75, 0.5],
    ]);
    expect(m.terms.map((t) => names(t.cases))).toEqual(["FI,FR,IE,SE", "BE,CZ,FR,NL,SE,UK"]);
    expect([m.consistency, m.coverage]).toEqual([1, 1]);
    expect(m.simplifyingAssumptions).toEqual([]);
  });

  it("parsimonious solution and its simplifying assumptions", () => {
    const [m] = lipset().solutions?.parsimonious.models ?? [];
    expect(modelText(m.terms, code("SURV"))).toBe("DEV*STB -> SURV");
    expect([m.terms[0].consistency, m.terms[0].rawCoverage]).toEqual([1, 1]);
    expect(m.simplifyingAssumptions).toEqual([18, 20, 26, 28, 30]);
  });

  it("negated outcome: conservative and parsimonious solutions", () => {
    const a = lipset(true);
    const outcome = code("SURV", true);
    const [c] = a.solutions?.conservative.models ?? [];
    expect(modelText(c.terms, outcome)).toBe("~DEV*~URB*~IND + DEV*LIT*IND*~STB -> ~SURV");
    const [p] = a.solutions?.parsimonious.models ?? [];
    expect(modelText(p.terms, outcome)).toBe("~DEV + ~STB -> ~SURV");
    expect(p.terms.map((t) => [t.consistency, t.rawCoverage, t.uniqueCoverage])).toEqual([
      [1, 0.8, 0.3],
      [1, 0.7, 0.2],
    ]);
    expect([p.consistency, p.coverage]).toEqual([1, 1]);
  });

  // R documents this intermediate solution for the fuzzy version of the same data (LF, dir.exp = DEV:STB),
  // whose conservative and parsimonious solutions are the ones above: the crisp data give the same.
  it("intermediate solution with every condition expected present", () => {
    const expectations = Object.fromEntries(CONDITIONS.map((c) => [c.toLowerCase(), "present" as const]));
    const [m] = lipset(false, { expectations }).solutions?.intermediate.models ?? [];
    expect(m.terms.map((t) => termText(t.literals))).toEqual(["DEV*LIT*STB"]);
    // The easy counterfactuals: remainders with DEV, LIT and STB present.
    expect(m.simplifyingAssumptions).toEqual([30]);
  });
});
