// The only module that knows about Lucia (see docs/decisions/0002-lucia-sessions.md).
// Replacing the session library means rewriting this file and nothing else.
import { createHash, randomBytes } from "node:crypto";
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { hash, verify } from "@node-rs/argon2";
import { createCookie, redirect } from "@remix-run/node";
import { and, desc, eq, ne } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import type { Locale } from "~/models/domain";
import { sessions, users } from "../../db/schema";
import { db } from "./db.server";
import { liveDocuments } from "./live-registry.server";

const adapter = new DrizzleSQLiteAdapter(db, sessions, users);

// Lucia extends a session when less than half of this remains: sessions slide on use.
const SESSION_LIFETIME = new TimeSpan(30, "d");

export const lucia = new Lucia(adapter, {
  sessionExpiresIn: SESSION_LIFETIME,
  sessionCookie: {
    name: "casebook_session",
    expires: true,
    attributes: { secure: process.env.COOKIE_SECURE === "1", sameSite: "lax" },
  },
  getUserAttributes: (attributes) => ({
    email: attributes.email,
    name: attributes.name,
    locale: attributes.locale ?? null,
    lastWorkspaceId: attributes.lastWorkspaceId ?? null,
    emailVerified: attributes.emailVerifiedAt !== null,
    twoFactor: attributes.totpEnabledAt !== null,
  }),
  getSessionAttributes: (attributes) => ({ lastUsedAt: attributes.lastUsedAt ?? new Date(0) }),
});

type SessionAttributes = { createdAt: Date; lastUsedAt: Date; ip: string; userAgent: string };

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      locale: Locale | null;
      lastWorkspaceId: string | null;
      emailVerifiedAt: Date | number | null;
      totpEnabledAt: Date | number | null;
    };
    // Optional when made: the columns default (tests make sessions without them).
    DatabaseSessionAttributes: Partial<SessionAttributes>;
  }
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  /** The workspace the person used last ("/" opens it; checked against their memberships). */
  lastWorkspaceId: string | null;
  emailVerified: boolean;
  twoFactor: boolean;
};

// "Last used" on the sessions page is written at most this often: a write on every request would also
// empty the response cache (ADR 0009) for everyone.
export const LAST_USED_PRECISION_MS = 10 * 60 * 1000;

/** What a session records of the device: the address and browser of the request that started it. */
function deviceOf(request: Request): Pick<SessionAttributes, "ip" | "userAgent"> {
  return {
    ip: request.headers.get("x-casebook-client-ip") ?? "",
    userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300),
  };
}

// OWASP's argon2id baseline (19 MiB, 2 passes).
const argonOptions = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string) {
  return hash(password, argonOptions);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function secureCookies(request: Request) {
  if (process.env.COOKIE_SECURE === "1") return true;
  if (process.env.COOKIE_SECURE === "0") return false;
  return new URL(request.url).protocol === "https:";
}

function serializeCookie(request: Request, cookie: ReturnType<typeof lucia.createBlankSessionCookie>) {
  const value = cookie.serialize();
  return secureCookies(request) && !/;\s*Secure/i.test(value) ? `${value}; Secure` : value;
}

type AuthResult = { user: SessionUser | null; sessionId: string | null; setCookie: string | null };

// Validate once per request: loaders of nested routes share the answer.
const resolved = new WeakMap<Request, Promise<AuthResult>>();

async function authenticate(request: Request): Promise<AuthResult> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, sessionId: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session)
    return {
      user: null,
      sessionId: null,
      setCookie: serializeCookie(request, lucia.createBlankSessionCookie()),
    };
  if (Date.now() - new Date(session.lastUsedAt).getTime() > LAST_USED_PRECISION_MS) {
    db.update(sessions).set({ lastUsedAt: new Date() }).where(eq(sessions.id, session.id)).run();
  }
  const setCookie = session.fresh ? serializeCookie(request, lucia.createSessionCookie(session.id)) : null;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      lastWorkspaceId: user.lastWorkspaceId,
      emailVerified: user.emailVerified,
      twoFactor: user.twoFactor,
    },
    sessionId: session.id,
    setCookie,
  };
}

/**
 * The signed-in user behind a Cookie header, for the response cache (app/utils/response-cache.server.ts),
 * which must check the session before it looks anything up. Reads without extending: null when there is no
 * valid session, and also when Lucia would extend it now, so that the app renders that answer and renews
 * the cookie on it.
 */
export async function cacheableSessionUser(cookieHeader: string): Promise<string | null> {
  const sessionId = lucia.readSessionCookie(cookieHeader);
  if (!sessionId) return null;
  const [session, user] = await adapter.getSessionAndUser(sessionId);
  if (!session || !user) return null;
  if (session.expiresAt.getTime() - Date.now() <= SESSION_LIFETIME.milliseconds() / 2) return null;
  // Due for a "last used" update: the app renders this one and records it.
  const lastUsed = new Date(session.attributes.lastUsedAt as Date | number).getTime();
  if (Date.now() - lastUsed > LAST_USED_PRECISION_MS) return null;
  return user.id;
}

export function getAuth(request: Request): Promise<AuthResult> {
  let result = resolved.get(request);
  if (!result) {
    result = authenticate(request);
    resolved.set(request, result);
  }
  return result;
}

export async function getUser(request: Request) {
  return (await getAuth(request)).user;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const { user } = await getAuth(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/sign-in?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

/**
 * A new session id on every sign-in (no fixation); returns the Set-Cookie header. Whatever session the
 * browser presented ends, so an id that was ever seen before signing in never stays valid after it.
 */
export async function startSession(request: Request, userId: string) {
  const previous = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (previous) await lucia.invalidateSession(previous);
  const now = new Date();
  const session = await lucia.createSession(userId, {
    createdAt: now,
    lastUsedAt: now,
    ...deviceOf(request),
  });
  return serializeCookie(request, lucia.createSessionCookie(session.id));
}

export async function endSession(request: Request) {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) {
    await lucia.invalidateSession(sessionId);
    // Editing sockets opened with this session close too (they were authenticated once, at connection).
    liveDocuments()?.closeSessions({ sessionId });
  }
  return serializeCookie(request, lucia.createBlankSessionCookie());
}

/** On password change: every other session of the user ends; the current one is replaced. */
export async function endAllSessions(userId: string) {
  await lucia.invalidateUserSessions(userId);
  liveDocuments()?.closeSessions({ userId });
}

export type DeviceSession = {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  ip: string;
  userAgent: string;
  current: boolean;
};

/** The devices signed in to this account, most recently used first (the sessions page). */
export function listSessions(userId: string, currentSessionId: string | null): DeviceSession[] {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastUsedAt: sessions.lastUsedAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.lastUsedAt))
    .all()
    .filter((row) => row.expiresAt * 1000 > Date.now())
    .map(({ expiresAt: _expiresAt, ...row }) => ({ ...row, current: row.id === currentSessionId }));
}

/**
 * Signs out one of the user's own devices. Sessions are addressed by a digest of their id, so the page
 * never holds another device's live session id; another person's session matches nothing.
 */
export function endDeviceSession(userId: string, sessionKey: string): boolean {
  const target = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .all()
    .find((row) => sessionKeyOf(row.id) === sessionKey);
  if (!target) return false;
  db.delete(sessions)
    .where(and(eq(sessions.id, target.id), eq(sessions.userId, userId)))
    .run();
  liveDocuments()?.closeSessions({ sessionId: target.id });
  return true;
}

/** Signs out every device of the user but this one. */
export function endOtherSessions(userId: string, currentSessionId: string) {
  const others = db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
    .all();
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, currentSessionId)))
    .run();
  for (const other of others) liveDocuments()?.closeSessions({ sessionId: other.id });
  return others.length;
}

/** A stable, non-secret name for a session: what the sessions page posts to sign one device out. */
export function sessionKeyOf(sessionId: string) {
  return createHash("sha256").update(`device:${sessionId}`).digest("base64url").slice(0, 22);
}

// ---- Between the two steps of signing in -------------------------------------------------------------
// After the right password of an account with two-factor sign-in, the browser holds only this signed,
// short-lived cookie naming the account: no session exists until the code is accepted.

export const SECOND_STEP_LIFETIME_SECONDS = 10 * 60;

const secondStepCookie = createCookie("casebook_2fa", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: SECOND_STEP_LIFETIME_SECONDS,
  secrets: [process.env.SESSION_SECRET || randomBytes(32).toString("hex")],
});

type SecondStep = { userId: string; redirectTo: string; until: number };

export function startSecondStep(request: Request, userId: string, redirectTo: string) {
  const value: SecondStep = {
    userId,
    redirectTo,
    until: Date.now() + SECOND_STEP_LIFETIME_SECONDS * 1000,
  };
  return secondStepCookie.serialize(value, { secure: secureCookies(request) });
}

/** The account waiting for its second step in this browser, if the cookie is genuine and recent. */
export async function pendingSecondStep(request: Request): Promise<SecondStep | null> {
  const value = (await secondStepCookie.parse(request.headers.get("Cookie"))) as SecondStep | null;
  if (!value || typeof value.userId !== "string" || typeof value.until !== "number") return null;
  if (value.until < Date.now()) return null;
  return {
    userId: value.userId,
    redirectTo: typeof value.redirectTo === "string" ? value.redirectTo : "/",
    until: value.until,
  };
}

export function endSecondStep(request: Request) {
  return secondStepCookie.serialize("", { maxAge: 0, secure: secureCookies(request) });
}
