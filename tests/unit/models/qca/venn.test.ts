// The Venn diagram: every combination of one to five preconditions has a region of its own, and the
// drawing fills each by its truth-table row.
import { describe, expect, it } from "vitest";
import type { ConditionValue } from "~/models/domain";
import { analyse } from "~/models/qca/analysis";
import { regionAt, regionLabelPoints, VENN_FILLS, vennOf, vennSvgText } from "~/models/qca/venn";

describe("Venn shapes", () => {
  for (const k of [1, 2, 3, 4, 5]) {
    it(`give each of the ${2 ** k} combinations of ${k} sets a region`, () => {
      const seen = new Set<number>();
      for (let i = 0; i <= 400; i++) for (let j = 0; j <= 400; j++) seen.add(regionAt(k, j / 400, i / 400));
      expect(seen.size).toBe(2 ** k);
      // The label point of each region lies in that region.
      regionLabelPoints(k).forEach((point, row) => {
        if (row === 0) return;
        expect(point).not.toBeNull();
        expect(regionAt(k, point!.x, point!.y)).toBe(row);
      });
    });
  }
});

describe("the diagram of a truth table", () => {
  const ROWS: Record<string, string> = { a: "111", b: "101", c: "100", d: "000", e: "110", f: "111" };
  const analysis = analyse({
    cases: Object.keys(ROWS).map((id) => ({ id, title: id })),
    preconditions: ["A", "B"].map((n) => ({ id: n, shortName: n, label: n, negated: n === "B" })),
    outcome: { id: "Y", shortName: "Y", label: "Y", negated: false },
    value: (caseId, codeId): ConditionValue =>
      ROWS[caseId]["ABY".indexOf(codeId)] === "1" ? "present" : "absent",
    thresholds: { consistency: 0.9, contradictionBelow: 0.4 },
  });

  it("fills regions by outcome and leaves remainders blank", () => {
    const venn = vennOf(analysis)!;
    expect(venn.sets.map((s) => s.label)).toEqual(["A", "~B"]);
    const byRow = Object.fromEntries(venn.regions.map((r) => [r.row, [r.fill, r.n]]));
    // Row 3 (A, B present): a, e, f, 2 of 3 show Y; row 4 (A, B absent): b, c, 1 of 2: both contradictions
    // between the two thresholds. Row 2 (B absent only): d, no Y. Row 1 (B present only): no case.
    expect(byRow).toEqual({
      1: ["remainder", 0],
      2: ["negative", 1],
      3: ["contradiction", 3],
      4: ["contradiction", 2],
    });
  });

  it("draws an SVG with one clipped region per combination, names escaped", () => {
    const svg = vennSvgText(vennOf(analysis)!, "Truth table of <Y>", "Y");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain("<title>Truth table of &lt;Y&gt;</title>");
    expect(svg.match(/<rect width="400" height="400" fill="/g)).toHaveLength(4 + 2);
    expect(svg).toContain(`fill="${VENN_FILLS.contradiction}"`);
    expect(svg).toContain(">~B</text>");
  });

  it("is not drawn past five preconditions", () => {
    const many = analyse({
      cases: [],
      preconditions: Array.from({ length: 6 }, (_, i) => ({
        id: `c${i}`,
        shortName: `C${i}`,
        label: "",
        negated: false,
      })),
      outcome: { id: "Y", shortName: "Y", label: "Y", negated: false },
      value: () => "present",
    });
    expect(vennOf(many)).toBeNull();
  });
});
