// Two-factor sign-in: set up with a code computed here from the secret the page shows (RFC 6238), sign in
// with it, with a recovery code once (and not twice), refusals, throttling of the code step, and a workspace
// that requires it.
import { readFileSync } from "node:fs";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { collabAccess } from "~/models/collab.server";
import { notificationsForMail, notify } from "~/models/notifications.server";
import {
  beginTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
  verifySecondStep,
} from "~/models/two-factor.server";
import { signIn } from "~/models/users.server";
import { setRequireTwoFactor, TwoFactorFirstError } from "~/models/workspaces.server";
import { getAuth, startSession } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { FREE_FAILURES } from "~/utils/throttle.server";
import { notifications, recoveryCodes, users } from "../../db/schema";
import { makeTeam, makeUser } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

const origin = (ip: string) => ({ ip, userAgent: "vitest" });
const requestWith = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });
const cookieOf = (setCookie: string) => setCookie.split(";")[0];

/** What an authenticator app shows for this secret at this moment (30-second steps, 6 digits). */
function totp(secret: string, at = Date.now()) {
  return generateHOTP(
    decodeBase32IgnorePadding(secret.replace(/\s+/g, "")),
    BigInt(Math.floor(at / 30_000)),
    6,
  );
}

/** A person with two-factor sign-in on; returns the secret and the ten recovery codes. */
async function withTwoFactor(name = "Careful") {
  const person = await makeUser(name);
  const setup = (await beginTwoFactorSetup(person.id))!;
  // The code confirms the setup a step earlier than now, so that "now" is a fresh code for sign-in tests.
  const result = await confirmTwoFactorSetup(
    person.id,
    totp(setup.secret, Date.now() - 30_000),
    origin("10.7.0.1"),
    null,
  );
  if (!result.ok) throw new Error(result.message);
  return { ...person, secret: setup.secret, recoveryCodes: result.recoveryCodes };
}

describe("setting it up", () => {
  it("shows a secret and a QR code, and turns on with a code from the app", async () => {
    const person = await makeUser("Setter");
    const setup = (await beginTwoFactorSetup(person.id))!;
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toBe(
      `otpauth://totp/Mediation%20Casebook:${encodeURIComponent(person.email)}?issuer=Mediation+Casebook&algorithm=SHA1&secret=${setup.secret}&period=30&digits=6`,
    );
    expect(setup.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.qrCode.split(",")[1], "base64").toString()).toContain("<svg");
    // Reloading the page keeps the same secret until it is confirmed.
    expect((await beginTwoFactorSetup(person.id))!.secret).toBe(setup.secret);

    const wrong = await confirmTwoFactorSetup(person.id, "000000", origin("10.7.1.1"), null);
    expect(wrong).toEqual({ ok: false, message: "account.twoFactor.errors.wrongCode" });
    const right = await confirmTwoFactorSetup(person.id, totp(setup.secret), origin("10.7.1.1"), null);
    expect(right.ok).toBe(true);
    if (!right.ok) return;
    expect(right.recoveryCodes).toHaveLength(10);
    for (const code of right.recoveryCodes)
      expect(code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(new Set(right.recoveryCodes).size).toBe(10);
  });

  it("stores recovery codes hashed: the database file holds none of them", async () => {
    const person = await withTwoFactor();
    const stored = db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.id)).all();
    expect(stored).toHaveLength(10);
    const file = readFileSync(process.env.DATABASE_URL!);
    for (const code of person.recoveryCodes) {
      expect(file.includes(Buffer.from(code))).toBe(false);
      expect(file.includes(Buffer.from(code.replace(/-/g, "")))).toBe(false);
    }
  });

  it("signs out the person's other devices when it is turned on, keeping this one", async () => {
    const person = await makeUser("Two devices");
    const laptop = cookieOf(await startSession(new Request("http://localhost/"), person.id));
    const phone = cookieOf(await startSession(new Request("http://localhost/"), person.id));
    const setup = (await beginTwoFactorSetup(person.id))!;
    const laptopSession = (await getAuth(requestWith(laptop))).sessionId;
    await confirmTwoFactorSetup(person.id, totp(setup.secret), origin("10.7.2.1"), laptopSession);
    expect((await getAuth(requestWith(laptop))).user?.id).toBe(person.id);
    expect((await getAuth(requestWith(phone))).user).toBeNull();
  });
});

describe("signing in with it", () => {
  it("asks for the code after the password, and accepts the app's code once", async () => {
    const person = await withTwoFactor();
    const first = await signIn({ email: person.email, password: person.password }, origin("10.7.3.1"));
    expect(first).toMatchObject({ ok: true, secondStep: true });
    const code = totp(person.secret);
    expect(await verifySecondStep(person.id, code, origin("10.7.3.1"))).toMatchObject({ ok: true });
    // The same code a second time (replayed, or read over a shoulder) is refused.
    expect(await verifySecondStep(person.id, code, origin("10.7.3.1"))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("refuses a wrong code", async () => {
    const person = await withTwoFactor();
    const right = totp(person.secret);
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, "0");
    expect(await verifySecondStep(person.id, wrong, origin("10.7.4.1"))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifySecondStep(person.id, "12345", origin("10.7.4.1"))).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("accepts a recovery code once, and not twice", async () => {
    const person = await withTwoFactor();
    const [code] = person.recoveryCodes;
    expect(await verifySecondStep(person.id, code.toLowerCase(), origin("10.7.5.1"))).toEqual({
      ok: true,
      usedRecoveryCode: true,
      recoveryCodesLeft: 9,
    });
    expect(await verifySecondStep(person.id, code, origin("10.7.5.1"))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await verifySecondStep(person.id, person.recoveryCodes[1], origin("10.7.5.1"))).toMatchObject({
      ok: true,
      recoveryCodesLeft: 8,
    });
  });

  it("throttles the code step with the password step: wrong codes lock out the right one for a while", async () => {
    const person = await withTwoFactor();
    for (let i = 0; i < FREE_FAILURES.pair; i++)
      await verifySecondStep(person.id, "000000", origin("10.7.6.1"));
    const locked = await verifySecondStep(person.id, totp(person.secret), origin("10.7.6.1"));
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    // And the password step does not forgive them: the right password does not reset the count.
    expect(
      await signIn({ email: person.email, password: person.password }, origin("10.7.6.1")),
    ).toMatchObject({
      reason: "throttled",
    });
  });

  it("goes through the routes: no session after the password, a session after the code", async () => {
    const person = await withTwoFactor();
    const signInRoute = await import("../../app/routes/sign-in");
    const passwordStep = await signInRoute.action({
      request: new Request("http://localhost/sign-in", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", "x-casebook-client-ip": "10.7.7.1" },
        body: new URLSearchParams({
          email: person.email,
          password: person.password,
          redirectTo: "/workspaces",
        }),
      }),
      params: {},
      context: { cspNonce: "" },
    });
    expect(passwordStep).toBeInstanceOf(Response);
    const response = passwordStep as Response;
    expect(response.headers.get("Location")).toBe("/sign-in/two-factor");
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).not.toMatch(/casebook_session=[a-z0-9]/);
    const pending = cookieOf(setCookie);
    expect(pending).toMatch(/^casebook_2fa=/);

    const stepRoute = await import("../../app/routes/sign-in_.two-factor");
    const page = await callRoute(stepRoute, { path: "/sign-in/two-factor", cookie: pending });
    expect(page.status).toBe(200);
    const wrong = await callRoute(stepRoute, {
      method: "POST",
      path: "/sign-in/two-factor",
      cookie: pending,
      form: { code: "000000" },
    });
    expect(wrong.status).toBe(400);
    const done = await stepRoute.action({
      request: new Request("http://localhost/sign-in/two-factor", {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          Cookie: pending,
          "x-casebook-client-ip": "10.7.7.1",
        },
        body: new URLSearchParams({ code: totp(person.secret) }),
      }),
      params: {},
      context: { cspNonce: "" },
    });
    const answer = done as Response;
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toBe("/workspaces");
    const session = answer.headers.getSetCookie().find((c) => c.startsWith("casebook_session="))!;
    expect((await getAuth(requestWith(cookieOf(session)))).user?.id).toBe(person.id);
    expect(answer.headers.getSetCookie().some((c) => /^casebook_2fa=;.*Max-Age=0/.test(c))).toBe(true);
  });

  it("refuses a forged or expired second-step cookie", async () => {
    const stepRoute = await import("../../app/routes/sign-in_.two-factor");
    const forged = `casebook_2fa=${Buffer.from(JSON.stringify({ userId: "x", until: Date.now() + 1e6 })).toString("base64")}`;
    expect((await callRoute(stepRoute, { path: "/sign-in/two-factor", cookie: forged })).status).toBe(302);
  });

  it("turns off with the password, and then the password alone signs in", async () => {
    const person = await withTwoFactor();
    expect(await disableTwoFactor(person.id, "not my password", origin("10.7.8.1"))).toMatchObject({
      ok: false,
    });
    expect(await disableTwoFactor(person.id, person.password, origin("10.7.8.1"))).toEqual({ ok: true });
    expect(
      await signIn({ email: person.email, password: person.password }, origin("10.7.8.2")),
    ).toMatchObject({
      ok: true,
      secondStep: false,
    });
    expect(db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, person.id)).all()).toEqual([]);
  });
});

describe("a workspace that requires it", () => {
  it("sends members without it to set it up before any case, and lets them in once it is on", async () => {
    const team = await makeTeam();
    // The owner must use it before requiring it.
    expect(() => setRequireTwoFactor(team.people.owner.member, true, false)).toThrow(TwoFactorFirstError);
    setRequireTwoFactor(team.people.owner.member, true, true);
    const casePage = await import("../../app/routes/w.$workspaceId.cases.$caseId");
    const params = { workspaceId: team.workspace.id, caseId: team.caseStudy.id };
    const refused = await callRoute(casePage, { path: "/case", params, cookie: team.people.editor.cookie });
    expect(refused).toMatchObject({ status: 302, location: `/account/two-factor?for=${team.workspace.id}` });
    const list = await import("../../app/routes/w.$workspaceId.cases._index");
    expect(
      (
        await callRoute(list, {
          path: "/cases",
          params: { workspaceId: team.workspace.id },
          cookie: team.people.editor.cookie,
        })
      ).status,
    ).toBe(302);
    // The live editor refuses them too, and mail names no case to them.
    expect(collabAccess(team.people.editor.id, team.caseStudy.id)).toBeNull();
    notify(db, {
      userIds: [team.people.editor.id],
      workspaceId: team.workspace.id,
      kind: "mentioned",
      actorId: team.people.reviewer.id,
      caseId: team.caseStudy.id,
    });
    const [forMail] = notificationsForMail(team.people.editor.id, [
      db.select().from(notifications).all().at(-1)!.id,
    ]);
    expect(forMail.caseTitle).toBeNull();

    // The page they are sent to names the workspace.
    const setupPage = await import("../../app/routes/account_.two-factor");
    const shown = await callRoute(setupPage, {
      path: `/account/two-factor?for=${team.workspace.id}`,
      cookie: team.people.editor.cookie,
    });
    expect(shown.status).toBe(200);
    expect((shown.body as { workspace: { name: string } }).workspace.name).toBe("Team workspace");

    const secret = (await beginTwoFactorSetup(team.people.editor.id))!.secret;
    await confirmTwoFactorSetup(team.people.editor.id, totp(secret), origin("10.7.9.1"), null);
    const cookie = cookieOf(await startSession(new Request("http://localhost/"), team.people.editor.id));
    expect((await callRoute(casePage, { path: "/case", params, cookie })).status).toBe(200);
    expect(collabAccess(team.people.editor.id, team.caseStudy.id)).not.toBeNull();
    expect(db.select().from(users).where(eq(users.id, team.people.editor.id)).get()?.totpSecret).toBe(secret);
  });
});
