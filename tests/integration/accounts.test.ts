// Accounts: signing up with a confirmed address, no way to learn which addresses have accounts (by the
// answer or by its timing, measured here), leaving a workspace, deleting an account, devices, and the owner's
// export of a member's writing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmEmail, deleteAccount, deletionImpact, registerAccount } from "~/models/accounts.server";
import { listAuditLog } from "~/models/audit.server";
import { createCase, getCase } from "~/models/cases.server";
import { deliverDueMail } from "~/models/mail-delivery.server";
import { exportMemberWriting } from "~/models/member-export.server";
import { listRevisions } from "~/models/revisions.server";
import { createThread } from "~/models/threads.server";
import { signIn } from "~/models/users.server";
import { acceptInvite, createInvite, createWorkspace } from "~/models/workspaces.server";
import { endDeviceSession, getAuth, listSessions, sessionKeyOf, startSession } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { findMember } from "~/utils/permissions.server";
import { mailOutbox, users } from "../../db/schema";
import { addMember, makeTeam, makeUser, sampleFields } from "../helpers/fixtures";
import { linkIn, type MailServer, startMailServer } from "../helpers/mail";
import { callRoute } from "../helpers/routes";

const origin = (ip = "10.6.0.1") => ({ ip, userAgent: "vitest" });
const cookieOf = (setCookie: string) => setCookie.split(";")[0];
let smtp: MailServer;

beforeAll(async () => {
  smtp = await startMailServer();
  process.env.SMTP_URL = smtp.url;
  process.env.APP_ORIGIN = "https://casebook.example";
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.APP_ORIGIN;
  await smtp.stop();
});

async function flush() {
  for (;;) {
    const round = await deliverDueMail();
    if (round.sent + round.failed + round.retrying + round.cancelled === 0) return;
  }
}

const post = (path: string, form: Record<string, string>, ip: string) =>
  new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "x-casebook-client-ip": ip },
    body: new URLSearchParams(form),
  });

/** What a route action answers, as the page would receive it: status and data. */
async function answer(action: (args: never) => unknown, request: Request) {
  const result = (await action({ request, params: {}, context: { cspNonce: "" } } as never)) as {
    data?: unknown;
    init?: ResponseInit | null;
  };
  return { status: result.init?.status ?? 200, data: result.data };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) * q)];
};
const round = (ms: number) => Math.round(ms * 100) / 100;

/**
 * The two lower quartiles are alike: within `floor` ms of each other, or less than twice apart. Noise on a
 * busy machine has stayed well under that (1.5 times at worst); a path that skips a password hash, or the
 * database, is tens of times faster.
 */
function expectAlike(timing: { knownQ1: number; unknownQ1: number }, floor: number) {
  const low = Math.min(timing.knownQ1, timing.unknownQ1);
  const high = Math.max(timing.knownQ1, timing.unknownQ1);
  expect(high - low < floor || high < 2 * low, JSON.stringify(timing)).toBe(true);
}

/**
 * Times `known(i)` and `unknown(i)` in pairs, alternating which goes first. A busy machine only ever adds
 * time, and unevenly: the lower quartile of each side is what the work itself costs, and is what the tests
 * compare (a skipped password hash would show there as tens of milliseconds). Medians are printed too.
 */
async function timePairs(
  pairs: number,
  known: (i: number) => Promise<unknown>,
  unknown: (i: number) => Promise<unknown>,
) {
  const a: number[] = [];
  const b: number[] = [];
  const diffs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    const order = i % 2 === 0 ? [known, unknown] : [unknown, known];
    const took: number[] = [];
    for (const run of order) {
      const started = performance.now();
      await run(i);
      took.push(performance.now() - started);
    }
    const [k, u] = i % 2 === 0 ? took : [took[1], took[0]];
    a.push(k);
    b.push(u);
    diffs.push(k - u);
  }
  return {
    knownQ1: round(quantile(a, 0.25)),
    unknownQ1: round(quantile(b, 0.25)),
    knownMedian: round(quantile(a, 0.5)),
    unknownMedian: round(quantile(b, 0.5)),
    pairedDifference: round(quantile(diffs, 0.5)),
  };
}

describe("signing up", () => {
  it("answers the same whether or not the address has an account, and mails what applies", async () => {
    const route = await import("../../app/routes/sign-up");
    const existing = await makeUser("Already here");
    const fresh = `fresh-${Date.now()}@example.test`;
    const form = (email: string) => ({ name: "Someone", email, password: "a long enough password" });
    const forExisting = await answer(route.action, post("/sign-up", form(existing.email), "10.6.1.1"));
    const forFresh = await answer(route.action, post("/sign-up", form(fresh), "10.6.1.2"));
    expect(forExisting.status).toBe(200);
    expect(forFresh.status).toBe(200);
    // The same answer, but for the address typed.
    expect(JSON.stringify(forExisting.data).replace(existing.email, "X")).toBe(
      JSON.stringify(forFresh.data).replace(fresh, "X"),
    );
    // The existing account keeps its password; the new one is not confirmed and not signed in.
    expect(
      (await signIn({ email: existing.email, password: existing.password }, origin("10.6.1.3"))).ok,
    ).toBe(true);
    expect(db.select().from(users).where(eq(users.email, fresh)).get()?.emailVerifiedAt).toBeNull();

    await flush();
    const told = await smtp.waitFor((m) => m.to === existing.email);
    expect(told.subject).toBe("You already have a Mediation Casebook account");
    expect(linkIn(told, "/forgot-password")).toBe("https://casebook.example/forgot-password");
    const confirm = await smtp.waitFor((m) => m.to === fresh);
    expect(confirm.subject).toBe("Confirm your address for Mediation Casebook");
  });

  it("takes as long for an address with an account as for one without (measured)", async () => {
    const route = await import("../../app/routes/sign-up");
    const pairs = 32;
    const existing = await Promise.all(Array.from({ length: pairs }, () => makeUser("Timed")));
    const stamp = Date.now();
    const timing = await timePairs(
      pairs,
      (i) =>
        answer(
          route.action,
          post(
            "/sign-up",
            { name: "T", email: existing[i].email, password: "a long enough password" },
            "10.6.2.1",
          ),
        ),
      (i) =>
        answer(
          route.action,
          post(
            "/sign-up",
            { name: "T", email: `new-${stamp}-${i}@example.test`, password: "a long enough password" },
            "10.6.2.1",
          ),
        ),
    );
    console.log(`sign-up timing (ms): ${JSON.stringify(timing)}`);
    // Both hash the password (argon2id, tens of ms); the database work differs by a few rows. Skipping the
    // hash for one of them would differ by a whole hash.
    expectAlike(timing, 5);
  });

  it("confirms the address from the mail; until then the person cannot join by invite", async () => {
    const email = `confirm-${Date.now()}@example.test`;
    await registerAccount(
      { name: "Mariam", email, password: "a long enough password" },
      { locale: "fr", next: "/invite/abc", origin: origin() },
    );
    const person = db.select().from(users).where(eq(users.email, email)).get()!;
    expect(person.signupLocale).toBe("fr");
    const team = await makeTeam();
    const { token: inviteToken } = createInvite(team.people.owner.member, "reviewer");
    expect(acceptInvite(person.id, inviteToken, origin())).toEqual({ ok: false, reason: "unconfirmed" });

    await flush();
    const mail = await smtp.waitFor((m) => m.to === email);
    // In the language the sign-up page was in.
    expect(mail.subject).toBe("Confirmez votre adresse pour Mediation Casebook");
    const token = new URL(linkIn(mail, "/verify-email/")).pathname.split("/").pop()!;
    expect(confirmEmail(token, origin())).toEqual({ userId: person.id, next: "/invite/abc" });
    expect(confirmEmail(token, origin())).toBeNull();
    expect(acceptInvite(person.id, inviteToken, origin()).ok).toBe(true);
  });
});

describe("no account enumeration", () => {
  it("gives the same reset answer for any address, in the same time (measured)", async () => {
    const route = await import("../../app/routes/forgot-password");
    const pairs = 40;
    const existing = await Promise.all(Array.from({ length: pairs }, () => makeUser("Reset timing")));
    const stamp = Date.now();
    const known = await answer(
      route.action,
      post("/forgot-password", { email: existing[0].email }, "10.6.3.0"),
    );
    const unknown = await answer(
      route.action,
      post("/forgot-password", { email: `none-${stamp}@example.test` }, "10.6.3.0"),
    );
    expect(known.status).toBe(200);
    expect(JSON.stringify(known.data).replace(existing[0].email, "X")).toBe(
      JSON.stringify(unknown.data).replace(`none-${stamp}@example.test`, "X"),
    );
    // Warm both paths, then measure (each request from its own address, so no throttle is reached).
    const timing = await timePairs(
      pairs,
      (i) => answer(route.action, post("/forgot-password", { email: existing[i].email }, `10.6.4.${i}`)),
      (i) =>
        answer(
          route.action,
          post("/forgot-password", { email: `none-${stamp}-${i}@example.test` }, `10.6.5.${i}`),
        ),
    );
    console.log(`reset request timing (ms): ${JSON.stringify(timing)}`);
    // The request does the same work for both (the account is looked up later, by the mail queue).
    expectAlike(timing, 0.5);
  });

  it("takes as long to refuse a wrong password for an account as for an unknown address (measured)", async () => {
    // One account per try: five failures for one address throttle it (known or not), which answers at once.
    const people = await Promise.all(Array.from({ length: 32 }, () => makeUser("Sign-in timing")));
    const timing = await timePairs(
      32,
      (i) => signIn({ email: people[i].email, password: `wrong ${i}` }, origin(`10.6.6.${i}`)),
      (i) => signIn({ email: `nobody-${i}@example.test`, password: `wrong ${i}` }, origin(`10.6.7.${i}`)),
    );
    console.log(`sign-in timing (ms): ${JSON.stringify(timing)}`);
    expectAlike(timing, 5);
  });
});

describe("devices", () => {
  it("lists the person's sessions with where they came from, and signs out only their own", async () => {
    const person = await makeUser("Two laptops");
    const other = await makeUser("Someone else");
    const request = new Request("http://localhost/", {
      headers: {
        "x-casebook-client-ip": "196.200.1.2",
        "user-agent": "Mozilla/5.0 (Windows NT 10.0) Chrome/126.0",
      },
    });
    const here = cookieOf(await startSession(request, person.id));
    const there = cookieOf(await startSession(new Request("http://localhost/"), person.id));
    const theirs = cookieOf(await startSession(new Request("http://localhost/"), other.id));
    const hereId = (await getAuth(new Request("http://localhost/", { headers: { Cookie: here } }))).sessionId;
    const sessions = listSessions(person.id, hereId);
    expect(sessions).toHaveLength(2);
    expect(sessions.find((s) => s.current)).toMatchObject({
      ip: "196.200.1.2",
      userAgent: expect.stringContaining("Chrome"),
    });
    const theirId = (await getAuth(new Request("http://localhost/", { headers: { Cookie: theirs } })))
      .sessionId!;
    expect(endDeviceSession(person.id, sessionKeyOf(theirId))).toBe(false);
    const thereId = (await getAuth(new Request("http://localhost/", { headers: { Cookie: there } })))
      .sessionId!;
    expect(endDeviceSession(person.id, sessionKeyOf(thereId))).toBe(true);
    expect((await getAuth(new Request("http://localhost/", { headers: { Cookie: there } }))).user).toBeNull();
    expect((await getAuth(new Request("http://localhost/", { headers: { Cookie: theirs } }))).user?.id).toBe(
      other.id,
    );
  });
});

describe("leaving and deleting", () => {
  it("lets a member leave, but not the last owner", async () => {
    const team = await makeTeam();
    const route = await import("../../app/routes/w.$workspaceId.members");
    const params = { workspaceId: team.workspace.id };
    const left = await callRoute(route, {
      method: "POST",
      path: "/members",
      params,
      cookie: team.people.trainer.cookie,
      form: { intent: "leave" },
    });
    expect(left).toMatchObject({ status: 302, location: "/workspaces" });
    expect(findMember(team.people.trainer.id, team.workspace.id)).toBeNull();
    const owner = await callRoute(route, {
      method: "POST",
      path: "/members",
      params,
      cookie: team.people.owner.cookie,
      form: { intent: "leave" },
    });
    expect(owner.status).toBe(409);
    expect(findMember(team.people.owner.id, team.workspace.id)).not.toBeNull();
    const audit = listAuditLog(team.people.owner.member, { kind: "members" });
    expect(audit.entries.some((entry) => entry.action === "member.left")).toBe(true);
  });

  it("deletes an account: its writing stays as by a former member; name, address, sessions go", async () => {
    const team = await makeTeam();
    const writer = team.people.editor;
    const caseId = createCase(writer.member, { ...sampleFields, title: "Written before leaving" }).id;
    createThread(writer.member, caseId, {
      exact: "Context",
      prefix: "",
      suffix: "Actors",
      start: 0,
      end: 7,
      body: "My note",
    });
    const email = db.select().from(users).where(eq(users.id, writer.id)).get()!.email;
    const solo = createWorkspace(writer.id, { name: "Only mine" });

    expect(deletionImpact(writer.id)).toMatchObject({
      blocking: [],
      alone: [{ id: solo.id, name: "Only mine" }],
    });
    expect(await deleteAccount(writer.id, "not the password", origin())).toMatchObject({
      ok: false,
      field: "password",
    });
    expect(await deleteAccount(writer.id, "correct horse battery", origin())).toEqual({ ok: true });

    const row = db.select().from(users).where(eq(users.id, writer.id)).get()!;
    expect(row).toMatchObject({ name: "", deletedAt: expect.any(Date) });
    expect(row.email).not.toBe(email);
    expect(
      (await getAuth(new Request("http://localhost/", { headers: { Cookie: writer.cookie } }))).user,
    ).toBeNull();
    expect((await signIn({ email, password: "correct horse battery" }, origin("10.6.8.1"))).ok).toBe(false);
    expect(findMember(writer.id, team.workspace.id)).toBeNull();
    // The case and its history stay, attributed to nobody by name ("former member" on the page).
    const kept = getCase(team.people.owner.member, caseId);
    expect(kept.title).toBe("Written before leaving");
    expect(listRevisions(team.people.owner.member, caseId).revisions[0].authorName).toBe("");
    expect(
      db
        .select()
        .from(mailOutbox)
        .all()
        .filter((mail) => mail.userId === writer.id && mail.status === "queued"),
    ).toEqual([]);
    // The workspace only they were in went with them; the address can sign up again.
    expect(findMember(team.people.owner.id, solo.id)).toBeNull();
    const again = await makeUser("Back again");
    db.update(users).set({ email }).where(eq(users.id, again.id)).run();
  });

  it("refuses to delete the last owner of a workspace others still use", async () => {
    const team = await makeTeam();
    expect(deletionImpact(team.people.owner.id).blocking).toEqual([
      { id: team.workspace.id, name: "Team workspace" },
    ]);
    const result = await deleteAccount(team.people.owner.id, "correct horse battery", origin());
    expect(result).toMatchObject({ ok: false, field: "form" });
    expect(findMember(team.people.owner.id, team.workspace.id)).not.toBeNull();
  });
});

describe("an owner exports a member's writing", () => {
  it("gives every case, revision and comment the member wrote here, and records it", async () => {
    const team = await makeTeam();
    const someoneElse = await makeUser("Other writer");
    const other = addMember(team.workspace.id, someoneElse.id, "editor");
    const mine = createCase(team.people.editor.member, { ...sampleFields, title: "Mine to export" }).id;
    createCase(other, { ...sampleFields, title: "Not theirs" });
    createThread(team.people.editor.member, mine, {
      exact: "Context",
      prefix: "",
      suffix: "Actors",
      start: 0,
      end: 7,
      body: "A comment of mine",
    });
    const route = await import("../../app/routes/w.$workspaceId.members_.$userId.export");
    const params = { workspaceId: team.workspace.id, userId: team.people.editor.id };
    const response = (await route.loader({
      request: new Request(
        `http://localhost/w/${team.workspace.id}/members/${team.people.editor.id}/export`,
        {
          headers: { Cookie: team.people.owner.cookie },
        },
      ),
      params,
      context: { cspNonce: "" },
    })) as Response;
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="editor-writing-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const file = JSON.parse(await response.text());
    expect(file.format).toBe("mediation-casebook/member-writing");
    const titles = file.cases.map((c: { title: string }) => c.title);
    expect(titles).toContain("Mine to export");
    expect(titles).toContain("Test case — local talks");
    expect(titles).not.toContain("Not theirs");
    expect(file.comments.map((c: { body: string }) => c.body)).toEqual(["A comment of mine"]);
    expect(file.revisions.length).toBeGreaterThanOrEqual(2);
    expect(() => exportMemberWriting(team.people.reviewer.member, team.people.editor.id)).toThrow();
    const audit = listAuditLog(team.people.owner.member, { kind: "exports" });
    expect(audit.entries[0].action).toBe("member.exported");
  });
});
