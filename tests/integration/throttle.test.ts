// Password guessing is slowed down without letting anyone lock a colleague out (issue 13): per account and
// address first, a much higher ceiling per address (an office behind one NAT), delays that grow instead
// of a lock, the browser the person signed in with judged on its own failures, the right Retry-After, and
// an audit entry for every refused guess.
import type { ActionFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { changePassword, signIn } from "~/models/users.server";
import * as signInRoute from "~/routes/sign-in";
import { db } from "~/utils/db.server";
import { BASE_DELAY_MS, delayAfter, FREE_FAILURES, WINDOW_MS } from "~/utils/throttle.server";
import { auditLog, signInAttempts } from "../../db/schema";
import { makeUser } from "../helpers/fixtures";

const from = (ip: string) => ({ ip, userAgent: "vitest" });
const WRONG = "not the password";

/** Signs in through the route, as a browser posts the form from `ip` with `cookie`. */
async function postSignIn(form: { email: string; password: string }, ip: string, cookie = "") {
  const request = new Request("http://localhost/sign-in", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "x-casebook-client-ip": ip,
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(form),
  });
  const result = await signInRoute.action({
    request,
    params: {},
    context: { cspNonce: "" },
  } as ActionFunctionArgs);
  if (result instanceof Response) return { status: result.status, headers: result.headers, body: null };
  const { init, data } = result as unknown as { init: ResponseInit | null; data: unknown };
  return { status: init?.status ?? 200, headers: new Headers(init?.headers), body: data };
}

/** The browser's device cookie after a successful sign-in through the route. */
async function signInOnce(user: { email: string; password: string }, ip: string) {
  const answer = await postSignIn({ email: user.email, password: user.password }, ip);
  expect(answer.status).toBe(302);
  const device = answer.headers
    .getSetCookie()
    .find((cookie) => cookie.startsWith("casebook_device="))
    ?.split(";")[0];
  expect(device).toMatch(/^casebook_device=[A-Za-z0-9_-]{32,}$/);
  return device as string;
}

async function failTimes(email: string, ip: string, times: number) {
  for (let i = 0; i < times; i++) expect((await signIn({ email, password: WRONG }, from(ip))).ok).toBe(false);
}

/** Moves this account's recorded failures `ms` into the past, as time passing would. */
function age(email: string, ms: number) {
  for (const row of db.select().from(signInAttempts).where(eq(signInAttempts.email, email)).all())
    db.update(signInAttempts)
      .set({ at: new Date(row.at.getTime() - ms) })
      .where(eq(signInAttempts.id, row.id))
      .run();
}

describe("throttling wrong passwords", () => {
  it("delays one account's guesses from one address progressively, and never locks the account", async () => {
    const user = await makeUser();
    await failTimes(user.email, "10.10.0.1", FREE_FAILURES.pair);
    const first = await signIn({ email: user.email, password: user.password }, from("10.10.0.1"));
    expect(first).toMatchObject({ ok: false, reason: "throttled" });
    if (!first.ok) expect(first.retryAfterSeconds).toBe(BASE_DELAY_MS / 1000);
    // Once the delay has passed, the next guess is checked; each further failure doubles the delay.
    age(user.email, BASE_DELAY_MS);
    expect((await signIn({ email: user.email, password: WRONG }, from("10.10.0.1"))).ok).toBe(false);
    const second = await signIn({ email: user.email, password: user.password }, from("10.10.0.1"));
    if (!second.ok) expect(second.retryAfterSeconds).toBe((2 * BASE_DELAY_MS) / 1000);
    expect(second.ok).toBe(false);
    // Never longer than the window, and over once the failures have aged out.
    expect(delayAfter("pair", 40)).toBe(WINDOW_MS);
    age(user.email, WINDOW_MS);
    expect((await signIn({ email: user.email, password: user.password }, from("10.10.0.1"))).ok).toBe(true);
  });

  it("does not let a colleague's wrong guesses lock me out, from another address or from the same office", async () => {
    const me = await makeUser();
    const myBrowser = await signInOnce(me, "10.11.0.1");
    // A colleague in the same office (same address) guesses at my email, many times.
    await failTimes(me.email, "10.11.0.1", 3 * FREE_FAILURES.pair);
    // My own browser is judged on its own failures: I get in at once.
    const mine = await postSignIn({ email: me.email, password: me.password }, "10.11.0.1", myBrowser);
    expect(mine.status).toBe(302);
    // From home (another address), on a browser never used before, too.
    expect((await signIn({ email: me.email, password: me.password }, from("10.11.9.9"))).ok).toBe(true);
  });

  it("lets an office behind one address go on signing in while some of its people mistype", async () => {
    const people = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
    for (const person of people) await failTimes(person.email, "10.12.0.1", FREE_FAILURES.pair - 1);
    for (const person of people)
      expect((await signIn({ email: person.email, password: person.password }, from("10.12.0.1"))).ok).toBe(
        true,
      );
    const newcomer = await makeUser();
    expect((await signIn({ email: newcomer.email, password: newcomer.password }, from("10.12.0.1"))).ok).toBe(
      true,
    );
  });

  it("slows down one address trying many accounts only past a much higher ceiling", async () => {
    const now = Date.now();
    db.insert(signInAttempts)
      .values(
        Array.from({ length: FREE_FAILURES.address }, (_, i) => ({
          email: `target${i}@example.test`,
          ip: "10.13.0.1",
          at: new Date(now - 1000),
        })),
      )
      .run();
    const other = await makeUser();
    const answer = await postSignIn({ email: other.email, password: other.password }, "10.13.0.1");
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("Retry-After"))).toBe(BASE_DELAY_MS / 1000 - 1);
    expect(JSON.stringify(answer.body)).toContain("auth.errors.throttledSeconds");
    // The same person from elsewhere is not affected.
    expect((await signIn({ email: other.email, password: other.password }, from("10.13.0.2"))).ok).toBe(true);
  });

  it("slows down many addresses guessing one account, but not the person's own browser", async () => {
    const me = await makeUser();
    const myBrowser = await signInOnce(me, "10.14.0.1");
    for (let i = 0; i < FREE_FAILURES.account; i++) await failTimes(me.email, `10.14.1.${i}`, 1);
    expect(await signIn({ email: me.email, password: me.password }, from("10.14.2.1"))).toMatchObject({
      reason: "throttled",
    });
    expect(
      (await postSignIn({ email: me.email, password: me.password }, "10.14.0.1", myBrowser)).status,
    ).toBe(302);
  });

  it("counts a trusted browser's own failures, and past its allowance treats it like any other", async () => {
    const me = await makeUser();
    const myBrowser = await signInOnce(me, "10.15.0.1");
    for (let i = 0; i < FREE_FAILURES.device + FREE_FAILURES.pair; i++)
      expect((await postSignIn({ email: me.email, password: WRONG }, "10.15.0.1", myBrowser)).status).toBe(
        400,
      );
    expect(
      (await postSignIn({ email: me.email, password: me.password }, "10.15.0.1", myBrowser)).status,
    ).toBe(429);
  });

  it("answers 429 with the Retry-After of the delay and writes an audit entry for each refused guess", async () => {
    const user = await makeUser();
    await failTimes(user.email, "10.16.0.1", FREE_FAILURES.pair);
    const answer = await postSignIn({ email: user.email, password: WRONG }, "10.16.0.1");
    expect(answer.status).toBe(429);
    const retryAfter = Number(answer.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(BASE_DELAY_MS / 1000 - 5);
    expect(retryAfter).toBeLessThanOrEqual(BASE_DELAY_MS / 1000);
    const entries = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "user.sign_in_throttled"), eq(auditLog.userId, user.id)))
      .all();
    expect(entries).toHaveLength(1);
    expect(entries[0].detail).toMatchObject({
      email: user.email,
      scope: "pair",
      retryAfterSeconds: retryAfter,
    });
    expect(entries[0].ip).toBe("10.16.0.1");
    // The route keeps the header for a browser that posts the form without JavaScript.
    const headers = signInRoute.headers({
      actionHeaders: answer.headers,
      loaderHeaders: new Headers(),
      parentHeaders: new Headers(),
      errorHeaders: undefined,
    });
    expect(new Headers(headers).get("Retry-After")).toBe(String(retryAfter));
  });

  it("throttles wrong current passwords on the account page like wrong passwords at sign-in", async () => {
    const user = await makeUser();
    for (let i = 0; i < FREE_FAILURES.pair; i++) {
      const wrong = await changePassword(
        user.id,
        { currentPassword: `guess ${i}`, newPassword: "a new long password" },
        from("10.17.0.1"),
      );
      expect(wrong).toMatchObject({ ok: false, message: "auth.errors.currentPasswordWrong" });
    }
    const held = await changePassword(
      user.id,
      { currentPassword: user.password, newPassword: "a new long password" },
      from("10.17.0.1"),
    );
    expect(held).toMatchObject({ ok: false, field: "currentPassword" });
    if (!held.ok) expect(held.message).toMatch(/^auth\.errors\.passwordThrottledSeconds\|/);
    // The same guesses count against signing in to the account from there.
    expect(await signIn({ email: user.email, password: user.password }, from("10.17.0.1"))).toMatchObject({
      reason: "throttled",
    });
  });
});
