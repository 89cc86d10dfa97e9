import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxMail, signUpAndConfirm } from "../helpers/accounts";
import { launchChromium, signIn, testBaseUrl, testOutboxDir } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(options: { width?: number; javaScriptEnabled?: boolean } = {}) {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    acceptDownloads: true,
  });
  return context.newPage();
}

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** A new person with no workspace yet (demo users keep exactly the workspaces other tests expect). */
async function signUpNewPerson(page: Page, name: string) {
  await page.goto(`${baseUrl}/sign-up`);
  await signUpAndConfirm(page, { name, email: `exports${unique()}@example.test` }, (to) =>
    outboxMail(testOutboxDir(), to),
  );
  await expect.poll(() => page.getByText("You are not in a workspace yet.").isVisible()).toBe(true);
}

async function importFile(page: Page, path: string) {
  await page.getByRole("link", { name: "Import a workspace" }).click();
  await expect
    .poll(() => page.getByRole("heading", { level: 1, name: "Import a workspace" }).isVisible())
    .toBe(true);
  await page.getByLabel("Workspace export file").setInputFiles(path);
  await page.getByRole("button", { name: "Import as a new workspace" }).click();
}

const DEMO_TITLES = [
  /^Mauritania — religious dialogue/,
  /^Algeria — negotiations/,
  /^Somalia — signalled openness/,
  /^Mali, Ségou — local truce/,
];

describe("exports", () => {
  it("lets an editor download a case as Markdown with its tags and citations kept", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "editor");
    await page
      .getByRole("link", { name: /Mali, Ségou/ })
      .first()
      .click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: /Mali, Ségou/ }).isVisible())
      .toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Markdown", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      "Mali, Ségou — local truce between Katiba Macina and local militias.md",
    );
    const markdown = readFileSync((await download.path())!, "utf8");
    expect(markdown).toContain("# Mali, Ségou — local truce between Katiba Macina and local militias");
    expect(markdown).toMatch(/\[a temporary truce\[\^\d+\]\]\{tag: Temporary truce or ceasefire\}/);
    // The reference in the workspace's style (APA 7 by default): the title in italics.
    expect(markdown).toMatch(/\n\[\^1\]: \*Opinion piece on dialogue with jihadist armed groups/);
    await page.context().close();
  });

  it("exports the demo workspace for its owner, and imports the file as a new workspace", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "owner");
    await page.goto(`${baseUrl}/workspaces`);
    await page.getByRole("link", { name: /^Export Sahel dialogue casebook/ }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Export this workspace" }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(/The file will hold \d+ cases/).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Export the workspace" }).click();
    const downloadLink = page.getByRole("link", {
      name: /^Download workspace-sahel-dialogue-casebook-demo-/,
    });
    await expect.poll(() => downloadLink.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByText("Your export is ready:").isVisible()).toBe(true);
    const fileUrl = await downloadLink.getAttribute("href");
    const [download] = await Promise.all([page.waitForEvent("download"), downloadLink.click()]);
    const path = join(tmpdir(), `demo-export-${unique()}.json`);
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, "utf8"));
    expect(file.format).toBe("mediation-casebook/workspace");
    await expect.poll(() => page.getByText(/^Downloaded\./).isVisible()).toBe(true);
    // The file is removed once downloaded: the same address again says so, as a page (issue 13).
    const again = await page.goto(`${baseUrl}${fileUrl}`);
    expect(again?.status()).toBe(404);
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Not found" }).isVisible())
      .toBe(true);
    expect(await page.locator("main").textContent()).toContain("This export is no longer on the server");
    await page.context().close();

    // Someone else imports it: a new workspace of their own, with the four demo cases.
    const importer = await newPage();
    await signUpNewPerson(importer, "Importing Colleague");
    await importFile(importer, path);
    await expect
      .poll(
        () => importer.getByText(/Imported “Sahel dialogue casebook \(demo\) \(imported\)”/).isVisible(),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    for (const title of DEMO_TITLES) {
      await expect.poll(() => importer.getByRole("link", { name: title }).first().isVisible()).toBe(true);
    }
    await importer
      .getByRole("link", { name: /Mali, Ségou/ })
      .first()
      .click();
    await expect
      .poll(() => importer.getByRole("heading", { level: 1, name: /Mali, Ségou/ }).isVisible())
      .toBe(true);
    const tag = importer.locator("article span.tag", { hasText: "a temporary truce" });
    await expect.poll(() => tag.isVisible()).toBe(true);
    expect(await tag.getAttribute("title")).toBe("Temporary truce or ceasefire");
    await importer.context().close();
  });

  it("refuses a file that is not a workspace export, saying why", async () => {
    const page = await newPage({ width: 360 });
    await signUpNewPerson(page, "Wrong File Person");
    const path = join(tmpdir(), `not-an-export-${unique()}.json`);
    writeFileSync(path, JSON.stringify([{ id: "a", type: "report", title: "A Zotero item" }]));
    await importFile(page, path);
    await expect
      .poll(() => page.getByText(/This is not a workspace export of Mediation Casebook/).isVisible())
      .toBe(true);
    expect(page.url()).toContain("/workspaces/import");
    await page.context().close();
  });

  it("shows the progress of a long export, with and without JavaScript", async () => {
    // A large workspace of this person's own, made by importing a generated file.
    const count = 1500;
    const body = (i: number) => ({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Context" }] },
        {
          type: "paragraph",
          content: [{ type: "text", text: `Generated case number ${i} for the progress test.` }],
        },
      ],
    });
    const fields = {
      regions: ["Mali"],
      periodStart: 2020,
      periodStartCirca: false,
      periodEnd: null,
      periodEndCirca: false,
      actors: [],
      mediators: [],
      summary: "",
    };
    const big = {
      format: "mediation-casebook/workspace",
      version: 1,
      workspace: { name: "Large programme" },
      codes: [],
      sources: [],
      cases: Array.from({ length: count }, (_, i) => ({
        id: `case${i}`,
        title: `Generated case ${i}`,
        ...fields,
        status: "draft",
        revision: 1,
        approvedRevision: null,
        createdAt: "2024-01-01T00:00:00Z",
        updatedAt: "2024-01-01T00:00:00Z",
        body: body(i),
        revisions: [
          {
            number: 1,
            note: "",
            fields: { title: `Generated case ${i}`, ...fields },
            body: body(i),
            createdAt: "2024-01-01T00:00:00Z",
          },
        ],
      })),
    };
    const path = join(tmpdir(), `large-${unique()}.json`);
    writeFileSync(path, JSON.stringify(big));

    const page = await newPage();
    await signUpNewPerson(page, "Large Programme Lead");
    await importFile(page, path);
    await expect
      .poll(() => page.getByText(/Imported “Large programme \(imported\)”/).isVisible(), { timeout: 30_000 })
      .toBe(true);
    await page.goto(`${baseUrl}/workspaces`);
    await page.getByRole("link", { name: /^Export Large programme/ }).click();
    await page.getByRole("button", { name: "Export the workspace" }).click();
    // The page shows the count as it goes, then the download.
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /^Exported [\d,]+ of 1,500 cases$/ })
          .isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole("progressbar").count()).toBe(1);
    await expect
      .poll(
        () => page.getByRole("link", { name: /^Download workspace-large-programme-imported-/ }).isVisible(),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    expect(await page.getByText("Your export is ready: 1,500 cases").isVisible()).toBe(true);
    const cookies = await page.context().cookies();
    const workspaceUrl = page.url().replace(/\?.*$/, "");
    await page.context().close();

    // Without JavaScript the status page refreshes itself until the file is ready.
    const plain = await newPage({ javaScriptEnabled: false });
    await plain.context().addCookies(cookies);
    await plain.goto(workspaceUrl);
    await plain.getByRole("button", { name: "Export again" }).click();
    await expect.poll(() => plain.url()).toMatch(/\?job=[a-z0-9]+$/);
    await expect
      .poll(
        () => plain.getByRole("link", { name: /^Download workspace-large-programme-imported-/ }).isVisible(),
        {
          timeout: 30_000,
        },
      )
      .toBe(true);
    await plain.context().close();
  });
});
