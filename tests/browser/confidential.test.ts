// Right-to-left passages, sensitive passages and redacted exports, and confidential cases (ADR 0008), as
// people use them: an editor writes and marks, a reviewer who is not listed looks everywhere.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickUnder, createCase, openEditor, unique, workspaceOf } from "../helpers/case-pages";
import { type DemoRole, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(who: DemoRole, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, baseUrl, who);
  return page;
}

async function waitForSaved(page: Page) {
  // Co-editing: the server has acknowledged every change (ADR 0007).
  await expect
    .poll(() => page.locator(".save-status").textContent(), { timeout: 15_000 })
    .toBe("All changes saved");
}

const direction = (page: Page, selector: string, text: string) =>
  page
    .locator(selector, { hasText: text })
    .first()
    .evaluate((el) => getComputedStyle(el).direction);

const ARABIC = "بدأت المفاوضات مع الجماعة المسلحة عبر وسطاء محليين.";
const ENGLISH = "Talks started through local intermediaries.";
const NAME = "Imam Boubacar of Dioura";

describe("right-to-left passages, sensitive passages and confidential cases", () => {
  let caseUrl: string;
  let title: string;

  it("shows an Arabic passage right to left in the editor and the read view, and search finds it", async () => {
    const page = await newPage("editor");
    title = `Channel through Dioura ${unique()}`;
    caseUrl = await createCase(page, title);
    await openEditor(page, caseUrl);
    await clickUnder(page, "Context");
    await page.keyboard.type(ENGLISH);
    await page.keyboard.press("Enter");
    await page.keyboard.insertText(ARABIC);
    await clickUnder(page, "Actors");
    await page.keyboard.type(`Contact kept by ${NAME} for the katiba.`);
    // Mark the name sensitive: select it, then the toolbar's Sensitive tool.
    await page.evaluate((name) => {
      const paragraph = [...document.querySelectorAll(".case-editor-text p")].find((p) =>
        p.textContent?.includes(name),
      )!;
      const text = paragraph.firstChild!;
      const start = text.textContent!.indexOf(name);
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + name.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
    }, NAME);
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(NAME);
    await page.getByRole("button", { name: /^Sensitive/ }).click();
    await expect
      .poll(() => page.getByRole("button", { name: /^Sensitive/ }).getAttribute("aria-pressed"))
      .toBe("true");
    await waitForSaved(page);

    // In the editor: each block takes the direction of its own text.
    expect(await direction(page, ".case-editor-text p", "المفاوضات")).toBe("rtl");
    expect(await direction(page, ".case-editor-text p", ENGLISH)).toBe("ltr");
    expect(await page.locator(".case-editor-text .sensitive").textContent()).toBe(NAME);

    // In the read view too.
    await page.goto(caseUrl);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: title }).isVisible()).toBe(true);
    expect(await direction(page, ".case-body-html p", "المفاوضات")).toBe("rtl");
    expect(await direction(page, ".case-body-html p", ENGLISH)).toBe("ltr");
    const marked = page.locator(".case-body-html .sensitive");
    expect(await marked.textContent()).toBe(NAME);
    expect(await marked.evaluate((el) => getComputedStyle(el).textDecorationStyle)).toBe("dotted");

    // The library search finds the case by an Arabic word.
    await page.goto(`${baseUrl}/w/${workspaceOf(page)}/cases?q=${encodeURIComponent("المفاوضات")}`);
    await expect.poll(() => page.getByRole("link", { name: title }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("gives a redacted export without the sensitive passage, and a redacted print view", async () => {
    const page = await newPage("editor");
    await page.goto(caseUrl);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: title }).isVisible()).toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Markdown, redacted" }).click(),
    ]);
    const { readFileSync } = await import("node:fs");
    const markdown = readFileSync((await download.path())!, "utf8");
    expect(markdown).toContain("Contact kept by \\[redacted\\] for the katiba.");
    expect(markdown).not.toContain("Boubacar");
    const json = await page.request.get(`${caseUrl}/export?format=json&redacted=1`);
    expect(json.status()).toBe(200);
    const text = await json.text();
    expect(text).not.toContain("Boubacar");
    expect(JSON.parse(text).redacted).toBe(true);
    // The full export still has it, for those who may take it out.
    expect(await (await page.request.get(`${caseUrl}/export?format=md`)).text()).toContain(NAME);

    await page.getByRole("link", { name: "Print view, redacted" }).click();
    await expect.poll(() => page.getByText(/^Redacted view for printing/).isVisible()).toBe(true);
    const body = await page.locator(".case-body-html").textContent();
    expect(body).toContain("Contact kept by [redacted] for the katiba.");
    expect(body).not.toContain("Boubacar");
    await page.context().close();
  });

  it("hides a confidential case from a member who is not listed, everywhere and by its address", async () => {
    const editor = await newPage("editor");
    // Tag a passage first, so the case shows on a code page.
    await openEditor(editor, caseUrl);
    await editor.locator(".case-editor-text p", { hasText: ENGLISH }).click();
    await editor.keyboard.press("End");
    await editor.keyboard.press("Shift+Home");
    await editor.getByRole("button", { name: "Tag", exact: true }).click();
    const picker = editor.getByRole("dialog", { name: "Tag the selected passage" });
    await expect.poll(() => picker.isVisible()).toBe(true);
    await picker.getByRole("combobox", { name: "Find a code" }).fill("local chan");
    await editor.keyboard.press("Enter");
    await waitForSaved(editor);

    await editor.goto(`${caseUrl}/details`);
    await expect.poll(() => editor.getByRole("heading", { name: "Confidentiality" }).isVisible()).toBe(true);
    await editor.getByRole("checkbox", { name: /Confidential: only owners/ }).check();
    await editor.getByRole("button", { name: "Save confidentiality" }).click();
    await expect.poll(() => editor.getByText(/^This case is confidential/).isVisible()).toBe(true);
    await expect
      .poll(() => editor.locator(".case-meta .confidential-badge").textContent())
      .toBe("Confidential");
    const caseId = caseUrl.split("/").pop()!;
    await editor.context().close();

    const reviewer = await newPage("reviewer");
    const ws = `${baseUrl}/w/${workspaceOf(reviewer)}`;
    const absent = async (path: string, ready: () => Promise<boolean>) => {
      await reviewer.goto(`${ws}${path}`);
      await expect.poll(ready).toBe(true);
      const text = (await reviewer.locator("main").textContent()) ?? "";
      expect(text, path).not.toContain(title);
      expect(text, path).not.toContain("Dioura");
    };
    const heading = (name: string | RegExp) => () =>
      reviewer.getByRole("heading", { level: 1, name }).isVisible();
    await absent("/cases", heading("Cases"));
    await absent(`/cases?q=${encodeURIComponent("المفاوضات")}`, heading("Cases"));
    await absent("/cases?q=Dioura", heading("Cases"));
    await absent("/matrix", heading(/Matrix/));
    await absent(`/compare?case=${caseId}`, () => reviewer.locator("main h1").isVisible());
    await absent("/notifications", heading("Notifications"));
    await absent("/reviews", heading(/review/i));
    await reviewer.goto(`${ws}/codebook`);
    await reviewer.getByRole("link", { name: "Local channel (communities, militias)" }).first().click();
    await expect
      .poll(() => reviewer.getByRole("heading", { level: 1, name: /Local channel/ }).isVisible())
      .toBe(true);
    expect(await reviewer.locator("main").textContent()).not.toContain(title);

    // Its address, and its sub-pages, are a plain "Not found".
    for (const path of ["", "/history", "/conditions", "/export?format=md"]) {
      const response = await reviewer.goto(`${ws}/cases/${caseId}${path}`);
      expect(response?.status(), path).toBe(404);
      if (!path.startsWith("/export"))
        await expect
          .poll(() => reviewer.getByRole("heading", { level: 1, name: "Not found" }).isVisible())
          .toBe(true);
    }
    await reviewer.context().close();

    // The owner still sees it, marked confidential, in the list.
    const owner = await newPage("owner");
    await owner.goto(`${baseUrl}/w/${workspaceOf(owner)}/cases`);
    const item = owner.locator("li", { has: owner.getByRole("link", { name: title }) });
    await expect.poll(() => item.locator(".confidential-badge").isVisible()).toBe(true);
    await owner.context().close();
  });
});
