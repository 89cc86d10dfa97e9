// Brings any body to one validateCaseDocument accepts, keeping every text it can. The co-editing server
// uses it when the shared document cannot be stored as it is (a body stored before changes were checked,
// or a merge of two honest edits that breaks what may contain what): one refused element must never stop
// everybody else's text from being stored (ADR 0007).
//
// Unknown elements and marks, unsafe links and attributes are dropped; content nested deeper than the
// limit is dropped; content in the wrong place is wrapped (text straight in a list item gets a paragraph)
// or unwrapped (a paragraph inside a paragraph gives its text), and required content is filled in.
import type { JSONContent } from "@tiptap/core";
import { Fragment, type Mark, type NodeType, type Node as ProseMirrorNode } from "@tiptap/pm/model";
import { caseSchema } from "./extensions";
import { checkTopLevelBlock, MAX_NESTING_DEPTH, validateCaseDocument } from "./validate";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The node's attributes the validator accepts, one by one; a heading keeps a level it may have. */
function keptAttributes(type: NodeType, raw: unknown): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  const base = type.name === "heading" ? { level: 2 } : {};
  if (isPlainObject(raw)) {
    for (const [name, value] of Object.entries(raw)) {
      if (!Object.hasOwn(type.spec.attrs ?? {}, name)) continue;
      if (checkTopLevelBlock({ type: type.name, attrs: { ...base, [name]: value } }).length === 0)
        kept[name] = value;
    }
  }
  return { ...base, ...kept };
}

function keptMarks(raw: unknown): readonly Mark[] {
  let marks: readonly Mark[] = [];
  if (!Array.isArray(raw)) return marks;
  for (const mark of raw) {
    if (!isPlainObject(mark) || typeof mark.type !== "string") continue;
    if (!Object.hasOwn(caseSchema.marks, mark.type)) continue;
    if (checkTopLevelBlock({ type: "text", text: "x", marks: [mark] }).length > 0) continue;
    const attrs = isPlainObject(mark.attrs) ? mark.attrs : {};
    marks = caseSchema.marks[mark.type].create(attrs).addToSet(marks);
  }
  return marks;
}

/** Places `children` in a node of `type` in an order its content expression accepts. */
function withFittedContent(type: NodeType, attrs: Record<string, unknown>, children: ProseMirrorNode[]) {
  const placed: ProseMirrorNode[] = [];
  let match = type.contentMatch;
  let loose: ProseMirrorNode[] = [];

  const append = (node: ProseMirrorNode): boolean => {
    const next = match.matchType(node.type);
    if (next) {
      placed.push(node);
      match = next;
      return true;
    }
    const filler = match.fillBefore(Fragment.from(node));
    if (filler) {
      placed.push(...filler.content);
      placed.push(node);
      match = match.matchFragment(filler.append(Fragment.from(node))) ?? match;
      return true;
    }
    const wrapping = match.findWrapping(node.type);
    if (wrapping && wrapping.length > 0) {
      let wrapped = node;
      for (let i = wrapping.length - 1; i >= 0; i--) {
        const made = wrapping[i].createAndFill(null, wrapped);
        if (!made) return false;
        wrapped = made;
      }
      return append(wrapped);
    }
    return false;
  };
  const flushLoose = () => {
    if (loose.length === 0) return;
    const paragraph = caseSchema.nodes.paragraph.create(null, loose);
    loose = [];
    append(paragraph);
  };

  const place = (child: ProseMirrorNode) => {
    if (child.isInline && !type.inlineContent) {
      loose.push(child);
      return;
    }
    flushLoose();
    if (append(child)) return;
    // Where text belongs (a list inside a heading), the text of what does not fit; among blocks, its parts.
    if (type.inlineContent)
      child.descendants((inner) => {
        if (inner.isInline) append(inner);
        return !inner.isInline;
      });
    else for (const inner of child.children) place(inner);
  };
  for (const child of children) place(child);
  flushLoose();
  const end = match.fillBefore(Fragment.empty, true);
  if (end) placed.push(...end.content);
  return type.create(attrs, placed);
}

function build(value: unknown, depth: number, limit: number): ProseMirrorNode | null {
  if (depth > limit || !isPlainObject(value) || typeof value.type !== "string") return null;
  if (!Object.hasOwn(caseSchema.nodes, value.type)) return null;
  const type = caseSchema.nodes[value.type];
  if (type.isText) {
    if (typeof value.text !== "string" || value.text === "") return null;
    return caseSchema.text(value.text, keptMarks(value.marks));
  }
  const children = Array.isArray(value.content)
    ? value.content.map((child) => build(child, depth + 1, limit)).filter((child) => child !== null)
    : [];
  return withFittedContent(type, keptAttributes(type, value.attrs), children);
}

/**
 * The body made valid, or null when even the repaired body is refused (over the size limit). A valid body
 * comes back as validateCaseDocument normalises it.
 */
export function repairCaseDocument(json: unknown): JSONContent | null {
  const valid = validateCaseDocument(json);
  if (valid.ok) return valid.doc;
  const root = isPlainObject(json) ? { ...json, type: "doc" } : { type: "doc" };
  // Wrapping misplaced content and filling in required content can each add a level below the cut.
  for (const limit of [MAX_NESTING_DEPTH - 1, MAX_NESTING_DEPTH - 8, MAX_NESTING_DEPTH / 2]) {
    const repaired = build(root, 0, limit);
    const checked = repaired ? validateCaseDocument(repaired.toJSON()) : null;
    if (checked?.ok) return checked.doc;
    if (checked?.tooLarge) return null;
  }
  return null;
}
