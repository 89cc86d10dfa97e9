import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  bibTeXEntryType,
  CSL_TYPES,
  type CslItem,
  citationKeys,
  cslItemSchema,
  escapeLatex,
  exportCslJson,
  formatReference,
  fromBibTeX,
  importCslJson,
  MAX_IMPORT_ITEMS,
  toBibTeX,
} from "~/models/csl";
import { msg } from "~/utils/messages";

const fixture = (name: string) =>
  readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8");

const item = (fields: Partial<CslItem> & Pick<CslItem, "id" | "title">): CslItem => ({
  type: "document",
  ...fields,
});

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
    // Numeric id, padded title, name particle, string date-parts, empty publisher, doi.org URL, unknown
    // field (volume), foreign custom key, capitalised reliability.
    expect(items[2]).toStrictEqual({
      id: "42",
      type: "article-journal",
      title: "Negotiating with armed groups",
      author: [{ family: "van der Berg", given: "Anna" }],
      issued: { "date-parts": [[2019, 3]] },
      "container-title": "Journal of Peace Research",
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

describe("toBibTeX", () => {
  it("maps CSL types to BibTeX entry types", () => {
    const expected: Record<string, string> = {
      "article-journal": "article",
      book: "book",
      chapter: "incollection",
      report: "techreport",
      thesis: "phdthesis",
      webpage: "online",
      "post-weblog": "online",
    };
    for (const type of CSL_TYPES) {
      expect(bibTeXEntryType(type), type).toBe(expected[type] ?? "misc");
    }
    const bib = toBibTeX([
      item({ id: "1", type: "chapter", title: "Chapter" }),
      item({ id: "2", type: "treaty", title: "Treaty" }),
    ]);
    expect(bib).toMatch(/^@incollection\{anonndchapter,$/m);
    expect(bib).toMatch(/^@misc\{anonndtreaty,$/m);
    expect(bib).toContain("  entrysubtype = {treaty}");
  });

  it("escapes LaTeX special characters and keeps accents as UTF-8", () => {
    expect(escapeLatex("50% of {costs} & $5 #1 under_score ~ ^ \\ path")).toBe(
      "50\\% of \\textbraceleft{}costs\\textbraceright{} \\& \\$5 \\#1 under\\_score \\textasciitilde{} \\textasciicircum{} \\textbackslash{} path",
    );
    expect(escapeLatex("Ségou -- naïve ``quote''")).toBe("Ségou -{}- naïve `{}`quote'{}'");

    const bib = toBibTeX([
      item({
        id: "x",
        type: "report",
        title: "Costs & benefits: 100% of {talks}",
        author: [
          { literal: "Ministry of Justice and Human Rights" },
          { family: "Smith & Sons", given: "J_J" },
        ],
        publisher: "Hurst & Co.",
        URL: "https://example.org/a_b%20c#d~e",
        note: "Tilde ~ and caret ^",
      }),
    ]);
    expect(bib).toBe(
      [
        "@techreport{ministryndcosts,",
        "  author = {{Ministry of Justice and Human Rights} and Smith \\& Sons, J\\_J},",
        "  title = {{Costs \\& benefits: 100\\% of \\textbraceleft{}talks\\textbraceright{}}},",
        "  institution = {Hurst \\& Co.},",
        "  url = {https://example.org/a_b%20c#d~e},",
        "  note = {Tilde \\textasciitilde{} and caret \\textasciicircum{}}",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("writes dates, urldate, doi, language and wraps organisations in braces", () => {
    const bib = toBibTeX([
      item({
        id: "w",
        type: "webpage",
        title: "Page",
        author: [{ literal: "UNHCR" }, { family: "Keïta", given: "Nadia" }, { family: "Ould Abdallah" }],
        issued: { "date-parts": [[2022, 11, 4]] },
        accessed: { "date-parts": [[2024, 3, 5]] },
        DOI: "10.1000/xyz_1",
        language: "fr",
      }),
    ]);
    expect(bib).toBe(
      [
        "@online{unhcr2022page,",
        "  author = {{UNHCR} and Keïta, Nadia and Ould Abdallah,},",
        "  title = {{Page}},",
        "  year = {2022},",
        "  month = nov,",
        "  doi = {10.1000/xyz_1},",
        "  urldate = {2024-03-05},",
        "  language = {fr}",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("derives citation keys and de-duplicates them with letters", () => {
    const smith = [{ family: "Smith", given: "John" }];
    const issued = { "date-parts": [[2020]] as [number][] };
    const items = [
      item({ id: "1", title: "Peace talks in Mali", author: smith, issued }),
      item({
        id: "2",
        title: "Keïta's war",
        author: [{ family: "Keïta", given: "N." }],
        issued: { literal: "c. 2021" },
      }),
      item({ id: "3", title: "Peace, again", author: smith, issued }),
      item({ id: "4", title: "The Ségou truce", author: [{ family: "Dupré" }] }),
      item({ id: "5", title: "Peacea", author: [{ family: "Smith" }], issued }),
      item({ id: "6", title: "Peace at last", author: smith, issued }),
      item({
        id: "7",
        title: "Les accords d'Alger",
        author: [{ literal: "Ministère des Affaires étrangères" }],
      }),
      item({ id: "8", title: "???" }),
    ];
    expect(citationKeys(items)).toEqual([
      "smith2020peaceb",
      "keita2021keita",
      "smith2020peacec",
      "duprendsegou",
      "smith2020peacea",
      "smith2020peaced",
      "ministerendaccords",
      "anonnd",
    ]);
    const bib = toBibTeX(items);
    expect([...bib.matchAll(/^@\w+\{([^,]+),$/gm)].map((m) => m[1])).toEqual(citationKeys(items));
  });

  it("uses letters for every item that shares a key", () => {
    const twin = (id: string) =>
      item({ id, title: "Dialogue", author: [{ family: "Ba" }], issued: { literal: "2019" } });
    expect(citationKeys([twin("a"), twin("b")])).toEqual(["ba2019dialoguea", "ba2019dialogueb"]);
  });
});

describe("fromBibTeX", () => {
  const library: CslItem[] = [
    item({
      id: "a",
      type: "article-journal",
      title: "Dialogue with armed groups in Ségou: a naïve hope?",
      author: [
        { family: "Keïta", given: "Nadia" },
        { family: "Dupré", given: "Élise" },
      ],
      issued: { "date-parts": [[2021, 5]] },
      "container-title": "Revue française de science politique",
      DOI: "10.3917/rfsp.715.0001",
      URL: "https://www.cairn.info/revue-2021-5-page-1.htm",
      language: "fr",
    }),
    item({
      id: "b",
      type: "report",
      title: 'Speaking with the "bad guys": toward dialogue with central Mali\'s jihadists',
      author: [{ literal: "International Crisis Group" }],
      issued: { "date-parts": [[2019, 5]] },
      publisher: "International Crisis Group",
      URL: "https://www.crisisgroup.org/africa/sahel/mali/276-speaking-bad-guys",
      accessed: { "date-parts": [[2024, 3, 5]] },
    }),
    item({
      id: "c",
      type: "book",
      title: "Mediation in the Sahel -- 50% of talks & {some} fail_again ~ ^ \\",
      author: [
        { family: "O'Brien", given: "Mary-Jane" },
        { family: "van der Berg", given: "Anna" },
        { family: "Ould Abdallah" },
      ],
      issued: { "date-parts": [[2015]] },
      publisher: "Hurst & Co.",
    }),
    item({
      id: "d",
      type: "chapter",
      title: "Religious intermediaries",
      author: [{ family: "Dicko", given: "Mahmoud" }],
      issued: { "date-parts": [[2018]] },
      "container-title": "Handbook of Mediation in Africa",
      publisher: "Routledge",
    }),
    item({
      id: "e",
      type: "thesis",
      title: "Truces locales au Mali",
      author: [{ family: "Traoré", given: "Aïssata" }],
      issued: { "date-parts": [[2020]] },
      publisher: "Université de Bamako",
    }),
    item({
      id: "f",
      type: "post-weblog",
      title: "Notes from Mopti",
      author: [{ family: "Ba", given: "Fatoumata" }],
      issued: { "date-parts": [[2023, 11]] },
      "container-title": "Sahel Blog",
      URL: "https://example.org/notes_mopti?x=1&y=%20#top",
      accessed: { "date-parts": [[2023, 11, 2]] },
    }),
    item({
      id: "g",
      type: "interview",
      title: "Interview with a former negotiator",
      author: [{ literal: "Ministry of Justice and Human Rights, Mali" }],
      issued: { literal: "c. 2020" },
      note: "Recorded in Bamako.",
    }),
    item({ id: "h", type: "treaty", title: "Agreement for Peace and Reconciliation in Mali" }),
    item({ id: "i", type: "webpage", title: "Page", URL: "https://example.org/" }),
    item({ id: "j", type: "document", title: "Une note interne", language: "fr" }),
  ];

  it("round-trips what toBibTeX writes: type, title, authors, date, container, publisher, url, doi…", () => {
    const bib = toBibTeX(library);
    const { items, skipped } = fromBibTeX(bib);
    expect(skipped).toEqual([]);
    const keys = citationKeys(library);
    expect(items).toStrictEqual(library.map((source, i) => ({ ...source, id: keys[i] })));
    // The accents are written as UTF-8, not LaTeX commands.
    expect(bib).toContain("author = {Keïta, Nadia and Dupré, Élise}");
    expect(bib).toContain("author = {{Ministry of Justice and Human Rights, Mali}}");
  });

  it("keeps year and month of a full date, but not the day", () => {
    const full = item({ id: "x", title: "Dated", issued: { "date-parts": [[2021, 5, 3]] } });
    expect(fromBibTeX(toBibTeX([full])).items[0].issued).toEqual({ "date-parts": [[2021, 5]] });
  });

  it("reads common hand-written BibTeX", () => {
    const { items, skipped } = fromBibTeX(fixture("hand-written.bib"));
    expect(items).toStrictEqual([
      {
        id: "Diallo:2018",
        type: "article-journal",
        title: "Local truces in Mali: the case of Ségou",
        author: [
          { family: "Diallo", given: "Amélie" },
          { family: "Touré", given: "Moussa" },
        ],
        issued: { "date-parts": [[2018, 6]] },
        "container-title": "Journal of Peace Research",
        DOI: "10.1177/0022343318000002",
      },
      {
        id: "dicko2015",
        type: "book",
        title: "Naïve Questions about dialogue — and answers",
        author: [
          { family: "Dicko", given: "Mahmoud" },
          { family: "van Beethoven", given: "Ludwig" },
          { literal: "Haut Conseil Islamique du Mali" },
        ],
        issued: { "date-parts": [[2015]] },
        publisher: "Éditions Donniya",
      },
      {
        id: "sahel-blog",
        type: "post-weblog",
        title: "Notes from Mopti",
        author: [{ family: "Ba", given: "Fatoumata" }],
        URL: "https://example.org/notes_mopti?x=1&y=2",
        accessed: { "date-parts": [[2023, 11, 2]] },
      },
      {
        id: "kone2022",
        type: "report",
        title: "A report with braces in “quotes”",
        issued: { "date-parts": [[2022, 7, 14]] },
        publisher: "Institut d'Études",
        URL: "https://example.org/report.pdf",
        language: "french",
      },
    ]);
    expect(skipped).toEqual([
      {
        index: 3,
        id: "broken",
        reason: 'entry 4 (key "broken"): cannot be read: expected "," or "}" after a field but found "@"',
      },
      { index: 4, id: "no-title", reason: 'entry 5 (id "no-title"): missing title' },
    ]);
  });

  it("reports files without entries and never throws", () => {
    expect(fromBibTeX("").skipped).toEqual([{ index: -1, reason: "the file is empty" }]);
    expect(fromBibTeX('[{"id": "x"}]').skipped[0].reason).toBe(
      "no BibTeX entries found (an entry starts like @article{key, …). It looks like JSON; import it as CSL-JSON instead.",
    );
    expect(fromBibTeX("@book{x,\n  title = {Unclosed\n").skipped).toEqual([
      { index: 0, id: "x", reason: 'entry 1 (key "x"): cannot be read: a { is never closed' },
    ]);
    for (const input of [
      "@",
      "@article{",
      "@article{x, title = ",
      '@book{x, title = "unclosed}',
      "@misc{x,,,}",
    ]) {
      expect(() => fromBibTeX(input), input).not.toThrow();
      expect(fromBibTeX(input).items, input).toEqual([]);
    }
  });
});

describe("formatReference", () => {
  it("formats persons with initials, the container and a DOI link when there is no URL", () => {
    expect(
      formatReference(
        item({
          id: "a",
          type: "article-journal",
          title: "Dialogue in Ségou",
          author: [
            { family: "Keïta", given: "Nadia" },
            { family: "Dupré", given: "Jean-Pierre Marie" },
          ],
          issued: { "date-parts": [[2021, 5, 3]] },
          "container-title": "Journal of Peace Research",
          DOI: "10.1177/1",
        }),
      ),
    ).toBe(
      "Keïta, N., & Dupré, J.-P. M. (2021). Dialogue in Ségou. Journal of Peace Research. https://doi.org/10.1177/1",
    );
  });

  it("leaves out a publisher that repeats the organisation author, and prefers the URL", () => {
    expect(
      formatReference(
        item({
          id: "b",
          type: "report",
          title: "Talking to jihadists?",
          author: [{ literal: "International Crisis Group" }],
          issued: { "date-parts": [[2019], [2021]] },
          publisher: "International Crisis Group",
          URL: "https://www.crisisgroup.org/x",
          DOI: "10.1/ignored",
        }),
      ),
    ).toBe("International Crisis Group (2019–2021). Talking to jihadists? https://www.crisisgroup.org/x");
  });

  it("leads with the title when there is no author, and says n.d. or the literal date", () => {
    expect(formatReference(item({ id: "c", title: "Opinion piece on dialogue" }))).toBe(
      "Opinion piece on dialogue (n.d.).",
    );
    expect(
      formatReference(
        item({
          id: "d",
          type: "treaty",
          title: "Algiers Agreement",
          issued: { literal: "c. 2015" },
          publisher: "UN",
        }),
      ),
    ).toBe("Algiers Agreement (c. 2015). UN.");
  });

  it("lists three authors, then et al.", () => {
    const names = [
      { family: "A", given: "Ann" },
      { family: "B" },
      { literal: "C Org" },
      { family: "D", given: "Dan" },
    ];
    expect(formatReference(item({ id: "e", title: "Four", author: names.slice(0, 3) }))).toBe(
      "A, A., B, & C Org (n.d.). Four.",
    );
    expect(formatReference(item({ id: "f", title: "Four", author: names }))).toBe(
      "A, A., B, C Org, et al. (n.d.). Four.",
    );
  });
});

describe("cslItemSchema", () => {
  it("validates a stored item and keeps only the fields we store", () => {
    const parsed = cslItemSchema.parse({
      id: "s",
      type: "speech",
      title: " Address ",
      volume: "3",
      author: [{ literal: "UN", family: "ignored" }],
    });
    expect(parsed).toStrictEqual({ id: "s", type: "speech", title: "Address", author: [{ literal: "UN" }] });
    expect(cslItemSchema.safeParse({ id: "s", type: "film", title: "x" }).success).toBe(false);
    expect(
      cslItemSchema.safeParse({ id: "s", type: "webpage", title: "x", URL: "javascript:alert(1)" }).success,
    ).toBe(false);
  });
});
