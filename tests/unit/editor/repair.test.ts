// What the co-editing server stores when the shared document holds what the schema refuses: a valid body
// that keeps every text it can (issue 13: one refused element must not stop the others' text being stored).
import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { validateCaseDocument } from "~/editor";
import { repairCaseDocument } from "~/editor/repair";
import { bold, doc, heading, link, paragraph, tag, text } from "./fixtures";

function repaired(json: unknown): JSONContent {
  const result = repairCaseDocument(json);
  if (!result) throw new Error("not repaired");
  expect(validateCaseDocument(result).ok).toBe(true);
  return result;
}

const plainText = (json: JSONContent): string =>
  json.text ?? (json.content ?? []).map(plainText).join(json.type === "doc" ? "\n" : "");

describe("repairCaseDocument", () => {
  it("returns a valid body as the validator normalises it", () => {
    const body = doc(heading(2, "Context"), paragraph(text("Kept ", bold), text("as it is.", tag("c1"))));
    const result = validateCaseDocument(body);
    expect(result.ok && repairCaseDocument(body)).toEqual(result.ok && result.doc);
  });

  it("drops unknown elements and keeps the text around them", () => {
    const body = repaired(
      doc(
        paragraph("Before."),
        { type: "script", content: [text("alert(1)")] },
        { type: "iframe", attrs: { src: "https://evil.example" } },
        paragraph("After."),
      ),
    );
    expect(plainText(body)).toBe("Before.\nAfter.");
  });

  it("drops unsafe links, unknown marks and bad attributes, keeping the text", () => {
    const body = repaired(
      doc(
        paragraph(
          text("Click", link("javascript:alert(1)")),
          text(" here", { type: "onclick", attrs: { code: "x" } }),
          text(" or there", link("https://example.org")),
        ),
        { type: "heading", attrs: { level: 1, onclick: "x" }, content: [text("Title")] },
        {
          type: "orderedList",
          attrs: { start: -5 },
          content: [{ type: "listItem", content: [paragraph("One")] }],
        },
      ),
    );
    expect(JSON.stringify(body)).not.toContain("javascript:");
    expect(JSON.stringify(body)).not.toContain("onclick");
    expect(JSON.stringify(body)).toContain("https://example.org");
    expect(body.content?.[1]).toMatchObject({ type: "heading", attrs: { level: 2 } });
    expect(plainText(body)).toBe("Click here or there\nTitle\nOne");
  });

  it("cuts nesting deeper than the limit", () => {
    let nested: JSONContent = paragraph("Deep down.");
    for (let i = 0; i < 1000; i++)
      nested = {
        type: "bulletList",
        content: [{ type: "listItem", content: [paragraph(`Level ${i}`), nested] }],
      };
    const body = repaired(doc(paragraph("Typed by a colleague."), nested));
    expect(plainText(body)).toContain("Typed by a colleague.");
    expect(plainText(body)).toContain("Level 999");
    expect(plainText(body)).not.toContain("Deep down.");
  });

  it("puts content that is in the wrong place where it may be, or fills in what is required", () => {
    const body = repaired(
      doc(
        text("Loose text at the top."),
        { type: "listItem", content: [paragraph("An item without its list.")] },
        { type: "bulletList", content: [{ type: "listItem" }] },
        { type: "paragraph", content: [paragraph("A paragraph in a paragraph.")] },
        { type: "table", content: [{ type: "tableRow", content: [paragraph("A cell without its cell.")] }] },
      ),
    );
    expect(body.content?.map((node) => node.type)).toEqual([
      "paragraph",
      "bulletList",
      "bulletList",
      "paragraph",
      "table",
    ]);
    expect(plainText(body)).toContain("Loose text at the top.");
    expect(plainText(body)).toContain("An item without its list.");
    expect(plainText(body)).toContain("A paragraph in a paragraph.");
    expect(plainText(body)).toContain("A cell without its cell.");
  });

  it("gives an empty body a paragraph, and gives up only on a body over the size limit", () => {
    expect(repaired({ type: "doc", content: [] }).content).toEqual([{ type: "paragraph" }]);
    expect(repaired("not a document").type).toBe("doc");
    expect(repairCaseDocument(doc(paragraph("x".repeat(3 * 1024 * 1024))))).toBeNull();
  });
});
