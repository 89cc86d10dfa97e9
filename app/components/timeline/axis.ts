// Time axes of the timelines: where a date sits and which years get a tick. Pure, shared by the SVGs.
import { type CaseEvent, yearPosition } from "~/models/event-fields";

/** Years with a tick between `from` and `to`, about `most` of them, on round steps (1, 2, 5, 10…). */
export function yearTicks(from: number, to: number, most = 12): number[] {
  const span = Math.max(1, to - from);
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((candidate) => span / candidate <= most) ?? 100;
  const ticks: number[] = [];
  for (let year = Math.ceil(from / step) * step; year <= to; year += step) ticks.push(year);
  return ticks;
}

/** Where an event sits on a year axis: a point, a range, or "until" (no start: drawn as a point at its end). */
export function eventSpan(
  event: Pick<CaseEvent, "start" | "end">,
): { kind: "point"; at: number } | { kind: "range"; from: number; to: number } | null {
  if (event.start && event.end)
    return { kind: "range", from: yearPosition(event.start, "lo"), to: yearPosition(event.end, "hi") };
  if (event.start) return { kind: "point", at: yearPosition(event.start) };
  if (event.end) return { kind: "point", at: yearPosition(event.end) };
  return null;
}

/** The years an axis needs to show these events, with half a year of margin; null when none is dated. */
export function eventYears(events: ReadonlyArray<Pick<CaseEvent, "start" | "end">>) {
  const years = events
    .flatMap((event) => [event.start?.year, event.end?.year])
    .filter((year): year is number => year !== undefined);
  if (years.length === 0) return null;
  return { from: Math.min(...years), to: Math.max(...years) + 1 };
}
