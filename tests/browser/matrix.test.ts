import { readFile } from "node:fs/promises";
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

async function newPage(width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  return context.newPage();
}

const MAURITANIA = "Mauritania — religious dialogue with jihadist prisoners";
const ALGERIA = "Algeria — negotiations that partly wound down the civil war";
const MALI = "Mali, Ségou — local truce between Katiba Macina and local militias";
const REDUCED = "Reduced threat or violence";
const CUSTODY = "Quiet or back channel";

const rowTitles = (page: Page) => page.locator("table.matrix tbody th").allTextContents();

describe("matrix and comparison sets", () => {
  let setUrl = "";
  let trainerRows: string[] = [];

  it("shows a trainer the approved demo cases, the figures for an outcome, a cell's passages and the CSV", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "trainer");
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Matrix" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Matrix" }).isVisible()).toBe(true);
    const legend = page.getByRole("list", { name: "Legend" });
    expect(await legend.textContent()).toContain("Present: stated present");
    expect(await legend.textContent()).toContain("Unknown: not stated");
    trainerRows = await rowTitles(page);
    expect(trainerRows).toEqual(expect.arrayContaining([ALGERIA, MALI, MAURITANIA]));
    // In review, never approved: a trainer does not see it.
    expect(trainerRows.join(" ")).not.toContain("Somalia");

    await page.getByLabel("Outcome for the figures").selectOption({ label: REDUCED });
    await expect
      .poll(() => page.getByRole("heading", { name: `Figures for “${REDUCED}”` }).isVisible())
      .toBe(true);
    // Seed: Mauritania states a quiet channel and reduced threat; Algeria states reduced threat but not the
    // channel; the other approved cases state no reduced threat. Only Mauritania can be counted.
    expect(await page.getByRole("note").filter({ hasText: "These figures rest on" }).textContent()).toContain(
      "These figures rest on 1 case: read them as description, not evidence.",
    );
    const custody = page.locator(".measures-table tbody tr").filter({ hasText: CUSTODY });
    const cells = await custody.locator("td").allTextContents();
    expect(cells.slice(0, 5)).toEqual(["1", String(trainerRows.length - 1), "1", "1", "1"]);
    expect(cells.slice(5)).toEqual(["1.00 (1/1)", "1.00 (1/1)", "1.00 (1/1)", "1.00 (1/1)"]);
    expect(await custody.textContent()).toContain("fewer than 5 cases");
    const channel = page.locator(".measures-table tbody tr").filter({ hasText: "Local channel" });
    expect(await channel.textContent()).toContain("No case has both values known.");

    // A present cell opens the passages that back it.
    const row = page.getByRole("row", { name: new RegExp(MAURITANIA) });
    const columns = await page.locator("table.matrix thead th").allTextContents();
    const custodyColumn = columns.findIndex((text) => text.includes(CUSTODY));
    await hydrated(page);
    const cell = row.locator("td, th").nth(custodyColumn).getByRole("button");
    expect(await cell.textContent()).toContain("Present");
    // The symbol comes from the stylesheet, silent for screen readers (the word says it).
    expect(await cell.evaluate((button) => getComputedStyle(button, "::before").content)).toBe('"✓" / ""');
    await cell.click();
    const panel = page.getByRole("dialog", { name: `${CUSTODY} in ${MAURITANIA}` });
    await expect
      .poll(() => panel.textContent())
      .toContain("“quietly developed a programme of religious dialogue with jihadist prisoners”");
    expect(await panel.textContent()).toContain("Set present by Rokia Reviewer");
    expect(await cell.getAttribute("aria-expanded")).toBe("true");
    await page.keyboard.press("Escape");
    await expect.poll(() => panel.isVisible()).toBe(false);
    // Focus is back on the cell that was opened.
    expect(await cell.evaluate((link) => link === document.activeElement)).toBe(true);

    // The CSV has the page's rows and every code as a 1/0/blank column, named by its short name.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^matrix-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path())!, "utf8");
    const lines = csv.trimEnd().split("\r\n");
    // Text cells are quoted (titles may hold commas); the 0/1 cells are not.
    const header = lines[0].split(",").map((cell) => cell.replaceAll('"', ""));
    expect(header[0]).toBe("case");
    expect(header).toHaveLength(20);
    expect(lines).toHaveLength(trainerRows.length + 1);
    const mauritania = lines.find((line) => line.startsWith(`"${MAURITANIA}"`))!.split(",");
    expect(mauritania[header.indexOf("QUIET")]).toBe("1");
    expect(mauritania[header.indexOf("REDUCED")]).toBe("1");
    expect(mauritania[header.indexOf("STABLE")]).toBe("");
    expect(lines.some((line) => line.startsWith(`"${MALI}",`))).toBe(true);

    // Saved as a set, the view gets a link of its own.
    await page.getByLabel("Name of the set").fill("Workshop — truce");
    await page.getByRole("button", { name: "Save set" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Workshop — truce" }).isVisible())
      .toBe(true);
    setUrl = await page.getByLabel("Link to share with your workspace").inputValue();
    expect(setUrl).toMatch(/\/comparisons\/[a-z0-9]+$/);
    await page.context().close();
  });

  it("lets a trainer negate the outcome, set thresholds, read the solutions, open a term's cases and take the analysis to R", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "trainer");
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Matrix" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Matrix" }).isVisible()).toBe(true);
    await hydrated(page);
    await page
      .getByLabel("Outcome for the figures")
      .selectOption({ label: "Comprehensive ceasefire reached" });
    const excluded = page
      .locator(".pre-picker label")
      .filter({ hasText: "Some armed groups excluded" })
      .locator("input");
    await expect.poll(() => excluded.count()).toBe(1);
    // The demo states few values: the truth table is on the one precondition the ceasefire's case states.
    await page.goto(`${page.url()}&pre=&pre=${await excluded.getAttribute("value")}`);
    await hydrated(page);
    await page.getByRole("group", { name: "Take as absent (~X)" }).getByLabel("~CEASEFIRE").check();
    const heading = page.getByRole("heading", { name: "Boolean minimization: ~CEASEFIRE" });
    await expect.poll(() => heading.isVisible()).toBe(true);
    await page.getByLabel("Consistency threshold").fill("0.8");
    await page.getByLabel("Frequency threshold").fill("1");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL(/incl=0\.8/);
    await expect.poll(() => page.getByLabel("Consistency threshold").inputValue()).toBe("0.8");
    expect(await page.getByRole("note").filter({ hasText: "Limited diversity" }).textContent()).toContain(
      "Combinations observed: 1 of 2; remainders: 1.",
    );
    const conservative = page.getByRole("region", { name: "Conservative solution" });
    expect(await conservative.locator("code").first().textContent()).toBe("EXCLUDED -> ~CEASEFIRE");
    const parsimonious = page.getByRole("region", { name: "Parsimonious solution" });
    // One observed row and one remainder: with the remainder as a don't-care the whole set is the solution.
    expect(await parsimonious.locator("code").first().textContent()).toBe("1 -> ~CEASEFIRE");
    expect(await parsimonious.textContent()).toContain("1 simplifying assumption");
    // The truth table as a Venn diagram: one shape, its one observed row filled.
    expect(
      await page
        .getByRole("img", { name: "Venn diagram: combinations of EXCLUDED for ~CEASEFIRE" })
        .isVisible(),
    ).toBe(true);
    // The term's cases, then one case's passages.
    await conservative.getByText("1 case", { exact: true }).click();
    const algiers = conservative.getByRole("link", { name: "Algiers process on northern Mali" });
    await algiers.click();
    await expect
      .poll(() =>
        page.getByRole("heading", { level: 1, name: "Algiers process on northern Mali" }).isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole("main").textContent()).toContain("excluded from the process");
    await page.goBack();
    await hydrated(page);

    // The CSV for R: short names, 0/1, no blank cell.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV for R" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^matrix-for-r-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
    expect(lines[0]).toBe('"case","EXCLUDED","CEASEFIRE"');
    expect(lines.slice(1)).toEqual([`"Algiers process on northern Mali",1,0`]);
    await page.context().close();
  });

  it("lets a reviewer open the trainer's set link and see the same outcome and rows", async () => {
    expect(setUrl).not.toBe("");
    const page = await newPage();
    await signIn(page, baseUrl, "reviewer");
    await page.goto(setUrl);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Workshop — truce" }).isVisible())
      .toBe(true);
    expect(await page.getByLabel("Outcome for the figures").inputValue()).not.toBe("");
    expect(await page.locator("#matrix-outcome option:checked").textContent()).toBe(REDUCED);
    expect(await page.getByRole("heading", { name: `Figures for “${REDUCED}”` }).isVisible()).toBe(true);
    // The saved cases, not re-filtered: the reviewer could see Somalia, but it was not in the set.
    expect(await rowTitles(page)).toEqual(trainerRows);
    expect(await page.getByText("Saved by Tomas Trainer").isVisible()).toBe(true);
    // Not the reviewer's set: no rename or delete.
    expect(await page.getByText("Rename or delete this set").count()).toBe(0);

    await page.getByRole("link", { name: "Comparison sets" }).first().click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Comparison sets" }).isVisible())
      .toBe(true);
    const listed = page.getByRole("row", { name: /Workshop — truce/ });
    expect(await listed.textContent()).toContain("Tomas Trainer");
    await page.context().close();
  });

  it("fits a 360 px screen: the matrix scrolls inside its box, the page does not", async () => {
    const page = await newPage(360);
    await signIn(page, baseUrl, "trainer");
    await page.goto(setUrl);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Workshop — truce" }).isVisible())
      .toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Before hydration a cell opens its own page (as without JavaScript); the sheet is what this checks.
    await hydrated(page);
    await page
      .getByRole("row", { name: new RegExp(MALI) })
      .locator("td button")
      .first()
      .click();
    const panel = page.getByRole("dialog", { name: new RegExp(`in ${MALI}`) });
    await expect.poll(() => panel.textContent()).toContain("Read the case");
    const box = await panel.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    await page.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => panel.isVisible()).toBe(false);
    await page.context().close();
  });

  it("opens a cell as a page of its own without JavaScript", async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await signIn(page, baseUrl, "trainer");
    await page.goto(setUrl);
    const columns = await page.locator("table.matrix thead th").allTextContents();
    const custodyColumn = columns.findIndex((text) => text.includes(CUSTODY));
    await page
      .getByRole("row", { name: new RegExp(MAURITANIA) })
      .locator("td, th")
      .nth(custodyColumn)
      .getByRole("button")
      .click();
    await page.waitForURL(/\/matrix\/cell\?/);
    const main = page.getByRole("main");
    expect(await main.textContent()).toContain(
      "“quietly developed a programme of religious dialogue with jihadist prisoners”",
    );
    expect(await main.textContent()).toContain("Set present by Rokia Reviewer");
    // Back to the set it was opened from.
    await page.getByRole("link", { name: "Back to the matrix" }).click();
    await page.waitForURL(setUrl);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Workshop — truce");
    await context.close();
  });
});
