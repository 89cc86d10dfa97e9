// The mail queue: a request that sends mail only adds a row here, in its own transaction, so sending never
// slows or fails it. The worker (models/mail-delivery.server.ts, started by server.ts) writes each message
// when it goes out and records what became of it; owners see their workspace's rows (the Mail page).
import { and, count, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import {
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
} from "~/utils/permissions.server";
import { mailOutbox } from "../../db/schema";

export const MAIL_KINDS = [
  "invite",
  "password_reset",
  "verify_email",
  "signup_existing",
  "notification",
  "digest",
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Waits after the 1st, 2nd, … failed attempt: about nine hours in all before a mail is marked failed. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

type Waker = { wake(): void };
const registry = globalThis as unknown as { casebookMailWorker?: Waker };

/** The worker registers here; a new row wakes it at once instead of at its next round. */
export function registerMailWorker(worker: Waker | undefined) {
  registry.casebookMailWorker = worker;
}

export function enqueueMail(
  executor: Executor,
  entry: {
    kind: MailKind;
    recipient: string;
    userId?: string | null;
    workspaceId?: string | null;
    payload: Record<string, unknown>;
    requestIp?: string;
  },
) {
  executor
    .insert(mailOutbox)
    .values({
      kind: entry.kind,
      recipient: entry.recipient,
      userId: entry.userId ?? null,
      workspaceId: entry.workspaceId ?? null,
      payload: entry.payload,
      requestIp: entry.requestIp ?? "",
      nextAttemptAt: new Date(),
    })
    .run();
  // After the caller's transaction has committed (better-sqlite3 transactions are synchronous).
  const worker = registry.casebookMailWorker;
  if (worker) setImmediate(() => worker.wake());
}

/** How many mails of this kind were asked for, for this address or from this client address, lately. */
export function recentMailCount(
  filter: { kind: MailKind; recipient?: string; requestIp?: string },
  sinceMs: number,
  now = Date.now(),
) {
  const conditions = [eq(mailOutbox.kind, filter.kind), gt(mailOutbox.createdAt, new Date(now - sinceMs))];
  if (filter.recipient !== undefined) conditions.push(eq(mailOutbox.recipient, filter.recipient));
  if (filter.requestIp !== undefined) conditions.push(eq(mailOutbox.requestIp, filter.requestIp));
  return db
    .select({ n: count() })
    .from(mailOutbox)
    .where(and(...conditions))
    .get()!.n;
}

/** Mail still waiting that is about this user: cancelled when the account is deleted. */
export function cancelMailTo(executor: Executor, userId: string, reason: string) {
  executor
    .update(mailOutbox)
    .set({ status: "cancelled", lastError: reason })
    .where(and(eq(mailOutbox.userId, userId), eq(mailOutbox.status, "queued")))
    .run();
}

export const MAIL_PAGE_SIZE = 50;

/** What the workspace's owners see of its mail: to whom, what, and what became of it. */
export function listWorkspaceMail(member: Member, options: { page?: number } = {}) {
  requirePermission(member, "mail.view");
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const where = eq(mailOutbox.workspaceId, member.workspaceId);
  const total = db.select({ n: count() }).from(mailOutbox).where(where).get()!.n;
  const rows = db
    .select({
      id: mailOutbox.id,
      kind: mailOutbox.kind,
      recipient: mailOutbox.recipient,
      status: mailOutbox.status,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      subject: mailOutbox.subject,
      createdAt: mailOutbox.createdAt,
      sentAt: mailOutbox.sentAt,
      nextAttemptAt: mailOutbox.nextAttemptAt,
    })
    .from(mailOutbox)
    .where(where)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(MAIL_PAGE_SIZE)
    .offset((page - 1) * MAIL_PAGE_SIZE)
    .all();
  return { rows, page, pageCount: Math.max(1, Math.ceil(total / MAIL_PAGE_SIZE)), total };
}

/** The delivery state of the invites sent by mail, by invite id (the members page shows it beside each). */
export function inviteMailStates(member: Member, inviteIds: string[]) {
  requirePermission(member, "members.manage");
  if (inviteIds.length === 0) return new Map<string, { status: string; lastError: string }>();
  const rows = db
    .select({
      inviteId: sql<string>`json_extract(${mailOutbox.payload}, '$.inviteId')`,
      status: mailOutbox.status,
      lastError: mailOutbox.lastError,
    })
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.workspaceId, member.workspaceId),
        eq(mailOutbox.kind, "invite"),
        inArray(sql`json_extract(${mailOutbox.payload}, '$.inviteId')`, inviteIds),
      ),
    )
    .orderBy(mailOutbox.id)
    .all();
  // The latest mail of each invite.
  return new Map(rows.map((row) => [row.inviteId, { status: row.status, lastError: row.lastError }]));
}

/** Puts a failed mail of this workspace back in the queue for one more attempt now. */
export function retryMail(member: Member, mailId: number): boolean {
  const retried = db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "mail.view");
    const row = tx
      .select({ status: mailOutbox.status, attempts: mailOutbox.attempts })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.id, mailId), eq(mailOutbox.workspaceId, member.workspaceId)))
      .get();
    if (!row) throw notFound(msg("mail.page.notFound"));
    if (row.status !== "failed") return false;
    tx.update(mailOutbox)
      .set({
        status: "queued",
        nextAttemptAt: new Date(),
        attempts: Math.min(row.attempts, MAX_ATTEMPTS - 1),
      })
      .where(eq(mailOutbox.id, mailId))
      .run();
    return true;
  });
  const worker = registry.casebookMailWorker;
  if (retried && worker) setImmediate(() => worker.wake());
  return retried;
}
