// Browsers a person has signed in with: a random token in a long-lived HttpOnly cookie, only its hash in
// the database (trusted_devices). The throttle counts the wrong passwords typed on such a browser apart
// from everyone else's (throttle.server.ts), so a colleague guessing at your email from the same office
// never slows you down on your own browser (OWASP's "device cookies").
import { createHash, randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { trustedDevices } from "../../db/schema";
import { secureCookies } from "./auth.server";
import { db } from "./db.server";

const COOKIE = "casebook_device";
const LIFETIME_S = 365 * 24 * 60 * 60;
const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/** The device token the browser sent, if it looks like one of ours. */
export function readDeviceToken(request: Request): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [name, ...value] = part.trim().split("=");
    if (name === COOKIE) {
      const token = value.join("=");
      return TOKEN.test(token) ? token : null;
    }
  }
  return null;
}

/** The device (its token's hash) when this browser is one the user signed in with; null otherwise. */
export function trustedDevice(token: string | null, userId: string): string | null {
  if (!token) return null;
  const hash = hashOf(token);
  const found = db
    .select({ hash: trustedDevices.tokenHash })
    .from(trustedDevices)
    .where(and(eq(trustedDevices.tokenHash, hash), eq(trustedDevices.userId, userId)))
    .get();
  return found ? hash : null;
}

/** After a successful sign-in: this browser becomes trusted for the user; returns its Set-Cookie header. */
export function trustDevice(request: Request, userId: string): string {
  const token = readDeviceToken(request) ?? randomBytes(32).toString("base64url");
  const now = new Date();
  db.insert(trustedDevices)
    .values({ tokenHash: hashOf(token), userId, lastUsedAt: now })
    .onConflictDoUpdate({
      target: [trustedDevices.tokenHash, trustedDevices.userId],
      set: { lastUsedAt: now },
    })
    .run();
  const secure = secureCookies(request) ? "; Secure" : "";
  return `${COOKIE}=${token}; Path=/; Max-Age=${LIFETIME_S}; HttpOnly; SameSite=Lax${secure}`;
}
