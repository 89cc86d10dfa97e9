// Co-editing as people meet it: a page reloaded while the server cannot be reached keeps what was typed
// and merges it later; named versions reach the history; a reader's session cannot change the text.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addParagraph, openNodeEditor, until } from "../../scripts/bench/collab";
import { createCase, unique } from "../helpers/case-pages";
import { type DemoRole, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(who: DemoRole) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, who);
  return page;
}

const text = (page: Page) => page.getByRole("textbox", { name: "Case text" });
const saveStatus = (page: Page) => page.locator(".save-status");

async function openEditor(page: Page, caseUrl: string) {
  await page.goto(`${caseUrl}/edit`);
  await expect.poll(() => saveStatus(page).textContent(), { timeout: 15_000 }).toBe("All changes saved");
}

async function typeUnder(page: Page, section: string, words: string) {
  await page
    .locator(".case-editor-text h2", { hasText: section })
    .locator("xpath=following-sibling::p[1]")
    .click();
  await page.keyboard.type(words);
}

/**
 * Waits until the device's copy (y-indexeddb, written a moment after each change) has stopped growing: a
 * reload in the same millisecond as the last keystroke is not what this test is about.
 */
async function deviceCopyWritten(page: Page, caseUrl: string) {
  const name = `casebook-case-${caseUrl.split("/").pop()}`;
  const stored = () =>
    page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction("updates").objectStore("updates").count();
            count.onsuccess = () => {
              resolve(count.result);
              open.result.close();
            };
            count.onerror = () => reject(count.error);
          };
        }),
      name,
    );
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = await stored();
        const settled = now === last && now > 0;
        last = now;
        return settled;
      },
      { interval: 250, timeout: 10_000 },
    )
    .toBe(true);
}

describe("co-editing", () => {
  it("keeps what was typed through a reload while the server is out of reach, then merges it", async () => {
    const page = await newPage("editor");
    const caseUrl = await createCase(page, `Reload check ${unique()}`);
    const other = await newPage("owner");
    // The co-editing socket of this page goes through a switch, to cut the server off while pages load.
    let serverReachable = true;
    await page.routeWebSocket(/\/collab/, (socket) => {
      if (serverReachable) socket.connectToServer();
      else socket.close();
    });
    await openEditor(page, caseUrl);
    await openEditor(other, caseUrl);

    await page.context().setOffline(true);
    await expect
      .poll(() => saveStatus(page).textContent(), { timeout: 15_000 })
      .toBe("Offline — changes kept on this device");
    await typeUnder(page, "Process", "Typed on the road.");
    // The page comes back, but the co-editing server still cannot be reached: the copy on this device is
    // what the editor shows, and it can be edited further.
    serverReachable = false;
    await page.context().setOffline(false);
    await deviceCopyWritten(page, caseUrl);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.reload();
    await expect.poll(() => text(page).textContent(), { timeout: 15_000 }).toContain("Typed on the road.");
    expect(await saveStatus(page).textContent()).not.toBe("All changes saved");
    await typeUnder(page, "Lessons", "Typed after the reload.");
    await typeUnder(other, "Outcomes", "Typed at the office meanwhile.");
    expect(await text(other).textContent()).not.toContain("Typed on the road.");

    // The server is reachable again: both sides end with all three sentences.
    serverReachable = true;
    for (const current of [page, other]) {
      for (const sentence of [
        "Typed on the road.",
        "Typed after the reload.",
        "Typed at the office meanwhile.",
      ])
        await expect.poll(() => text(current).textContent(), { timeout: 30_000 }).toContain(sentence);
    }
    await expect.poll(() => saveStatus(page).textContent(), { timeout: 15_000 }).toBe("All changes saved");

    // A named version reaches the history.
    await page.getByRole("button", { name: "Save version" }).click();
    await page.getByLabel("Name of this version").fill("After the field trip");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => page.getByText(/^Version \d+ saved\.$/).isVisible()).toBe(true);
    await page.goto(`${caseUrl}/history`);
    await expect
      .poll(() => page.locator(".revision-note", { hasText: "After the field trip" }).isVisible())
      .toBe(true);
    await page.context().close();
    await other.context().close();
  });

  it("does not let a reader's session change the text", async () => {
    const page = await newPage("editor");
    const caseUrl = await createCase(page, `Reader check ${unique()}`);
    await openEditor(page, caseUrl);
    const reader = await newPage("reviewer");
    const cookie = (await reader.context().cookies())
      .filter((entry) => entry.name === "casebook_session")
      .map((entry) => `${entry.name}=${entry.value}`)
      .join("; ");
    expect(cookie).not.toBe("");
    const caseId = caseUrl.split("/").pop() as string;
    // The reader's session, on the co-editing socket itself (their page has no editor to type in).
    const readerEditor = openNodeEditor(baseUrl, cookie, caseId);
    try {
      await until(() => readerEditor.provider.isSynced, "the reader connected");
      addParagraph(readerEditor.doc, "Written with the reader's session.");
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await text(page).textContent()).not.toContain("Written with the reader's session.");
    } finally {
      readerEditor.destroy();
    }
    await page.reload();
    await expect.poll(() => text(page).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await text(page).textContent()).not.toContain("Written with the reader's session.");
    // And the editor page itself is closed to them.
    const response = await reader.goto(`${caseUrl}/edit`);
    expect(response?.status()).toBe(403);
    await page.context().close();
    await reader.context().close();
  });
});
