import { and, desc, eq, inArray } from "drizzle-orm";
import { getCase } from "~/models/cases.server";
import { db } from "~/utils/db.server";
import { type Executor, type Member, requirePermission } from "~/utils/permissions.server";
import { caseActivity, codes, users } from "../../db/schema";

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

const stringList = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/**
 * The timeline of one case as its page shows it: newest first, with the names of the reviewers asked and
 * the labels of the codes tagged. Drafts are visible in it, so readers of approved versions only get 403.
 */
export function getCaseActivity(member: Member, caseId: string, limit = 200) {
  requirePermission(member, "case.readDrafts");
  const caseStudy = getCase(member, caseId);
  const entries = listActivity(caseStudy.id, limit);
  const reviewerIds = new Set(entries.flatMap((entry) => stringList(entry.detail.reviewerIds)));
  const codeIds = new Set(entries.flatMap((entry) => stringList(entry.detail.codeIds)));
  const names = reviewerIds.size
    ? new Map(
        db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, [...reviewerIds]))
          .all()
          .map((row) => [row.id, row.name]),
      )
    : new Map<string, string>();
  // Only this workspace's codes: an id from elsewhere would never have been saved, but stays unnamed.
  const labels = codeIds.size
    ? new Map(
        db
          .select({ id: codes.id, label: codes.label })
          .from(codes)
          .where(and(eq(codes.workspaceId, member.workspaceId), inArray(codes.id, [...codeIds])))
          .all()
          .map((row) => [row.id, row.label]),
      )
    : new Map<string, string>();
  return {
    caseStudy: { id: caseStudy.id, title: caseStudy.title, status: caseStudy.status },
    entries: entries.map((entry) => ({
      ...entry,
      // null: named by the page in the reader's language ("a former member", "a deleted code").
      reviewerNames: stringList(entry.detail.reviewerIds).map((id) => names.get(id) ?? null),
      codeLabels: stringList(entry.detail.codeIds).map((id) => labels.get(id) ?? null),
    })),
  };
}
