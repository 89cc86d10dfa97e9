import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMail, signUpAndConfirm } from "../helpers/accounts";
import { launchChromium, signIn, testBaseUrl, testOutboxDir } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** Signs up on the current page (which may carry a redirectTo), confirming the address from the mail. */
async function signUp(page: Page, name: string, email: string) {
  await signUpAndConfirm(page, { name, email }, (to) => outboxMail(testOutboxDir(), to));
}

describe("foundation", () => {
  let foreignCaseUrl = "";

  it("signs up, creates a workspace and a case, and finds it in the list", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/sign-up`);
    await signUp(page, "Aminata Programme", `aminata${unique()}@example.test`);
    await expect.poll(() => page.getByText("You are not in a workspace yet.").isVisible()).toBe(true);
    await page.getByLabel("Workspace name").fill("Nouakchott programme");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL(/\/cases$/);
    await expect.poll(() => page.getByText("No cases yet.").isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("navigation", { name: "Workspace" }).isVisible()).toBe(true);

    await page.getByRole("link", { name: "New case" }).first().click();
    // A bad submission keeps what was typed and explains the problem next to the field.
    await page.getByLabel("Title").fill("Ni");
    await page.getByLabel("Countries or regions").fill("Mauritania");
    await page.getByLabel("From (year)").fill("2009");
    await page.getByRole("button", { name: "Create case" }).click();
    await expect
      .poll(() => page.getByText("Give the case a title of at least 3 characters.").isVisible())
      .toBe(true);
    expect(await page.getByLabel("Countries or regions").inputValue()).toBe("Mauritania");
    expect(await page.getByLabel("From (year)").inputValue()).toBe("2009");

    await page.getByLabel("Title").fill("Prison dialogue programme");
    await page.getByLabel("To (year)").fill("2011");
    await page.getByLabel("Armed groups and state actors").fill("Jihadist prisoners\nMauritanian state");
    await page.getByRole("button", { name: "Create case" }).click();
    await page.waitForURL(/\/cases\/[a-z0-9]+$/);
    foreignCaseUrl = page.url();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Prison dialogue programme" }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText("2009–2011").isVisible()).toBe(true);

    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Cases" }).click();
    const row = page.getByRole("listitem").filter({ hasText: "Prison dialogue programme" });
    await expect.poll(() => row.getByText(/Mauritania · 2009–2011/).isVisible()).toBe(true);
    await expect.poll(() => row.getByText("Draft").isVisible()).toBe(true);
    await page.context().close();
  });

  it("shows the demo reviewer no way to edit, and 403 on the edit page", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "reviewer");
    await page.getByRole("link", { name: /Mauritania/ }).click();
    await page.getByRole("heading", { level: 1, name: /Mauritania/ }).waitFor();
    expect(await page.getByRole("link", { name: "Edit details" }).count()).toBe(0);
    expect(await page.getByRole("button", { name: "Move to trash" }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "New case" }).count()).toBe(0);
    const response = await page.goto(`${page.url()}/details`);
    expect(response?.status()).toBe(403);
    await expect.poll(() => page.getByRole("heading", { name: "Not allowed" }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("answers 404 for another workspace's case", async () => {
    expect(foreignCaseUrl).toMatch(/\/cases\//);
    const page = await newPage();
    await signIn(page, baseUrl, "owner");
    const response = await page.goto(foreignCaseUrl);
    expect(response?.status()).toBe(404);
    await expect.poll(() => page.getByRole("heading", { name: "Not found" }).isVisible()).toBe(true);
    expect(await page.getByText("Prison dialogue programme").count()).toBe(0);
    await page.context().close();
  });

  it("lets a colleague join with the role of an invite link", async () => {
    const owner = await newPage();
    await signIn(owner, baseUrl, "owner");
    await owner.getByRole("link", { name: "Members" }).click();
    await owner.getByLabel("Role", { exact: true }).selectOption("reviewer");
    await owner.getByRole("button", { name: "Create invite link" }).click();
    const link = await owner.getByLabel("Invite link (reviewer)").inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);

    const newcomer = await newPage();
    await newcomer.goto(link);
    await expect
      .poll(() =>
        newcomer.getByText(/invites you to join Sahel dialogue casebook \(demo\) as reviewer/).isVisible(),
      )
      .toBe(true);
    await newcomer.getByRole("link", { name: "Create an account to join" }).click();
    await newcomer.waitForURL(/\/sign-up\?redirectTo=/);
    await signUp(newcomer, "Nadia Newcomer", `nadia${unique()}@example.test`);
    // Confirming the address and signing in lead back to the invitation.
    await newcomer.waitForURL(/\/invite\//);
    await newcomer.getByRole("button", { name: /Join/ }).click();
    await newcomer.waitForURL(/\/cases$/);
    await expect.poll(() => newcomer.getByText("Welcome to the workspace.").isVisible()).toBe(true);
    expect(await newcomer.locator(".workspace-switcher summary").textContent()).toContain("reviewer");

    await owner.reload();
    const row = owner.getByRole("row", { name: /Nadia Newcomer/ });
    expect(await row.getByRole("combobox").inputValue()).toBe("reviewer");
    await owner.context().close();
    await newcomer.context().close();
  });

  it("shows an error for a bad sign-in and keeps the email", async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.getByLabel("Email").fill("editor@example.org");
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect
      .poll(() => page.getByText("That email and password do not match an account.").isVisible())
      .toBe(true);
    expect(await page.getByLabel("Email").inputValue()).toBe("editor@example.org");
    expect(await page.getByLabel("Password").inputValue()).toBe("");
    await page.context().close();
  });

  it("is usable at 360 px and by keyboard", async () => {
    const page = await newPage(360);
    await signIn(page, baseUrl, "editor");
    await page.goto(`${baseUrl}/`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await page.context().close();
  });
});
