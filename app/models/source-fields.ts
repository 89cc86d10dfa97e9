// The source form: one zod schema turning what a person types into a CSL item (used by the create and
// edit actions), the reverse (a stored item back into form text), and the words shown for CSL types.
import { z } from "zod";
import { SOURCE_TYPE_LABELS } from "~/models/source-types";
import {
  CONFIDENTIALITY_LEVELS,
  CSL_TYPES,
  type CslDate,
  type CslDateParts,
  type CslItem,
  type CslName,
  cslItemSchema,
  MAX_TITLE_LENGTH,
  RELIABILITY_LEVELS,
} from "~/models/sources/csl-item";
import { authorLines, formatAuthorLine, parseAuthorLine } from "~/rules/authors";
import { daysInMonth, parseIsoDate } from "~/rules/dates";
import { AUTHOR_MAX, MAX_AUTHORS } from "~/rules/limits";
import { isDoi, isHttpUrl } from "~/rules/links";
import { asMessage, msg } from "~/utils/messages";

/** Largest CSL-JSON file one import accepts (a Zotero library of several thousand items). */
export { MAX_SOURCE_IMPORT_BYTES as MAX_IMPORT_BYTES } from "~/utils/upload-limits";
// The words for types, reliability and confidentiality are in the catalogues (sources.types.*, …).
export { SOURCE_TYPE_LABELS };

/** A stored item as the form's text fields (the inverse of `sourceFormSchema`). */
export type SourceFormValues = Record<
  | "type"
  | "title"
  | "authors"
  | "editors"
  | "issued"
  | "container"
  | "volume"
  | "issue"
  | "page"
  | "edition"
  | "number"
  | "genre"
  | "publisher"
  | "place"
  | "url"
  | "accessed"
  | "language"
  | "doi"
  | "note"
  | "reliability"
  | "confidentiality",
  string
>;

function pad(n: number) {
  return String(n).padStart(2, "0");
}

function formatDateParts(parts: CslDateParts): string {
  const [year, month, day] = parts;
  let out = String(year);
  if (month !== undefined) out += `-${pad(month)}`;
  if (month !== undefined && day !== undefined) out += `-${pad(day)}`;
  return out;
}

/** "2021", "2021-05-03", "2019/2020" (a range), or a literal date as written ("c. 2020"). */
export function formatIssued(date: CslDate): string {
  if ("literal" in date) return date.literal;
  return date["date-parts"].map(formatDateParts).join("/");
}

export function sourceFormValues(item: CslItem): SourceFormValues {
  return {
    type: item.type,
    title: item.title,
    authors: (item.author ?? []).map(formatAuthorLine).join("\n"),
    editors: (item.editor ?? []).map(formatAuthorLine).join("\n"),
    issued: item.issued ? formatIssued(item.issued) : "",
    container: item["container-title"] ?? "",
    volume: item.volume ?? "",
    issue: item.issue ?? "",
    page: item.page ?? "",
    edition: item.edition ?? "",
    number: item.number ?? "",
    genre: item.genre ?? "",
    publisher: item.publisher ?? "",
    place: item["publisher-place"] ?? "",
    url: item.URL ?? "",
    accessed: item.accessed ? formatIssued(item.accessed) : "",
    language: item.language ?? "",
    doi: item.DOI ?? "",
    note: item.note ?? "",
    reliability: item.custom?.reliability ?? "unknown",
    confidentiality: item.custom?.confidentiality ?? "public",
  };
}

export const EMPTY_SOURCE_VALUES: SourceFormValues = {
  type: "report",
  title: "",
  authors: "",
  editors: "",
  issued: "",
  container: "",
  volume: "",
  issue: "",
  page: "",
  edition: "",
  number: "",
  genre: "",
  publisher: "",
  place: "",
  url: "",
  accessed: "",
  language: "",
  doi: "",
  note: "",
  reliability: "unknown",
  confidentiality: "public",
};

/** Why a [year, month, day] is not a calendar date, or null when it is one. */
function dateProblem(parts: number[]): string | null {
  const [year, month, day] = parts;
  if (year < -9999 || year > 9999) return msg("sources.errors.yearOutOfRange");
  if (month !== undefined && (month < 1 || month > 12)) return msg("sources.errors.monthOutOfRange");
  if (day !== undefined && month !== undefined) {
    if (day < 1 || day > daysInMonth(year, month)) return msg("sources.errors.dayOutOfRange");
  }
  return null;
}

const DATE_LIKE = /^[\d\s\-/.]+$/;
const ISSUED_HINT = msg("sources.errors.issuedInvalid");

type TooLongKey =
  | "sources.errors.containerTooLong"
  | "sources.errors.publisherTooLong"
  | "sources.errors.urlTooLong"
  | "sources.errors.languageTooLong"
  | "sources.errors.doiTooLong"
  | "sources.errors.noteTooLong"
  | "sources.errors.textTooLong";

function optionalText(max: number, tooLong: TooLongKey) {
  return z
    .string()
    .optional()
    .transform((value) => (value ?? "").trim())
    .pipe(z.string().max(max, msg(tooLong, { max })))
    .transform((value) => (value === "" ? undefined : value));
}

// Paths of cslItemSchema issues → the form field the message belongs next to.
const FIELD_OF: Record<string, keyof SourceFormValues> = {
  type: "type",
  title: "title",
  author: "authors",
  editor: "editors",
  issued: "issued",
  "container-title": "container",
  volume: "volume",
  issue: "issue",
  page: "page",
  edition: "edition",
  number: "number",
  genre: "genre",
  publisher: "publisher",
  "publisher-place": "place",
  URL: "url",
  accessed: "accessed",
  language: "language",
  DOI: "doi",
  note: "note",
  custom: "reliability",
};

/** One name per line: "Family, Given" for a person, the name alone for an organisation. */
function namesField() {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const lines = authorLines(value ?? "");
      if (lines.length > MAX_AUTHORS) {
        ctx.addIssue({
          code: "custom",
          message: msg("sources.errors.tooManyAuthors", { max: MAX_AUTHORS }),
        });
        return z.NEVER;
      }
      const names: CslName[] = [];
      for (const line of lines) {
        if (line.length > AUTHOR_MAX) {
          ctx.addIssue({ code: "custom", message: msg("sources.errors.authorTooLong", { max: AUTHOR_MAX }) });
          return z.NEVER;
        }
        const name = parseAuthorLine(line);
        if (!name) {
          ctx.addIssue({ code: "custom", message: msg("sources.errors.authorNoName", { line }) });
          return z.NEVER;
        }
        names.push(name);
      }
      return names.length > 0 ? names : undefined;
    });
}

export const sourceFormSchema = z
  .object({
    type: z.enum(CSL_TYPES, { error: msg("sources.errors.typeRequired") }),
    title: z
      .string({ error: msg("sources.errors.titleRequired") })
      .trim()
      .min(1, msg("sources.errors.titleRequired"))
      .max(MAX_TITLE_LENGTH, msg("sources.errors.titleTooLong", { max: MAX_TITLE_LENGTH })),
    authors: namesField(),
    editors: namesField(),
    issued: z
      .string()
      .optional()
      .transform((value, ctx): CslDate | undefined => {
        const text = (value ?? "").trim();
        if (text === "") return undefined;
        const ends = text.split("/");
        const dates = ends.length <= 2 ? ends.map(parseIsoDate) : [null];
        if (dates.every((d) => d !== null)) {
          const problem = dates.map(dateProblem).find((p) => p !== null);
          if (problem) {
            ctx.addIssue({ code: "custom", message: problem });
            return z.NEVER;
          }
          return { "date-parts": dates as CslDateParts[] };
        }
        if (DATE_LIKE.test(text)) {
          ctx.addIssue({ code: "custom", message: ISSUED_HINT });
          return z.NEVER;
        }
        if (text.length > 200) {
          ctx.addIssue({ code: "custom", message: msg("sources.errors.dateTooLong", { max: 200 }) });
          return z.NEVER;
        }
        // Kept as written ("c. 2020", "before the 2022 coups"): some sources give no exact date.
        return { literal: text };
      }),
    container: optionalText(1000, "sources.errors.containerTooLong"),
    volume: optionalText(100, "sources.errors.textTooLong"),
    issue: optionalText(100, "sources.errors.textTooLong"),
    page: optionalText(100, "sources.errors.textTooLong"),
    edition: optionalText(100, "sources.errors.textTooLong"),
    number: optionalText(200, "sources.errors.textTooLong"),
    genre: optionalText(500, "sources.errors.textTooLong"),
    publisher: optionalText(1000, "sources.errors.publisherTooLong"),
    place: optionalText(500, "sources.errors.textTooLong"),
    url: optionalText(2048, "sources.errors.urlTooLong").refine(
      (value) => value === undefined || isHttpUrl(value),
      { message: msg("sources.errors.urlInvalid") },
    ),
    accessed: z
      .string()
      .optional()
      .transform((value, ctx) => {
        const text = (value ?? "").trim();
        if (text === "") return undefined;
        const parts = parseIsoDate(text);
        if (!parts) {
          ctx.addIssue({ code: "custom", message: msg("sources.errors.accessedInvalid") });
          return z.NEVER;
        }
        const problem = dateProblem(parts);
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem });
          return z.NEVER;
        }
        return { "date-parts": [parts as CslDateParts] };
      }),
    language: optionalText(100, "sources.errors.languageTooLong"),
    doi: optionalText(300, "sources.errors.doiTooLong").refine(
      (value) => value === undefined || isDoi(value),
      { message: msg("sources.errors.doiInvalid") },
    ),
    note: optionalText(20_000, "sources.errors.noteTooLong"),
    reliability: z
      .enum(RELIABILITY_LEVELS, { error: msg("sources.errors.reliabilityRequired") })
      .optional()
      .default("unknown"),
    confidentiality: z
      .enum(CONFIDENTIALITY_LEVELS, { error: msg("sources.errors.confidentialityRequired") })
      .optional()
      .default("public"),
  })
  .transform((form, ctx): Omit<CslItem, "id"> => {
    const input: Record<string, unknown> = {
      // The id is replaced by the server's own when the source is stored.
      id: "form",
      type: form.type,
      title: form.title,
      author: form.authors,
      editor: form.editors,
      issued: form.issued,
      "container-title": form.container,
      volume: form.volume,
      issue: form.issue,
      page: form.page,
      edition: form.edition,
      number: form.number,
      genre: form.genre,
      publisher: form.publisher,
      "publisher-place": form.place,
      URL: form.url,
      accessed: form.accessed,
      language: form.language,
      DOI: form.doi,
      note: form.note,
      custom: { reliability: form.reliability, confidentiality: form.confidentiality },
    };
    for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
    // The interchange schema has the last word, so a form can never store what an export could not write.
    const parsed = cslItemSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = FIELD_OF[String(issue.path[0])] ?? "title";
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: asMessage(issue.message, msg("errors.invalidValue")),
        });
      }
      return z.NEVER;
    }
    const { id: _id, ...item } = parsed.data;
    return item;
  });
