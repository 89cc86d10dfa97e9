// The case library: filters, facet counts and full-text search (ADR 0004).
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { approvedVersions, seesDrafts } from "~/models/case-body.server";
import {
  cachedActorNames,
  cachedCodes,
  cachedSources,
  maintainedDerived,
} from "~/models/derived-cache.server";
import { CASE_STATUSES, type CaseStatus } from "~/models/domain";
import { type CaseEvent, readStoredEvents } from "~/models/event-fields";
import { readEventsOfCases } from "~/models/event-store.server";
import {
  type CaseDocument,
  caseSnippets,
  matchingCases,
  matchingCodes,
  matchingDiscussions,
} from "~/models/search/case-search.server";
import { prepareSearch } from "~/models/search/compile";
import { variantIndex } from "~/models/search/variants.server";
import type { LibraryQuery } from "~/queries/library";
import { nameKey } from "~/rules/actor-names";
import { db } from "~/utils/db.server";
import {
  hiddenCaseIds,
  type Member,
  requirePermission,
  visibleCaseCondition,
} from "~/utils/permissions.server";
import { actors, caseConditions, caseLinks, cases, passages, users } from "../../db/schema";

// Snippets mark matched words with control characters (models/search/match.ts).
export { SNIPPET_END, SNIPPET_START } from "~/models/search/match";

export type LibraryCase = {
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
  actors: string[];
  mediators: string[];
};

function overlaps(item: LibraryCase, from: number | null, to: number | null) {
  // A case without any year cannot be placed in a range. Open ends reach as far as they can:
  // a case "2012– (open)" overlaps any range that ends in or after 2012.
  if (item.periodStart === null && item.periodEnd === null) return false;
  const start = item.periodStart ?? Number.NEGATIVE_INFINITY;
  const end = item.periodEnd ?? Number.POSITIVE_INFINITY;
  return (to === null || start <= to) && (from === null || end >= from);
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
    "actors",
    "mediators",
  ] as const;
  return Object.fromEntries(
    keys.filter((key) => key in fields).map((key) => [key, fields[key]]),
  ) as Partial<LibraryCase>;
}

/** Results shown per page of the library; the matrix and the facets always work on every match. */
export const LIBRARY_PAGE_SIZE = 50;

/** What the library knows of some cases of a workspace, as one kind of reader reads them. */
type LibraryParts = {
  items: LibraryCase[];
  approvedDocs: Map<string, CaseDocument>;
  eventsByCase: Map<string, CaseEvent[]>;
  codesByCase: Map<string, Set<string>>;
};

/** The parts for these cases (every case of the workspace when `caseIds` is null). */
function readLibraryParts(member: Member, caseIds: readonly string[] | null): LibraryParts {
  const drafts = seesDrafts(member);
  const items: LibraryCase[] = db
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
      actors: cases.actors,
      mediators: cases.mediators,
    })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.createdBy))
    .where(
      and(
        eq(cases.workspaceId, member.workspaceId),
        isNull(cases.deletedAt),
        drafts ? undefined : isNotNull(cases.approvedRevision),
        caseIds ? inArray(cases.id, [...caseIds]) : undefined,
      ),
    )
    .all();
  // Members who read approved versions only see those versions' fields, codes and text, never a draft's.
  const approved = approvedVersions(member, items);
  // The approved versions as search's documents: the same texts the index holds for a draft.
  const approvedDocs = new Map<string, CaseDocument>();
  const approvedPassages = new Map<string, string[]>();
  // The events each case shows this kind of reader: the draft's, or the approved version's (ADR 0013).
  const eventsByCase = readEventsOfCases(
    db,
    items.filter((item) => !approved.has(item.id)).map((item) => item.id),
  );
  const sourceTitles = approved.size
    ? new Map(cachedSources(member).map((source) => [source.id, source.title]))
    : new Map<string, string>();
  for (const item of items) {
    const version = approved.get(item.id);
    if (version) {
      Object.assign(item, pickFields(version.fields));
      eventsByCase.set(item.id, readStoredEvents(version.fields.events));
      const rows = deriveCaseRows(version.body as Parameters<typeof deriveCaseRows>[0]);
      const names = (key: string) =>
        Array.isArray(version.fields[key]) ? (version.fields[key] as string[]) : [];
      approvedDocs.set(item.id, {
        title: item.title,
        fields: [
          names("regions").join(" · "),
          names("actors").join(" · "),
          names("mediators").join(" · "),
          item.summary,
        ].join(" · "),
        body: rows.plainText,
        sources: [
          ...new Set(rows.citations.map((citation) => sourceTitles.get(citation.sourceId) ?? "")),
        ].join(" · "),
        language: item.language,
      });
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
  const read = new Set(items.map((item) => item.id));
  for (const row of db
    .selectDistinct({ caseId: passages.caseId, codeId: passages.codeId })
    .from(passages)
    .innerJoin(cases, eq(cases.id, passages.caseId))
    .where(
      and(
        eq(cases.workspaceId, member.workspaceId),
        caseIds ? inArray(passages.caseId, [...caseIds]) : undefined,
      ),
    )
    .all())
    if (read.has(row.caseId) && !approved.has(row.caseId)) addCode(row.caseId, row.codeId);
  for (const [caseId, codeIds] of approvedPassages) for (const codeId of codeIds) addCode(caseId, codeId);
  for (const row of db
    .select({ caseId: caseConditions.caseId, codeId: caseConditions.codeId })
    .from(caseConditions)
    .innerJoin(cases, eq(cases.id, caseConditions.caseId))
    .where(
      and(
        eq(cases.workspaceId, member.workspaceId),
        eq(caseConditions.value, "present"),
        caseIds ? inArray(caseConditions.caseId, [...caseIds]) : undefined,
      ),
    )
    .all())
    if (read.has(row.caseId)) addCode(row.caseId, row.codeId);
  return { items, approvedDocs, eventsByCase, codesByCase };
}

function assembleSnapshot(parts: LibraryParts) {
  const all = parts.items;
  const allRegions = [...new Set(all.flatMap((item) => item.regions))].sort((a, b) => a.localeCompare(b));
  const authorNames = new Map(all.map((item) => [item.createdBy, item.createdByName]));
  return {
    all,
    byId: new Map(all.map((item) => [item.id, item])),
    approvedDocs: parts.approvedDocs as ReadonlyMap<string, CaseDocument>,
    codesByCase: parts.codesByCase as ReadonlyMap<string, ReadonlySet<string>>,
    eventsByCase: parts.eventsByCase as ReadonlyMap<string, CaseEvent[]>,
    allRegions,
    authorNames,
  };
}

type LibrarySnapshot = ReturnType<typeof assembleSnapshot>;

/** The snapshot with these cases read again (a case no longer read, trashed or deleted, leaves it). */
function patchSnapshot(member: Member, old: LibrarySnapshot, caseIds: string[]): LibrarySnapshot {
  const fresh = readLibraryParts(member, caseIds);
  const changed = new Set(caseIds);
  const freshById = new Map(fresh.items.map((item) => [item.id, item]));
  // Cases keep their place; new ones come last.
  const items = old.all.flatMap((item) => {
    if (!changed.has(item.id)) return [item];
    const again = freshById.get(item.id);
    return again ? [again] : [];
  });
  for (const item of fresh.items) if (!old.byId.has(item.id)) items.push(item);
  const replaced = <V>(before: ReadonlyMap<string, V>, after: Map<string, V>) => {
    const map = new Map(before);
    for (const id of caseIds) map.delete(id);
    for (const [id, value] of after) map.set(id, value);
    return map;
  };
  return assembleSnapshot({
    items,
    approvedDocs: replaced(old.approvedDocs, fresh.approvedDocs),
    eventsByCase: replaced(old.eventsByCase, fresh.eventsByCase),
    codesByCase: replaced(old.codesByCase, fresh.codesByCase) as Map<string, Set<string>>,
  });
}

/**
 * What every library view of a workspace starts from: its cases as this kind of reader sees them and the
 * codes each case has. Building it costs a pass over every case and its passages and conditions, so it is
 * kept and, after a write, patched for the cases written (derived-cache.server.ts, maintainedDerived);
 * shared between requests: read-only.
 */
function librarySnapshot(member: Member): LibrarySnapshot {
  const drafts = seesDrafts(member);
  return maintainedDerived(
    `library:${member.workspaceId}:${drafts ? "drafts" : "approved"}`,
    member.workspaceId,
    () => assembleSnapshot(readLibraryParts(member, null)),
    (old, caseIds) => patchSnapshot(member, old, caseIds),
  );
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
    approvedDocs: new Map([...snapshot.approvedDocs].filter(([caseId]) => !hidden.has(caseId))),
    codesByCase: snapshot.codesByCase,
    eventsByCase: snapshot.eventsByCase,
    allRegions: [...new Set(all.flatMap((item) => item.regions))].sort((a, b) => a.localeCompare(b)),
    authorNames: new Map(all.map((item) => [item.createdBy, item.createdByName])),
  };
}

/**
 * Every case this member may read, as they read it (fields and events of the approved version for
 * trainers; no confidential case they are not listed on, none in the trash): what the timelines and the
 * registry's pages are built from. Shared and read-only.
 */
export function readableCases(member: Member): {
  all: readonly LibraryCase[];
  byId: ReadonlyMap<string, LibraryCase>;
  eventsByCase: ReadonlyMap<string, CaseEvent[]>;
} {
  requirePermission(member, "case.read");
  const { all, byId, eventsByCase } = libraryView(member);
  return { all, byId, eventsByCase };
}

/** Ids of the cases linked to `caseId` either way (any kind), among those this member may see. */
export function linkedCaseIds(member: Member, caseId: string): Set<string> {
  const rows = db
    .select({ from: caseLinks.fromCaseId, to: caseLinks.toCaseId })
    .from(caseLinks)
    .where(
      and(
        eq(caseLinks.workspaceId, member.workspaceId),
        sql`(${caseLinks.fromCaseId} = ${caseId} OR ${caseLinks.toCaseId} = ${caseId})`,
        visibleCaseCondition(member, caseLinks.fromCaseId),
        visibleCaseCondition(member, caseLinks.toCaseId),
      ),
    )
    .all();
  return new Set(rows.map((row) => (row.from === caseId ? row.to : row.from)));
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
  const { all, byId, approvedDocs, codesByCase, eventsByCase, allRegions, authorNames } = libraryView(member);
  // Registry filters: a case names an entry when one of its names folds to one of the entry's names.
  const names = cachedActorNames(member);
  const entryOf = (name: string) => names.get(nameKey(name));
  const actorsOf = (item: LibraryCase) =>
    [...item.actors, ...(eventsByCase.get(item.id) ?? []).flatMap((event) => event.actors)].flatMap(
      (name) => entryOf(name) ?? [],
    );
  const mediatorsOf = (item: LibraryCase) => item.mediators.flatMap((name) => entryOf(name) ?? []);
  const linked = query.linked ? linkedCaseIds(member, query.linked) : null;

  // What was typed, read by the app's parser, with the workspace's spelling variants (ADR 0004).
  const search = prepareSearch(query.q, variantIndex(member.workspaceId));
  const searching = search.tree !== null;
  const hits = searching
    ? matchingCases(member, search, new Set(byId.keys()), approvedDocs)
    : new Map<string, number>();

  type Facet = "q" | "region" | "status" | "code" | "period" | "author" | "actor" | "mediator";
  const passes = (item: LibraryCase, except: Facet | null) => {
    if (except !== "q" && searching && !hits.has(item.id)) return false;
    if (linked && !linked.has(item.id)) return false;
    if (except !== "actor" && query.actor.length) {
      const named = actorsOf(item);
      if (!query.actor.every((id) => named.includes(id))) return false;
    }
    if (except !== "mediator" && query.mediator.length) {
      const named = mediatorsOf(item);
      if (!query.mediator.every((id) => named.includes(id))) return false;
    }
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
  const actorCounts = count("actor", actorsOf);
  const mediatorCounts = count("mediator", mediatorsOf);
  // Entry names for the registry facets: only entries some readable case names (so none leaks).
  const entryIds = [
    ...new Set([...actorCounts.keys(), ...mediatorCounts.keys(), ...query.actor, ...query.mediator]),
  ];
  const entryNames = new Map(
    entryIds.length
      ? db
          .select({ id: actors.id, name: actors.name })
          .from(actors)
          .where(and(eq(actors.workspaceId, member.workspaceId), inArray(actors.id, entryIds)))
          .all()
          .map((row) => [row.id, row.name])
      : [],
  );
  const entryFacet = (counts: Map<string, number>, chosen: string[]) =>
    [...new Set([...counts.keys(), ...chosen])]
      .flatMap((id) => {
        const name = entryNames.get(id);
        return name ? [{ id, name, count: counts.get(id) ?? 0 }] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  const authors = [...authorNames.entries()]
    .map(([id, name]) => ({ id, name, count: authorCounts.get(id) ?? 0 }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const matches = all.filter((item) => passes(item, null));
  const sort = query.sort === "relevance" && !searching ? "updated" : query.sort;
  matches.sort((a, b) => {
    if (sort === "relevance") return (hits.get(a.id) ?? 0) - (hits.get(b.id) ?? 0);
    if (sort === "title") return a.title.localeCompare(b.title);
    if (sort === "period")
      return (a.periodStart ?? a.periodEnd ?? 9999) - (b.periodStart ?? b.periodEnd ?? 9999);
    return b.updatedAt.getTime() - a.updatedAt.getTime();
  });
  const pageCount = Math.max(1, Math.ceil(matches.length / LIBRARY_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const shown = matches.slice((page - 1) * LIBRARY_PAGE_SIZE, page * LIBRARY_PAGE_SIZE);
  // Snippets only for the cases of the page shown: cutting one reads the case's whole text.
  const snippets = searching
    ? caseSnippets(
        search,
        shown.map((item) => item.id),
        approvedDocs,
      )
    : new Map<string, string>();

  // The other kinds of result, within the same filters: codes with their cases, and discussions.
  const filteredIds = searching ? all.filter((item) => passes(item, "q")).map((item) => item.id) : [];
  const codeLabels = new Map(cachedCodes(member).map((code) => [code.id, code]));
  const codeResults = searching
    ? matchingCodes(member, search).flatMap(({ id, snippet }) => {
        const code = codeLabels.get(id);
        if (!code) return [];
        const withCode = filteredIds.filter((caseId) => codesByCase.get(caseId)?.has(id));
        return [
          {
            id,
            label: code.label,
            kind: code.kind,
            color: code.color,
            snippet,
            caseCount: withCode.length,
            cases: withCode.slice(0, 5).map((caseId) => {
              const item = byId.get(caseId)!;
              return { id: caseId, title: item.title, language: item.language };
            }),
          },
        ];
      })
    : [];
  const discussions = searching
    ? matchingDiscussions(member, search, new Set(filteredIds))
    : { threads: [], total: 0 };

  return {
    total: all.length,
    /** Every matching case, in order (the matrix shows them all). */
    matchedIds: matches.map((item) => item.id),
    /** The matching cases of this page, with the passage that matched the search words. */
    results: shown.map((item) => ({ ...item, snippet: snippets.get(item.id) ?? null })),
    page,
    pageCount,
    pageSize: LIBRARY_PAGE_SIZE,
    sort,
    facets: {
      regions: allRegions.map((value) => ({ value, count: regionCounts.get(value) ?? 0 })),
      statuses: CASE_STATUSES.map((value) => ({ value, count: statusCounts.get(value) ?? 0 })),
      codes: cachedCodes(member).map((code) => ({ ...code, count: codeCounts.get(code.id) ?? 0 })),
      authors,
      actors: entryFacet(actorCounts, query.actor),
      mediators: entryFacet(mediatorCounts, query.mediator),
    },
    /** The case whose links the library follows (null when it may not be read). */
    linkedFrom: query.linked ? (byId.get(query.linked) ?? null) : null,
    /** The query as read (problem: why it was searched as plain words), and the other kinds of result. */
    search: {
      problem: search.problem,
      codes: codeResults,
      discussions: {
        total: discussions.total,
        threads: discussions.threads.map((thread) => {
          const item = byId.get(thread.caseId)!;
          return { ...thread, caseTitle: item.title, caseLanguage: item.language };
        }),
      },
    },
  };
}
