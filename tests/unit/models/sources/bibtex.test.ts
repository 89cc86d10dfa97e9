import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { escapeLatex, fromBibTeX, toBibTeX } from "~/models/sources/bibtex";
import { citationKeys } from "~/models/sources/citation-keys";
import { CSL_TYPES, type CslItem } from "~/models/sources/csl-item";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./${name}`, import.meta.url)), "utf8");

const item = (fields: Partial<CslItem> & Pick<CslItem, "id" | "title">): CslItem => ({
  type: "document",
  ...fields,
});

describe("toBibTeX", () => {
  it("maps CSL types to biblatex entry types, keeping the CSL type where biblatex has none", () => {
    const expected: Record<string, string> = {
      "article-journal": "article",
      "article-magazine": "article",
      "article-newspaper": "article",
      book: "book",
      chapter: "incollection",
      report: "report",
      thesis: "thesis",
      webpage: "online",
      "post-weblog": "online",
      personal_communication: "letter",
      legal_case: "jurisdiction",
      legislation: "legislation",
      manuscript: "unpublished",
    };
    const items = CSL_TYPES.map((type) => item({ id: type, type, title: `A ${type}` }));
    const entryTypes = [...toBibTeX(items).matchAll(/^@(\w+)\{/gm)].map((m) => m[1]);
    expect(entryTypes).toEqual(CSL_TYPES.map((type) => expected[type] ?? "misc"));
    const bib = toBibTeX([item({ id: "2", type: "treaty", title: "Treaty" })]);
    expect(bib).toContain("  entrysubtype = {treaty}");
    expect(fromBibTeX(toBibTeX(items)).items.map((i) => i.type)).toEqual([...CSL_TYPES]);
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
        "@report{ministryndcosts,",
        "  author = {{Ministry of Justice and Human Rights} and Smith \\& Sons, J\\_J},",
        "  title = {{Costs \\& benefits: 100\\% of \\textbraceleft{}talks\\textbraceright{}}},",
        "  note = {Tilde \\textasciitilde{} and caret \\textasciicircum{}},",
        "  institution = {Hurst \\& Co.},",
        "  url = {https://example.org/a_b%20c#d~e}",
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
        "  urldate = {2024-03-05},",
        "  doi = {10.1000/xyz_1},",
        "  date = {2022-11-04},",
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

  it("keeps a full date, and a date written in words as the year", () => {
    const full = item({ id: "x", title: "Dated", issued: { "date-parts": [[2021, 5, 3]] } });
    expect(fromBibTeX(toBibTeX([full])).items[0].issued).toEqual({ "date-parts": [[2021, 5, 3]] });
    const circa = item({ id: "y", title: "Circa", issued: { literal: "c. 2020" } });
    expect(toBibTeX([circa])).toContain("  year = {c. 2020}");
    expect(fromBibTeX(toBibTeX([circa])).items[0].issued).toEqual({ literal: "c. 2020" });
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
        volume: "55",
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
        reason: 'entry 4 (key "broken"): cannot be read: expected "}" but the entry ends (line 36)',
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
      {
        index: 0,
        id: "x",
        reason: 'entry 1 (key "x"): cannot be read: it is not complete BibTeX (is a brace or quote missing?)',
      },
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

describe("fromBibTeX with citation-js", () => {
  it("inherits from crossref parents and keeps maths, pages, editors, editions and report numbers", () => {
    const { items, skipped } = fromBibTeX(fixture("crossref-math.bib"));
    expect(skipped).toEqual([]);
    expect(items.find((i) => i.id === "keita-chapter")).toStrictEqual({
      id: "keita-chapter",
      type: "chapter",
      title: "Talks measured by α and x²",
      // {\"\i} is an i with a diaeresis; "and others" is not a person.
      author: [
        { family: "Keïta", given: "Nadia" },
        { family: "Diallo", given: "Awa" },
      ],
      editor: [{ family: "Ba", given: "Aminata" }],
      issued: { "date-parts": [[2019]] },
      "container-title": "Handbook of Mediation in the Sahel",
      page: "12-34",
      edition: "2",
      publisher: "Hurst",
      "publisher-place": "London",
    });
    expect(items.find((i) => i.id === "icg276")).toStrictEqual({
      id: "icg276",
      type: "report",
      title: "Speaking with the “Bad Guys”",
      author: [{ literal: "International Crisis Group" }],
      issued: { "date-parts": [[2019, 5]] },
      number: "276",
      genre: "Africa Report",
      publisher: "International Crisis Group",
    });
    const article = items.find((i) => i.id === "peace");
    expect([article?.volume, article?.issue, article?.page]).toEqual(["15", "3", "301-318"]);
  });

  it("round-trips the widened fields", () => {
    const chapter = item({
      id: "c",
      type: "chapter",
      title: "Religious intermediaries",
      editor: [{ family: "Ba", given: "A." }],
      "container-title": "Handbook",
      volume: "2",
      page: "12-34",
      edition: "3",
      publisher: "Hurst",
      "publisher-place": "London",
      genre: "Working paper",
    });
    const report = item({ id: "r", type: "report", title: "Rep", number: "276", genre: "Africa Report" });
    const keys = citationKeys([chapter, report]);
    expect(fromBibTeX(toBibTeX([chapter, report])).items).toStrictEqual([
      { ...chapter, id: keys[0] },
      { ...report, id: keys[1] },
    ]);
  });

  it("reads 10,000 entries one by one: the broken ones are reported, the first 5,000 good ones kept", () => {
    const entries = Array.from({ length: 10_000 }, (_, i) =>
      i === 3 ? "@article{broken3, title = {Unclosed" : `@article{k${i}, title = {Title ${i}}, year = 2020}`,
    );
    const { items, skipped } = fromBibTeX(entries.join("\n"));
    expect(items).toHaveLength(4999);
    expect(skipped.map((s) => s.reason)).toEqual([
      'entry 4 (key "broken3"): cannot be read: it is not complete BibTeX (is a brace or quote missing?)',
      "entries 5001–10000 (5000 in all) were not imported: one file may hold at most 5,000 entries",
    ]);
  });
});
