import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { deriveCaseRows, renderCaseHtml } from "~/editor";
import { hasSensitivePassages, REDACTED, redactCaseDocument } from "~/editor/redact";
import { validateCaseDocument } from "~/editor/validate";
import { bold, cite, doc, italic, paragraph, section, sensitive, tag, text } from "./fixtures";

const plain = (body: JSONContent) => deriveCaseRows(body as Parameters<typeof deriveCaseRows>[0]).plainText;

describe("redactCaseDocument", () => {
  it("replaces one contiguous sensitive run, across formatting changes, by one [redacted]", () => {
    const body = doc(
      paragraph(
        "We met ",
        text("Amadou ", sensitive),
        text("Koufa", sensitive, bold),
        text("'s envoy", sensitive, italic),
        " in Mopti.",
      ),
    );
    const { doc: redacted, redactions } = redactCaseDocument(body);
    expect(redactions).toBe(1);
    expect(plain(redacted)).toBe(`We met ${REDACTED} in Mopti.`);
    expect(JSON.stringify(redacted)).not.toMatch(/Amadou|Koufa|envoy/);
    // The input is not changed.
    expect(JSON.stringify(body)).toMatch(/Koufa/);
  });

  it("gives two runs separated by plain text two [redacted], and a mark spanning paragraphs one per block", () => {
    const body = doc(
      section("Context"),
      paragraph(text("Ali", sensitive), " and ", text("Hamid", sensitive)),
      paragraph(text("channel: +223 555", sensitive)),
      paragraph(text("via WhatsApp", sensitive), " later"),
    );
    const { doc: redacted, redactions } = redactCaseDocument(body);
    expect(redactions).toBe(4);
    expect(plain(redacted)).not.toMatch(/Ali|Hamid|223|WhatsApp/);
    expect(plain(redacted)).toContain(`${REDACTED} and ${REDACTED}`);
    expect(plain(redacted)).toContain(`${REDACTED} later`);
  });

  it("keeps a tag over the whole sensitive run, so the tagged passage still counts", () => {
    const body = doc(paragraph("Before ", text("the imam of Ségou", tag("mediator"), sensitive), " spoke."));
    const { doc: redacted } = redactCaseDocument(body);
    const rows = deriveCaseRows(redacted as Parameters<typeof deriveCaseRows>[0]);
    expect(rows.passages).toEqual([expect.objectContaining({ codeId: "mediator", text: REDACTED })]);
  });

  it("keeps the non-sensitive part of a tagged passage and drops a tag on part of the run only", () => {
    const body = doc(
      paragraph(
        text("Talks with ", tag("talks")),
        text("Iyad", tag("talks"), sensitive),
        text(" Ag Ghaly", sensitive),
        " ended.",
      ),
    );
    const { doc: redacted } = redactCaseDocument(body);
    const rows = deriveCaseRows(redacted as Parameters<typeof deriveCaseRows>[0]);
    expect(plain(redacted)).toBe(`Talks with ${REDACTED} ended.`);
    expect(rows.passages.map((passage) => passage.text)).toEqual(["Talks with "]);
  });

  it("drops the locator of a citation inside sensitive text, and of the rest of that cited passage", () => {
    const body = doc(
      paragraph(
        text("The envoy ", cite("s1", "p. 12")),
        text("Abu Walid", cite("s1", "p. 12"), sensitive),
        text(" confirmed", cite("s1", "p. 12")),
        ". ",
        text("Unrelated", cite("s2", "p. 3")),
      ),
    );
    const { doc: redacted } = redactCaseDocument(body);
    const rows = deriveCaseRows(redacted as Parameters<typeof deriveCaseRows>[0]);
    expect(rows.citations).toEqual([
      expect.objectContaining({ sourceId: "s1", locator: "", text: `The envoy ${REDACTED} confirmed` }),
      expect.objectContaining({ sourceId: "s2", locator: "p. 3" }),
    ]);
    const { html, bibliography } = renderCaseHtml(redacted);
    expect(html).not.toContain("p. 12");
    expect(bibliography).toEqual([
      { number: 1, sourceId: "s1", locators: [] },
      { number: 2, sourceId: "s2", locators: ["p. 3"] },
    ]);
  });

  it("handles nested marks, hard breaks and lists, and stays a valid case document", () => {
    const body = doc(
      section("Actors"),
      {
        type: "bulletList",
        content: [
          {
            type: "listItem",
            content: [
              paragraph(
                text("Cell leader ", sensitive, bold),
                { type: "hardBreak", marks: [sensitive] },
                text("(Kidal)", sensitive, bold, italic),
                text(" — trusted", bold),
              ),
            ],
          },
        ],
      },
      { type: "blockquote", content: [paragraph(text("quoted name", sensitive, tag("quote")))] },
    );
    const { doc: redacted, redactions } = redactCaseDocument(body);
    expect(redactions).toBe(2);
    expect(plain(redacted)).not.toMatch(/Cell leader|Kidal|quoted name/);
    const checked = validateCaseDocument(redacted);
    expect(checked.ok).toBe(true);
    const { html } = renderCaseHtml(redacted);
    // The hard break in the run carries no bold: the run shares no formatting, "[redacted]" is plain.
    expect(html).toContain(`<p dir="auto">${REDACTED}<strong> — trusted</strong></p>`);
    expect(html).not.toContain("data-sensitive");
  });

  it("leaves a document without sensitive passages as it was", () => {
    const body = doc(section("Context"), paragraph("Nothing to hide ", text("here", cite("s1", "p. 1"))));
    expect(hasSensitivePassages(body)).toBe(false);
    expect(redactCaseDocument(body)).toEqual({ doc: body, redactions: 0 });
    expect(hasSensitivePassages(doc(paragraph(text("x", sensitive))))).toBe(true);
  });
});
