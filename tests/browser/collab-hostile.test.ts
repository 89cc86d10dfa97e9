// A hostile co-editor (issue 13), as the person editing next to it meets it: a connection that sends a
// javascript: link, a <script> element and lists a thousand deep is refused each time; the person's page
// never receives any of it, never says "Not stored", says "All changes saved" only once the text is in the
// database, and the text is there after the server is killed and started again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type NodeEditor, openNodeEditor, until } from "../../scripts/bench/collab";
import { clickUnder, createCase } from "../helpers/case-pages";
import { launchChromium, sessionCookie, signIn } from "../helpers/chromium";
import { HOSTILE_CHANGES } from "../helpers/hostile-changes";
import { startTestServer, type TestServer } from "../helpers/test-server";

const dir = mkdtempSync(join(tmpdir(), "casebook-collab-hostile-"));
const databaseFile = join(dir, "casebook.db");
let server: TestServer | null = null;
let browser: Browser;
const hostiles: NodeEditor[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  for (const hostile of hostiles) hostile.destroy();
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every text the status line shows, from now on, as the page shows them. */
async function recordStatuses(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { statusesSeen: string[] }).statusesSeen = seen;
    const status = document.querySelector(".save-status");
    if (!status) throw new Error("no status line");
    seen.push(status.textContent ?? "");
    new MutationObserver(() => seen.push(status.textContent ?? "")).observe(status, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen);
}

const storedText = (caseId: string) => {
  const database = new Database(databaseFile, { readonly: true });
  try {
    return (
      database.prepare("select body_text as text from cases where id = ?").get(caseId) as { text: string }
    ).text;
  } finally {
    database.close();
  }
};

it("keeps the person's text stored while a hostile co-editor sends what the schema refuses", async () => {
  server = await startTestServer({}, { databaseFile });
  const port = Number(new URL(server.baseUrl).port);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.baseUrl, "editor");
  const caseUrl = await createCase(page, "Hostile neighbour");
  const caseId = caseUrl.split("/").pop() as string;
  await page.goto(`${caseUrl}/edit`);
  const status = page.locator(".save-status");
  await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe("All changes saved");
  const statuses = await recordStatuses(page);
  const text = page.getByRole("textbox", { name: "Case text" });

  const cookie = await sessionCookie(server.baseUrl, "owner@example.org");
  for (const { what, make: poison } of HOSTILE_CHANGES) {
    const hostile = openNodeEditor(server.baseUrl, cookie, caseId);
    hostiles.push(hostile);
    const closes: number[] = [];
    hostile.provider.on("close", ({ event }: { event: { code: number } }) => closes.push(event.code));
    await until(() => hostile.provider.isSynced, `the hostile editor synced before ${what}`);
    poison(hostile.doc);
    await until(() => closes.includes(4422), `the connection that sent ${what} closed`);
    hostile.destroy();

    await clickUnder(page, "Context");
    await page.keyboard.press("End");
    await page.keyboard.type(`Typed beside ${what}. `);
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toBe("All changes saved");
  }

  // Nothing of it reached the page: no link at all (javascript: or emptied), no script, no deep list.
  expect(await text.locator("a").count()).toBe(0);
  expect(await text.textContent()).not.toContain("alert(document.cookie)");
  expect(await text.textContent()).not.toContain("Hostile");
  expect((await statuses()).filter((seen) => seen.startsWith("Not stored"))).toEqual([]);

  // "All changes saved" meant stored: killed now, the server loses none of it.
  for (const { what } of HOSTILE_CHANGES) expect(storedText(caseId)).toContain(`Typed beside ${what}.`);
  await context.close();
  await server.kill();
  server = await startTestServer({}, { databaseFile, port });

  // A fresh browser (no copy of the text on the device) reads it from the restarted server.
  const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const reader = await fresh.newPage();
  await signIn(reader, server.baseUrl, "editor");
  await reader.goto(`${caseUrl}/edit`);
  const readerText = reader.getByRole("textbox", { name: "Case text" });
  for (const { what } of HOSTILE_CHANGES)
    await expect.poll(() => readerText.textContent(), { timeout: 15_000 }).toContain(`Typed beside ${what}.`);
  expect(await readerText.locator("a").count()).toBe(0);
  await fresh.close();
}, 120_000);
