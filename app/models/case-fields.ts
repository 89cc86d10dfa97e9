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
  })
  .superRefine((fields, ctx) => {
    if (fields.periodStart !== null && fields.periodEnd !== null && fields.periodEnd < fields.periodStart) {
      ctx.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "The end year cannot be before the start year.",
      });
    }
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
  };
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
