import { describe, expect, it } from "vitest";
import { plainReference } from "~/models/sources/citation-styles";
import type { CslItem } from "~/models/sources/csl-item";
import {
  formatBibliography,
  formatCitations,
  formatReference,
  parseLocator,
} from "~/models/sources/references.server";

const article: CslItem = {
  id: "a",
  type: "article-journal",
  title: "Dialogue in Ségou",
  author: [
    { family: "Keïta", given: "Nadia" },
    { family: "Dupré", given: "Jean-Pierre Marie" },
  ],
  issued: { "date-parts": [[2021, 5, 3]] },
  "container-title": "Journal of Peace Research",
  volume: "58",
  issue: "2",
  page: "201-220",
  DOI: "10.1177/1",
};
const report: CslItem = {
  id: "b",
  type: "report",
  title: "Talking to jihadists?",
  author: [{ literal: "International Crisis Group" }],
  issued: { "date-parts": [[2019]] },
  publisher: "International Crisis Group",
  "publisher-place": "Brussels",
  number: "276",
  genre: "Africa Report",
  URL: "https://www.crisisgroup.org/x",
};
const sources = [
  { id: "a", csl: article },
  { id: "b", csl: report },
];
const plain = (style: string, language: "en" | "fr") =>
  formatBibliography(sources, { style, language }).map((entry) => plainReference(entry.reference));

// Building a style's engine takes seconds on a busy machine; each test builds one or two.
describe("references through citeproc", { timeout: 60_000 }, () => {
  it("APA 7: authors with initials and an ampersand, volume(issue), pages, DOI as a link", () => {
    expect(plain("apa", "en")).toEqual([
      "International Crisis Group. (2019). Talking to jihadists? (Africa Report No. 276). International Crisis Group. https://www.crisisgroup.org/x",
      "Keïta, N., & Dupré, J.-P. M. (2021). Dialogue in Ségou. Journal of Peace Research, 58(2), 201–220. https://doi.org/10.1177/1",
    ]);
    // The journal and volume are in italics.
    const [, keita] = formatBibliography(sources, { style: "apa", language: "en" });
    expect(keita.reference).toContain("\uE000Journal of Peace Research\uE001, \uE00058\uE001(2)");
  });

  it("lists up to 20 authors in APA 7 (the hand-written list stopped at three)", () => {
    const many: CslItem = {
      id: "m",
      type: "book",
      title: "Many hands",
      author: Array.from({ length: 6 }, (_, i) => ({ family: `Author${i + 1}`, given: "A." })),
      issued: { "date-parts": [[2020]] },
    };
    expect(plainReference(formatReference(many, { style: "apa", language: "en" }))).toBe(
      "Author1, A., Author2, A., Author3, A., Author4, A., Author5, A., & Author6, A. (2020). Many hands.",
    );
  });

  it("Chicago author-date and Harvard (Cite Them Right, British English)", () => {
    expect(plain("chicago-author-date", "en")).toEqual([
      "International Crisis Group. 2019. Talking to Jihadists? Africa Report No. 276. International Crisis Group. https://www.crisisgroup.org/x.",
      "Keïta, Nadia, and Jean-Pierre Marie Dupré. 2021. “Dialogue in Ségou.” Journal of Peace Research 58 (2): 201–20. https://doi.org/10.1177/1.",
    ]);
    expect(plain("harvard-cite-them-right", "en")).toEqual([
      "International Crisis Group (2019) Talking to jihadists? Africa Report 276. Brussels: International Crisis Group. Available at: https://www.crisisgroup.org/x.",
      "Keïta, N. and Dupré, J.-P.M. (2021) ‘Dialogue in Ségou’, Journal of Peace Research, 58(2), pp. 201–220. Available at: https://doi.org/10.1177/1.",
    ]);
  });

  it("Chicago notes and bibliography: a full note with the locator", () => {
    expect(plain("chicago-notes-bibliography", "en")[1]).toBe(
      "Keïta, Nadia, and Jean-Pierre Marie Dupré. “Dialogue in Ségou.” Journal of Peace Research 58, no. 2 (2021): 201–20. https://doi.org/10.1177/1.",
    );
    expect(
      formatCitations(sources, [{ sourceId: "a", locator: "p. 4" }], {
        style: "chicago-notes-bibliography",
        language: "en",
      }).map(plainReference),
    ).toEqual([
      "Nadia Keïta and Jean-Pierre Marie Dupré, “Dialogue in Ségou,” Journal of Peace Research 58, no. 2 (2021): 4, https://doi.org/10.1177/1.",
    ]);
  });

  it("speaks the reader's language: French terms, quotes and 's. d.' instead of 'n.d.'", () => {
    expect(plain("chicago-author-date", "fr")[1]).toBe(
      "Keïta, Nadia, et Jean-Pierre Marie Dupré. 2021. « Dialogue in Ségou ». Journal of Peace Research 58 (2): 201‑20. https://doi.org/10.1177/1.",
    );
    const undated: CslItem = { id: "u", type: "document", title: "Opinion piece on dialogue" };
    expect(plainReference(formatReference(undated, { style: "apa", language: "fr" }))).toBe(
      "Opinion piece on dialogue. (s. d.).",
    );
    expect(plainReference(formatReference(undated, { style: "apa", language: "en" }))).toBe(
      "Opinion piece on dialogue. (n.d.).",
    );
  });

  it("cites with the page or paragraph as the style writes it, other locators after the citation", () => {
    expect(
      formatCitations(
        sources,
        [
          { sourceId: "a", locator: "p. 4" },
          { sourceId: "b", locator: "para. 12" },
          { sourceId: "a", locator: "annex 3" },
          { sourceId: "gone", locator: "" },
        ],
        { style: "apa", language: "en" },
      ),
    ).toEqual([
      "(Keïta & Dupré, 2021, p. 4)",
      "(International Crisis Group, 2019, para. 12)",
      "(Keïta & Dupré, 2021, annex 3)",
      "",
    ]);
    expect(parseLocator("pp. 3–5")).toEqual({ locator: "3–5", label: "page" });
    expect(parseLocator("§ 7")).toEqual({ locator: "7", label: "paragraph" });
    expect(parseLocator("12")).toEqual({ locator: "12", label: "page" });
    expect(parseLocator("")).toEqual({});
  });

  it("falls back to APA for a style it does not know", () => {
    expect(plain("no-such-style", "en")).toEqual(plain("apa", "en"));
  });
});
