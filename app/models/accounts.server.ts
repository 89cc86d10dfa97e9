// Accounts as people manage them: signing up with a confirmed address, resetting a forgotten password,
// choosing which mail to get, deleting the account. None of these answers tells whether an address has an
// account: sign-up and reset give the same answer and do the same work either way (the mail, written later
// by the queue, says what applies), and tests/integration/accounts.test.ts measures it.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { safeRedirect } from "~/models/auth-forms";
import type { Locale, MailMode, NotificationKind } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { cancelMailTo, enqueueMail, recentMailCount } from "~/models/mail-queue.server";
import { findAccountToken } from "~/models/tokens.server";
import { normalizeEmail } from "~/models/users.server";
import { endAllSessions, hashPassword, verifyPassword } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import {
  accountTokens,
  caseAccess,
  commentMentions,
  memberships,
  notifications,
  recoveryCodes,
  users,
  workspaces,
} from "../../db/schema";

const HOUR = 60 * 60 * 1000;
/** Mail of one kind to one address per hour, at most: nobody can flood someone's inbox through us. */
export const MAILS_PER_ADDRESS_PER_HOUR = 3;
/** Password reset requests from one client address per hour. */
export const RESETS_PER_CLIENT_PER_HOUR = 10;

/**
 * Sign-up. A new address gets an account (its password set now) and a link to confirm it; an address that
 * already has one gets a mail saying so, with a way to reset the password. The person is told the same
 * thing in both cases: "check your mail".
 */
export async function registerAccount(
  input: { name: string; email: string; password: string },
  context: { locale: Locale; next?: string; origin: RequestOrigin },
) {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const next = safeRedirect(context.next, "");
  db.transaction((tx) => {
    const existing = tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.email, email), isNull(users.deletedAt)))
      .get();
    const kind = existing ? "signup_existing" : "verify_email";
    const allowed = recentMailCount({ kind, recipient: email }, HOUR) < MAILS_PER_ADDRESS_PER_HOUR;
    if (existing) {
      recordAudit(
        { action: "user.sign_up_existing", userId: existing.id, detail: { email }, origin: context.origin },
        tx,
      );
      if (allowed) enqueueMail(tx, { kind, recipient: email, userId: existing.id, payload: {} });
      return;
    }
    const id = newId();
    tx.insert(users)
      .values({ id, email, name: input.name.trim(), passwordHash, signupLocale: context.locale })
      .run();
    recordAudit({ action: "user.signed_up", userId: id, detail: { email }, origin: context.origin }, tx);
    if (allowed) enqueueMail(tx, { kind, recipient: email, userId: id, payload: { next } });
  });
}

/** "Send the link again" for a signed-in person whose address is not confirmed yet. */
export function resendVerification(userId: string, next: string | undefined) {
  const user = db
    .select({ email: users.email, verified: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user || user.verified) return { sent: false as const, reason: "verified" as const };
  if (recentMailCount({ kind: "verify_email", recipient: user.email }, HOUR) >= MAILS_PER_ADDRESS_PER_HOUR)
    return { sent: false as const, reason: "throttled" as const };
  enqueueMail(db, {
    kind: "verify_email",
    recipient: user.email,
    userId,
    payload: { next: safeRedirect(next, "") },
  });
  return { sent: true as const };
}

/** The account behind a confirmation link, if the link is live. */
export function findVerification(token: string) {
  const row = findAccountToken(db, token, "verify");
  if (!row) return null;
  const user = db
    .select({ email: users.email, verified: users.emailVerifiedAt, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, row.userId))
    .get();
  if (!user || user.deletedAt) return null;
  return { userId: row.userId, email: user.email, next: row.next };
}

/** Confirms the address; the link is used up. Returns whom it confirmed and where to go next. */
export function confirmEmail(token: string, origin: RequestOrigin) {
  return db.transaction((tx) => {
    const row = findAccountToken(tx, token, "verify");
    if (!row) return null;
    tx.update(accountTokens).set({ usedAt: new Date() }).where(eq(accountTokens.id, row.id)).run();
    tx.update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${Date.now()})` })
      .where(eq(users.id, row.userId))
      .run();
    recordAudit({ action: "user.email_verified", userId: row.userId, origin }, tx);
    return { userId: row.userId, next: row.next };
  });
}

export type ResetRequest = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * "Forgot your password?". Only the request is recorded here, the same row whatever the address: the
 * queue looks the account up when it writes the mail, and sends nothing to an address without one.
 */
export function requestPasswordReset(rawEmail: string, origin: RequestOrigin): ResetRequest {
  const email = normalizeEmail(rawEmail);
  if (
    origin.ip &&
    recentMailCount({ kind: "password_reset", requestIp: origin.ip }, HOUR) >= RESETS_PER_CLIENT_PER_HOUR
  )
    return { ok: false, retryAfterSeconds: HOUR / 1000 };
  // Beyond a few per hour for one address, the same answer and no more mail.
  if (recentMailCount({ kind: "password_reset", recipient: email }, HOUR) < MAILS_PER_ADDRESS_PER_HOUR)
    enqueueMail(db, { kind: "password_reset", recipient: email, payload: {}, requestIp: origin.ip });
  return { ok: true };
}

/** The account behind a reset link, if the link is live. */
export function findPasswordReset(token: string) {
  const row = findAccountToken(db, token, "reset");
  if (!row) return null;
  const user = db
    .select({ email: users.email, deletedAt: users.deletedAt })
    .from(users)
    .where(eq(users.id, row.userId))
    .get();
  return user && !user.deletedAt ? { userId: row.userId, email: user.email } : null;
}

/**
 * Sets the new password from a reset link: the link and any other reset link of the account are used up,
 * every session ends (sign in again, with the second step if it is on), and the address counts as confirmed.
 */
export async function resetPassword(token: string, newPassword: string, origin: RequestOrigin) {
  if (!findPasswordReset(token)) return null;
  const passwordHash = await hashPassword(newPassword);
  const userId = db.transaction((tx) => {
    const row = findAccountToken(tx, token, "reset");
    if (!row) return null;
    tx.update(accountTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(accountTokens.userId, row.userId),
          eq(accountTokens.purpose, "reset"),
          isNull(accountTokens.usedAt),
        ),
      )
      .run();
    tx.update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${Date.now()})` })
      .where(eq(users.id, row.userId))
      .run();
    recordAudit({ action: "user.password_reset", userId: row.userId, origin }, tx);
    return row.userId;
  });
  if (userId) await endAllSessions(userId);
  return userId;
}

export function setMailPreferences(userId: string, preferences: Record<NotificationKind, MailMode>) {
  db.update(users).set({ mailPreferences: preferences }).where(eq(users.id, userId)).run();
}

export function accountSettings(userId: string) {
  return (
    db
      .select({
        email: users.email,
        emailVerifiedAt: users.emailVerifiedAt,
        mailPreferences: users.mailPreferences,
        twoFactorAt: users.totpEnabledAt,
      })
      .from(users)
      .where(eq(users.id, userId))
      .get() ?? null
  );
}

/**
 * What deleting this account would do to its workspaces: those it is the last owner of while others are
 * members block it (someone must be made owner first); those where it is alone are deleted with it.
 */
export function deletionImpact(userId: string) {
  const mine = db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .all();
  const blocking: Array<{ id: string; name: string }> = [];
  const alone: Array<{ id: string; name: string }> = [];
  for (const workspace of mine) {
    const others = db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspace.id), ne(memberships.userId, userId)))
      .all();
    if (others.length === 0) alone.push({ id: workspace.id, name: workspace.name });
    else if (workspace.role === "owner" && !others.some((other) => other.role === "owner"))
      blocking.push({ id: workspace.id, name: workspace.name });
  }
  return { blocking, alone, workspaces: mine.length };
}

export type DeleteResult = { ok: true } | { ok: false; field: "password" | "form"; message: string };

/**
 * Deletes the account. What the person wrote stays with each workspace, shown as by "former member": the
 * row stays without name, address or password (cases, revisions and comments point at it), and everything
 * that was only theirs goes (sessions, memberships, notifications, codes, pending mail). Workspaces where
 * they were the only member go with it.
 */
export async function deleteAccount(
  userId: string,
  password: string,
  origin: RequestOrigin,
): Promise<DeleteResult> {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user || user.deletedAt) return { ok: false, field: "form", message: msg("account.delete.gone") };
  if (!(await verifyPassword(user.passwordHash, password)))
    return { ok: false, field: "password", message: msg("auth.errors.currentPasswordWrong") };
  const impact = deletionImpact(userId);
  if (impact.blocking.length > 0)
    return {
      ok: false,
      field: "form",
      message: msg("account.delete.blocked", { workspaces: impact.blocking.map((w) => w.name).join(", ") }),
    };
  db.transaction((tx) => {
    for (const workspace of impact.alone) {
      recordAudit(
        {
          action: "workspace.deleted",
          workspaceId: workspace.id,
          userId,
          detail: { name: workspace.name },
          origin,
        },
        tx,
      );
      tx.delete(workspaces).where(eq(workspaces.id, workspace.id)).run();
    }
    for (const row of tx
      .select({ workspaceId: memberships.workspaceId })
      .from(memberships)
      .where(eq(memberships.userId, userId))
      .all())
      recordAudit(
        { action: "member.left", workspaceId: row.workspaceId, userId, detail: { deleted: true }, origin },
        tx,
      );
    tx.delete(memberships).where(eq(memberships.userId, userId)).run();
    tx.delete(caseAccess).where(eq(caseAccess.userId, userId)).run();
    tx.delete(notifications).where(eq(notifications.userId, userId)).run();
    tx.delete(commentMentions).where(eq(commentMentions.userId, userId)).run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    tx.delete(accountTokens).where(eq(accountTokens.userId, userId)).run();
    cancelMailTo(tx, userId, msg("mail.reasons.accountDeleted"));
    tx.update(users)
      .set({
        name: "",
        email: `deleted-${userId}@deleted.invalid`,
        passwordHash: "!",
        locale: null,
        signupLocale: null,
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        mailPreferences: {},
        deletedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .run();
    recordAudit({ action: "user.deleted", userId, detail: { email: user.email }, origin }, tx);
  });
  await endAllSessions(userId);
  return { ok: true };
}
