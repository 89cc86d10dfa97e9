import type { JSONContent } from "@tiptap/core";

/**
 * The document without the tags and citations of the given codes and sources: codes or sources that no
 * longer exist (restoring old text) or belong to another workspace (a live store).
 */
export function withoutReferences(
  node: JSONContent,
  codeIds: Set<string>,
  sourceIds: Set<string>,
): JSONContent {
  const marks = node.marks?.filter(
    (mark) =>
      !(mark.type === "tag" && codeIds.has(String(mark.attrs?.codeId))) &&
      !(mark.type === "citation" && sourceIds.has(String(mark.attrs?.sourceId))),
  );
  return {
    ...node,
    ...(node.marks ? { marks } : {}),
    ...(node.content
      ? { content: node.content.map((child) => withoutReferences(child, codeIds, sourceIds)) }
      : {}),
  };
}
