// Server-side (and browser-safe) HTML for a case body, without a DOM.
//
// Why not @tiptap/static-renderer: it wraps the marks of every text node separately, so a citation
// over "plain **bold** plain" would get three reference numbers, and a tagged passage would be cut in
// several spans. This renderer keeps marks open across adjacent text like ProseMirror's
// DOMSerializer does. It is still driven by the case schema: the JSON is parsed with `caseSchema`
// (unknown types throw), and every node or mark without a rule below is rendered from its own
// `renderHTML` (the schema's `toDOM`), with every attribute value and every text escaped.
import type { JSONContent } from "@tiptap/core";
import type { DOMOutputSpec, Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { getSectionRanges } from "./commands";
import { DIRECTIONAL_BLOCKS, LINK_REL, toCaseNode } from "./extensions";
import { normalizeLinkHref } from "./links";
import { sectionAnchorIds } from "./outline";

export interface RenderCodeInfo {
  label: string;
  color?: string | null;
}

export interface RenderSourceInfo {
  title: string;
}

export interface RenderCaseOptions {
  codes?: Map<string, RenderCodeInfo>;
  sources?: Map<string, RenderSourceInfo>;
}

export interface BibliographyEntry {
  /** Reference number: sources are numbered in order of first citation. */
  number: number;
  sourceId: string;
  /** Distinct non-empty locators cited for this source, in order of first use. */
  locators: string[];
}

export interface RenderedCase {
  html: string;
  bibliography: BibliographyEntry[];
}

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const TAG_NAME = /^[a-z][a-z0-9]*$/i;
const ATTRIBUTE_NAME = /^[a-z_:][-a-z0-9_:.]*$/i;
const VOID_ELEMENTS = new Set(["br", "hr", "img", "col", "wbr", "input"]);
const TABLE_ALIGNMENTS = new Set(["left", "right", "center"]);

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

type AttributeValues = Record<string, string | number | null | undefined>;

function attributesToHtml(attrs: AttributeValues): string {
  let html = "";
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (!ATTRIBUTE_NAME.test(name) || /^on/i.test(name))
      throw new Error(`Refusing to render attribute '${name}'`);
    html += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return html;
}

function openTag(tag: string, attrs: AttributeValues = {}): string {
  return `<${tag}${attributesToHtml(attrs)}>`;
}

/**
 * Renders a DOMOutputSpec (what an extension's renderHTML returns). Returns the whole HTML when the
 * spec has no content hole, or the HTML before and after the hole.
 */
function renderSpec(spec: DOMOutputSpec): string | [string, string] {
  if (typeof spec === "string") return escapeHtml(spec);
  if (!Array.isArray(spec)) throw new Error("Cannot render a DOM node outside the browser");
  const [tag, ...rest] = spec as readonly [string, ...unknown[]];
  if (!TAG_NAME.test(tag)) throw new Error(`Refusing to render element '${tag}'`);
  let children = rest;
  let attrs: AttributeValues = {};
  const first = rest[0];
  if (first !== null && typeof first === "object" && !Array.isArray(first)) {
    attrs = first as AttributeValues;
    children = rest.slice(1);
  }
  const open = openTag(tag, attrs);
  if (VOID_ELEMENTS.has(tag)) return open;
  let before: string | null = null;
  let html = "";
  for (const child of children) {
    if (child === 0) {
      before = open + html;
      html = "";
      continue;
    }
    const rendered = renderSpec(child as DOMOutputSpec);
    if (typeof rendered === "string") {
      html += rendered;
    } else {
      before = open + html + rendered[0];
      html = rendered[1];
    }
  }
  return before === null ? `${open}${html}</${tag}>` : [before, `${html}</${tag}>`];
}

function specAround(spec: DOMOutputSpec | undefined, typeName: string): [string, string] {
  if (!spec) throw new Error(`No HTML rendering for '${typeName}'`);
  const rendered = renderSpec(spec);
  if (typeof rendered === "string")
    throw new Error(`The HTML rendering of '${typeName}' has no place for content`);
  return rendered;
}

/** Adds `dir` to the outer element of a block's DOMOutputSpec. */
function withDirection(spec: DOMOutputSpec | undefined, dir: string | null): DOMOutputSpec | undefined {
  if (!dir || !Array.isArray(spec)) return spec;
  const [tag, ...rest] = spec as readonly [string, ...unknown[]];
  const first = rest[0];
  if (first !== null && typeof first === "object" && !Array.isArray(first))
    return [tag, { ...(first as Record<string, unknown>), dir }, ...rest.slice(1)] as DOMOutputSpec;
  return [tag, { dir }, ...rest] as DOMOutputSpec;
}

interface OpenMark {
  mark: Mark;
  close: string;
}

class CaseHtmlRenderer {
  private html = "";
  private readonly bibliography = new Map<string, BibliographyEntry>();
  /** Anchor id of each section heading, by its position in the document. */
  private readonly sectionIds = new Map<number, string>();

  constructor(
    private readonly doc: ProseMirrorNode,
    private readonly options: RenderCaseOptions,
  ) {
    const sections = getSectionRanges(doc);
    const ids = sectionAnchorIds(sections.map((section) => section.title));
    for (const [i, section] of sections.entries()) this.sectionIds.set(section.from, ids[i]);
  }

  render(): RenderedCase {
    this.doc.forEach((block, offset) => {
      this.renderBlock(block, this.sectionIds.get(offset));
    });
    return { html: this.html, bibliography: [...this.bibliography.values()] };
  }

  private renderBlock(node: ProseMirrorNode, sectionId?: string): void {
    const [before, after] = this.blockAround(node, sectionId);
    this.html += before;
    if (node.inlineContent) this.renderInline(node);
    else
      node.forEach((child) => {
        this.renderBlock(child);
      });
    this.html += after;
  }

  private blockAround(node: ProseMirrorNode, sectionId: string | undefined): [string, string] {
    // dir="auto" on the same blocks as the editor (TextDirection in extensions.ts).
    const dir = (DIRECTIONAL_BLOCKS as readonly string[]).includes(node.type.name) ? "auto" : null;
    switch (node.type.name) {
      case "heading": {
        const tag = node.attrs.level === 3 ? "h3" : "h2";
        return [openTag(tag, { id: sectionId, dir }), `</${tag}>`];
      }
      // Tiptap's table rendering adds widths from user-editable attributes; a plain table is enough here.
      case "table":
        return ['<table class="case-table"><tbody>', "</tbody></table>"];
      case "tableCell":
      case "tableHeader": {
        const tag = node.type.name === "tableHeader" ? "th" : "td";
        const span = (value: unknown) =>
          Number.isInteger(value) && (value as number) > 1 ? (value as number) : null;
        const align = TABLE_ALIGNMENTS.has(node.attrs.align) ? `text-align: ${node.attrs.align}` : null;
        return [
          openTag(tag, {
            colspan: span(node.attrs.colspan),
            rowspan: span(node.attrs.rowspan),
            style: align,
            dir,
          }),
          `</${tag}>`,
        ];
      }
      default:
        return specAround(withDirection(node.type.spec.toDOM?.(node), dir), node.type.name);
    }
  }

  private renderInline(parent: ProseMirrorNode): void {
    const open: OpenMark[] = [];
    for (let i = 0; i < parent.childCount; i++) {
      const child = parent.child(i);
      let keep = 0;
      while (keep < open.length && keep < child.marks.length && open[keep].mark.eq(child.marks[keep])) keep++;
      while (open.length > keep) this.closeMark(open.pop()!, child);
      for (const mark of child.marks.slice(keep)) open.push(this.openMark(mark));
      this.renderInlineLeaf(child);
    }
    while (open.length > 0) this.closeMark(open.pop()!, null);
  }

  private renderInlineLeaf(node: ProseMirrorNode): void {
    if (node.isText) {
      this.html += escapeHtml(node.text ?? "");
      return;
    }
    const spec = node.type.spec.toDOM?.(node);
    if (!spec) throw new Error(`No HTML rendering for '${node.type.name}'`);
    const rendered = renderSpec(spec);
    this.html += typeof rendered === "string" ? rendered : rendered.join("");
  }

  private openMark(mark: Mark): OpenMark {
    const [before, after] = this.markAround(mark);
    this.html += before;
    return { mark, close: after };
  }

  private closeMark(entry: OpenMark, next: ProseMirrorNode | null): void {
    this.html += entry.close;
    // The reference number follows the cited passage once, where the passage ends.
    if (entry.mark.type.name === "citation" && !(next && entry.mark.isInSet(next.marks))) {
      const entryForSource = this.bibliography.get(String(entry.mark.attrs.sourceId));
      if (entryForSource) {
        const n = entryForSource.number;
        this.html += `<sup class="cite-ref"><a href="#ref-${n}">[${n}]</a></sup>`;
      }
    }
  }

  private cite(sourceId: string, locator: string): BibliographyEntry {
    let entry = this.bibliography.get(sourceId);
    if (!entry) {
      entry = { number: this.bibliography.size + 1, sourceId, locators: [] };
      this.bibliography.set(sourceId, entry);
    }
    if (locator && !entry.locators.includes(locator)) entry.locators.push(locator);
    return entry;
  }

  private markAround(mark: Mark): [string, string] {
    switch (mark.type.name) {
      case "link": {
        const href = normalizeLinkHref(mark.attrs.href);
        if (href === null) return ["", ""]; // the validator refuses these; never emit an unsafe href
        const title = typeof mark.attrs.title === "string" ? mark.attrs.title : null;
        return [openTag("a", { href, rel: LINK_REL, title }), "</a>"];
      }
      case "tag": {
        const codeId = String(mark.attrs.codeId ?? "");
        const code = this.options.codes?.get(codeId);
        const color = code?.color && HEX_COLOR.test(code.color) ? code.color : null;
        return [
          // A highlight whose description (the title) is the code's name, for screen readers too.
          openTag("span", {
            class: "tag",
            role: "mark",
            "data-tag": codeId,
            title: code?.label ?? null,
            style: color ? `--tag-color:${color}` : null,
          }),
          "</span>",
        ];
      }
      case "citation": {
        const sourceId = String(mark.attrs.sourceId ?? "");
        const locator = typeof mark.attrs.locator === "string" ? mark.attrs.locator.trim() : "";
        this.cite(sourceId, locator);
        const sourceTitle = this.options.sources?.get(sourceId)?.title;
        const title = sourceTitle ? (locator ? `${sourceTitle}, ${locator}` : sourceTitle) : locator || null;
        return [
          openTag("span", { class: "citation", "data-citation": sourceId, "data-locator": locator, title }),
          "</span>",
        ];
      }
      default:
        return specAround(mark.type.spec.toDOM?.(mark, true), mark.type.name);
    }
  }
}

/**
 * Renders a case body to HTML. Level-2 section headings get ids (see `caseOutline`), tags get their
 * code label as title, citations get a numbered reference to the bibliography returned alongside.
 * Throws on content that is not in the case schema.
 */
export function renderCaseHtml(
  doc: JSONContent | ProseMirrorNode,
  options: RenderCaseOptions = {},
): RenderedCase {
  return new CaseHtmlRenderer(toCaseNode(doc), options).render();
}

/** The numbered list the `[N]` references point to (`id="ref-N"`). */
export function renderBibliographyHtml(
  bibliography: readonly BibliographyEntry[],
  sources: Map<string, RenderSourceInfo> = new Map(),
): string {
  if (bibliography.length === 0) return "";
  const items = bibliography.map((entry) => {
    const title = sources.get(entry.sourceId)?.title ?? "Unknown source";
    const locators = entry.locators.length > 0 ? ` (${entry.locators.join("; ")})` : "";
    return `<li id="ref-${entry.number}" value="${entry.number}">${escapeHtml(title + locators)}</li>`;
  });
  return `<ol class="bibliography">${items.join("")}</ol>`;
}
