// Oversized files on every upload page: refused in the page before a byte is sent (with JavaScript), and
// answered with a readable page in the reader's language without it (never a reset connection).
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hydrated, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
const MB = 1024 * 1024;
let browser: Browser;
let folder: string;

/** A file of `bytes` bytes that takes no room on disk (Chromium reads its size, never its content here). */
function sparseFile(name: string, bytes: number) {
  const path = join(folder, name);
  writeFileSync(path, "");
  truncateSync(path, bytes);
  return path;
}

beforeAll(async () => {
  browser = await launchChromium();
  folder = mkdtempSync(join(tmpdir(), "casebook-uploads-"));
});
afterAll(async () => {
  await browser?.close();
  rmSync(folder, { recursive: true, force: true });
});

const TEXT = {
  en: {
    sources: "This file is larger than 5 MB. Split it into smaller files and import them one by one.",
    sourcesServer: "The file is larger than 5 MB.",
    workspace:
      "This file is larger than 50 MB, more than a workspace export can be. Check that you chose the right file.",
    workspaceServer:
      "The file is larger than 50 MB, more than a workspace export can be. Nothing was imported.",
    back: "Go back",
  },
  fr: {
    sources: "Ce fichier dépasse 5 Mo. Découpez-le en fichiers plus petits et importez-les un par un.",
    sourcesServer: "Le fichier dépasse 5 Mo.",
    workspace:
      "Ce fichier dépasse 50 Mo, plus qu’un export d’espace de travail ne peut peser. Vérifiez que vous avez choisi le bon fichier.",
    workspaceServer:
      "Le fichier dépasse 50 Mo, plus qu’un export d’espace de travail ne peut peser. Rien n’a été importé.",
    back: "Revenir en arrière",
  },
} as const;

async function ownerPage(language: "en" | "fr", javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({
    locale: language === "fr" ? "fr-FR" : "en-GB",
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  // The sign-in form's labels are in the browser's language: sign in through the English page.
  const english = await browser.newContext({ locale: "en-GB", javaScriptEnabled });
  const signInPage = await english.newPage();
  await signIn(signInPage, baseUrl, "owner");
  await context.addCookies(await english.cookies());
  await english.close();
  return page;
}

/** The demo workspace's sources import page (the owner's first workspace). */
async function sourcesImportPath(page: Page) {
  await page.goto(`${baseUrl}/`);
  const workspace = new URL(page.url()).pathname.match(/^\/w\/[a-z0-9]+/)?.[0];
  if (workspace) return `${workspace}/sources/import`;
  const href = await page.locator('main a[href^="/w/"]').first().getAttribute("href");
  return `${href?.match(/^\/w\/[a-z0-9]+/)?.[0]}/sources/import`;
}

describe("oversized uploads", () => {
  for (const language of ["en", "fr"] as const) {
    it(`are refused in the page before they are sent, in ${language}`, async () => {
      const big = sparseFile(`sources-${language}.json`, 6 * MB);
      const huge = sparseFile(`workspace-${language}.json`, 51 * MB);
      const page = await ownerPage(language);
      const sent: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST") sent.push(request.url());
      });

      await page.goto(`${baseUrl}${await sourcesImportPath(page)}`);
      await hydrated(page);
      await page.locator('input[type="file"]').setInputFiles(big);
      await expect.poll(() => page.getByRole("alert").textContent()).toBe(TEXT[language].sources);
      expect(await page.locator('form:has(input[type="file"]) button[type="submit"]').isDisabled()).toBe(
        true,
      );

      await page.goto(`${baseUrl}/workspaces/import`);
      await hydrated(page);
      await page.locator('input[type="file"]').setInputFiles(huge);
      await expect.poll(() => page.getByRole("alert").textContent()).toBe(TEXT[language].workspace);
      expect(await page.locator('form:has(input[type="file"]) button[type="submit"]').isDisabled()).toBe(
        true,
      );
      // Pressing Enter in the form cannot send it either.
      await page.locator('input[type="file"]').focus();
      await page.keyboard.press("Enter");
      expect(sent).toEqual([]);
      await page.context().close();
    });
  }

  for (const language of ["en", "fr"] as const) {
    it(`are answered with a page saying why, without JavaScript, in ${language}`, async () => {
      const big = sparseFile(`sources-nojs-${language}.json`, 7 * MB);
      const huge = sparseFile(`workspace-nojs-${language}.json`, 60 * MB);
      const page = await ownerPage(language, false);

      const importPath = await sourcesImportPath(page);
      await page.goto(`${baseUrl}${importPath}`);
      await page.locator('input[type="file"]').setInputFiles(big);
      const sources = page.waitForResponse((response) => response.request().method() === "POST");
      await page.locator('form:has(input[type="file"]) button[type="submit"]').click();
      expect((await sources).status()).toBe(413);
      await expect.poll(() => page.getByRole("alert").textContent()).toContain(TEXT[language].sourcesServer);
      await page.getByRole("link", { name: TEXT[language].back }).click();
      await page.waitForURL(`${baseUrl}${importPath}`);

      await page.goto(`${baseUrl}/workspaces/import`);
      await page.locator('input[type="file"]').setInputFiles(huge);
      const workspace = page.waitForResponse((response) => response.request().method() === "POST");
      await page.locator('form:has(input[type="file"]) button[type="submit"]').click();
      expect((await workspace).status()).toBe(413);
      await expect.poll(() => page.getByRole("alert").textContent()).toBe(TEXT[language].workspaceServer);
      expect(await page.getAttribute("html", "lang")).toBe(language);
      await page.context().close();
    });
  }
});
