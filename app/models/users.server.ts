import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import type { Locale } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { endAllSessions, hashPassword, verifyPassword } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import { Refusal } from "~/utils/refusal";
import { signInAttempts, users } from "../../db/schema";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const THROTTLE_MAX_FAILURES = 5;

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

export class EmailTakenError extends Refusal {
  constructor(message: Message) {
    super(409, message);
  }
}

/**
 * Makes an account with a confirmed address (scripts, tests, imports). People signing up go through
 * registerAccount (accounts.server.ts), which confirms the address by mail and does not tell whether it
 * already had an account.
 */
export async function signUp(
  input: { name: string; email: string; password: string },
  origin?: RequestOrigin,
  options: { verified?: boolean } = {},
) {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const existing = tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
    if (existing) throw new EmailTakenError(msg("auth.errors.emailTaken"));
    const id = newId();
    tx.insert(users)
      .values({
        id,
        email,
        name: input.name.trim(),
        passwordHash,
        emailVerifiedAt: options.verified === false ? null : new Date(),
      })
      .run();
    recordAudit({ action: "user.signed_up", userId: id, detail: { email }, origin }, tx);
    return { id, email, name: input.name.trim() };
  });
}

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string }; secondStep: boolean }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/** A wrong password or code: counted for throttling and written to the audit log. */
export function recordFailedSignIn(
  email: string,
  userId: string | null,
  origin: RequestOrigin,
  step?: string,
) {
  db.insert(signInAttempts).values({ email, ip: origin.ip, at: new Date() }).run();
  recordAudit({
    action: "user.sign_in_failed",
    userId,
    detail: step ? { email, step } : { email },
    origin,
  });
}

/** Both steps passed: the failures counted against the account are forgotten. */
export function signInSucceeded(userId: string, email: string, origin: RequestOrigin, secondFactor?: string) {
  db.delete(signInAttempts).where(eq(signInAttempts.email, email)).run();
  recordAudit({
    action: "user.signed_in",
    userId,
    detail: secondFactor ? { with: secondFactor } : {},
    origin,
  });
}

/** Five failures per 15 minutes per email, or per IP address, lock further tries until the window passes. */
export function throttleState(email: string, ip: string, now = Date.now()) {
  const since = new Date(now - THROTTLE_WINDOW_MS);
  const byEmail = db
    .select({ n: sql<number>`count(*)`, first: sql<number>`min(${signInAttempts.at})` })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), gt(signInAttempts.at, since)))
    .get();
  const byIp = ip
    ? db
        .select({ n: sql<number>`count(*)`, first: sql<number>`min(${signInAttempts.at})` })
        .from(signInAttempts)
        .where(and(eq(signInAttempts.ip, ip), gt(signInAttempts.at, since)))
        .get()
    : { n: 0, first: now };
  const worst = [byEmail, byIp].filter((r) => r && r.n >= THROTTLE_MAX_FAILURES);
  if (worst.length === 0) return { throttled: false as const };
  const first = Math.min(...worst.map((r) => Number(r!.first)));
  return {
    throttled: true as const,
    retryAfterSeconds: Math.max(1, Math.ceil((first + THROTTLE_WINDOW_MS - now) / 1000)),
  };
}

export async function signIn(
  input: { email: string; password: string },
  origin: RequestOrigin,
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const state = throttleState(email, origin.ip);
  if (state.throttled) {
    recordAudit({ action: "user.sign_in_throttled", detail: { email }, origin });
    return { ok: false, reason: "throttled", retryAfterSeconds: state.retryAfterSeconds };
  }
  const found = db.select().from(users).where(eq(users.email, email)).get();
  const user = found && !found.deletedAt ? found : undefined;
  // Verify against a dummy hash when the account is unknown, so timing does not reveal which emails exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok) {
    recordFailedSignIn(email, user?.id ?? null, origin);
    return { ok: false, reason: "invalid" };
  }
  const profile = { id: user.id, email: user.email, name: user.name };
  // With two-factor sign-in, the password alone signs nobody in and forgives no failure: the failures
  // counted so far keep throttling the code step (models/two-factor.server.ts).
  if (user.totpEnabledAt) return { ok: true, user: profile, secondStep: true };
  signInSucceeded(user.id, email, origin);
  return { ok: true, user: profile, secondStep: false };
}

// A real argon2id hash of a random string nobody knows, made once per process.
let dummyHash: Promise<string> | null = null;
function getDummyHash() {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}

export async function changePassword(
  userId: string,
  input: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
): Promise<{ ok: true } | { ok: false; field: "currentPassword"; message: Message }> {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return { ok: false, field: "currentPassword", message: msg("auth.errors.currentPasswordWrong") };
  // Whoever holds a stolen session could otherwise guess the password here without limit, then lock the
  // owner out: wrong current passwords count as failed sign-ins of the account.
  const state = throttleState(user.email, origin.ip);
  if (state.throttled) {
    recordAudit({ action: "user.sign_in_throttled", userId, detail: { email: user.email }, origin });
    const minutes = Math.ceil(state.retryAfterSeconds / 60);
    return {
      ok: false,
      field: "currentPassword",
      message: msg("auth.errors.passwordThrottled", { count: minutes }),
    };
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    recordFailedSignIn(user.email, userId, origin, "password check");
    return { ok: false, field: "currentPassword", message: msg("auth.errors.currentPasswordWrong") };
  }
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
    recordAudit({ action: "user.password_changed", userId, origin }, tx);
  });
  await endAllSessions(userId);
  return { ok: true };
}

export function updateProfile(userId: string, input: { name: string }) {
  db.update(users).set({ name: input.name.trim() }).where(eq(users.id, userId)).run();
}

/** The interface language; null follows the browser. Only the signed-in user changes their own. */
export function updateLocale(userId: string, locale: Locale | null) {
  db.update(users).set({ locale }).where(eq(users.id, userId)).run();
}

export function findUserByEmail(email: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.email, normalizeEmail(email)), isNull(users.deletedAt)))
    .get();
}
