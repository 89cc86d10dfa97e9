// Data steps that SQL alone cannot do (folding accents, unique names), run after the SQL migrations on
// every start. Each is idempotent: it only touches rows that still need it, so a second run does nothing.
import { and, eq, isNull } from "drizzle-orm";
import { actorNameMap, ensureActorEntries, namesWrittenInCases } from "../app/models/actor-registry.server";
import { shortNameFrom, uniqueShortName } from "../app/rules/short-names";
import type { DB } from "./client";
import { codes, workspaces } from "./schema";

/** Codes made before short names existed get one from their English label (unique in the workspace). */
export function fillShortNames(db: DB): number {
  const missing = db
    .select({
      id: codes.id,
      workspaceId: codes.workspaceId,
      label: codes.label,
      labelTranslations: codes.labelTranslations,
    })
    .from(codes)
    .where(isNull(codes.shortName))
    .all();
  if (missing.length === 0) return 0;
  return db.transaction((tx) => {
    const taken = new Map<string, Set<string>>();
    for (const code of missing) {
      let set = taken.get(code.workspaceId);
      if (!set) {
        set = new Set(
          tx
            .select({ shortName: codes.shortName })
            .from(codes)
            .where(eq(codes.workspaceId, code.workspaceId))
            .all()
            .flatMap((row) => (row.shortName ? [row.shortName] : [])),
        );
        taken.set(code.workspaceId, set);
      }
      const name = uniqueShortName(shortNameFrom(code.labelTranslations?.en || code.label), set);
      set.add(name);
      tx.update(codes)
        .set({ shortName: name })
        .where(and(eq(codes.id, code.id), isNull(codes.shortName)))
        .run();
    }
    return missing.length;
  });
}

/**
 * The free-text actors and mediators of every case (and the actors of its events) become entries of the
 * registry: each name no entry has yet becomes an entry, spellings that fold to the same name share one.
 * The case keeps its text as written; nothing is removed (ADR 0014).
 */
export function migrateFreeTextActors(db: DB): number {
  let created = 0;
  for (const workspace of db.select({ id: workspaces.id }).from(workspaces).all()) {
    const names = new Set([...namesWrittenInCases(db, workspace.id).values()].flat());
    if (names.size === 0) continue;
    created += db.transaction((tx) =>
      ensureActorEntries(tx, workspace.id, names, actorNameMap(tx, workspace.id)),
    );
  }
  return created;
}

export function runDataMigrations(db: DB) {
  return { shortNames: fillShortNames(db), actors: migrateFreeTextActors(db) };
}
