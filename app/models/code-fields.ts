// The code form: what the browser posts, tidied and checked with the limits the form shows.
import { z } from "zod";
import { CODE_KINDS } from "~/models/domain";
import { recordIdSchema } from "~/rules/ids";
import { CODE_DESCRIPTION_MAX, CODE_GUIDANCE_MAX, CODE_LABEL_MAX } from "~/rules/limits";
import { normalizeShortName, SHORT_NAME_MAX, SHORT_NAME_PATTERN } from "~/rules/short-names";
import { msg } from "~/utils/messages";

/** The fields of the code form, as the browser posts them. */
/** A label in another language: absent = not on the form (kept as stored), "" = none. */
const labelTranslation = z
  .string()
  .optional()
  .transform((value) => value?.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .max(CODE_LABEL_MAX, msg("codebook.errors.labelTooLong", { max: CODE_LABEL_MAX }))
      .optional(),
  );

/** Coding guidance: absent from a post = not on the form (kept as stored). */
const guidanceText = z
  .string()
  .optional()
  .transform((value) => value?.trim())
  .pipe(
    z
      .string()
      .max(CODE_GUIDANCE_MAX, msg("codebook.errors.guidanceTooLong", { max: CODE_GUIDANCE_MAX }))
      .optional(),
  );

export const codeInputSchema = z.object({
  kind: z.enum(CODE_KINDS, { error: msg("codebook.errors.kindRequired") }),
  label: z
    .string({ error: msg("codebook.errors.labelRequired") })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, msg("codebook.errors.labelRequired"))
        .max(CODE_LABEL_MAX, msg("codebook.errors.labelTooLong", { max: CODE_LABEL_MAX })),
    ),
  labelFr: labelTranslation,
  labelEn: labelTranslation,
  description: z
    .string()
    .optional()
    .default("")
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(CODE_DESCRIPTION_MAX, msg("codebook.errors.descriptionTooLong", { max: CODE_DESCRIPTION_MAX })),
    ),
  color: z
    .string({ error: msg("codebook.errors.colourRequired") })
    .regex(/^#[0-9a-fA-F]{6}$/, msg("codebook.errors.colourInvalid"))
    .transform((value) => value.toLowerCase()),
  parentId: z
    .string()
    .optional()
    .transform((value) => value || null)
    .pipe(recordIdSchema().nullable()),
  // "" or absent: made from the English label when the code is created, kept when it is edited.
  shortName: z
    .string()
    .optional()
    .transform((value) => normalizeShortName(value ?? ""))
    .pipe(
      z.union([
        z.literal(""),
        z
          .string()
          .max(SHORT_NAME_MAX, msg("codebook.errors.shortNameTooLong", { max: SHORT_NAME_MAX }))
          .regex(SHORT_NAME_PATTERN, msg("codebook.errors.shortNameInvalid")),
      ]),
    ),
  whenPresent: guidanceText,
  whenAbsent: guidanceText,
  notes: guidanceText,
});

export type CodeInput = Omit<z.output<typeof codeInputSchema>, "shortName"> & {
  /** "" or absent: made from the English label (new codes) or kept (edits). */
  shortName?: string;
};
