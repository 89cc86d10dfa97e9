import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

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

/** Creates a case in the demo workspace through the form and returns its URL. */
async function createCase(page: Page, title: string) {
  await page.getByRole("link", { name: "New case" }).first().click();
  await page.getByRole("button", { name: "Create case" }).waitFor();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Countries or regions").fill("Mali");
  await page.getByRole("button", { name: "Create case" }).click();
  // "/cases/new" matches an id too: wait for the case page itself.
  await expect.poll(() => page.getByRole("heading", { level: 1, name: title }).isVisible()).toBe(true);
  expect(page.url()).not.toMatch(/\/new$/);
  return page.url();
}

async function renameCase(page: Page, caseUrl: string, title: string) {
  await page.goto(`${caseUrl}/details`);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Save details" }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1, name: title }).isVisible()).toBe(true);
}

describe("revision history", () => {
  let caseUrl = "";
  const id = unique();
  const first = `History walk ${id} original`;
  const second = `History walk ${id} second`;
  const third = `History walk ${id} third`;

  it("compares two revisions of a case and restores the first one as a new revision", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "editor");
    caseUrl = await createCase(page, first);
    await renameCase(page, caseUrl, second);
    await renameCase(page, caseUrl, third);

    await page.getByRole("link", { name: "History", exact: true }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "History" }).isVisible()).toBe(true);
    // By default: the previous revision against the latest.
    await expect
      .poll(() => page.getByRole("heading", { name: "Changes from revision 2 to revision 3" }).isVisible())
      .toBe(true);
    const revisions = page.getByRole("list").filter({ has: page.getByText("Revision 1", { exact: true }) });
    expect(await revisions.getByRole("listitem").count()).toBe(3);
    expect(await revisions.getByRole("listitem").first().textContent()).toContain("Current");
    expect(await revisions.getByRole("listitem").first().textContent()).toContain("Fields edited");
    expect(await revisions.getByRole("listitem").last().textContent()).toContain("Created");

    await page.getByLabel("Older revision").selectOption("1");
    await page.getByLabel("Newer revision").selectOption("3");
    await page.getByRole("button", { name: "Compare" }).click();
    await expect
      .poll(() => page.getByRole("heading", { name: "Changes from revision 1 to revision 3" }).isVisible())
      .toBe(true);
    expect(page.url()).toMatch(/\/history\?from=1&to=3$/);
    const titleRow = page.getByRole("row", { name: /Title/ });
    expect(await titleRow.locator("del").textContent()).toContain(first);
    expect(await titleRow.locator("ins").textContent()).toContain(third);
    await page.screenshot({ path: "/tmp/history-compare-wide.png", fullPage: true });

    await page.getByRole("link", { name: "View revision 2" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: "Revision 2" }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole("heading", { level: 3, name: second }).isVisible()).toBe(true);

    await page.getByRole("button", { name: "Restore revision 1" }).click();
    await expect.poll(() => page.getByText("Revision 1 restored as revision 4.").isVisible()).toBe(true);
    const newest = page.locator(".revision-list > li").first();
    await expect.poll(() => newest.textContent()).toContain("Restored from revision 1");
    expect(await newest.textContent()).toContain("Revision 4");
    expect(await newest.textContent()).toContain("based on revision 3");
    // Nothing was deleted.
    expect(await page.locator(".revision-list > li").count()).toBe(4);

    await page.getByRole("link", { name: "Back to the case" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: first }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("shows a reviewer the history without any way to restore", async () => {
    expect(caseUrl).toMatch(/\/cases\//);
    const page = await newPage();
    await signIn(page, baseUrl, "reviewer");
    await page.goto(`${caseUrl}/history?from=1&to=2`);
    await expect
      .poll(() => page.getByRole("heading", { name: "Changes from revision 1 to revision 2" }).isVisible())
      .toBe(true);
    expect(await page.getByRole("button", { name: /Restore/ }).count()).toBe(0);
    const missing = await page.goto(`${caseUrl}/history?view=99`);
    expect(missing?.status()).toBe(404);
    await page.context().close();
  });

  it("fits a 360 px screen", async () => {
    const page = await newPage(360);
    await signIn(page, baseUrl, "editor");
    await page.goto(`${caseUrl}/history?from=1&to=3`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "History" }).isVisible()).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: "/tmp/history-compare-360.png", fullPage: true });
    await page.context().close();
  });
});
