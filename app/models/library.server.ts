// The case library: filters, facet counts and full-text search (ADR 0004).
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { approvedVersions, seesDrafts } from "~/models/case-body.server";
import { cachedActorNames, cachedCodes, cachedDerived, cachedSources } from "~/models/derived-cache.server";
import { CASE_STATUSES, type CaseStatus } from "~/models/domain";
import { type CaseEvent, readStoredEvents } from "~/models/event-fields";
import { readEventsOfCases } from "~/models/event-store.server";
import {
  type CaseDocument,
  caseSnippets,
  matchingCases,
  matchingCodes,
  matchingDiscussions,
  searchRows,
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

const FACETS = ["region", "status", "code", "author", "actor", "mediator"] as const;
type CountedFacet = (typeof FACETS)[number];

/**
 * What each case is counted under in each facet (its regions, status, codes, author, registry entries),
 * worked out once per snapshot as numbers into one list of keys per facet, each key once per case: a
 * search counts its matches' facets without reading a case's fields, codes or names again.
 */
class FacetKeys {
  readonly keys = Object.fromEntries(FACETS.map((facet) => [facet, [] as string[]])) as Record<
    CountedFacet,
    string[]
  >;
  readonly numbers = Object.fromEntries(FACETS.map((facet) => [facet, new Map<string, number>()])) as Record<
    CountedFacet,
    Map<string, number>
  >;
  readonly ofCase = new Map<string, Record<CountedFacet, Int32Array>>();

  add(caseId: string, values: Record<CountedFacet, readonly string[]>) {
    const numbered = {} as Record<CountedFacet, Int32Array>;
    for (const facet of FACETS) {
      const numbers = this.numbers[facet];
      const list: number[] = [];
      for (const value of values[facet]) {
        let number = numbers.get(value);
        if (number === undefined) {
          number = this.keys[facet].length;
          this.keys[facet].push(value);
          numbers.set(value, number);
        }
        if (!list.includes(number)) list.push(number);
      }
      numbered[facet] = Int32Array.from(list);
    }
    this.ofCase.set(caseId, numbered);
  }
}

/** Counts of one facet's keys, kept in the order they were first met (as a Map filled case by case). */
class FacetCounts {
  private readonly counts: Int32Array;
  private readonly order: number[] = [];
  constructor(private readonly keys: readonly string[]) {
    this.counts = new Int32Array(keys.length);
  }
  add(numbers: Int32Array) {
    for (const number of numbers) if (this.counts[number]++ === 0) this.order.push(number);
  }
  toMap(): Map<string, number> {
    return new Map(this.order.map((number) => [this.keys[number], this.counts[number]]));
  }
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
        ),
      )
      .all();
    // Members who read approved versions only see those versions' fields, codes and text, never a draft's.
    const approved = approvedVersions(member, all);
    // The approved versions as search's documents: the same texts the index holds for a draft.
    const approvedDocs = new Map<string, CaseDocument>();
    const approvedPassages = new Map<string, string[]>();
    // The events each case shows this kind of reader: the draft's, or the approved version's (ADR 0013).
    const eventsByCase = readEventsOfCases(
      db,
      all.filter((item) => !approved.has(item.id)).map((item) => item.id),
    );
    const sourceTitles = approved.size
      ? new Map(cachedSources(member).map((source) => [source.id, source.title]))
      : new Map<string, string>();
    for (const item of all) {
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
    // Registry entries: a case names an entry when one of its names folds to one of the entry's names.
    const names = cachedActorNames(member);
    const entriesOf = (caseNames: string[]) => caseNames.flatMap((name) => names.get(nameKey(name)) ?? []);
    const facetKeys = new FacetKeys();
    for (const item of all)
      facetKeys.add(item.id, {
        region: item.regions,
        status: [item.status],
        code: [...(codesByCase.get(item.id) ?? [])],
        author: [item.createdBy],
        actor: entriesOf([
          ...item.actors,
          ...(eventsByCase.get(item.id) ?? []).flatMap((event) => event.actors),
        ]),
        mediator: entriesOf(item.mediators),
      });
    let rows: Map<number, string> | null = null;
    return {
      all,
      byId: new Map(all.map((item) => [item.id, item])),
      /** The search index's rows of these cases, read on the first search. */
      indexRows: () => {
        rows ??= searchRows(all.map((item) => item.id));
        return rows as ReadonlyMap<number, string>;
      },
      approvedDocs: approvedDocs as ReadonlyMap<string, CaseDocument>,
      codesByCase,
      eventsByCase: eventsByCase as ReadonlyMap<string, CaseEvent[]>,
      allRegions,
      authorNames,
      facetKeys: facetKeys as Readonly<FacetKeys>,
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
    indexRows: snapshot.indexRows,
    approvedDocs: new Map([...snapshot.approvedDocs].filter(([caseId]) => !hidden.has(caseId))),
    codesByCase: snapshot.codesByCase,
    eventsByCase: snapshot.eventsByCase,
    allRegions: [...new Set(all.flatMap((item) => item.regions))].sort((a, b) => a.localeCompare(b)),
    authorNames: new Map(all.map((item) => [item.createdBy, item.createdByName])),
    facetKeys: snapshot.facetKeys,
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
  const { all, byId, indexRows, approvedDocs, codesByCase, allRegions, authorNames, facetKeys } =
    libraryView(member);
  const linked = query.linked ? linkedCaseIds(member, query.linked) : null;

  // What was typed, read by the app's parser, with the workspace's spelling variants (ADR 0004).
  const search = prepareSearch(query.q, variantIndex(member.workspaceId));
  const searching = search.tree !== null;
  const sort = query.sort === "relevance" && !searching ? "updated" : query.sort;
  const hits = searching
    ? matchingCases(search, { rows: indexRows(), cases: byId }, approvedDocs, sort === "relevance")
    : new Map<string, number>();

  // Each filter in use, as a bit: a case's mask holds the filters it fails. A facet counts the cases that
  // fail no filter but its own; the results are the cases that fail none.
  type Facet = "q" | "region" | "status" | "code" | "period" | "author" | "actor" | "mediator";
  const BIT: Record<Facet | "linked", number> = {
    q: 1,
    region: 2,
    status: 4,
    code: 8,
    period: 16,
    author: 32,
    actor: 64,
    mediator: 128,
    linked: 256,
  };
  // A registry filter: every chosen entry among the case's (an entry no case names matches none).
  const namesAll = (facet: "actor" | "mediator", chosen: string[]) => {
    const wanted = chosen.map((id) => facetKeys.numbers[facet].get(id) ?? -1);
    return (item: LibraryCase) => {
      const named = facetKeys.ofCase.get(item.id)![facet];
      return wanted.every((number) => named.includes(number));
    };
  };
  const filters: Array<[number, (item: LibraryCase) => boolean]> = [];
  if (searching) filters.push([BIT.q, (item) => hits.has(item.id)]);
  if (linked) filters.push([BIT.linked, (item) => linked.has(item.id)]);
  if (query.actor.length) filters.push([BIT.actor, namesAll("actor", query.actor)]);
  if (query.mediator.length) filters.push([BIT.mediator, namesAll("mediator", query.mediator)]);
  if (query.region.length)
    filters.push([BIT.region, (item) => item.regions.some((r) => query.region.includes(r))]);
  if (query.status.length) filters.push([BIT.status, (item) => query.status.includes(item.status)]);
  if (query.author) filters.push([BIT.author, (item) => item.createdBy === query.author]);
  if (query.from !== null || query.to !== null)
    filters.push([BIT.period, (item) => overlaps(item, query.from, query.to)]);
  if (query.code.length)
    filters.push([
      BIT.code,
      (item) => {
        const has = codesByCase.get(item.id) ?? new Set<string>();
        return query.match === "all"
          ? query.code.every((c) => has.has(c))
          : query.code.some((c) => has.has(c));
      },
    ]);
  const maskOf = (item: LibraryCase) => {
    let mask = 0;
    for (let i = 0; i < filters.length; i++) if (!filters[i][1](item)) mask |= filters[i][0];
    return mask;
  };
  // The facet a case is counted in when it fails that facet's filter alone.
  const facetOfMask = new Map(FACETS.map((facet) => [BIT[facet], facet]));

  const counts = Object.fromEntries(
    FACETS.map((facet) => [facet, new FacetCounts(facetKeys.keys[facet])]),
  ) as Record<CountedFacet, FacetCounts>;
  const matches: LibraryCase[] = [];
  // The cases that pass every filter but the search words: where codes and discussions are looked for.
  let filteredCount = 0;
  for (const item of all) {
    const mask = maskOf(item);
    if ((mask & ~BIT.q) === 0) filteredCount++;
    if (mask === 0) {
      matches.push(item);
      const keys = facetKeys.ofCase.get(item.id)!;
      for (const facet of FACETS) counts[facet].add(keys[facet]);
    } else {
      const facet = facetOfMask.get(mask);
      if (facet) counts[facet].add(facetKeys.ofCase.get(item.id)![facet]);
    }
  }
  const regionCounts = counts.region.toMap();
  const statusCounts = counts.status.toMap();
  const codeCounts = counts.code.toMap();
  const authorCounts = counts.author.toMap();
  const actorCounts = counts.actor.toMap();
  const mediatorCounts = counts.mediator.toMap();
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
  // Snippets only for the cases of the page shown: cutting one may read the case's whole text.
  const snippets = searching
    ? caseSnippets(
        search,
        shown.map((item) => item.id),
        approvedDocs,
      )
    : new Map<string, string>();

  // The other kinds of result, within the same filters: codes with their cases, and discussions.
  const passesFilters = (caseId: string) => {
    const item = byId.get(caseId);
    return item !== undefined && (maskOf(item) & ~BIT.q) === 0;
  };
  let filteredIds: string[] | null = null;
  const codeLabels = new Map(cachedCodes(member).map((code) => [code.id, code]));
  const codeResults = searching
    ? matchingCodes(member, search).flatMap(({ id, snippet }) => {
        const code = codeLabels.get(id);
        if (!code) return [];
        filteredIds ??= all.filter((item) => passesFilters(item.id)).map((item) => item.id);
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
    ? matchingDiscussions(member, search, { size: filteredCount, has: passesFilters })
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
