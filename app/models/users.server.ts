import { and, eq, isNull } from "drizzle-orm";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import type { Locale } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { endAllSessions, hashPassword, verifyPassword } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import { Refusal } from "~/utils/refusal";
import { checkGuess, type Guesser, recordFailedGuess, recordGoodGuess } from "~/utils/throttle.server";
import { trustedDevice } from "~/utils/trusted-devices.server";
import { users } from "../../db/schema";

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

/** Who is guessing, for throttle.server.ts: the account, the address, and the browser if trusted for it. */
export function guesserFor(
  email: string,
  userId: string | null,
  origin: RequestOrigin,
  deviceToken: string | null,
): Guesser {
  return { account: email, ip: origin.ip, device: userId ? trustedDevice(deviceToken, userId) : null };
}

/**
 * Whether a password or code may be checked now (throttle.server.ts: per account and address first,
 * progressive delays, never a lock); when not, the wait is written to the audit log with its scope.
 */
export function guessAllowed(
  guesser: Guesser,
  userId: string | null,
  origin: RequestOrigin,
  step?: string,
): { throttled: false } | { throttled: true; retryAfterSeconds: number } {
  const verdict = checkGuess("password", guesser);
  if (verdict.allowed) return { throttled: false };
  recordAudit({
    action: "user.sign_in_throttled",
    userId,
    detail: {
      email: guesser.account,
      scope: verdict.scope,
      retryAfterSeconds: verdict.retryAfterSeconds,
      ...(step ? { step } : {}),
    },
    origin,
  });
  return { throttled: true, retryAfterSeconds: verdict.retryAfterSeconds };
}

/** A wrong password or code: counted for throttling and written to the audit log. */
export function recordFailedSignIn(
  guesser: Guesser,
  userId: string | null,
  origin: RequestOrigin,
  step?: string,
) {
  recordFailedGuess("password", guesser);
  recordAudit({
    action: "user.sign_in_failed",
    userId,
    detail: step ? { email: guesser.account, step } : { email: guesser.account },
    origin,
  });
}

/** Both steps passed: this pair's and this device's failures are forgotten (not the account's). */
export function signInSucceeded(
  userId: string,
  guesser: Guesser,
  origin: RequestOrigin,
  secondFactor?: string,
) {
  recordGoodGuess("password", guesser);
  recordAudit({
    action: "user.signed_in",
    userId,
    detail: secondFactor ? { with: secondFactor } : {},
    origin,
  });
}

/**
 * Checks a password. `deviceToken` is the browser's trusted-device cookie (trusted-devices.server.ts): on a
 * browser the person signed in with before, nobody else's guesses slow them down.
 */
export async function signIn(
  input: { email: string; password: string },
  origin: RequestOrigin,
  deviceToken: string | null = null,
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const found = db.select().from(users).where(eq(users.email, email)).get();
  const user = found && !found.deletedAt ? found : undefined;
  const guesser = guesserFor(email, user?.id ?? null, origin, deviceToken);
  const state = guessAllowed(guesser, user?.id ?? null, origin);
  if (state.throttled) return { ok: false, reason: "throttled", retryAfterSeconds: state.retryAfterSeconds };
  // Verify against a dummy hash when the account is unknown, so timing does not reveal which emails exist.
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);
  if (!user || !ok) {
    recordFailedSignIn(guesser, user?.id ?? null, origin);
    return { ok: false, reason: "invalid" };
  }
  const profile = { id: user.id, email: user.email, name: user.name };
  // With two-factor sign-in, the password alone signs nobody in and forgives no failure: the failures
  // counted so far keep throttling the code step (models/two-factor.server.ts).
  if (user.totpEnabledAt) return { ok: true, user: profile, secondStep: true };
  signInSucceeded(user.id, guesser, origin);
  return { ok: true, user: profile, secondStep: false };
}

/** "Wait 30 seconds" / "Wait 4 minutes", for a sign-in or a wrong current password. */
export function waitMessage(what: "signIn" | "password", retryAfterSeconds: number): Message {
  if (retryAfterSeconds < 60)
    return what === "signIn"
      ? msg("auth.errors.throttledSeconds", { count: retryAfterSeconds })
      : msg("auth.errors.passwordThrottledSeconds", { count: retryAfterSeconds });
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return what === "signIn"
    ? msg("auth.errors.throttled", { count: minutes })
    : msg("auth.errors.passwordThrottled", { count: minutes });
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
  deviceToken: string | null = null,
): Promise<{ ok: true } | { ok: false; field: "currentPassword"; message: Message }> {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return { ok: false, field: "currentPassword", message: msg("auth.errors.currentPasswordWrong") };
  // Whoever holds a stolen session could otherwise guess the password here without limit: wrong current
  // passwords count as wrong passwords of the account, on the same throttle as signing in.
  const guesser = guesserFor(user.email, userId, origin, deviceToken);
  const state = guessAllowed(guesser, userId, origin, "password check");
  if (state.throttled)
    return {
      ok: false,
      field: "currentPassword",
      message: waitMessage("password", state.retryAfterSeconds),
    };
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    recordFailedSignIn(guesser, userId, origin, "password check");
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

/** The workspace the person opened last: "/" opens it next time. Written only when it changes. */
export function rememberWorkspace(user: { id: string; lastWorkspaceId: string | null }, workspaceId: string) {
  if (user.lastWorkspaceId === workspaceId) return;
  db.update(users).set({ lastWorkspaceId: workspaceId }).where(eq(users.id, user.id)).run();
}

export function findUserByEmail(email: string) {
  return db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.email, normalizeEmail(email)), isNull(users.deletedAt)))
    .get();
}
