// The review forms: one zod schema per action, used by the review route (server) and for the limits the
// form fields announce (browser).
import { z } from "zod";
import { recordIdSchema } from "~/rules/ids";
import { msg } from "~/utils/messages";

export const REVIEW_NOTE_MAX = 5000;
export const REVIEW_MESSAGE_MAX = 2000;
const MAX_REVIEWERS = 20;

const id = recordIdSchema(msg("review.errors.pickFromList"));
const revision = z.coerce
  .number({ error: msg("review.errors.revisionMissing") })
  .int()
  .positive();

export const reviewActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("submit"),
    reviewerIds: z
      .array(id)
      .min(1, msg("review.errors.pickOne"))
      .max(MAX_REVIEWERS, msg("review.errors.pickAtMost", { max: MAX_REVIEWERS })),
    message: z
      .string()
      .trim()
      .max(REVIEW_MESSAGE_MAX, msg("review.errors.messageTooLong", { max: REVIEW_MESSAGE_MAX }))
      .default(""),
  }),
  z.object({
    intent: z.literal("approve"),
    revision,
    note: z
      .string()
      .trim()
      .max(REVIEW_NOTE_MAX, msg("review.errors.noteTooLong", { max: REVIEW_NOTE_MAX }))
      .default(""),
  }),
  z.object({
    intent: z.literal("request_changes"),
    revision,
    note: z
      .string({ error: msg("review.errors.noteRequired") })
      .trim()
      .min(1, msg("review.errors.noteRequired"))
      .max(REVIEW_NOTE_MAX, msg("review.errors.noteTooLong", { max: REVIEW_NOTE_MAX })),
  }),
  z.object({ intent: z.literal("withdraw") }),
]);

export type ReviewAction = z.output<typeof reviewActionSchema>;
export type ReviewIntent = ReviewAction["intent"];

/** Reads a review form (reviewers are checkboxes: several values under one name). */
export function reviewFormInput(formData: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && key !== "reviewerIds") values[key] = value;
  }
  const reviewerIds = formData.getAll("reviewerIds").filter((v): v is string => typeof v === "string");
  return { values, input: { ...values, reviewerIds } };
}
