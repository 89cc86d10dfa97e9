// Small builders for case documents in Tiptap JSON, so tests read like the document they build.
import type { JSONContent } from "@tiptap/core";

type MarkJSON = NonNullable<JSONContent["marks"]>[number];

export const bold: MarkJSON = { type: "bold" };
export const italic: MarkJSON = { type: "italic" };

export function tag(codeId: string): MarkJSON {
  return { type: "tag", attrs: { codeId } };
}

export function cite(sourceId: string, locator = ""): MarkJSON {
  return { type: "citation", attrs: { sourceId, locator } };
}

export function link(href: string): MarkJSON {
  return { type: "link", attrs: { href } };
}

export function text(value: string, ...marks: MarkJSON[]): JSONContent {
  return marks.length > 0 ? { type: "text", text: value, marks } : { type: "text", text: value };
}

export function paragraph(...content: Array<JSONContent | string>): JSONContent {
  const children = content.map((child) => (typeof child === "string" ? text(child) : child));
  return children.length > 0 ? { type: "paragraph", content: children } : { type: "paragraph" };
}

export function heading(level: number, title: string): JSONContent {
  return { type: "heading", attrs: { level }, content: title ? [text(title)] : undefined };
}

export const section = (title: string) => heading(2, title);

export function doc(...content: JSONContent[]): JSONContent {
  return { type: "doc", content };
}

export const sensitive: MarkJSON = { type: "sensitive" };
