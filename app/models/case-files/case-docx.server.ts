// A case as a Word document (.docx), written with the `docx` library from the case document and the fields
// the member reads. The caller has already redacted the body when the export must be (ADR 0008).
//
// - fields as a two-column table under the title, then the sections (level-2 headings → Heading 1);
// - tagged passages, optionally, as Word comments naming the code;
// - each citation as a footnote in the workspace's citation style, after the cited passage;
// - the bibliography in that style, with italics;
// - paragraphs whose first letter is right-to-left (Arabic, Hebrew…) as right-to-left paragraphs.
import type { JSONContent } from "@tiptap/core";
import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  type ICommentOptions,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { toCaseNode } from "~/editor/extensions";
import { normalizeLinkHref } from "~/editor/links";
import { referenceRuns } from "~/models/sources/citation-styles";

export type DocxCase = {
  title: string;
  language: string;
  body: unknown;
  /** Label and value of each field shown in the table under the title, already in the reader's words. */
  fields: Array<{ label: string; value: string }>;
};

export type DocxContext = {
  codes: ReadonlyMap<string, { label: string }>;
  /** The footnote of each citation, in document order (references.server.ts formatCitations). */
  citationNotes: readonly string[];
  /** The bibliography in the style's order. */
  bibliography: readonly string[];
  words: { sources: string; tagged: (code: string) => string; notice?: string };
  /** Tagged passages as comments naming their code. */
  tagComments: boolean;
  author: string;
};

const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const LTR_LETTER = /[A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]/;

/** Right-to-left when the first strong letter is (what dir="auto" does in the read view). */
export function isRightToLeft(text: string): boolean {
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) return true;
    if (LTR_LETTER.test(ch)) return false;
  }
  return false;
}

function childrenOf(node: ProseMirrorNode): ProseMirrorNode[] {
  const children: ProseMirrorNode[] = [];
  node.forEach((child) => {
    children.push(child);
  });
  return children;
}

type InlineState = { footnote: number; comment: number };

class DocxWriter {
  readonly footnotes: Record<string, { children: Paragraph[] }> = {};
  readonly comments: ICommentOptions[] = [];
  private readonly state: InlineState = { footnote: 0, comment: 0 };

  constructor(private readonly context: DocxContext) {}

  blocks(nodes: readonly ProseMirrorNode[], listLevel = 0, inQuote = false): Array<Paragraph | Table> {
    const out: Array<Paragraph | Table> = [];
    for (const child of nodes) {
      switch (child.type.name) {
        case "heading":
          out.push(
            this.paragraph(child, {
              heading: child.attrs.level === 3 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1,
            }),
          );
          break;
        case "paragraph":
          out.push(this.paragraph(child, inQuote ? { style: "Quote" } : {}));
          break;
        case "blockquote":
          out.push(...this.blocks(childrenOf(child), listLevel, true));
          break;
        case "bulletList":
        case "orderedList":
          for (const item of childrenOf(child)) {
            childrenOf(item).forEach((part, index) => {
              if (part.type.name === "paragraph") {
                const numbering =
                  child.type.name === "bulletList"
                    ? { bullet: { level: Math.min(listLevel, 8) } }
                    : { numbering: { reference: "case-ordered", level: Math.min(listLevel, 8) } };
                // Only an item's first paragraph carries its bullet or number.
                out.push(
                  this.paragraph(part, index === 0 ? numbering : { indent: { left: 720 * (listLevel + 1) } }),
                );
              } else {
                out.push(...this.blocks([part], listLevel + 1, inQuote));
              }
            });
          }
          break;
        case "table":
          out.push(this.table(child));
          break;
        default:
          if (child.isTextblock) out.push(this.paragraph(child, {}));
          else out.push(...this.blocks(childrenOf(child), listLevel, inQuote));
      }
    }
    return out;
  }

  private table(node: ProseMirrorNode): Table {
    const rows: TableRow[] = [];
    node.forEach((row) => {
      const cells: TableCell[] = [];
      row.forEach((cell) => {
        const children = this.blocks(childrenOf(cell)).filter(
          (block): block is Paragraph => block instanceof Paragraph,
        );
        cells.push(
          new TableCell({
            children: children.length > 0 ? children : [new Paragraph("")],
            columnSpan: Number(cell.attrs.colspan) > 1 ? Number(cell.attrs.colspan) : undefined,
            rowSpan: Number(cell.attrs.rowspan) > 1 ? Number(cell.attrs.rowspan) : undefined,
          }),
        );
      });
      rows.push(new TableRow({ children: cells, tableHeader: row.firstChild?.type.name === "tableHeader" }));
    });
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
  }

  private paragraph(node: ProseMirrorNode, options: Record<string, unknown>): Paragraph {
    const rtl = isRightToLeft(node.textContent);
    return new Paragraph({ ...options, bidirectional: rtl, children: this.inline(node, rtl) });
  }

  private inline(parent: ProseMirrorNode, rtl: boolean): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    // Open tags (codeId → comment id) and citations, as in render.ts: a mark spans adjacent text nodes.
    const openTags = new Map<string, number>();
    const children = childrenOf(parent);
    children.forEach((child, i) => {
      const next = children[i + 1];
      if (this.context.tagComments) {
        for (const mark of child.marks) {
          if (mark.type.name !== "tag" || openTags.has(String(mark.attrs.codeId))) continue;
          const id = this.state.comment++;
          openTags.set(String(mark.attrs.codeId), id);
          const label = this.context.codes.get(String(mark.attrs.codeId))?.label ?? String(mark.attrs.codeId);
          this.comments.push({
            id,
            author: this.context.author,
            initials: "MC",
            children: [new Paragraph(this.context.words.tagged(label))],
          });
          out.push(new CommentRangeStart(id));
        }
      }
      out.push(...this.leaf(child, rtl));
      for (const mark of child.marks) {
        const continues = next?.marks.some((other) => other.eq(mark));
        if (continues) continue;
        if (mark.type.name === "citation") out.push(this.footnoteRun());
        if (mark.type.name === "tag" && openTags.has(String(mark.attrs.codeId))) {
          const id = openTags.get(String(mark.attrs.codeId)) as number;
          openTags.delete(String(mark.attrs.codeId));
          out.push(new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] }));
        }
      }
    });
    return out;
  }

  private footnoteRun(): FootnoteReferenceRun {
    const n = ++this.state.footnote;
    const text = this.context.citationNotes[n - 1] ?? "";
    this.footnotes[String(n)] = { children: [referenceParagraph(text)] };
    return new FootnoteReferenceRun(n);
  }

  private leaf(node: ProseMirrorNode, rtl: boolean): ParagraphChild[] {
    if (node.type.name === "hardBreak") return [new TextRun({ break: 1 })];
    if (!node.isText) return [];
    const has = (name: string) => node.marks.some((mark: Mark) => mark.type.name === name);
    const run = new TextRun({
      text: node.text ?? "",
      bold: has("bold"),
      italics: has("italic"),
      underline: has("underline") ? {} : undefined,
      rightToLeft: rtl,
    });
    const link = node.marks.find((mark) => mark.type.name === "link");
    const href = link ? normalizeLinkHref(link.attrs.href) : null;
    if (href)
      return [
        new ExternalHyperlink({
          link: href,
          children: [new TextRun({ text: node.text ?? "", style: "Hyperlink", rightToLeft: rtl })],
        }),
      ];
    return [run];
  }
}

/** A formatted reference as a paragraph, its italics kept. */
function referenceParagraph(reference: string, options: Record<string, unknown> = {}): Paragraph {
  const rtl = isRightToLeft(reference);
  return new Paragraph({
    ...options,
    bidirectional: rtl,
    children: referenceRuns(reference).map(
      (run) => new TextRun({ text: run.text, italics: run.italic, rightToLeft: rtl }),
    ),
  });
}

function fieldsTable(fields: DocxCase["fields"]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "BFC5CC" };
  const borders = { top: border, bottom: border, left: border, right: border };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: fields.map(
      (field) =>
        new TableRow({
          children: [
            new TableCell({
              width: { size: 28, type: WidthType.PERCENTAGE },
              borders,
              children: [new Paragraph({ children: [new TextRun({ text: field.label, bold: true })] })],
            }),
            new TableCell({
              width: { size: 72, type: WidthType.PERCENTAGE },
              borders,
              children: [
                new Paragraph({
                  bidirectional: isRightToLeft(field.value),
                  children: [new TextRun({ text: field.value, rightToLeft: isRightToLeft(field.value) })],
                }),
              ],
            }),
          ],
        }),
    ),
  });
}

/** The .docx file of a case. */
export async function caseToDocx(caseStudy: DocxCase, context: DocxContext): Promise<Buffer> {
  const writer = new DocxWriter(context);
  const body = writer.blocks(childrenOf(toCaseNode(caseStudy.body as JSONContent)));
  const children: Array<Paragraph | Table> = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      bidirectional: isRightToLeft(caseStudy.title),
      children: [new TextRun({ text: caseStudy.title, rightToLeft: isRightToLeft(caseStudy.title) })],
    }),
  ];
  if (context.words.notice)
    children.push(new Paragraph({ children: [new TextRun({ text: context.words.notice, italics: true })] }));
  children.push(fieldsTable(caseStudy.fields), new Paragraph(""), ...body);
  if (context.bibliography.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: context.words.sources }));
    for (const reference of context.bibliography) {
      children.push(
        referenceParagraph(reference, { indent: { left: 720, hanging: 720 }, spacing: { after: 120 } }),
      );
    }
  }
  const document = new Document({
    creator: context.author,
    title: caseStudy.title,
    comments: { children: writer.comments },
    footnotes: writer.footnotes,
    numbering: {
      config: [
        {
          reference: "case-ordered",
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    styles: { default: { document: { run: { font: "Calibri", size: 22 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
