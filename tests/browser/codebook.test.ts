// The demo database is shared with the other browser test files: these tests only change codes they
// create themselves and leave the starter codebook as it was.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, launchChromium, openSectionsMenu, signIn, testBaseUrl } from "../helpers/chromium";

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

const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function openCodebook(page: Page) {
  await openSectionsMenu(page);
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Codebook" }).click();
  await expect.poll(() => page.getByRole("heading", { level: 1, name: "Codebook" }).isVisible()).toBe(true);
}

/** Fills "Add a code" and submits; waits until the page has hydrated so the palette and kind respond. */
async function addOutcome(page: Page, label: string, options: { colour: string; parent?: string }) {
  await page.locator("summary", { hasText: "Add a code" }).click();
  const form = page.locator(".add-code");
  const colour = form.getByLabel("Colour", { exact: true });
  await expect
    .poll(async () => {
      await form.getByRole("button", { name: `Use colour ${options.colour}` }).click();
      return colour.inputValue();
    })
    .toBe(options.colour);
  await form.getByRole("radio", { name: "Outcome" }).check();
  await expect.poll(() => form.getByText("nest this code under a broader outcome").isVisible()).toBe(true);
  await form.getByLabel("Label", { exact: true }).fill(label);
  await form.getByLabel("Definition").fill("Made by the codebook browser test.");
  if (options.parent) await form.getByLabel("Parent code").selectOption({ label: options.parent });
  await form.getByRole("button", { name: "Add code" }).click();
  await expect.poll(() => page.getByText(`Outcome “${label}” added.`).isVisible()).toBe(true);
}

describe("codebook", () => {
  it("lets the owner add, nest, rename, merge and delete codes", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "owner");
    await openCodebook(page);
    const preconditions = page.getByRole("region", { name: /Preconditions/ });
    const outcomes = page.getByRole("region", { name: /Outcomes/ });
    await expect
      .poll(() => preconditions.getByRole("link", { name: "Quiet or back channel", exact: true }).isVisible())
      .toBe(true);
    await expect
      .poll(() =>
        outcomes.getByRole("link", { name: "Temporary truce or ceasefire", exact: true }).isVisible(),
      )
      .toBe(true);

    const id = unique();
    const target = `Pause in fighting ${id}`;
    const label = `Ceasefire for elections ${id}`;
    await addOutcome(page, target, { colour: "#475569" });
    await addOutcome(page, label, { colour: "#db2777", parent: "Temporary truce or ceasefire" });
    // Nested under its parent, in the outcomes.
    const parentItem = outcomes.locator("li", {
      has: page.getByRole("link", { name: "Temporary truce or ceasefire", exact: true }),
    });
    await expect
      .poll(() =>
        parentItem.locator(".code-tree-nested").getByRole("link", { name: label, exact: true }).isVisible(),
      )
      .toBe(true);

    // A second code with the same label (whatever its case) is refused next to the field.
    await page.locator("summary", { hasText: "Add a code" }).click();
    const form = page.locator(".add-code");
    await form.getByRole("radio", { name: "Outcome" }).check();
    await form.getByLabel("Label", { exact: true }).fill(label.toUpperCase());
    await form.getByRole("button", { name: "Add code" }).click();
    await expect.poll(() => form.getByText(/There is already an outcome called/).isVisible()).toBe(true);
    expect(await form.getByLabel("Label", { exact: true }).inputValue()).toBe(label.toUpperCase());

    await page.getByRole("link", { name: `Edit ${label}` }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: label }).isVisible()).toBe(true);
    const edit = page.locator("#edit");
    expect(await edit.getByLabel("Colour", { exact: true }).inputValue()).toBe("#db2777");
    await edit.getByLabel("Label", { exact: true }).fill(`${label} (renamed)`);
    await edit.getByRole("button", { name: "Save code" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: `${label} (renamed)` }).isVisible())
      .toBe(true);
    expect(await page.getByRole("link", { name: "Temporary truce or ceasefire" }).first().isVisible()).toBe(
      true,
    );

    await page.locator("summary", { hasText: "Merge into another code" }).click();
    await page.getByLabel("Merge into").selectOption({ label: target });
    await page.getByRole("button", { name: /^Merge “/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: target }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/merged into “Pause in fighting/).isVisible()).toBe(true);

    // The target is unused: deleting it needs only the button inside "Delete this code".
    await page.locator("summary", { hasText: "Delete this code" }).click();
    await expect.poll(() => page.getByText("is not used in any case").isVisible()).toBe(true);
    await page.getByRole("button", { name: `Delete “${target}”` }).click();
    await expect.poll(() => page.getByText(`“${target}” deleted.`).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Codebook" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: target }).count()).toBe(0);
    expect(await page.getByRole("link", { name: new RegExp(`Ceasefire for elections ${id}`) }).count()).toBe(
      0,
    );
    await page.context().close();
  });

  it("shows a starter code's tagged passages with links back to the case", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "owner");
    await openCodebook(page);
    await page.getByRole("link", { name: "Temporary truce or ceasefire", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Temporary truce or ceasefire" }).isVisible())
      .toBe(true);
    const passages = page.getByRole("region", { name: /Tagged passages/ });
    await expect
      .poll(() => passages.locator("blockquote", { hasText: "a temporary truce" }).isVisible())
      .toBe(true);
    // Deleting a code in use says where it is used and refuses to go on without the ticked confirmation.
    await page.locator("summary", { hasText: "Delete this code" }).click();
    const deletion = page.locator(".code-delete");
    await expect.poll(() => deletion.getByText("is in use.").isVisible()).toBe(true);
    await expect.poll(() => deletion.getByRole("link", { name: /Mali, Ségou/ }).isVisible()).toBe(true);
    await expect
      .poll(() => deletion.getByLabel(/^Delete the code.*remove its \d+ tags? from \d+ cases?/).isVisible())
      .toBe(true);
    await deletion.getByRole("button", { name: "Delete “Temporary truce or ceasefire”" }).click();
    await expect
      .poll(() => deletion.getByText("Confirm that its tags should be removed from the cases.").isVisible())
      .toBe(true);
    await expect
      .poll(() => passages.locator("blockquote", { hasText: "a temporary truce" }).isVisible())
      .toBe(true);

    const caseLink = passages.getByRole("link", { name: /Mali, Ségou/ }).first();
    expect(await caseLink.getAttribute("href")).toMatch(/\/cases\/[a-z0-9]+$/);
    const sectionLink = passages
      .getByRole("listitem")
      .filter({ hasText: "a temporary truce" })
      .getByRole("link", { name: /^Outcomes/ })
      .first();
    expect(await sectionLink.getAttribute("href")).toMatch(/\/cases\/[a-z0-9]+#section-outcomes$/);
    await sectionLink.click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: /Mali, Ségou/ }).isVisible())
      .toBe(true);
    await expect.poll(() => page.locator("#section-outcomes").isVisible()).toBe(true);
    await page.context().close();
  });

  it("shows a trainer the codebook without any way to change it", async () => {
    const page = await newPage(360);
    await signIn(page, baseUrl, "trainer");
    await openCodebook(page);
    await expect
      .poll(() => page.getByRole("link", { name: "Temporary truce or ceasefire", exact: true }).isVisible())
      .toBe(true);
    expect(await page.getByText("Add a code").count()).toBe(0);
    expect(await page.getByRole("link", { name: /^Edit/ }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole("link", { name: "Quiet or back channel", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Quiet or back channel" }).isVisible())
      .toBe(true);
    expect(await page.getByRole("heading", { name: "Edit code" }).count()).toBe(0);
    expect(await page.getByText("Merge into another code").count()).toBe(0);
    expect(await page.getByText("Delete this code").count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const unknown = await page.goto(page.url().replace(/[a-z0-9]+$/, "nosuchcode1234"));
    expect(unknown?.status()).toBe(404);
    await expect.poll(() => page.getByRole("heading", { name: "Not found" }).isVisible()).toBe(true);
    await page.context().close();
  });
});

describe("codebook in French", () => {
  it("shows the starter codebook's French labels to a member who reads the casebook in French", async () => {
    // The demo users follow their browser's language: a French browser gets the French interface.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator('input[name="email"]').fill("reviewer@example.org");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await page
      .getByRole("navigation", { name: "Espace de travail" })
      .getByRole("link", { name: "Grille de codage" })
      .click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Grille de codage" }).isVisible())
      .toBe(true);
    const preconditions = page.getByRole("region", { name: /Préconditions/ });
    await expect
      .poll(() =>
        preconditions.getByRole("link", { name: "Direction politique stable", exact: true }).isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole("link", { name: "Stable political leadership" }).count()).toBe(0);
    await preconditions.getByRole("link", { name: "Direction politique stable", exact: true }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Direction politique stable" }).isVisible())
      .toBe(true);
    await context.close();
  });
});
