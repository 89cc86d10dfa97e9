import type { z } from "zod";
import { asMessage, type Message, msg } from "~/utils/messages";

export type FieldErrors = Record<string, Message[]>;

export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Parses a form with a zod schema; on failure returns messages per field and what the user typed. */
export function parseForm<S extends z.ZodType>(
  formData: FormData,
  schema: S,
): { ok: true; data: z.output<S> } | FormFailure {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string") values[key] = value;
  }
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : "form";
    errors[key] ??= [];
    // Schemas give msg() keys; a message zod wrote itself (English) is replaced by a generic one.
    errors[key].push(asMessage(issue.message, msg("errors.invalidValue")));
  }
  // Never echo passwords back into the page.
  for (const key of Object.keys(values)) if (/password/i.test(key)) values[key] = "";
  return { ok: false, errors, values };
}
