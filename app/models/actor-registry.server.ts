// The registry's names, for write paths that need them in their own transaction (case fields, events,
// imports, the start-up data step): no connection of its own, so db/ may use it too.
import { eq } from "drizzle-orm";
import { newId } from "~/models/ids.server";
import { nameKey, tidyName } from "~/rules/actor-names";
import type { Executor } from "~/utils/permissions.server";
import { actorNames, actors, caseEvents, cases } from "../../db/schema";

/**
 * Every name the workspace's cases write (actors, mediators, and the actors of their events), by case:
 * drafts, trashed and confidential cases included. What the registry must hold an entry for.
 */
export function namesWrittenInCases(executor: Executor, workspaceId: string): Map<string, string[]> {
  const byCase = new Map<string, string[]>();
  for (const row of executor
    .select({ id: cases.id, actors: cases.actors, mediators: cases.mediators })
    .from(cases)
    .where(eq(cases.workspaceId, workspaceId))
    .all())
    byCase.set(row.id, [...(row.actors ?? []), ...(row.mediators ?? [])]);
  for (const row of executor
    .select({ caseId: caseEvents.caseId, events: caseEvents.events })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(eq(cases.workspaceId, workspaceId))
    .all())
    byCase.get(row.caseId)?.push(...(row.events ?? []).flatMap((event) => event.actors ?? []));
  return byCase;
}

/** Folded name → entry id, for every name of every entry of the workspace. */
export function actorNameMap(executor: Executor, workspaceId: string): Map<string, string> {
  return new Map(
    executor
      .select({ key: actorNames.key, actorId: actorNames.actorId })
      .from(actorNames)
      .where(eq(actorNames.workspaceId, workspaceId))
      .all()
      .map((row) => [row.key, row.actorId]),
  );
}

/**
 * Makes sure every name resolves to an entry: a name no entry has yet becomes a new entry of its own
 * (kind not set), so that nothing a case names is left out of the registry. Returns how many were made.
 */
export function ensureActorEntries(
  executor: Executor,
  workspaceId: string,
  names: Iterable<string>,
  known: Map<string, string> = actorNameMap(executor, workspaceId),
): number {
  let created = 0;
  const now = new Date();
  for (const raw of names) {
    const name = tidyName(raw);
    const key = nameKey(name);
    if (!key || known.has(key)) continue;
    const id = newId();
    executor.insert(actors).values({ id, workspaceId, name, updatedAt: now }).run();
    executor.insert(actorNames).values({ actorId: id, workspaceId, name, key }).run();
    known.set(key, id);
    created += 1;
  }
  return created;
}
