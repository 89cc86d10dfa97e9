// The code form: what the browser posts, tidied and checked with the limits the form shows.
import { z } from "zod";
import { CODE_KINDS } from "~/models/domain";
import { recordIdSchema } from "~/rules/ids";
import { CODE_DESCRIPTION_MAX, CODE_LABEL_MAX } from "~/rules/limits";
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
});

export type CodeInput = z.output<typeof codeInputSchema>;
