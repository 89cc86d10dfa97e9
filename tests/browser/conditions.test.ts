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

async function newPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return context.newPage();
}

const CHANNEL = "Local channel (communities, militias)";
const NOTE = "Village elders carried messages between the two sides.";

describe("conditions panel", () => {
  let caseUrl = "";

  it("lets an editor state a precondition with a note, and keeps it with their name", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "editor");
    await page.getByRole("link", { name: "New case" }).first().click();
    await page.getByRole("button", { name: "Create case" }).waitFor();
    const title = `Conditions walk ${Date.now()}`;
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Countries or regions").fill("Niger");
    await page.getByRole("button", { name: "Create case" }).click();
    // "/cases/new" matches an id too: wait for the case page itself.
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    caseUrl = page.url();
    expect(caseUrl).not.toMatch(/\/new$/);

    await page.getByRole("link", { name: "Conditions", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Conditions" }).isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: "Preconditions" }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Outcomes" }).isVisible()).toBe(true);
    const channel = page.getByRole("group", { name: CHANNEL });
    // Nothing is stated yet: every code starts unknown.
    expect(await channel.getByLabel("Unknown").isChecked()).toBe(true);
    expect(await channel.textContent()).toContain("Not stated yet");

    await channel.getByLabel("Present").check();
    await page.getByLabel(`Note on ${CHANNEL}`).fill(NOTE);
    await page.getByRole("button", { name: "Save conditions" }).click();
    await expect.poll(() => page.getByText("Conditions saved (1 code changed).").isVisible()).toBe(true);

    await page.reload();
    const saved = page.getByRole("group", { name: CHANNEL });
    await expect.poll(() => saved.getByLabel("Present").isChecked()).toBe(true);
    expect(await page.getByLabel(`Note on ${CHANNEL}`).inputValue()).toBe(NOTE);
    expect(await saved.textContent()).toMatch(/Set by Eduardo Editor on/);
    // Other codes were not touched by the save.
    expect(await page.getByRole("group", { name: "Stable political leadership" }).textContent()).toContain(
      "Not stated yet",
    );
    await page.context().close();
  });

  it("shows a trainer the panel of the approved demo Ségou case read-only, with its evidence, at 360 px too", async () => {
    // Trainers read approved cases only, so this uses the demo Ségou case; it only reads it.
    for (const width of [1280, 360]) {
      const page = await newPage(width);
      await signIn(page, baseUrl, "trainer");
      await page.getByRole("link", { name: /Ségou/ }).first().click();
      await page.getByRole("heading", { level: 1, name: /Ségou/ }).waitFor();
      await page.goto(`${page.url()}/conditions`);
      const truce = page.getByRole("listitem").filter({
        has: page.getByRole("heading", { name: "Temporary truce or ceasefire" }),
      });
      await expect.poll(() => truce.isVisible()).toBe(true);
      expect(await page.getByRole("radio").count()).toBe(0);
      expect(await page.getByRole("textbox").count()).toBe(0);
      expect(await page.getByRole("button", { name: "Save conditions" }).count()).toBe(0);
      expect(
        await page.getByText("Your role can read these conditions but not change them.").isVisible(),
      ).toBe(true);
      expect(await truce.textContent()).toMatch(/Evidence in the text: \d+ tagged passage/);
      expect(await truce.textContent()).toContain("a temporary truce");
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `/tmp/conditions-segou-${width}.png`, fullPage: true });
      await page.context().close();
    }
  });

  it("turns away a trainer from a case that was never approved", async () => {
    expect(caseUrl).toMatch(/\/cases\//);
    const page = await newPage();
    await signIn(page, baseUrl, "trainer");
    const response = await page.goto(`${caseUrl}/conditions`);
    expect(response?.status()).toBe(404);
    await page.context().close();
  });
});
