import { and, count, desc, eq, exists, isNotNull, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { approvedVersions, seesDrafts } from "~/models/case-body.server";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import {
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
  usersWhoSeeCase,
  visibleCaseCondition,
} from "~/utils/permissions.server";
import { cases, notifications, users } from "../../db/schema";

type Kind = (typeof notifications.$inferInsert)["kind"];

/**
 * Queues an in-app notification, in the caller's transaction. Nobody is notified of their own action.
 * Callers make sure the recipient may see the case (a notification must not reveal a case to someone
 * who may not read it); those who may not see a confidential case are left out here as well (ADR 0008).
 */
export function notify(
  executor: Executor,
  entry: {
    userIds: string[];
    workspaceId: string;
    kind: Kind;
    actorId: string;
    caseId?: string | null;
    threadId?: string | null;
    detail?: Record<string, unknown>;
  },
) {
  const recipients = entry.caseId
    ? usersWhoSeeCase(executor, entry.caseId, [...new Set(entry.userIds)])
    : new Set(entry.userIds);
  for (const userId of recipients) {
    if (userId === entry.actorId) continue;
    executor
      .insert(notifications)
      .values({
        userId,
        workspaceId: entry.workspaceId,
        kind: entry.kind,
        actorId: entry.actorId,
        caseId: entry.caseId ?? null,
        threadId: entry.threadId ?? null,
        detail: entry.detail ?? {},
      })
      .run();
  }
}

/**
 * The conditions under which a notification may be shown to this member: theirs, in this workspace, and
 * about a case they may still read (not in the trash; approved at least once for readers of approved
 * versions only). A notification never outlives the right to read its case.
 */
function visibleTo(member: Member) {
  return and(
    eq(notifications.userId, member.userId),
    eq(notifications.workspaceId, member.workspaceId),
    or(
      isNull(notifications.caseId),
      exists(
        db
          .select({ one: sql`1` })
          .from(cases)
          .where(
            and(
              eq(cases.id, notifications.caseId),
              eq(cases.workspaceId, member.workspaceId),
              isNull(cases.deletedAt),
              seesDrafts(member) ? undefined : isNotNull(cases.approvedRevision),
              visibleCaseCondition(member, cases.id),
            ),
          ),
      ),
    ),
  );
}

export const NOTIFICATIONS_PER_PAGE = 50;

/** This member's notifications in this workspace, newest first, with the case title they may read. */
export function listNotifications(member: Member, options: { page?: number } = {}) {
  requirePermission(member, "workspace.read");
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const actor = alias(users, "actor");
  const total = db.select({ n: count() }).from(notifications).where(visibleTo(member)).get()!.n;
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      caseId: notifications.caseId,
      threadId: notifications.threadId,
      detail: notifications.detail,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actorName: actor.name,
      caseTitle: cases.title,
      revision: cases.revision,
      approvedRevision: cases.approvedRevision,
    })
    .from(notifications)
    .leftJoin(actor, eq(actor.id, notifications.actorId))
    .leftJoin(cases, eq(cases.id, notifications.caseId))
    .where(visibleTo(member))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PER_PAGE)
    .offset((page - 1) * NOTIFICATIONS_PER_PAGE)
    .all();
  // Readers of approved versions see the approved title, never a draft's.
  const approved = approvedVersions(
    member,
    rows
      .filter((row) => row.caseId && row.revision !== null)
      .map((row) => ({ id: row.caseId!, revision: row.revision!, approvedRevision: row.approvedRevision })),
  );
  const items = rows.map(({ revision: _revision, approvedRevision: _approved, ...row }) => {
    const title = row.caseId ? approved.get(row.caseId)?.fields.title : undefined;
    return { ...row, caseTitle: typeof title === "string" ? title : (row.caseTitle ?? "") };
  });
  return {
    items,
    page,
    pageCount: Math.max(1, Math.ceil(total / NOTIFICATIONS_PER_PAGE)),
    unread: countUnread(member),
  };
}

export function countUnread(member: Member) {
  return db
    .select({ n: count() })
    .from(notifications)
    .where(and(visibleTo(member), isNull(notifications.readAt)))
    .get()!.n;
}

/** Marks one of the member's own notifications read; someone else's (or an unknown id) is a 404. */
export function markNotificationRead(member: Member, notificationId: number) {
  db.transaction((tx) => {
    requireMember(member.userId, member.workspaceId, tx);
    const result = tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.id, notificationId),
          eq(notifications.userId, member.userId),
          eq(notifications.workspaceId, member.workspaceId),
          isNull(notifications.readAt),
        ),
      )
      .run();
    if (result.changes === 0) {
      const exists = tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.id, notificationId),
            eq(notifications.userId, member.userId),
            eq(notifications.workspaceId, member.workspaceId),
          ),
        )
        .get();
      if (!exists) throw notFound(msg("notifications.notFound"));
    }
  });
}

/** Marks all of the member's notifications in this workspace read, hidden ones included. */
export function markAllNotificationsRead(member: Member) {
  return db.transaction((tx) => {
    requireMember(member.userId, member.workspaceId, tx);
    return tx
      .update(notifications)
      .set({ readAt: new Date() })
      .where(
        and(
          eq(notifications.userId, member.userId),
          eq(notifications.workspaceId, member.workspaceId),
          isNull(notifications.readAt),
        ),
      )
      .run().changes;
  });
}
