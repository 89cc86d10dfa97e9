// Sources interchange: the subset of CSL-JSON the casebook stores, its import/export, BibTeX export and
// import, and a short plain-text reference for bibliographies. Pure functions, no database, no DOM.
//
// CSL-JSON is the interchange format of Zotero and Pandoc (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
// We keep a subset of its fields; everything else in an imported item is dropped.
import { z } from "zod";
import { daysInMonth, parseIsoDate } from "~/rules/dates";
import { bareDoi, isDoi, isHttpUrl, referenceLink } from "~/rules/links";
import { asciiFold } from "~/rules/text";
import { msg } from "~/utils/messages";

// ---------------------------------------------------------------------------------------------------------
// Schema
// ---------------------------------------------------------------------------------------------------------

/** CSL item types the casebook accepts. Any other type is imported as "document", with a note. */
export const CSL_TYPES = [
  "article",
  "article-journal",
  "article-magazine",
  "article-newspaper",
  "book",
  "chapter",
  "report",
  "interview",
  "personal_communication",
  "webpage",
  "post-weblog",
  "treaty",
  "legal_case",
  "legislation",
  "speech",
  "thesis",
  "manuscript",
  "document",
] as const;
export type CslType = (typeof CSL_TYPES)[number];

export const RELIABILITY_LEVELS = ["high", "medium", "low", "unknown"] as const;
export type Reliability = (typeof RELIABILITY_LEVELS)[number];
export const CONFIDENTIALITY_LEVELS = ["public", "restricted"] as const;
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number];

/** Most items one import may hold; the rest of the file is skipped. */
export const MAX_IMPORT_ITEMS = 5000;
export const MAX_TITLE_LENGTH = 1000;

/** A person (family and/or given name) or an organisation ("literal"). */
export type CslName = { family?: string; given?: string } | { literal: string };
/** [year, month?, day?]; month 1–12. */
export type CslDateParts = [number, number?, number?];
/** A date: one date (or a range of two) as date-parts, or a free-text literal such as "c. 2020". */
export type CslDate = { "date-parts": CslDateParts[] } | { literal: string };

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .trim()
    .overwrite((value) => value.normalize("NFC"))
    .min(1, { error: `${label} is empty` })
    .max(max, { error: `${label} is longer than ${max.toLocaleString("en")} characters` });

const nameSchema = z
  .object(
    {
      family: text("family name", 500).optional(),
      given: text("given name", 500).optional(),
      literal: text("literal (organisation) name", 1000).optional(),
    },
    { error: "must be a name such as {family, given} or {literal}" },
  )
  .refine((n) => n.literal !== undefined || n.family !== undefined || n.given !== undefined, {
    error: "needs a family or given name, or a literal (organisation) name",
  })
  .transform((n): CslName => {
    if (n.literal !== undefined) return { literal: n.literal };
    const out: { family?: string; given?: string } = {};
    if (n.family !== undefined) out.family = n.family;
    if (n.given !== undefined) out.given = n.given;
    return out;
  });

const datePartsSchema = z
  .tuple(
    [
      z
        .number({ error: "year must be a number" })
        .int({ error: "year must be a whole number" })
        .min(-9999, { error: "year is out of range" })
        .max(9999, { error: "year is out of range" }),
      z
        .number({ error: "month must be a number" })
        .int({ error: "month must be a whole number" })
        .min(1, { error: "month must be between 1 and 12" })
        .max(12, { error: "month must be between 1 and 12" })
        .optional(),
      z
        .number({ error: "day must be a number" })
        .int({ error: "day must be a whole number" })
        .min(1, { error: "day must be between 1 and 31" })
        .max(31, { error: "day must be between 1 and 31" })
        .optional(),
    ],
    { error: "a date must be [year, month, day], month and day optional" },
  )
  .refine(([, month, day]) => day === undefined || month !== undefined, { error: "a day needs a month" })
  .refine(
    ([year, month, day]) => day === undefined || month === undefined || day <= daysInMonth(year, month),
    {
      error: "that day does not exist in that month",
    },
  )
  .transform((parts): CslDateParts => {
    const [year, month, day] = parts;
    if (month === undefined) return [year];
    if (day === undefined) return [year, month];
    return [year, month, day];
  });

const issuedSchema = z
  .object(
    {
      "date-parts": z
        .array(datePartsSchema, { error: "date-parts must be a list such as [[2021, 5, 3]]" })
        .min(1, { error: "date-parts is empty" })
        .max(2, { error: "date-parts holds more than a start and an end date" })
        .optional(),
      literal: text("literal date", 200).optional(),
    },
    { error: 'must be {"date-parts": [[year, month, day]]} or {"literal": "…"}' },
  )
  .refine((d) => d["date-parts"] !== undefined || d.literal !== undefined, {
    error: 'needs "date-parts" or a "literal"',
  })
  .transform(
    (d): CslDate => (d["date-parts"] ? { "date-parts": d["date-parts"] } : { literal: d.literal ?? "" }),
  );

const accessedSchema = z
  .object(
    {
      "date-parts": z
        .array(datePartsSchema, { error: "must be a calendar date such as 2024-03-05" })
        .length(1, { error: "must be a single date" }),
    },
    { error: "must be a calendar date such as 2024-03-05" },
  )
  .transform((d): { "date-parts": [CslDateParts] } => ({ "date-parts": [d["date-parts"][0]] }));

export const cslItemSchema = z.object(
  {
    id: text("id", 500),
    type: z.enum(CSL_TYPES, {
      error: (issue) =>
        issue.input === undefined
          ? "missing type"
          : `type ${JSON.stringify(issue.input)} is not a supported CSL type`,
    }),
    title: z
      .string({ error: (issue) => (issue.input === undefined ? "missing title" : "title must be text") })
      .trim()
      .overwrite((value) => value.normalize("NFC"))
      .min(1, { error: "title is empty" })
      .max(MAX_TITLE_LENGTH, {
        error: `title is longer than ${MAX_TITLE_LENGTH.toLocaleString("en")} characters`,
      }),
    author: z.array(nameSchema, { error: "author must be a list of names" }).optional(),
    issued: issuedSchema.optional(),
    "container-title": text("container-title", 1000).optional(),
    publisher: text("publisher", 1000).optional(),
    URL: text("URL", 2048)
      .refine(isHttpUrl, { error: "URL must be a web address starting with http:// or https://" })
      .optional(),
    accessed: accessedSchema.optional(),
    language: text("language", 100).optional(),
    DOI: text("DOI", 300)
      .overwrite(bareDoi)
      .refine(isDoi, { error: "DOI must look like 10.1234/abc" })
      .optional(),
    note: text("note", 20_000).optional(),
    custom: z
      .object(
        {
          reliability: z
            .enum(RELIABILITY_LEVELS, {
              error: (issue) =>
                `reliability ${JSON.stringify(issue.input)} is not one of ${RELIABILITY_LEVELS.join(", ")}`,
            })
            .optional(),
          confidentiality: z
            .enum(CONFIDENTIALITY_LEVELS, {
              error: (issue) =>
                `confidentiality ${JSON.stringify(issue.input)} is not one of ${CONFIDENTIALITY_LEVELS.join(", ")}`,
            })
            .optional(),
        },
        { error: "custom must be an object" },
      )
      .optional(),
  },
  { error: "is not an object" },
);

/** A source as stored (the output of `cslItemSchema`). */
export type CslItem = z.output<typeof cslItemSchema>;
/** What `cslItemSchema` accepts (before trimming and normalising). */
export type CslItemInput = z.input<typeof cslItemSchema>;

/** An item or entry that was not imported. `index` is its 0-based position in the file (-1: the whole file). */
export type CslSkipped = { index: number; id?: string; title?: string; reason: string };
export type CslImportResult = { items: CslItem[]; skipped: CslSkipped[] };

// ---------------------------------------------------------------------------------------------------------
// Lenient normalisation of imported items, then validation
// ---------------------------------------------------------------------------------------------------------

function isPlainObject(value: unknown): value is Record<string, unknown> {
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

const OPTIONAL_TEXT_FIELDS = ["container-title", "publisher", "URL", "language", "DOI", "note"] as const;

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

  for (const field of OPTIONAL_TEXT_FIELDS) {
    const value = raw[field];
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) continue;
    out[field] = value;
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

function shorten(value: string, max: number): string {
  const flat = value.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

type Candidate = { index: number; raw: unknown };

/** Validates candidates in order; ids must be unique within the file (missing ids are generated). */
function acceptCandidates(candidates: Candidate[], noun: "item" | "entry"): CslImportResult {
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

function tooManyEntry(total: number, noun: "item" | "entry"): CslSkipped {
  const plural = noun === "item" ? "items" : "entries";
  return {
    index: MAX_IMPORT_ITEMS,
    reason: `${plural} ${MAX_IMPORT_ITEMS + 1}–${total} (${total - MAX_IMPORT_ITEMS} in all) were not imported: one file may hold at most ${MAX_IMPORT_ITEMS.toLocaleString("en")} ${plural}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// CSL-JSON import / export
// ---------------------------------------------------------------------------------------------------------

/**
 * Reads a CSL-JSON file: a JSON array of items, or one item. Never throws: every item that cannot be
 * imported is reported in `skipped` with a reason ("item 3 (id "x"): missing title"). Problems with the
 * file as a whole are reported as a single skipped entry with index -1. At most MAX_IMPORT_ITEMS items are
 * read; the rest are reported as one skipped entry (index MAX_IMPORT_ITEMS).
 */
export function importCslJson(text: string): CslImportResult {
  const source = typeof text === "string" ? text.replace(/^\uFEFF/, "") : "";
  // File-level reasons are catalogue keys (msg); the reasons about single items stay technical English.
  if (source.trim() === "")
    return { items: [], skipped: [{ index: -1, reason: msg("sources.importReasons.fileEmpty") }] };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const bibTeX = /^\s*@\w+\s*[{(]/.test(source);
    const detail = error instanceof Error ? shorten(error.message, 120) : "";
    return {
      items: [],
      skipped: [
        {
          index: -1,
          reason: msg(bibTeX ? "sources.importReasons.notJsonBibTeX" : "sources.importReasons.notJson", {
            detail,
          }),
        },
      ],
    };
  }
  let list: unknown[];
  if (Array.isArray(data)) list = data;
  else if (isPlainObject(data)) list = [data];
  else {
    const kind = data === null ? "null" : typeof data;
    return {
      items: [],
      skipped: [{ index: -1, reason: msg("sources.importReasons.notItems", { kind }) }],
    };
  }
  const result = acceptCandidates(
    list.slice(0, MAX_IMPORT_ITEMS).map((raw, index) => ({ index, raw })),
    "item",
  );
  if (list.length > MAX_IMPORT_ITEMS) result.skipped.push(tooManyEntry(list.length, "item"));
  return result;
}

function orderedName(name: CslName): Record<string, string> {
  if ("literal" in name) return { literal: name.literal };
  const out: Record<string, string> = {};
  if (name.family !== undefined) out.family = name.family;
  if (name.given !== undefined) out.given = name.given;
  return out;
}

function orderedDate(date: CslDate): Record<string, unknown> {
  return "literal" in date ? { literal: date.literal } : { "date-parts": date["date-parts"] };
}

/** The item with keys in a fixed order and no undefined values. */
function orderedItem(item: CslItem): Record<string, unknown> {
  const out: Record<string, unknown> = { id: item.id, type: item.type, title: item.title };
  if (item.author !== undefined) out.author = item.author.map(orderedName);
  if (item.issued !== undefined) out.issued = orderedDate(item.issued);
  if (item["container-title"] !== undefined) out["container-title"] = item["container-title"];
  if (item.publisher !== undefined) out.publisher = item.publisher;
  if (item.URL !== undefined) out.URL = item.URL;
  if (item.accessed !== undefined) out.accessed = orderedDate(item.accessed);
  if (item.language !== undefined) out.language = item.language;
  if (item.DOI !== undefined) out.DOI = item.DOI;
  if (item.note !== undefined) out.note = item.note;
  if (item.custom !== undefined) {
    const custom: Record<string, unknown> = {};
    if (item.custom.reliability !== undefined) custom.reliability = item.custom.reliability;
    if (item.custom.confidentiality !== undefined) custom.confidentiality = item.custom.confidentiality;
    out.custom = custom;
  }
  return out;
}

/** CSL-JSON for the items: a JSON array, two-space indented, keys in a fixed order, ending with a newline. */
export function exportCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items.map(orderedItem), null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// BibTeX export
// ---------------------------------------------------------------------------------------------------------

const BIBTEX_TYPE: Partial<Record<CslType, string>> = {
  "article-journal": "article",
  book: "book",
  chapter: "incollection",
  report: "techreport",
  thesis: "phdthesis",
  webpage: "online",
  "post-weblog": "online",
};

/** The BibTeX entry type for a CSL type (anything not listed becomes @misc). */
export function bibTeXEntryType(type: CslType): string {
  return BIBTEX_TYPE[type] ?? "misc";
}

const LATEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  // BibTeX counts braces even when escaped as \{ \}, so these use brace-neutral commands.
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Escapes LaTeX specials in text for a BibTeX value; accented letters are kept as UTF-8. */
export function escapeLatex(value: string): string {
  return (
    value
      .replace(/[\\{}%&$#_~^]/g, (ch) => LATEX_SPECIALS[ch] ?? ch)
      // TeX ligatures would turn these into dashes and curly quotes; keep them as typed.
      .replace(/-(?=-)/g, "-{}")
      .replace(/`(?=`)/g, "`{}")
      .replace(/'(?=')/g, "'{}")
  );
}

/** URLs and DOIs are verbatim fields in BibTeX/biblatex: only braces and backslashes need protecting. */
function verbatimValue(value: string): string {
  return value.replace(/\{/g, "%7B").replace(/\}/g, "%7D").replace(/\\/g, "%5C");
}

function needsGroup(part: string): boolean {
  return /,|(^|\s)and(\s|$)/i.test(part);
}

function bibTeXName(name: CslName): string {
  if ("literal" in name) return `{${escapeLatex(name.literal)}}`;
  const family = name.family !== undefined ? escapeLatex(name.family) : undefined;
  const given = name.given !== undefined ? escapeLatex(name.given) : undefined;
  const group = (part: string) => (needsGroup(part) ? `{${part}}` : part);
  if (family !== undefined && given !== undefined) return `${group(family)}, ${group(given)}`;
  const only = (family ?? given ?? "").trim();
  // "Last," keeps a multi-word name whole as the family name.
  return /\s/.test(only) ? `${group(only)},` : group(only);
}

const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "le",
  "la",
  "les",
  "l",
  "un",
  "une",
  "des",
  "el",
  "los",
  "las",
  "der",
  "die",
  "das",
]);

function slug(value: string): string {
  return asciiFold(value)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

/** The year of an item's issued date (or a 4-digit year in a literal date), if any. */
export function issuedYear(item: Pick<CslItem, "issued">): number | undefined {
  if (!item.issued) return undefined;
  if ("literal" in item.issued) {
    const m = /\b(\d{4})\b/.exec(item.issued.literal);
    return m ? Number(m[1]) : undefined;
  }
  return item.issued["date-parts"][0]?.[0];
}

function baseCitationKey(item: CslItem): string {
  const first = item.author?.[0];
  let who = "";
  if (first) {
    if ("literal" in first) who = slug(first.literal.split(/\s+/).find((word) => slug(word) !== "") ?? "");
    else who = slug(first.family ?? first.given ?? "");
  }
  const year = issuedYear(item);
  const word =
    item.title
      .split(/[\s\-–—:;,.!?'’"“”«»()[\]/]+/)
      .map(slug)
      .find((w) => w !== "" && !STOP_WORDS.has(w)) ?? "";
  return `${who || "anon"}${year !== undefined ? String(Math.abs(year)) : "nd"}${word}`;
}

function letterSuffix(n: number): string {
  let out = "";
  let k = n;
  do {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return out;
}

/**
 * Citation keys: first author's family name (or an organisation's first word) + year + first title word
 * (skipping articles), ASCII lower case, e.g. "keita2021talking". When several items share a key, each gets
 * a letter in order: "smith2020peacea", "smith2020peaceb".
 */
export function citationKeys(items: readonly CslItem[]): string[] {
  const bases = items.map(baseCitationKey);
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  const used = new Set(bases.filter((base) => counts.get(base) === 1));
  const next = new Map<string, number>();
  return bases.map((base) => {
    if (counts.get(base) === 1) return base;
    let n = next.get(base) ?? 0;
    let key = base + letterSuffix(n);
    while (used.has(key)) key = base + letterSuffix(++n);
    next.set(base, n + 1);
    used.add(key);
    return key;
  });
}

const MONTH_MACROS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function isoDate(parts: CslDateParts): string {
  const [year, month, day] = parts;
  const pad = (n: number) => String(n).padStart(2, "0");
  let out = String(year).padStart(4, "0");
  if (month !== undefined) out += `-${pad(month)}`;
  if (month !== undefined && day !== undefined) out += `-${pad(day)}`;
  return out;
}

function bibTeXEntry(item: CslItem, key: string): string {
  const entryType = bibTeXEntryType(item.type);
  const fields: Array<[string, string]> = [];
  const braced = (value: string) => `{${value}}`;
  if (item.author && item.author.length > 0) {
    fields.push(["author", braced(item.author.map(bibTeXName).join(" and "))]);
  }
  // Double braces keep the title's capitals as written (styles would otherwise lower-case it).
  fields.push(["title", braced(braced(escapeLatex(item.title)))]);
  if (item["container-title"] !== undefined) {
    const field =
      entryType === "article" ? "journal" : entryType === "incollection" ? "booktitle" : "howpublished";
    fields.push([field, braced(escapeLatex(item["container-title"]))]);
  }
  if (item.publisher !== undefined) {
    const field =
      entryType === "techreport" ? "institution" : entryType === "phdthesis" ? "school" : "publisher";
    fields.push([field, braced(escapeLatex(item.publisher))]);
  }
  if (item.issued) {
    if ("literal" in item.issued) fields.push(["year", braced(escapeLatex(item.issued.literal))]);
    else {
      const [year, month] = item.issued["date-parts"][0];
      fields.push(["year", braced(String(year))]);
      if (month !== undefined) fields.push(["month", MONTH_MACROS[month - 1]]);
    }
  }
  if (item.URL !== undefined) fields.push(["url", braced(verbatimValue(item.URL))]);
  if (item.DOI !== undefined) fields.push(["doi", braced(verbatimValue(item.DOI))]);
  if (item.accessed) fields.push(["urldate", braced(isoDate(item.accessed["date-parts"][0]))]);
  if (item.language !== undefined) fields.push(["language", braced(escapeLatex(item.language))]);
  if (item.note !== undefined) fields.push(["note", braced(escapeLatex(item.note))]);
  // Keeps the CSL type when the entry type alone would not give it back (biblatex's subtype field).
  if (bibTeXToCslType(entryType, undefined) !== item.type) fields.push(["entrysubtype", braced(item.type)]);
  const body = fields.map(([name, value]) => `  ${name} = ${value}`).join(",\n");
  return `@${entryType}{${key},\n${body}\n}\n`;
}

/** BibTeX for the items, one entry each, separated by a blank line. */
export function toBibTeX(items: readonly CslItem[]): string {
  const keys = citationKeys(items);
  return items.map((item, i) => bibTeXEntry(item, keys[i])).join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// BibTeX import
// ---------------------------------------------------------------------------------------------------------

function bibTeXToCslType(entryType: string, subtype: string | undefined): CslType {
  const sub = subtype?.trim().toLowerCase();
  if (sub && (CSL_TYPES as readonly string[]).includes(sub)) return sub as CslType;
  switch (entryType) {
    case "article":
      if (sub === "magazine") return "article-magazine";
      if (sub === "newspaper") return "article-newspaper";
      return "article-journal";
    case "book":
    case "booklet":
    case "proceedings":
    case "mvbook":
      return "book";
    case "incollection":
    case "inbook":
    case "inproceedings":
    case "conference":
      return "chapter";
    case "techreport":
    case "report":
      return "report";
    case "phdthesis":
    case "mastersthesis":
    case "thesis":
      return "thesis";
    case "online":
    case "electronic":
    case "www":
      return "webpage";
    case "unpublished":
      return "manuscript";
    default:
      return "document";
  }
}

const ACCENT_MARKS: Record<string, string> = {
  "'": "\u0301",
  "`": "\u0300",
  "^": "\u0302",
  '"': "\u0308",
  "~": "\u0303",
  "=": "\u0304",
  ".": "\u0307",
  c: "\u0327",
  v: "\u030C",
  u: "\u0306",
  H: "\u030B",
  k: "\u0328",
  r: "\u030A",
  d: "\u0323",
  b: "\u0331",
};

const LATEX_SYMBOLS: Record<string, string> = {
  i: "ı",
  j: "ȷ",
  ss: "ß",
  o: "ø",
  O: "Ø",
  ae: "æ",
  AE: "Æ",
  oe: "œ",
  OE: "Œ",
  aa: "å",
  AA: "Å",
  l: "ł",
  L: "Ł",
  dh: "ð",
  DH: "Ð",
  th: "þ",
  TH: "Þ",
  textbackslash: "\\",
  textbraceleft: "{",
  textbraceright: "}",
  textasciitilde: "~",
  textasciicircum: "^",
  textunderscore: "_",
  textendash: "–",
  textemdash: "—",
  ldots: "…",
  dots: "…",
  textellipsis: "…",
  textquoteleft: "‘",
  textquoteright: "’",
  textquotedblleft: "“",
  textquotedblright: "”",
  guillemotleft: "«",
  guillemotright: "»",
  guillemetleft: "«",
  guillemetright: "»",
  textregistered: "®",
  copyright: "©",
  texttrademark: "™",
  textdegree: "°",
  euro: "€",
  texteuro: "€",
  pounds: "£",
  textdollar: "$",
  S: "§",
  P: "¶",
  LaTeX: "LaTeX",
  TeX: "TeX",
  relax: "",
  par: " ",
  newline: " ",
};

/** Index just past the group opened at `open` (src[open] === "{"), or -1 if it never closes. */
function groupEnd(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "{") depth++;
    else if (ch === "}") {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** Reads a macro argument at `pos`: a {group}, a control sequence or one character. */
function readArgument(src: string, pos: number): [string, number] {
  let i = pos;
  while (i < src.length && /\s/.test(src[i])) i++;
  if (src[i] === "{") {
    const end = groupEnd(src, i);
    if (end === -1) return [latexToText(src.slice(i + 1)), src.length];
    return [latexToText(src.slice(i + 1, end - 1)), end];
  }
  if (src[i] === "\\") {
    let j = i + 1;
    if (/[A-Za-z]/.test(src[j] ?? "")) while (j < src.length && /[A-Za-z]/.test(src[j])) j++;
    else j++;
    return [latexToText(src.slice(i, j)), j];
  }
  const ch = String.fromCodePoint(src.codePointAt(i) ?? 32);
  return i < src.length ? [ch, i + ch.length] : ["", i];
}

function applyAccent(arg: string, mark: string): string {
  if (arg === "") return "";
  const [first, ...rest] = Array.from(arg);
  const base = first === "ı" ? "i" : first === "ȷ" ? "j" : first;
  return base + mark + rest.join("");
}

/** Plain text from a BibTeX value: LaTeX accents and symbols decoded, braces and markup removed. */
export function latexToText(src: string): string {
  let out = "";
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === "\\") {
      const next = src[i + 1];
      if (next === undefined) break;
      if (/[A-Za-z]/.test(next)) {
        let j = i + 1;
        while (j < src.length && /[A-Za-z]/.test(src[j])) j++;
        const name = src.slice(i + 1, j);
        let k = j;
        while (k < src.length && /\s/.test(src[k])) k++;
        if (name in ACCENT_MARKS && name.length === 1) {
          const [arg, end] = readArgument(src, k);
          out += applyAccent(arg, ACCENT_MARKS[name]);
          i = end;
        } else if (name in LATEX_SYMBOLS) {
          out += LATEX_SYMBOLS[name];
          i = src.startsWith("{}", k) ? k + 2 : k;
        } else if (name === "href") {
          const [, urlEnd] = readArgument(src, k);
          const [label, end] = readArgument(src, urlEnd);
          out += label;
          i = end;
        } else {
          // Formatting commands (\emph, \textit, \url, \mkbibquote …): keep their argument's text.
          i = k;
        }
        continue;
      }
      if (next in ACCENT_MARKS) {
        const [arg, end] = readArgument(src, i + 2);
        out += applyAccent(arg, ACCENT_MARKS[next]);
        i = end;
        continue;
      }
      out += next === "\\" || next === "," || /\s/.test(next) ? " " : next;
      i += 2;
      continue;
    }
    if (ch === "{" || ch === "}" || ch === "$") {
      i++;
      continue;
    }
    if (ch === "~") out += " ";
    else if (src.startsWith("---", i)) {
      out += "—";
      i += 3;
      continue;
    } else if (src.startsWith("--", i)) {
      out += "–";
      i += 2;
      continue;
    } else if (src.startsWith("``", i)) {
      out += "“";
      i += 2;
      continue;
    } else if (src.startsWith("''", i)) {
      out += "”";
      i += 2;
      continue;
    } else out += ch;
    i++;
  }
  return out.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** Splits at depth-0 matches of `separator` (a sticky regex). */
function splitTopLevel(src: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "{") depth++;
    else if (ch === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      separator.lastIndex = i;
      const m = separator.exec(src);
      if (m) {
        parts.push(src.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  parts.push(src.slice(start));
  return parts;
}

function isSingleGroup(value: string): boolean {
  return value.startsWith("{") && groupEnd(value, 0) === value.length;
}

function startsLowerCase(token: string): boolean {
  const first = Array.from(latexToText(token)).find((c) => /\p{L}/u.test(c));
  return first !== undefined && first === first.toLowerCase() && first !== first.toUpperCase();
}

function nameFromParts(family: string, given: string): CslName | null {
  const f = latexToText(family);
  const g = latexToText(given);
  if (f === "" && g === "") return null;
  const out: { family?: string; given?: string } = {};
  if (f !== "") out.family = f;
  if (g !== "") out.given = g;
  return out;
}

/** One BibTeX name: "{Organisation}", "von Last, First", "von Last, Jr, First" or "First von Last". */
function parseBibTeXName(raw: string): CslName | null {
  const value = raw.trim();
  if (value === "" || value.toLowerCase() === "others") return null;
  if (isSingleGroup(value)) {
    const literal = latexToText(value);
    return literal === "" ? null : { literal };
  }
  const parts = splitTopLevel(value, /,/y).map((part) => part.trim());
  if (parts.length >= 3) return nameFromParts(`${parts[0]} ${parts[1]}`, parts.slice(2).join(" "));
  if (parts.length === 2) return nameFromParts(parts[0], parts[1]);
  const tokens = splitTopLevel(value, /\s+/y).filter((t) => t !== "");
  if (tokens.length === 1) return nameFromParts(tokens[0], "");
  const von = tokens.findIndex((token, i) => i < tokens.length - 1 && startsLowerCase(token));
  const split = von === -1 ? tokens.length - 1 : von;
  return nameFromParts(tokens.slice(split).join(" "), tokens.slice(0, split).join(" "));
}

function parseBibTeXNames(raw: string): CslName[] {
  return splitTopLevel(raw, /\s+and\s+/iy)
    .map(parseBibTeXName)
    .filter((name): name is CslName => name !== null);
}

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

function parseMonth(value: string): number | undefined {
  const v = value.trim().toLowerCase().replace(/\.$/, "");
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const index = MONTH_NAMES.findIndex((name) => v.length >= 3 && name.startsWith(v));
  return index === -1 ? undefined : index + 1;
}

type BibTeXEntry = { index: number; type: string; key: string; fields: Map<string, string> };
type BibTeXProblem = { index: number; key?: string; reason: string };

class BibTeXSyntaxError extends Error {}

/** A tolerant BibTeX reader: @string macros, braced/quoted/number/macro values joined with #, % comments. */
function readBibTeX(src: string): { entries: BibTeXEntry[]; problems: BibTeXProblem[]; total: number } {
  const entries: BibTeXEntry[] = [];
  const problems: BibTeXProblem[] = [];
  const macros = new Map<string, string>(MONTH_MACROS.map((m, i) => [m, String(i + 1)]));
  let pos = 0;
  let index = 0;

  const skipSpace = () => {
    while (pos < src.length) {
      if (/\s/.test(src[pos])) pos++;
      else if (src[pos] === "%") {
        const eol = src.indexOf("\n", pos);
        pos = eol === -1 ? src.length : eol + 1;
      } else break;
    }
  };
  const readIdentifier = (): string => {
    const m = /[^\s"#%'(),={}]+/y;
    m.lastIndex = pos;
    const found = m.exec(src);
    if (!found) return "";
    pos += found[0].length;
    return found[0];
  };
  const readBraced = (): string => {
    const end = groupEnd(src, pos);
    if (end === -1) throw new BibTeXSyntaxError("a { is never closed");
    const inner = src.slice(pos + 1, end - 1);
    pos = end;
    return inner;
  };
  const readQuoted = (): string => {
    let depth = 0;
    for (let i = pos + 1; i < src.length; i++) {
      const ch = src[i];
      if (ch === "\\") i++;
      else if (ch === "{") depth++;
      else if (ch === "}") depth--;
      else if (ch === '"' && depth === 0) {
        const inner = src.slice(pos + 1, i);
        pos = i + 1;
        return inner;
      }
    }
    throw new BibTeXSyntaxError('a " is never closed');
  };
  const readValue = (field: string): string => {
    let value = "";
    for (;;) {
      skipSpace();
      const ch = src[pos];
      if (ch === "{") value += readBraced();
      else if (ch === '"') value += readQuoted();
      else if (ch !== undefined && /\d/.test(ch)) value += readIdentifier();
      else {
        const name = readIdentifier();
        if (name === "") throw new BibTeXSyntaxError(`field "${field}" has no value`);
        value += macros.get(name.toLowerCase()) ?? "";
      }
      skipSpace();
      if (src[pos] !== "#") return value;
      pos++;
    }
  };
  const expect = (ch: string, what: string) => {
    skipSpace();
    if (src[pos] !== ch) {
      const found = pos >= src.length ? "the end of the file" : `"${src[pos]}"`;
      throw new BibTeXSyntaxError(`expected ${what} but found ${found}`);
    }
    pos++;
  };

  while (pos < src.length) {
    const at = src.indexOf("@", pos);
    if (at === -1) break;
    pos = at + 1;
    skipSpace();
    const type = readIdentifier().toLowerCase();
    skipSpace();
    const open = src[pos];
    if (type === "" || (open !== "{" && open !== "(")) continue;
    const close = open === "{" ? "}" : ")";
    if (type === "comment" || type === "preamble") {
      const end = open === "{" ? groupEnd(src, pos) : src.indexOf(")", pos) + 1;
      pos = end <= 0 ? src.length : end;
      continue;
    }
    pos++;
    if (type === "string") {
      try {
        skipSpace();
        const name = readIdentifier();
        expect("=", `"=" after @string name`);
        const value = readValue(name);
        expect(close, `"${close}" closing the @string`);
        if (name !== "") macros.set(name.toLowerCase(), value);
      } catch {
        // A broken @string only loses that macro.
      }
      continue;
    }
    const entryIndex = index++;
    let key = "";
    try {
      skipSpace();
      const keyMatch = /[^\s,{}()]*/y;
      keyMatch.lastIndex = pos;
      key = keyMatch.exec(src)?.[0] ?? "";
      pos += key.length;
      const fields = new Map<string, string>();
      for (;;) {
        skipSpace();
        if (src[pos] === close) {
          pos++;
          break;
        }
        expect(",", `"," or "${close}" after ${fields.size === 0 ? "the citation key" : "a field"}`);
        skipSpace();
        if (src[pos] === close) {
          pos++;
          break;
        }
        const name = readIdentifier().toLowerCase();
        if (name === "") throw new BibTeXSyntaxError(`expected a field name but found "${src[pos] ?? ""}"`);
        expect("=", `"=" after field "${name}"`);
        const value = readValue(name);
        if (!fields.has(name)) fields.set(name, value);
      }
      entries.push({ index: entryIndex, type, key, fields });
    } catch (error) {
      const reason = error instanceof BibTeXSyntaxError ? error.message : "unreadable entry";
      problems.push({ index: entryIndex, ...(key !== "" && { key }), reason });
      // Resynchronise at the next line, after this entry's "@", that starts an entry.
      const nextEntry = /\n[ \t]*@/g;
      nextEntry.lastIndex = at + 1;
      const m = nextEntry.exec(src);
      pos = m ? m.index + 1 : src.length;
    }
  }
  return { entries, problems, total: index };
}

function verbatimFromBibTeX(raw: string): string {
  let value = raw.trim();
  const wrapped = /^\\(?:url|path|nolinkurl)\s*\{([\s\S]*)\}$/.exec(value);
  if (wrapped) value = wrapped[1];
  return value
    .replace(/\\([%&#_~$])/g, "$1")
    .replace(/[{}]/g, "")
    .replace(/\s+/g, "");
}

function isoToDateParts(value: string): number[] | undefined {
  return parseIsoDate(value) ?? undefined;
}

function bibTeXIssued(fields: Map<string, string>): unknown {
  const date = fields.get("date");
  if (date !== undefined) {
    const [start, end] = latexToText(date).split("/");
    const first = isoToDateParts(start ?? "");
    if (first) {
      const second = end !== undefined ? isoToDateParts(end) : undefined;
      return { "date-parts": second ? [first, second] : [first] };
    }
    if (latexToText(date) !== "") return { literal: latexToText(date) };
  }
  const yearRaw = fields.get("year");
  if (yearRaw === undefined) return undefined;
  const year = latexToText(yearRaw);
  if (year === "") return undefined;
  if (!/^-?\d{1,4}$/.test(year)) return { literal: year };
  const parts: number[] = [Number(year)];
  const month = fields.has("month") ? parseMonth(latexToText(fields.get("month") ?? "")) : undefined;
  if (month !== undefined) {
    parts.push(month);
    const day = latexToText(fields.get("day") ?? "");
    if (/^\d{1,2}$/.test(day)) parts.push(Number(day));
  }
  return { "date-parts": [parts] };
}

/** A CSL-JSON-shaped object from a BibTeX entry; validation happens afterwards, as for CSL-JSON. */
function bibTeXEntryToRaw(entry: BibTeXEntry): Record<string, unknown> {
  const f = entry.fields;
  const plain = (name: string) => {
    const value = f.get(name);
    if (value === undefined) return undefined;
    const t = latexToText(value);
    return t === "" ? undefined : t;
  };
  const raw: Record<string, unknown> = {
    type: bibTeXToCslType(entry.type, plain("entrysubtype")),
  };
  if (entry.key !== "") raw.id = entry.key;
  const title = plain("title");
  if (title !== undefined) raw.title = title;
  const author = f.get("author");
  if (author !== undefined) {
    const names = parseBibTeXNames(author);
    if (names.length > 0) raw.author = names;
  }
  const issued = bibTeXIssued(f);
  if (issued !== undefined) raw.issued = issued;

  let url = f.get("url") !== undefined ? verbatimFromBibTeX(f.get("url") ?? "") : undefined;
  let howpublished: string | undefined = f.get("howpublished");
  if (howpublished !== undefined && /^\s*\\url\s*\{/.test(howpublished)) {
    url ??= verbatimFromBibTeX(howpublished);
    howpublished = undefined;
  }
  const container =
    plain("journal") ??
    plain("journaltitle") ??
    plain("booktitle") ??
    (howpublished !== undefined ? latexToText(howpublished) || undefined : undefined);
  if (container !== undefined) raw["container-title"] = container;
  const publisher = plain("publisher") ?? plain("institution") ?? plain("school") ?? plain("organization");
  if (publisher !== undefined) raw.publisher = publisher;
  if (url) raw.URL = url;
  const doi = f.get("doi") !== undefined ? verbatimFromBibTeX(f.get("doi") ?? "") : "";
  if (doi !== "") raw.DOI = doi;
  const urldate = plain("urldate");
  if (urldate !== undefined) {
    const parts = isoToDateParts(urldate);
    raw.accessed = parts ? { "date-parts": [parts] } : { literal: urldate };
  }
  const language = plain("language") ?? plain("langid");
  if (language !== undefined) raw.language = language;
  const note = plain("note");
  if (note !== undefined) raw.note = note;
  return raw;
}

/**
 * Reads BibTeX (what `toBibTeX` writes, and common hand-written files). Never throws: entries that cannot be
 * read or lack what a source needs (a title) are reported in `skipped`, with index = the entry's 0-based
 * position among the file's entries (@string, @comment and @preamble are not counted); -1 for the whole
 * file. The citation key becomes the item id.
 */
export function fromBibTeX(text: string): CslImportResult {
  const source = typeof text === "string" ? text.replace(/^\uFEFF/, "") : "";
  if (source.trim() === "") return { items: [], skipped: [{ index: -1, reason: "the file is empty" }] };
  const { entries, problems, total } = readBibTeX(source);
  if (total === 0) {
    const hint = /^\s*[[{]/.test(source) ? " It looks like JSON; import it as CSL-JSON instead." : "";
    return {
      items: [],
      skipped: [
        { index: -1, reason: `no BibTeX entries found (an entry starts like @article{key, …).${hint}` },
      ],
    };
  }
  const candidates: Candidate[] = entries
    .filter((entry) => entry.index < MAX_IMPORT_ITEMS)
    .map((entry) => ({ index: entry.index, raw: bibTeXEntryToRaw(entry) }));
  const result = acceptCandidates(candidates, "entry");
  for (const problem of problems) {
    if (problem.index >= MAX_IMPORT_ITEMS) continue;
    const where = problem.key
      ? `entry ${problem.index + 1} (key "${problem.key}")`
      : `entry ${problem.index + 1}`;
    result.skipped.push({
      index: problem.index,
      ...(problem.key !== undefined && { id: problem.key }),
      reason: `${where}: cannot be read: ${problem.reason}`,
    });
  }
  result.skipped.sort((a, b) => a.index - b.index);
  if (total > MAX_IMPORT_ITEMS) result.skipped.push(tooManyEntry(total, "entry"));
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Plain-text reference
// ---------------------------------------------------------------------------------------------------------

function initials(given: string): string {
  return given
    .split(/\s+/)
    .filter((word) => /\p{L}/u.test(word))
    .map((word) =>
      word
        .split("-")
        .filter((part) => /\p{L}/u.test(part))
        .map((part) => `${Array.from(part).find((c) => /\p{L}/u.test(c))}.`)
        .join("-"),
    )
    .join(" ");
}

function referenceName(name: CslName): string {
  if ("literal" in name) return name.literal;
  if (name.family !== undefined && name.given !== undefined) return `${name.family}, ${initials(name.given)}`;
  return name.family ?? name.given ?? "";
}

const MAX_REFERENCE_AUTHORS = 3;

function referenceAuthors(names: readonly CslName[]): string {
  const listed = names.slice(0, MAX_REFERENCE_AUTHORS).map(referenceName);
  if (names.length > MAX_REFERENCE_AUTHORS) return `${listed.join(", ")}, et al.`;
  if (listed.length <= 1) return listed.join("");
  return `${listed.slice(0, -1).join(", ")}, & ${listed[listed.length - 1]}`;
}

function referenceYear(item: CslItem): string {
  if (!item.issued) return "n.d.";
  if ("literal" in item.issued) return item.issued.literal;
  const [start, end] = item.issued["date-parts"];
  if (end !== undefined && end[0] !== start[0]) return `${start[0]}–${end[0]}`;
  return String(start[0]);
}

function sentence(value: string): string {
  const trimmed = value.trim();
  return /[.?!…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * A short plain-text reference, APA-like: `Keïta, N., & Crisis Group (2021). Title. Container. Publisher. URL`.
 * Without authors the title leads: `Title (2021). …`. Up to three authors, then "et al.". The publisher is
 * left out when it repeats the container or the only (organisation) author. Falls back to a doi.org link when
 * there is no URL. Plain text: the caller escapes it for HTML.
 */
export function formatReference(item: CslItem): string {
  const parts: string[] = [];
  const year = `(${referenceYear(item)})`;
  const authors = item.author && item.author.length > 0 ? referenceAuthors(item.author) : "";
  if (authors !== "") {
    parts.push(`${authors} ${year}.`, sentence(item.title));
  } else {
    parts.push(`${item.title.replace(/[.]$/, "")} ${year}.`);
  }
  const container = item["container-title"];
  if (container !== undefined) parts.push(sentence(container));
  const onlyAuthor =
    item.author?.length === 1 && "literal" in item.author[0] ? item.author[0].literal : undefined;
  if (item.publisher !== undefined && item.publisher !== container && item.publisher !== onlyAuthor) {
    parts.push(sentence(item.publisher));
  }
  const link = referenceLink(item);
  if (link !== undefined) parts.push(link);
  return parts.join(" ").replace(/\s+/g, " ").trim();
}
