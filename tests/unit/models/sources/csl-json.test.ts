import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type CslItem, cslItemSchema, MAX_IMPORT_ITEMS } from "~/models/sources/csl-item";
import { exportCslJson, importCslJson } from "~/models/sources/csl-json";
import { msg } from "~/utils/messages";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), "utf8");

describe("importCslJson", () => {
  it("imports the good items of a mixed file and says why each bad one was skipped", () => {
    const { items, skipped } = importCslJson(fixture("csl-mixed.json"));

    expect(items.map((i) => i.id)).toEqual(["icg-2021", "film", "42"]);
    expect(skipped).toEqual([
      { index: 1, id: "no-title", reason: 'item 2 (id "no-title"): missing title' },
      {
        index: 2,
        id: "ftp-only",
        title: "Archive on an FTP server",
        reason:
          'item 3 ("Archive on an FTP server"): URL must be a web address starting with http:// or https://',
      },
      {
        index: 4,
        id: "empty-author",
        title: "Nobody wrote this",
        reason:
          'item 5 ("Nobody wrote this"): author 2: needs a family or given name, or a literal (organisation) name',
      },
      { index: 5, reason: "item 6: is a string, not a CSL item object" },
      {
        index: 6,
        id: "icg-2021",
        title: "Same id as the first item",
        reason: 'item 7 ("Same id as the first item"): duplicate id "icg-2021" (already used by item 1)',
      },
      {
        index: 8,
        id: "bad-month",
        title: "Address to the nation",
        reason: 'item 9 ("Address to the nation"): issued date: month must be between 1 and 12',
      },
      {
        index: 9,
        id: "bad-reliability",
        title: "Interview with a former fighter",
        reason:
          'item 10 ("Interview with a former fighter"): reliability "very high" is not one of high, medium, low, unknown',
      },
    ]);
  });

  it("keeps a valid item exactly, and normalises what other tools write", () => {
    const { items } = importCslJson(fixture("csl-mixed.json"));
    expect(items[0]).toStrictEqual({
      id: "icg-2021",
      type: "report",
      title: "Talking to jihadists in the Sahel",
      author: [{ literal: "International Crisis Group" }],
      issued: { "date-parts": [[2021, 5, 3]] },
      publisher: "International Crisis Group",
      URL: "https://www.crisisgroup.org/africa/sahel/example",
      accessed: { "date-parts": [[2024, 3, 5]] },
      language: "en",
      custom: { reliability: "high", confidentiality: "public" },
    });
    // Numeric id, padded title, name particle, string date-parts, empty publisher, doi.org URL, foreign
    // custom key, capitalised reliability; the volume is one of the fields we store.
    expect(items[2]).toStrictEqual({
      id: "42",
      type: "article-journal",
      title: "Negotiating with armed groups",
      author: [{ family: "van der Berg", given: "Anna" }],
      issued: { "date-parts": [[2019, 3]] },
      "container-title": "Journal of Peace Research",
      volume: "56",
      DOI: "10.1177/0022343319000001",
      custom: { reliability: "medium" },
    });
  });

  it("maps an unsupported CSL type to document and says so in the note", () => {
    const { items } = importCslJson(fixture("csl-mixed.json"));
    const film = items.find((i) => i.id === "film");
    expect(film?.type).toBe("document");
    expect(film?.note).toBe(
      'Feature film.\nImported with CSL type "motion_picture", which the casebook does not support; stored as "document".',
    );
    const untyped = importCslJson('{"id": "x", "title": "No type"}').items[0];
    expect(untyped.type).toBe("document");
    expect(untyped.note).toBe('Imported without a CSL type; stored as "document".');
  });

  it("accepts a single object as well as an array", () => {
    const result = importCslJson('{"id": "one", "type": "book", "title": "Alone"}');
    expect(result).toEqual({ items: [{ id: "one", type: "book", title: "Alone" }], skipped: [] });
  });

  it("reports a file that is not JSON as one skipped entry, with a hint for BibTeX", () => {
    const notJson = importCslJson("Title, Author\nFoo, Bar");
    expect(notJson.items).toEqual([]);
    expect(notJson.skipped).toHaveLength(1);
    expect(notJson.skipped[0].index).toBe(-1);
    expect(notJson.skipped[0].reason).toMatch(/^sources\.importReasons\.notJson\|\{"detail":"/);

    const bib = importCslJson("@article{x, title = {A}}");
    expect(bib.skipped[0].reason).toMatch(/^sources\.importReasons\.notJsonBibTeX\|/);

    expect(importCslJson("  ").skipped).toEqual([{ index: -1, reason: "sources.importReasons.fileEmpty" }]);
    expect(importCslJson("42").skipped).toEqual([
      { index: -1, reason: msg("sources.importReasons.notItems", { kind: "number" }) },
    ]);
  });

  it("never throws, whatever the input", () => {
    const inputs = [
      "[",
      "[1, null, true]",
      "[[]]",
      "{}",
      '{"title": 5}',
      '[{"title": "x", "author": "Bob"}]',
    ];
    for (const input of inputs) {
      expect(() => importCslJson(input)).not.toThrow();
    }
    expect(importCslJson("[1, null, [2]]").skipped.map((s) => s.reason)).toEqual([
      "item 1: is a number, not a CSL item object",
      "item 2: is null, not a CSL item object",
      "item 3: is a list, not a CSL item object",
    ]);
    expect(importCslJson('[{"id": "t", "title": 5}]').skipped[0].reason).toBe(
      'item 1 (id "t"): title must be text',
    );
    // A missing id is generated, so an item without one is still imported.
    expect(importCslJson('[{"title": "No id"}]').items[0].id).toBe("item-1");
  });

  it("enforces the 1–1000 character title", () => {
    const ok = importCslJson(JSON.stringify([{ id: "a", type: "book", title: "x".repeat(1000) }]));
    expect(ok.items).toHaveLength(1);
    const long = importCslJson(JSON.stringify([{ id: "b", type: "book", title: "x".repeat(1001) }]));
    expect(long.items).toHaveLength(0);
    expect(long.skipped[0].reason).toMatch(/: title is longer than 1,000 characters$/);
    const blank = importCslJson(JSON.stringify([{ id: "c", type: "book", title: "   " }]));
    expect(blank.skipped[0].reason).toBe('item 1 (id "c"): title is empty');
  });

  it("rejects impossible dates and bad DOIs with specific reasons", () => {
    const { skipped } = importCslJson(
      JSON.stringify([
        { id: "d1", type: "book", title: "Feb 30", issued: { "date-parts": [[2021, 2, 30]] } },
        { id: "d2", type: "book", title: "Bad access", accessed: "last week" },
        { id: "d3", type: "book", title: "Bad DOI", DOI: "not a doi" },
      ]),
    );
    expect(skipped.map((s) => s.reason)).toEqual([
      'item 1 ("Feb 30"): issued date: that day does not exist in that month',
      'item 2 ("Bad access"): accessed date: must be a calendar date such as 2024-03-05',
      'item 3 ("Bad DOI"): DOI must look like 10.1234/abc',
    ]);
  });

  it(`imports at most ${MAX_IMPORT_ITEMS} items and reports the rest`, () => {
    const many = Array.from({ length: MAX_IMPORT_ITEMS + 3 }, (_, i) => ({
      id: `s${i}`,
      type: "book",
      title: `T${i}`,
    }));
    const { items, skipped } = importCslJson(JSON.stringify(many));
    expect(items).toHaveLength(MAX_IMPORT_ITEMS);
    expect(items.at(-1)?.id).toBe(`s${MAX_IMPORT_ITEMS - 1}`);
    expect(skipped).toEqual([
      {
        index: 5000,
        reason: "items 5001–5003 (3 in all) were not imported: one file may hold at most 5,000 items",
      },
    ]);
  });
});

describe("exportCslJson", () => {
  it("writes a pretty array with a stable key order, whatever order the item's keys were set in", () => {
    const shuffled = {
      custom: { confidentiality: "restricted", reliability: "low" },
      note: "n",
      URL: "https://example.org/",
      title: "T",
      author: [{ given: "Awa", family: "Diallo" }],
      type: "interview",
      id: "i1",
    } as CslItem;
    const json = exportCslJson([shuffled]);
    expect(json).toBe(
      `${[
        "[",
        "  {",
        '    "id": "i1",',
        '    "type": "interview",',
        '    "title": "T",',
        '    "author": [',
        "      {",
        '        "family": "Diallo",',
        '        "given": "Awa"',
        "      }",
        "    ],",
        '    "URL": "https://example.org/",',
        '    "note": "n",',
        '    "custom": {',
        '      "reliability": "low",',
        '      "confidentiality": "restricted"',
        "    }",
        "  }",
        "]",
      ].join("\n")}\n`,
    );
    expect(exportCslJson([])).toBe("[]\n");
  });

  it("round-trips: import(export(items)) gives the same items and the same text", () => {
    const { items } = importCslJson(fixture("csl-mixed.json"));
    const exported = exportCslJson(items);
    const again = importCslJson(exported);
    expect(again.skipped).toEqual([]);
    expect(again.items).toStrictEqual(items);
    expect(exportCslJson(again.items)).toBe(exported);
  });
});

describe("cslItemSchema", () => {
  it("validates a stored item and keeps only the fields we store", () => {
    const parsed = cslItemSchema.parse({
      id: "s",
      type: "speech",
      title: " Address ",
      volume: "3",
      "collection-title": "not stored",
      author: [{ literal: "UN", family: "ignored" }],
    });
    expect(parsed).toStrictEqual({
      id: "s",
      type: "speech",
      title: "Address",
      author: [{ literal: "UN" }],
      volume: "3",
    });
    expect(cslItemSchema.safeParse({ id: "s", type: "film", title: "x" }).success).toBe(false);
    expect(
      cslItemSchema.safeParse({ id: "s", type: "webpage", title: "x", URL: "javascript:alert(1)" }).success,
    ).toBe(false);
  });
});
