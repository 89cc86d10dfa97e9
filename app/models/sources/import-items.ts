// What every reader of a sources file shares: lenient normalisation of an item written by another tool,
// then validation against the stored schema, with one reason per item left out. Browser-safe, no I/O.
import type { z } from "zod";
import {
  CSL_TEXT_FIELDS,
  CSL_TYPES,
  type CslImportResult,
  type CslItem,
  type CslSkipped,
  cslItemSchema,
  MAX_IMPORT_ITEMS,
} from "./csl-item";

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.trim() !== "";
}

function parseRawDate(raw: string): unknown {
  const value = raw.trim();
  if (value === "") return undefined;
  const m = /^(-?\d{1,4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:T[\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?$/.exec(value);
  if (!m) return { literal: value };
  const parts = [Number(m[1])];
  if (m[2] !== undefined) parts.push(Number(m[2]));
  if (m[3] !== undefined) parts.push(Number(m[3]));
  return { "date-parts": [parts] };
}

function normaliseDatePart(part: unknown): unknown {
  if (typeof part === "string" && /^\s*-?\d+\s*$/.test(part)) return Number(part);
  return part;
}

/** Accepts the shapes other tools write (numeric strings, "raw" dates, plain strings); undefined = no date. */
function normaliseDate(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return { "date-parts": [[value]] };
  if (typeof value === "string") return parseRawDate(value);
  if (!isPlainObject(value)) return value;
  const dateParts = value["date-parts"];
  if (Array.isArray(dateParts)) {
    const cleaned = dateParts.map((parts) => {
      if (!Array.isArray(parts)) return parts;
      const out = parts.map(normaliseDatePart);
      while (out.length > 0 && (out[out.length - 1] === null || out[out.length - 1] === "")) out.pop();
      return out;
    });
    const nonEmpty = cleaned.filter((parts) => !(Array.isArray(parts) && parts.length === 0));
    if (nonEmpty.length > 0) return { "date-parts": nonEmpty };
  }
  if (nonEmptyString(value.literal)) return { literal: value.literal };
  if (nonEmptyString(value.raw)) return parseRawDate(value.raw);
  if (dateParts === undefined || Array.isArray(dateParts)) return undefined;
  return value;
}

/** Folds CSL name particles and suffix into family/given, which is all we store. */
function normaliseName(value: unknown): unknown {
  if (typeof value === "string") return nonEmptyString(value) ? { literal: value } : value;
  if (!isPlainObject(value)) return value;
  if (nonEmptyString(value.literal)) return { literal: value.literal };
  const out: Record<string, unknown> = {};
  const family = [value["non-dropping-particle"], value.family, value.suffix];
  const given = [value.given, value["dropping-particle"]];
  if (family.every((part) => part === undefined || typeof part === "string")) {
    const joined = family.filter(nonEmptyString).join(" ");
    if (joined !== "") out.family = joined;
  } else {
    out.family = value.family;
  }
  if (given.every((part) => part === undefined || typeof part === "string")) {
    const joined = given.filter(nonEmptyString).join(" ");
    if (joined !== "") out.given = joined;
  } else {
    out.given = value.given;
  }
  return out;
}

/**
 * Makes an item written by another tool fit the schema where that loses nothing we store: empty strings and
 * nulls are dropped, numeric ids become strings, unknown types become "document" with a note, dates written
 * as strings are parsed, name particles are folded in, `custom` keeps only our keys.
 */
function normaliseImported(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof raw.id === "number" && Number.isFinite(raw.id)) out.id = String(raw.id);
  else if (raw.id !== null && raw.id !== undefined && raw.id !== "") out.id = raw.id;

  out.title = raw.title;
  const notes: string[] = [];
  if (typeof raw.type === "string" && raw.type.trim() !== "") {
    const type = raw.type.trim().toLowerCase();
    if ((CSL_TYPES as readonly string[]).includes(type)) out.type = type;
    else {
      out.type = "document";
      notes.push(
        `Imported with CSL type "${raw.type.trim()}", which the casebook does not support; stored as "document".`,
      );
    }
  } else if (raw.type === undefined || raw.type === null || raw.type === "") {
    out.type = "document";
    notes.push('Imported without a CSL type; stored as "document".');
  } else {
    out.type = raw.type;
  }

  if (Array.isArray(raw.author)) {
    if (raw.author.length > 0) out.author = raw.author.map(normaliseName);
  } else if (raw.author !== undefined && raw.author !== null) {
    out.author = raw.author;
  }
  const issued = normaliseDate(raw.issued);
  if (issued !== undefined) out.issued = issued;
  const accessed = normaliseDate(raw.accessed);
  if (accessed !== undefined) out.accessed = accessed;

  if (Array.isArray(raw.editor)) {
    if (raw.editor.length > 0) out.editor = raw.editor.map(normaliseName);
  } else if (raw.editor !== undefined && raw.editor !== null) {
    out.editor = raw.editor;
  }
  for (const field of CSL_TEXT_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) continue;
    // CSL-JSON allows numbers for volume, issue, page, edition and number; we store them as text.
    out[field] = typeof value === "number" && Number.isFinite(value) ? String(value) : value;
  }
  if (notes.length > 0) {
    out.note = [typeof out.note === "string" ? out.note.trim() : undefined, ...notes]
      .filter(Boolean)
      .join("\n");
  }

  if (isPlainObject(raw.custom)) {
    const custom: Record<string, unknown> = {};
    for (const key of ["reliability", "confidentiality"] as const) {
      const value = raw.custom[key];
      if (value === undefined || value === null || value === "") continue;
      custom[key] = typeof value === "string" ? value.trim().toLowerCase() : value;
    }
    if (Object.keys(custom).length > 0) out.custom = custom;
  }
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const [head, position] = issue.path;
  if (head === "author" && typeof position === "number") return `author ${position + 1}: ${issue.message}`;
  if (head === "issued") return `issued date: ${issue.message}`;
  if (head === "accessed") return `accessed date: ${issue.message}`;
  return issue.message;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return [...new Set(issues.map(describeIssue))].join("; ");
}

export function shorten(value: string, max: number): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export type Candidate = { index: number; raw: unknown };

/** Validates candidates in order; ids must be unique within the file (missing ids are generated). */
export function acceptCandidates(candidates: Candidate[], noun: "item" | "entry"): CslImportResult {
  const items: CslItem[] = [];
  const skipped: CslSkipped[] = [];
  const seen = new Map<string, number>();
  for (const { index, raw } of candidates) {
    const label = `${noun} ${index + 1}`;
    if (!isPlainObject(raw)) {
      const kind = raw === null ? "null" : Array.isArray(raw) ? "a list" : `a ${typeof raw}`;
      skipped.push({ index, reason: `${label}: is ${kind}, not a CSL item object` });
      continue;
    }
    const input = normaliseImported(raw);
    const title = nonEmptyString(raw.title) ? shorten(raw.title, 200) : undefined;
    const givenId = nonEmptyString(input.id) ? input.id.trim() : undefined;
    const where = title
      ? `${label} ("${shorten(title, 80)}")`
      : givenId
        ? `${label} (id "${givenId}")`
        : label;
    const identity = { ...(givenId !== undefined && { id: givenId }), ...(title !== undefined && { title }) };
    if (input.id === undefined) {
      let generated = `${noun}-${index + 1}`;
      for (let n = 2; seen.has(generated); n++) generated = `${noun}-${index + 1}-${n}`;
      input.id = generated;
    }
    const parsed = cslItemSchema.safeParse(input);
    if (!parsed.success) {
      skipped.push({ index, ...identity, reason: `${where}: ${describeIssues(parsed.error.issues)}` });
      continue;
    }
    const previous = seen.get(parsed.data.id);
    if (previous !== undefined) {
      skipped.push({
        index,
        ...identity,
        reason: `${where}: duplicate id "${parsed.data.id}" (already used by ${noun} ${previous + 1})`,
      });
      continue;
    }
    seen.set(parsed.data.id, index);
    items.push(parsed.data);
  }
  return { items, skipped };
}

export function tooManyEntry(total: number, noun: "item" | "entry"): CslSkipped {
  const plural = noun === "item" ? "items" : "entries";
  return {
    index: MAX_IMPORT_ITEMS,
    reason: `${plural} ${MAX_IMPORT_ITEMS + 1}–${total} (${total - MAX_IMPORT_ITEMS} in all) were not imported: one file may hold at most ${MAX_IMPORT_ITEMS.toLocaleString("en")} ${plural}`,
  };
}
