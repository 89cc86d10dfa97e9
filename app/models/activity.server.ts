// A case's activity log: writers record what happened; it never reads cases (case-activity.server.ts
// shows the timeline).
import { and, desc, eq } from "drizzle-orm";
import { db } from "~/utils/db.server";
import type { Executor } from "~/utils/permissions.server";
import { caseActivity, users } from "../../db/schema";

type Kind = (typeof caseActivity.$inferInsert)["kind"];

// Autosave writes a revision every few seconds; the timeline folds a person's consecutive saves
// within this window into one entry ("saved 12 times").
const SAVE_FOLD_MS = 15 * 60 * 1000;

export function recordActivity(
  executor: Executor,
  entry: { caseId: string; actorId: string | null; kind: Kind; detail?: Record<string, unknown> },
) {
  const now = new Date();
  if (entry.kind === "saved") {
    const last = executor
      .select()
      .from(caseActivity)
      .where(eq(caseActivity.caseId, entry.caseId))
      .orderBy(desc(caseActivity.at), desc(caseActivity.id))
      .limit(1)
      .get();
    if (
      last &&
      last.kind === "saved" &&
      last.actorId === entry.actorId &&
      now.getTime() - last.at.getTime() < SAVE_FOLD_MS
    ) {
      const count = Number(last.detail.count ?? 1) + 1;
      executor
        .update(caseActivity)
        .set({ at: now, detail: { ...last.detail, ...entry.detail, count } })
        .where(eq(caseActivity.id, last.id))
        .run();
      return;
    }
  }
  executor
    .insert(caseActivity)
    .values({
      caseId: entry.caseId,
      actorId: entry.actorId,
      kind: entry.kind,
      detail: { count: 1, ...entry.detail },
      at: now,
    })
    .run();
}

/** The case timeline, newest first. Callers check that the member may read the case. */
export function listActivity(caseId: string, limit = 100) {
  return db
    .select({
      id: caseActivity.id,
      kind: caseActivity.kind,
      detail: caseActivity.detail,
      at: caseActivity.at,
      actorName: users.name,
    })
    .from(caseActivity)
    .leftJoin(users, eq(users.id, caseActivity.actorId))
    .where(and(eq(caseActivity.caseId, caseId)))
    .orderBy(desc(caseActivity.at), desc(caseActivity.id))
    .limit(limit)
    .all();
}
