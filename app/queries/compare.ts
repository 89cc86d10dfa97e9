// What the side-by-side comparison's address says: `?case=ID&case=ID&code=ID` (saved sets reopen the
// same address) and the scroll mode.
import { z } from "zod";
import { recordIdSchema } from "~/rules/ids";
import { MAX_COMPARED, MAX_LINK_CODES } from "~/rules/limits";
import { asMessage, type Message, msg } from "~/utils/messages";

export const SCROLL_MODES = ["sync", "independent"] as const;
export type ScrollMode = (typeof SCROLL_MODES)[number];

// Ids are also written into a CSS selector by the page: this pattern is what keeps that safe.

const compareQuerySchema = z.object({
  case: z
    .array(recordIdSchema(msg("compare.errors.badCaseId")))
    .transform((ids) => [...new Set(ids)])
    .pipe(z.array(z.string()).max(MAX_COMPARED, msg("compare.errors.tooManyCases", { max: MAX_COMPARED }))),
  code: z
    .array(recordIdSchema(msg("compare.errors.badCodeId")))
    .transform((ids) => [...new Set(ids)])
    // Saved comparison sets may hold many codes: beyond MAX_HIGHLIGHTED they are listed, not refused.
    .pipe(z.array(z.string()).max(MAX_LINK_CODES, msg("compare.errors.tooManyCodes"))),
});

export type CompareQuery = { caseIds: string[]; codeIds: string[] };

/** Reads `?case=ID&case=ID&code=ID` (the URL saved comparison sets reopen too). */
export function parseCompareQuery(
  params: URLSearchParams,
): { ok: true; query: CompareQuery } | { ok: false; problem: Message } {
  const parsed = compareQuerySchema.safeParse({
    case: params.getAll("case").map((id) => id.trim()),
    code: params.getAll("code").map((id) => id.trim()),
  });
  if (!parsed.success)
    return { ok: false, problem: asMessage(parsed.error.issues[0].message, msg("compare.errors.badCaseId")) };
  return { ok: true, query: { caseIds: parsed.data.case, codeIds: parsed.data.code } };
}

/** `?scroll=independent` gives each column its own scroll; anything else scrolls the page as one grid. */
export function parseScrollMode(value: string | null): ScrollMode {
  return value === "independent" ? "independent" : "sync";
}

/** The comparison URL with the scroll mode changed and everything else (cases, codes) kept in order. */
export function withScrollMode(search: string, mode: ScrollMode): string {
  const params = new URLSearchParams(search);
  params.delete("scroll");
  if (mode === "independent") params.set("scroll", "independent");
  const query = params.toString();
  return query ? `?${query}` : "?";
}
