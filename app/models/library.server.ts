// The case library: filters, facet counts and full-text search (ADR 0004).
import { and, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { approvedVersions, seesDrafts } from "~/models/case-body.server";
import {
  cachedActorNames,
  cachedCodes,
  cachedDerived,
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

/** The facets the library counts its matches in. */
const FACETS = ["region", "status", "code", "author", "actor", "mediator"] as const;
type CountedFacet = (typeof FACETS)[number];

/** Every registry entry's name in a workspace, kept until the database changes: read-only. */
function registryEntryNames(workspaceId: string): ReadonlyMap<string, string> {
  return cachedDerived(
    `registry-entry-names:${workspaceId}`,
    () =>
      new Map(
        db
          .select({ id: actors.id, name: actors.name })
          .from(actors)
          .where(eq(actors.workspaceId, workspaceId))
          .all()
          .map((row) => [row.id, row.name]),
      ),
  );
}

/** How many cases have each key of a facet, kept in the order the keys were first met (as a Map filled case by case). */
class KeyCounts {
  private readonly keys: readonly string[];
  private readonly counts: Int32Array;
  private readonly order: number[] = [];

  constructor(numbering: keyof typeof keyNumbers) {
    this.keys = keyNumbers[numbering].keys;
    this.counts = new Int32Array(this.keys.length);
  }

  add(numbers: ArrayLike<number>) {
    for (let i = 0; i < numbers.length; i++) if (this.counts[numbers[i]]++ === 0) this.order.push(numbers[i]);
  }

  toMap(): Map<string, number> {
    return new Map(this.order.map((number) => [this.keys[number], this.counts[number]]));
  }
}

/** Results shown per page of the library; the matrix and the facets always work on every match. */
export const LIBRARY_PAGE_SIZE = 50;

/** What the library knows of some cases of a workspace, as one kind of reader reads them. */
type LibraryParts = {
  items: LibraryCase[];
  approvedDocs: Map<string, CaseDocument>;
  eventsByCase: Map<string, CaseEvent[]>;
  codesByCase: Map<string, Set<string>>;
  keysByCase: Map<string, CaseKeys>;
};

/**
 * Numbers for the keys the library counts its facets by, shared by every snapshot of this process and only
 * ever added to: a number keeps its meaning while any reader holds a snapshot, and a patched snapshot
 * numbers its new cases as the old one did. A search counts numbers in arrays instead of strings in maps.
 */
class KeyNumbers {
  readonly keys: string[] = [];
  private readonly numbers = new Map<string, number>();

  find(key: string): number | undefined {
    return this.numbers.get(key);
  }

  of(key: string): number {
    let number = this.numbers.get(key);
    if (number === undefined) {
      number = this.keys.length;
      this.keys.push(key);
      this.numbers.set(key, number);
    }
    return number;
  }

  /** The numbers of these keys, each once, in the order given. */
  ofAll(keys: Iterable<string>): Int32Array {
    const list: number[] = [];
    for (const key of keys) {
      const number = this.of(key);
      if (!list.includes(number)) list.push(number);
    }
    return Int32Array.from(list);
  }
}

const keyNumbers = {
  region: new KeyNumbers(),
  status: new KeyNumbers(),
  code: new KeyNumbers(),
  author: new KeyNumbers(),
  /** Names folded as the registry matches them (nameKey). */
  name: new KeyNumbers(),
  /** Registry entries: numbered when a search finds one of their names (never from a request's input). */
  entry: new KeyNumbers(),
};

/**
 * A case's keys in each facet, numbered (keyNumbers): its regions, status, codes and author, and the names
 * it gives, folded, that the registry facets go through: its actors and those of its events, its mediators.
 */
type CaseKeys = {
  region: Int32Array;
  status: Int32Array;
  code: Int32Array;
  author: Int32Array;
  actorNames: Int32Array;
  mediatorNames: Int32Array;
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
  const keysByCase = new Map<string, CaseKeys>();
  for (const item of items)
    keysByCase.set(item.id, {
      region: keyNumbers.region.ofAll(item.regions),
      status: keyNumbers.status.ofAll([item.status]),
      code: keyNumbers.code.ofAll(codesByCase.get(item.id) ?? []),
      author: keyNumbers.author.ofAll([item.createdBy]),
      actorNames: keyNumbers.name.ofAll(
        [...item.actors, ...(eventsByCase.get(item.id) ?? []).flatMap((event) => event.actors)].map(nameKey),
      ),
      mediatorNames: keyNumbers.name.ofAll(item.mediators.map(nameKey)),
    });
  return { items, approvedDocs, eventsByCase, codesByCase, keysByCase };
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
    keysByCase: parts.keysByCase as ReadonlyMap<string, CaseKeys>,
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
    keysByCase: replaced(old.keysByCase, fresh.keysByCase),
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
    keysByCase: snapshot.keysByCase,
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
  const { all, byId, approvedDocs, codesByCase, keysByCase, allRegions, authorNames } = libraryView(member);
  // Registry entries: a case names an entry when one of its names folds to one of the entry's names.
  const names = cachedActorNames(member);
  const entryOfName = Int32Array.from(keyNumbers.name.keys, (key) => {
    const entryId = names.get(key);
    return entryId === undefined ? -1 : keyNumbers.entry.of(entryId);
  });
  const entriesOf = (nameNumbers: Int32Array) => {
    const entries: number[] = [];
    for (const name of nameNumbers) {
      const entry = entryOfName[name];
      if (entry !== -1 && !entries.includes(entry)) entries.push(entry);
    }
    return entries;
  };
  const keysOf = (item: LibraryCase) => keysByCase.get(item.id)!;
  const keysIn: Record<CountedFacet, (keys: CaseKeys) => ArrayLike<number>> = {
    region: (keys) => keys.region,
    status: (keys) => keys.status,
    code: (keys) => keys.code,
    author: (keys) => keys.author,
    actor: (keys) => entriesOf(keys.actorNames),
    mediator: (keys) => entriesOf(keys.mediatorNames),
  };
  // A registry filter: every chosen entry among the case's (an entry no name leads to matches no case).
  const namesEvery = (facet: "actor" | "mediator", chosen: string[]) => {
    const wanted = chosen.map((id) => keyNumbers.entry.find(id) ?? -1);
    return (item: LibraryCase) => {
      const named = keysIn[facet](keysOf(item)) as number[];
      return wanted.every((entry) => named.includes(entry));
    };
  };
  const linked = query.linked ? linkedCaseIds(member, query.linked) : null;

  // What was typed, read by the app's parser, with the workspace's spelling variants (ADR 0004).
  const search = prepareSearch(query.q, variantIndex(member.workspaceId));
  const searching = search.tree !== null;
  const sort = query.sort === "relevance" && !searching ? "updated" : query.sort;
  const hits = searching
    ? matchingCases(search, byId, approvedDocs, sort === "relevance")
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
  const filters: Array<[number, (item: LibraryCase) => boolean]> = [];
  if (searching) filters.push([BIT.q, (item) => hits.has(item.id)]);
  if (linked) filters.push([BIT.linked, (item) => linked.has(item.id)]);
  if (query.actor.length) filters.push([BIT.actor, namesEvery("actor", query.actor)]);
  if (query.mediator.length) filters.push([BIT.mediator, namesEvery("mediator", query.mediator)]);
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
    FACETS.map((facet) => [
      facet,
      new KeyCounts(facet === "actor" || facet === "mediator" ? "entry" : facet),
    ]),
  ) as Record<CountedFacet, KeyCounts>;
  const tally = (facet: CountedFacet, keys: CaseKeys) => counts[facet].add(keysIn[facet](keys));
  const matches: LibraryCase[] = [];
  // The cases that pass every filter but the search words: where codes and discussions are looked for.
  let filteredCount = 0;
  for (const item of all) {
    const mask = maskOf(item);
    if ((mask & ~BIT.q) === 0) filteredCount++;
    if (mask === 0) {
      matches.push(item);
      const keys = keysOf(item);
      for (const facet of FACETS) tally(facet, keys);
    } else {
      const facet = facetOfMask.get(mask);
      if (facet) tally(facet, keysOf(item));
    }
  }
  const regionCounts = counts.region.toMap();
  const statusCounts = counts.status.toMap();
  const codeCounts = counts.code.toMap();
  const authorCounts = counts.author.toMap();
  const actorCounts = counts.actor.toMap();
  const mediatorCounts = counts.mediator.toMap();
  const entryNames = registryEntryNames(member.workspaceId);
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
