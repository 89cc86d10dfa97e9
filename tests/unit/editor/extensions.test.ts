import { describe, expect, it } from "vitest";
import { caseSchema, isSafeLinkHref, normalizeLinkHref } from "~/editor";

describe("caseSchema", () => {
  it("holds exactly the case document's nodes and marks", () => {
    expect(Object.keys(caseSchema.nodes).sort()).toEqual(
      [
        "blockquote",
        "bulletList",
        "doc",
        "hardBreak",
        "heading",
        "listItem",
        "orderedList",
        "paragraph",
        "table",
        "tableCell",
        "tableHeader",
        "tableRow",
        "text",
      ].sort(),
    );
    expect(Object.keys(caseSchema.marks)).toEqual([
      "sensitive",
      "tag",
      "citation",
      "link",
      "bold",
      "italic",
      "underline",
    ]);
    expect(caseSchema.nodes.doc.spec.content).toBe("block+");
  });

  it("lets tags and citations overlap and not grow when typing at their end", () => {
    for (const name of ["tag", "citation"]) {
      expect(caseSchema.marks[name].spec.excludes).toBe("");
      expect(caseSchema.marks[name].spec.inclusive).toBe(false);
    }
    const a = caseSchema.marks.tag.create({ codeId: "a" });
    const b = caseSchema.marks.tag.create({ codeId: "b" });
    expect(b.addToSet(a.addToSet([])).map((mark) => mark.attrs.codeId)).toEqual(["a", "b"]);
  });

  it("renders tags, citations and links for the editor as the parser reads them back", () => {
    const tag = caseSchema.marks.tag.create({ codeId: "c1" });
    expect(caseSchema.marks.tag.spec.toDOM?.(tag, true)).toEqual([
      "span",
      { class: "tag", "data-tag": "c1" },
      0,
    ]);
    const citation = caseSchema.marks.citation.create({ sourceId: "s1", locator: "p. 4" });
    expect(caseSchema.marks.citation.spec.toDOM?.(citation, true)).toEqual([
      "span",
      { class: "citation", "data-citation": "s1", "data-locator": "p. 4" },
      0,
    ]);
    expect(caseSchema.marks.tag.spec.parseDOM?.[0]).toMatchObject({ tag: "span[data-tag]" });
    expect(caseSchema.marks.citation.spec.parseDOM?.[0]).toMatchObject({ tag: "span[data-citation]" });

    const safe = caseSchema.marks.link.create({ href: "https://example.org" });
    // null attributes are left out by ProseMirror's serializer: no target="_blank" in the editor either.
    expect(caseSchema.marks.link.spec.toDOM?.(safe, true)).toEqual([
      "a",
      {
        rel: "noopener noreferrer nofollow",
        href: "https://example.org",
        target: null,
        class: null,
        title: null,
      },
      0,
    ]);
    const unsafe = caseSchema.marks.link.create({ href: "javascript:alert(1)" });
    expect(caseSchema.marks.link.spec.toDOM?.(unsafe, true)).toMatchObject(["a", { href: "" }, 0]);
  });
});

describe("link addresses", () => {
  it("accepts only http, https and mailto, trimmed", () => {
    expect(normalizeLinkHref("  https://example.org/a?b=1 ")).toBe("https://example.org/a?b=1");
    expect(normalizeLinkHref("mailto:desk@example.org")).toBe("mailto:desk@example.org");
    expect(isSafeLinkHref("http://example.org")).toBe(true);
    expect(isSafeLinkHref("tel:+22312345678")).toBe(false);
    expect(isSafeLinkHref("javascript&#x3A;alert(1)")).toBe(false);
    expect(isSafeLinkHref(`https://example.org/${"a".repeat(3000)}`)).toBe(false);
    expect(isSafeLinkHref(undefined)).toBe(false);
  });
});
