// A case as a Markdown file: readable as plain text, and rendered sensibly by GitHub, Pandoc or Obsidian.
// Pure (no database, no DOM): the caller gathers the case as the member reads it, the codebook and the
// cited sources.
//
// How the parts of a case body are written:
// - sections (level-2 headings) become `## Title`; paragraphs, lists, quotations and tables become their
//   Markdown equivalents (tables as GitHub tables; the first row is the header row);
// - a tagged passage stays in the sentence as `[the passage]{tag: Code label}` (Pandoc-like bracketed
//   span; shown as is by other readers), with several codes as `{tags: A; B}`;
// - a citation becomes a numbered footnote `[^1]` after the cited passage. One footnote per source and
//   locator, so each says where in the source the passage comes from; "Sources" lists each source once;
// - links keep only http, https and mailto addresses; any other link becomes plain text;
// - Markdown punctuation in the text is escaped, so text never turns into formatting, links or HTML.
import type { JSONContent } from "@tiptap/core";
import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { toCaseNode } from "~/editor/extensions";
import { normalizeLinkHref } from "~/editor/links";
import enCases from "~/locales/en/cases";
import enExports from "~/locales/en/exports";
import { formatPeriod, type Period, type PeriodWords } from "~/models/case-fields";
import type { CaseStatus, CodeKind, ConditionValue } from "~/models/domain";
import { plainReference, referenceRuns } from "~/models/sources/citation-styles";
import type { CslItem } from "~/models/sources/csl-item";
import { doiUrl } from "~/rules/links";

export type MarkdownCase = Period & {
  title: string;
  regions: string[];
  actors: string[];
  mediators: string[];
  summary: string;
  status: CaseStatus;
  /** The revision the member reads (the approved one for trainers). */
  revision: number;
  body: unknown;
};

export type MarkdownCondition = { label: string; kind: CodeKind; value: ConditionValue; note: string };

type MarkdownKey =
  | `exports.markdown.${keyof typeof enExports.markdown}`
  | `cases.status.${CaseStatus}`
  | Parameters<PeriodWords>[0];

/** The fixed words of the file in the exporting person's language: pass `t` (getT(request)). */
export type MarkdownWords = (key: MarkdownKey, params?: Record<string, string | number>) => string;

const ENGLISH_CATALOGUE: Record<string, unknown> = { exports: enExports, cases: enCases };

/** English, when no `t` is given (the tests, and any caller without a request). */
const englishWords: MarkdownWords = (key, params = {}) => {
  const text = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], ENGLISH_CATALOGUE);
  return String(text ?? key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ""));
};

export type MarkdownContext = {
  codes: ReadonlyMap<string, { label: string }>;
  sources: ReadonlyMap<string, CslItem>;
  /** Each cited source's reference in the workspace's style (references.server.ts), by source id. */
  references?: ReadonlyMap<string, string>;
  conditions?: readonly MarkdownCondition[];
  workspaceName?: string;
  exportedAt?: Date;
  /** Words of the exporting person's language; English by default. Case content is never translated. */
  words?: MarkdownWords;
};

/** Backslash-escapes what Markdown would read as formatting, links, HTML or table cells. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>~|]/g, "\\$&");
}

/** Escapes what only matters at the start of a line: headings, quotations, list markers, rules. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-])/, "$1\\$2").replace(/^(\s*\d+)([.)])(\s|$)/, "$1\\$2$3");
}

function escapeBlockText(text: string): string {
  return text.split("\n").map(escapeLineStart).join("\n");
}

/** An address for `[text](…)` or `<…>`: spaces, brackets and parentheses percent-encoded. */
function markdownUrl(href: string): string {
  return href.replace(
    /[\s<>()[\]]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/** Moves spaces at either end outside a delimiter pair: `** bold **` is not bold in Markdown. */
function wrap(inner: string, open: string, close: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner);
  if (!match || match[2] === "") return inner;
  return `${match[1]}${open}${match[2]}${close}${match[3]}`;
}

type Footnote = { number: number; sourceId: string; locator: string };

/** A run of inline content sharing a mark, or one inline node. */
type InlineTree =
  | { mark: Mark; children: InlineTree[]; last: number }
  | { leaf: ProseMirrorNode; index: number };

class CaseMarkdownWriter {
  private readonly footnotes = new Map<string, Footnote>();
  /** Sources in order of first citation, with the locators cited. */
  private readonly cited = new Map<string, string[]>();

  constructor(private readonly context: MarkdownContext) {}

  private get words(): MarkdownWords {
    return this.context.words ?? englishWords;
  }

  document(doc: ProseMirrorNode): string {
    const blocks: string[] = [];
    doc.forEach((block) => {
      blocks.push(this.block(block));
    });
    return blocks.filter((block) => block.trim() !== "").join("\n\n");
  }

  get footnoteList(): Footnote[] {
    return [...this.footnotes.values()];
  }

  get citedSources(): Array<[string, string[]]> {
    return [...this.cited.entries()];
  }

  private block(node: ProseMirrorNode): string {
    switch (node.type.name) {
      case "heading": {
        const level = node.attrs.level === 3 ? 3 : 2;
        return `${"#".repeat(level)} ${this.inline(node).replace(/\n/g, " ")}`;
      }
      case "paragraph":
        return escapeBlockText(this.inline(node));
      case "blockquote":
        return this.children(node)
          .split("\n")
          .map((line) => (line === "" ? ">" : `> ${line}`))
          .join("\n");
      case "bulletList":
      case "orderedList": {
        const ordered = node.type.name === "orderedList";
        const start = ordered && Number.isInteger(node.attrs.start) ? (node.attrs.start as number) : 1;
        const items: string[] = [];
        node.forEach((item, _offset, index) => {
          const marker = ordered ? `${start + index}.` : "-";
          const indent = " ".repeat(marker.length + 1);
          const lines = this.children(item).split("\n");
          items.push(
            lines
              .map((line, i) => (i === 0 ? `${marker} ${line}` : line === "" ? "" : `${indent}${line}`))
              .join("\n"),
          );
        });
        return items.join("\n");
      }
      case "table":
        return this.table(node);
      default:
        return node.isTextblock ? this.inline(node) : this.children(node);
    }
  }

  private children(node: ProseMirrorNode): string {
    const blocks: string[] = [];
    node.forEach((child) => {
      blocks.push(this.block(child));
    });
    return blocks.filter((block) => block.trim() !== "").join("\n\n");
  }

  private table(node: ProseMirrorNode): string {
    const rows: string[][] = [];
    node.forEach((row) => {
      const cells: string[] = [];
      row.forEach((cell) => {
        const parts: string[] = [];
        cell.forEach((block) => {
          if (block.isTextblock) parts.push(this.inline(block));
          else parts.push(this.children(block));
        });
        const text = parts
          .filter((part) => part.trim() !== "")
          .join(" ")
          .replace(/\\\n/g, " ")
          .replace(/\s*\n\s*/g, " ")
          .trim();
        cells.push(text);
        const span = Number.isInteger(cell.attrs.colspan) ? (cell.attrs.colspan as number) : 1;
        for (let i = 1; i < span; i++) cells.push("");
      });
      rows.push(cells);
    });
    if (rows.length === 0) return "";
    const width = Math.max(...rows.map((row) => row.length), 1);
    const line = (cells: string[]) =>
      `| ${Array.from({ length: width }, (_, i) => cells[i] || " ").join(" | ")} |`;
    return [line(rows[0]), `|${" --- |".repeat(width)}`, ...rows.slice(1).map(line)].join("\n");
  }

  /** Groups adjacent inline nodes that share a mark, outermost mark first (the schema's mark order). */
  private group(nodes: Array<{ node: ProseMirrorNode; index: number }>, depth: number): InlineTree[] {
    const result: InlineTree[] = [];
    let i = 0;
    while (i < nodes.length) {
      const { node, index } = nodes[i];
      const mark = node.marks[depth];
      if (!mark) {
        result.push({ leaf: node, index });
        i++;
        continue;
      }
      let j = i + 1;
      while (j < nodes.length && nodes[j].node.marks[depth]?.eq(mark)) j++;
      result.push({ mark, children: this.group(nodes.slice(i, j), depth + 1), last: nodes[j - 1].index });
      i = j;
    }
    return result;
  }

  private inline(parent: ProseMirrorNode): string {
    const nodes: Array<{ node: ProseMirrorNode; index: number }> = [];
    parent.forEach((node, _offset, index) => {
      nodes.push({ node, index });
    });
    return this.renderTrees(this.group(nodes, 0), parent);
  }

  private renderTrees(trees: InlineTree[], parent: ProseMirrorNode): string {
    return trees.map((tree) => this.renderTree(tree, parent)).join("");
  }

  private renderTree(tree: InlineTree, parent: ProseMirrorNode): string {
    if ("leaf" in tree) {
      if (tree.leaf.isText) return escapeMarkdown(tree.leaf.text ?? "");
      if (tree.leaf.type.name === "hardBreak") return "\\\n";
      return escapeMarkdown(tree.leaf.textContent);
    }
    const inner = this.renderTrees(tree.children, parent);
    const { mark } = tree;
    switch (mark.type.name) {
      case "bold":
        return wrap(inner, "**", "**");
      case "italic":
        return wrap(inner, "_", "_");
      case "link": {
        const href = normalizeLinkHref(mark.attrs.href);
        if (href === null || inner.trim() === "") return inner;
        return wrap(inner, "[", `](${markdownUrl(href)})`);
      }
      case "tag": {
        const codeId = String(mark.attrs.codeId ?? "");
        const label = this.context.codes.get(codeId)?.label ?? this.words("exports.markdown.codeGone");
        // Overlapping codes on the same words are written once: `{tags: A; B}`.
        const more: string[] = [];
        let body = tree.children;
        while (body.length === 1 && "mark" in body[0] && body[0].mark.type.name === "tag") {
          const nested = body[0];
          more.push(
            this.context.codes.get(String(nested.mark.attrs.codeId ?? ""))?.label ??
              this.words("exports.markdown.codeGone"),
          );
          body = nested.children;
        }
        const text = more.length ? this.renderTrees(body, parent) : inner;
        const labels = [label, ...more].map((l) => escapeMarkdown(l.replace(/[{}]/g, "")));
        const note = labels.length > 1 ? `{tags: ${labels.join("; ")}}` : `{tag: ${labels[0]}}`;
        // A passage starting with "^" would read as a footnote reference.
        return wrap(text.replace(/^(\s*)\^/, "$1\\^"), "[", `]${note}`);
      }
      case "citation": {
        const sourceId = String(mark.attrs.sourceId ?? "");
        const locator = typeof mark.attrs.locator === "string" ? mark.attrs.locator.trim() : "";
        const footnote = this.footnote(sourceId, locator);
        // The reference follows the cited passage once, where it ends (it may be split by other marks).
        const next = tree.last + 1 < parent.childCount ? parent.child(tree.last + 1) : null;
        if (next && mark.isInSet(next.marks)) return inner;
        return `${inner}[^${footnote.number}]`;
      }
      default:
        // Underline and any future mark have no Markdown form: the text stays.
        return inner;
    }
  }

  private footnote(sourceId: string, locator: string): Footnote {
    const key = `${sourceId}\u0000${locator}`;
    let footnote = this.footnotes.get(key);
    if (!footnote) {
      footnote = { number: this.footnotes.size + 1, sourceId, locator };
      this.footnotes.set(key, footnote);
    }
    const locators = this.cited.get(sourceId) ?? [];
    if (locator && !locators.includes(locator)) locators.push(locator);
    this.cited.set(sourceId, locators);
    return footnote;
  }
}

/** Formatted reference text as Markdown: escaped, italic runs between asterisks. */
function runsMarkdown(reference: string): string {
  return referenceRuns(reference)
    .map((run) => {
      const text = escapeMarkdown(run.text);
      return run.italic && text.trim() !== "" ? `*${text}*` : text;
    })
    .join("");
}

/**
 * A reference as Markdown: the formatted reference (the title alone without one) escaped, its web address
 * (at the end, with or without the style's full stop) as an autolink.
 */
export function referenceMarkdown(
  item: CslItem | undefined,
  words: MarkdownWords = englishWords,
  formatted?: string,
): string {
  if (!item) return words("exports.markdown.sourceGone");
  const reference = formatted ?? item.title;
  const plain = plainReference(reference);
  const links = [item.URL, item.DOI !== undefined ? doiUrl(item.DOI) : undefined];
  for (const link of links) {
    if (!link) continue;
    const at = plain.endsWith(`${link}.`)
      ? plain.length - link.length - 1
      : plain.endsWith(link)
        ? plain.length - link.length
        : -1;
    if (at === -1) continue;
    const cut = reference.lastIndexOf(link);
    return `${runsMarkdown(reference.slice(0, cut)).trim()} <${markdownUrl(link)}>`;
  }
  return runsMarkdown(reference);
}

function tableCell(text: string) {
  return escapeMarkdown(text.replace(/\s*\n\s*/g, " ").trim()) || " ";
}

/** The whole case as Markdown: title, fields, body, conditions, sources and footnotes. */
export function caseToMarkdown(caseStudy: MarkdownCase, context: MarkdownContext): string {
  const words = context.words ?? englishWords;
  const writer = new CaseMarkdownWriter(context);
  const body = writer.document(toCaseNode(caseStudy.body as JSONContent));
  const fieldLine = (label: string, value: string) =>
    words("exports.markdown.field", {
      label,
      value: value === "" ? words("exports.markdown.notRecorded") : escapeMarkdown(value),
    });
  const conditionValue = (value: ConditionValue) => words(`exports.markdown.${value}`);
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(caseStudy.title)}`);
  out.push(
    [
      fieldLine(words("exports.markdown.regions"), caseStudy.regions.join(", ")),
      fieldLine(words("exports.markdown.period"), formatPeriod(caseStudy, words)),
      fieldLine(words("exports.markdown.actors"), caseStudy.actors.join("; ")),
      fieldLine(words("exports.markdown.mediators"), caseStudy.mediators.join("; ")),
      fieldLine(
        words("exports.markdown.status"),
        words("exports.markdown.statusValue", {
          status: words(`cases.status.${caseStudy.status}`),
          revision: caseStudy.revision,
        }),
      ),
      fieldLine(words("exports.markdown.summary"), caseStudy.summary),
    ].join("\n"),
  );
  const about = [
    context.workspaceName
      ? words("exports.markdown.fromWorkspace", { workspace: escapeMarkdown(context.workspaceName) })
      : words("exports.markdown.exported"),
    context.exportedAt
      ? words("exports.markdown.on", { date: context.exportedAt.toISOString().slice(0, 10) })
      : "",
    words("exports.markdown.howToRead"),
  ].join("");
  out.push(`> ${about}`);
  if (body.trim() !== "") out.push(body);

  const stated = (context.conditions ?? []).filter(
    (condition) => condition.value !== "unknown" || condition.note.trim() !== "",
  );
  if (context.conditions) {
    const lines = [`## ${words("exports.markdown.conditions")}`];
    if (stated.length === 0) {
      lines.push("", words("exports.markdown.noCondition"));
    } else {
      lines.push(
        "",
        words("exports.markdown.tableHeader"),
        "| --- | --- | --- | --- |",
        ...stated.map(
          (condition) =>
            `| ${tableCell(condition.label)} | ${words(`exports.markdown.${condition.kind}`)} | ${conditionValue(condition.value)} | ${tableCell(condition.note)} |`,
        ),
      );
      if (stated.length < context.conditions.length) {
        lines.push("", words("exports.markdown.otherUnknown"));
      }
    }
    out.push(lines.join("\n"));
  }

  const sources = writer.citedSources;
  if (sources.length > 0) {
    out.push(
      [
        `## ${words("exports.markdown.sources")}`,
        "",
        ...sources.map(([sourceId, locators], i) => {
          const cited = locators.length
            ? words("exports.markdown.citedAt", { locators: escapeMarkdown(locators.join("; ")) })
            : "";
          const reference = referenceMarkdown(
            context.sources.get(sourceId),
            words,
            context.references?.get(sourceId),
          );
          return `${i + 1}. ${reference}${cited}`;
        }),
      ].join("\n"),
    );
  }
  const footnotes = writer.footnoteList;
  if (footnotes.length > 0) {
    out.push(
      footnotes
        .map((footnote) => {
          const reference = referenceMarkdown(
            context.sources.get(footnote.sourceId),
            words,
            context.references?.get(footnote.sourceId),
          );
          const at = footnote.locator
            ? words("exports.markdown.at", { locator: escapeMarkdown(footnote.locator) })
            : "";
          return `[^${footnote.number}]: ${reference}${at}`;
        })
        .join("\n"),
    );
  }
  return `${out.join("\n\n")}\n`;
}
