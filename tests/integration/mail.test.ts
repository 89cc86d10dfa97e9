// Mail through a real SMTP server started here: invitations, resets, notifications in the recipient's
// language, digests, retries and what owners see of it. The worker is driven by calling deliverDueMail().
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { requestPasswordReset, resetPassword } from "~/models/accounts.server";
import { setCaseConfidentiality } from "~/models/case-access.server";
import { createCase } from "~/models/cases.server";
import { deliverDueMail } from "~/models/mail-delivery.server";
import { listWorkspaceMail, retryMail } from "~/models/mail-queue.server";
import { lastDigestTime, queueDueDigests } from "~/models/notifications.server";
import { submitForReview } from "~/models/reviews.server";
import { createThread, replyToThread } from "~/models/threads.server";
import { hashToken } from "~/models/tokens.server";
import { signIn, updateLocale } from "~/models/users.server";
import { acceptInvite, sendInvite } from "~/models/workspaces.server";
import { db } from "~/utils/db.server";
import { accountTokens, mailOutbox, memberships, notifications, users } from "../../db/schema";
import { makeTeam, makeUser, sampleFields } from "../helpers/fixtures";
import { linkIn, type MailServer, startMailServer } from "../helpers/mail";

const ORIGIN = "https://casebook.example";
const origin = (ip = "10.9.0.1") => ({ ip, userAgent: "vitest" });
let smtp: MailServer;
let team: Awaited<ReturnType<typeof makeTeam>>;

beforeAll(async () => {
  smtp = await startMailServer();
  process.env.SMTP_URL = smtp.url;
  process.env.APP_ORIGIN = ORIGIN;
  team = await makeTeam();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  delete process.env.APP_ORIGIN;
  await smtp.stop();
});
beforeEach(() => {
  smtp.received.length = 0;
});

/** Sends everything due now (and again, until nothing is left). */
async function flush(now = new Date()) {
  for (;;) {
    const round = await deliverDueMail(now);
    if (round.sent + round.failed + round.retrying + round.cancelled === 0) return;
  }
}

const emailOf = (userId: string) => db.select().from(users).where(eq(users.id, userId)).get()!.email;

const thread = (member: typeof team.people.editor.member, caseId: string, body: string) =>
  createThread(member, caseId, { exact: "Context", prefix: "", suffix: "Actors", start: 0, end: 7, body });

describe("invitations by mail", () => {
  it("sends the invite to the address; its link joins the workspace once", async () => {
    const invited = `invited-${Date.now()}@example.test`;
    sendInvite(team.people.owner.member, { role: "reviewer", email: invited, locale: "en" }, origin());
    await flush();
    const mail = await smtp.waitFor((m) => m.to === invited);
    expect(mail.subject).toBe("Owner invites you to Team workspace on Mediation Casebook");
    expect(mail.text).toContain("as reviewer");
    expect(mail.html).toContain('<html lang="en">');
    const link = linkIn(mail, "/invite/");
    expect(link.startsWith(`${ORIGIN}/invite/`)).toBe(true);
    // No tracking: the only links are ours.
    for (const url of mail.html.match(/href="([^"]+)"/g) ?? []) expect(url).toContain(ORIGIN);

    const token = new URL(link).pathname.split("/").pop()!;
    const newcomer = await makeUser("Newcomer");
    db.update(users).set({ email: invited, emailVerifiedAt: null }).where(eq(users.id, newcomer.id)).run();
    const joined = acceptInvite(newcomer.id, token, origin());
    expect(joined).toEqual({ ok: true, workspaceId: team.workspace.id });
    // Following the mail to one's own address confirms it.
    expect(db.select().from(users).where(eq(users.id, newcomer.id)).get()?.emailVerifiedAt).not.toBeNull();
    expect(acceptInvite(newcomer.id, token, origin()).ok).toBe(false);

    const owners = listWorkspaceMail(team.people.owner.member);
    expect(owners.rows[0]).toMatchObject({ kind: "invite", recipient: invited, status: "sent" });
    expect(owners.rows[0].subject).toBe(mail.subject);
  });

  it("writes the invitation in the language of an account that has the address", async () => {
    const reader = await makeUser("Awa");
    updateLocale(reader.id, "fr");
    sendInvite(team.people.owner.member, { role: "editor", email: reader.email, locale: "en" }, origin());
    await flush();
    const mail = await smtp.waitFor((m) => m.to === reader.email);
    expect(mail.subject).toBe("Owner vous invite dans Team workspace sur Mediation Casebook");
    expect(mail.text).toContain("en tant que rédacteur");
    expect(mail.html).toContain('<html lang="fr">');
  });

  it("sends nothing for an invite revoked before its mail went out", async () => {
    const sent = sendInvite(
      team.people.owner.member,
      { role: "editor", email: "late@example.test", locale: "en" },
      origin(),
    );
    const { revokeInvite } = await import("~/models/workspaces.server");
    revokeInvite(team.people.owner.member, sent.id);
    await flush();
    expect(smtp.received).toEqual([]);
    const row = db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).get()!;
    expect(row.status).toBe("cancelled");
    expect(row.lastError).toBe("mail.reasons.inviteClosed");
  });
});

describe("password reset by mail", () => {
  it("resets the password from the mail's link, once, and keeps only a hash of the token", async () => {
    const person = await makeUser("Forgetful");
    expect(requestPasswordReset(person.email.toUpperCase(), origin("10.9.1.1"))).toEqual({ ok: true });
    await flush();
    const mail = await smtp.waitFor((m) => m.to === person.email);
    expect(mail.subject).toBe("Reset your Mediation Casebook password");
    const token = new URL(linkIn(mail, "/reset-password/")).pathname.split("/").pop()!;

    const stored = db.select().from(accountTokens).where(eq(accountTokens.userId, person.id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(hashToken(token));
    // Neither the token table nor the queue holds the token itself.
    const databaseFile = readFileSync(process.env.DATABASE_URL!);
    expect(databaseFile.includes(Buffer.from(token))).toBe(false);
    expect(JSON.stringify(db.select().from(mailOutbox).all())).not.toContain(token);

    expect(await resetPassword(token, "a brand new passphrase", origin())).toBe(person.id);
    expect(await resetPassword(token, "another new passphrase", origin())).toBeNull();
    expect(
      (await signIn({ email: person.email, password: "a brand new passphrase" }, origin("10.9.1.2"))).ok,
    ).toBe(true);
    expect((await signIn({ email: person.email, password: person.password }, origin("10.9.1.3"))).ok).toBe(
      false,
    );
  });

  it("refuses a reset link after one hour", async () => {
    const person = await makeUser("Slow reader");
    requestPasswordReset(person.email, origin("10.9.2.1"));
    await flush();
    const token = new URL(
      linkIn(await smtp.waitFor((m) => m.to === person.email), "/reset-password/"),
    ).pathname
      .split("/")
      .pop()!;
    vi.useFakeTimers({ now: Date.now() + 61 * 60 * 1000, toFake: ["Date"] });
    try {
      expect(await resetPassword(token, "too late for this", origin())).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("sends nothing to an address without an account, and says so to nobody", async () => {
    expect(requestPasswordReset("nobody-here@example.test", origin("10.9.3.1"))).toEqual({ ok: true });
    await flush();
    expect(smtp.received).toEqual([]);
    const row = db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).get()!;
    expect(row).toMatchObject({ status: "cancelled", lastError: "mail.reasons.noAccount" });
  });

  it("limits requests: three mails an hour per address, ten requests an hour per client address", async () => {
    const person = await makeUser("Impatient");
    for (let i = 0; i < 5; i++) expect(requestPasswordReset(person.email, origin("10.9.4.1")).ok).toBe(true);
    await flush();
    expect(smtp.received.filter((m) => m.to === person.email)).toHaveLength(3);
    // The two refused for that address asked for no mail; seven more addresses make ten mails asked from here.
    for (let i = 0; i < 7; i++) requestPasswordReset(`someone${i}@example.test`, origin("10.9.4.1"));
    expect(requestPasswordReset("one-more@example.test", origin("10.9.4.1"))).toEqual({
      ok: false,
      retryAfterSeconds: 3600,
    });
  });
});

describe("notifications by mail", () => {
  it("mails a mention at once, in French to a member who reads French, with a link to the thread", async () => {
    updateLocale(team.people.reviewer.id, "fr");
    try {
      const { threadId } = thread(
        team.people.editor.member,
        team.caseStudy.id,
        "@reviewer can you check this?",
      );
      await flush();
      const mail = await smtp.waitFor((m) => m.to === emailOf(team.people.reviewer.id));
      expect(mail.subject).toBe("editor vous a mentionné sur « Test case — local talks »");
      expect(mail.text).toContain("Dans Team workspace.");
      expect(mail.text).toContain("> @reviewer can you check this?");
      expect(mail.text).toContain("Ouvrir la discussion");
      expect(linkIn(mail, "/w/")).toBe(
        `${ORIGIN}/w/${team.workspace.id}/cases/${team.caseStudy.id}#thread-${threadId}`,
      );
      expect(mail.text).toContain(`${ORIGIN}/account#mail`);
      expect(mail.headers.get("content-language")).toBe("fr");
    } finally {
      updateLocale(team.people.reviewer.id, null);
    }
  });

  it("mails review requests and decisions with a link to the review", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Review by mail" }).id;
    submitForReview(team.people.editor.member, caseId, {
      reviewerIds: [team.people.reviewer.id],
      message: "Please look",
    });
    await flush();
    const mail = await smtp.waitFor((m) => m.subject === "editor asked you to review “Review by mail”");
    expect(mail.text).toContain("> Please look");
    expect(linkIn(mail, "/w/")).toBe(`${ORIGIN}/w/${team.workspace.id}/cases/${caseId}/review`);
  });

  it("never puts a confidential case's text in mail; its title only to someone who may read it", async () => {
    const caseId = createCase(team.people.editor.member, {
      ...sampleFields,
      title: "Channel via the cousin",
    }).id;
    setCaseConfidentiality(team.people.editor.member, caseId, {
      confidential: true,
      userIds: [team.people.reviewer.id],
    });
    thread(team.people.editor.member, caseId, "@reviewer the cousin met him in Mopti");
    await flush();
    const mail = await smtp.waitFor((m) => m.to === emailOf(team.people.reviewer.id));
    expect(mail.subject).toBe("editor mentioned you on “Channel via the cousin”");
    expect(mail.text).not.toContain("Mopti");
    expect(mail.html).not.toContain("Mopti");
    expect(mail.text).toContain("The text is not included in mail because the case is confidential.");

    // Taken off the list before the mail went out: nothing is sent at all.
    smtp.received.length = 0;
    thread(team.people.editor.member, caseId, "@reviewer second note");
    setCaseConfidentiality(team.people.editor.member, caseId, { confidential: true, userIds: [] });
    await flush();
    expect(smtp.received).toEqual([]);
    const row = db.select().from(mailOutbox).orderBy(desc(mailOutbox.id)).get()!;
    expect(row).toMatchObject({ status: "cancelled", lastError: "mail.reasons.notVisible" });
  });

  it("sends nothing when the person turned a kind off", async () => {
    db.update(users)
      .set({ mailPreferences: { mentioned: "off" } })
      .where(eq(users.id, team.people.owner.id))
      .run();
    try {
      thread(team.people.editor.member, team.caseStudy.id, "@Owner fyi");
      await flush();
      expect(smtp.received.filter((m) => m.to === emailOf(team.people.owner.id))).toEqual([]);
    } finally {
      db.update(users).set({ mailPreferences: {} }).where(eq(users.id, team.people.owner.id)).run();
    }
  });
});

describe("the daily digest", () => {
  it("gathers a day of notifications into one mail at the digest hour, and keeps later ones for the next", async () => {
    const reader = await makeUser("Digest reader");
    db.insert(memberships)
      .values({ workspaceId: team.workspace.id, userId: reader.id, role: "reviewer" })
      .run();
    db.update(users)
      .set({ mailPreferences: { mentioned: "digest", reply: "digest" } })
      .where(eq(users.id, reader.id))
      .run();
    const digestAt = lastDigestTime(new Date());
    const dayBefore = digestAt.getTime() - 24 * 3600 * 1000;
    const { threadId } = thread(team.people.editor.member, team.caseStudy.id, "@Digest reader first");
    replyToThread(team.people.owner.member, team.caseStudy.id, threadId, { body: "@Digest reader second" });
    thread(team.people.reviewer.member, team.caseStudy.id, "@Digest reader third");
    const mine = db
      .select({ id: notifications.id })
      .from(notifications)
      .where(eq(notifications.userId, reader.id))
      .orderBy(notifications.id)
      .all();
    expect(mine).toHaveLength(3);
    // Spread over the day that ended at the digest hour; the third comes after it.
    const times = [dayBefore + 3600_000, digestAt.getTime() - 60_000, digestAt.getTime() + 60_000];
    for (const [index, row] of mine.entries())
      db.update(notifications)
        .set({ createdAt: new Date(times[index]) })
        .where(eq(notifications.id, row.id))
        .run();
    await flush();
    expect(smtp.received.filter((m) => m.to === reader.email)).toEqual([]);

    expect(queueDueDigests(new Date(digestAt.getTime() + 30 * 60_000))).toBeGreaterThanOrEqual(1);
    await flush();
    const digest = await smtp.waitFor((m) => m.to === reader.email);
    expect(digest.subject).toBe("Mediation Casebook: 2 notifications of the last day");
    expect(digest.text).toContain("editor mentioned you on “Test case — local talks”");
    expect(digest.text).toContain("Owner mentioned you on “Test case — local talks”");
    expect(digest.text).not.toContain("reviewer mentioned you");
    expect(digest.text).toContain(`#thread-${threadId}`);
    // The third waits for the next day's digest.
    expect(queueDueDigests(new Date(digestAt.getTime() + 60 * 60_000))).toBe(0);
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, reader.id), eq(notifications.digestPending, true)))
        .all(),
    ).toHaveLength(1);
  });
});

describe("delivery", () => {
  it("retries a temporary refusal later, and shows owners what happened", async () => {
    smtp.refuseNext(1, { code: 451, message: "Greylisted, try again later" });
    const email = `retry-${Date.now()}@example.test`;
    sendInvite(team.people.owner.member, { role: "trainer", email, locale: "en" }, origin());
    const now = new Date();
    expect(await deliverDueMail(now)).toMatchObject({ retrying: 1, sent: 0 });
    const waiting = listWorkspaceMail(team.people.owner.member).rows.find((row) => row.recipient === email)!;
    expect(waiting).toMatchObject({ status: "queued", attempts: 1 });
    expect(waiting.lastError).toMatch(/^mail\.reasons\.smtp\|.*Greylisted/);
    // Not before its time; then it goes.
    expect(await deliverDueMail(now)).toMatchObject({ sent: 0, retrying: 0 });
    expect(await deliverDueMail(new Date(now.getTime() + 61_000))).toMatchObject({ sent: 1 });
    await smtp.waitFor((m) => m.to === email);
  });

  it("marks a permanent refusal failed at once; an owner can try again", async () => {
    smtp.refuseNext(1, { code: 550, message: "No such mailbox" });
    const email = `bounce-${Date.now()}@example.test`;
    sendInvite(team.people.owner.member, { role: "trainer", email, locale: "en" }, origin());
    expect(await deliverDueMail()).toMatchObject({ failed: 1 });
    const failed = listWorkspaceMail(team.people.owner.member).rows.find((row) => row.recipient === email)!;
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toContain("No such mailbox");
    expect(() => retryMail(team.people.editor.member, failed.id)).toThrow();
    expect(retryMail(team.people.owner.member, failed.id)).toBe(true);
    await flush();
    await smtp.waitFor((m) => m.to === email);
  });

  it("never makes a request wait for the mail server, even an unreachable one", async () => {
    const route = await import("../../app/routes/w.$workspaceId.members");
    const { callRoute } = await import("../helpers/routes");
    process.env.SMTP_URL = "smtp://127.0.0.1:9";
    try {
      const started = performance.now();
      const answer = await callRoute(route, {
        method: "POST",
        path: `/w/${team.workspace.id}/members`,
        params: { workspaceId: team.workspace.id },
        cookie: team.people.owner.cookie,
        form: { intent: "sendInvite", role: "editor", email: "offline@example.test" },
      });
      expect(answer.status).toBe(302);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(await deliverDueMail()).toMatchObject({ retrying: 1 });
      const row = listWorkspaceMail(team.people.owner.member).rows.find(
        (r) => r.recipient === "offline@example.test",
      )!;
      expect(row.lastError).toMatch(/^mail\.reasons\.unreachable\|/);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });

  it("without SMTP_URL, writes the message to the outbox folder and prints its subject and link", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casebook-outbox-"));
    delete process.env.SMTP_URL;
    process.env.MAIL_OUTBOX_DIR = dir;
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    try {
      const person = await makeUser("Demo person");
      requestPasswordReset(person.email, origin("10.9.9.9"));
      await flush();
      const printed = log.mock.calls
        .map((call) => String(call[0]))
        .find((line) => line.includes(person.email))!;
      expect(printed).toMatch(
        /“Reset your Mediation Casebook password” → https:\/\/casebook\.example\/reset-password\//,
      );
      const { outboxMessages } = await import("../helpers/mail");
      const [written] = await outboxMessages(dir);
      expect(written.to).toBe(person.email);
      expect(written.text).toContain(printed.split("→ ")[1]);
    } finally {
      log.mockRestore();
      process.env.SMTP_URL = smtp.url;
      delete process.env.MAIL_OUTBOX_DIR;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
