// The cross-case timeline: the library's current filter (or a comparison set) on one time axis, each
// case's period with its events, grouped by country, with the links between the cases shown.
import { linksAmong } from "~/models/case-links.server";
import { getComparisonSet } from "~/models/comparison-sets.server";
import { dateBounds, sortEvents, type TimelineCase } from "~/models/event-fields";
import { readableCases, searchLibrary } from "~/models/library.server";
import type { LibraryQuery } from "~/queries/library";
import type { Member } from "~/utils/permissions.server";

/** Years a case reaches on the axis: its period and its dated events. Null when nothing is dated. */
function yearsOf(item: TimelineCase): { min: number; max: number } | null {
  const years: number[] = [];
  if (item.periodStart !== null) years.push(item.periodStart);
  if (item.periodEnd !== null) years.push(item.periodEnd);
  for (const event of item.events) {
    for (const date of [event.start, event.end]) if (date) years.push(date.year);
  }
  return years.length ? { min: Math.min(...years), max: Math.max(...years) } : null;
}

/** Ids of the cases to show: a comparison set's (those this member may read), or the library's matches. */
function chosenCases(member: Member, source: { setId: string } | { query: LibraryQuery }) {
  if ("setId" in source) {
    const set = getComparisonSet(member, source.setId);
    const readable = readableCases(member).byId;
    const ids = set.caseIds.filter((id) => readable.has(id));
    return { ids, setName: set.name, unavailable: set.caseIds.length - ids.length };
  }
  const ids = searchLibrary(member, source.query).matchedIds;
  // Following a case's links, the case itself is on the axis with the cases it is linked to.
  const origin = source.query.linked;
  if (origin && readableCases(member).byId.has(origin) && !ids.includes(origin)) ids.unshift(origin);
  return { ids, setName: null, unavailable: 0 };
}

export function crossCaseTimeline(member: Member, source: { setId: string } | { query: LibraryQuery }) {
  const { ids, setName, unavailable } = chosenCases(member, source);
  const { byId, eventsByCase } = readableCases(member);
  const shown: TimelineCase[] = ids.flatMap((id) => {
    const item = byId.get(id);
    if (!item) return [];
    return [
      {
        id: item.id,
        title: item.title,
        regions: item.regions,
        periodStart: item.periodStart,
        periodStartCirca: item.periodStartCirca,
        periodEnd: item.periodEnd,
        periodEndCirca: item.periodEndCirca,
        events: sortEvents(eventsByCase.get(id) ?? []).map(({ id, start, end, circa, wording, title }) => ({
          id,
          start,
          end,
          circa,
          wording,
          title,
        })),
      },
    ];
  });
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  const placed: TimelineCase[] = [];
  const unplaced: TimelineCase[] = [];
  for (const item of shown) {
    const years = yearsOf(item);
    if (!years) {
      unplaced.push(item);
      continue;
    }
    placed.push(item);
    min = Math.min(min, years.min);
    max = Math.max(max, years.max);
  }
  // Grouped by the first country or region each case names; groups and cases in time order.
  const start = (item: TimelineCase) => {
    const first = item.events.find((event) => event.start ?? event.end);
    const eventStart = first ? dateBounds((first.start ?? first.end)!).lo / 365.2425 + 1970 : Infinity;
    return Math.min(item.periodStart ?? Infinity, item.periodEnd ?? Infinity, eventStart);
  };
  const groups = new Map<string, TimelineCase[]>();
  for (const item of [...placed].sort((a, b) => start(a) - start(b) || a.title.localeCompare(b.title))) {
    const country = item.regions[0] ?? "";
    groups.set(country, [...(groups.get(country) ?? []), item]);
  }
  const shownIds = placed.map((item) => item.id);
  return {
    setName,
    unavailable,
    total: shown.length,
    // Margin each side, so points at the ends and the fade of open ends stay inside the drawing.
    axis: placed.length ? { from: min - 2, to: max + 2 } : null,
    groups: [...groups.entries()]
      .sort(([, a], [, b]) => start(a[0]) - start(b[0]))
      .map(([country, items]) => ({ country, cases: items })),
    unplaced,
    links: linksAmong(member, shownIds, true).map((link) => ({
      id: link.id,
      fromId: link.fromCaseId,
      toId: link.toCaseId,
      kind: link.kind,
    })),
  };
}

export type CrossCaseTimeline = ReturnType<typeof crossCaseTimeline>;
