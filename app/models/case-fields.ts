// The structured fields of a case: one zod schema used by the form (client) and the action (server).
import { z } from "zod";

const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

const lines = (max: number, each: number, label: string) =>
  z
    .string()
    .max(max * (each + 2), `Too long: keep ${label} under ${max} lines.`)
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(each, `Each line of ${label} must be under ${each} characters.`))
        .max(max, `At most ${max} ${label}.`),
    );

const optionalYear = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const year = Number(value);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      ctx.addIssue({
        code: "custom",
        message: `Enter a year between ${MIN_YEAR} and ${MAX_YEAR}, or leave it empty.`,
      });
      return z.NEVER;
    }
    return year;
  });

/** Languages offered in the case form; any other BCP 47 tag can be typed in "Other". */
export const CASE_LANGUAGES = [
  { tag: "en", label: "English" },
  { tag: "fr", label: "French (français)" },
  { tag: "ar", label: "Arabic (العربية)" },
  { tag: "es", label: "Spanish (español)" },
  { tag: "pt", label: "Portuguese (português)" },
  { tag: "ru", label: "Russian (русский)" },
  { tag: "fa", label: "Persian (فارسی)" },
  { tag: "ps", label: "Pashto (پښتو)" },
  { tag: "ur", label: "Urdu (اردو)" },
  { tag: "he", label: "Hebrew (עברית)" },
  { tag: "so", label: "Somali (Soomaali)" },
  { tag: "ha", label: "Hausa" },
  { tag: "sw", label: "Swahili (Kiswahili)" },
  { tag: "tr", label: "Turkish (Türkçe)" },
] as const;

export const OTHER_LANGUAGE = "other";

/** A well-formed BCP 47 tag ("en", "ar-SY", "zh-Hant"), in its canonical case, or null. */
export function canonicalLanguageTag(value: string): string | null {
  const trimmed = value.trim();
  // language, optional script, region or variants: what a case's text can be written in.
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(trimmed)) return null;
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? null;
  } catch {
    return null;
  }
}

/** The name of a case's language in English ("Arabic"), or the tag itself when unknown. */
export function languageName(tag: string): string {
  const known = CASE_LANGUAGES.find((language) => language.tag === tag);
  if (known) return known.label.replace(/ \(.*\)$/, "");
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");

export const caseFieldsSchema = z
  .object({
    title: z
      .string()
      .trim()
      .min(3, "Give the case a title of at least 3 characters.")
      .max(200, "Keep the title under 200 characters."),
    regions: z
      .string()
      .max(1000, "Too many countries or regions.")
      .transform((value) =>
        value
          .split(/[,;\n]/)
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().max(100, "Each country or region must be under 100 characters."))
          .min(1, "Name at least one country or region.")
          .max(20, "At most 20 countries or regions."),
      ),
    periodStart: optionalYear,
    periodStartCirca: checkbox,
    periodEnd: optionalYear,
    periodEndCirca: checkbox,
    actors: lines(50, 300, "actors"),
    mediators: lines(50, 300, "mediators"),
    summary: z.string().trim().max(500, "Keep the summary to one line (under 500 characters)."),
    // Absent from a post: the case keeps its language (the form always sends it).
    language: z.string().max(40).optional(),
    languageOther: z.string().max(40).optional(),
  })
  .superRefine((fields, ctx) => {
    if (fields.language === OTHER_LANGUAGE && canonicalLanguageTag(fields.languageOther ?? "") === null) {
      ctx.addIssue({
        code: "custom",
        path: ["languageOther"],
        message: "Type a language tag such as “tzm” (Tamazight) or “ar-SY” (Syrian Arabic).",
      });
    } else if (
      fields.language !== undefined &&
      fields.language !== OTHER_LANGUAGE &&
      canonicalLanguageTag(fields.language) === null
    ) {
      ctx.addIssue({ code: "custom", path: ["language"], message: "Choose a language from the list." });
    }
    if (fields.periodStart !== null && fields.periodEnd !== null && fields.periodEnd < fields.periodStart) {
      ctx.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "The end year cannot be before the start year.",
      });
    }
  })
  // "Other" is resolved to the typed tag; no language in the post keeps the stored one.
  .transform(({ language, languageOther: _other, ...fields }): typeof fields & { language?: string } => {
    if (language === undefined) return fields;
    const tag = canonicalLanguageTag(language === OTHER_LANGUAGE ? (_other ?? "") : language);
    return tag === null ? fields : { ...fields, language: tag };
  });

export type CaseFields = z.output<typeof caseFieldsSchema>;

export type Period = {
  periodStart: number | null;
  periodStartCirca: boolean;
  periodEnd: number | null;
  periodEndCirca: boolean;
};

/** "2009–2011", "c. 2020", "2012–", "–1997", "Period not set". */
export function formatPeriod(period: Period): string {
  const start =
    period.periodStart === null ? null : `${period.periodStartCirca ? "c. " : ""}${period.periodStart}`;
  const end = period.periodEnd === null ? null : `${period.periodEndCirca ? "c. " : ""}${period.periodEnd}`;
  if (start === null && end === null) return "Period not set";
  if (start !== null && end !== null) return start === end ? start : `${start}–${end}`;
  if (start !== null) return `${start}– (open)`;
  return `(open)–${end}`;
}

export const CASE_STATUS_LABELS = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
} as const;

/** Turns stored fields back into the strings the form shows. */
export function fieldsToFormValues(fields: CaseFields): Record<string, string> {
  return {
    title: fields.title,
    regions: fields.regions.join(", "),
    periodStart: fields.periodStart === null ? "" : String(fields.periodStart),
    periodStartCirca: fields.periodStartCirca ? "on" : "",
    periodEnd: fields.periodEnd === null ? "" : String(fields.periodEnd),
    periodEndCirca: fields.periodEndCirca ? "on" : "",
    actors: fields.actors.join("\n"),
    mediators: fields.mediators.join("\n"),
    summary: fields.summary,
    ...languageFormValues(fields.language ?? "en"),
  };
}

function languageFormValues(tag: string): { language: string; languageOther: string } {
  return CASE_LANGUAGES.some((language) => language.tag === tag)
    ? { language: tag, languageOther: "" }
    : { language: OTHER_LANGUAGE, languageOther: tag };
}

/** The structured fields alone, as stored with each revision (any wider case row may be passed). */
export function caseFieldsSnapshot(fields: CaseFields): Record<string, unknown> {
  const {
    title,
    regions,
    periodStart,
    periodStartCirca,
    periodEnd,
    periodEndCirca,
    actors,
    mediators,
    summary,
  } = fields;
  return {
    title,
    regions,
    periodStart,
    periodStartCirca,
    periodEnd,
    periodEndCirca,
    actors,
    mediators,
    summary,
  };
}
