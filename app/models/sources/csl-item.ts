// The subset of CSL-JSON the casebook stores for a source: its types, its zod schema and the shapes of
// names and dates. Browser-safe (the source forms use it); the readers and writers of each interchange format
// live beside it (csl-json.ts, bibtex.ts, ris.ts), formatting in references.server.ts.
//
// CSL-JSON is the interchange format of Zotero and Pandoc (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html).
// We keep a subset of its fields; everything else in an imported item is dropped.
import { z } from "zod";

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

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

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

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

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
    editor: z.array(nameSchema, { error: "editor must be a list of names" }).optional(),
    issued: issuedSchema.optional(),
    "container-title": text("container-title", 1000).optional(),
    volume: text("volume", 100).optional(),
    issue: text("issue", 100).optional(),
    page: text("page", 100).optional(),
    edition: text("edition", 100).optional(),
    number: text("number", 200).optional(),
    genre: text("genre", 500).optional(),
    publisher: text("publisher", 1000).optional(),
    "publisher-place": text("publisher-place", 500).optional(),
    URL: text("URL", 2048)
      .refine(isHttpUrl, { error: "URL must be a web address starting with http:// or https://" })
      .optional(),
    accessed: accessedSchema.optional(),
    language: text("language", 100).optional(),
    DOI: text("DOI", 300)
      .overwrite((value) => value.replace(DOI_PREFIX, "").trim())
      .refine((value) => /^10\.[0-9.]+\/\S+$/.test(value), { error: "DOI must look like 10.1234/abc" })
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

/** The text fields beside title, in the order exports write them (numbers are stored as text). */
export const CSL_TEXT_FIELDS = [
  "container-title",
  "volume",
  "issue",
  "page",
  "edition",
  "number",
  "genre",
  "publisher",
  "publisher-place",
  "URL",
  "language",
  "DOI",
  "note",
] as const;
export type CslTextField = (typeof CSL_TEXT_FIELDS)[number];

/** A source as stored (the output of `cslItemSchema`). */
export type CslItem = z.output<typeof cslItemSchema>;
/** What `cslItemSchema` accepts (before trimming and normalising). */
export type CslItemInput = z.input<typeof cslItemSchema>;

/** An item or entry that was not imported. `index` is its 0-based position in the file (-1: the whole file). */
export type CslSkipped = { index: number; id?: string; title?: string; reason: string };
export type CslImportResult = { items: CslItem[]; skipped: CslSkipped[] };

/** The year of an item's issued date (or a 4-digit year in a literal date), if any. */
export function issuedYear(item: Pick<CslItem, "issued">): number | undefined {
  if (!item.issued) return undefined;
  if ("literal" in item.issued) {
    const m = /\b(\d{4})\b/.exec(item.issued.literal);
    return m ? Number(m[1]) : undefined;
  }
  return item.issued["date-parts"][0]?.[0];
}
