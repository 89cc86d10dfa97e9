// Turns a case body into the rows the database stores next to it (plain text for search, sections
// for side-by-side comparison, tagged passages for the matrix, citations for the bibliography).
// Runs on every save and in the co-editing store hook: one pass over the document, no DOM.
import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { isSectionHeading } from "./commands";
import { toCaseNode } from "./extensions";

export interface DerivedSection {
  /** Heading text; "" for the blocks before the first section heading (only listed when not empty). */
  title: string;
  /** ProseMirror position just before the section heading (0 for the blocks before the first). */
  position: number;
  /** Text of the section's blocks (heading excluded), one line per paragraph/heading/cell. */
  text: string;
}

export interface DerivedPassage {
  codeId: string;
  text: string;
  /** Title of the section the passage starts in, "" before the first section heading. */
  section: string;
  /** ProseMirror position of the passage's first character. */
  position: number;
}

export interface DerivedCitation {
  sourceId: string;
  locator: string;
  text: string;
  section: string;
  position: number;
}

export interface DerivedCaseRows {
  plainText: string;
  sections: DerivedSection[];
  passages: DerivedPassage[];
  citations: DerivedCitation[];
}

interface Run {
  start: number;
  parts: string[];
}

function inlineText(node: ProseMirrorNode): string {
  if (node.isText) return node.text ?? "";
  if (node.type.name === "hardBreak") return "\n";
  return node.textContent;
}

function trimBlankLines(text: string): string {
  return text.replace(/^\n+|\n+$/g, "");
}

function byPosition<T extends { position: number }>(key: (row: T) => string) {
  return (a: T, b: T) => a.position - b.position || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/**
 * A passage is a maximal run of text inside one block that carries the same code (or the same
 * source and locator, for citations), whatever other formatting changes inside it.
 */
export function deriveCaseRows(input: JSONContent | ProseMirrorNode): DerivedCaseRows {
  const doc = toCaseNode(input);
  const lines: string[] = [];
  const sections: DerivedSection[] = [];
  const passages: DerivedPassage[] = [];
  const citations: DerivedCitation[] = [];

  let sectionTitle = "";
  let sectionPosition = 0;
  let sectionLines: string[] = [];
  let underHeading = false;
  const finishSection = () => {
    const text = trimBlankLines(sectionLines.join("\n"));
    if (underHeading || text !== "") sections.push({ title: sectionTitle, position: sectionPosition, text });
  };

  const deriveTextblock = (block: ProseMirrorNode, pos: number, isSectionTitle: boolean) => {
    const tagRuns = new Map<string, Run>();
    const citationRuns = new Map<string, Run & { sourceId: string; locator: string }>();
    const finishTag = (codeId: string, run: Run) =>
      passages.push({ codeId, text: run.parts.join(""), section: sectionTitle, position: run.start });
    const finishCitation = (run: Run & { sourceId: string; locator: string }) =>
      citations.push({
        sourceId: run.sourceId,
        locator: run.locator,
        text: run.parts.join(""),
        section: sectionTitle,
        position: run.start,
      });

    let line = "";
    block.forEach((child, offset) => {
      const text = inlineText(child);
      line += text;
      const childPos = pos + 1 + offset;
      const codeIds = new Set<string>();
      const citationKeys = new Map<string, { sourceId: string; locator: string }>();
      for (const mark of child.marks) {
        if (mark.type.name === "tag") codeIds.add(String(mark.attrs.codeId));
        else if (mark.type.name === "citation") {
          const sourceId = String(mark.attrs.sourceId);
          const locator = typeof mark.attrs.locator === "string" ? mark.attrs.locator : "";
          citationKeys.set(`${sourceId}\u0000${locator}`, { sourceId, locator });
        }
      }
      for (const [codeId, run] of tagRuns) {
        if (!codeIds.has(codeId)) {
          finishTag(codeId, run);
          tagRuns.delete(codeId);
        }
      }
      for (const [key, run] of citationRuns) {
        if (!citationKeys.has(key)) {
          finishCitation(run);
          citationRuns.delete(key);
        }
      }
      for (const codeId of codeIds) {
        const run = tagRuns.get(codeId);
        if (run) run.parts.push(text);
        else tagRuns.set(codeId, { start: childPos, parts: [text] });
      }
      for (const [key, citation] of citationKeys) {
        const run = citationRuns.get(key);
        if (run) run.parts.push(text);
        else citationRuns.set(key, { ...citation, start: childPos, parts: [text] });
      }
    });
    for (const [codeId, run] of tagRuns) finishTag(codeId, run);
    for (const run of citationRuns.values()) finishCitation(run);

    lines.push(line);
    if (!isSectionTitle) sectionLines.push(line);
  };

  doc.forEach((block, offset) => {
    if (isSectionHeading(block)) {
      finishSection();
      sectionTitle = block.textContent;
      sectionPosition = offset;
      sectionLines = [];
      underHeading = true;
      deriveTextblock(block, offset, true);
      return;
    }
    if (block.isTextblock) {
      deriveTextblock(block, offset, false);
      return;
    }
    block.descendants((node, pos) => {
      if (!node.isTextblock) return true;
      deriveTextblock(node, offset + 1 + pos, false);
      return false;
    });
  });
  finishSection();

  passages.sort(byPosition((row) => row.codeId));
  citations.sort(byPosition((row) => `${row.sourceId}\u0000${row.locator}`));
  return { plainText: lines.join("\n"), sections, passages, citations };
}
