// Crisp-set QCA over the cases × codes matrix of the compare feature. Pure: the caller reads
// case_conditions and passes a lookup, so the same figures back the page, the exports and the tests.
// Every figure counts only cases whose values are known: "unknown" is never read as absent.

import { csvLines, csvNumber, csvText } from "~/models/csv";
import type { ConditionValue } from "~/models/domain";
import { asciiFold } from "~/rules/text";

/** Below this many cases a figure is shown with a warning (DOMAIN.md: "fewer than ~5 cases"). */
export const LOW_N = 5;

export type QcaCase = { id: string; title: string };
/** `shortName`, when given, names the code's CSV column (the same in every language); else the label does. */
export type QcaCode = { id: string; label: string; shortName?: string };
export type ValueOf = (caseId: string, codeId: string) => ConditionValue;

export type QcaInput = {
  cases: QcaCase[];
  preconditions: QcaCode[];
  outcome: QcaCode;
  value: ValueOf;
};

export type ConditionMeasures = {
  codeId: string;
  label: string;
  /** Cases where both the precondition X and the outcome Y are known. */
  considered: number;
  /** Cases left out because X or Y is unknown. */
  leftOutUnknown: number;
  xCount: number;
  yCount: number;
  xAndY: number;
  /** |X ∩ Y| / |X|: when X is present, how often is Y? */
  sufficiencyConsistency: number | null;
  /** |X ∩ Y| / |Y|: how much of Y does X account for? */
  sufficiencyCoverage: number | null;
  /** |X ∩ Y| / |Y|: when Y is present, how often was X? */
  necessityConsistency: number | null;
  /** |X ∩ Y| / |X|: how relevant is X as a necessary condition (is X much more common than Y)? */
  necessityCoverage: number | null;
  lowN: boolean;
};

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export function measureConditions(input: QcaInput): ConditionMeasures[] {
  const { cases, preconditions, outcome, value } = input;
  return preconditions.map((code) => {
    let considered = 0;
    let xCount = 0;
    let yCount = 0;
    let xAndY = 0;
    for (const c of cases) {
      const x = value(c.id, code.id);
      const y = value(c.id, outcome.id);
      if (x === "unknown" || y === "unknown") continue;
      considered++;
      if (x === "present") xCount++;
      if (y === "present") yCount++;
      if (x === "present" && y === "present") xAndY++;
    }
    // Sufficiency consistency and necessity coverage are the same number in crisp sets (and likewise the
    // other pair); both are kept because the page asks two different questions with them.
    return {
      codeId: code.id,
      label: code.label,
      considered,
      leftOutUnknown: cases.length - considered,
      xCount,
      yCount,
      xAndY,
      sufficiencyConsistency: ratio(xAndY, xCount),
      sufficiencyCoverage: ratio(xAndY, yCount),
      necessityConsistency: ratio(xAndY, yCount),
      necessityCoverage: ratio(xAndY, xCount),
      lowN: considered < LOW_N,
    };
  });
}

export type TruthTableRow = {
  combination: Record<string, 0 | 1>;
  /** The combination in precondition order, e.g. "1-0-1". */
  key: string;
  cases: Array<{ id: string; title: string; outcome: 0 | 1 }>;
  n: number;
  /** Share of the row's cases showing the outcome. */
  outcomeShare: number;
  /** Cases on both sides of the outcome. */
  contradiction: boolean;
};

export type TruthTable = {
  /** The preconditions the table is built on, in codebook order. */
  conditions: QcaCode[];
  rows: TruthTableRow[];
  /** Cases with at least one of those preconditions or the outcome unknown, and which codes were unknown. */
  leftOut: Array<{ id: string; title: string; unknownCodes: string[] }>;
  considered: number;
  lowN: boolean;
};

/**
 * One row per combination of preconditions that occurs among fully known cases. `selectedPreconditionIds`
 * narrows the preconditions (ids not among them are ignored; order stays the preconditions' order); an
 * empty selection yields at most one row holding every case whose outcome is known.
 */
export function truthTable(input: QcaInput, selectedPreconditionIds?: readonly string[]): TruthTable {
  const { cases, preconditions, outcome, value } = input;
  const selected = selectedPreconditionIds ? new Set(selectedPreconditionIds) : null;
  const conditions = selected ? preconditions.filter((code) => selected.has(code.id)) : preconditions;

  const byKey = new Map<string, TruthTableRow>();
  const leftOut: TruthTable["leftOut"] = [];
  for (const c of cases) {
    const values = conditions.map((code) => value(c.id, code.id));
    const y = value(c.id, outcome.id);
    const unknownCodes = conditions.filter((_, i) => values[i] === "unknown").map((code) => code.id);
    if (y === "unknown") unknownCodes.push(outcome.id);
    if (unknownCodes.length > 0) {
      leftOut.push({ id: c.id, title: c.title, unknownCodes });
      continue;
    }
    const bits = values.map((v) => (v === "present" ? 1 : 0) as 0 | 1);
    const key = bits.join("-");
    let row = byKey.get(key);
    if (!row) {
      row = {
        combination: Object.fromEntries(conditions.map((code, i) => [code.id, bits[i]])),
        key,
        cases: [],
        n: 0,
        outcomeShare: 0,
        contradiction: false,
      };
      byKey.set(key, row);
    }
    row.cases.push({ id: c.id, title: c.title, outcome: y === "present" ? 1 : 0 });
  }

  const rows = [...byKey.values()].map((row) => {
    const positive = row.cases.filter((c) => c.outcome === 1).length;
    const n = row.cases.length;
    return { ...row, n, outcomeShare: positive / n, contradiction: positive > 0 && positive < n };
  });
  rows.sort((a, b) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const considered = cases.length - leftOut.length;
  return { conditions, rows, leftOut, considered, lowN: considered < LOW_N };
}

export function formatRatio(x: number | null): string {
  return x === null ? "—" : x.toFixed(2);
}

// ---------------------------------------------------------------------------------------------------
// Exports

export type MatrixColumn = { column: string; codeId: string; label: string };

// Uppercased names R would refuse as column names (the others of R's reserved words are lowercase).
const R_RESERVED = new Set(["TRUE", "FALSE", "NULL", "NA"]);

/** A label as an R-safe, QCA-friendly identifier: "Temporary truce or ceasefire" → "TEMPORARY_TRUCE_OR_CEASEFIRE". */
export function columnName(label: string): string {
  const folded = asciiFold(label)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (folded === "") return "CODE";
  // R names cannot start with a digit.
  if (/^[0-9]/.test(folded)) return `C_${folded}`;
  if (R_RESERVED.has(folded)) return `${folded}_`;
  return folded;
}

/** Column names for the codes, in order, made unique with _2, _3… */
export function matrixColumns(codes: readonly QcaCode[]): MatrixColumn[] {
  const used = new Set<string>();
  return codes.map((code) => {
    const base = columnName(code.shortName || code.label);
    let column = base;
    for (let i = 2; used.has(column); i++) column = `${base}_${i}`;
    used.add(column);
    return { column, codeId: code.id, label: code.label };
  });
}

const CSV_CELL: Record<ConditionValue, number | null> = { present: 1, absent: 0, unknown: null };

/**
 * The matrix as RFC 4180 CSV (CRLF line ends, no BOM) that `read.csv(file, row.names = 1)` loads: a `case`
 * column of titles, then one 0/1/blank column per code, named by its short name. Titles repeated among the
 * cases get " (2)", " (3)"… because R refuses duplicate row names. Text cells go through csvText
 * (models/csv.ts): a title that starts like a formula gets an apostrophe in front, also in R.
 *
 * With `knownOnly` (the CSV for R's QCA package, whose truthTable() and minimize() refuse missing values)
 * only the cases known on every column are written; the others are returned in `leftOut`.
 */
export function matrixCsv(
  cases: readonly QcaCase[],
  codes: readonly QcaCode[],
  value: ValueOf,
  { knownOnly = false } = {},
): { csv: string; columns: MatrixColumn[]; leftOut: QcaCase[] } {
  const columns = matrixColumns(codes);
  const seen = new Map<string, number>();
  const rows = [["case", ...columns.map((c) => c.column)].map(csvText)];
  const leftOut: QcaCase[] = [];
  for (const c of cases) {
    if (knownOnly && codes.some((code) => value(c.id, code.id) === "unknown")) {
      leftOut.push(c);
      continue;
    }
    const count = (seen.get(c.title) ?? 0) + 1;
    seen.set(c.title, count);
    const title = count === 1 ? c.title : `${c.title} (${count})`;
    rows.push([csvText(title), ...codes.map((code) => csvNumber(CSV_CELL[value(c.id, code.id)]))]);
  }
  return { csv: csvLines(rows), columns, leftOut };
}

const MD_CELL: Record<ConditionValue, string> = { present: "✓", absent: "✗", unknown: "?" };

// Backslashes first, so a title's own "\|" cannot turn our escape back into a column break.
function mdCell(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, " ")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|");
}

/** The matrix as a Markdown table: ✓ present, ✗ absent, ? unknown. */
export function matrixMarkdown(
  cases: readonly QcaCase[],
  codes: readonly QcaCode[],
  value: ValueOf,
  caseHeading = "Case",
): string {
  const row = (cells: string[]) => `| ${cells.join(" | ")} |`;
  const lines = [
    row([mdCell(caseHeading), ...codes.map((code) => mdCell(code.label))]),
    row(["---", ...codes.map(() => ":-:")]),
    ...cases.map((c) => row([mdCell(c.title), ...codes.map((code) => MD_CELL[value(c.id, code.id)])])),
  ];
  return `${lines.join("\n")}\n`;
}
