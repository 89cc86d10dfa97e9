// The registry's names, for write paths that need them in their own transaction (case fields, events,
// imports, the start-up data step): no connection of its own, so db/ may use it too.
import { eq } from "drizzle-orm";
import { nameKey, tidyName } from "~/models/actor-names";
import { newId } from "~/models/ids.server";
import type { Executor } from "~/utils/permissions.server";
import { actorNames, actors } from "../../db/schema";

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
