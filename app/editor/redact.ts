// Redacted copies of a case document, for exports that leave the workspace (ADR 0008). Pure: works on
// the Tiptap JSON, in the browser or on the server.
import type { JSONContent } from "@tiptap/core";

export const REDACTED = "[redacted]";

type Mark = NonNullable<JSONContent["marks"]>[number];

const isSensitive = (node: JSONContent) => Boolean(node.marks?.some((mark) => mark.type === "sensitive"));

function sameMark(a: Mark, b: Mark) {
  return a.type === b.type && JSON.stringify(a.attrs ?? {}) === JSON.stringify(b.attrs ?? {});
}

const citationKey = (mark: Mark) => JSON.stringify([mark.attrs?.sourceId ?? null, mark.attrs?.locator ?? ""]);

const withoutLocator = (mark: Mark): Mark => ({ ...mark, attrs: { ...mark.attrs, locator: "" } });

/**
 * The inline content of one block, redacted: each contiguous run of sensitive text (and hard breaks) is
 * one "[redacted]" keeping the marks the whole run shared (a tag or citation around it still counts),
 * and every citation that touches sensitive text loses its locator (a page number can point to the
 * source of a name), on the sensitive part and on the rest of the cited passage alike.
 */
function redactInline(children: JSONContent[]): { content: JSONContent[]; redactions: number } {
  // Citations to strip of their locator, per child: those whose cited passage overlaps a sensitive run.
  const strip: Array<Set<string>> = children.map(() => new Set());
  for (let i = 0; i < children.length; i++) {
    for (const mark of children[i].marks ?? []) {
      if (mark.type !== "citation" || strip[i].has(citationKey(mark))) continue;
      let end = i;
      while (end + 1 < children.length && children[end + 1].marks?.some((other) => sameMark(other, mark)))
        end++;
      const touches = children.slice(i, end + 1).some(isSensitive);
      if (touches) for (let j = i; j <= end; j++) strip[j].add(citationKey(mark));
    }
  }
  const clean = (marks: Mark[], stripped: Set<string>) =>
    marks
      .filter((mark) => mark.type !== "sensitive")
      .map((mark) =>
        mark.type === "citation" && stripped.has(citationKey(mark)) ? withoutLocator(mark) : mark,
      );

  const content: JSONContent[] = [];
  let redactions = 0;
  for (let i = 0; i < children.length; i++) {
    const child = children[i];
    if (!isSensitive(child)) {
      const marks = child.marks ? clean(child.marks, strip[i]) : undefined;
      content.push(marks ? { ...child, marks } : { ...child });
      continue;
    }
    let end = i;
    while (end + 1 < children.length && isSensitive(children[end + 1])) end++;
    const run = children.slice(i, end + 1);
    // The marks every node of the run carries (a tag over the whole sensitive run stays on "[redacted]").
    const shared = (run[0].marks ?? []).filter((mark) =>
      run.every((node) => node.marks?.some((other) => sameMark(other, mark))),
    );
    const marks = clean(shared, strip[i]);
    content.push(marks.length ? { type: "text", text: REDACTED, marks } : { type: "text", text: REDACTED });
    redactions += 1;
    i = end;
  }
  return { content, redactions };
}

const isInline = (node: JSONContent) => node.type === "text" || node.type === "hardBreak";

function redactNode(node: JSONContent): { node: JSONContent; redactions: number } {
  if (!Array.isArray(node.content)) return { node: { ...node }, redactions: 0 };
  if (node.content.length > 0 && node.content.every(isInline)) {
    const { content, redactions } = redactInline(node.content);
    return { node: { ...node, content }, redactions };
  }
  let redactions = 0;
  const content = node.content.map((child) => {
    const result = redactNode(child);
    redactions += result.redactions;
    return result.node;
  });
  return { node: { ...node, content }, redactions };
}

/**
 * A copy of the document with every sensitive passage replaced by "[redacted]" (one per contiguous run
 * within a block; a passage marked across two paragraphs gives one in each) and the locators of the
 * citations on those passages dropped. The input is not changed.
 */
export function redactCaseDocument(doc: JSONContent): { doc: JSONContent; redactions: number } {
  const { node, redactions } = redactNode(doc);
  return { doc: node, redactions };
}

/** Whether the document has any passage marked sensitive. */
export function hasSensitivePassages(doc: JSONContent): boolean {
  if (isSensitive(doc)) return true;
  return (doc.content ?? []).some(hasSensitivePassages);
}
