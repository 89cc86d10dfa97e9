// Server-side check of a case body sent by the editor (or by anyone else posting to the API).
// Two passes: our own walk over the JSON gives readable messages for the mistakes we know about
// (unknown types, bad attributes, unsafe links); then ProseMirror's own `check()` on the schema
// catches every structural rule (what may contain what) so the two can never drift apart.
import type { JSONContent } from "@tiptap/core";
import { type MarkType, type NodeType, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { caseSchema } from "./extensions";
import { normalizeLinkHref } from "./links";

export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const MAX_ID_LENGTH = 200;
export const MAX_LOCATOR_LENGTH = 200;
export const MAX_NESTING_DEPTH = 64;
export const MAX_TABLE_SPAN = 100;
const MAX_ERRORS = 20;
const MAX_PLAIN_ATTRIBUTE_LENGTH = 500;

export interface CaseReferences {
  codeIds: string[];
  sourceIds: string[];
}

export type CaseDocumentValidation =
  | { ok: true; doc: JSONContent; references: CaseReferences }
  | { ok: false; errors: string[]; tooLarge?: boolean };

const NODE_LABELS: Record<string, string> = {
  doc: "the document",
  paragraph: "a paragraph",
  heading: "a heading",
  blockquote: "a quotation",
  bulletList: "a bulleted list",
  orderedList: "a numbered list",
  listItem: "a list item",
  hardBreak: "a line break",
  text: "text",
  table: "a table",
  tableRow: "a table row",
  tableCell: "a table cell",
  tableHeader: "a table header cell",
};

const MARK_LABELS: Record<string, string> = {
  bold: "bold",
  italic: "italic",
  underline: "underline",
  link: "link",
  tag: "tag",
  citation: "citation",
  sensitive: "sensitive",
};

function nodeLabel(name: string): string {
  return NODE_LABELS[name] ?? `'${name}'`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function quote(value: unknown, max = 60): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
}

/** UTF-8 size of a string without allocating a buffer (works in Node and the browser). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** For the route: answer 413 before parsing a body whose JSON is over the limit. */
export function isDocumentTooLarge(rawJson: string): boolean {
  if (rawJson.length > MAX_DOCUMENT_BYTES) return true;
  if (rawJson.length * 3 <= MAX_DOCUMENT_BYTES) return false;
  return utf8ByteLength(rawJson) > MAX_DOCUMENT_BYTES;
}

function tooLargeMessage(bytes: number): string {
  const megabytes = (bytes / (1024 * 1024)).toFixed(1);
  return `The document is too large (${megabytes} MB); the limit is ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB.`;
}

interface Walk {
  errors: string[];
  section: string | null;
}

function report(walk: Walk, message: string): void {
  if (walk.errors.length >= MAX_ERRORS) return;
  const where =
    walk.section === null
      ? ""
      : walk.section
        ? ` (in section ${quote(walk.section)})`
        : " (before the first section)";
  const full = `${message}${where}`;
  if (!walk.errors.includes(full)) walk.errors.push(full);
}

/** Text of a heading in JSON (inline content only, so no recursion into untrusted nesting). */
function headingText(node: Record<string, unknown>): string {
  if (!Array.isArray(node.content)) return "";
  return node.content
    .map((child) => (isPlainObject(child) && typeof child.text === "string" ? child.text : ""))
    .join("");
}

function isShortString(value: unknown, max: number): value is string {
  return typeof value === "string" && value.length <= max;
}

function isIntegerIn(value: unknown, min: number, max: number): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

function checkPlainAttribute(walk: Walk, owner: string, name: string, value: unknown): void {
  const ok =
    value === null ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value)) ||
    isShortString(value, MAX_PLAIN_ATTRIBUTE_LENGTH);
  if (!ok) report(walk, `The attribute '${name}' of ${owner} has an invalid value ${quote(value)}`);
}

function checkNodeAttributes(walk: Walk, type: NodeType, attrs: Record<string, unknown>): void {
  const label = nodeLabel(type.name);
  const known = type.spec.attrs ?? {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!Object.hasOwn(known, name)) {
      report(walk, `Unknown attribute '${name}' on ${label}`);
      continue;
    }
    if (value === undefined) continue;
    switch (`${type.name}.${name}`) {
      case "orderedList.start":
        if (!isIntegerIn(value, 0, 1_000_000)) report(walk, "A numbered list must start at a whole number");
        break;
      case "orderedList.type":
        if (value !== null && !["1", "a", "A", "i", "I"].includes(value as string))
          report(walk, `Unknown numbering style ${quote(value)} for a numbered list`);
        break;
      case "tableCell.colspan":
      case "tableCell.rowspan":
      case "tableHeader.colspan":
      case "tableHeader.rowspan":
        if (!isIntegerIn(value, 1, MAX_TABLE_SPAN))
          report(walk, `A table cell may span from 1 to ${MAX_TABLE_SPAN} columns or rows`);
        break;
      case "tableCell.colwidth":
      case "tableHeader.colwidth":
        if (
          value !== null &&
          !(Array.isArray(value) && value.every((width) => isIntegerIn(width, 0, 10_000)))
        )
          report(walk, "A table column width must be a list of whole numbers of pixels");
        break;
      case "tableCell.align":
      case "tableHeader.align":
        if (value !== null && !["left", "right", "center"].includes(value as string))
          report(walk, `Unknown alignment ${quote(value)} for a table cell`);
        break;
      case "heading.level":
        break; // checked below, also when missing
      default:
        checkPlainAttribute(walk, label, name, value);
    }
  }
  if (type.name === "heading" && attrs.level !== 2 && attrs.level !== 3) {
    report(
      walk,
      `Heading level must be 2 (section) or 3 (sub-heading), found ${attrs.level === undefined ? "none" : quote(attrs.level)}`,
    );
  }
}

function checkMarkAttributes(walk: Walk, type: MarkType, attrs: Record<string, unknown>): void {
  const label = MARK_LABELS[type.name] ?? `'${type.name}'`;
  const known = type.spec.attrs ?? {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!Object.hasOwn(known, name)) {
      report(walk, `Unknown attribute '${name}' on ${label} formatting`);
      continue;
    }
    if (value === undefined) continue;
    switch (`${type.name}.${name}`) {
      case "link.href":
      case "tag.codeId":
      case "citation.sourceId":
        break; // checked below, also when missing
      case "citation.locator":
        if (value !== null && !isShortString(value, MAX_LOCATOR_LENGTH))
          report(
            walk,
            `A citation locator must be text of at most ${MAX_LOCATOR_LENGTH} characters (e.g. "p. 4")`,
          );
        break;
      default:
        checkPlainAttribute(walk, `a ${label}`, name, value);
    }
  }
  if (type.name === "link" && normalizeLinkHref(attrs.href) === null) {
    report(
      walk,
      `Link address must start with http://, https:// or mailto: (found ${quote(attrs.href ?? "")})`,
    );
  }
  if (type.name === "tag" && !(isShortString(attrs.codeId, MAX_ID_LENGTH) && attrs.codeId.trim() !== "")) {
    report(walk, "A tagged passage must name the code it is tagged with (codeId)");
  }
  if (
    type.name === "citation" &&
    !(isShortString(attrs.sourceId, MAX_ID_LENGTH) && attrs.sourceId.trim() !== "")
  ) {
    report(walk, "A citation must name the source it cites (sourceId)");
  }
}

function walkNode(walk: Walk, value: unknown, depth: number): void {
  if (walk.errors.length >= MAX_ERRORS) return;
  if (depth > MAX_NESTING_DEPTH) {
    report(walk, "The document is nested too deeply");
    return;
  }
  if (!isPlainObject(value)) {
    report(walk, `Each piece of content must be an object, found ${quote(value)}`);
    return;
  }
  if (typeof value.type !== "string") {
    report(walk, "A piece of content has no type");
    return;
  }
  const type = Object.hasOwn(caseSchema.nodes, value.type) ? caseSchema.nodes[value.type] : undefined;
  if (!type) {
    report(walk, `Unknown element '${value.type}'`);
    return;
  }
  const label = nodeLabel(type.name);

  if (type.isText) {
    if (typeof value.text !== "string") report(walk, `Text must be a string, found ${quote(value.text)}`);
    else if (value.text.length === 0) report(walk, "Empty text is not allowed");
    if (value.content !== undefined) report(walk, "Text cannot contain other content");
  } else if (value.text !== undefined) {
    report(walk, `${capitalise(label)} cannot carry text directly`);
  }

  if (value.attrs !== undefined && value.attrs !== null && !isPlainObject(value.attrs)) {
    report(walk, `The attributes of ${label} must be an object`);
  } else if (!type.isText) {
    checkNodeAttributes(walk, type, (value.attrs as Record<string, unknown> | undefined) ?? {});
  } else if (isPlainObject(value.attrs) && Object.keys(value.attrs).length > 0) {
    report(walk, "Text cannot have attributes");
  }

  if (value.marks !== undefined) {
    if (!Array.isArray(value.marks)) {
      report(walk, `The formatting of ${label} must be a list`);
    } else {
      for (const mark of value.marks) {
        if (!isPlainObject(mark) || typeof mark.type !== "string") {
          report(walk, `Formatting must be an object with a type, found ${quote(mark)}`);
          continue;
        }
        const markType = Object.hasOwn(caseSchema.marks, mark.type) ? caseSchema.marks[mark.type] : undefined;
        if (!markType) {
          report(walk, `Unknown formatting '${mark.type}'`);
          continue;
        }
        if (mark.attrs !== undefined && mark.attrs !== null && !isPlainObject(mark.attrs)) {
          report(walk, `The attributes of ${mark.type} formatting must be an object`);
          continue;
        }
        checkMarkAttributes(walk, markType, (mark.attrs as Record<string, unknown> | undefined) ?? {});
      }
    }
  }

  if (value.content !== undefined && !type.isText) {
    if (!Array.isArray(value.content)) {
      report(walk, `The content of ${label} must be a list`);
      return;
    }
    if (depth === 0) walk.section = "";
    for (const child of value.content) {
      if (depth === 0 && isPlainObject(child) && child.type === "heading" && isPlainObject(child.attrs)) {
        if (child.attrs.level === 2) walk.section = headingText(child);
      }
      walkNode(walk, child, depth + 1);
    }
  }
}

function describeStructureError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const invalidContent = /^Invalid content for node (\w+)/.exec(message);
  if (invalidContent) {
    if (invalidContent[1] === "doc")
      return "The document must be a list of blocks (headings, paragraphs, lists, tables…)";
    return `${capitalise(nodeLabel(invalidContent[1]))} contains content that is not allowed there`;
  }
  if (/^Invalid collection of marks/.test(message))
    return "The same formatting is applied twice to the same text";
  if (/^Invalid text node in JSON|^Empty text nodes/.test(message)) return "Text must be a non-empty string";
  return `The document structure is invalid: ${message}`;
}

/** The codes and sources a document refers to, each once, in order of first use. */
export function collectReferences(doc: JSONContent | ProseMirrorNode): CaseReferences {
  const codeIds = new Set<string>();
  const sourceIds = new Set<string>();
  const noteMark = (type: unknown, attrs: Record<string, unknown> | null | undefined) => {
    if (type === "tag" && typeof attrs?.codeId === "string") codeIds.add(attrs.codeId);
    if (type === "citation" && typeof attrs?.sourceId === "string") sourceIds.add(attrs.sourceId);
  };
  if (doc instanceof ProseMirrorNode) {
    doc.descendants((node) => {
      for (const mark of node.marks) noteMark(mark.type.name, mark.attrs);
    });
  } else {
    const visit = (node: JSONContent) => {
      if (Array.isArray(node.marks))
        for (const mark of node.marks) if (isPlainObject(mark)) noteMark(mark.type, mark.attrs);
      if (Array.isArray(node.content))
        for (const child of node.content) if (isPlainObject(child)) visit(child);
    };
    visit(doc);
  }
  return { codeIds: [...codeIds], sourceIds: [...sourceIds] };
}

/**
 * Checks a case body against the case schema. On success, returns it normalised by ProseMirror
 * (default attributes filled in, adjacent text with the same formatting joined) with the codes and
 * sources it refers to, which the caller must check belong to the workspace.
 */
export function validateCaseDocument(json: unknown): CaseDocumentValidation {
  let serialised: string | undefined;
  try {
    serialised = JSON.stringify(json);
  } catch {
    return { ok: false, errors: ["The document is not valid JSON"] };
  }
  if (serialised === undefined) return { ok: false, errors: ["The document is empty"] };
  if (isDocumentTooLarge(serialised)) {
    return { ok: false, tooLarge: true, errors: [tooLargeMessage(utf8ByteLength(serialised))] };
  }
  if (!isPlainObject(json) || json.type !== "doc") {
    return { ok: false, errors: ["The document must be an object of type 'doc'"] };
  }

  const walk: Walk = { errors: [], section: null };
  walkNode(walk, json, 0);
  if (walk.errors.length > 0) return { ok: false, errors: walk.errors };

  let node: ProseMirrorNode;
  try {
    node = caseSchema.nodeFromJSON(json);
    node.check();
  } catch (error) {
    return { ok: false, errors: [describeStructureError(error)] };
  }
  const doc = node.toJSON() as JSONContent;
  return { ok: true, doc, references: collectReferences(doc) };
}
