// Where a case's current events are stored (case_events, one list per case). Executor-only, so the case
// save paths, restore, imports and the events module all write the list the same way.
import { eq, inArray } from "drizzle-orm";
import { type CaseEvent, readStoredEvents } from "~/models/event-fields";
import type { Executor } from "~/utils/permissions.server";
import { caseEvents } from "../../db/schema";

export function readCaseEvents(executor: Executor, caseId: string): CaseEvent[] {
  const row = executor
    .select({ events: caseEvents.events })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .get();
  return readStoredEvents(row?.events);
}

/** The current events of several cases, by case id (cases without events are absent). */
export function readEventsOfCases(executor: Executor, caseIds: readonly string[]) {
  const result = new Map<string, CaseEvent[]>();
  for (let at = 0; at < caseIds.length; at += 500) {
    for (const row of executor
      .select({ caseId: caseEvents.caseId, events: caseEvents.events })
      .from(caseEvents)
      .where(inArray(caseEvents.caseId, caseIds.slice(at, at + 500)))
      .all())
      result.set(row.caseId, readStoredEvents(row.events));
  }
  return result;
}

export function writeCaseEvents(executor: Executor, caseId: string, events: readonly CaseEvent[]) {
  const updatedAt = new Date();
  executor
    .insert(caseEvents)
    .values({ caseId, events: [...events], updatedAt })
    .onConflictDoUpdate({ target: caseEvents.caseId, set: { events: [...events], updatedAt } })
    .run();
}
