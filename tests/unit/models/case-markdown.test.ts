import type { JSONContent } from "@tiptap/core";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { catalogues } from "~/locales";
import { caseToMarkdown, escapeMarkdown, type MarkdownCase } from "~/models/case-markdown";
import type { CslItem } from "~/models/sources/csl-item";
import { i18nOptions } from "~/utils/i18n";

const TRUCE = "code-truce";
const LOCAL = "code-local";
const ARTICLE = "source-article";

const text = (value: string, marks: JSONContent["marks"] = []): JSONContent =>
  marks.length ? { type: "text", text: value, marks } : { type: "text", text: value };
const tag = (codeId: string) => ({ type: "tag", attrs: { codeId } });
const cite = (sourceId: string, locator = "") => ({ type: "citation", attrs: { sourceId, locator } });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const heading = (title: string): JSONContent => ({
  type: "heading",
  attrs: { level: 2 },
  content: [text(title)],
});
const cell = (type: "tableHeader" | "tableCell", value: string): JSONContent => ({
  type,
  content: [paragraph(text(value))],
});

const body: JSONContent = {
  type: "doc",
  content: [
    heading("Context"),
    paragraph(
      text("Talks with "),
      text("armed *groups*", [{ type: "bold" }]),
      text(" and "),
      text("others_x", [{ type: "italic" }]),
      text(" [note] "),
      text("bold with space ", [{ type: "bold" }]),
      text("end."),
    ),
    paragraph(
      text("The negotiations led to "),
      text("a temporary truce", [tag(TRUCE), cite(ARTICLE, "para. 28")]),
      text(". "),
      text("Both codes", [tag(TRUCE), tag(LOCAL)]),
      text(" here."),
    ),
    paragraph(
      text("Split ", [tag(LOCAL)]),
      text("cited", [tag(LOCAL), cite(ARTICLE, "p. 4")]),
      text(" passage", [cite(ARTICLE, "p. 4")]),
      text(" ends."),
    ),
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [paragraph(text("first"))] },
        {
          type: "listItem",
          content: [
            paragraph(
              text("a "),
              text("safe link", [{ type: "link", attrs: { href: "https://example.org/a_(b)" } }]),
              text(" and "),
              text("a bad one", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
            ),
          ],
        },
      ],
    },
    heading("Outcomes"),
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Actor"), cell("tableHeader", "Role")] },
        {
          type: "tableRow",
          content: [cell("tableCell", "Katiba | Macina"), cell("tableCell", "Armed group")],
        },
      ],
    },
    { type: "blockquote", content: [paragraph(text("# not a heading"))] },
    paragraph(text("- not a list")),
    paragraph(text("1. not a list either <b>raw</b>")),
  ],
};

const caseStudy: MarkdownCase = {
  title: "Mali, Ségou — local *truce*",
  regions: ["Mali", "Ségou region"],
  periodStart: 2009,
  periodStartCirca: false,
  periodEnd: 2011,
  periodEndCirca: false,
  actors: ["Katiba Macina", "Local militias"],
  mediators: [],
  summary: "Local talks led to a truce.",
  status: "approved",
  revision: 3,
  body,
};

const article: CslItem = {
  id: ARTICLE,
  type: "report",
  title: "Dialogue in the Sahel",
  author: [{ literal: "Crisis Group" }],
  issued: { "date-parts": [[2021]] },
  URL: "https://example.org/report_1",
};

const context = {
  codes: new Map([
    [TRUCE, { label: "Temporary truce or ceasefire" }],
    [LOCAL, { label: "Local channel" }],
  ]),
  sources: new Map([[ARTICLE, article]]),
  // As references.server.ts formats it in APA 7 (italics between U+E000 and U+E001).
  references: new Map([
    [ARTICLE, "Crisis Group. (2021). \uE000Dialogue in the Sahel\uE001. https://example.org/report_1"],
  ]),
  conditions: [
    {
      label: "Temporary truce or ceasefire",
      kind: "outcome" as const,
      value: "present" as const,
      note: "A truce.",
    },
    { label: "Local channel", kind: "precondition" as const, value: "absent" as const, note: "" },
    { label: "Stable leadership", kind: "precondition" as const, value: "unknown" as const, note: "" },
  ],
  workspaceName: "Sahel",
  exportedAt: new Date("2025-03-04T10:00:00Z"),
};

describe("caseToMarkdown", () => {
  const markdown = caseToMarkdown(caseStudy, context);

  it("writes the title and the fields block", () => {
    expect(markdown.startsWith("# Mali, Ségou — local \\*truce\\*\n")).toBe(true);
    expect(markdown).toContain("- **Countries or regions:** Mali, Ségou region");
    expect(markdown).toContain("- **Period:** 2009–2011");
    expect(markdown).toContain("- **Armed groups and state actors:** Katiba Macina; Local militias");
    expect(markdown).toContain("- **Mediators and intermediaries:** _Not recorded_");
    expect(markdown).toContain("- **Status:** Approved (revision 3)");
    expect(markdown).toContain("- **Summary:** Local talks led to a truce.");
  });

  it("writes sections as level-2 headings, with bold and italic, escaping Markdown in the text", () => {
    expect(markdown).toContain("\n## Context\n");
    expect(markdown).toContain("\n## Outcomes\n");
    expect(markdown).toContain(
      "Talks with **armed \\*groups\\*** and _others\\_x_ \\[note\\] **bold with space** end.",
    );
  });

  it("keeps tagged passages as readable notes, and citations as footnotes after the passage", () => {
    expect(markdown).toContain(
      "The negotiations led to [a temporary truce[^1]]{tag: Temporary truce or ceasefire}. [Both codes]{tags: Temporary truce or ceasefire; Local channel} here.",
    );
    // A citation cut in two by the end of a tag still gets one footnote, where the cited passage ends.
    expect(markdown).toContain("[Split cited]{tag: Local channel} passage[^2] ends.");
    expect(markdown).toContain(
      "[^1]: Crisis Group. (2021). *Dialogue in the Sahel*. <https://example.org/report_1> At para. 28.",
    );
    expect(markdown).toContain(
      "[^2]: Crisis Group. (2021). *Dialogue in the Sahel*. <https://example.org/report_1> At p. 4.",
    );
    expect(markdown).toContain(
      "## Sources\n\n1. Crisis Group. (2021). *Dialogue in the Sahel*. <https://example.org/report_1> Cited at para. 28; p. 4.",
    );
  });

  it("writes lists, keeps http(s) links and drops other links to plain text", () => {
    expect(markdown).toContain("- first\n- a [safe link](https://example.org/a_%28b%29) and a bad one");
    expect(markdown).not.toContain("javascript");
  });

  it("writes tables with a header row and escaped cell separators", () => {
    expect(markdown).toContain("| Actor | Role |\n| --- | --- |\n| Katiba \\| Macina | Armed group |");
  });

  it("never lets text become a heading, a list, a quotation or HTML", () => {
    expect(markdown).toContain("> \\# not a heading");
    expect(markdown).toContain("\n\\- not a list\n");
    expect(markdown).toContain("\n1\\. not a list either \\<b\\>raw\\</b\\>\n");
    expect(markdown).not.toContain("<b>");
  });

  it("ends with the conditions that were stated, saying the others are unknown", () => {
    expect(markdown).toContain(
      "## Conditions\n\n| Code | Kind | Value | Note |\n| --- | --- | --- | --- |\n| Temporary truce or ceasefire | Outcome | Present | A truce. |\n| Local channel | Precondition | Absent |   |",
    );
    expect(markdown).toContain("Every other code of the codebook is unknown for this case.");
  });

  it("says when a tag's code or a cited source is no longer there", () => {
    const orphan = caseToMarkdown(
      {
        ...caseStudy,
        body: { type: "doc", content: [paragraph(text("gone", [tag("missing"), cite("missing-source")]))] },
      },
      { codes: new Map(), sources: new Map() },
    );
    expect(orphan).toContain("[gone[^1]]{tag: code no longer in the codebook}");
    expect(orphan).toContain("[^1]: Source no longer in the library.");
    expect(orphan).not.toContain("## Conditions");
  });

  it("writes its fixed words in the exporting person's language, and never translates the case", () => {
    const instance = createInstance();
    instance.init({
      ...i18nOptions,
      lng: "fr",
      resources: { fr: { translation: catalogues.fr } },
      initImmediate: false,
    });
    const t = instance.getFixedT("fr");
    const french = caseToMarkdown(caseStudy, { ...context, words: (key, params) => t(key, params ?? {}) });
    expect(french).toContain("- **Pays ou régions :** Mali, Ségou region");
    expect(french).toContain("- **Statut :** Approuvé (version 3)");
    expect(french).toContain("- **Médiateurs et intermédiaires :** _Non renseigné_");
    expect(french).toContain("## Conditions\n\n| Code | Type | Valeur | Note |");
    expect(french).toContain("| Temporary truce or ceasefire | Résultat | Présente | A truce. |");
    expect(french).toContain("Local talks led to a truce.");
    expect(french).not.toContain("Countries or regions");
  });
});

describe("escapeMarkdown", () => {
  it("escapes the characters that make formatting, links, HTML and table cells", () => {
    expect(escapeMarkdown("a*b_c[d]e`f<g>h~i|j\\k")).toBe("a\\*b\\_c\\[d\\]e\\`f\\<g\\>h\\~i\\|j\\\\k");
  });
});
