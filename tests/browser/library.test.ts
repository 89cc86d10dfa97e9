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

describe("case library", () => {
  it("finds the Ségou case when searching Segou, with the word highlighted", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, "trainer");
    await page.getByRole("searchbox", { name: "Search cases" }).fill("Segou");
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByRole("heading", { name: /^1 of \d+ cases$/ }).isVisible()).toBe(true);
    const result = page.locator(".case-result");
    expect(await result.count()).toBe(1);
    expect(await result.getByRole("link").textContent()).toContain("Ségou");
    expect(await result.locator("mark").first().textContent()).toBe("Ségou");
    await page.context().close();
  });

  it("filters by a code and a country", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, "reviewer");
    await page.getByRole("checkbox", { name: /Reduced threat or violence/ }).check();
    await expect.poll(() => page.locator(".case-result").count()).toBe(2);
    const titles = await page.locator(".case-result .case-title-link").allTextContents();
    expect(titles.map((t) => t.split(" —")[0]).sort()).toEqual(["Algeria", "Mauritania"]);
    // Counts next to each country follow the code filter.
    expect(await page.locator("label.facet", { hasText: "Somalia" }).locator(".count").textContent()).toBe(
      "0",
    );
    await page.getByRole("checkbox", { name: /^Algeria/ }).check();
    await expect.poll(() => page.locator(".case-result").count()).toBe(1);
    expect(await page.locator(".case-result .case-title-link").textContent()).toMatch(/^Algeria/);
    expect(page.url()).toContain("region=Algeria");
    await page.getByRole("link", { name: "Clear search and filters" }).click();
    await expect.poll(() => page.locator(".case-result").count()).toBeGreaterThanOrEqual(4);
    await page.context().close();
  });
});
