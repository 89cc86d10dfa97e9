// The shape of every record id the app makes (models/ids.server.ts: 80 random bits in base32). Anything
// else in a URL, a form or a file cannot be one of ours and is refused before the database is asked.
import { z } from "zod";

export const RECORD_ID = /^[a-z0-9]{8,40}$/;
/** The same pattern without anchors, to sit inside another (a URL path). */
export const RECORD_ID_PATTERN = "[a-z0-9]{8,40}";

export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && RECORD_ID.test(value);
}

/** A zod string that must be a record id; `message` is what a person reads when it is not. */
export function recordIdSchema(message?: string) {
  return z.string().regex(RECORD_ID, message);
}
