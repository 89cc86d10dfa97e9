// What a newcomer does in the browser: sign up, confirm the address from the mail, sign in.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { hydrated } from "./chromium";
import { linkIn, outboxMessages, type ReceivedMail } from "./mail";

export const NEW_PASSWORD = "a long enough password";

/** The newest mail to `to` in a server's outbox folder (servers without SMTP_URL write there). */
export async function outboxMail(dir: string, to: string, subject?: RegExp, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await outboxMessages(dir))
      .filter((mail) => mail.to === to && (!subject || subject.test(mail.subject)))
      .at(-1);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No mail to ${to} in ${dir}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * On the sign-up page (which may carry a redirectTo): fills the form, reads the confirmation mail with
 * `mailTo`, follows its link, confirms, and signs in. Ends wherever signing in leads.
 */
export async function signUpAndConfirm(
  page: Page,
  person: { name: string; email: string },
  mailTo: (to: string) => Promise<ReceivedMail>,
) {
  if (await page.evaluate(() => "__remixContext" in window)) await hydrated(page);
  await page.getByLabel("Name").fill(person.name);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect
    .poll(() => page.getByRole("heading", { name: "Check your mail" }).isVisible(), { timeout: 15_000 })
    .toBe(true);
  await expect
    .poll(() => page.getByText(`We sent a message to ${person.email}.`).isVisible(), { timeout: 15_000 })
    .toBe(true);

  const mail = await mailTo(person.email);
  expect(mail.subject).toBe("Confirm your address for Mediation Casebook");
  await page.goto(linkIn(mail, "/verify-email/"));
  await hydrated(page);
  await page.getByRole("button", { name: "Confirm my address" }).click();
  await page.waitForURL(/\/sign-in/);
  await expect
    .poll(() => page.getByText("Address confirmed. Sign in to continue.").isVisible(), { timeout: 15_000 })
    .toBe(true);
  await hydrated(page);
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}
