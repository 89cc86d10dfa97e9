import type { JSONContent } from "@tiptap/core";
import {
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { validateCaseDocument } from "~/editor/validate";
import { caseToDocx } from "~/models/case-files/case-docx.server";
import {
  checkDocx,
  DocxRefusedError,
  MAX_UNCOMPRESSED_BYTES,
  readDocx,
} from "~/models/case-files/docx-reader.server";
import { docxHtmlToCase } from "~/models/case-files/docx-to-case";
import type { CslItem } from "~/models/sources/csl-item";

const library: Array<{ id: string; csl: CslItem }> = [
  {
    id: "src-keita",
    csl: {
      id: "src-keita",
      type: "book",
      title: "Dialogue in Ségou",
      author: [{ family: "Keïta", given: "N." }],
    },
  },
];

const ARABIC = "تم التوصل إلى هدنة محلية في سيغو";

async function fixture(): Promise<Uint8Array> {
  const document = new Document({
    footnotes: {
      1: { children: [new Paragraph("Keïta, Dialogue in Ségou (Bamako, 2021), p. 12.")] },
      2: { children: [new Paragraph("Interview notes kept by the team in Mopti.")] },
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: "Ségou: a local truce" }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Contexte" }),
          new Paragraph({
            children: [
              new TextRun({ text: "Talks with ", bold: true }),
              new TextRun({ text: "local militias", italics: true }),
              new TextRun(" began early. They led to a temporary truce."),
              new FootnoteReferenceRun(1),
              new TextRun(" Elders carried the messages."),
              new FootnoteReferenceRun(2),
            ],
          }),
          new Paragraph({ text: "Katiba Macina", bullet: { level: 0 } }),
          new Paragraph({ text: "local militias", bullet: { level: 0 } }),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: "Channels" }),
          new Paragraph({
            children: [
              new TextRun("See "),
              new ExternalHyperlink({
                link: "https://example.org/report",
                children: [new TextRun("the report")],
              }),
              new TextRun(" and "),
              new ExternalHyperlink({ link: "javascript:alert(1)", children: [new TextRun("this")] }),
              new TextRun("."),
            ],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph("Year")] }),
                  new TableCell({ children: [new Paragraph("Event")] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph("c. 2020")] }),
                  new TableCell({ children: [new Paragraph("Truce")] }),
                ],
              }),
            ],
          }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Timeline of contacts" }),
          new Paragraph({
            bidirectional: true,
            children: [new TextRun({ text: ARABIC, rightToLeft: true })],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function texts(node: JSONContent): string[] {
  if (node.type === "text") return [node.text ?? ""];
  return (node.content ?? []).flatMap(texts);
}

const headings = (doc: JSONContent, level = 2) =>
  (doc.content ?? [])
    .filter((n) => n.type === "heading" && n.attrs?.level === level)
    .map((n) => texts(n).join(""));

describe("Word import: docx → case document", () => {
  it("maps headings to sections, keeps lists, tables, formatting, safe links, footnotes and Arabic", async () => {
    const { html, images } = await readDocx(await fixture());
    expect(images).toBe(0);
    const imported = docxHtmlToCase(html, { sources: library, locale: "en", notesTitle: "Notes" });
    expect(imported.title).toBe("Ségou: a local truce");
    // "Contexte" is the standard section in French: it gets the importer's (English) title.
    expect(headings(imported.doc)).toEqual(["Context", "Timeline of contacts", "Notes"]);
    expect(headings(imported.doc, 3)).toEqual(["Channels"]);
    const validated = validateCaseDocument(imported.doc);
    expect(validated.ok).toBe(true);
    const json = JSON.stringify(imported.doc);
    expect(json).toContain('"type":"bulletList"');
    expect(json).toContain('"type":"table"');
    expect(json).toContain('{"type":"text","text":"local militias","marks":[{"type":"italic"}]}');
    expect(json).toContain('"marks":[{"type":"bold"}]');
    expect(json).toContain('"href":"https://example.org/report"');
    expect(json).not.toContain("javascript");
    expect(texts(imported.doc).join(" ")).toContain(ARABIC);

    // The footnote naming a library source cites the sentence before it, with its page as locator.
    expect(imported.citations).toBe(1);
    const paragraph = imported.doc.content?.find((n) => texts(n).join("").includes("temporary truce"));
    const cited = paragraph?.content?.filter((n) => n.marks?.some((m) => m.type === "citation"));
    expect(cited?.map((n) => n.text).join("")).toBe("They led to a temporary truce.");
    expect(cited?.[0].marks?.find((m) => m.type === "citation")?.attrs).toEqual({
      sourceId: "src-keita",
      locator: "p. 12",
    });
    // The other stays as "[2]" in the text and as text in the Notes section.
    expect(imported.unmatchedNotes).toBe(1);
    expect(texts(paragraph ?? {}).join("")).toContain("messages.[2]");
    expect(texts(imported.doc).join("\n")).toContain("[2] Interview notes kept by the team in Mopti.");
  });

  it("round-trips a case: Word export then import keeps the text and the sections", async () => {
    const body: JSONContent = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Context" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Negotiations between " },
            { type: "text", text: "Katiba Macina", marks: [{ type: "tag", attrs: { codeId: "c1" } }] },
            {
              type: "text",
              text: " and militias led to a truce.",
              marks: [{ type: "citation", attrs: { sourceId: "src-keita", locator: "p. 4" } }],
            },
          ],
        },
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Outcomes" }] },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "Temporary truce" }] }],
            },
          ],
        },
        { type: "paragraph", content: [{ type: "text", text: ARABIC }] },
      ],
    };
    const docx = await caseToDocx(
      {
        title: "Mali, Ségou — local truce",
        language: "en",
        body,
        fields: [{ label: "Countries", value: "Mali" }],
      },
      {
        codes: new Map([["c1", { label: "Local channel" }]]),
        citationNotes: ["Keïta, Dialogue in Ségou, 4."],
        bibliography: ["Keïta, N. \uE000Dialogue in Ségou\uE001."],
        words: { sources: "Sources", tagged: (code) => `Tagged: ${code}` },
        tagComments: true,
        author: "Test workspace",
      },
    );
    const files = unzipSync(new Uint8Array(docx));
    expect(strFromU8(files["word/comments.xml"])).toContain("Tagged: Local channel");
    expect(strFromU8(files["word/footnotes.xml"])).toContain("Keïta, Dialogue in Ségou, 4.");
    expect(strFromU8(files["word/document.xml"])).toContain("<w:bidi/>");

    const { html } = await readDocx(new Uint8Array(docx));
    const again = docxHtmlToCase(html, { sources: library, locale: "en", notesTitle: "Notes" });
    expect(again.title).toBe("Mali, Ségou — local truce");
    expect(headings(again.doc)).toEqual(["Context", "Outcomes", "Sources"]);
    const text = texts(again.doc).join(" ");
    for (const part of [
      "Negotiations between",
      "Katiba Macina",
      "and militias led to a truce.",
      "Temporary truce",
      ARABIC,
    ]) {
      expect(text).toContain(part);
    }
    // The footnote names the library's source again: the passage is cited again, with its locator.
    expect(again.citations).toBe(1);
  });
});

describe("Word import: files that are refused", () => {
  const refusal = (bytes: Uint8Array) => {
    try {
      checkDocx(bytes);
      return "accepted";
    } catch (error) {
      return error instanceof DocxRefusedError ? error.reason : `threw ${String(error)}`;
    }
  };

  it("tells a file that is not Word, an old .doc, a password-protected file and a damaged zip apart", async () => {
    expect(refusal(new TextEncoder().encode("Title, Author\nNot a Word file"))).toBe("notDocx");
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refusal(ole)).toBe("oldWord");
    ole.set(Buffer.from("EncryptionInfo", "utf16le"), 1024);
    expect(refusal(ole)).toBe("encrypted");
    const good = await fixture();
    expect(refusal(good.slice(0, good.length - 400))).toBe("corrupt");
    expect(refusal(zipSync({ "hello.txt": new TextEncoder().encode("hi") }))).toBe("notDocx");
  });

  it("refuses macros, whatever the file is called", async () => {
    const files = unzipSync(await fixture());
    files["word/vbaProject.bin"] = new Uint8Array([1, 2, 3]);
    expect(refusal(zipSync(files))).toBe("macros");
  });

  it("refuses a zip bomb from its directory, and never inflates an entry past its declared size", async () => {
    const files = unzipSync(await fixture());
    // 60 MB of zeros compress to about 60 KB.
    files["word/bomb.xml"] = new Uint8Array(MAX_UNCOMPRESSED_BYTES + 20 * 1024 * 1024);
    const bomb = zipSync(files, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(refusal(bomb)).toBe("tooLarge");

    // The same bomb whose directory lies about the size (100 bytes): read, it stays 100 bytes.
    const liar = zipSync(
      { ...unzipSync(await fixture()), "word/liar.xml": new Uint8Array(20 * 1024 * 1024) },
      { level: 9 },
    );
    const view = Buffer.from(liar);
    const name = Buffer.from("word/liar.xml");
    for (let at = view.indexOf(name); at !== -1; at = view.indexOf(name, at + 1)) {
      // Central directory record: signature 46 bytes before the name; uncompressed size at +24.
      if (view.readUInt32LE(at - 46) === 0x02014b50) view.writeUInt32LE(100, at - 46 + 24);
      if (view.readUInt32LE(at - 30) === 0x04034b50) view.writeUInt32LE(100, at - 30 + 22);
    }
    const before = process.memoryUsage().arrayBuffers;
    const { zip } = checkDocx(new Uint8Array(view));
    expect(unzipSync(zip)["word/liar.xml"].length).toBe(100);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(15 * 1024 * 1024);
  });

  it("reads 10,000 headings within the limits, as 10,000 sections (the import then refuses the file)", async () => {
    const document = new Document({
      sections: [
        {
          children: Array.from(
            { length: 10_000 },
            (_, i) => new Paragraph({ heading: HeadingLevel.HEADING_1, text: `Heading ${i}` }),
          ),
        },
      ],
    });
    const { html } = await readDocx(new Uint8Array(await Packer.toBuffer(document)));
    const imported = docxHtmlToCase(html, { sources: [], locale: "en", notesTitle: "Notes" });
    expect(imported.sections).toBe(10_000);
  });
});
