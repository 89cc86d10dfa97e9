// Server-side check of a case body sent by the editor (or by anyone else posting to the API).
// Two passes: our own walk over the JSON gives readable messages for the mistakes we know about
// (unknown types, bad attributes, unsafe links); then ProseMirror's own `check()` on the schema
// catches every structural rule (what may contain what) so the two can never drift apart.
import type { JSONContent } from "@tiptap/core";
import { type MarkType, type NodeType, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type Message, type MessageParams, msg } from "~/utils/messages";
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
  | { ok: false; errors: Message[]; tooLarge?: boolean };

// Messages are catalogue keys (locales/*/editor.ts, `editor.validation.*`) with their parameters. The node
// and formatting names and the place ("in section …") are nested in the message by the catalogue text.
const NODE_NAMES = new Set([
  "doc",
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "hardBreak",
  "text",
  "table",
  "tableRow",
  "tableCell",
  "tableHeader",
]);

const MARK_NAMES = new Set(["bold", "italic", "underline", "link", "tag", "citation", "sensitive"]);

function nodeLabel(name: string): string {
  return NODE_NAMES.has(name) ? name : "other";
}

function markLabel(name: string): string {
  return MARK_NAMES.has(name) ? name : "other";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function quote(value: unknown, max = 60): string {
  const text = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  // "$t(" would be read as a nested catalogue key by i18next: break it up.
  return JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text).replaceAll("$t(", "$\u200bt(");
}

/** Text from the document shown in a message, as it is (cut to `max`, "$t(" broken up as in quote). */
function unquoted(value: string, max = 60): string {
  return (value.length > max ? `${value.slice(0, max)}…` : value).replaceAll("$t(", "$\u200bt(");
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

function tooLargeMessage(bytes: number): Message {
  const megabytes = (bytes / (1024 * 1024)).toFixed(1);
  return msg("editor.validation.tooLarge", { size: megabytes, limit: MAX_DOCUMENT_BYTES / (1024 * 1024) });
}

type ValidationKey = Parameters<typeof msg>[0] & `editor.validation.${string}`;

interface Walk {
  errors: Message[];
  section: string | null;
}

function report(walk: Walk, key: ValidationKey, params: MessageParams = {}): void {
  if (walk.errors.length >= MAX_ERRORS) return;
  const where: MessageParams =
    walk.section === null
      ? { place: "document" }
      : walk.section
        ? { place: "inSection", section: quote(walk.section) }
        : { place: "beforeSections" };
  const full = msg(key, { ...params, ...where });
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

function checkPlainAttribute(walk: Walk, owner: string, name: string, value: unknown, isMark = false): void {
  const ok =
    value === null ||
    typeof value === "boolean" ||
    (typeof value === "number" && Number.isFinite(value)) ||
    isShortString(value, MAX_PLAIN_ATTRIBUTE_LENGTH);
  if (!ok) {
    if (isMark)
      report(walk, "editor.validation.invalidMarkValue", {
        name: unquoted(name),
        mark: owner,
        value: quote(value),
      });
    else
      report(walk, "editor.validation.invalidValue", {
        name: unquoted(name),
        node: owner,
        value: quote(value),
      });
  }
}

function checkNodeAttributes(walk: Walk, type: NodeType, attrs: Record<string, unknown>): void {
  const label = nodeLabel(type.name);
  const known = type.spec.attrs ?? {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!Object.hasOwn(known, name)) {
      report(walk, "editor.validation.unknownAttribute", { name: unquoted(name), node: label });
      continue;
    }
    if (value === undefined) continue;
    switch (`${type.name}.${name}`) {
      case "orderedList.start":
        if (!isIntegerIn(value, 0, 1_000_000)) report(walk, "editor.validation.listStart");
        break;
      case "orderedList.type":
        if (value !== null && !["1", "a", "A", "i", "I"].includes(value as string))
          report(walk, "editor.validation.listStyle", { value: quote(value) });
        break;
      case "tableCell.colspan":
      case "tableCell.rowspan":
      case "tableHeader.colspan":
      case "tableHeader.rowspan":
        if (!isIntegerIn(value, 1, MAX_TABLE_SPAN))
          report(walk, "editor.validation.tableSpan", { max: MAX_TABLE_SPAN });
        break;
      case "tableCell.colwidth":
      case "tableHeader.colwidth":
        if (
          value !== null &&
          !(Array.isArray(value) && value.every((width) => isIntegerIn(width, 0, 10_000)))
        )
          report(walk, "editor.validation.columnWidth");
        break;
      case "tableCell.align":
      case "tableHeader.align":
        if (value !== null && !["left", "right", "center"].includes(value as string))
          report(walk, "editor.validation.alignment", { value: quote(value) });
        break;
      case "heading.level":
        break; // checked below, also when missing
      default:
        checkPlainAttribute(walk, label, name, value);
    }
  }
  if (type.name === "heading" && attrs.level !== 2 && attrs.level !== 3) {
    if (attrs.level === undefined) report(walk, "editor.validation.headingLevelMissing");
    else report(walk, "editor.validation.headingLevel", { value: quote(attrs.level) });
  }
}

function checkMarkAttributes(walk: Walk, type: MarkType, attrs: Record<string, unknown>): void {
  const label = markLabel(type.name);
  const known = type.spec.attrs ?? {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!Object.hasOwn(known, name)) {
      report(walk, "editor.validation.unknownMarkAttribute", { name: unquoted(name), mark: label });
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
          report(walk, "editor.validation.locatorTooLong", { max: MAX_LOCATOR_LENGTH });
        break;
      default:
        checkPlainAttribute(walk, label, name, value, true);
    }
  }
  if (type.name === "link" && normalizeLinkHref(attrs.href) === null) {
    report(walk, "editor.validation.linkHref", { value: quote(attrs.href ?? "") });
  }
  if (type.name === "tag" && !(isShortString(attrs.codeId, MAX_ID_LENGTH) && attrs.codeId.trim() !== "")) {
    report(walk, "editor.validation.tagCodeId");
  }
  if (
    type.name === "citation" &&
    !(isShortString(attrs.sourceId, MAX_ID_LENGTH) && attrs.sourceId.trim() !== "")
  ) {
    report(walk, "editor.validation.citationSourceId");
  }
}

function walkNode(walk: Walk, value: unknown, depth: number): void {
  if (walk.errors.length >= MAX_ERRORS) return;
  if (depth > MAX_NESTING_DEPTH) {
    report(walk, "editor.validation.tooDeep");
    return;
  }
  if (!isPlainObject(value)) {
    report(walk, "editor.validation.notObject", { value: quote(value) });
    return;
  }
  if (typeof value.type !== "string") {
    report(walk, "editor.validation.noType");
    return;
  }
  const type = Object.hasOwn(caseSchema.nodes, value.type) ? caseSchema.nodes[value.type] : undefined;
  if (!type) {
    report(walk, "editor.validation.unknownElement", { name: unquoted(value.type) });
    return;
  }
  const label = nodeLabel(type.name);

  if (type.isText) {
    if (typeof value.text !== "string")
      report(walk, "editor.validation.textNotString", { value: quote(value.text) });
    else if (value.text.length === 0) report(walk, "editor.validation.emptyText");
    if (value.content !== undefined) report(walk, "editor.validation.textWithContent");
  } else if (value.text !== undefined) {
    report(walk, "editor.validation.textOnElement", { node: label });
  }

  if (value.attrs !== undefined && value.attrs !== null && !isPlainObject(value.attrs)) {
    report(walk, "editor.validation.attributesNotObject", { node: label });
  } else if (!type.isText) {
    checkNodeAttributes(walk, type, (value.attrs as Record<string, unknown> | undefined) ?? {});
  } else if (isPlainObject(value.attrs) && Object.keys(value.attrs).length > 0) {
    report(walk, "editor.validation.textAttributes");
  }

  if (value.marks !== undefined) {
    if (!Array.isArray(value.marks)) {
      report(walk, "editor.validation.marksNotList", { node: label });
    } else {
      for (const mark of value.marks) {
        if (!isPlainObject(mark) || typeof mark.type !== "string") {
          report(walk, "editor.validation.markNotObject", { value: quote(mark) });
          continue;
        }
        const markType = Object.hasOwn(caseSchema.marks, mark.type) ? caseSchema.marks[mark.type] : undefined;
        if (!markType) {
          report(walk, "editor.validation.unknownMark", { name: unquoted(mark.type) });
          continue;
        }
        if (mark.attrs !== undefined && mark.attrs !== null && !isPlainObject(mark.attrs)) {
          report(walk, "editor.validation.markAttributesNotObject", { name: unquoted(mark.type) });
          continue;
        }
        checkMarkAttributes(walk, markType, (mark.attrs as Record<string, unknown> | undefined) ?? {});
      }
    }
  }

  if (value.content !== undefined && !type.isText) {
    if (!Array.isArray(value.content)) {
      report(walk, "editor.validation.contentNotList", { node: label });
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

function describeStructureError(error: unknown): Message {
  const message = error instanceof Error ? error.message : String(error);
  const invalidContent = /^Invalid content for node (\w+)/.exec(message);
  if (invalidContent) {
    if (invalidContent[1] === "doc") return msg("editor.validation.docContent");
    return msg("editor.validation.contentNotAllowed", { node: nodeLabel(invalidContent[1]) });
  }
  if (/^Invalid collection of marks/.test(message)) return msg("editor.validation.sameMarkTwice");
  if (/^Invalid text node in JSON|^Empty text nodes/.test(message)) return msg("editor.validation.textEmpty");
  return msg("editor.validation.structure", { detail: unquoted(message) });
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
    return { ok: false, errors: [msg("editor.validation.notJson")] };
  }
  if (serialised === undefined) return { ok: false, errors: [msg("editor.validation.empty")] };
  if (isDocumentTooLarge(serialised)) {
    return { ok: false, tooLarge: true, errors: [tooLargeMessage(utf8ByteLength(serialised))] };
  }
  if (!isPlainObject(json) || json.type !== "doc") {
    return { ok: false, errors: [msg("editor.validation.notDoc")] };
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
