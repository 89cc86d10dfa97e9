// Two-factor sign-in with an authenticator app (TOTP, RFC 6238: 30-second steps, 6 digits, SHA-1, which is
// what every app supports) and ten one-use recovery codes. Codes are accepted one step early or late (a
// phone's clock drifts) and never twice. Wrong codes count as failed sign-ins of the account
// (guessAllowed in users.server.ts), so the second step is throttled like the first.
import { createHash, randomBytes } from "node:crypto";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import QRCode from "qrcode";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { guessAllowed, guesserFor, recordFailedSignIn, signInSucceeded } from "~/models/users.server";
import { endAllSessions, endOtherSessions, verifyPassword } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { recoveryCodes, users } from "../../db/schema";

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Mediation Casebook";

function currentStep(now = Date.now()) {
  return Math.floor(now / (TOTP_PERIOD_SECONDS * 1000));
}

/** "ABCD EFGH …": the secret as people type it into an app that cannot scan. */
export function groupSecret(secret: string) {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}

/** The step a code belongs to (now, one before or one after), or null. */
function matchingStep(secret: string, code: string, now = Date.now()): number | null {
  const key = decodeBase32IgnorePadding(secret);
  const step = currentStep(now);
  for (const candidate of [step, step - 1, step + 1]) {
    if (verifyHOTP(key, BigInt(candidate), TOTP_DIGITS, code)) return candidate;
  }
  return null;
}

/**
 * The setup page: a new secret kept aside until a code from the app confirms it (an earlier unconfirmed
 * one is reused, so reloading the page does not change the QR code under the person's phone).
 */
export async function beginTwoFactorSetup(userId: string) {
  const user = db
    .select({ email: users.email, pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  if (!user) return null;
  let secret = user.pending;
  if (!secret) {
    secret = encodeBase32UpperCaseNoPadding(randomBytes(20));
    db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, userId)).run();
  }
  const uri = createTOTPKeyURI(
    ISSUER,
    user.email,
    decodeBase32IgnorePadding(secret),
    TOTP_PERIOD_SECONDS,
    TOTP_DIGITS,
  );
  // An SVG drawn from the URI by the library; the page shows it as an image (data: URL), never as markup.
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    secret,
    uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
    enabled: user.enabledAt !== null,
  };
}

function normalizeRecoveryCode(code: string) {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function hashRecoveryCode(code: string) {
  return createHash("sha256")
    .update(`recovery:${normalizeRecoveryCode(code)}`)
    .digest("hex");
}

/** Ten codes of 16 base32 characters (80 random bits each), shown once as XXXX-XXXX-XXXX-XXXX. */
function newRecoveryCodes(userId: string, executor: Pick<typeof db, "insert" | "delete"> = db) {
  executor.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  const codes: string[] = [];
  for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
    const raw = encodeBase32UpperCaseNoPadding(randomBytes(10));
    codes.push(raw.match(/.{4}/g)!.join("-"));
  }
  for (const code of codes)
    executor
      .insert(recoveryCodes)
      .values({ userId, codeHash: hashRecoveryCode(code) })
      .run();
  return codes;
}

export type SetupResult = { ok: true; recoveryCodes: string[] } | { ok: false; message: string };

/**
 * Turns two-factor sign-in on once a code from the app matches; every other device is signed out (this one
 * stays: the page must still show the recovery codes, also without JavaScript).
 */
export async function confirmTwoFactorSetup(
  userId: string,
  code: string,
  origin: RequestOrigin,
  currentSessionId: string | null,
): Promise<SetupResult> {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user?.totpPendingSecret) return { ok: false, message: msg("account.twoFactor.errors.startAgain") };
  const step = matchingStep(user.totpPendingSecret, code.replace(/\s+/g, ""));
  if (step === null) return { ok: false, message: msg("account.twoFactor.errors.wrongCode") };
  const codes = db.transaction((tx) => {
    tx.update(users)
      .set({
        totpSecret: user.totpPendingSecret,
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
      })
      .where(eq(users.id, userId))
      .run();
    recordAudit({ action: "user.two_factor_enabled", userId, origin }, tx);
    return newRecoveryCodes(userId, tx);
  });
  if (currentSessionId) endOtherSessions(userId, currentSessionId);
  else await endAllSessions(userId);
  return { ok: true, recoveryCodes: codes };
}

export type SecondStepResult =
  | { ok: true; usedRecoveryCode: boolean; recoveryCodesLeft: number }
  | { ok: false; reason: "invalid" | "throttled"; retryAfterSeconds?: number };

/**
 * The second step of signing in: a code from the app, or a recovery code (used up). Throttled with the
 * password step: both count failures of the same account and address.
 */
export async function verifySecondStep(
  userId: string,
  input: string,
  origin: RequestOrigin,
  deviceToken: string | null = null,
  now = Date.now(),
): Promise<SecondStepResult> {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user?.totpSecret || user.deletedAt) return { ok: false, reason: "invalid" };
  const guesser = guesserFor(user.email, userId, origin, deviceToken);
  const state = guessAllowed(guesser, userId, origin, "code");
  if (state.throttled) return { ok: false, reason: "throttled", retryAfterSeconds: state.retryAfterSeconds };
  const code = input.replace(/\s+/g, "");
  if (/^\d{6}$/.test(code)) {
    const step = matchingStep(user.totpSecret, code, now);
    // Compare-and-set: the same code (or an older one) is never accepted twice, even by two requests at once.
    const accepted =
      step !== null &&
      db
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .run().changes === 1;
    if (accepted) {
      signInSucceeded(user.id, guesser, origin, "app");
      return { ok: true, usedRecoveryCode: false, recoveryCodesLeft: countRecoveryCodes(userId) };
    }
  } else if (normalizeRecoveryCode(code).length === 16) {
    const wanted = new TextEncoder().encode(hashRecoveryCode(code));
    const unused = db
      .select({ id: recoveryCodes.id, codeHash: recoveryCodes.codeHash })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
      .all();
    // Every unused code is compared, in constant time, whichever matches.
    let match: number | null = null;
    for (const row of unused)
      if (constantTimeEqual(new TextEncoder().encode(row.codeHash), wanted)) match = row.id;
    const used =
      match !== null &&
      db
        .update(recoveryCodes)
        .set({ usedAt: new Date(now) })
        .where(and(eq(recoveryCodes.id, match), isNull(recoveryCodes.usedAt)))
        .run().changes === 1;
    if (used) {
      signInSucceeded(user.id, guesser, origin, "recovery code");
      return { ok: true, usedRecoveryCode: true, recoveryCodesLeft: countRecoveryCodes(userId) };
    }
  }
  recordFailedSignIn(guesser, user.id, origin, "code");
  return { ok: false, reason: "invalid" };
}

export function countRecoveryCodes(userId: string) {
  return db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
    .all().length;
}

export function twoFactorStatus(userId: string) {
  const user = db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).get();
  return { enabledAt: user?.enabledAt ?? null, recoveryCodesLeft: countRecoveryCodes(userId) };
}

type PasswordCheck = { ok: true } | { ok: false; message: string };

/** Turning it off or renewing the codes asks for the password (throttled like the account page's). */
async function checkPassword(
  userId: string,
  password: string,
  origin: RequestOrigin,
): Promise<PasswordCheck> {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  if (!user) return { ok: false, message: msg("auth.errors.currentPasswordWrong") };
  const guesser = guesserFor(user.email, userId, origin, null);
  const state = guessAllowed(guesser, userId, origin, "password check");
  if (state.throttled)
    return {
      ok: false,
      message: msg("auth.errors.passwordThrottled", { count: Math.ceil(state.retryAfterSeconds / 60) }),
    };
  if (!(await verifyPassword(user.passwordHash, password))) {
    recordFailedSignIn(guesser, user.id, origin, "password check");
    return { ok: false, message: msg("auth.errors.currentPasswordWrong") };
  }
  return { ok: true };
}

export async function disableTwoFactor(userId: string, password: string, origin: RequestOrigin) {
  const check = await checkPassword(userId, password, origin);
  if (!check.ok) return check;
  db.transaction((tx) => {
    tx.update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, userId))
      .run();
    tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
    recordAudit({ action: "user.two_factor_disabled", userId, origin }, tx);
  });
  return { ok: true as const };
}

export async function renewRecoveryCodes(
  userId: string,
  password: string,
  origin: RequestOrigin,
): Promise<SetupResult> {
  const check = await checkPassword(userId, password, origin);
  if (!check.ok) return check;
  const enabled = db.select({ at: users.totpEnabledAt }).from(users).where(eq(users.id, userId)).get()?.at;
  if (!enabled) return { ok: false, message: msg("account.twoFactor.errors.startAgain") };
  const codes = db.transaction((tx) => {
    recordAudit({ action: "user.recovery_codes_renewed", userId, origin }, tx);
    return newRecoveryCodes(userId, tx);
  });
  return { ok: true, recoveryCodes: codes };
}
