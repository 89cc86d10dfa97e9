import { and, count, desc, eq, exists, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { approvedVersions, seesDrafts } from "~/models/case-body.server";
import type { MailMode, NotificationKind } from "~/models/domain";
import { enqueueMail } from "~/models/mail-queue.server";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import {
  type Executor,
  findMember,
  type Member,
  mustSetUpTwoFactor,
  notFound,
  requireMember,
  requirePermission,
  usersWhoSeeCase,
  visibleCaseCondition,
} from "~/utils/permissions.server";
import { cases, notifications, users } from "../../db/schema";

type Kind = NotificationKind;

/** How each kind reaches a person by mail until they choose on the account page. */
export const DEFAULT_MAIL_MODES: Record<NotificationKind, MailMode> = {
  review_requested: "instant",
  review_done: "instant",
  mentioned: "instant",
  reply: "digest",
};

export function mailModeFor(
  preferences: Partial<Record<NotificationKind, MailMode>>,
  kind: NotificationKind,
) {
  return preferences[kind] ?? DEFAULT_MAIL_MODES[kind];
}

/**
 * The mail side of a new notification, in the same transaction: queued at once, kept for the daily digest,
 * or nothing, as the recipient chose. Only confirmed addresses of live accounts get mail.
 */
function mailNotification(executor: Executor, notificationId: number, userId: string, kind: Kind) {
  const person = executor
    .select({
      email: users.email,
      preferences: users.mailPreferences,
      verified: users.emailVerifiedAt,
      deletedAt: users.deletedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!person || person.deletedAt || !person.verified) return;
  const mode = mailModeFor(person.preferences, kind);
  if (mode === "instant") {
    const workspaceId = executor
      .select({ workspaceId: notifications.workspaceId })
      .from(notifications)
      .where(eq(notifications.id, notificationId))
      .get()?.workspaceId;
    enqueueMail(executor, {
      kind: "notification",
      recipient: person.email,
      userId,
      workspaceId,
      payload: { notificationId },
    });
  } else if (mode === "digest") {
    executor
      .update(notifications)
      .set({ digestPending: true })
      .where(eq(notifications.id, notificationId))
      .run();
  }
}

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
    const inserted = executor
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
      .returning({ id: notifications.id })
      .get();
    mailNotification(executor, inserted.id, userId, entry.kind);
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

export type MailableNotification = {
  id: number;
  kind: Kind;
  workspaceId: string;
  workspaceName: string;
  caseId: string | null;
  threadId: string | null;
  detail: Record<string, unknown>;
  actorName: string | null;
  /** The title the recipient may read; null when the mail must not name the case. */
  caseTitle: string | null;
  confidential: boolean;
  readAt: Date | null;
  createdAt: Date;
};

/**
 * These notifications of this person as their mail may tell them, checked when the mail is written: only
 * those they may still see (member, case not trashed, confidential only if listed), with the title of the
 * version they read. In a workspace that requires two-factor sign-in, a member without it gets no title.
 */
export function notificationsForMail(userId: string, ids: number[]): MailableNotification[] {
  if (ids.length === 0) return [];
  const person = db.select({ twoFactor: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).get();
  if (!person) return [];
  const workspaceIds = db
    .selectDistinct({ workspaceId: notifications.workspaceId })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), inArray(notifications.id, ids)))
    .all()
    .map((row) => row.workspaceId);
  const actor = alias(users, "actor");
  const found: MailableNotification[] = [];
  for (const workspaceId of workspaceIds) {
    const member = findMember(userId, workspaceId);
    if (!member) continue;
    const hideTitles = mustSetUpTwoFactor(person.twoFactor !== null, workspaceId);
    const rows = db
      .select({
        id: notifications.id,
        kind: notifications.kind,
        caseId: notifications.caseId,
        threadId: notifications.threadId,
        detail: notifications.detail,
        readAt: notifications.readAt,
        createdAt: notifications.createdAt,
        actorName: actor.name,
        caseTitle: cases.title,
        confidential: cases.confidential,
        revision: cases.revision,
        approvedRevision: cases.approvedRevision,
      })
      .from(notifications)
      .leftJoin(actor, eq(actor.id, notifications.actorId))
      .leftJoin(cases, eq(cases.id, notifications.caseId))
      .where(and(visibleTo(member), inArray(notifications.id, ids)))
      .orderBy(notifications.createdAt, notifications.id)
      .all();
    const approved = approvedVersions(
      member,
      rows
        .filter((row) => row.caseId && row.revision !== null)
        .map((row) => ({ id: row.caseId!, revision: row.revision!, approvedRevision: row.approvedRevision })),
    );
    for (const { revision: _r, approvedRevision: _a, ...row } of rows) {
      const approvedTitle = row.caseId ? approved.get(row.caseId)?.fields.title : undefined;
      const title = typeof approvedTitle === "string" ? approvedTitle : (row.caseTitle ?? null);
      found.push({
        ...row,
        workspaceId,
        workspaceName: member.workspaceName,
        confidential: Boolean(row.confidential),
        caseTitle: hideTitles ? null : title,
      });
    }
  }
  return found.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
}

/** The hour (UTC) daily digests go out: 06:00 is morning in Bamako, Nouakchott and Paris. */
export function digestHourUtc() {
  const hour = Number(process.env.DIGEST_HOUR_UTC ?? 6);
  return Number.isInteger(hour) && hour >= 0 && hour < 24 ? hour : 6;
}

/** The latest digest time at or before `now`: a digest gathers the day that ended then. */
export function lastDigestTime(now: Date, hour = digestHourUtc()) {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (at.getTime() > now.getTime()) at.setUTCDate(at.getUTCDate() - 1);
  return at;
}

/**
 * Queues one digest per person for the notifications kept for it that are older than the last digest
 * time; returns how many digests were queued. Run by the mail worker every round (cheap when none is due).
 */
export function queueDueDigests(now = new Date()) {
  const cutoff = lastDigestTime(now);
  return db.transaction((tx) => {
    const due = tx
      .select({ id: notifications.id, userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.digestPending, true), lt(notifications.createdAt, cutoff)))
      .all();
    if (due.length === 0) return 0;
    const byUser = new Map<string, typeof due>();
    for (const row of due) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
    let queued = 0;
    for (const [userId, rows] of byUser) {
      const person = tx
        .select({ email: users.email, preferences: users.mailPreferences, deletedAt: users.deletedAt })
        .from(users)
        .where(eq(users.id, userId))
        .get();
      // A kind turned off since is left out; one switched to "at once" still comes in this digest.
      const wanted =
        person && !person.deletedAt
          ? rows.filter((row) => mailModeFor(person.preferences, row.kind) !== "off")
          : [];
      tx.update(notifications)
        .set({ digestPending: false })
        .where(
          inArray(
            notifications.id,
            rows.map((row) => row.id),
          ),
        )
        .run();
      if (!person || wanted.length === 0) continue;
      enqueueMail(tx, {
        kind: "digest",
        recipient: person.email,
        userId,
        payload: { notificationIds: wanted.map((row) => row.id) },
      });
      queued++;
    }
    return queued;
  });
}
