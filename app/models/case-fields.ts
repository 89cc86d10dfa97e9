// The structured fields of a case: one zod schema used by the form (client) and the action (server).
import { z } from "zod";
import {
  CASE_REGION_MAX,
  CASE_REGIONS_MAX,
  CASE_SUMMARY_MAX,
  CASE_TITLE_MAX,
  CASE_TITLE_MIN,
  LANGUAGE_TAG_MAX,
} from "~/rules/limits";
import { msg } from "~/utils/messages";

// Messages are catalogue keys (locales/*/cases.ts), translated where they are shown (components/field.tsx).

const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

const lines = (max: number, each: number) =>
  z
    .string()
    .max(max * (each + 2), msg("cases.errors.linesTooLong", { max }))
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(each, msg("cases.errors.lineTooLong", { max: each })))
        .max(max, msg("cases.errors.tooManyLines", { max })),
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
        message: msg("cases.errors.year", { min: MIN_YEAR, max: MAX_YEAR }),
      });
      return z.NEVER;
    }
    return year;
  });

/**
 * Languages offered in the case form, each with its name in itself; the name in the reader's language is in
 * the catalogue (cases.form.languages). Any other BCP 47 tag can be typed in "Other".
 */
export const CASE_LANGUAGES = [
  { tag: "en", native: "English" },
  { tag: "fr", native: "français" },
  { tag: "ar", native: "العربية" },
  { tag: "es", native: "español" },
  { tag: "pt", native: "português" },
  { tag: "ru", native: "русский" },
  { tag: "fa", native: "فارسی" },
  { tag: "ps", native: "پښتو" },
  { tag: "ur", native: "اردو" },
  { tag: "he", native: "עברית" },
  { tag: "so", native: "Soomaali" },
  { tag: "ha", native: "Hausa" },
  { tag: "sw", native: "Kiswahili" },
  { tag: "tr", native: "Türkçe" },
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
/** The name of a case's language in the reader's interface language ("Arabic", « arabe »). */
export function languageName(tag: string, locale = "en"): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(tag) ?? tag;
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
      .min(CASE_TITLE_MIN, msg("cases.errors.titleTooShort", { min: CASE_TITLE_MIN }))
      .max(CASE_TITLE_MAX, msg("cases.errors.titleTooLong", { max: CASE_TITLE_MAX })),
    regions: z
      .string()
      .max(1000, msg("cases.errors.regionsTooLong"))
      .transform((value) =>
        value
          .split(/[,;\n]/)
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().max(CASE_REGION_MAX, msg("cases.errors.regionTooLong", { max: CASE_REGION_MAX })))
          .min(1, msg("cases.errors.regionsRequired"))
          .max(CASE_REGIONS_MAX, msg("cases.errors.regionsTooMany", { max: CASE_REGIONS_MAX })),
      ),
    periodStart: optionalYear,
    periodStartCirca: checkbox,
    periodEnd: optionalYear,
    periodEndCirca: checkbox,
    actors: lines(50, 300),
    mediators: lines(50, 300),
    summary: z
      .string()
      .trim()
      .max(CASE_SUMMARY_MAX, msg("cases.errors.summaryTooLong", { max: CASE_SUMMARY_MAX })),
    // Absent from a post: the case keeps its language (the form always sends it).
    language: z.string().max(LANGUAGE_TAG_MAX).optional(),
    languageOther: z.string().max(LANGUAGE_TAG_MAX).optional(),
  })
  .superRefine((fields, ctx) => {
    if (fields.language === OTHER_LANGUAGE && canonicalLanguageTag(fields.languageOther ?? "") === null) {
      ctx.addIssue({
        code: "custom",
        path: ["languageOther"],
        message: msg("cases.errors.languageTag"),
      });
    } else if (
      fields.language !== undefined &&
      fields.language !== OTHER_LANGUAGE &&
      canonicalLanguageTag(fields.language) === null
    ) {
      ctx.addIssue({ code: "custom", path: ["language"], message: msg("cases.errors.languageChoose") });
    }
    if (fields.periodStart !== null && fields.periodEnd !== null && fields.periodEnd < fields.periodStart) {
      ctx.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: msg("cases.errors.endBeforeStart"),
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

type PeriodKey = "cases.period.circa" | "cases.period.from" | "cases.period.until" | "cases.period.notSet";
/** A `t` (useTranslation, getT) or anything that turns these keys into words. */
export type PeriodWords = (key: PeriodKey, params?: Record<string, string | number>) => string;

// For callers not yet translated: the English words of locales/en/cases.ts.
const englishPeriod: PeriodWords = (key, params = {}) =>
  ({
    "cases.period.circa": `c. ${params.year}`,
    "cases.period.from": `${params.start}– (open)`,
    "cases.period.until": `(open)–${params.end}`,
    "cases.period.notSet": "Period not set",
  })[key];

/** "2009–2011", "c. 2020", "2012– (open)", "(open)–1997", "Period not set"; in French with a French `t`. */
export function formatPeriod(period: Period, words: PeriodWords = englishPeriod): string {
  const year = (value: number | null, circa: boolean) =>
    value === null ? null : circa ? words("cases.period.circa", { year: value }) : String(value);
  const start = year(period.periodStart, period.periodStartCirca);
  const end = year(period.periodEnd, period.periodEndCirca);
  if (start === null && end === null) return words("cases.period.notSet");
  if (start !== null && end !== null) return start === end ? start : `${start}–${end}`;
  if (start !== null) return words("cases.period.from", { start });
  return words("cases.period.until", { end: end as string });
}

// Status names are in the catalogue: t(`cases.status.${status}`) (locales/*/cases.ts).

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
