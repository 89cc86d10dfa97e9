import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

// Every converted page, rendered in each language: no missing-key marker (⟦key⟧, utils/i18n.ts), the right
// <html lang>, and no error in the browser console (a hydration mismatch shows up there).
// Add the pages of your area to SIGNED_IN_PAGES / VISITOR_PAGES when you convert them.

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const BROWSER_LOCALE = { en: "en-GB", fr: "fr-FR" } as const;

async function newPage(language: keyof typeof BROWSER_LOCALE) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: BROWSER_LOCALE[language], // sets Accept-Language: the default for visitors and "browser language"
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error") problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return { page, problems };
}

/** Waits for the page to be hydrated enough, then checks it has no missing key. */
async function expectFullyTranslated(page: Page, problems: string[], language: string) {
  await page.waitForLoadState("networkidle");
  expect(await page.getAttribute("html", "lang")).toBe(language);
  // Text, including hidden menus, plus the attributes people hear or see (labels, tooltips, placeholders).
  const text = await page.evaluate(() => {
    const attributes = [...document.querySelectorAll("[aria-label], [title], [placeholder], [alt]")].flatMap(
      (element) =>
        ["aria-label", "title", "placeholder", "alt"].map((name) => element.getAttribute(name) ?? ""),
    );
    return [document.title, document.body.textContent ?? "", ...attributes].join("\n");
  });
  expect(text, page.url()).not.toContain("⟦");
  expect(problems, page.url()).toEqual([]);
}

/** Signs in as the demo owner on a sign-in page shown in `language`. */
async function signInIn(page: Page, language: "en" | "fr") {
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[name="email"]').fill("owner@example.org");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: language === "fr" ? "Se connecter" : "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

const VISITOR_PAGES = ["/sign-in", "/sign-up"];
const SIGNED_IN_PAGES = ["/workspaces", "/account", "/w/does-not-exist/cases"];

describe("every converted page renders with no missing key", () => {
  for (const language of ["en", "fr"] as const) {
    it(`in ${language}`, async () => {
      const { page, problems } = await newPage(language);
      for (const path of VISITOR_PAGES) {
        await page.goto(`${baseUrl}${path}`);
        await expectFullyTranslated(page, problems, language);
      }
      await signInIn(page, language);
      for (const path of SIGNED_IN_PAGES) {
        await page.goto(`${baseUrl}${path}`);
        // A 404 answer is logged in the console by the browser itself: only the text matters there.
        if (path.includes("does-not-exist")) problems.length = 0;
        await expectFullyTranslated(page, problems, language);
        problems.length = 0;
      }
      await page.context().close();
    });
  }
});

describe("choosing the language", () => {
  it("a visitor switches the sign-in page to French and reads a refused sign-in in French", async () => {
    const { page } = await newPage("en");
    await page.goto(`${baseUrl}/sign-in`);
    await expect.poll(() => page.getByRole("heading", { name: "Sign in" }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Français" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Connexion" }).isVisible()).toBe(true);
    await page.getByLabel("Adresse e-mail").fill("owner@example.org");
    await page.getByLabel("Mot de passe").fill("not the password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect
      .poll(() =>
        page
          .getByText("Cette adresse e-mail et ce mot de passe ne correspondent à aucun compte.")
          .isVisible(),
      )
      .toBe(true);
    // The choice is remembered for the next visit.
    await page.goto(`${baseUrl}/sign-up`);
    await expect.poll(() => page.getByRole("heading", { name: "Créer un compte" }).isVisible()).toBe(true);
    await page.context().close();
  });

  it("a signed-in user switches to French on the account page and sees the header in French", async () => {
    const { page } = await newPage("en");
    await signIn(page, baseUrl, "editor");
    await page.goto(`${baseUrl}/account`);
    await expect.poll(() => page.getByRole("heading", { name: "Your account" }).isVisible()).toBe(true);
    await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
    await page.getByRole("button", { name: "Save language" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Votre compte" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Langue enregistrée.").isVisible()).toBe(true);
    expect(await page.getAttribute("html", "lang")).toBe("fr");

    // The header of a workspace page, in French.
    await page.getByRole("link", { name: "Mediation Casebook" }).click();
    const nav = page.getByRole("navigation", { name: "Espace de travail" });
    await expect.poll(() => nav.isVisible()).toBe(true);
    await expect.poll(() => nav.getByRole("link", { name: "Cas", exact: true }).isVisible()).toBe(true);
    await expect.poll(() => nav.getByRole("link", { name: "Grille de codage" }).isVisible()).toBe(true);
    await page.locator(".user-menu summary").click();
    await expect
      .poll(() => page.getByRole("link", { name: "Compte et mot de passe" }).isVisible())
      .toBe(true);

    // Back to the browser's language (English here).
    await page.goto(`${baseUrl}/account`);
    await page.getByRole("combobox", { name: "Langue" }).selectOption("");
    await page.getByRole("button", { name: "Enregistrer la langue" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Your account" }).isVisible()).toBe(true);
    await page.context().close();
  });
});
