// The review forms: one zod schema per action, used by the review route (server) and for the limits the
// form fields announce (browser).
import { z } from "zod";

export const REVIEW_NOTE_MAX = 5000;
export const REVIEW_MESSAGE_MAX = 2000;

const id = z.string().regex(/^[a-z0-9]{8,40}$/, "Pick reviewers from the list.");
const revision = z.coerce
  .number({ error: "The form is missing the revision you read. Reload the page." })
  .int()
  .positive();

export const reviewActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("submit"),
    reviewerIds: z.array(id).min(1, "Pick at least one reviewer.").max(20, "Pick at most 20 reviewers."),
    message: z
      .string()
      .trim()
      .max(REVIEW_MESSAGE_MAX, `Keep the message under ${REVIEW_MESSAGE_MAX} characters.`)
      .default(""),
  }),
  z.object({
    intent: z.literal("approve"),
    revision,
    note: z
      .string()
      .trim()
      .max(REVIEW_NOTE_MAX, `Keep the note under ${REVIEW_NOTE_MAX} characters.`)
      .default(""),
  }),
  z.object({
    intent: z.literal("request_changes"),
    revision,
    note: z
      .string({ error: "Say what needs to change: the note is required." })
      .trim()
      .min(1, "Say what needs to change: the note is required.")
      .max(REVIEW_NOTE_MAX, `Keep the note under ${REVIEW_NOTE_MAX} characters.`),
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
