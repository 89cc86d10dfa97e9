import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { deriveCaseRows, validateCaseDocument } from "~/editor";
import { rewriteCodeMarks } from "~/editor/marks";
import { bold, cite, doc, paragraph, section, tag, text } from "./fixtures";

const A = "codeaaaaaaaa";
const B = "codebbbbbbbb";
const C = "codecccccccc";

function tagsOf(node: JSONContent): string[][] {
  const found: string[][] = [];
  const visit = (n: JSONContent) => {
    if (n.type === "text")
      found.push((n.marks ?? []).filter((m) => m.type === "tag").map((m) => m.attrs?.codeId));
    for (const child of n.content ?? []) visit(child);
  };
  visit(node);
  return found;
}

describe("rewriteCodeMarks", () => {
  it("retags every passage of one code with another, leaving other marks alone", () => {
    const input = doc(
      section("Outcomes"),
      paragraph(
        "Talks led to ",
        text("a temporary truce", tag(A), cite("src1", "para. 28")),
        " and ",
        text("more", tag(C), bold),
      ),
    );
    const before = JSON.stringify(input);
    const { doc: output, changed } = rewriteCodeMarks(input, A, B);
    expect(changed).toBe(1);
    expect(JSON.stringify(input)).toBe(before);
    expect(output.content?.[1].content?.[1]).toEqual(
      text("a temporary truce", tag(B), cite("src1", "para. 28")),
    );
    expect(output.content?.[1].content?.[3]).toEqual(text("more", tag(C), bold));
    expect(validateCaseDocument(output).ok).toBe(true);
    expect(deriveCaseRows(output).passages.map((p) => [p.codeId, p.text])).toEqual([
      [B, "a temporary truce"],
      [C, "more"],
    ]);
  });

  it("makes one tag where both codes were on the same text", () => {
    const input = doc(
      paragraph(text("both ", tag(A)), text("overlap", tag(A), tag(B)), text(" only B", tag(B))),
    );
    const { doc: output, changed } = rewriteCodeMarks(input, A, B);
    expect(changed).toBe(2);
    expect(tagsOf(output)).toEqual([[B], [B], [B]]);
    // Once derived, the three runs make one passage of B.
    expect(deriveCaseRows(output).passages).toEqual([
      expect.objectContaining({ codeId: B, text: "both overlap only B" }),
    ]);
  });

  it("removes the code's tags, dropping empty mark lists", () => {
    const input = doc(
      paragraph(text("gone", tag(A)), text(" kept", tag(A), tag(C)), text(" bold", bold, tag(A))),
    );
    const { doc: output, changed } = rewriteCodeMarks(input, A, null);
    expect(changed).toBe(3);
    expect(output.content?.[0].content).toEqual([text("gone"), text(" kept", tag(C)), text(" bold", bold)]);
    expect(output.content?.[0].content?.[0]).not.toHaveProperty("marks");
  });

  it("reaches passages inside lists, quotations and tables", () => {
    const input: JSONContent = doc(
      {
        type: "bulletList",
        content: [{ type: "listItem", content: [paragraph(text("in a list", tag(A)))] }],
      },
      { type: "blockquote", content: [paragraph(text("quoted", tag(A)))] },
      {
        type: "table",
        content: [
          {
            type: "tableRow",
            content: [
              { type: "tableHeader", content: [paragraph("Header")] },
              { type: "tableCell", content: [paragraph(text("in a cell", tag(A), tag(B)))] },
            ],
          },
        ],
      },
    );
    const { doc: output, changed } = rewriteCodeMarks(input, A, B);
    expect(changed).toBe(3);
    expect(tagsOf(output)).toEqual([[B], [B], [], [B]]);
    expect(validateCaseDocument(output).ok).toBe(true);
    const removed = rewriteCodeMarks(input, A, null).doc;
    expect(tagsOf(removed)).toEqual([[], [], [], [B]]);
  });

  it("returns the same document when the code is not used", () => {
    const input = doc(paragraph(text("other", tag(C))));
    const result = rewriteCodeMarks(input, A, B);
    expect(result.changed).toBe(0);
    expect(result.doc).toBe(input);
  });
});
