// The one walk over a document's marks. Rewriting tags when codes merge, dropping references to codes
// and sources a workspace does not have, and pointing an imported body at its new ids are all this walk
// with a different rule for each mark.
import type { JSONContent } from "@tiptap/core";

export type MarkJSON = NonNullable<JSONContent["marks"]>[number];

// The validator refuses deeper documents anyway; stopping here keeps a hostile file from overflowing.
const MAX_DEPTH = 200;

const markKey = (mark: MarkJSON) => `${mark.type}:${JSON.stringify(mark.attrs ?? {})}`;

/**
 * A copy of `doc` where each mark is what `change` returns for it: the same mark keeps it, another mark
 * replaces it, null drops it. Where the marks of a node changed, equal marks become one and an empty
 * list is removed; `touched` counts those nodes (0: the document is returned as it was). Pure; anything
 * in `doc` that is not a node (an imported file) is kept as it is.
 */
export function mapMarks<T>(
  doc: T,
  change: (mark: MarkJSON) => MarkJSON | null,
): { doc: T; touched: number } {
  let touched = 0;
  const visit = (node: unknown, depth: number): unknown => {
    if (typeof node !== "object" || node === null || Array.isArray(node) || depth > MAX_DEPTH) return node;
    let copy = node as Record<string, unknown>;
    if (Array.isArray(copy.marks)) {
      const before = copy.marks as MarkJSON[];
      const after = before.map(change);
      if (after.some((mark, i) => mark !== before[i])) {
        touched += 1;
        const seen = new Set<string>();
        const marks = after.filter((mark): mark is MarkJSON => {
          if (mark === null) return false;
          const key = markKey(mark);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        const { marks: _old, ...rest } = copy;
        copy = marks.length > 0 ? { ...copy, marks } : rest;
      }
    }
    if (Array.isArray(copy.content)) {
      const content = copy.content.map((child) => visit(child, depth + 1));
      if (content.some((child, i) => child !== (copy.content as unknown[])[i])) copy = { ...copy, content };
    }
    return copy;
  };
  const mapped = visit(doc, 0) as T;
  return { doc: touched > 0 ? mapped : doc, touched };
}

/**
 * A copy of a case body where every tag with code `from` is retagged `to`, or removed when `to` is null.
 * Where the text already carried `to`, the two tags become one. `changed` counts the text nodes that were
 * touched (0 = the body does not carry the code, and the body itself is returned).
 */
export function rewriteCodeMarks(
  doc: JSONContent,
  from: string,
  to: string | null,
): { doc: JSONContent; changed: number } {
  const result = mapMarks(doc, (mark) => {
    if (mark.type !== "tag" || mark.attrs?.codeId !== from) return mark;
    return to === null ? null : { ...mark, attrs: { ...mark.attrs, codeId: to } };
  });
  return { doc: result.doc, changed: result.touched };
}

/**
 * The document without the tags and citations of the given codes and sources: codes or sources that no
 * longer exist (restoring old text) or belong to another workspace (a live store).
 */
export function withoutReferences(
  node: JSONContent,
  codeIds: Set<string>,
  sourceIds: Set<string>,
): JSONContent {
  return mapMarks(node, (mark) =>
    (mark.type === "tag" && codeIds.has(String(mark.attrs?.codeId))) ||
    (mark.type === "citation" && sourceIds.has(String(mark.attrs?.sourceId)))
      ? null
      : mark,
  ).doc;
}
