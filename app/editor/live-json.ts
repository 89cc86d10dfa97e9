// A co-edited case body (Yjs, ADR 0007) as Tiptap JSON. The same output as y-tiptap's
// yXmlFragmentToProsemirrorJSON for what honest editors write, but safe on what a hostile connection can
// send: nesting is cut below MAX_NESTING_DEPTH (a 100,000-deep list would overflow the stack of a recursive
// walk), and shared types that no editor creates become a node without a type, which the validator refuses.
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { MAX_NESTING_DEPTH } from "./validate";

/** The Yjs field the Collaboration extension binds the editor to. */
export const COLLAB_FIELD = "default";

// y-prosemirror keeps overlapping marks of one type (tags, citations) under keys like "tag--AbCd1234".
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function markName(attribute: string): string {
  return HASHED_MARK.exec(attribute)?.[1] ?? attribute;
}

/** What stands for content nested deeper than any valid document: the validator reports it as too deep. */
const CUT: JSONContent = { type: "paragraph" };

function textNodes(text: Y.XmlText): JSONContent[] {
  return (text.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>).map((part) => {
    const node: JSONContent = { type: "text", text: part.insert as string };
    if (part.attributes)
      node.marks = Object.entries(part.attributes).map(([key, attrs]) => ({
        type: markName(key),
        attrs: attrs as Record<string, unknown>,
      }));
    return node;
  });
}

function elementJSON(element: Y.XmlElement, depth: number): JSONContent {
  const node: JSONContent = { type: element.nodeName };
  const attrs = element.getAttributes();
  if (Object.keys(attrs).length > 0) node.attrs = attrs;
  const children = element.toArray();
  if (children.length > 0) node.content = childrenJSON(children, depth + 1);
  return node;
}

function childrenJSON(children: Array<Y.XmlElement | Y.XmlText | Y.XmlHook>, depth: number): JSONContent[] {
  if (depth > MAX_NESTING_DEPTH + 1) return [CUT];
  return children.flatMap((child) => {
    if (child instanceof Y.XmlText) return textNodes(child);
    if (child instanceof Y.XmlElement) return [elementJSON(child, depth)];
    return [{} as JSONContent];
  });
}

/** One block of the body (a child of the fragment), as it appears in the document's `content`. */
export function liveBlockJSON(block: Y.XmlElement | Y.XmlText | Y.XmlHook): JSONContent[] {
  return childrenJSON([block], 1);
}

/** The whole body: `{ type: "doc", content }`. */
export function liveBodyJSON(doc: Y.Doc): JSONContent {
  return { type: "doc", content: childrenJSON(doc.getXmlFragment(COLLAB_FIELD).toArray(), 1) };
}
