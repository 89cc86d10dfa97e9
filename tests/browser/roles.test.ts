// What a new user met (issue 13): each page speaks to what the person's role can do, an owner cannot sign off
// their own text alone, and owners keep the workspace's settings on a page of their own.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCase, workspaceOf } from "../helpers/case-pages";
import { type DemoRole, hydrated, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function person(who: DemoRole): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, who);
  return page;
}

const shown = (page: Page, text: string | RegExp) =>
  expect.poll(() => page.getByText(text).first().isVisible(), { timeout: 15_000 }).toBe(true);
const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

describe("words for the role", () => {
  it("tells a reviewer what they can do with an approved case, not that editing starts a draft", async () => {
    const page = await person("reviewer");
    // The demo's Mauritania case is approved.
    const caseHref = await page
      .getByRole("link", { name: /^Mauritania/ })
      .first()
      .getAttribute("href");
    await page.goto(`${baseUrl}${caseHref}/review`);
    await shown(page, "This approved revision is what trainers read.");
    expect(await mainText(page)).not.toContain("Editing the case starts a new draft");
    await page.context().close();
  });

  it("tells a trainer that reviews and threads are not theirs, instead of listing threads that mention them", async () => {
    const page = await person("trainer");
    const workspace = workspaceOf(page);
    await page.goto(`${baseUrl}/w/${workspace}/reviews`);
    await shown(page, /As a trainer you read the approved version of each case/);
    expect(await mainText(page)).not.toContain("Threads that mention you");
    await page.goto(`${baseUrl}/w/${workspace}/notifications`);
    await shown(
      page,
      /Notifications here are about reviews and comments, which trainers do not take part in/,
    );
    await page.context().close();
  });
});

describe("review by someone else", () => {
  it("lets an owner submit what they wrote, but not approve it alone; another reviewer approves it", async () => {
    const owner = await person("owner");
    const caseUrl = await createCase(owner, `Owner's own case ${Date.now()}`);
    await owner.goto(`${caseUrl}/review`);
    await hydrated(owner);
    // The owner, who wrote it last, is not offered as a reviewer of their own text.
    expect(await owner.getByLabel(/Olivia Owner/).count()).toBe(0);
    await owner.getByLabel(/Rokia Reviewer/).check();
    await owner.getByRole("button", { name: "Submit for review" }).click();
    await shown(owner, /submitted for review\. The reviewers are notified\./);
    await owner.goto(`${caseUrl}/review`);
    await shown(owner, /You edited this case last, and this workspace asks for approval by someone else/);
    expect(await owner.getByRole("button", { name: /^Approve revision/ }).count()).toBe(0);
    await owner.context().close();

    const reviewer = await person("reviewer");
    await reviewer.goto(`${caseUrl}/review`);
    await hydrated(reviewer);
    await reviewer.getByRole("button", { name: /^Approve revision/ }).click();
    await shown(reviewer, /^Approved revision \d+/);
    await reviewer.context().close();
  });
});

describe("workspace settings", () => {
  it("lets an owner rename the workspace and give it a default language, which members who chose none read", async () => {
    const owner = await person("owner");
    const workspace = workspaceOf(owner);
    await owner.goto(`${baseUrl}/w/${workspace}/settings`);
    await hydrated(owner);
    await owner.getByLabel("Workspace name").fill("Sahel dialogue casebook (team)");
    await owner.getByLabel("Interface language").selectOption("fr");
    await owner.getByRole("button", { name: "Save settings" }).click();
    // The owner never chose a language either: the page after saving is in the new default (French), and
    // the toast may come before or after the page's language changes.
    await shown(owner, /^(Settings saved\.|Réglages enregistrés\.)$/);
    const switcher = owner.locator(".workspace-switcher > summary");
    await expect.poll(() => switcher.textContent()).toContain("Sahel dialogue casebook (team)");

    // The reviewer never chose a language: the workspace's pages are now in French for them.
    const reviewer = await person("reviewer");
    await reviewer.goto(`${baseUrl}/w/${workspace}/cases`);
    await expect.poll(() => reviewer.getAttribute("html", "lang")).toBe("fr");
    await shown(reviewer, "Sahel dialogue casebook (team)");
    await reviewer.context().close();

    // The owner chose no language either: the settings page is in French now. Put back as it was.
    await owner.goto(`${baseUrl}/w/${workspace}/settings`);
    await hydrated(owner);
    await owner.getByLabel("Nom de l’espace de travail").fill("Sahel dialogue casebook (demo)");
    await owner.getByLabel("Langue de l’interface").selectOption("");
    await owner.getByRole("button", { name: "Enregistrer les réglages" }).click();
    await shown(owner, /^(Settings saved\.|Réglages enregistrés\.)$/);
    await owner.context().close();
  });

  it("is for owners only", async () => {
    const editor = await person("editor");
    const answer = await editor.goto(`${baseUrl}/w/${workspaceOf(editor)}/settings`);
    expect(answer?.status()).toBe(403);
    expect(
      await editor
        .getByRole("navigation", { name: "Workspace" })
        .getByRole("link", { name: "Settings" })
        .count(),
    ).toBe(0);
    await editor.context().close();
  });
});
