// How large a request may be, per address: used by server.ts (which refuses larger bodies before any route
// reads them), by the import routes (their own, tighter check on the file) and by the upload forms (which
// refuse an oversized file before a byte leaves the browser: slow connections).
import { msg } from "./messages";

export const MB = 1024 * 1024;
/** Multipart framing around an uploaded file: headers and boundaries, a few hundred bytes in practice. */
export const FORM_OVERHEAD_BYTES = 64 * 1024;

/** Any write (a case body is capped at 2 MB inside it). */
export const MAX_REQUEST_BYTES = 3 * MB;
/** A CSL-JSON (or other) file of sources. */
export const MAX_SOURCE_IMPORT_BYTES = 5 * MB;
/** A Word document imported as a case (/w/:id/import/word, within the 6 MB of OTHER_IMPORT_PATH). */
export const MAX_WORD_IMPORT_BYTES = 5 * MB;
/** A whole workspace export (cases with their revisions). */
export const MAX_WORKSPACE_IMPORT_BYTES = 50 * MB;

const WORKSPACE_IMPORT_PATH = /^\/workspaces\/import(\.data)?$/;
const SOURCE_IMPORT_PATH = /^\/w\/[a-z0-9]+\/sources\/import\b/;
const OTHER_IMPORT_PATH = /^\/w\/[a-z0-9]+\/import\b/;

export type BodyLimit = {
  bytes: number;
  /** What the person reads past the limit (an encoded catalogue message). */
  message: string;
};

/** The largest body a write to this path may carry, and what the person reads past it. */
export function bodyLimitFor(path: string): BodyLimit {
  if (WORKSPACE_IMPORT_PATH.test(path)) {
    return {
      bytes: MAX_WORKSPACE_IMPORT_BYTES + FORM_OVERHEAD_BYTES,
      message: msg("exports.import.tooLarge", { max: MAX_WORKSPACE_IMPORT_BYTES / MB }),
    };
  }
  if (SOURCE_IMPORT_PATH.test(path)) {
    return {
      bytes: MAX_SOURCE_IMPORT_BYTES + MB,
      message: msg("sources.import.tooLarge", { mb: MAX_SOURCE_IMPORT_BYTES / MB }),
    };
  }
  const bytes = OTHER_IMPORT_PATH.test(path) ? 6 * MB : MAX_REQUEST_BYTES;
  return { bytes, message: msg("errors.tooLarge.request", { mb: bytes / MB }) };
}
