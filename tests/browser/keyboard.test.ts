// Keyboard only (issue 20): a person who uses no pointer signs in, finds the shortcuts, skips to the
// content, opens a case, edits it, tags a passage and comments on another. Only keyboard.press and
// keyboard.type act on the page; the test reads where the focus is and what the screen shows.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hydrated, launchChromium, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What has the focus: its tag, accessible label or text, and link target. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName.toLowerCase() ?? "",
      label: element?.getAttribute("aria-label") ?? element?.getAttribute("name") ?? "",
      text: (element?.textContent ?? "").trim().slice(0, 80),
      href: element?.getAttribute("href") ?? "",
      inEditor: Boolean(element?.closest(".ProseMirror")),
      inDialog: element?.closest("dialog")?.getAttribute("aria-labelledby") ?? null,
      inMain: Boolean(element?.closest("main")),
      role: element?.getAttribute("role") ?? "",
      value: element?.getAttribute("value") ?? "",
      labelText: ((element as HTMLInputElement | null)?.labels?.[0]?.textContent ?? "").trim(),
      classes: typeof element?.className === "string" ? element.className : "",
    };
  });
}

type Focus = Awaited<ReturnType<typeof focused>>;

/** Presses Tab until the focus is where `wanted` says (at most `max` times), as a person would. */
async function tabTo(page: Page, wanted: (focus: Focus) => boolean, what: string, max = 80) {
  for (let presses = 0; presses < max; presses++) {
    await page.keyboard.press("Tab");
    if (wanted(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe("keyboard only", () => {
  it("signs in, finds the shortcuts, opens a case, edits, tags a passage, comments on one, opens a matrix cell, compares three cases", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();

    // Sign in.
    await page.goto(`${baseUrl}/sign-in`);
    await hydrated(page);
    await tabTo(page, (focus) => focus.label === "email", "the Email field");
    await page.keyboard.type("editor@example.org");
    await page.keyboard.press("Tab");
    await page.keyboard.type("casebook-demo");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    // The new page is announced by its title.
    await expect.poll(() => page.locator(".page-announcer").textContent()).toMatch(/^Cases · /);

    // The first Tab reaches "Skip to content", which leads into the page's main part.
    await page.keyboard.press("Tab");
    expect((await focused(page)).text).toBe("Skip to content");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect((await focused(page)).inMain).toBe(true);

    // "?" opens the shortcuts; the focus is kept in the dialog; Escape closes it.
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    expect(await help.getByText("Comment on the selected passage").isVisible()).toBe(true);
    expect((await focused(page)).inDialog).toBe("shortcuts-title");
    // The page behind is inert: Tab leaves the dialog only for the browser's own controls.
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press("Tab");
      const focus = await focused(page);
      expect(focus.inDialog === "shortcuts-title" || focus.tag === "body").toBe(true);
    }
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "detached" });

    // Open a case from the case list (where the editor lands after signing in).
    await tabTo(page, (focus) => /\/cases\/[a-z0-9]{8,}$/.test(focus.href), "a case");
    const caseTitle = (await focused(page)).text;
    const casePath = (await focused(page)).href;
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === casePath);
    await hydrated(page);
    await page.getByRole("heading", { level: 1, name: caseTitle }).waitFor();

    // Edit: type a sentence at the end of the text, select it and tag it, all from the keyboard.
    await tabTo(page, (focus) => focus.href.endsWith("/edit"), "the Edit link");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/edit$/);
    await hydrated(page);
    await page.locator(".save-status-ok").waitFor({ timeout: 15_000 });
    await tabTo(page, (focus) => focus.inEditor, "the case text");
    const sentence = "Typed and tagged without a pointer.";
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.type(sentence);
    await page.keyboard.press("Shift+Home");
    await page.keyboard.press("Alt+Shift+KeyT");
    const picker = page.getByRole("dialog", { name: "Tag the selected passage" });
    await picker.waitFor();
    await page.keyboard.type("local chan");
    await page.keyboard.press("Enter");
    await picker.waitFor({ state: "detached" });
    // The focus is back in the text, and the passage is listed under its code's name.
    await expect.poll(async () => (await focused(page)).inEditor).toBe(true);
    const panel = page.getByRole("complementary", { name: "Tagged passages and citations" });
    await panel
      .getByRole("region", { name: "Local channel (communities, militias)" })
      .getByRole("button", { name: `“${sentence}”` })
      .first()
      .waitFor();
    await expect
      .poll(() => page.locator(".save-status").textContent(), { timeout: 15_000 })
      .toBe("All changes saved");

    // Back to the case, then comment on its first words: Tab to the text, select with Shift and the arrows.
    await tabTo(page, (focus) => focus.text === "← Back to case", "the way back to the case");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === casePath);
    await hydrated(page);
    await tabTo(page, (focus) => focus.classes.includes("threaded-body"), "the case text");
    for (let i = 0; i < 3; i++) await page.keyboard.press("Control+Shift+ArrowRight");
    const quote = (await page.evaluate(() => window.getSelection()?.toString() ?? "")).trim();
    expect(quote.split(/\s+/).length).toBeGreaterThanOrEqual(2);
    // The "Comment" button shows beside the selection, as it does for a selection made with a pointer.
    await page.locator(".selection-comment").getByRole("button", { name: "Comment" }).waitFor();
    await page.keyboard.press("Enter");
    const column = page.getByRole("complementary", { name: /Comments/ });
    await expect.poll(async () => (await focused(page)).tag).toBe("textarea");
    // The quote as the box shows it (a heading and its paragraph run together there).
    const shown = (await column.locator(".thread-new .thread-quote").textContent()) ?? "";
    expect(shown.replace(/\s/g, "")).toContain(quote.replace(/\s/g, ""));
    await page.keyboard.type("Said without a pointer.");
    await page.keyboard.press("Control+Enter");
    await column.locator(".thread-card", { hasText: "Said without a pointer." }).first().waitFor();
    expect(await page.getByText("Said without a pointer.").first().isVisible()).toBe(true);

    // Three cases picked from the list with Space, compared side by side.
    await tabTo(page, (focus) => /\/cases$/.test(focus.href), "the Cases link", 300);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator(".page-announcer").textContent()).toMatch(/^Cases/);
    for (let picked = 0; picked < 3; picked++) {
      await tabTo(page, (focus) => focus.labelText.startsWith("Compare"), "a case's Compare box");
      await page.keyboard.press("Space");
    }
    await page.getByText("3 cases selected").waitFor();
    await tabTo(page, (focus) => focus.text === "Compare side by side", "Compare side by side");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Compare 3 cases side by side" }).waitFor();

    // The matrix: a cell's evidence opens in a sheet that takes the focus; Escape gives it back to the cell.
    // Tab goes on past the end of the page and comes round to its start.
    await tabTo(page, (focus) => focus.href.endsWith("/matrix"), "the Matrix link", 300);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/matrix$/);
    await hydrated(page);
    await page.locator("td.cell > button").first().waitFor();
    await tabTo(page, (focus) => focus.label === "at", "a cell of the matrix");
    const cell = (await focused(page)).value;
    await page.keyboard.press("Enter");
    const sheet = page.locator(".cell-panel[role='dialog']");
    await sheet.waitFor();
    await expect.poll(async () => (await focused(page)).role).toBe("dialog");
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "detached" });
    expect(await focused(page)).toMatchObject({ label: "at", value: cell });
    await context.close();
  });
});
