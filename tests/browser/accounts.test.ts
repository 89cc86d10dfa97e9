// Accounts as people use them, against a server that sends its mail to a real SMTP server started here:
// an invitation by mail followed to the end, a password reset from the mail, a mention mailed in French,
// mail settings, a member's writing exported and a member leaving, two-factor sign-in set up with a code
// computed from the secret on the screen, a workspace that requires it, the devices page, and deleting an
// account.
import { readFile } from "node:fs/promises";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NEW_PASSWORD, signUpAndConfirm } from "../helpers/accounts";
import { DEMO_PASSWORD, hydrated, launchChromium, signIn } from "../helpers/chromium";
import { linkIn, type MailServer, startMailServer } from "../helpers/mail";
import { freePort, startTestServer, type TestServer } from "../helpers/test-server";

let browser: Browser;
let smtp: MailServer;
let server: TestServer;
let baseUrl = "";

beforeAll(async () => {
  smtp = await startMailServer();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = await startTestServer(
    { SMTP_URL: smtp.url, APP_ORIGIN: baseUrl, MAIL_FROM: "Casebook <casebook@example.test>" },
    { port },
  );
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.stop();
});

async function newPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

/** What the person sees, given time: a busy machine may take seconds to answer a form. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** The code an authenticator app shows for this secret at time step `step` (RFC 6238: 30 s, 6 digits). */
const totp = (secret: string, step: number) =>
  generateHOTP(decodeBase32IgnorePadding(secret.replace(/\s+/g, "")), BigInt(step), 6);
const stepNow = () => Math.floor(Date.now() / 30_000);

/**
 * Sets up two-factor sign-in on the account page as a person does: reads the key shown under the QR code,
 * types the code their app would show. Returns the key, the step used and the recovery codes shown.
 */
async function setUpTwoFactor(page: Page) {
  await page.goto(`${baseUrl}/account`);
  await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
  await poll(() => page.getByRole("img", { name: /QR code/ }).isVisible()).toBe(true);
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);
  const step = stepNow();
  await hydrated(page);
  await page.getByLabel("Code from the app").fill(totp(secret, step));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await poll(() => page.getByRole("heading", { name: "Your recovery codes" }).isVisible()).toBe(true);
  const codes = await page
    .getByRole("list", { name: "Recovery codes" })
    .getByRole("listitem")
    .allTextContents();
  expect(codes).toHaveLength(10);
  return { secret, step, codes };
}

/** Selects `quote` in the case text, as a person dragging over it would. */
async function selectText(page: Page, quote: string) {
  await page.evaluate((quote) => {
    const walker = document.createTreeWalker(
      document.querySelector(".case-body-html")!,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(quote);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + quote.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`Not in the text: ${quote}`);
  }, quote);
}

async function signOut(page: Page) {
  await page.goto(`${baseUrl}/account`);
  await hydrated(page);
  await page.locator(".user-menu summary").click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/\/sign-in/);
}

/** The password step; with two-factor sign-in on, this lands on the code page. */
async function passwordStep(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/sign-in`);
  await hydrated(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/sign-in\/two-factor$/);
  await poll(() => page.getByRole("heading", { name: "Two-step sign-in" }).isVisible()).toBe(true);
  await hydrated(page);
}

describe("accounts", () => {
  it("invites a colleague by mail; the mail's link leads them to sign up, confirm and join", async () => {
    const owner = await newPage();
    await signIn(owner, baseUrl, "owner");
    await owner.getByRole("link", { name: "Members" }).click();
    await hydrated(owner);
    const email = `awa${unique()}@example.test`;
    await owner.getByLabel("Their email address").fill(email);
    await owner.getByLabel("Their role").selectOption("reviewer");
    await owner.getByRole("button", { name: "Send invitation" }).click();
    await poll(() => owner.getByText(`Invitation sent to ${email}.`).isVisible()).toBe(true);

    const invitation = await smtp.waitFor((mail) => mail.to === email);
    expect(invitation.subject).toBe(
      "Olivia Owner invites you to Sahel dialogue casebook (demo) on Mediation Casebook",
    );
    // The owner sees that it went out.
    await poll(async () => {
      await owner.reload();
      return owner
        .getByRole("listitem")
        .filter({ hasText: `to ${email}` })
        .textContent();
    }).toContain("mail sent");

    const newcomer = await newPage();
    await newcomer.goto(linkIn(invitation, "/invite/"));
    await poll(() =>
      newcomer.getByText(/invites you to join Sahel dialogue casebook \(demo\) as reviewer/).isVisible(),
    ).toBe(true);
    await newcomer.getByRole("link", { name: "Create an account to join" }).click();
    await newcomer.waitForURL(/\/sign-up\?redirectTo=/);
    await signUpAndConfirm(newcomer, { name: "Awa Newcomer", email }, (to) =>
      smtp.waitFor((mail) => mail.to === to && /Confirm/.test(mail.subject)),
    );
    await newcomer.waitForURL(/\/invite\//);
    await hydrated(newcomer);
    await newcomer.getByRole("button", { name: /Join/ }).click();
    await newcomer.waitForURL(/\/cases$/);
    await poll(() => newcomer.getByText("Welcome to the workspace.").isVisible()).toBe(true);
    await poll(() =>
      newcomer
        .getByRole("link", { name: /Mauritania/ })
        .first()
        .isVisible(),
    ).toBe(true);

    // The owner's mail page says what became of the invitation.
    await owner.goto(
      `${new URL(owner.url()).origin}${new URL(owner.url()).pathname.replace(/members$/, "mail")}`,
    );
    const row = owner.getByRole("row").filter({ hasText: email });
    await poll(() => row.textContent()).toContain("Sent");
    await owner.context().close();
    await newcomer.context().close();
  });

  it("resets a forgotten password from the mail", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    // The sign-in page has an Email field too: fill the new page's, once it is there.
    await page.getByRole("heading", { level: 1, name: "Forgotten password" }).waitFor();
    await hydrated(page);
    await page.getByLabel("Email").fill("trainer@example.org");
    await page.getByRole("button", { name: "Send the link" }).click();
    await poll(() =>
      page.getByText("If an account uses trainer@example.org, we sent it a link").isVisible(),
    ).toBe(true);
    const mail = await smtp.waitFor((m) => m.to === "trainer@example.org" && /Reset/.test(m.subject));
    await page.goto(linkIn(mail, "/reset-password/"));
    await poll(() => page.getByText("For the account trainer@example.org.").isVisible()).toBe(true);
    await hydrated(page);
    await page.getByLabel("New password").fill("short");
    await page.getByRole("button", { name: "Save the new password" }).click();
    await poll(() => page.getByText("Use at least 10 characters.").isVisible()).toBe(true);
    // The demo password again, so that the other tests can sign in as the trainer.
    await page.getByLabel("New password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Save the new password" }).click();
    await page.waitForURL(/\/sign-in$/);
    await poll(() => page.getByText("Password changed. Sign in with your new password.").isVisible()).toBe(
      true,
    );
    await signIn(page, baseUrl, "trainer");
    expect(new URL(page.url()).pathname).toMatch(/^\/w\//);
    // The link works once.
    await page.goto(linkIn(mail, "/reset-password/"));
    await poll(() => page.getByRole("heading", { name: "This link no longer works" }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("mails a mention in French to a member who reads French; the link opens the thread", async () => {
    const reviewer = await newPage();
    await signIn(reviewer, baseUrl, "reviewer");
    await reviewer.goto(`${baseUrl}/account`);
    await hydrated(reviewer);
    await reviewer.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await reviewer.getByRole("button", { name: "Save language" }).click();
    await poll(() => reviewer.getByRole("heading", { name: "Votre compte" }).isVisible()).toBe(true);

    const editor = await newPage();
    await signIn(editor, baseUrl, "editor");
    await editor
      .getByRole("link", { name: /Somalia/ })
      .first()
      .click();
    await editor.getByRole("heading", { level: 1, name: /Somalia/ }).waitFor();
    await hydrated(editor);
    await selectText(editor, "Openness was offered");
    await editor.locator(".selection-comment").getByRole("button", { name: "Comment" }).click();
    const column = editor.getByRole("complementary", { name: /Comments/ });
    await column.getByLabel("Your comment", { exact: true }).fill("@Rokia Reviewer is the date right?");
    await column.getByRole("button", { name: "Comment", exact: true }).click();
    await poll(() => column.getByText("is the date right?").first().isVisible()).toBe(true);

    const mail = await smtp.waitFor((m) => m.to === "reviewer@example.org" && /mentionné/.test(m.subject));
    expect(mail.subject).toMatch(/^Eduardo Editor vous a mentionné sur « Somalia/);
    expect(mail.text).toContain("Ouvrir la discussion");
    const link = linkIn(mail, "/w/");
    expect(link).toMatch(/#thread-[a-z0-9]+$/);
    await reviewer.goto(link);
    const threadId = link.split("#")[1];
    await poll(() => reviewer.locator(`#${threadId}`).textContent()).toContain("is the date right?");
    await reviewer.context().close();
    await editor.context().close();
  });

  it("lets a person choose what is mailed to them, kind by kind", async () => {
    const page = await newPage(390);
    await signIn(page, baseUrl, "editor");
    await page.goto(`${baseUrl}/account`);
    await hydrated(page);
    const mentions = page.getByLabel("Someone mentions me in a comment");
    const replies = page.getByLabel("Someone replies to a thread I am in");
    await poll(() =>
      page.getByText(/The daily digest goes out once a day, at \d\d:00 UTC\./).isVisible(),
    ).toBe(true);
    await mentions.selectOption("off");
    await replies.selectOption("instant");
    await page.getByRole("button", { name: "Save mail settings" }).click();
    await poll(() => page.getByText("Mail settings saved.").isVisible()).toBe(true);
    await page.reload();
    await poll(() => mentions.locator("option:checked").textContent()).toBe("Off");
    await poll(() => replies.locator("option:checked").textContent()).toBe("At once");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it("lets an owner export what a member wrote, and a member leave the workspace", async () => {
    const owner = await newPage();
    await signIn(owner, baseUrl, "owner");
    await owner.getByRole("link", { name: "Members" }).click();
    await hydrated(owner);
    const download = owner.waitForEvent("download");
    await owner.getByRole("link", { name: "Export writing of Eduardo Editor" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^eduardo-editor-writing-\d{4}-\d{2}-\d{2}\.json$/);
    const record = JSON.parse(await readFile((await file.path()) ?? "", "utf8"));
    expect(record.member.name).toBe("Eduardo Editor");
    // The comment the editor wrote in the mention test above.
    expect(JSON.stringify(record.comments)).toContain("is the date right?");

    // A newcomer joins by mail, then leaves.
    const email = `brief${unique()}@example.test`;
    await owner.getByLabel("Their email address").fill(email);
    await owner.getByRole("button", { name: "Send invitation" }).click();
    await poll(() => owner.getByText(`Invitation sent to ${email}.`).isVisible()).toBe(true);
    const invitation = await smtp.waitFor((mail) => mail.to === email);
    const newcomer = await newPage(390);
    await newcomer.goto(linkIn(invitation, "/invite/"));
    await newcomer.getByRole("link", { name: "Create an account to join" }).click();
    await newcomer.waitForURL(/\/sign-up\?redirectTo=/);
    await signUpAndConfirm(newcomer, { name: "Brief Visitor", email }, (to) =>
      smtp.waitFor((mail) => mail.to === to && /Confirm/.test(mail.subject)),
    );
    await newcomer.waitForURL(/\/invite\//);
    await hydrated(newcomer);
    await newcomer.getByRole("button", { name: /Join/ }).click();
    await newcomer.waitForURL(/\/cases$/);
    await newcomer.goto(newcomer.url().replace(/cases$/, "members"));
    await hydrated(newcomer);
    await newcomer.getByRole("button", { name: "Leave Sahel dialogue casebook (demo)" }).click();
    await newcomer.waitForURL(/\/workspaces$/);
    await poll(() => newcomer.getByText("You left the workspace.").isVisible()).toBe(true);
    await poll(() => newcomer.getByText("You are not in a workspace yet.").isVisible()).toBe(true);

    await owner.reload();
    await poll(() => owner.getByRole("heading", { name: "Members" }).isVisible()).toBe(true);
    expect(await owner.getByRole("row").filter({ hasText: "Brief Visitor" }).count()).toBe(0);
    await owner.context().close();
    await newcomer.context().close();
  });

  it("sets up two-factor sign-in, signs in with a code, with a recovery code once and not twice", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "editor");
    const { secret, step, codes } = await setUpTwoFactor(page);
    await signOut(page);

    await passwordStep(page, "editor@example.org");
    await page.getByLabel("Code").fill("000000");
    await page.getByRole("button", { name: "Sign in" }).click();
    await poll(() => page.getByText(/That code is not right/).isVisible()).toBe(true);
    // The setup used one step's code; the app's next code signs in.
    await page.getByLabel("Code").fill(totp(secret, Math.max(step + 1, stepNow())));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await signOut(page);

    await passwordStep(page, "editor@example.org");
    await page.getByLabel("Code").fill(codes[0]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await poll(() => page.getByText(/You signed in with a recovery code\. 9 are left/).isVisible()).toBe(
      true,
    );
    await signOut(page);

    await passwordStep(page, "editor@example.org");
    await page.getByLabel("Code").fill(codes[0]);
    await page.getByRole("button", { name: "Sign in" }).click();
    await poll(() => page.getByText(/That code is not right/).isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe("/sign-in/two-factor");
    await page.context().close();
  });

  it("lets an owner require two-factor sign-in; a member without it sets it up before seeing any case", async () => {
    const owner = await newPage();
    await signIn(owner, baseUrl, "owner");
    await setUpTwoFactor(owner);
    await owner.goto(`${baseUrl}/`);
    await owner
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Settings" })
      .click();
    await hydrated(owner);
    await owner.getByLabel("Require two-factor sign-in of every member").check();
    await owner.getByRole("button", { name: "Save", exact: true }).click();
    await poll(() =>
      owner.getByText("Two-factor sign-in is now required in this workspace.").isVisible(),
    ).toBe(true);
    await poll(() => owner.getByText(/members? ha(s|ve) not set it up yet/).isVisible()).toBe(true);

    const member = await newPage();
    await signIn(member, baseUrl, "trainer");
    await member.waitForURL(/\/account\/two-factor\?for=/);
    await poll(() =>
      member
        .getByText("Sahel dialogue casebook (demo) requires two-factor sign-in. Set it up to open its cases.")
        .isVisible(),
    ).toBe(true);
    expect(await member.getByRole("link", { name: /Mauritania/ }).count()).toBe(0);
    const step = stepNow();
    const secret = (await member.getByTestId("totp-secret").textContent()) ?? "";
    await hydrated(member);
    await member.getByLabel("Code from the app").fill(totp(secret, step));
    await member.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await member.getByRole("link", { name: "Continue to Sahel dialogue casebook (demo)" }).click();
    await poll(() =>
      member
        .getByRole("link", { name: /Mauritania/ })
        .first()
        .isVisible(),
    ).toBe(true);
    await owner.context().close();
    await member.context().close();
  });

  it("shows the devices signed in and signs one out", async () => {
    const laptop = await newPage();
    const phone = await newPage(390);
    await signIn(laptop, baseUrl, "reviewer");
    await signIn(phone, baseUrl, "reviewer");
    await laptop.goto(`${baseUrl}/account/sessions`);
    // The reviewer chose French above.
    await poll(() => laptop.getByRole("heading", { name: "Appareils connectés" }).isVisible()).toBe(true);
    const rows = laptop.getByRole("row");
    await poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    await poll(() => laptop.getByText("Cet appareil").isVisible()).toBe(true);
    await hydrated(laptop);
    await laptop.getByRole("button", { name: "Déconnecter tous les autres appareils" }).click();
    await poll(() => laptop.getByText(/autres? appareils? (a|ont) été déconnectés?/).isVisible()).toBe(true);
    await phone.goto(`${baseUrl}/account`);
    await phone.waitForURL(/\/sign-in/);
    await laptop.context().close();
    await phone.context().close();
  });

  it("deletes an account after the password; the person is signed out", async () => {
    const page = await newPage(390);
    await page.goto(`${baseUrl}/sign-up`);
    const email = `leaving${unique()}@example.test`;
    await signUpAndConfirm(page, { name: "Leaving Soon", email }, (to) =>
      smtp.waitFor((mail) => mail.to === to && /Confirm/.test(mail.subject)),
    );
    await page.goto(`${baseUrl}/account`);
    await page.getByRole("link", { name: "Delete my account" }).click();
    await hydrated(page);
    await page.getByLabel("Your password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Delete my account" }).click();
    await poll(() => page.getByText("Tick the box to confirm.").isVisible()).toBe(true);
    await page.getByLabel("Your password").fill(NEW_PASSWORD);
    await page.getByLabel("I understand that my account is deleted for good.").check();
    await page.getByRole("button", { name: "Delete my account" }).click();
    await page.waitForURL(/\/sign-in$/);
    await poll(() => page.getByText("Your account was deleted.").isVisible()).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});
