import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { handleDataRequest } from "~/entry.server";
import { changePassword, signIn } from "~/models/users.server";
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

/** Runs a route's action or loader like Remix and gives back the Response, headers included. */
async function respond(
  handler: (args: ActionFunctionArgs & LoaderFunctionArgs) => unknown,
  request: Request,
): Promise<Response> {
  try {
    const result = await handler({ request, params: {}, context: { cspNonce: "" } });
    if (result instanceof Response) return result;
    const init = (result as { init?: ResponseInit | null }).init;
    return new Response(null, { status: init?.status ?? 200, headers: init?.headers });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    const init = (thrown as { init?: ResponseInit | null }).init;
    if (init) return new Response(null, { status: init.status, headers: init.headers });
    throw thrown;
  }
}
const post = (path: string, form: Record<string, string>, cookie?: string, ip = "") =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "x-casebook-client-ip": ip,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(form),
  });
const sessionIdOf = (cookie: string) => cookie.split("=")[1] ?? "";

describe("sessions through the routes", () => {
  it("signs in with a new session id, ends the one the browser had, and sets a protected cookie", async () => {
    const route = await import("../../app/routes/sign-in");
    const user = await makeUser();
    const planted = cookieOf(await startSession(new Request("http://localhost/"), user.id));
    const response = await respond(
      route.action,
      post("/sign-in", { email: user.email, password: user.password, redirectTo: "/workspaces" }, planted),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/workspaces");
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^casebook_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    const fresh = cookieOf(setCookie);
    expect(sessionIdOf(fresh)).not.toEqual(sessionIdOf(planted));
    expect(sessionIdOf(fresh)).toMatch(/^[a-z0-9]{20,}$/);
    expect((await getAuth(requestWith(fresh))).user?.id).toBe(user.id);
    expect((await getAuth(requestWith(planted))).user).toBeNull();
  });

  it("marks the cookie Secure over https", async () => {
    const user = await makeUser();
    const setCookie = await startSession(new Request("https://casebook.example/"), user.id);
    expect(setCookie).toMatch(/;\s*Secure/i);
  });

  it("never sends a signed-in person off the site after signing in", async () => {
    const route = await import("../../app/routes/sign-in");
    for (const redirectTo of [
      "/\t/evil.example",
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
    ]) {
      const user = await makeUser();
      const response = await respond(
        route.action,
        post("/sign-in", { email: user.email, password: user.password, redirectTo }),
      );
      expect(response.status).toBe(302);
      expect(response.headers.get("Location"), redirectTo).toBe("/");
    }
  });

  it("sends an expired session to the sign-in page and tells the browser to forget it", async () => {
    const user = await makeUser();
    const expired = await lucia.createSession(user.id, {});
    expireAt(expired.id, Date.now() - 1000);
    const cookie = cookieOf(lucia.createSessionCookie(expired.id).serialize());
    const route = await import("../../app/routes/workspaces");
    const page = await respond(
      route.loader,
      new Request("http://localhost/workspaces", { headers: { Cookie: cookie } }),
    );
    expect(page.status).toBe(302);
    expect(page.headers.get("Location")).toBe("/sign-in?redirectTo=%2Fworkspaces");
    const dataRequest = new Request("http://localhost/workspaces.data", { headers: { Cookie: cookie } });
    const answered = await handleDataRequest(new Response("{}"), {
      request: dataRequest,
      params: {},
      context: { cspNonce: "" },
    });
    expect(answered.headers.get("Set-Cookie")).toMatch(/^casebook_session=;.*Max-Age=0/);
    expect(answered.headers.get("Cache-Control")).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.id, expired.id)).get()).toBeUndefined();
  });

  it("renews a sliding session's cookie on a client-side data request", async () => {
    const user = await makeUser();
    const session = await lucia.createSession(user.id, {});
    expireAt(session.id, Date.now() + 5 * 24 * 3600 * 1000);
    const cookie = cookieOf(lucia.createSessionCookie(session.id).serialize());
    const answered = await handleDataRequest(new Response("{}"), {
      request: new Request("http://localhost/workspaces.data", { headers: { Cookie: cookie } }),
      params: {},
      context: { cspNonce: "" },
    });
    const renewed = answered.headers.get("Set-Cookie") ?? "";
    expect(cookieOf(renewed)).toBe(cookie);
    expect(renewed).toMatch(/Max-Age=2592000/);
    // What a signed-in person reads is not kept in the browser's cache.
    expect(answered.headers.get("Cache-Control")).toBe("private, no-store");
    const stored = db.select().from(sessions).where(eq(sessions.id, session.id)).get()!;
    expect(Number(stored.expiresAt) * 1000).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);

    // A session with more than half its time left is not rewritten on every request.
    const recent = cookieOf(await startSession(new Request("http://localhost/"), user.id));
    const quiet = await handleDataRequest(new Response("{}"), {
      request: new Request("http://localhost/workspaces.data", { headers: { Cookie: recent } }),
      params: {},
      context: { cspNonce: "" },
    });
    expect(quiet.headers.get("Set-Cookie")).toBeNull();
  });

  it("signs out only by POST, clearing the cookie; the old cookie then opens nothing", async () => {
    const user = await makeUser();
    const cookie = cookieOf(await startSession(new Request("http://localhost/"), user.id));
    const route = await import("../../app/routes/sign-out");
    const viaGet = await respond(
      route.loader,
      new Request("http://localhost/sign-out", { headers: { Cookie: cookie } }),
    );
    expect(viaGet.status).toBe(302);
    expect((await getAuth(requestWith(cookie))).user?.id).toBe(user.id);
    const response = await respond(route.action, post("/sign-out", {}, cookie));
    expect(response.headers.get("Location")).toBe("/sign-in");
    expect(response.headers.get("Set-Cookie")).toMatch(/^casebook_session=;.*Max-Age=0/);
    const account = await import("../../app/routes/account");
    const after = await respond(
      account.loader,
      new Request("http://localhost/account", { headers: { Cookie: cookie } }),
    );
    expect(after.status).toBe(302);
    expect(after.headers.get("Location")).toMatch(/^\/sign-in/);
  });

  it("changes the password from the account page: every other device is signed out, this one continues", async () => {
    const user = await makeUser();
    const laptop = cookieOf(await startSession(new Request("http://localhost/"), user.id));
    const phone = cookieOf(await startSession(new Request("http://localhost/"), user.id));
    const route = await import("../../app/routes/account");
    const response = await respond(
      route.action,
      post(
        "/account",
        { intent: "password", currentPassword: user.password, newPassword: "another long password" },
        laptop,
      ),
    );
    expect(response.status).toBe(302);
    const renewed = cookieOf(response.headers.get("Set-Cookie")?.split(/,(?=\s*casebook_)/)[0] ?? "");
    expect(renewed).toMatch(/^casebook_session=[a-z0-9]+/);
    expect(sessionIdOf(renewed)).not.toEqual(sessionIdOf(laptop));
    expect((await getAuth(requestWith(renewed))).user?.id).toBe(user.id);
    expect((await getAuth(requestWith(laptop))).user).toBeNull();
    expect((await getAuth(requestWith(phone))).user).toBeNull();
  });
});
