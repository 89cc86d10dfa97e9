// Slowing down password guessing without letting anyone lock a colleague out (SECURITY.md, "Sign-in
// throttling"). Every failed guess is recorded with the account it was for, the address it came from and,
// when the browser is one the person signed in with before, that trusted device (trusted-devices.server.ts).
//
// Who waits, and for what:
// - A trusted device is judged on its own failures only: guesses from anywhere else never slow down the
//   person on their own browser. After DEVICE_FREE failures it counts as any other browser until they age out.
// - Any other browser: its failures for one account from one address (the pair) come first; then the
//   account's failures from every address (many machines guessing one password); then the address's
//   failures for every account (one machine trying many accounts), with a much higher ceiling, because a
//   whole office or a mobile network shares one address.
// - No scope ever locks: past its free failures, each further guess waits a delay that doubles with every
//   failure (BASE_DELAY_MS, 2×, 4×… at most WINDOW_MS), counted from the last failure. Failures older than
//   WINDOW_MS are forgotten.
//
// API (also for the second sign-in step, which will pass its own `kind`):
//   const guesser = { account: email, ip, device: trustedDeviceOf(request, userId) };
//   const verdict = checkGuess("password", guesser);      // before checking the secret
//   if (!verdict.allowed) → answer 429 with Retry-After: verdict.retryAfterSeconds (and audit verdict.scope)
//   recordFailedGuess("password", guesser) / recordGoodGuess("password", guesser)   // after
import { and, count, eq, gt, isNull, max } from "drizzle-orm";
import { signInAttempts } from "../../db/schema";
import { db } from "./db.server";

/** What is being guessed; each kind is counted apart. */
export type GuessKind = "password";

/** Who is guessing: the account (normalised email), the address, and the trusted device if any. */
export type Guesser = { account: string; ip: string; device: string | null };

export type ThrottleScope = "device" | "pair" | "account" | "address";

export type GuessVerdict =
  | { allowed: true }
  | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number };

export const WINDOW_MS = 15 * 60 * 1000;
export const BASE_DELAY_MS = 30 * 1000;
/** Failures allowed in WINDOW_MS before each further guess must wait. */
export const FREE_FAILURES: Record<ThrottleScope, number> = {
  device: 5,
  pair: 5,
  account: 20,
  address: 100,
};

/** How long after the last failure the next guess may come, given `failures` in the window. */
export function delayAfter(scope: ThrottleScope, failures: number): number {
  const over = failures - FREE_FAILURES[scope];
  if (over < 0) return 0;
  return Math.min(WINDOW_MS, BASE_DELAY_MS * 2 ** Math.min(over, 16));
}

function failures(kind: GuessKind, where: ReturnType<typeof and>, now: number) {
  const row = db
    .select({ n: count(), last: max(signInAttempts.at) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.kind, kind), gt(signInAttempts.at, new Date(now - WINDOW_MS)), where))
    .get();
  return { n: row?.n ?? 0, last: row?.last ? row.last.getTime() : now };
}

/** Whether the device still counts as trusted: fewer than its free failures in the window. */
function deviceTrusted(kind: GuessKind, device: string | null, now: number): device is string {
  if (!device) return false;
  return failures(kind, eq(signInAttempts.device, device), now).n < FREE_FAILURES.device;
}

/** Whether this guess may be checked now, and if not, for how long the guesser must wait. */
export function checkGuess(kind: GuessKind, guesser: Guesser, now = Date.now()): GuessVerdict {
  if (deviceTrusted(kind, guesser.device, now)) return { allowed: true };
  const untrusted = isNull(signInAttempts.device);
  const scopes: Array<[ThrottleScope, ReturnType<typeof and>]> = [
    ["pair", and(untrusted, eq(signInAttempts.email, guesser.account), eq(signInAttempts.ip, guesser.ip))],
    ["account", and(untrusted, eq(signInAttempts.email, guesser.account))],
    ...(guesser.ip
      ? [
          ["address", and(untrusted, eq(signInAttempts.ip, guesser.ip))] as [
            ThrottleScope,
            ReturnType<typeof and>,
          ],
        ]
      : []),
  ];
  let worst: GuessVerdict = { allowed: true };
  for (const [scope, where] of scopes) {
    const { n, last } = failures(kind, where, now);
    const waitMs = last + delayAfter(scope, n) - now;
    if (delayAfter(scope, n) === 0 || waitMs <= 0) continue;
    const retryAfterSeconds = Math.ceil(waitMs / 1000);
    if (worst.allowed || retryAfterSeconds > worst.retryAfterSeconds)
      worst = { allowed: false, scope, retryAfterSeconds };
  }
  return worst;
}

/** Records a wrong guess; from a trusted device over its free failures, it counts as from any browser. */
export function recordFailedGuess(kind: GuessKind, guesser: Guesser, now = Date.now()) {
  const device = deviceTrusted(kind, guesser.device, now) ? guesser.device : null;
  db.insert(signInAttempts)
    .values({ kind, email: guesser.account, ip: guesser.ip, device, at: new Date(now) })
    .run();
}

/** After a right guess: the failures of this pair and of this device are forgotten (not the account's). */
export function recordGoodGuess(kind: GuessKind, guesser: Guesser) {
  db.delete(signInAttempts)
    .where(
      and(
        eq(signInAttempts.kind, kind),
        eq(signInAttempts.email, guesser.account),
        eq(signInAttempts.ip, guesser.ip),
        isNull(signInAttempts.device),
      ),
    )
    .run();
  if (guesser.device)
    db.delete(signInAttempts)
      .where(and(eq(signInAttempts.kind, kind), eq(signInAttempts.device, guesser.device)))
      .run();
}
