// What the library's address says: filters, search words, sort and page, read leniently (an unreadable
// filter is dropped and named, never an error page). Used by the library and matrix routes, and by the
// matrix query that extends it.
import { z } from "zod";
import { CASE_STATUSES } from "~/models/domain";
import { SEARCH_MAX } from "~/rules/limits";
import { type Message, msg } from "~/utils/messages";

const list = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(z.string().max(200)).max(100),
);
const year = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.coerce.number().int().min(1800).max(2100).nullable(),
);

export const libraryQuerySchema = z.object({
  q: z.string().trim().max(SEARCH_MAX).default(""),
  region: list,
  status: list.pipe(z.array(z.enum(CASE_STATUSES))),
  code: list,
  match: z.enum(["any", "all"]).default("all"),
  from: year.default(null),
  to: year.default(null),
  author: z.string().max(40).default(""),
  sort: z.enum(["relevance", "updated", "title", "period"]).default("updated"),
  page: z.preprocess(
    (value) => (value === "" || value === undefined ? 1 : value),
    z.coerce.number().int().min(1).max(100_000),
  ),
});

export type LibraryQuery = z.output<typeof libraryQuerySchema>;

/** Reads the library query from a URL's search params; anything unreadable falls back to no filter. */
export function parseLibraryQuery(searchParams: URLSearchParams): {
  query: LibraryQuery;
  problems: Message[];
} {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    raw[key] = ["region", "status", "code"].includes(key) ? values : values[0];
  }
  const parsed = libraryQuerySchema.safeParse(raw);
  if (parsed.success) return { query: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((issue) =>
    issue.path[0] === "from" || issue.path[0] === "to"
      ? msg("cases.list.yearsRange", { min: 1800, max: 2100 })
      : msg("cases.list.unreadableFilter", { name: String(issue.path[0]) }),
  );
  const cleaned = { ...raw };
  for (const issue of parsed.error.issues) delete cleaned[String(issue.path[0])];
  return { query: libraryQuerySchema.parse(cleaned), problems: [...new Set(problems)] };
}
