// mammoth's HTML of a Word file → a case document. Nothing of the HTML is kept as HTML: each element we
// know becomes the case schema's node or mark, any other is read for its text only, and the result goes
// through the same validator as every save (the caller runs validateCaseDocument).
//
// - The heading levels the file uses become sections (the highest level) and sub-headings (the next ones);
//   a section whose title is a standard section in English or French gets the standard title in the
//   importer's language; other headings stay as added sections. Word's Title style gives the case title.
// - Paragraphs, lists, tables, quotations, bold, italic, underline and links (http, https, mailto) are kept.
// - A footnote that names a source of the library (its title, DOI or web address) becomes a citation of
//   that source on the sentence it follows, with the page or paragraph it gives as locator; the others stay
//   as "[n]" in the text and as text in a "Notes" section at the end.
import type { JSONContent } from "@tiptap/core";
import { parseDocument } from "htmlparser2";
import { normalizeLinkHref } from "~/editor/links";
import { sectionTitles } from "~/editor/template";
import type { Locale } from "~/models/domain";
import type { CslItem } from "~/models/sources/csl-item";
import { fold } from "~/rules/text";

type DomDocument = ReturnType<typeof parseDocument>;
type DomNode = DomDocument["children"][number];
type DomElement = Extract<DomNode, { type: "tag" }> | Extract<DomNode, { name: string; attribs: object }>;
type Mark = NonNullable<JSONContent["marks"]>[number];

const isElement = (
  node: DomNode,
): node is DomElement & { name: string; attribs: Record<string, string>; children: DomNode[] } =>
  "name" in node && "attribs" in node;
const isText = (node: DomNode): node is DomNode & { data: string } => node.type === "text";

function textOf(node: DomNode): string {
  if (isText(node)) return node.data;
  if (isElement(node)) return node.children.map(textOf).join("");
  return "";
}

/** Lower case, no accents, single spaces: how titles and headings are compared. */
export function foldText(value: string): string {
  return fold(value)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export type ImportedCase = {
  title: string | null;
  doc: JSONContent;
  sections: number;
  citations: number;
  unmatchedNotes: number;
  images: number;
};

type Footnote = { number: number; text: string; sourceId: string | null; locator: string };

const LOCATOR =
  /\b(pp?\.|pages?|paras?\.|paragraphs?|§|¶|sec\.|section|ch\.|chapter)\s*([\dA-Za-z][\d\w–-]*)/i;

function matchSource(text: string, sources: ReadonlyArray<{ id: string; csl: CslItem }>): string | null {
  const folded = foldText(text);
  const lower = text.toLowerCase();
  for (const source of sources) {
    const { DOI, URL, title } = source.csl;
    if (DOI && lower.includes(DOI.toLowerCase())) return source.id;
    if (URL && lower.includes(URL.toLowerCase())) return source.id;
    const foldedTitle = foldText(title);
    if (foldedTitle.length >= 8 && folded.includes(foldedTitle)) return source.id;
  }
  return null;
}

function readFootnotes(
  dom: DomDocument,
  sources: ReadonlyArray<{ id: string; csl: CslItem }>,
): Map<string, Footnote> {
  const notes = new Map<string, Footnote>();
  const visit = (node: DomNode) => {
    if (!isElement(node)) return;
    const id = node.attribs.id ?? "";
    if (node.name === "li" && /^(?:footnote|endnote)-\d+$/.test(id)) {
      // The note's text without mammoth's "↑" link back to the reference.
      const text = node.children
        .map(function strip(child: DomNode): string {
          if (isElement(child) && child.name === "a" && (child.attribs.href ?? "").startsWith("#")) return "";
          if (isElement(child)) return child.children.map(strip).join("");
          return isText(child) ? child.data : "";
        })
        .join(" ")
        .replace(/\s+/g, " ")
        .trim();
      const sourceId = matchSource(text, sources);
      const locator = sourceId ? (LOCATOR.exec(text)?.[0].replace(/\s+/g, " ") ?? "") : "";
      notes.set(id, { number: notes.size + 1, text, sourceId, locator: locator.slice(0, 200) });
      return;
    }
    node.children.forEach(visit);
  };
  dom.children.forEach(visit);
  return notes;
}

const SKIPPED_LISTS = (node: DomNode) =>
  isElement(node) &&
  node.name === "ol" &&
  node.children.some(
    (child) => isElement(child) && /^(?:footnote|endnote)-\d+$/.test(child.attribs.id ?? ""),
  );

class CaseBuilder {
  readonly blocks: JSONContent[] = [];
  title: string | null = null;
  sections = 0;
  citations = 0;
  images = 0;
  readonly usedNotes = new Set<string>();
  private readonly sectionLevel: number;

  constructor(
    private readonly notes: Map<string, Footnote>,
    private readonly standard: Map<string, string>,
    headingLevels: number[],
  ) {
    this.sectionLevel = headingLevels.length > 0 ? Math.min(...headingLevels) : 1;
  }

  block(node: DomNode, into: JSONContent[]): void {
    if (isText(node)) {
      if (node.data.trim() !== "") into.push(this.paragraph([node]));
      return;
    }
    if (!isElement(node) || SKIPPED_LISTS(node)) return;
    const name = node.name;
    if (/^h[1-6]$/.test(name)) {
      const text = textOf(node).replace(/\s+/g, " ").trim();
      if ((node.attribs.class ?? "").includes("doc-title")) {
        if (this.title === null && text !== "") this.title = text;
        else if (text !== "") into.push(this.paragraph(node.children));
        return;
      }
      const level = Number(name[1]);
      if (text === "") return;
      if (level <= this.sectionLevel) {
        this.sections += 1;
        into.push({
          type: "heading",
          attrs: { level: 2 },
          content: [{ type: "text", text: this.standard.get(foldText(text)) ?? text }],
        });
      } else {
        into.push({ type: "heading", attrs: { level: 3 }, content: this.inline(node.children, []) });
      }
      return;
    }
    switch (name) {
      case "p":
        into.push(this.paragraph(node.children));
        return;
      case "ul":
      case "ol": {
        const items = node.children.filter((child) => isElement(child) && child.name === "li");
        if (items.length === 0) return;
        into.push({
          type: name === "ul" ? "bulletList" : "orderedList",
          content: items.map((item) => ({
            type: "listItem",
            content: this.flow((item as DomElement & { children: DomNode[] }).children),
          })),
        });
        return;
      }
      case "table": {
        const rows: JSONContent[] = [];
        const collect = (parent: DomNode) => {
          if (!isElement(parent)) return;
          for (const child of parent.children) {
            if (!isElement(child)) continue;
            if (child.name === "tr") {
              const cells = child.children.filter(
                (
                  cell,
                ): cell is DomElement & {
                  name: string;
                  attribs: Record<string, string>;
                  children: DomNode[];
                } => isElement(cell) && (cell.name === "td" || cell.name === "th"),
              );
              if (cells.length > 0)
                rows.push({
                  type: "tableRow",
                  content: cells.map((cell) => ({
                    type: cell.name === "th" ? "tableHeader" : "tableCell",
                    attrs: { colspan: span(cell.attribs.colspan), rowspan: span(cell.attribs.rowspan) },
                    content: this.flow(cell.children),
                  })),
                });
            } else collect(child);
          }
        };
        collect(node);
        if (rows.length > 0) into.push({ type: "table", content: rows });
        return;
      }
      case "blockquote": {
        const content = this.flow(node.children);
        into.push({ type: "blockquote", content });
        return;
      }
      default:
        // Containers (div, section…) and anything unknown: their blocks, or their text as a paragraph.
        if (node.children.some((child) => isElement(child) && BLOCK_NAMES.has(child.name))) {
          for (const child of node.children) this.block(child, into);
        } else if (textOf(node).trim() !== "") into.push(this.paragraph(node.children));
    }
  }

  /** Block content of a list item, table cell or quotation: at least one paragraph. */
  private flow(children: DomNode[]): JSONContent[] {
    const blocks: JSONContent[] = [];
    const loose: DomNode[] = [];
    const flush = () => {
      if (
        loose.length > 0 &&
        loose.some((node) => textOf(node).trim() !== "" || (isElement(node) && node.name === "img"))
      ) {
        blocks.push(this.paragraph(loose.splice(0)));
      }
      loose.length = 0;
    };
    for (const child of children) {
      if (isElement(child) && (BLOCK_NAMES.has(child.name) || /^h[1-6]$/.test(child.name))) {
        flush();
        this.block(child, blocks);
      } else loose.push(child);
    }
    flush();
    return blocks.length > 0 ? blocks : [{ type: "paragraph" }];
  }

  private paragraph(children: DomNode[]): JSONContent {
    const content = this.inline(children, []);
    return content.length > 0 ? { type: "paragraph", content } : { type: "paragraph" };
  }

  inline(children: DomNode[], marks: Mark[], out: JSONContent[] = []): JSONContent[] {
    for (const node of children) {
      if (isText(node)) {
        const text = node.data.replace(/[\t\n\r ]+/g, " ");
        if (text !== "") out.push(marks.length ? { type: "text", text, marks } : { type: "text", text });
        continue;
      }
      if (!isElement(node)) continue;
      switch (node.name) {
        case "strong":
        case "b":
          this.inline(node.children, withMark(marks, { type: "bold" }), out);
          break;
        case "em":
        case "i":
          this.inline(node.children, withMark(marks, { type: "italic" }), out);
          break;
        case "u":
          this.inline(node.children, withMark(marks, { type: "underline" }), out);
          break;
        case "br":
          out.push({ type: "hardBreak" });
          break;
        case "img":
          this.images += 1;
          break;
        case "a": {
          const href = node.attribs.href ?? "";
          if (href.startsWith("#")) {
            this.noteReference(href.slice(1), out, marks);
            break;
          }
          const safe = normalizeLinkHref(href);
          this.inline(
            node.children,
            safe ? withMark(marks, { type: "link", attrs: { href: safe } }) : marks,
            out,
          );
          break;
        }
        case "sup": {
          const link = node.children.find((child) => isElement(child) && child.name === "a");
          if (link && isElement(link) && (link.attribs.href ?? "").startsWith("#"))
            this.noteReference(link.attribs.href.slice(1), out, marks);
          else this.inline(node.children, marks, out);
          break;
        }
        default:
          this.inline(node.children, marks, out);
      }
    }
    return mergeText(out);
  }

  /** A footnote reference: a citation on the sentence before it, or "[n]" kept in the text. */
  private noteReference(id: string, out: JSONContent[], marks: Mark[]): void {
    const note = this.notes.get(id);
    if (!note) return;
    this.usedNotes.add(id);
    if (
      note.sourceId &&
      citeSentence(out, { type: "citation", attrs: { sourceId: note.sourceId, locator: note.locator } })
    ) {
      this.citations += 1;
      return;
    }
    note.sourceId = null;
    out.push(
      marks.length
        ? { type: "text", text: `[${note.number}]`, marks }
        : { type: "text", text: `[${note.number}]` },
    );
  }
}

const BLOCK_NAMES = new Set([
  "p",
  "ul",
  "ol",
  "table",
  "blockquote",
  "div",
  "section",
  "article",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
]);

function span(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 100) : 1;
}

function withMark(marks: Mark[], mark: Mark): Mark[] {
  return marks.some((existing) => existing.type === mark.type) ? marks : [...marks, mark];
}

function sameMarks(a: JSONContent, b: JSONContent): boolean {
  return JSON.stringify(a.marks ?? []) === JSON.stringify(b.marks ?? []);
}

function mergeText(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last && last.type === "text" && node.type === "text" && sameMarks(last, node))
      last.text = (last.text ?? "") + node.text;
    else out.push({ ...node });
  }
  return out;
}

/**
 * Marks the sentence that ends where the footnote reference stands (back to the previous full stop in the
 * same paragraph) with the citation. False when there is no text to cite.
 */
function citeSentence(out: JSONContent[], citation: Mark): boolean {
  const merged = mergeText(out);
  out.splice(0, out.length, ...merged);
  let i = out.length - 1;
  while (i >= 0 && out[i].type === "text" && (out[i].text ?? "").trim() === "") i--;
  if (i < 0 || out[i].type !== "text") return false;
  let start = i;
  let cut = -1;
  for (; start >= 0; start--) {
    const node = out[start];
    if (node.type !== "text") break;
    const text = node.text ?? "";
    const search = start === i ? text.replace(/[.!?…]\s*$/, "") : text;
    const m = [...search.matchAll(/[.!?…]\s+/g)].pop();
    if (m) {
      cut = (m.index ?? 0) + m[0].length;
      break;
    }
  }
  if (start < 0 || out[start].type !== "text") start += 1;
  if (cut > 0) {
    const node = out[start];
    const before = { ...node, text: (node.text ?? "").slice(0, cut) };
    const after = { ...node, text: (node.text ?? "").slice(cut) };
    out.splice(start, 1, before, after);
    start += 1;
    i += 1;
  }
  for (let k = start; k <= i; k++) out[k] = { ...out[k], marks: [...(out[k].marks ?? []), citation] };
  return true;
}

/** The case document of a Word file's HTML; the notes nobody could cite go in a last "Notes" section. */
export function docxHtmlToCase(
  html: string,
  options: { sources: ReadonlyArray<{ id: string; csl: CslItem }>; locale: Locale; notesTitle: string },
): ImportedCase {
  const dom = parseDocument(html);
  const notes = readFootnotes(dom, options.sources);
  const standard = new Map<string, string>();
  const wanted = sectionTitles(options.locale);
  for (const locale of ["en", "fr"] as const) {
    sectionTitles(locale).forEach((title, i) => {
      standard.set(foldText(title), wanted[i]);
    });
  }
  const levels = new Set<number>();
  const findLevels = (node: DomNode) => {
    if (!isElement(node)) return;
    if (
      /^h[1-6]$/.test(node.name) &&
      !(node.attribs.class ?? "").includes("doc-title") &&
      textOf(node).trim() !== ""
    )
      levels.add(Number(node.name[1]));
    node.children.forEach(findLevels);
  };
  dom.children.forEach(findLevels);
  const builder = new CaseBuilder(notes, standard, [...levels]);
  for (const node of dom.children) builder.block(node, builder.blocks);
  // Notes that cite nothing, or were never referred to in the text, are kept as text.
  const unmatched = [...notes.entries()]
    .filter(([id, note]) => note.sourceId === null || !builder.usedNotes.has(id))
    .map(([, note]) => note);
  if (unmatched.length > 0) {
    builder.blocks.push(
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: options.notesTitle }] },
      ...unmatched.map((note) => ({
        type: "paragraph",
        content: [{ type: "text", text: `[${note.number}] ${note.text || "…"}` }],
      })),
    );
  }
  const content = builder.blocks.length > 0 ? builder.blocks : [{ type: "paragraph" }];
  return {
    title: builder.title,
    doc: { type: "doc", content },
    sections: builder.sections,
    citations: builder.citations,
    unmatchedNotes: unmatched.length,
    images: builder.images,
  };
}
