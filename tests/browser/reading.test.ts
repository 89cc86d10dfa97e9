import type { Browser } from "playwright-core";
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

describe("reading a case", () => {
  it("shows tagged passages in their code's colour, numbered citations, the bibliography, and jumps to a passage", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signIn(page, baseUrl, "trainer");
    await page.getByRole("link", { name: /Ségou/ }).click();
    await page.getByRole("heading", { level: 1, name: /Ségou/ }).waitFor();

    const truce = page.locator(".case-body-html .tag", { hasText: "a temporary truce" });
    expect(await truce.getAttribute("title")).toBe("Temporary truce or ceasefire");
    expect(await truce.evaluate((el) => getComputedStyle(el).borderBottomColor)).toBe("rgb(249, 115, 22)");
    expect(await page.locator(".case-body-html .cite-ref").first().textContent()).toBe("[1]");
    const bibliography = page.getByRole("region", { name: "Sources" });
    expect(await bibliography.textContent()).toContain(
      "Opinion piece on dialogue with jihadist armed groups",
    );
    expect(await bibliography.textContent()).toContain("l. 29");

    // A trainer reads: no editing controls.
    expect(await page.getByRole("link", { name: "Edit text" }).count()).toBe(0);

    const panel = page.getByRole("complementary", { name: "Tagged passages" });
    await panel.getByRole("button", { name: "“a temporary truce”" }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toMatch(/^a temporary truce/);
    await page.context().close();
  });
});
