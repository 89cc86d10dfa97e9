// Every figure of the analysis on a small matrix worked out by hand, with unknowns and negation.
import { describe, expect, it } from "vitest";
import type { ConditionValue } from "~/models/domain";
import { type AnalysisCode, analyse } from "~/models/qca/analysis";
import { modelText } from "~/models/qca/formula";
import { thresholdsOf } from "~/rules/qca-settings";

// A, B, Y per case: 1 present, 0 absent, ? unknown.
const ROWS: Record<string, string> = {
  c1: "111",
  c2: "111",
  c3: "110",
  c4: "101",
  c5: "010",
  c6: "000",
  c7: "?11",
  c8: "10?",
};
const code = (shortName: string, negated = false): AnalysisCode => ({
  id: shortName,
  shortName,
  label: `Label ${shortName}`,
  negated,
});

function run(options: { negate?: string[]; thresholds?: Parameters<typeof thresholdsOf>[0] } = {}) {
  const negate = new Set(options.negate ?? []);
  return analyse({
    cases: Object.keys(ROWS).map((id) => ({ id, title: id.toUpperCase() })),
    preconditions: [code("A", negate.has("A")), code("B", negate.has("B"))],
    outcome: code("Y", negate.has("Y")),
    value: (caseId, codeId): ConditionValue => {
      const ch = ROWS[caseId]["ABY".indexOf(codeId)];
      return ch === "1" ? "present" : ch === "0" ? "absent" : "unknown";
    },
    thresholds: options.thresholds,
  });
}

const table = (a: ReturnType<typeof run>) =>
  a.rows.map((r) => `${r.values.join("")}:${r.n}:${r.positive}:${r.outcome}`);

describe("the analysis", () => {
  it("leaves out the cases with an unknown value, naming the codes", () => {
    const a = run();
    expect(a.considered).toBe(6);
    expect(a.leftOut.map((c) => [c.id, c.unknownCodes])).toEqual([
      ["c7", ["A"]],
      ["c8", ["Y"]],
    ]);
    expect(a.combinations).toBe(4);
    expect(a.unobserved).toBe(0);
    expect(a.diversityWarning).toBe(false);
  });

  it("sets each row's outcome by the consistency threshold", () => {
    expect(table(run({ thresholds: { consistency: 1 } }))).toEqual([
      "10:1:1:1",
      "11:3:2:0",
      "00:1:0:0",
      "01:1:0:0",
    ]);
    expect(table(run({ thresholds: { consistency: 0.6 } }))).toEqual([
      "10:1:1:1",
      "11:3:2:1",
      "00:1:0:0",
      "01:1:0:0",
    ]);
    // Between the two thresholds: a contradiction, neither minimized as 1 nor as 0.
    const a = run({ thresholds: { consistency: 0.8, contradictionBelow: 0.5 } });
    expect(table(a)).toEqual(["10:1:1:1", "11:3:2:C", "00:1:0:0", "01:1:0:0"]);
    expect(a.rows[1].consistency).toBeCloseTo(2 / 3);
  });

  it("treats rows under the frequency threshold as remainders", () => {
    const a = run({ thresholds: { consistency: 0.6, frequency: 2 } });
    expect(table(a)).toEqual(["10:1:1:?", "11:3:2:1", "00:1:0:?", "01:1:0:?"]);
    expect(a.remainders).toEqual([1, 2, 3]);
    expect(a.unobserved).toBe(3);
    // A*B is the only positive row; with every other row a remainder the parsimonious solution is "1".
    expect(modelText(a.solutions?.conservative.models[0].terms ?? [], code("Y"))).toBe("A*B -> Y");
    expect(modelText(a.solutions?.parsimonious.models[0].terms ?? [], code("Y"))).toBe("1 -> Y");
  });

  it("measures a solution over the cases: consistency, raw and unique coverage", () => {
    const a = run({ thresholds: { consistency: 0.6 } });
    const [m] = a.solutions?.conservative.models ?? [];
    expect(modelText(m.terms, code("Y"))).toBe("A -> Y");
    expect(m.terms[0]).toMatchObject({ consistency: 0.75, rawCoverage: 1, uniqueCoverage: 1 });
    expect(m.terms[0].cases.map((c) => c.id)).toEqual(["c1", "c2", "c3", "c4"]);
    expect([m.consistency, m.coverage]).toEqual([0.75, 1]);
  });

  it("gives no solution when no row shows the outcome", () => {
    expect(run({ thresholds: { consistency: 1, frequency: 3 } }).solutions).toBeNull();
  });

  it("negates a precondition: the columns flip, the solution says the same thing", () => {
    const a = run({ negate: ["A"], thresholds: { consistency: 0.6 } });
    expect(table(a)).toEqual(["00:1:1:1", "01:3:2:1", "10:1:0:0", "11:1:0:0"]);
    const [m] = a.solutions?.conservative.models ?? [];
    expect(m.terms[0].literals).toEqual([{ code: "A", codeId: "A", negated: false }]);
    expect(modelText(m.terms, code("Y"))).toBe("A -> Y");
  });

  it("negates the outcome", () => {
    const a = run({ negate: ["Y"] });
    expect(table(a)).toEqual(["00:1:1:1", "01:1:1:1", "11:3:1:0", "10:1:0:0"]);
    expect(modelText(a.solutions?.conservative.models[0].terms ?? [], code("Y", true))).toBe("~A -> ~Y");
  });

  it("measures necessity of each precondition and its negation, with relevance", () => {
    const byText = Object.fromEntries(
      run().necessity.map((n) => [`${n.literal.negated ? "~" : ""}${n.literal.code}`, n]),
    );
    expect(byText.A).toMatchObject({ consistency: 1, coverage: 0.75, necessary: true });
    expect(byText.A.relevance).toBeCloseTo(2 / 3);
    expect(byText["~A"]).toMatchObject({ consistency: 0, coverage: 0, necessary: false });
    expect(byText["~A"].relevance).toBeCloseTo(4 / 6);
    expect(byText.B.consistency).toBeCloseTo(2 / 3);
    expect(byText.B).toMatchObject({ coverage: 0.5, relevance: 0.5, necessary: false });
    expect(byText["~B"].consistency).toBeCloseTo(1 / 3);
  });

  it("keeps thresholds within bounds", () => {
    expect(thresholdsOf({ consistency: 2, contradictionBelow: 0.9, frequency: 0 })).toEqual({
      consistency: 1,
      contradictionBelow: 0.9,
      frequency: 1,
    });
    expect(thresholdsOf({ consistency: 0.7, contradictionBelow: 0.9 }).contradictionBelow).toBe(0.7);
  });
});

describe("many preconditions", () => {
  it("draws no table and minimizes nothing past the limit, but still measures necessity", () => {
    const codes = Array.from({ length: 11 }, (_, i) => code(`C${i}`));
    const a = analyse({
      cases: [{ id: "x", title: "X" }],
      preconditions: codes,
      outcome: code("Y"),
      value: () => "present",
    });
    expect(a.tooManyConditions).toBe(true);
    expect(a.rows).toEqual([]);
    expect(a.remainders).toEqual([]);
    expect(a.solutions).toBeNull();
    expect(a.necessity).toHaveLength(22);
    expect(a.considered).toBe(1);
  });
});
