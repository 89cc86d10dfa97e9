import type { JSONContent } from "@tiptap/core";
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import {
  caseSchema,
  collectReferences,
  isDocumentTooLarge,
  MAX_DOCUMENT_BYTES,
  newCaseDocument,
  validateCaseDocument,
} from "~/editor";
import { resources } from "~/locales";
import { i18nOptions } from "~/utils/i18n";
import { translateMessage } from "~/utils/messages";
import { bold, cite, doc, heading, link, paragraph, section, tag, text } from "./fixtures";

// Messages are catalogue keys: read them as an English and a French reader would.
const i18n = createInstance();
i18n.init({ ...i18nOptions, lng: "en", resources, initImmediate: false });
const english = (message: string) => translateMessage(i18n.getFixedT("en"), message);
const french = (message: string) => translateMessage(i18n.getFixedT("fr"), message);

function errorsOf(json: unknown): string[] {
  const result = validateCaseDocument(json);
  if (result.ok) throw new Error(`expected ${JSON.stringify(json).slice(0, 200)} to be rejected`);
  return result.errors.map(english);
}

function expectRejected(json: unknown, message: string | RegExp): void {
  const errors = errorsOf(json);
  if (typeof message === "string") expect(errors.join("\n")).toContain(message);
  else expect(errors.join("\n")).toMatch(message);
}

const LINK_MESSAGE = "Link address must start with http://, https:// or mailto:";

describe("validateCaseDocument accepts", () => {
  it("the new case template", () => {
    const result = validateCaseDocument(newCaseDocument());
    expect(result).toEqual({
      ok: true,
      doc: newCaseDocument(),
      references: { codeIds: [], sourceIds: [] },
    });
  });

  it("the new case template in French, with its standard sections in French", () => {
    const french = newCaseDocument("fr");
    expect(validateCaseDocument(french)).toMatchObject({ ok: true });
    const titles = (french.content ?? [])
      .filter((node) => node.type === "heading")
      .map((node) => node.content?.[0]?.text);
    expect(titles).toEqual([
      "Contexte",
      "Acteurs",
      "Processus",
      "Préconditions",
      "Résultats",
      "Enseignements",
    ]);
    expect(newCaseDocument().content?.[0]?.content?.[0]?.text).toBe("Context");
  });

  it("overlapping tags of two codes and citations, and reports what they refer to", () => {
    const input = doc(
      section("Context"),
      paragraph(
        text("the ", tag("code-a")),
        text("truce ", tag("code-a"), bold),
        text("talks", tag("code-a"), tag("code-b")),
        text(" stalled", tag("code-b"), cite("source-1", "p. 4")),
      ),
      paragraph(text("again", tag("code-a"), cite("source-2")), text(" later", cite("source-1", "p. 5"))),
    );
    const result = validateCaseDocument(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.references).toEqual({ codeIds: ["code-a", "code-b"], sourceIds: ["source-1", "source-2"] });
    expect(result.doc.content?.[1].content?.[2].marks).toEqual([
      { type: "tag", attrs: { codeId: "code-a" } },
      { type: "tag", attrs: { codeId: "code-b" } },
    ]);
  });

  it("a table", () => {
    const cell = (type: string, value: string, attrs: Record<string, unknown> = {}) => ({
      type,
      attrs,
      content: [paragraph(value)],
    });
    const input = doc(section("Actors"), {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Actor"), cell("tableHeader", "Role")] },
        {
          type: "tableRow",
          content: [
            cell("tableCell", "Mahmoud Dicko", { colspan: 1, colwidth: [120] }),
            cell("tableCell", "Mediator"),
          ],
        },
      ],
    });
    expect(validateCaseDocument(input).ok).toBe(true);
  });

  it("https and mailto links, in any letter case, and fills in the link's default attributes", () => {
    const input = doc(
      paragraph(text("site", link("https://example.org/report?id=1&x=2"))),
      paragraph(text("mail", link("mailto:desk@example.org"))),
      paragraph(text("old", link("HTTP://example.org"))),
    );
    const result = validateCaseDocument(input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.doc.content?.[0].content?.[0].marks?.[0]).toEqual({
      type: "link",
      attrs: {
        href: "https://example.org/report?id=1&x=2",
        target: null,
        rel: "noopener noreferrer nofollow",
        class: null,
        title: null,
      },
    });
  });

  it("lists, quotations, sub-headings and line breaks", () => {
    const input = doc(
      section("Process"),
      heading(3, "First contacts"),
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [paragraph("one")] },
          { type: "listItem", content: [paragraph("two")] },
        ],
      },
      {
        type: "orderedList",
        attrs: { start: 3 },
        content: [{ type: "listItem", content: [paragraph("three")] }],
      },
      { type: "blockquote", content: [paragraph("a", { type: "hardBreak" }, "b")] },
    );
    expect(validateCaseDocument(input)).toMatchObject({ ok: true });
  });
});

describe("validateCaseDocument rejects", () => {
  it.each([
    [null, "The document must be an object of type 'doc'"],
    ["a string", "The document must be an object of type 'doc'"],
    [[doc(paragraph("x"))], "The document must be an object of type 'doc'"],
    [{ type: "paragraph" }, "The document must be an object of type 'doc'"],
    [{ type: "doc", content: "text" }, "The content of the document must be a list"],
    [{ type: "doc", content: [] }, "The document must be a list of blocks"],
    [{ type: "doc", content: [42] }, "Each piece of content must be an object"],
    [{ type: "doc", content: [{ content: [] }] }, "A piece of content has no type"],
  ])("a document of the wrong shape: %j", (input, message) => {
    expectRejected(input, message);
  });

  it.each(["foo", "strike", "code", "textStyle"])("unknown formatting '%s'", (name) => {
    expectRejected(doc(paragraph(text("x", { type: name }))), `Unknown formatting '${name}'`);
  });

  it.each(["image", "codeBlock", "horizontalRule", "script"])("unknown element '%s'", (name) => {
    expectRejected(doc(paragraph("x"), { type: name }), `Unknown element '${name}'`);
  });

  it.each([
    "javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "\tjavascript:alert(1)",
    "\u0000javascript:alert(1)",
    "\u200bjavascript:alert(1)",
    "java\nscript:alert(1)",
    "java\tscript:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#0000106avascript:alert(1)",
    "%6Aavascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    " data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example.org",
    "/relative/path",
    "ftp://example.org",
    "",
    "   ",
  ])("link href %j", (href) => {
    expectRejected(doc(paragraph(text("click", link(href)))), LINK_MESSAGE);
  });

  it("a link without an address, or with a non-text address", () => {
    expectRejected(doc(paragraph(text("click", { type: "link" }))), LINK_MESSAGE);
    expectRejected(doc(paragraph(text("click", { type: "link", attrs: { href: 42 } }))), LINK_MESSAGE);
  });

  it("an https address with a control character inside", () => {
    expectRejected(doc(paragraph(text("x", link("https://ok.example/a\u0007b")))), LINK_MESSAGE);
  });

  it("but not an https address with spaces around it", () => {
    expect(validateCaseDocument(doc(paragraph(text("x", link("  https://ok.example/ \n"))))).ok).toBe(true);
  });

  it.each([
    [{ level: 1 }, 'found "1"'],
    [{ level: 4 }, 'found "4"'],
    [{ level: "2" }, 'found "2"'],
    [{}, "found none"],
  ])("a heading with attributes %j", (attrs, found) => {
    expectRejected(
      doc({ type: "heading", attrs, content: [text("Title")] }),
      `Heading level must be 2 (section) or 3 (sub-heading), ${found}`,
    );
  });

  it.each([{}, { codeId: "" }, { codeId: 12 }, { codeId: null }, { codeId: "x".repeat(201) }])(
    "a tag mark with attributes %j",
    (attrs) => {
      expectRejected(
        doc(paragraph(text("passage", { type: "tag", attrs }))),
        "A tagged passage must name the code it is tagged with (codeId)",
      );
    },
  );

  it("a citation without a source, or with a locator that is not text", () => {
    expectRejected(
      doc(paragraph(text("passage", { type: "citation", attrs: { locator: "p. 4" } }))),
      "A citation must name the source it cites (sourceId)",
    );
    expectRejected(
      doc(paragraph(text("passage", { type: "citation", attrs: { sourceId: "s1", locator: { page: 4 } } }))),
      "A citation locator must be text",
    );
  });

  it.each([[42], [null], [{ value: "x" }], [["x"]]])("a text node whose text is %j", (value) => {
    expectRejected(
      doc(paragraph({ type: "text", text: value } as unknown as JSONContent)),
      "Text must be a string",
    );
  });

  it("empty text", () => {
    expectRejected(doc(paragraph({ type: "text", text: "" })), "Empty text is not allowed");
  });

  it("unknown attributes, such as event handlers", () => {
    expectRejected(
      doc({ type: "heading", attrs: { level: 2, onclick: "alert(1)" }, content: [text("x")] }),
      "Unknown attribute 'onclick' on a heading",
    );
    expectRejected(
      doc(paragraph(text("x", { type: "tag", attrs: { codeId: "a", style: "color:red" } }))),
      "Unknown attribute 'style' on tag formatting",
    );
  });

  it("huge table spans (which would make the renderer loop)", () => {
    const input = doc({
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [{ type: "tableCell", attrs: { colspan: 1e9 }, content: [paragraph("x")] }],
        },
      ],
    });
    expectRejected(input, "A table cell may span from 1 to 100 columns or rows");
  });

  it("content where the schema does not allow it", () => {
    expectRejected(
      doc(paragraph(paragraph("nested"))),
      "Content that is not allowed there was found in a paragraph",
    );
    expectRejected(
      doc({ type: "heading", attrs: { level: 2 }, content: [{ type: "bulletList", content: [] }] }),
      "Content that is not allowed there was found in a heading",
    );
    expectRejected(doc(text("loose text")), "The document must be a list of blocks");
    expectRejected(
      doc({ type: "paragraph", marks: [tag("a")], content: [text("x")] }),
      "The document must be a list of blocks",
    );
  });

  it("absurdly deep nesting, without overflowing the stack", () => {
    let nested: JSONContent = paragraph("deep");
    for (let i = 0; i < 100; i++) nested = { type: "blockquote", content: [nested] };
    expectRejected(doc(nested), "The document is nested too deeply");
    // Deep enough to overflow JSON.stringify: still said as it is, not "not valid JSON" (issue 13).
    for (let i = 0; i < 5_000; i++) nested = { type: "blockquote", content: [nested] };
    const tooDeep = [expect.stringMatching(/^The document is nested too deeply/)];
    expect(errorsOf(doc(nested))).toEqual(tooDeep);
    for (let i = 0; i < 100_000; i++) nested = { type: "blockquote", content: [nested] };
    expect(errorsOf(doc(nested))).toEqual(tooDeep);
  });

  it("the same tag twice on the same text", () => {
    expectRejected(
      doc(paragraph(text("x", tag("a"), tag("a")))),
      "The same formatting is applied twice to the same text",
    );
  });

  it("and says in which section the problem is", () => {
    const errors = errorsOf(
      doc(
        section("Context"),
        paragraph("fine"),
        section("Actors"),
        paragraph(text("bad", link("javascript:alert(1)"))),
      ),
    );
    expect(errors).toEqual([`${LINK_MESSAGE} (found "javascript:alert(1)") (in section "Actors").`]);
  });

  it("in the reader's language, with the names of elements and places translated", () => {
    const result = validateCaseDocument(
      doc(
        section("Acteurs"),
        { type: "paragraph", text: "loose" },
        paragraph(text("x", link("file:///etc"))),
      ),
    );
    if (result.ok) throw new Error("expected a rejection");
    expect(result.errors.map(french)).toEqual([
      'Du texte ne peut pas être porté directement par un paragraphe (dans la section "Acteurs").',
      'L’adresse d’un lien doit commencer par http://, https:// ou mailto: (trouvé : "file:///etc") (dans la section "Acteurs").',
    ]);
    expect(result.errors.join("\n")).not.toContain("⟦");
  });

  it("without reading a nested key in the document's own text", () => {
    const errors = errorsOf(doc(section("$t(editor.toolbar.bold)"), paragraph(text("x", link("file:x")))));
    expect(errors[0]).toContain('(in section "$\u200bt(editor.toolbar.bold)")');
  });

  it("documents over 2 MB", () => {
    const big = doc(paragraph("x".repeat(MAX_DOCUMENT_BYTES)));
    const result = validateCaseDocument(big);
    expect(result).toMatchObject({ ok: false, tooLarge: true });
    expect(errorsOf(big)).toEqual(["The document is too large (2.0 MB); the limit is 2 MB."]);
  });
});

describe("isDocumentTooLarge", () => {
  it("counts UTF-8 bytes, not characters", () => {
    expect(isDocumentTooLarge("x".repeat(MAX_DOCUMENT_BYTES))).toBe(false);
    expect(isDocumentTooLarge("x".repeat(MAX_DOCUMENT_BYTES + 1))).toBe(true);
    // 1.5 million characters, 3 million bytes
    expect(isDocumentTooLarge("é".repeat(1_500_000))).toBe(true);
    expect(isDocumentTooLarge(JSON.stringify(newCaseDocument()))).toBe(false);
  });
});

describe("collectReferences", () => {
  it("lists each code and source once, in order of first use", () => {
    const input = doc(
      paragraph(text("a", tag("c2")), text("b", tag("c1"), cite("s9", "p. 1"))),
      paragraph(text("c", tag("c2"), cite("s3")), text("d", cite("s9", "p. 2"))),
    );
    expect(collectReferences(input)).toEqual({ codeIds: ["c2", "c1"], sourceIds: ["s9", "s3"] });
    expect(collectReferences(caseSchema.nodeFromJSON(input))).toEqual({
      codeIds: ["c2", "c1"],
      sourceIds: ["s9", "s3"],
    });
  });
});
