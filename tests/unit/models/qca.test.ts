import { describe, expect, it } from "vitest";
import type { ConditionValue } from "~/models/domain";
import {
  columnName,
  formatRatio,
  matrixColumns,
  matrixCsv,
  matrixMarkdown,
  measureConditions,
  type QcaCase,
  type QcaCode,
  truthTable,
} from "~/models/qca";

// A matrix written the way one would on paper: one string per case, one character per code
// (1 present, 0 absent, ? unknown), codes in the order given.
function grid(codeIds: string[], rows: Record<string, string>) {
  const cases: QcaCase[] = Object.keys(rows).map((id) => ({ id, title: `Case ${id}` }));
  const value = (caseId: string, codeId: string): ConditionValue => {
    const ch = rows[caseId][codeIds.indexOf(codeId)];
    if (ch === undefined) throw new Error(`no value for ${caseId}/${codeId}`);
    return ch === "1" ? "present" : ch === "0" ? "absent" : "unknown";
  };
  return { cases, value };
}

const A = { id: "A", label: "Armed group distanced from its patron" };
const B = { id: "B", label: "Credible intermediary" };
const C = { id: "C", label: "Local channel" };
const Y = { id: "Y", label: "Temporary truce or ceasefire" };

//              A B C Y
const main = grid(["A", "B", "C", "Y"], {
  c1: "1101",
  c2: "1001",
  c3: "1100",
  c4: "01?1",
  c5: "0000",
  c6: "?101",
  c7: "000?",
  c8: "0011",
  c9: "??1?",
});
const mainInput = { ...main, preconditions: [A, B, C], outcome: Y };

describe("measureConditions", () => {
  const [a, b, c] = measureConditions(mainInput);

  it("counts A over the cases where A and Y are known", () => {
    // Known A and Y: c1 c2 c3 c4 c5 c8. Left out: c6 (A unknown), c7 and c9 (Y unknown).
    // |A| = c1 c2 c3 = 3; |Y| = c1 c2 c4 c8 = 4 (c6 shows Y but its A is unknown); |A∩Y| = c1 c2 = 2.
    expect(a).toMatchObject({
      codeId: "A",
      label: A.label,
      considered: 6,
      leftOutUnknown: 3,
      xCount: 3,
      yCount: 4,
      xAndY: 2,
      lowN: false,
    });
    expect(a.sufficiencyConsistency).toBeCloseTo(0.6667, 4); // 2/3
    expect(a.sufficiencyCoverage).toBeCloseTo(0.5, 4); // 2/4
    expect(a.necessityConsistency).toBeCloseTo(0.5, 4); // 2/4
    expect(a.necessityCoverage).toBeCloseTo(0.6667, 4); // 2/3
  });

  it("counts each precondition over its own known cases, so c6 counts for B", () => {
    // Known B and Y: c1 c2 c3 c4 c5 c6 c8. Left out: c7, c9.
    // |B| = c1 c3 c4 c6 = 4; |Y| = c1 c2 c4 c6 c8 = 5; |B∩Y| = c1 c4 c6 = 3.
    expect(b).toMatchObject({ considered: 7, leftOutUnknown: 2, xCount: 4, yCount: 5, xAndY: 3 });
    expect(b.sufficiencyConsistency).toBeCloseTo(0.75, 4);
    expect(b.sufficiencyCoverage).toBeCloseTo(0.6, 4);
    expect(b.necessityConsistency).toBeCloseTo(0.6, 4);
    expect(b.necessityCoverage).toBeCloseTo(0.75, 4);
  });

  it("gives a perfectly consistent but low-coverage precondition", () => {
    // Known C and Y: c1 c2 c3 c5 c6 c8. Left out: c4 (C unknown), c7, c9.
    // |C| = c8 = 1; |Y| = c1 c2 c6 c8 = 4; |C∩Y| = 1.
    expect(c).toMatchObject({
      considered: 6,
      leftOutUnknown: 3,
      xCount: 1,
      yCount: 4,
      xAndY: 1,
      lowN: false,
    });
    expect(c.sufficiencyConsistency).toBe(1);
    expect(c.sufficiencyCoverage).toBeCloseTo(0.25, 4);
    expect(c.necessityConsistency).toBeCloseTo(0.25, 4);
    expect(c.necessityCoverage).toBe(1);
  });

  it("returns null ratios when X or Y never occurs, and flags few cases", () => {
    const small = grid(["D", "Y"], { s1: "01", s2: "00", s3: "01", s4: "?1" });
    const [d] = measureConditions({ ...small, preconditions: [{ id: "D", label: "D" }], outcome: Y });
    // Known: s1 s2 s3; |D| = 0; |Y| = s1 s3 = 2.
    expect(d).toMatchObject({ considered: 3, leftOutUnknown: 1, xCount: 0, yCount: 2, xAndY: 0, lowN: true });
    expect(d.sufficiencyConsistency).toBeNull();
    expect(d.necessityCoverage).toBeNull();
    expect(d.sufficiencyCoverage).toBe(0);
    expect(d.necessityConsistency).toBe(0);
    expect(formatRatio(d.sufficiencyConsistency)).toBe("—");

    const noY = grid(["D", "Y"], { s1: "10", s2: "00" });
    const [e] = measureConditions({ ...noY, preconditions: [{ id: "D", label: "D" }], outcome: Y });
    expect(e).toMatchObject({ xCount: 1, yCount: 0, xAndY: 0, sufficiencyConsistency: 0 });
    expect(e.sufficiencyCoverage).toBeNull();
    expect(e.necessityConsistency).toBeNull();
  });

  it("flags lowN below five considered cases and not at five", () => {
    const four = grid(["D", "Y"], { s1: "11", s2: "10", s3: "01", s4: "00", s5: "?0" });
    expect(measureConditions({ ...four, preconditions: [{ id: "D", label: "D" }], outcome: Y })[0].lowN).toBe(
      true,
    );
    const five = grid(["D", "Y"], { s1: "11", s2: "10", s3: "01", s4: "00", s5: "00" });
    expect(measureConditions({ ...five, preconditions: [{ id: "D", label: "D" }], outcome: Y })[0].lowN).toBe(
      false,
    );
  });

  it("returns nothing without preconditions", () => {
    expect(measureConditions({ ...main, preconditions: [], outcome: Y })).toEqual([]);
  });
});

describe("truthTable", () => {
  it("builds one row per occurring combination, with a contradiction, sorted by n then key", () => {
    const table = truthTable(mainInput);
    expect(table.conditions.map((code) => code.id)).toEqual(["A", "B", "C"]);
    // Fully known: c1 110→1, c2 100→1, c3 110→0, c5 000→0, c8 001→1.
    expect(table.considered).toBe(5);
    expect(table.lowN).toBe(false);
    expect(table.rows.map((r) => [r.key, r.n, r.outcomeShare, r.contradiction])).toEqual([
      ["1-1-0", 2, 0.5, true],
      ["0-0-0", 1, 0, false],
      ["0-0-1", 1, 1, false],
      ["1-0-0", 1, 1, false],
    ]);
    expect(table.rows[0].combination).toEqual({ A: 1, B: 1, C: 0 });
    expect(table.rows[0].cases).toEqual([
      { id: "c1", title: "Case c1", outcome: 1 },
      { id: "c3", title: "Case c3", outcome: 0 },
    ]);
    expect(table.leftOut).toEqual([
      { id: "c4", title: "Case c4", unknownCodes: ["C"] },
      { id: "c6", title: "Case c6", unknownCodes: ["A"] },
      { id: "c7", title: "Case c7", unknownCodes: ["Y"] },
      { id: "c9", title: "Case c9", unknownCodes: ["A", "B", "Y"] },
    ]);
  });

  it("uses only the selected preconditions, in codebook order, so c4 comes back in", () => {
    const table = truthTable(mainInput, ["B", "A"]);
    expect(table.conditions.map((code) => code.id)).toEqual(["A", "B"]);
    // Known A, B, Y: c1 11→1, c2 10→1, c3 11→0, c4 01→1, c5 00→0, c8 00→1.
    expect(table.considered).toBe(6);
    expect(table.rows.map((r) => [r.key, r.n, r.outcomeShare, r.contradiction])).toEqual([
      ["0-0", 2, 0.5, true],
      ["1-1", 2, 0.5, true],
      ["0-1", 1, 1, false],
      ["1-0", 1, 1, false],
    ]);
    expect(table.rows[2].combination).toEqual({ A: 0, B: 1 });
    expect(table.rows[2].cases.map((c) => c.id)).toEqual(["c4"]);
    expect(table.leftOut.map((c) => [c.id, c.unknownCodes])).toEqual([
      ["c6", ["A"]],
      ["c7", ["Y"]],
      ["c9", ["A", "B", "Y"]],
    ]);
  });

  it("ignores selected ids that are not preconditions", () => {
    const table = truthTable(mainInput, ["C", "nope", "Y"]);
    expect(table.conditions.map((code) => code.id)).toEqual(["C"]);
    // Known C and Y: c1 0→1, c2 0→1, c3 0→0, c5 0→0, c6 0→1, c8 1→1.
    expect(table.rows.map((r) => [r.key, r.n, r.contradiction])).toEqual([
      ["0", 5, true],
      ["1", 1, false],
    ]);
    expect(table.rows[0].outcomeShare).toBeCloseTo(0.6, 4); // 3 of 5
  });

  it("puts every case with a known outcome in one row when nothing is selected", () => {
    const table = truthTable(mainInput, []);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({ key: "", combination: {}, n: 7, contradiction: true });
    expect(table.rows[0].outcomeShare).toBeCloseTo(0.7143, 4); // 5 of 7
    expect(table.leftOut.map((c) => [c.id, c.unknownCodes])).toEqual([
      ["c7", ["Y"]],
      ["c9", ["Y"]],
    ]);
  });

  it("flags a table backed by fewer than five cases", () => {
    const small = grid(["A", "Y"], { s1: "11", s2: "11", s3: "00", s4: "1?" });
    const table = truthTable({ ...small, preconditions: [A], outcome: Y });
    expect(table.considered).toBe(3);
    expect(table.lowN).toBe(true);
    expect(table.rows.map((r) => [r.key, r.n, r.outcomeShare, r.contradiction])).toEqual([
      ["1", 2, 1, false],
      ["0", 1, 0, false],
    ]);
  });

  it("returns no rows when no case is fully known", () => {
    const none = grid(["A", "Y"], { s1: "?1", s2: "1?" });
    const table = truthTable({ ...none, preconditions: [A], outcome: Y });
    expect(table.rows).toEqual([]);
    expect(table.considered).toBe(0);
    expect(table.lowN).toBe(true);
  });
});

describe("formatRatio", () => {
  it("shows two decimals, or a dash when there is nothing to divide by", () => {
    expect(formatRatio(2 / 3)).toBe("0.67");
    expect(formatRatio(0.5)).toBe("0.50");
    expect(formatRatio(1)).toBe("1.00");
    expect(formatRatio(0)).toBe("0.00");
    expect(formatRatio(null)).toBe("—");
  });
});

describe("column names", () => {
  it("folds labels to uppercase ASCII identifiers", () => {
    expect(columnName("Temporary truce or ceasefire")).toBe("TEMPORARY_TRUCE_OR_CEASEFIRE");
    expect(columnName("Ségou é ï")).toBe("SEGOU_E_I");
    expect(columnName("Hostage/detainee exchange — or release?")).toBe(
      "HOSTAGE_DETAINEE_EXCHANGE_OR_RELEASE",
    );
    expect(columnName("Œuvre straße Łódź")).toBe("OEUVRE_STRASSE_LODZ");
  });

  it("keeps names R accepts: no leading digit, no reserved word, never empty", () => {
    expect(columnName("2015 Algiers process")).toBe("C_2015_ALGIERS_PROCESS");
    expect(columnName("na")).toBe("NA_");
    expect(columnName("True")).toBe("TRUE_");
    expect(columnName("مصالحة")).toBe("CODE");
    expect(columnName("  ")).toBe("CODE");
  });

  it("deduplicates names that fold to the same identifier", () => {
    const columns = matrixColumns([
      { id: "k1", label: "Ségou é ï" },
      { id: "k2", label: "Segou e i" },
      { id: "k3", label: "SEGOU_E_I_2" },
      { id: "k4", label: "segou, e, i" },
    ]);
    expect(columns).toEqual([
      { column: "SEGOU_E_I", codeId: "k1", label: "Ségou é ï" },
      { column: "SEGOU_E_I_2", codeId: "k2", label: "Segou e i" },
      { column: "SEGOU_E_I_2_2", codeId: "k3", label: "SEGOU_E_I_2" },
      { column: "SEGOU_E_I_3", codeId: "k4", label: "segou, e, i" },
    ]);
  });
});

describe("matrixCsv", () => {
  const codes: QcaCode[] = [
    { id: "t", label: "Temporary truce or ceasefire" },
    { id: "s", label: "Ségou é ï" },
    { id: "s2", label: "Segou e i" },
  ];
  const values: Record<string, Record<string, ConditionValue>> = {
    m: { t: "present", s: "absent", s2: "unknown" },
    a: { t: "absent", s: "unknown", s2: "present" },
    b: { t: "unknown", s: "unknown", s2: "unknown" },
    d: { t: "present", s: "present", s2: "present" },
  };
  const value = (caseId: string, codeId: string) => values[caseId][codeId];

  it("writes one row per case, its title quoted, with 1, 0 and blank cells", () => {
    const { csv, columns } = matrixCsv(
      [
        { id: "m", title: 'Mali, Ségou — "local" truce' },
        { id: "a", title: "Algeria 1997" },
        { id: "b", title: "Two\nlines" },
      ],
      codes,
      value,
    );
    expect(csv).toBe(
      [
        '"case","TEMPORARY_TRUCE_OR_CEASEFIRE","SEGOU_E_I","SEGOU_E_I_2"',
        '"Mali, Ségou — ""local"" truce",1,0,',
        '"Algeria 1997",0,,1',
        '"Two\nlines",,,',
        "",
      ].join("\r\n"),
    );
    expect(columns).toEqual([
      { column: "TEMPORARY_TRUCE_OR_CEASEFIRE", codeId: "t", label: "Temporary truce or ceasefire" },
      { column: "SEGOU_E_I", codeId: "s", label: "Ségou é ï" },
      { column: "SEGOU_E_I_2", codeId: "s2", label: "Segou e i" },
    ]);
  });

  it("numbers repeated titles so R accepts them as row names", () => {
    const { csv } = matrixCsv(
      [
        { id: "a", title: "Algeria" },
        { id: "d", title: "Algeria" },
        { id: "m", title: "Mali" },
        { id: "b", title: "Algeria" },
      ],
      codes.slice(0, 1),
      value,
    );
    expect(csv.split("\r\n")).toEqual([
      '"case","TEMPORARY_TRUCE_OR_CEASEFIRE"',
      '"Algeria",0',
      '"Algeria (2)",1',
      '"Mali",1',
      '"Algeria (3)",',
      "",
    ]);
  });

  it("writes just the header when there are no cases", () => {
    expect(matrixCsv([], codes, value).csv).toBe(
      '"case","TEMPORARY_TRUCE_OR_CEASEFIRE","SEGOU_E_I","SEGOU_E_I_2"\r\n',
    );
  });
});

describe("matrixMarkdown", () => {
  it("draws ✓ ✗ ? cells and escapes pipes and backslashes in titles and labels", () => {
    const cells: Record<string, ConditionValue> = {
      "1/x": "present",
      "1/y": "absent",
      "2/x": "unknown",
      "2/y": "present",
    };
    const value = (caseId: string, codeId: string) => cells[`${caseId}/${codeId}`];
    const md = matrixMarkdown(
      [
        { id: "1", title: String.raw`Mali | Ségou \| truce` },
        { id: "2", title: "Two\nlines" },
      ],
      [
        { id: "x", label: "Local channel" },
        { id: "y", label: "Truce | ceasefire" },
      ],
      value,
    );
    expect(md).toBe(
      [
        String.raw`| Case | Local channel | Truce \| ceasefire |`,
        "| --- | :-: | :-: |",
        String.raw`| Mali \| Ségou \\\| truce | ✓ | ✗ |`,
        "| Two lines | ? | ✓ |",
        "",
      ].join("\n"),
    );
  });
});
