import { describe, expect, it } from "vitest";
import {
  type CaseEvent,
  diffEvents,
  eventBounds,
  eventFormSchema,
  eventFormValues,
  eventsWithoutReferences,
  formatEventDate,
  orderingFlags,
  parsePartialDate,
  readStoredEvents,
  rewriteEventCodes,
  sortEvents,
} from "~/models/event-fields";
import { decodeMessage } from "~/utils/messages";

const event = (id: string, over: Partial<CaseEvent> = {}): CaseEvent => ({
  id,
  start: null,
  end: null,
  circa: false,
  wording: "",
  title: id,
  description: "",
  actors: [],
  codeIds: [],
  citations: [],
  ...over,
});

const words = (key: string, params: Record<string, string | number> = {}) =>
  ({
    "events.date.circa": `c. ${params.date}`,
    "events.date.range": `${params.start}–${params.end}`,
    "events.date.until": `until ${params.end}`,
    "events.date.undated": "Undated",
    "events.date.withWording": `${params.date} (${params.wording})`,
  })[key] ?? key;

describe("a date with its precision", () => {
  it("reads a year, a month or a day, and refuses what is not one", () => {
    expect(parsePartialDate("2012")).toEqual({ year: 2012 });
    expect(parsePartialDate(" 2012-3 ")).toEqual({ year: 2012, month: 3 });
    expect(parsePartialDate("2012/03/15")).toEqual({ year: 2012, month: 3, day: 15 });
    expect(parsePartialDate("")).toBeNull();
    expect(parsePartialDate("2012-13")).toBe("invalid");
    expect(parsePartialDate("2023-02-29")).toBe("invalid");
    expect(parsePartialDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate("last year")).toBe("invalid");
    expect(parsePartialDate("1799")).toBe("range");
    expect(parsePartialDate("2101")).toBe("range");
  });

  it("covers every day the precision allows, and a year more each side when circa", () => {
    const year = eventBounds(event("a", { start: { year: 2012 } }))!;
    const month = eventBounds(event("b", { start: { year: 2012, month: 2 } }))!;
    expect(year.hi - year.lo).toBe(365); // 2012 is a leap year: 366 days
    expect(month.hi - month.lo).toBe(28); // 29 days
    const circa = eventBounds(event("c", { start: { year: 2020 }, circa: true }))!;
    expect(circa.lo).toBeLessThan(eventBounds(event("d", { start: { year: 2019 } }))!.lo + 1);
    // "Until 2022" may have begun at any time before.
    expect(eventBounds(event("e", { end: { year: 2022 } }))!.lo).toBe(Number.NEGATIVE_INFINITY);
    expect(eventBounds(event("f"))).toBeNull();
  });

  it("writes the date as the reader reads it, with the source's words when given", () => {
    expect(formatEventDate(event("a", { start: { year: 2009 }, end: { year: 2011 } }), words)).toBe(
      "2009–2011",
    );
    expect(formatEventDate(event("b", { start: { year: 2020 }, circa: true }), words)).toBe("c. 2020");
    expect(
      formatEventDate(event("c", { end: { year: 2022 }, wording: "before the 2022 coups" }), words),
    ).toBe("until 2022 (before the 2022 coups)");
    expect(formatEventDate(event("d", { wording: "the year before the article" }), words)).toBe(
      "the year before the article",
    );
    expect(formatEventDate(event("e"), words)).toBe("Undated");
    expect(formatEventDate(event("f", { start: { year: 2012, month: 3, day: 5 } }), words, "en-GB")).toBe(
      "5 March 2012",
    );
    expect(formatEventDate(event("g", { start: { year: 2012, month: 3 } }), words, "fr-FR")).toBe(
      "mars 2012",
    );
  });
});

describe("the order of events", () => {
  it("puts dated events in time order, an 'until' before a point of the same year, undated ones last", () => {
    const sorted = sortEvents([
      event("undated1", { wording: "later" }),
      event("junta", { start: { year: 2022 } }),
      event("ceasefire", { end: { year: 2022 } }),
      event("talks", { start: { year: 2012 } }),
      event("undated2", { wording: "after" }),
    ]);
    expect(sorted.map((e) => e.id)).toEqual(["talks", "ceasefire", "junta", "undated1", "undated2"]);
  });

  it("flags an outcome dated before a precondition that should precede it, and nothing less certain", () => {
    const kinds: Record<string, "precondition" | "outcome"> = { LOCAL: "precondition", TRUCE: "outcome" };
    const kindOf = (id: string) => kinds[id];
    const truce2019 = event("truce", { start: { year: 2019 }, codeIds: ["TRUCE"] });
    const local2020 = event("local", { start: { year: 2020 }, codeIds: ["LOCAL"] });
    expect(orderingFlags([truce2019, local2020], kindOf)).toEqual([
      {
        outcomeEventId: "truce",
        outcomeCodeId: "TRUCE",
        preconditionEventId: "local",
        preconditionCodeId: "LOCAL",
      },
    ]);
    // The right order, the same year, a circa date that may overlap, or an undated event: no flag.
    expect(
      orderingFlags([event("l", { start: { year: 2018 }, codeIds: ["LOCAL"] }), truce2019], kindOf),
    ).toEqual([]);
    expect(
      orderingFlags([event("t", { start: { year: 2020 }, codeIds: ["TRUCE"] }), local2020], kindOf),
    ).toEqual([]);
    expect(
      orderingFlags(
        [event("t", { start: { year: 2019 }, circa: true, codeIds: ["TRUCE"] }), local2020],
        kindOf,
      ),
    ).toEqual([]);
    expect(orderingFlags([event("t", { wording: "once", codeIds: ["TRUCE"] }), local2020], kindOf)).toEqual(
      [],
    );
    // A code that is no longer in the codebook is left out.
    expect(
      orderingFlags([event("t", { start: { year: 2010 }, codeIds: ["GONE"] }), local2020], kindOf),
    ).toEqual([]);
  });
});

describe("the event form", () => {
  const form = (fields: Record<string, string | string[]>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
    return eventFormSchema.safeParse(eventFormValues(data));
  };
  const errorKeys = (result: ReturnType<typeof form>) =>
    result.success ? [] : result.error.issues.map((issue) => decodeMessage(issue.message)?.key);

  it("keeps a range, citation rows with a source and the codes ticked", () => {
    const result = form({
      title: "  Algiers   Accords ",
      start: "2015",
      end: "2016-06",
      wording: "",
      description: "",
      actors: "Algeria\n\n  Tuareg rebellion  ",
      codeId: ["code0001", "code0001", "code0002"],
      citationSource: ["source001", ""],
      citationLocator: ["l. 27", "ignored"],
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({
      title: "Algiers Accords",
      start: { year: 2015 },
      end: { year: 2016, month: 6 },
      actors: ["Algeria", "Tuareg rebellion"],
      codeIds: ["code0001", "code0002"],
      citations: [{ sourceId: "source001", locator: "l. 27" }],
    });
  });

  it("refuses an end before the start, a date out of range, and an event with neither date nor wording", () => {
    expect(errorKeys(form({ title: "A", start: "2015", end: "2012", wording: "" }))).toEqual([
      "events.errors.endBeforeStart",
    ]);
    expect(errorKeys(form({ title: "A", start: "1700", end: "", wording: "" }))).toContain(
      "events.errors.dateRange",
    );
    expect(errorKeys(form({ title: "A", start: "", end: "", wording: "" }))).toEqual([
      "events.errors.dateOrWording",
    ]);
    expect(errorKeys(form({ title: "", start: "2012", end: "", wording: "" }))).toEqual([
      "events.errors.titleRequired",
    ]);
    // An undated event is fine when the source's words say when.
    expect(form({ title: "A", start: "", end: "", wording: "the year before the article" }).success).toBe(
      true,
    );
    // The same date twice is one date.
    const same = form({ title: "A", start: "2012", end: "2012", wording: "" });
    expect(same.success && same.data.end).toBeNull();
  });
});

describe("events between revisions", () => {
  it("says which events were added, removed or changed, and in what", () => {
    const before = [event("a", { start: { year: 2012 } }), event("b", { title: "Old" })];
    const after = [
      event("b", { title: "New", actors: ["Dicko"] }),
      event("c", { start: { year: 2015 } }),
      event("a", { start: { year: 2012 } }),
    ];
    const changes = diffEvents(before, after);
    expect(changes.added.map((e) => e.id)).toEqual(["c"]);
    expect(changes.removed).toEqual([]);
    expect(changes.changed).toEqual([{ before: before[1], after: after[0], fields: ["title", "actors"] }]);
    expect(diffEvents(after, []).removed).toHaveLength(3);
  });

  it("reads stored events leniently and drops references to codes and sources removed since", () => {
    const stored = readStoredEvents([
      { id: "a", title: "Kept", start: { year: 2012 }, codeIds: ["x", "y"], citations: [{ sourceId: "s" }] },
      { title: "no id" },
      "junk",
    ]);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      end: null,
      circa: false,
      actors: [],
      citations: [{ sourceId: "s", locator: "" }],
    });
    const kept = eventsWithoutReferences(stored, new Set(["y"]), new Set(["s"]));
    expect(kept.events[0]).toMatchObject({ codeIds: ["x"], citations: [] });
    expect(kept.dropped).toBe(2);
    expect(readStoredEvents(undefined)).toEqual([]);
  });

  it("retags events when a code is merged, and untags them when it is deleted", () => {
    const events = [event("a", { codeIds: ["from", "to"] }), event("b", { codeIds: ["other"] })];
    expect(rewriteEventCodes(events, "from", "to")).toEqual({
      events: [event("a", { codeIds: ["to"] }), events[1]],
      changed: true,
    });
    expect(rewriteEventCodes(events, "from", null).events[0].codeIds).toEqual(["to"]);
    expect(rewriteEventCodes(events, "none", null).changed).toBe(false);
  });
});
