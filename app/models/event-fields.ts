// Dated events of a case: their shape, the form's schema, dates with their precision, the order they are
// shown in, the ordering check a reviewer reads, and what changed between two revisions. Browser-safe.
import { z } from "zod";
import { RECORD_ID } from "~/rules/ids";
import { msg } from "~/utils/messages";

export const EVENT_MIN_YEAR = 1800;
export const EVENT_MAX_YEAR = 2100;
export const EVENT_TITLE_MAX = 200;
export const EVENT_DESCRIPTION_MAX = 2000;
export const EVENT_WORDING_MAX = 200;
export const EVENT_LOCATOR_MAX = 100;
export const MAX_EVENTS = 200;
export const MAX_EVENT_CITATIONS = 10;
export const MAX_EVENT_CODES = 30;

/** A year, a month or a day: the precision is what is given. */
export type PartialDate = { year: number; month?: number; day?: number };

export type EventCitation = { sourceId: string; locator: string };

/**
 * One dated event. `start` alone is a point; `start` and `end` a range; `end` alone "until then" (the
 * start unknown); neither: undated, and `wording` says how the source dates it ("the year before the
 * article"). `circa` applies to the whole date. `actors` are names as written, resolved through the
 * registry; `codeIds` say which preconditions or outcomes the event shows.
 */
export type CaseEvent = {
  id: string;
  start: PartialDate | null;
  end: PartialDate | null;
  circa: boolean;
  wording: string;
  title: string;
  description: string;
  actors: string[];
  codeIds: string[];
  citations: EventCitation[];
};

function daysInMonth(year: number, month: number) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "2012", "2012-03", "2012-3-15" (also with / or .) → a partial date; null when it is not one. */
export function parsePartialDate(value: string): PartialDate | "invalid" | "range" | null {
  const text = value.trim();
  if (text === "") return null;
  const match = /^(\d{3,4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?$/.exec(text);
  if (!match) return "invalid";
  const year = Number(match[1]);
  if (year < EVENT_MIN_YEAR || year > EVENT_MAX_YEAR) return "range";
  if (match[2] === undefined) return { year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return "invalid";
  if (match[3] === undefined) return { year, month };
  const day = Number(match[3]);
  if (day < 1 || day > daysInMonth(year, month)) return "invalid";
  return { year, month, day };
}

/** The text a form shows for a stored date: "2012", "2012-03", "2012-03-15". */
export function partialDateText(date: PartialDate | null): string {
  if (!date) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return [String(date.year), date.month ? pad(date.month) : null, date.day ? pad(date.day) : null]
    .filter(Boolean)
    .join("-");
}

const DAY = 86_400_000;

/** First and last day (days since 1970) a partial date may mean. */
export function dateBounds(date: PartialDate): { lo: number; hi: number } {
  const lo = Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1) / DAY;
  const hiMonth = date.month ?? 12;
  const hiDay = date.day ?? daysInMonth(date.year, hiMonth);
  return { lo, hi: Date.UTC(date.year, hiMonth - 1, hiDay) / DAY };
}

/** The days an event may cover; circa widens it by a year each side. Undated: null. */
export function eventBounds(
  event: Pick<CaseEvent, "start" | "end" | "circa">,
): { lo: number; hi: number } | null {
  if (!event.start && !event.end) return null;
  const widen = event.circa ? 366 : 0;
  const start = event.start ? dateBounds(event.start) : null;
  const end = event.end ? dateBounds(event.end) : null;
  return {
    // "Until X" with no start may have begun at any time before.
    lo: start ? start.lo - widen : Number.NEGATIVE_INFINITY,
    hi: (end ?? start)!.hi + widen,
  };
}

/** A fractional year for placing an event on a time axis (the middle of what its date may mean). */
export function yearPosition(date: PartialDate, edge: "lo" | "hi" | "mid" = "mid"): number {
  const { lo, hi } = dateBounds(date);
  const day = edge === "lo" ? lo : edge === "hi" ? hi + 1 : (lo + hi + 1) / 2;
  const ms = day * DAY;
  const year = new Date(ms).getUTCFullYear();
  const startOfYear = Date.UTC(year, 0, 1);
  const length = Date.UTC(year + 1, 0, 1) - startOfYear;
  return year + (ms - startOfYear) / length;
}

/**
 * Events in the order the case shows them: dated ones by when they begin (an "until" date before a
 * point in the same year), then undated ones in the order they were written.
 */
export function sortEvents<T extends Pick<CaseEvent, "start" | "end" | "circa">>(events: readonly T[]): T[] {
  const keyed = events.map((event, index) => {
    const anchor = event.start ?? event.end;
    const bounds = anchor ? dateBounds(anchor) : null;
    return { event, index, lo: bounds?.lo ?? Number.POSITIVE_INFINITY, untilOnly: !event.start };
  });
  keyed.sort(
    (a, b) => a.lo - b.lo || (a.untilOnly === b.untilOnly ? 0 : a.untilOnly ? -1 : 1) || a.index - b.index,
  );
  return keyed.map((entry) => entry.event);
}

export type OrderingFlag = {
  outcomeEventId: string;
  outcomeCodeId: string;
  preconditionEventId: string;
  preconditionCodeId: string;
};

/**
 * Where an event showing an outcome certainly comes before an event showing a precondition of the same
 * case (its latest possible day before the other's earliest, circa counted): a flag for the reviewer,
 * never a block. Undated events and codes unknown to `kindOf` are left out.
 */
export function orderingFlags(
  events: readonly CaseEvent[],
  kindOf: (codeId: string) => "precondition" | "outcome" | undefined,
): OrderingFlag[] {
  const flags: OrderingFlag[] = [];
  const dated = events
    .map((event) => ({ event, bounds: eventBounds(event) }))
    .filter((entry) => entry.bounds !== null);
  for (const outcome of dated) {
    for (const outcomeCodeId of outcome.event.codeIds) {
      if (kindOf(outcomeCodeId) !== "outcome") continue;
      for (const precondition of dated) {
        if (precondition.event.id === outcome.event.id) continue;
        if (!(outcome.bounds!.hi < precondition.bounds!.lo)) continue;
        for (const preconditionCodeId of precondition.event.codeIds) {
          if (kindOf(preconditionCodeId) !== "precondition") continue;
          flags.push({
            outcomeEventId: outcome.event.id,
            outcomeCodeId,
            preconditionEventId: precondition.event.id,
            preconditionCodeId,
          });
        }
      }
    }
  }
  return flags;
}

/** An event as a case's timeline shows it: names linked to the registry, codes and sources named, flags. */
export type TimelineEvent = Omit<CaseEvent, "actors" | "codeIds" | "citations"> & {
  actors: Array<{ name: string; actorId: string | null }>;
  codes: Array<{ id: string; label: string; shortName: string; kind: string; color: string }>;
  citations: Array<{ sourceId: string; title: string | null; locator: string }>;
  /** Outcomes of this event that come before a precondition's event, and the reverse. */
  flags: Array<{
    role: "outcome" | "precondition";
    codeLabel: string;
    otherCodeLabel: string;
    otherEventId: string;
    otherEventTitle: string;
  }>;
};

/** A case on the timeline across cases: its period and its events. */
export type TimelineCase = {
  id: string;
  title: string;
  regions: string[];
  periodStart: number | null;
  periodStartCirca: boolean;
  periodEnd: number | null;
  periodEndCirca: boolean;
  events: Array<Pick<CaseEvent, "id" | "start" | "end" | "circa" | "wording" | "title">>;
};

// ---- Reading stored events (revisions hold them in their fields snapshot) ------------------------------

const storedDate = z
  .object({
    year: z.number().int(),
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
  })
  .nullable()
  .catch(null);

const storedEvent = z.object({
  id: z.string(),
  start: storedDate,
  end: storedDate,
  circa: z.boolean().catch(false),
  wording: z.string().catch(""),
  title: z.string().catch(""),
  description: z.string().catch(""),
  actors: z.array(z.string()).catch([]),
  codeIds: z.array(z.string()).catch([]),
  citations: z.array(z.object({ sourceId: z.string(), locator: z.string().catch("") })).catch([]),
});

/** Events as stored in a row or snapshot; anything unreadable is left out rather than breaking the page. */
export function readStoredEvents(value: unknown): CaseEvent[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = storedEvent.safeParse(item);
    return parsed.success ? [parsed.data as CaseEvent] : [];
  });
}

// ---- The event form ---------------------------------------------------------------------------------

const lines = (max: number, each: number) =>
  z
    .string()
    .max(max * (each + 2), msg("events.errors.actorsTooLong", { max }))
    .transform((value) =>
      value
        .split(/\r?\n/)
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().max(each, msg("events.errors.actorTooLong", { max: each })))
        .max(max, msg("events.errors.tooManyActors", { max })),
    );

const dateField = z.string().transform((value, ctx) => {
  const parsed = parsePartialDate(value);
  if (parsed === "invalid") {
    ctx.addIssue({ code: "custom", message: msg("events.errors.date") });
    return z.NEVER;
  }
  if (parsed === "range") {
    ctx.addIssue({
      code: "custom",
      message: msg("events.errors.dateRange", { min: EVENT_MIN_YEAR, max: EVENT_MAX_YEAR }),
    });
    return z.NEVER;
  }
  return parsed;
});

/** The fields of the event form as posted (citations and codes come as repeated fields, see readEventForm). */
export const eventFormSchema = z
  .object({
    title: z
      .string()
      .transform((value) => value.replace(/\s+/g, " ").trim())
      .pipe(
        z
          .string()
          .min(1, msg("events.errors.titleRequired"))
          .max(EVENT_TITLE_MAX, msg("events.errors.titleTooLong", { max: EVENT_TITLE_MAX })),
      ),
    start: dateField,
    end: dateField,
    circa: z
      .string()
      .optional()
      .transform((value) => value === "on" || value === "true"),
    wording: z
      .string()
      .transform((value) => value.replace(/\s+/g, " ").trim())
      .pipe(
        z.string().max(EVENT_WORDING_MAX, msg("events.errors.wordingTooLong", { max: EVENT_WORDING_MAX })),
      ),
    description: z
      .string()
      .transform((value) => value.trim())
      .pipe(
        z
          .string()
          .max(
            EVENT_DESCRIPTION_MAX,
            msg("events.errors.descriptionTooLong", { max: EVENT_DESCRIPTION_MAX }),
          ),
      ),
    actors: lines(30, 300),
    codeIds: z
      .array(z.string().regex(RECORD_ID, msg("events.errors.codeUnknown")))
      .max(MAX_EVENT_CODES, msg("events.errors.tooManyCodes", { max: MAX_EVENT_CODES })),
    citations: z
      .array(
        z.object({
          sourceId: z.string().regex(RECORD_ID, msg("events.errors.sourceUnknown")),
          locator: z
            .string()
            .transform((value) => value.trim())
            .pipe(
              z
                .string()
                .max(EVENT_LOCATOR_MAX, msg("events.errors.locatorTooLong", { max: EVENT_LOCATOR_MAX })),
            ),
        }),
      )
      .max(MAX_EVENT_CITATIONS, msg("events.errors.tooManyCitations", { max: MAX_EVENT_CITATIONS })),
  })
  .superRefine((event, ctx) => {
    if (event.start && event.end) {
      const start = dateBounds(event.start);
      const end = dateBounds(event.end);
      if (end.hi < start.lo)
        ctx.addIssue({ code: "custom", path: ["end"], message: msg("events.errors.endBeforeStart") });
    }
    if (!event.start && !event.end && event.wording === "")
      ctx.addIssue({ code: "custom", path: ["start"], message: msg("events.errors.dateOrWording") });
  })
  // The same date twice is one date, not a range.
  .transform((event) =>
    event.start && event.end && partialDateText(event.start) === partialDateText(event.end)
      ? { ...event, end: null }
      : event,
  );

export type EventInput = z.output<typeof eventFormSchema>;

/** The raw form as the schema reads it: repeated citation rows and code boxes gathered into arrays. */
export function eventFormValues(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const sourceIds = formData.getAll("citationSource").map(String);
  const locators = formData.getAll("citationLocator").map(String);
  return {
    title: text("title"),
    start: text("start"),
    end: text("end"),
    circa: formData.get("circa") === null ? undefined : text("circa"),
    wording: text("wording"),
    description: text("description"),
    actors: text("actors"),
    codeIds: [...new Set(formData.getAll("codeId").map(String))],
    // A row without a source is an empty row of the form, not a citation.
    citations: sourceIds
      .map((sourceId, index) => ({ sourceId, locator: locators[index] ?? "" }))
      .filter((row) => row.sourceId !== ""),
  };
}

/** What the form shows again after a refusal: every field as typed. */
export function eventFormEcho(formData: FormData): Record<string, string | string[]> {
  return {
    title: String(formData.get("title") ?? ""),
    start: String(formData.get("start") ?? ""),
    end: String(formData.get("end") ?? ""),
    circa: formData.get("circa") ? "on" : "",
    wording: String(formData.get("wording") ?? ""),
    description: String(formData.get("description") ?? ""),
    actors: String(formData.get("actors") ?? ""),
    codeId: formData.getAll("codeId").map(String),
    citationSource: formData.getAll("citationSource").map(String),
    citationLocator: formData.getAll("citationLocator").map(String),
  };
}

/** A stored event as the form shows it. */
export function eventToFormValues(event: CaseEvent): Record<string, string | string[]> {
  return {
    title: event.title,
    start: partialDateText(event.start),
    end: partialDateText(event.end),
    circa: event.circa ? "on" : "",
    wording: event.wording,
    description: event.description,
    actors: event.actors.join("\n"),
    codeId: event.codeIds,
    citationSource: event.citations.map((citation) => citation.sourceId),
    citationLocator: event.citations.map((citation) => citation.locator),
  };
}

// ---- Showing a date ---------------------------------------------------------------------------------

type EventDateKey =
  | "events.date.circa"
  | "events.date.range"
  | "events.date.until"
  | "events.date.undated"
  | "events.date.withWording";
export type EventDateWords = (key: EventDateKey, params?: Record<string, string | number>) => string;

function datePart(date: PartialDate, locale: string) {
  if (!date.month) return String(date.year);
  const at = new Date(Date.UTC(date.year, date.month - 1, date.day ?? 1));
  return new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    ...(date.day ? { day: "numeric" } : {}),
    timeZone: "UTC",
  }).format(at);
}

/**
 * "2012", "March 2012", "2009–2011", "c. 2020", "until 2022", or the source's wording for an undated
 * event; the wording follows a date in brackets when both are given.
 */
export function formatEventDate(
  event: Pick<CaseEvent, "start" | "end" | "circa" | "wording">,
  words: EventDateWords,
  locale = "en",
): string {
  let text: string | null = null;
  if (event.start && event.end)
    text = words("events.date.range", {
      start: datePart(event.start, locale),
      end: datePart(event.end, locale),
    });
  else if (event.start) text = datePart(event.start, locale);
  else if (event.end) text = words("events.date.until", { end: datePart(event.end, locale) });
  if (text && event.circa) text = words("events.date.circa", { date: text });
  if (text === null) return event.wording || words("events.date.undated");
  return event.wording ? words("events.date.withWording", { date: text, wording: event.wording }) : text;
}

// ---- What changed between two revisions ---------------------------------------------------------------

export type EventField = "date" | "title" | "description" | "actors" | "codes" | "citations";

export type EventChanges = {
  added: CaseEvent[];
  removed: CaseEvent[];
  changed: Array<{ before: CaseEvent; after: CaseEvent; fields: EventField[] }>;
};

export function diffEvents(before: readonly CaseEvent[], after: readonly CaseEvent[]): EventChanges {
  const old = new Map(before.map((event) => [event.id, event]));
  const now = new Map(after.map((event) => [event.id, event]));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changed: EventChanges["changed"] = [];
  for (const event of after) {
    const was = old.get(event.id);
    if (!was) continue;
    const fields: EventField[] = [];
    if (
      !same(
        [was.start, was.end, was.circa, was.wording],
        [event.start, event.end, event.circa, event.wording],
      )
    )
      fields.push("date");
    if (was.title !== event.title) fields.push("title");
    if (was.description !== event.description) fields.push("description");
    if (!same(was.actors, event.actors)) fields.push("actors");
    if (!same([...was.codeIds].sort(), [...event.codeIds].sort())) fields.push("codes");
    if (!same(was.citations, event.citations)) fields.push("citations");
    if (fields.length) changed.push({ before: was, after: event, fields });
  }
  return {
    added: after.filter((event) => !old.has(event.id)),
    removed: before.filter((event) => !now.has(event.id)),
    changed,
  };
}

/** A copy of the events without codes or sources no longer in the workspace; `dropped` counts them. */
export function eventsWithoutReferences(
  events: readonly CaseEvent[],
  goneCodes: ReadonlySet<string>,
  goneSources: ReadonlySet<string>,
): { events: CaseEvent[]; dropped: number } {
  let dropped = 0;
  const kept = events.map((event) => {
    const codeIds = event.codeIds.filter((id) => !goneCodes.has(id));
    const citations = event.citations.filter((citation) => !goneSources.has(citation.sourceId));
    dropped += event.codeIds.length - codeIds.length + event.citations.length - citations.length;
    return { ...event, codeIds, citations };
  });
  return { events: kept, dropped };
}

/** Every code and source id the events refer to. */
export function eventReferences(events: readonly CaseEvent[]) {
  return {
    codeIds: [...new Set(events.flatMap((event) => event.codeIds))],
    sourceIds: [...new Set(events.flatMap((event) => event.citations.map((citation) => citation.sourceId)))],
  };
}

/** Events with one code replaced by another (a merge) or removed (to = null). */
export function rewriteEventCodes(events: readonly CaseEvent[], from: string, to: string | null) {
  let changed = false;
  const rewritten = events.map((event) => {
    if (!event.codeIds.includes(from)) return event;
    changed = true;
    const codeIds = event.codeIds.flatMap((id) => (id === from ? (to ? [to] : []) : [id]));
    return { ...event, codeIds: [...new Set(codeIds)] };
  });
  return { events: rewritten, changed };
}
