import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { caseSchema, deriveCaseRows, newCaseDocument } from "~/editor";
import { bold, cite, doc, heading, italic, paragraph, section, tag, text } from "./fixtures";

// Context: "Before the truce talks stalled end." with code "truce" over "the truce talks" (bold inside)
// and code "talks" over "talks stalled", overlapping on "talks".
// Positions: "Summary" paragraph 0–9, Context heading 9–18, its paragraph 18–55 (text from 19),
// Actors heading 55–63, Mediators 63–74, paragraph 74–104 (text from 75), blockquote 104.
const caseBody = doc(
  paragraph(text("Summary", tag("truce"))),
  section("Context"),
  paragraph(
    "Before ",
    text("the ", tag("truce")),
    text("truce ", tag("truce"), bold),
    text("talks", tag("truce"), tag("talks")),
    text(" stalled", tag("talks")),
    " end.",
  ),
  section("Actors"),
  heading(3, "Mediators"),
  paragraph(
    text("Dicko ", cite("article", "para. 12")),
    text("mediated", cite("article", "para. 12"), italic),
    " and ",
    text("Compaoré", cite("article", "p. 4")),
    ".",
  ),
  { type: "blockquote", content: [paragraph(text("second block", tag("truce"), cite("interview")))] },
);

describe("deriveCaseRows", () => {
  const rows = deriveCaseRows(caseBody);
  const node = caseSchema.nodeFromJSON(caseBody);

  it("groups tagged passages by code across formatting, with overlapping codes", () => {
    expect(rows.passages).toEqual([
      { codeId: "truce", text: "Summary", section: "", position: 1 },
      { codeId: "truce", text: "the truce talks", section: "Context", position: 26 },
      { codeId: "talks", text: "talks stalled", section: "Context", position: 36 },
      { codeId: "truce", text: "second block", section: "Actors", position: 106 },
    ]);
  });

  it("gives positions that point at the passage text in the document", () => {
    for (const row of [...rows.passages, ...rows.citations]) {
      expect(node.textBetween(row.position, row.position + row.text.length)).toBe(row.text);
    }
  });

  it("lists citations with their locators", () => {
    expect(rows.citations).toEqual([
      { sourceId: "article", locator: "para. 12", text: "Dicko mediated", section: "Actors", position: 75 },
      { sourceId: "article", locator: "p. 4", text: "Compaoré", section: "Actors", position: 94 },
      { sourceId: "interview", locator: "", text: "second block", section: "Actors", position: 106 },
    ]);
  });

  it("splits the text into sections, keeping text before the first heading", () => {
    expect(rows.sections).toEqual([
      { title: "", position: 0, text: "Summary" },
      { title: "Context", position: 9, text: "Before the truce talks stalled end." },
      { title: "Actors", position: 55, text: "Mediators\nDicko mediated and Compaoré.\nsecond block" },
    ]);
  });

  it("joins the text of all blocks with newlines", () => {
    expect(rows.plainText).toBe(
      "Summary\nContext\nBefore the truce talks stalled end.\nActors\nMediators\nDicko mediated and Compaoré.\nsecond block",
    );
  });

  it("ends a passage where its code stops, even if the same code starts again", () => {
    const result = deriveCaseRows(
      doc(
        paragraph(text("one", tag("a")), " gap ", text("two", tag("a"))),
        paragraph(text("three", tag("a"))),
      ),
    );
    expect(result.passages.map((p) => p.text)).toEqual(["one", "two", "three"]);
  });

  it("keeps a line break inside a passage", () => {
    const result = deriveCaseRows(
      doc(
        paragraph(
          text("line one", tag("a")),
          { type: "hardBreak", marks: [tag("a")] },
          text("line two", tag("a")),
        ),
      ),
    );
    expect(result.passages).toEqual([{ codeId: "a", text: "line one\nline two", section: "", position: 1 }]);
  });

  it("derives the template into empty sections", () => {
    const result = deriveCaseRows(newCaseDocument());
    expect(result.sections.map((s) => [s.title, s.text])).toEqual([
      ["Context", ""],
      ["Actors", ""],
      ["Process", ""],
      ["Preconditions", ""],
      ["Outcomes", ""],
      ["Lessons", ""],
    ]);
    expect(result.passages).toEqual([]);
  });

  it("derives a 30,000-word case quickly", () => {
    const words = "the armed group agreed to a local truce after talks with community leaders".split(" ");
    const content: JSONContent[] = [];
    let count = 0;
    for (let s = 0; s < 6; s++) {
      content.push(section(`Section ${s}`));
      for (let p = 0; p < 100; p++) {
        const sentence = Array.from({ length: 50 }, (_, i) => words[(p + i) % words.length]).join(" ");
        count += 50;
        content.push(
          p % 3 === 0
            ? paragraph(
                text(`${sentence} `, tag(`code-${p % 7}`)),
                text("cited", cite(`source-${p % 5}`, `p. ${p}`)),
              )
            : paragraph(sentence),
        );
      }
    }
    expect(count).toBe(30_000);
    const big = doc(...content);
    deriveCaseRows(big); // warm up the JIT
    const started = performance.now();
    const result = deriveCaseRows(big);
    const elapsed = performance.now() - started;
    expect(result.passages).toHaveLength(6 * 34);
    expect(result.citations).toHaveLength(6 * 34);
    expect(result.plainText.split(/\s+/).length).toBeGreaterThanOrEqual(30_000);
    expect(elapsed).toBeLessThan(500);
  });
});
