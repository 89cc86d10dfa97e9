// Search as a researcher uses it (issue 22): word forms, the query syntax, results grouped by kind, and the
// owners' list of spelling variants.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hydrated, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function search(page: Page, q: string) {
  await hydrated(page);
  await page.getByRole("searchbox", { name: "Search cases" }).fill(q);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get("q") === q);
}

const titles = (page: Page) => page.locator(".case-result .case-title-link").allTextContents();

describe("search", () => {
  it("finds word forms and joined words, lists the codes that match, and reads the query syntax", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, "editor");
    await search(page, "truces");
    await expect
      .poll(() => titles(page))
      .toEqual(["Mali, Ségou — local truce between Katiba Macina and local militias"]);
    expect(await page.locator(".case-result mark").first().textContent()).toMatch(/^truce$/i);

    await search(page, "cease-fire");
    const codes = page.getByRole("region", { name: "3 codes" });
    await expect.poll(() => codes.isVisible()).toBe(true);
    expect(await codes.getByRole("link", { name: "Comprehensive ceasefire reached" }).isVisible()).toBe(true);
    expect(await codes.getByRole("link", { name: "Tactical agreement" }).isVisible()).toBe(true);
    expect(await codes.getByRole("link", { name: "Temporary truce or ceasefire" }).isVisible()).toBe(true);
    expect(await codes.locator("mark").first().textContent()).toMatch(/^ceasefires?$/i);

    await search(page, "negotiations -Algeria");
    await expect
      .poll(async () => [...new Set((await titles(page)).map((title) => title.split(/[ ,]/)[0]))].sort())
      .toEqual(["Burkina", "Mali", "Niger"]);

    // An open quotation mark: searched as plain words, and the page says so.
    await search(page, '"hostage exchanges');
    await expect
      .poll(() => page.getByRole("status").filter({ hasText: "quotation mark is not closed" }).isVisible())
      .toBe(true);
    expect(await titles(page)).toHaveLength(1);

    // The help next to the box.
    await page.getByText("Search tips").click();
    expect(await page.getByText("either word").isVisible()).toBe(true);
    await page.context().close();
  });

  it("lets an owner add spelling variants that search then reads as one", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, "owner");
    await search(page, "Katibat Macina");
    await expect.poll(() => page.locator(".empty-state").isVisible()).toBe(true);

    await page.getByText("Search tips").click();
    await page.getByRole("link", { name: "list of spelling variants" }).click();
    await page.getByRole("heading", { name: "Spelling variants", level: 1 }).waitFor();
    await hydrated(page);
    const spellings = page.getByRole("textbox", { name: "Spellings" });
    // One spelling only: refused next to the field, the text kept.
    await spellings.fill("Katiba Macina");
    await page.getByRole("button", { name: "Add group" }).click();
    await expect
      .poll(() => page.getByText("Give at least two spellings that differ.").isVisible())
      .toBe(true);
    expect(await spellings.inputValue()).toBe("Katiba Macina");
    await spellings.fill("Katiba Macina\nKatibat Macina");
    await page.getByRole("button", { name: "Add group" }).click();
    const group = page
      .getByRole("list", { name: "Groups of spellings search treats as one" })
      .getByRole("listitem");
    await expect.poll(() => group.filter({ hasText: "Katibat Macina" }).isVisible()).toBe(true);

    await group.filter({ hasText: "Katibat Macina" }).getByRole("link", { name: "Search for it" }).click();
    await expect
      .poll(() => titles(page))
      .toEqual(["Mali, Ségou — local truce between Katiba Macina and local militias"]);
    await page.context().close();
  });

  it("shows a trainer the variants list without the means to change it", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, "trainer");
    await page.goto(`${page.url().replace(/\/cases.*$/, "")}/variants`);
    await page.getByRole("heading", { name: "Spelling variants", level: 1 }).waitFor();
    expect(await page.getByText("Owners keep this list.").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Add group" }).count()).toBe(0);
    await page.context().close();
  });
});
