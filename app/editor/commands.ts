// ProseMirror commands for the case document. They only need an EditorState, so the browser editor
// uses them through Tiptap (see CaseCommands in extensions.ts) and the unit tests run them in Node.
import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type Command, NodeSelection, Selection, TextSelection, type Transaction } from "@tiptap/pm/state";

export type SectionDirection = "up" | "down";

/** A section: a level-2 heading at the top of the document and the blocks up to the next one. */
export interface SectionRange {
  index: number;
  title: string;
  /** Position just before the heading. */
  from: number;
  /** Position just after the section's last block. */
  to: number;
}

export function isSectionHeading(node: ProseMirrorNode): boolean {
  return node.type.name === "heading" && node.attrs.level === 2;
}

export function getSectionRanges(doc: ProseMirrorNode): SectionRange[] {
  const sections: SectionRange[] = [];
  doc.forEach((block, offset) => {
    if (isSectionHeading(block)) {
      const previous = sections[sections.length - 1];
      if (previous) previous.to = offset;
      sections.push({ index: sections.length, title: block.textContent, from: offset, to: doc.content.size });
    }
  });
  return sections;
}

/** Index of the section holding `pos`, or -1 when `pos` is in the blocks before the first section. */
export function sectionIndexAt(sections: SectionRange[], pos: number): number {
  for (let i = sections.length - 1; i >= 0; i--) {
    if (pos >= sections[i].from) return i;
  }
  return -1;
}

function restoreSelection(tr: Transaction, old: Selection, from: number, to: number, shift: number): void {
  const inside = (pos: number) => pos >= from && pos <= to;
  const clamp = (pos: number) => Math.max(0, Math.min(pos, tr.doc.content.size));
  if (old instanceof NodeSelection && inside(old.from)) {
    tr.setSelection(NodeSelection.create(tr.doc, old.from + shift));
  } else if (inside(old.anchor) && inside(old.head)) {
    tr.setSelection(
      TextSelection.between(
        tr.doc.resolve(clamp(old.anchor + shift)),
        tr.doc.resolve(clamp(old.head + shift)),
      ),
    );
  } else {
    tr.setSelection(Selection.near(tr.doc.resolve(clamp(old.from + shift))));
  }
}

/**
 * Moves the section holding the selection (its heading and all its blocks) above the previous section
 * or below the next one. Fails when there is no section in that direction, or when the selection is
 * before the first section heading.
 */
export function moveSection(direction: SectionDirection): Command {
  return (state, dispatch) => {
    const sections = getSectionRanges(state.doc);
    const current = sectionIndexAt(sections, state.selection.from);
    if (current < 0) return false;
    const neighbour = sections[direction === "up" ? current - 1 : current + 1];
    if (!neighbour) return false;
    if (dispatch) {
      const section = sections[current];
      const tr = state.tr;
      // Moving a section down is moving the next section up above it: one delete and one insert either way.
      const [moving, target] = direction === "up" ? [section, neighbour] : [neighbour, section];
      const content = state.doc.content.cut(moving.from, moving.to);
      tr.delete(moving.from, moving.to);
      tr.insert(target.from, content);
      const shift = direction === "up" ? neighbour.from - section.from : neighbour.to - neighbour.from;
      restoreSelection(tr, state.selection, section.from, section.to, shift);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/**
 * Inserts a new section (level-2 heading + empty paragraph) after the section holding the selection,
 * or before the first section when the selection is above it. The heading text is selected so that
 * typing replaces it.
 */
export function addSectionAfter(title = "New section"): Command {
  return (state, dispatch) => {
    const { schema } = state;
    const heading = schema.nodes.heading;
    const paragraph = schema.nodes.paragraph;
    if (!heading || !paragraph) return false;
    if (dispatch) {
      const sections = getSectionRanges(state.doc);
      const current = sectionIndexAt(sections, state.selection.from);
      const insertAt =
        current >= 0 ? sections[current].to : sections.length > 0 ? sections[0].from : state.doc.content.size;
      const headingNode = heading.create({ level: 2 }, title ? schema.text(title) : null);
      const tr = state.tr.insert(insertAt, [headingNode, paragraph.create()]);
      tr.setSelection(TextSelection.create(tr.doc, insertAt + 1, insertAt + 1 + title.length));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Range (in the selection's textblock) around the cursor over which `mark` is continuously present. */
function markRangeAround(state: Parameters<Command>[0], mark: Mark): { from: number; to: number } | null {
  const { $from } = state.selection;
  const parent = $from.parent;
  if (!parent.inlineContent) return null;
  const start = $from.start();
  const spans: Array<{ from: number; to: number; has: boolean }> = [];
  parent.forEach((child, offset) => {
    spans.push({ from: start + offset, to: start + offset + child.nodeSize, has: mark.isInSet(child.marks) });
  });
  const at = spans.findIndex((span) => span.has && span.from <= $from.pos && $from.pos <= span.to);
  if (at < 0) return null;
  let first = at;
  let last = at;
  while (first > 0 && spans[first - 1].has) first--;
  while (last < spans.length - 1 && spans[last + 1].has) last++;
  return { from: spans[first].from, to: spans[last].to };
}

function addMarkToSelection(mark: Mark): Command {
  return (state, dispatch) => {
    if (state.selection.empty) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const range of state.selection.ranges) tr.addMark(range.$from.pos, range.$to.pos, mark);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** Removes `mark` from the selection, or from the whole passage around the cursor when nothing is selected. */
function removeMarkFromSelection(mark: Mark): Command {
  return (state, dispatch) => {
    const ranges = state.selection.empty
      ? [markRangeAround(state, mark)].filter((range) => range !== null)
      : state.selection.ranges.map((range) => ({ from: range.$from.pos, to: range.$to.pos }));
    if (ranges.length === 0) return false;
    if (dispatch) {
      const tr = state.tr;
      for (const range of ranges) tr.removeMark(range.from, range.to, mark);
      dispatch(tr);
    }
    return true;
  };
}

/** Tags the selected passage with a code. Other codes already on the passage are kept. */
export function addTag(codeId: string): Command {
  return (state, dispatch) => {
    const type = state.schema.marks.tag;
    if (!type || !codeId) return false;
    return addMarkToSelection(type.create({ codeId }))(state, dispatch);
  };
}

/** Removes one code from the selection (or from the tagged passage around the cursor). */
export function removeTag(codeId: string): Command {
  return (state, dispatch) => {
    const type = state.schema.marks.tag;
    if (!type) return false;
    return removeMarkFromSelection(type.create({ codeId }))(state, dispatch);
  };
}

export function addCitation(citation: { sourceId: string; locator?: string }): Command {
  return (state, dispatch) => {
    const type = state.schema.marks.citation;
    if (!type || !citation.sourceId) return false;
    const mark = type.create({ sourceId: citation.sourceId, locator: citation.locator ?? "" });
    return addMarkToSelection(mark)(state, dispatch);
  };
}

export function removeCitation(citation: { sourceId: string; locator?: string }): Command {
  return (state, dispatch) => {
    const type = state.schema.marks.citation;
    if (!type) return false;
    const mark = type.create({ sourceId: citation.sourceId, locator: citation.locator ?? "" });
    return removeMarkFromSelection(mark)(state, dispatch);
  };
}
