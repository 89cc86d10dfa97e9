// The case library: filters, facet counts and full-text search (ADR 0004).
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { approvedVersions, seesDrafts } from "~/models/case-body.server";
import { cachedCodes, cachedDerived } from "~/models/derived-cache.server";
import { CASE_STATUSES, type CaseStatus } from "~/models/domain";
import type { LibraryQuery } from "~/queries/library";
import { fold } from "~/rules/text";
import { db } from "~/utils/db.server";
import { hiddenCaseIds, type Member, requirePermission } from "~/utils/permissions.server";
import { caseConditions, cases, passages, users } from "../../db/schema";

/** Words of the query as FTS5 prefix terms, all required: user input never reaches FTS5 syntax. */
export function toFtsQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}]+/gu)?.slice(0, 12) ?? [];
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(" ");
}

// Control characters mark the matched words inside snippets; the page turns them into <mark>
// elements, so snippets never carry HTML.
export const SNIPPET_START = "\u0002";
export const SNIPPET_END = "\u0003";

type LibraryCase = {
  id: string;
  revision: number;
  approvedRevision: number | null;
  title: string;
  regions: string[];
  periodStart: number | null;
  periodStartCirca: boolean;
  periodEnd: number | null;
  periodEndCirca: boolean;
  status: CaseStatus;
  summary: string;
  updatedAt: Date;
  createdBy: string;
  createdByName: string;
  confidential: boolean;
  language: string;
};

function overlaps(item: LibraryCase, from: number | null, to: number | null) {
  // A case without any year cannot be placed in a range. Open ends reach as far as they can:
  // a case "2012– (open)" overlaps any range that ends in or after 2012.
  if (item.periodStart === null && item.periodEnd === null) return false;
  const start = item.periodStart ?? Number.NEGATIVE_INFINITY;
  const end = item.periodEnd ?? Number.POSITIVE_INFINITY;
  return (to === null || start <= to) && (from === null || end >= from);
}

/** Same rule as the FTS query (every word as a prefix, accents folded), with a marked snippet. */
export function matchSnippet(text: string, q: string): string | null {
  const words = (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12).map(fold);
  if (words.length === 0) return null;
  const folded = fold(text);
  // Folding can change lengths (rare ligatures); positions are only used when they line up.
  if (folded.length !== text.length)
    return words.every((word) => folded.includes(word)) ? text.slice(0, 160) : null;
  const positions = words.map((word) => {
    const match = new RegExp(`(^|[^\\p{L}\\p{N}])(${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`, "u").exec(
      folded,
    );
    return match ? match.index + match[1].length : -1;
  });
  if (positions.some((position) => position === -1)) return null;
  const first = Math.min(...positions);
  const start = Math.max(0, first - 60);
  const end = Math.min(text.length, first + 100);
  let out = "";
  for (let i = start; i < end; i++) {
    const hit = positions.indexOf(i);
    if (hit !== -1) {
      const length = (/^[\p{L}\p{N}]+/u.exec(text.slice(i)) ?? [""])[0].length;
      out += SNIPPET_START + text.slice(i, i + length) + SNIPPET_END;
      i += length - 1;
    } else out += text[i];
  }
  return `${start > 0 ? "…" : ""}${out}${end < text.length ? "…" : ""}`;
}

function pickFields(fields: Record<string, unknown>) {
  const keys = [
    "title",
    "regions",
    "periodStart",
    "periodStartCirca",
    "periodEnd",
    "periodEndCirca",
    "summary",
  ] as const;
  return Object.fromEntries(
    keys.filter((key) => key in fields).map((key) => [key, fields[key]]),
  ) as Partial<LibraryCase>;
}

/** Results shown per page of the library; the matrix and the facets always work on every match. */
export const LIBRARY_PAGE_SIZE = 50;

/**
 * What every library view of a workspace starts from: its cases as this kind of reader sees them and the
 * codes each case has. Reading it costs a pass over every case row (whose bodies make the rows long), so it
 * is kept until the database changes (derived-cache.server.ts) and shared between requests: read-only.
 */
function librarySnapshot(member: Member) {
  const drafts = seesDrafts(member);
  return cachedDerived(`library:${member.workspaceId}:${drafts ? "drafts" : "approved"}`, () => {
    const all: LibraryCase[] = db
      .select({
        id: cases.id,
        revision: cases.revision,
        approvedRevision: cases.approvedRevision,
        title: cases.title,
        regions: cases.regions,
        periodStart: cases.periodStart,
        periodStartCirca: cases.periodStartCirca,
        periodEnd: cases.periodEnd,
        periodEndCirca: cases.periodEndCirca,
        status: cases.status,
        summary: cases.summary,
        updatedAt: cases.updatedAt,
        createdBy: cases.createdBy,
        createdByName: users.name,
        confidential: cases.confidential,
        language: cases.language,
      })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.createdBy))
      .where(
        and(
          eq(cases.workspaceId, member.workspaceId),
          isNull(cases.deletedAt),
          drafts ? undefined : isNotNull(cases.approvedRevision),
        ),
      )
      .all();
    // Members who read approved versions only see those versions' fields, codes and text, never a draft's.
    const approved = approvedVersions(member, all);
    const approvedText = new Map<string, string>();
    const approvedPassages = new Map<string, string[]>();
    for (const item of all) {
      const version = approved.get(item.id);
      if (version) {
        Object.assign(item, pickFields(version.fields));
        const rows = deriveCaseRows(version.body as Parameters<typeof deriveCaseRows>[0]);
        approvedText.set(
          item.id,
          [item.title, item.regions.join(" "), item.summary, rows.plainText].join("\n"),
        );
        approvedPassages.set(
          item.id,
          rows.passages.map((passage) => passage.codeId),
        );
      }
      if (!drafts) item.status = "approved";
    }

    // A case "has" a code when the code is tagged in its text or its condition is set present.
    const codesByCase = new Map<string, Set<string>>();
    const addCode = (caseId: string, codeId: string) => {
      const set = codesByCase.get(caseId) ?? new Set<string>();
      set.add(codeId);
      codesByCase.set(caseId, set);
    };
    for (const row of db
      .selectDistinct({ caseId: passages.caseId, codeId: passages.codeId })
      .from(passages)
      .innerJoin(cases, eq(cases.id, passages.caseId))
      .where(eq(cases.workspaceId, member.workspaceId))
      .all())
      if (!approved.has(row.caseId)) addCode(row.caseId, row.codeId);
    for (const [caseId, codeIds] of approvedPassages) for (const codeId of codeIds) addCode(caseId, codeId);
    for (const row of db
      .select({ caseId: caseConditions.caseId, codeId: caseConditions.codeId })
      .from(caseConditions)
      .innerJoin(cases, eq(cases.id, caseConditions.caseId))
      .where(and(eq(cases.workspaceId, member.workspaceId), eq(caseConditions.value, "present")))
      .all())
      addCode(row.caseId, row.codeId);

    const allRegions = [...new Set(all.flatMap((item) => item.regions))].sort((a, b) => a.localeCompare(b));
    const authorNames = new Map(all.map((item) => [item.createdBy, item.createdByName]));
    return {
      all,
      byId: new Map(all.map((item) => [item.id, item])),
      approvedText,
      codesByCase,
      allRegions,
      authorNames,
    };
  });
}

/**
 * The shared snapshot narrowed to the cases this member may see (ADR 0008). The snapshot is cached per
 * workspace and kind of reader; confidential cases are taken out here, per request, after the cache, so a
 * per-person view is never kept in the shared cache.
 */
function libraryView(member: Member) {
  const snapshot = librarySnapshot(member);
  const hidden = hiddenCaseIds(member);
  if (hidden.size === 0) return snapshot;
  const all = snapshot.all.filter((item) => !hidden.has(item.id));
  return {
    all,
    byId: new Map(all.map((item) => [item.id, item])),
    approvedText: new Map([...snapshot.approvedText].filter(([caseId]) => !hidden.has(caseId))),
    codesByCase: snapshot.codesByCase,
    allRegions: [...new Set(all.flatMap((item) => item.regions))].sort((a, b) => a.localeCompare(b)),
    authorNames: new Map(all.map((item) => [item.createdBy, item.createdByName])),
  };
}

/** These cases as the library reads them for this member (title and status of the version they read). */
export function libraryCases(member: Member, caseIds: readonly string[]) {
  requirePermission(member, "case.read");
  const { byId } = libraryView(member);
  return caseIds.flatMap((id) => {
    const item = byId.get(id);
    return item ? [item] : [];
  });
}

export function searchLibrary(member: Member, query: LibraryQuery) {
  requirePermission(member, "case.read");
  const { all, byId, approvedText, codesByCase, allRegions, authorNames } = libraryView(member);

  const ftsQuery = toFtsQuery(query.q);
  // Snippets are left for later (null): FTS5 re-reads a case's whole text to cut one, so only the cases of
  // the page shown get theirs.
  const hits = new Map<string, { rank: number; snippet: string | null }>();
  if (ftsQuery) {
    const rows = db.all<{ caseId: string; rank: number }>(sql`
      SELECT d.case_id AS caseId, bm25(case_search, 10.0, 4.0, 1.0, 2.0) AS rank
      FROM case_search
      JOIN case_search_docs d ON d.id = case_search.rowid
      JOIN cases c ON c.id = d.case_id
      WHERE case_search MATCH ${ftsQuery} AND c.workspace_id = ${member.workspaceId} AND c.deleted_at IS NULL
      ORDER BY rank
      LIMIT 500`);
    for (const row of rows) hits.set(row.caseId, { rank: row.rank, snippet: null });
    // The index holds current drafts: for cases read in their approved version, match that text instead.
    for (const [caseId, text] of approvedText) {
      hits.delete(caseId);
      if (!byId.has(caseId)) continue;
      const snippet = matchSnippet(text, query.q);
      if (snippet) hits.set(caseId, { rank: 0, snippet });
    }
  }

  type Facet = "q" | "region" | "status" | "code" | "period" | "author";
  const passes = (item: LibraryCase, except: Facet | null) => {
    if (except !== "q" && ftsQuery && !hits.has(item.id)) return false;
    if (except !== "region" && query.region.length && !item.regions.some((r) => query.region.includes(r)))
      return false;
    if (except !== "status" && query.status.length && !query.status.includes(item.status)) return false;
    if (except !== "author" && query.author && item.createdBy !== query.author) return false;
    if (
      except !== "period" &&
      (query.from !== null || query.to !== null) &&
      !overlaps(item, query.from, query.to)
    )
      return false;
    if (except !== "code" && query.code.length) {
      const has = codesByCase.get(item.id) ?? new Set<string>();
      const ok =
        query.match === "all" ? query.code.every((c) => has.has(c)) : query.code.some((c) => has.has(c));
      if (!ok) return false;
    }
    return true;
  };

  const count = <K extends string>(facet: Facet, keys: (item: LibraryCase) => K[]) => {
    const counts = new Map<K, number>();
    for (const item of all)
      if (passes(item, facet))
        for (const key of new Set(keys(item))) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };

  const regionCounts = count("region", (item) => item.regions);
  const statusCounts = count("status", (item) => [item.status]);
  const codeCounts = count("code", (item) => [...(codesByCase.get(item.id) ?? [])]);
  const authorCounts = count("author", (item) => [item.createdBy]);
  const authors = [...authorNames.entries()]
    .map(([id, name]) => ({ id, name, count: authorCounts.get(id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const matches = all.filter((item) => passes(item, null));
  const sort = query.sort === "relevance" && !ftsQuery ? "updated" : query.sort;
  matches.sort((a, b) => {
    if (sort === "relevance") return (hits.get(a.id)?.rank ?? 0) - (hits.get(b.id)?.rank ?? 0);
    if (sort === "title") return a.title.localeCompare(b.title);
    if (sort === "period")
      return (a.periodStart ?? a.periodEnd ?? 9999) - (b.periodStart ?? b.periodEnd ?? 9999);
    return b.updatedAt.getTime() - a.updatedAt.getTime();
  });
  const pageCount = Math.max(1, Math.ceil(matches.length / LIBRARY_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const shown = matches.slice((page - 1) * LIBRARY_PAGE_SIZE, page * LIBRARY_PAGE_SIZE);
  const needSnippets = ftsQuery ? shown.filter((item) => hits.get(item.id)?.snippet === null) : [];
  if (ftsQuery && needSnippets.length) {
    for (const row of db.all<{ caseId: string; snippet: string }>(sql`
      SELECT d.case_id AS caseId,
             snippet(case_search, -1, ${SNIPPET_START}, ${SNIPPET_END}, '…', 14) AS snippet
      FROM case_search
      JOIN case_search_docs d ON d.id = case_search.rowid
      WHERE case_search MATCH ${ftsQuery}
        AND d.case_id IN (${sql.join(
          needSnippets.map((item) => sql`${item.id}`),
          sql`, `,
        )})`)) {
      const hit = hits.get(row.caseId);
      if (hit) hit.snippet = row.snippet;
    }
  }

  return {
    total: all.length,
    /** Every matching case, in order (the matrix shows them all). */
    matchedIds: matches.map((item) => item.id),
    /** The matching cases of this page, with the passage that matched the search words. */
    results: shown.map((item) => ({ ...item, snippet: hits.get(item.id)?.snippet ?? null })),
    page,
    pageCount,
    pageSize: LIBRARY_PAGE_SIZE,
    sort,
    facets: {
      regions: allRegions.map((value) => ({ value, count: regionCounts.get(value) ?? 0 })),
      statuses: CASE_STATUSES.map((value) => ({ value, count: statusCounts.get(value) ?? 0 })),
      codes: cachedCodes(member).map((code) => ({ ...code, count: codeCounts.get(code.id) ?? 0 })),
      authors,
    },
  };
}
