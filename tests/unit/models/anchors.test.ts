import { describe, expect, it } from "vitest";
import { renderCaseHtml } from "~/editor/render";
import {
  caseAnchorText,
  describePassage,
  locateAnchor,
  sectionAt,
  similarity,
  type TextAnchor,
} from "~/models/anchors";
import { commentSegments, findMentions } from "~/models/comment-text";
import { caseDocument } from "../../../db/seed";
import { DEMO_CASES, STARTER_CODES } from "../../../db/seed-content";
import { bold, cite, doc, heading, paragraph, section, tag, text } from "../editor/fixtures";

/** The text a browser gets from the rendered HTML without the citation markers (as the case page measures it). */
function renderedAnchorText(json: unknown) {
  const { html } = renderCaseHtml(json as Parameters<typeof renderCaseHtml>[0]);
  return html
    .replace(/<sup class="cite-ref">.*?<\/sup>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function anchorOn(body: string, quote: string, occurrence = 0): TextAnchor {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = body.indexOf(quote, at + 1);
  const anchor = describePassage(body, at, at + quote.length);
  if (!anchor) throw new Error("quote not in text");
  return anchor;
}

const complexDoc = doc(
  paragraph("Before the first section."),
  section("Context"),
  paragraph(text("Tagged and cited", tag("c1"), cite("s1", "p. 2")), " then ", text("bold", bold), "."),
  {
    type: "bulletList",
    content: [
      {
        type: "listItem",
        content: [
          paragraph("Outer item"),
          {
            type: "orderedList",
            content: [{ type: "listItem", content: [paragraph("Inner item")] }],
          },
        ],
      },
    ],
  },
  paragraph("Line one", { type: "hardBreak" }, "line two"),
  section("Actors"),
  heading(3, "A subheading"),
  {
    type: "table",
    content: [
      {
        type: "tableRow",
        content: [
          { type: "tableHeader", content: [paragraph("Who")] },
          { type: "tableHeader", content: [paragraph("Role & <part>")] },
        ],
      },
      {
        type: "tableRow",
        content: [
          { type: "tableCell", content: [paragraph("Mediator")] },
          { type: "tableCell", content: [paragraph()] },
        ],
      },
    ],
  },
  { type: "blockquote", content: [paragraph("Quoted words")] },
);

describe("caseAnchorText", () => {
  it("joins text nodes with nothing between blocks; hard breaks count as nothing", () => {
    const { text: body, sections } = caseAnchorText(complexDoc);
    expect(body).toBe(
      "Before the first section.ContextTagged and cited then bold.Outer itemInner itemLine oneline two" +
        "ActorsA subheadingWhoRole & <part>MediatorQuoted words",
    );
    expect(sections).toEqual([
      { title: "Context", start: "Before the first section.".length },
      { title: "Actors", start: body.indexOf("Actors") },
    ]);
    expect(sectionAt(sections, 0)).toBeUndefined();
    expect(sectionAt(sections, body.indexOf("Inner item"))).toBe("Context");
    expect(sectionAt(sections, body.indexOf("Mediator"))).toBe("Actors");
  });

  it("equals the rendered body's text without citation markers, on nested lists, tables and hard breaks", () => {
    expect(caseAnchorText(complexDoc).text).toBe(renderedAnchorText(complexDoc));
  });

  it("equals the rendered text on every demo case", () => {
    const codeIds = new Map(STARTER_CODES.map((code, i) => [code.key, `code${i}`]));
    for (const seed of DEMO_CASES) {
      const json = caseDocument(seed, codeIds, "source1");
      const anchorText = caseAnchorText(json).text;
      expect(anchorText.length).toBeGreaterThan(100);
      expect(anchorText).toBe(renderedAnchorText(json));
    }
  });

  it("reads CR and CRLF as the HTML parser does", () => {
    expect(caseAnchorText(doc(paragraph("a\r\nb\rc"))).text).toBe("a\nb\nc");
  });

  it("is empty for an empty or malformed document", () => {
    expect(caseAnchorText(null).text).toBe("");
    expect(caseAnchorText({ type: "doc" }).text).toBe("");
  });
});

describe("describePassage", () => {
  it("takes 32 characters of context on each side and leaves surrounding whitespace out of the quote", () => {
    const body = `${"x".repeat(40)} the quoted words ${"y".repeat(40)}`;
    const anchor = describePassage(body, 40, 58)!;
    expect(anchor.exact).toBe("the quoted words");
    expect(anchor.start).toBe(41);
    expect(anchor.end).toBe(57);
    expect(anchor.prefix).toBe(`${"x".repeat(31)} `);
    expect(anchor.suffix).toBe(` ${"y".repeat(31)}`);
  });

  it("gives null for a selection of whitespace only", () => {
    expect(describePassage("a   b", 1, 4)).toBeNull();
  });
});

describe("locateAnchor", () => {
  const body =
    "The council met the elders. The elders agreed to a truce. Later the council met the elders again and the truce held.";

  it("finds the quote where it was", () => {
    const anchor = anchorOn(body, "agreed to a truce");
    expect(locateAnchor(body, anchor)).toEqual({ start: anchor.start, end: anchor.end, exact: true });
  });

  it("tells duplicates apart by their prefix and suffix", () => {
    const second = anchorOn(body, "the council met the elders", 0);
    const later = anchorOn(body, "council met the elders", 1);
    // The position hint points elsewhere: the context still decides.
    expect(locateAnchor(body, { ...later, start: 0, end: 10 })).toMatchObject({ start: later.start });
    expect(locateAnchor(body, second)).toMatchObject({ start: second.start });
  });

  it("keeps a thread on its passage when text is inserted before it", () => {
    const anchor = anchorOn(body, "the truce held");
    const edited = `A new opening paragraph about the region. ${body}`;
    const found = locateAnchor(edited, anchor)!;
    expect(edited.slice(found.start, found.end)).toBe("the truce held");
    expect(found.exact).toBe(true);
  });

  it("keeps it when text elsewhere is deleted or changed, context included", () => {
    const anchor = anchorOn(body, "The elders agreed to a truce.");
    const edited = body
      .replace("The council met the elders. ", "Officials met.")
      .replace("again", "once more");
    const found = locateAnchor(edited, anchor)!;
    expect(edited.slice(found.start, found.end)).toBe("The elders agreed to a truce.");
  });

  it("breaks a tie between equal contexts by the position hint", () => {
    const repeated = "alpha beta gamma delta. alpha beta gamma delta. alpha beta gamma delta.";
    const third = anchorOn(repeated, "beta gamma", 2);
    // The context around the second and third occurrences is the same as far as it goes.
    expect(locateAnchor(repeated, { ...third, prefix: "alpha ", suffix: " delta" })).toMatchObject({
      start: third.start,
    });
    expect(
      locateAnchor(repeated, {
        ...third,
        prefix: "alpha ",
        suffix: " delta",
        start: repeated.indexOf("beta"),
      }),
    ).toMatchObject({ start: repeated.indexOf("beta") });
  });

  it("follows a passage that was edited slightly, and says so", () => {
    const anchor = anchorOn(body, "The elders agreed to a truce.");
    const edited = body.replace("The elders agreed to a truce.", "The elders agreed to a temporary truce.");
    const found = locateAnchor(edited, anchor)!;
    expect(found.exact).toBe(false);
    expect(edited.slice(found.start, found.end)).toBe("The elders agreed to a temporary truce.");
  });

  it("gives null (passage removed) when the passage is deleted", () => {
    const anchor = anchorOn(body, "The elders agreed to a truce.");
    expect(locateAnchor(body.replace("The elders agreed to a truce. ", ""), anchor)).toBeNull();
  });

  it("gives null when the passage is rewritten beyond recognition", () => {
    const anchor = anchorOn(body, "The elders agreed to a truce.");
    const edited = body.replace(
      "The elders agreed to a truce.",
      "Nothing came of it, in the end, for anyone.",
    );
    expect(locateAnchor(edited, anchor)).toBeNull();
  });

  it("does not move a short quote to the same word elsewhere once its passage is gone", () => {
    const anchor = anchorOn(body, "truce", 0);
    const edited = body.replace("The elders agreed to a truce. ", "");
    expect(edited).toContain("truce");
    expect(locateAnchor(edited, anchor)).toBeNull();
  });

  it("places a passage at the very start or end of the text", () => {
    const first = anchorOn(body, "The council met");
    expect(first.prefix).toBe("");
    expect(locateAnchor(body, first)).toMatchObject({ start: 0 });
    const last = anchorOn(body, "the truce held.");
    expect(last.suffix).toBe("");
    expect(locateAnchor(body, last)).toMatchObject({ end: body.length });
  });

  it("is deterministic", () => {
    const anchor = anchorOn(body, "The elders agreed to a truce.");
    const edited = body.replace("a truce", "a short truce");
    expect(locateAnchor(edited, anchor)).toEqual(locateAnchor(edited, anchor));
  });

  it("works on a real case body after an edit elsewhere", () => {
    const codeIds = new Map(STARTER_CODES.map((code, i) => [code.key, `code${i}`]));
    const json = caseDocument(DEMO_CASES[2], codeIds, "source1");
    const before = caseAnchorText(json).text;
    const anchor = anchorOn(before, "only from a position of military advantage");
    const after = `${before.slice(0, 20)}Inserted words. ${before.slice(20)}`;
    const found = locateAnchor(after, anchor)!;
    expect(after.slice(found.start, found.end)).toBe("only from a position of military advantage");
  });
});

describe("similarity", () => {
  it("is 1 for equal strings and low for different ones", () => {
    expect(similarity("truce", "truce")).toBe(1);
    expect(similarity("kitten", "sitting")).toBeCloseTo(1 - 3 / 7);
    expect(similarity("a", "a much longer text")).toBe(0);
  });
});

describe("comment text", () => {
  const people = [
    { id: "u1", name: "Ana" },
    { id: "u2", name: "Ana Maria" },
    { id: "u3", name: "Omar" },
    { id: "u4", name: "Omar" },
  ];

  it("finds mentions, longest names first, not inside longer words", () => {
    expect(findMentions("@Ana Maria, see this", people)).toEqual(["u2"]);
    expect(findMentions("@Ana and @Anastasia", people)).toEqual(["u1"]);
    expect(findMentions("no one (ana@example.org)", people)).toEqual([]);
  });

  it("tells namesakes apart by the ones picked in the autocomplete, else mentions both", () => {
    expect(findMentions("@Omar please", people, ["u4"])).toEqual(["u4"]);
    expect(findMentions("@Omar please", people).sort()).toEqual(["u3", "u4"]);
  });

  it("splits a comment into text, http(s) links and mentions; other schemes stay text", () => {
    const segments = commentSegments(
      "See https://example.org/a_(b). @Ana Maria, not javascript:alert(1) nor ftp://x <b>",
      [{ id: "u2", name: "Ana Maria" }],
    );
    expect(segments).toEqual([
      { kind: "text", text: "See " },
      { kind: "link", text: "https://example.org/a_(b)", href: "https://example.org/a_(b)" },
      { kind: "text", text: ". " },
      { kind: "mention", text: "@Ana Maria", userId: "u2" },
      { kind: "text", text: ", not javascript:alert(1) nor ftp://x <b>" },
    ]);
  });

  it("drops trailing punctuation from an address", () => {
    const [, link] = commentSegments("Read http://example.org/report.", []);
    expect(link).toMatchObject({ kind: "link", text: "http://example.org/report" });
  });
});
