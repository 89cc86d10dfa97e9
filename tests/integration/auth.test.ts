import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changePassword, signIn, THROTTLE_MAX_FAILURES } from "~/models/users.server";
import { getAuth, lucia, startSession } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { sessions } from "../../db/schema";
import { makeUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

// Sessions' expires_at is in seconds (Lucia's Drizzle adapter).
const expireAt = (sessionId: string, ms: number) =>
  db
    .update(sessions)
    .set({ expiresAt: Math.floor(ms / 1000) })
    .where(eq(sessions.id, sessionId))
    .run();
const origin = (ip: string) => ({ ip, userAgent: "vitest" });
const cookieOf = (setCookie: string) => setCookie.split(";")[0];
const requestWith = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });

describe("sign-in", () => {
  it("accepts the right password and refuses a wrong one", async () => {
    const user = await makeUser();
    expect(
      (await signIn({ email: user.email.toUpperCase(), password: user.password }, origin("10.0.0.1"))).ok,
    ).toBe(true);
    expect(await signIn({ email: user.email, password: "wrong password!" }, origin("10.0.0.1"))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("throttles an email after five failures, even with the right password, and per IP across emails", async () => {
    const user = await makeUser();
    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) {
      await signIn({ email: user.email, password: "not the password" }, origin(`10.1.0.${i}`));
    }
    const locked = await signIn({ email: user.email, password: user.password }, origin("10.1.1.1"));
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    if (!locked.ok) expect(locked.retryAfterSeconds).toBeGreaterThan(800);

    for (let i = 0; i < THROTTLE_MAX_FAILURES; i++) {
      await signIn({ email: `nobody${i}@example.test`, password: "x" }, origin("10.2.0.1"));
    }
    const other = await makeUser();
    expect(await signIn({ email: other.email, password: other.password }, origin("10.2.0.1"))).toMatchObject({
      reason: "throttled",
    });
    expect((await signIn({ email: other.email, password: other.password }, origin("10.2.0.2"))).ok).toBe(
      true,
    );
  });

  it("answers 429 with a clear message from the sign-in route", async () => {
    const route = await import("../../app/routes/sign-in");
    const user = await makeUser();
    let last = { status: 0, body: null as unknown };
    for (let i = 0; i <= THROTTLE_MAX_FAILURES; i++) {
      last = await callRoute(route, {
        method: "POST",
        path: "/sign-in",
        form: { email: user.email, password: "bad password" },
      });
    }
    expect(last.status).toBe(429);
    expect(JSON.stringify(last.body)).toContain("Too many failed sign-ins");
  });
});

describe("sessions", () => {
  it("gives a new session id on every sign-in (no fixation)", async () => {
    const user = await makeUser();
    const request = new Request("http://localhost/");
    const first = cookieOf(await startSession(request, user.id));
    const second = cookieOf(await startSession(requestWith(first), user.id));
    expect(first).not.toEqual(second);
  });

  it("ends the session on sign-out", async () => {
    const user = await makeUser();
    const cookie = cookieOf(await startSession(new Request("http://localhost/"), user.id));
    expect((await getAuth(requestWith(cookie))).user?.id).toBe(user.id);
    const route = await import("../../app/routes/sign-out");
    const result = await callRoute(route, { method: "POST", path: "/sign-out", cookie });
    expect(result.status).toBe(302);
    expect((await getAuth(requestWith(cookie))).user).toBeNull();
  });

  it("ends every session of the user when the password changes", async () => {
    const user = await makeUser();
    const laptop = cookieOf(await startSession(new Request("http://localhost/"), user.id));
    const phone = cookieOf(await startSession(new Request("http://localhost/"), user.id));
    const wrong = await changePassword(
      user.id,
      { currentPassword: "nope", newPassword: "a new long password" },
      origin("1"),
    );
    expect(wrong.ok).toBe(false);
    expect((await getAuth(requestWith(phone))).user).not.toBeNull();
    const changed = await changePassword(
      user.id,
      { currentPassword: user.password, newPassword: "a new long password" },
      origin("1"),
    );
    expect(changed.ok).toBe(true);
    expect((await getAuth(requestWith(laptop))).user).toBeNull();
    expect((await getAuth(requestWith(phone))).user).toBeNull();
    expect((await signIn({ email: user.email, password: "a new long password" }, origin("9.9.9.9"))).ok).toBe(
      true,
    );
  });

  it("refuses an expired session and slides a session that is half used", async () => {
    const user = await makeUser();
    const expired = await lucia.createSession(user.id, {});
    expireAt(expired.id, Date.now() - 1000);
    const expiredCookie = lucia.createSessionCookie(expired.id).serialize().split(";")[0];
    expect((await getAuth(requestWith(expiredCookie))).user).toBeNull();

    const old = await lucia.createSession(user.id, {});
    expireAt(old.id, Date.now() + 5 * 24 * 3600 * 1000);
    const auth = await getAuth(requestWith(lucia.createSessionCookie(old.id).serialize().split(";")[0]));
    expect(auth.user?.id).toBe(user.id);
    expect(auth.setCookie).toMatch(/Max-Age=2592000/);
    expect(auth.setCookie).toMatch(/HttpOnly/);
    expect(auth.setCookie).toMatch(/SameSite=Lax/);
  });
});
