// The only module that knows about Lucia (see docs/decisions/0002-lucia-sessions.md).
// Replacing the session library means rewriting this file and nothing else.
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { hash, verify } from "@node-rs/argon2";
import { redirect } from "@remix-run/node";
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
  }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: {
      email: string;
      name: string;
      locale: Locale | null;
      lastWorkspaceId: string | null;
    };
  }
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  /** The workspace the person used last ("/" opens it; checked against their memberships). */
  lastWorkspaceId: string | null;
};

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

type AuthResult = { user: SessionUser | null; setCookie: string | null };

// Validate once per request: loaders of nested routes share the answer.
const resolved = new WeakMap<Request, Promise<AuthResult>>();

async function authenticate(request: Request): Promise<AuthResult> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, setCookie: null };
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session) return { user: null, setCookie: serializeCookie(request, lucia.createBlankSessionCookie()) };
  const setCookie = session.fresh ? serializeCookie(request, lucia.createSessionCookie(session.id)) : null;
  return {
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      locale: user.locale,
      lastWorkspaceId: user.lastWorkspaceId,
    },
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
  const session = await lucia.createSession(userId, {});
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
