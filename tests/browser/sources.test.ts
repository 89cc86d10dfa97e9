import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  return context.newPage();
}

const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

describe("sources library", () => {
  it("lets an editor add a source, find it by author and correct its title", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "editor");
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Sources" }).click();
    // The first page with formatted references in this server can take seconds on a busy machine.
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Sources" }).isVisible(), { timeout: 15_000 })
      .toBe(true);

    const family = `Ouédraogo${unique()}`;
    await page.getByRole("link", { name: "Add a source" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "New source" }).isVisible())
      .toBe(true);
    await page.getByLabel("Type").selectOption("report");
    await page.getByLabel("Title").fill("Local mediation in Burkina Faso");
    await page.getByLabel("Authors").fill(`${family}, Salif\nInternational Crisis Group`);
    await page.getByLabel("Year or date published").fill("20222");
    await page.getByRole("button", { name: "Add source" }).click();
    // A wrong year is explained next to the field, and what was typed stays.
    await expect
      .poll(() => page.getByText("Enter a year (2021) or a date (2021-05-03).").isVisible())
      .toBe(true);
    expect(await page.getByLabel("Authors").inputValue()).toBe(
      `${family}, Salif\nInternational Crisis Group`,
    );
    await page.getByLabel("Year or date published").fill("2022");
    await page.getByRole("button", { name: "Add source" }).click();
    await expect
      .poll(() =>
        page.getByRole("heading", { level: 1, name: "Local mediation in Burkina Faso" }).isVisible(),
      )
      .toBe(true);
    await expect
      // APA 7, formatted by citeproc.
      .poll(() =>
        page
          .getByText(`${family}, S. & International Crisis Group. (2022). Local mediation in Burkina Faso.`)
          .isVisible(),
      )
      .toBe(true);

    await page.getByRole("link", { name: "Sources" }).first().click();
    await expect
      .poll(() => page.getByRole("link", { name: "Local mediation in Burkina Faso" }).count())
      .toBeGreaterThan(0);
    await page.getByLabel("Search sources").fill(family.toLowerCase());
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.getByText(/1 of \d+ sources? match/).isVisible()).toBe(true);
    const results = page.getByRole("list", { name: "Sources" }).getByRole("listitem");
    expect(await results.count()).toBe(1);
    await results.getByRole("link", { name: "Local mediation in Burkina Faso" }).click();

    await expect.poll(() => page.getByText("Edit source").isVisible()).toBe(true);
    await page.getByText("Edit source").click();
    await page.getByLabel("Title").fill("Local mediation in northern Burkina Faso");
    await page.getByRole("button", { name: "Save source" }).click();
    await expect
      .poll(() =>
        page.getByRole("heading", { level: 1, name: "Local mediation in northern Burkina Faso" }).isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByText("No case cites this source yet.").isVisible()).toBe(true);
    await page.context().close();
  });

  it("imports a CSL-JSON file and reports the item it skipped and why", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casebook-import-"));
    const file = join(dir, "zotero-export.json");
    const title = `Ceasefire monitoring handbook ${unique()}`;
    writeFileSync(
      file,
      JSON.stringify([
        { id: "ok", type: "book", title, author: [{ family: "Bassolé", given: "Djibril" }], issued: "2015" },
        { id: "broken", type: "report", author: [{ family: "Untitled" }] },
      ]),
    );
    const page = await newPage();
    await signIn(page, baseUrl, "editor");
    await page.goto(`${page.url().replace(/\/cases.*$/, "")}/sources`);
    await page.getByRole("link", { name: "Import sources" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Import sources" }).isVisible())
      .toBe(true);
    await page.getByLabel("Sources file").setInputFiles(file);
    await page.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => page.getByText("Imported 1 source. Skipped 1 item.").isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Item 2 (id "broken"): missing title').isVisible()).toBe(true);
    await page.getByRole("link", { name: title }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: title }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("imports a BibTeX file: accents, crossref parents and pages kept, broken entries reported", async () => {
    const dir = mkdtempSync(join(tmpdir(), "casebook-import-"));
    const file = join(dir, "library.bib");
    const book = `Handbook of Sahel mediation ${unique()}`;
    writeFileSync(
      file,
      [
        `@book{hb, title = {${book}}, publisher = {Hurst}, year = 2019}`,
        "@incollection{ch, crossref = {hb}, author = {Ke{\\\"\\i}ta, Nadia and others}, title = {Talks in S{\\'e}gou}, pages = {12--34}}",
        "@misc{broken, title = {Unclosed",
        "",
      ].join("\n"),
    );
    const page = await newPage();
    await signIn(page, baseUrl, "editor");
    await page.goto(`${page.url().replace(/\/cases.*$/, "")}/sources/import`);
    await page.getByLabel("Sources file").setInputFiles(file);
    await page.getByRole("button", { name: "Import" }).click();
    await expect.poll(() => page.getByText("Imported 2 sources. Skipped 1 item.").isVisible()).toBe(true);
    await expect
      .poll(() => page.getByText(/^Entry 3 \(key "broken"\): cannot be read/).isVisible())
      .toBe(true);
    await page.getByRole("link", { name: "Talks in Ségou" }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Talks in Ségou" }).isVisible())
      .toBe(true);
    // The chapter took its book, publisher and year from its crossref parent; "and others" is no author.
    await expect
      .poll(() =>
        page.getByText(`Keïta, N. (2019). Talks in Ségou. In ${book} (pp. 12–34). Hurst.`).isVisible(),
      )
      .toBe(true);
    await page.context().close();
  });

  it("shows the cases citing the demo article and refuses to delete it", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "editor");
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Sources" }).click();
    await page.getByRole("link", { name: /^Opinion piece on dialogue/ }).click();
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Cited in" }).isVisible()).toBe(true);
    const citedIn = page.getByRole("region", { name: "Cited in" });
    await expect.poll(() => citedIn.getByRole("link", { name: /Mauritania/ }).isVisible()).toBe(true);
    await expect.poll(() => citedIn.getByRole("link", { name: /Algeria/ }).isVisible()).toBe(true);
    await expect
      .poll(() =>
        citedIn
          .getByText(/para\. \d+/)
          .first()
          .isVisible(),
      )
      .toBe(true);

    await page.getByRole("button", { name: "Delete source" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("alert")
          .filter({ hasText: /Cited in \d+ cases.*remove those citations first/ })
          .isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole("button", { name: "Yes, delete it" }).count()).toBe(0);
    await page.context().close();
  });

  it("lets an owner choose the citation style, which every reference then follows", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "owner");
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Sources" }).click();
    await expect.poll(() => page.getByLabel("Citation style").isVisible()).toBe(true);
    const seed = page
      .getByRole("listitem")
      .filter({ hasText: "(seed article)" })
      .locator(".source-reference");
    expect(await seed.textContent()).toBe(
      "Opinion piece on dialogue with jihadist armed groups in the Sahel (seed article). (n.d.).",
    );
    await page.getByLabel("Citation style").selectOption({ label: "Chicago (author-date)" });
    await page.getByRole("button", { name: "Save style" }).click();
    // The first page in a style not used before builds its citation engine (seconds on a busy machine).
    await expect
      .poll(() => page.getByText("Citation style saved.").isVisible(), { timeout: 30_000 })
      .toBe(true);
    await expect
      .poll(() => seed.textContent())
      .toBe("Opinion Piece on Dialogue with Jihadist Armed Groups in the Sahel (Seed Article). n.d.");
    await page.context().close();

    // Others see which style applies, and cannot change it.
    const editor = await newPage();
    await signIn(editor, baseUrl, "editor");
    await editor.goto(`${editor.url().replace(/\/cases.*$/, "")}/sources`);
    await expect
      .poll(() => editor.getByText("References follow Chicago (author-date).").isVisible())
      .toBe(true);
    expect(await editor.getByLabel("Citation style").count()).toBe(0);
    await editor.context().close();
  });

  it("lets a trainer download the library as BibTeX", async () => {
    const page = await newPage();
    await signIn(page, baseUrl, "trainer");
    await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Sources" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Sources" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Add a source" }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "BibTeX" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sources-.*\.bib$/);
    const text = readFileSync((await download.path()) ?? "", "utf8");
    expect(text).toContain("@");
    expect(text).toContain("Opinion piece on dialogue with jihadist armed groups");
    await page.context().close();
  });
});
