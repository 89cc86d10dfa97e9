import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { slugify } from "~/rules/text";
import { getSectionRanges } from "./commands";
import { toCaseNode } from "./extensions";

export interface OutlineEntry {
  title: string;
  /** The `id` the renderer gives the section heading, for table-of-contents links. */
  id: string;
  position: number;
}

/** Unique anchor ids for section titles, in order: "Context" → "section-context". */
export function sectionAnchorIds(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base = `section-${slugify(title) || "untitled"}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  });
}

/** The sections of a case (level-2 headings at the top level), as the rendered page anchors them. */
export function caseOutline(doc: JSONContent | ProseMirrorNode): OutlineEntry[] {
  const sections = getSectionRanges(toCaseNode(doc));
  const ids = sectionAnchorIds(sections.map((section) => section.title));
  return sections.map((section, i) => ({ title: section.title, id: ids[i], position: section.from }));
}
