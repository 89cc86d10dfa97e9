import type { Browser, ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, hydrated, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";
import { englishOnlyPhrases, englishWordRuns } from "../helpers/english-phrases";

// Every converted page, rendered in each language: no missing-key marker (⟦key⟧, utils/i18n.ts), the right
// <html lang>, no error in the browser console (a hydration mismatch shows up there), and on French pages no
// phrase of the English catalogue (an English default or stored English text that bypassed the catalogue).
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

const ENGLISH_PHRASES = englishOnlyPhrases();

/** The English catalogue phrases, and English sentences of no catalogue, in a French page's text. */
function englishIn(text: string): string[] {
  return [...ENGLISH_PHRASES.filter((phrase) => text.includes(phrase)), ...englishWordRuns(text)];
}

/** Waits for the page to be hydrated enough, then checks it has no missing key and no English on French. */
async function expectFullyTranslated(page: Page, problems: string[], language: string) {
  // Hydrated (the first client render said the same as the server's), then lazy chunks given a chance.
  await hydrated(page);
  await page.waitForLoadState("networkidle", { timeout: 5_000 }).catch(() => page.waitForLoadState("load"));
  expect(await page.getAttribute("html", "lang")).toBe(language);
  // Text, including hidden menus, plus the attributes people hear or see (labels, tooltips, placeholders).
  // What people wrote in another language (a case in English, marked with its own lang) is theirs to keep.
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const foreign of body.querySelectorAll(`[lang]:not([lang="${document.documentElement.lang}"])`))
      foreign.remove();
    // The page's data for hydration (inline scripts) holds people's text too; only what is shown counts.
    for (const script of body.querySelectorAll("script, style")) script.remove();
    const attributes = [...body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")].flatMap(
      (element) =>
        ["aria-label", "title", "placeholder", "alt"].map((name) => element.getAttribute(name) ?? ""),
    );
    return [document.title, body.textContent ?? "", ...attributes].join("\n");
  });
  expect(text, page.url()).not.toContain("⟦");
  if (language === "fr") expect(englishIn(text), page.url()).toEqual([]);
  expect(problems, page.url()).toEqual([]);
}

/** Signs in as the demo owner on a sign-in page shown in `language`. */
async function signInIn(page: Page, language: "en" | "fr") {
  await page.goto(`${baseUrl}/sign-in`);
  // Posting before hydration ends makes React report an error, which these tests count as a problem.
  await hydrated(page);
  await page.locator('input[name="email"]').fill("owner@example.org");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: language === "fr" ? "Se connecter" : "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

const VISITOR_PAGES = [
  "/sign-in",
  "/sign-up",
  "/invite/no-such-invite-token-0000000",
  "/forgot-password",
  "/reset-password/no-such-reset-token-0000000",
  "/verify-email/no-such-verify-token-000000",
];
const SIGNED_IN_PAGES = [
  "/workspaces",
  "/account",
  "/w/does-not-exist/cases",
  "/workspaces/import",
  "/invite/no-such-invite-token-0000000",
];

describe("every converted page renders with no missing key", () => {
  for (const language of ["en", "fr"] as const) {
    it(`in ${language}`, async () => {
      const { page, problems } = await newPage(language);
      for (const path of VISITOR_PAGES) {
        await page.goto(`${baseUrl}${path}`);
        // A link that no longer works answers 404, which the browser itself logs: only the text matters.
        if (path.includes("no-such")) problems.length = 0;
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

// Account security pages and the owners' workspace settings and mail pages (walked apart from the long walks).
const ACCOUNT_PAGES = ["/account/two-factor", "/account/sessions", "/account/delete"];
const OWNER_PAGES = ["/settings", "/mail"];

describe("account and workspace settings pages render with no missing key", () => {
  for (const language of ["en", "fr"] as const) {
    it(`in ${language}`, async () => {
      const { page, problems } = await newPage(language);
      await signInIn(page, language);
      const workspace = /\/w\/[a-z0-9]+/.exec(page.url())?.[0];
      expect(workspace).toBeTruthy();
      problems.length = 0;
      for (const path of [...ACCOUNT_PAGES, ...OWNER_PAGES.map((owner) => `${workspace}${owner}`)]) {
        await page.goto(`${baseUrl}${path}`);
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

/** The first workspace and case of the signed-in person's demo data: "/w/<id>" and "/w/<id>/cases/<id>". */
async function firstCase(page: Page) {
  await page.goto(`${baseUrl}/workspaces`);
  const workspace = await page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLAnchorElement>("a[href^='/w/']")]
        .map((link) => /^\/w\/[a-z0-9]+/.exec(link.getAttribute("href") ?? "")?.[0])
        .find(Boolean) ?? null,
  );
  expect(workspace).toBeTruthy();
  await page.goto(`${baseUrl}${workspace}/cases`);
  const caseUrl = await page.evaluate(
    () =>
      [...document.querySelectorAll<HTMLAnchorElement>("a[href*='/cases/']")]
        .map((link) => link.getAttribute("href") ?? "")
        .find((href) => /^\/w\/[a-z0-9]+\/cases\/(?!new$)[a-z0-9]+$/.test(href)) ?? null,
  );
  expect(caseUrl).toBeTruthy();
  return { workspace: workspace as string, caseUrl: caseUrl as string };
}

// Pages of a case (editor, review, comments, history, conditions) and "My reviews", found in the demo data.
const CASE_PAGES = [
  "{case}/edit",
  "{case}",
  "{case}/review",
  "{case}/history",
  "{case}/conditions",
  "{case}/details",
  "{case}/activity",
  "{case}/events",
  "{case}/links",
];
const WORKSPACE_PAGES = [
  "{workspace}/reviews",
  "{workspace}/cases",
  "{workspace}/cases?q=zzzz-no-match",
  "{workspace}/cases/new",
  "{workspace}/trash",
  "{workspace}/members",
  "{workspace}/notifications",
  "{workspace}/audit",
  "{workspace}/settings",
  "{workspace}/export",
  "{workspace}/codebook",
  "{workspace}/sources",
  "{workspace}/sources?q=zzzz-no-match",
  "{workspace}/sources/new",
  "{workspace}/sources/import",
  "{workspace}/matrix",
  "{workspace}/compare",
  "{workspace}/comparisons",
  "{workspace}/timeline",
  "{workspace}/timeline?q=zzzz-no-match",
  "{workspace}/actors",
  "{workspace}/actors?q=zzzz-no-match",
  "{workspace}/mediators",
  // Missing pages: the page's own words, never an English default (an unknown id, a malformed one).
  "{workspace}/cases/doesnotexist0000",
  "{workspace}/codebook/not-an-id",
];

describe("every converted page of a case renders with no missing key", () => {
  // Two halves (a case's pages, then the workspace's), each well inside the time limit on a busy machine.
  for (const [half, pages] of [
    ["a case's pages", CASE_PAGES],
    ["the workspace's pages", WORKSPACE_PAGES],
  ] as const)
    for (const language of ["en", "fr"] as const) {
      it(`${half} in ${language}`, async () => {
        const { page, problems } = await newPage(language);
        await signInIn(page, language);
        const { workspace, caseUrl } = await firstCase(page);
        const paths = pages.map((path) => path.replace("{case}", caseUrl).replace("{workspace}", workspace));
        problems.length = 0;
        for (const path of paths) {
          await page.goto(`${baseUrl}${path}`);
          // A 404 answer is logged in the console by the browser itself: only the text matters there.
          if (/doesnotexist|not-an-id/.test(path)) problems.length = 0;
          await expectFullyTranslated(page, problems, language);
          problems.length = 0;
        }
        if (pages === WORKSPACE_PAGES) {
          // An entry of the registry, reached from its list.
          await page.goto(`${baseUrl}${workspace}/actors?q=ghali`);
          await page.locator(".actor-list a").first().click();
          await page.waitForURL(/\/actors\/[a-z0-9]+$/);
          await expectFullyTranslated(page, problems, language);
        }
        await page.context().close();
      });
    }
});

/** Signs in as `who` (in English) and sets French on the account page. */
async function inFrench(who: "editor" | "reviewer") {
  const { page, problems } = await newPage("en");
  await signIn(page, baseUrl, who);
  await page.goto(`${baseUrl}/account`);
  await page.getByRole("combobox", { name: "Language" }).selectOption("fr");
  await page.getByRole("button", { name: "Save language" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Votre compte" }).isVisible()).toBe(true);
  return { page, problems };
}

/** Back to the browser's language, so that other tests find this person in English. */
async function backToBrowserLanguage(page: Page) {
  await page.goto(`${baseUrl}/account`);
  await page.getByRole("combobox", { name: "Langue" }).selectOption("");
  await page.getByRole("button", { name: "Enregistrer la langue" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Your account" }).isVisible()).toBe(true);
  await page.context().close();
}

describe("the case editor and comments in French", () => {
  it("an editor switched to French sees the editor's toolbar in French, and a new case's sections in French", async () => {
    const { page, problems } = await inFrench("editor");
    const { workspace, caseUrl } = await firstCase(page);
    await page.goto(`${baseUrl}${caseUrl}/edit`);
    const toolbar = page.getByRole("toolbar", { name: "Outils de texte" });
    await expect.poll(() => toolbar.isVisible()).toBe(true);
    const bold = toolbar.getByRole("button", { name: "Gras", exact: true });
    await expect.poll(() => bold.isVisible()).toBe(true);
    expect(await bold.getAttribute("title")).toBe("Gras (Ctrl+B)");
    const tag = toolbar.getByRole("button", { name: "Coder", exact: true });
    expect(await tag.getAttribute("title")).toBe("Coder (Ctrl+Maj+T ou Alt+Maj+T)");
    expect(await tag.textContent()).toBe("Coder");
    const cite = toolbar.getByRole("button", { name: "Citer", exact: true });
    expect(await cite.textContent()).toBe("Citer");
    await expect
      .poll(() => page.getByRole("complementary", { name: "Passages codés et citations" }).isVisible())
      .toBe(true);
    expect(await page.locator("html").textContent()).not.toContain("⟦");
    // The co-editing status bar: connected and saved, nobody else here, "Save version".
    await expect
      .poll(() =>
        page.getByRole("status").filter({ hasText: "Toutes les modifications sont enregistrées" }).count(),
      )
      .toBe(1);
    await expect.poll(() => page.getByRole("region", { name: "Qui est là" }).textContent()).toBe("Vous seul");
    expect(await page.getByRole("button", { name: "Enregistrer une version" }).getAttribute("title")).toBe(
      "Garder ce texte comme une version nommée",
    );
    expect(await page.getByRole("textbox", { name: "Texte du cas" }).count()).toBe(1);
    expect(await toolbar.getByRole("button", { name: /^Sensible/ }).getAttribute("title")).toBe(
      "Sensible : retiré des exports caviardés (Ctrl+Maj+X)",
    );

    // A case created in French starts with the standard sections in French.
    await page.goto(`${baseUrl}${workspace}/cases/new`);
    await page.locator('input[name="title"]').fill(`Cas en français ${Date.now()}`);
    await page.locator('input[name="regions"]').fill("Mali");
    await page.getByRole("button", { name: "Créer le cas" }).click();
    await page.waitForURL(/\/cases\/(?!new$)[a-z0-9]+$/);
    await page.goto(`${page.url()}/edit`);
    const headings = page.locator(".case-editor-text h2");
    await expect
      .poll(() => headings.allTextContents())
      .toEqual(["Contexte", "Acteurs", "Processus", "Préconditions", "Résultats", "Enseignements"]);
    // Each empty section says in French what to write there.
    await expect
      .poll(() =>
        page.locator(".case-editor-text [data-placeholder]").first().getAttribute("data-placeholder"),
      )
      .toMatch(/^Où et quand : le conflit/);
    const newCaseUrl = page.url().replace(/\/edit$/, "");

    // Its details page: the language names in French, then marked confidential.
    await page.goto(`${newCaseUrl}/details`);
    const language = page.getByRole("combobox", { name: "Langue du cas" });
    await expect.poll(() => language.isVisible()).toBe(true);
    expect(await language.locator('option[value="ar"]').textContent()).toBe("Arabe (العربية)");
    expect(await language.locator('option[value="fr"]').textContent()).toBe("Français");
    expect(await page.getByRole("heading", { name: "Confidentialité" }).isVisible()).toBe(true);
    expect(await page.locator("main").textContent()).not.toContain("⟦");
    await page.getByRole("checkbox", { name: /^Confidentiel : seuls les propriétaires/ }).check();
    await page.getByRole("button", { name: "Enregistrer la confidentialité" }).click();
    await expect
      .poll(() =>
        page
          .getByText(
            /^Ce cas est confidentiel : les propriétaires et \d+ membres? inscrits? peuvent le voir\.$/,
          )
          .isVisible(),
      )
      .toBe(true);
    expect(await page.locator(".case-meta .confidential-badge").textContent()).toBe("Confidentiel");
    expect(problems).toEqual([]);
    await backToBrowserLanguage(page);
  });

  it("a reviewer switched to French sends an empty comment and reads the refusal in French", async () => {
    const { page } = await inFrench("reviewer");
    // A demo case with text (the first case of the list may be one just created, still empty).
    const { workspace } = await firstCase(page);
    await page.goto(`${baseUrl}${workspace}/cases`);
    await page
      .getByRole("link", { name: /Somalia/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: /Somalia/ }).waitFor();
    const column = page.getByRole("complementary", { name: /Commentaires/ });
    await expect.poll(() => column.isVisible()).toBe(true);
    await hydrated(page);
    // Select the first words of the case text, as a person dragging over them would.
    await page.evaluate(() => {
      const root = document.querySelector(".case-body-html")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      let node = walker.nextNode() as Text | null;
      while (node && (node.data.trim().length < 20 || node.parentElement?.closest("h2, h3")))
        node = walker.nextNode() as Text | null;
      if (!node) throw new Error("the case has no text to comment on");
      const start = node.data.search(/\S/);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + 15);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    });
    const commentButton = page.locator(".selection-comment").getByRole("button", { name: "Commenter" });
    await expect.poll(() => commentButton.isVisible()).toBe(true);
    await commentButton.click();
    await expect.poll(() => column.getByLabel("Votre commentaire", { exact: true }).isVisible()).toBe(true);
    await column.getByRole("button", { name: "Commenter", exact: true }).click();
    await expect
      .poll(() => column.getByText("Écrivez un commentaire avant de l’envoyer.").isVisible())
      .toBe(true);
    await backToBrowserLanguage(page);
  });
});

describe("the case list in French", () => {
  it("an editor switched to French on the account page sees the case list, its filters and statuses in French", async () => {
    const { page, problems } = await inFrench("editor");
    const { workspace, caseUrl } = await firstCase(page);
    await page.goto(`${baseUrl}${workspace}/cases`);
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Cas" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("link", { name: "Nouveau cas" }).isVisible()).toBe(true);
    const search = page.getByRole("search", { name: "Rechercher des cas" });
    await expect.poll(() => search.getByRole("button", { name: "Rechercher" }).isVisible()).toBe(true);
    for (const legend of ["Pays ou région", "Période couvrant", "Statut", "Codes", "Auteur"])
      await expect.poll(() => search.locator("legend", { hasText: legend }).isVisible()).toBe(true);
    await expect.poll(() => search.getByRole("checkbox", { name: /Approuvé/ }).isVisible()).toBe(true);
    await expect
      .poll(() => page.locator(".case-result .status", { hasText: "Approuvé" }).first().isVisible())
      .toBe(true);
    await expect
      .poll(() => page.getByRole("heading", { level: 2, name: /^\d+ cas$/ }).isVisible())
      .toBe(true);
    expect(await page.getByRole("combobox", { name: /Trier par/ }).textContent()).toContain(
      "Dernière mise à jour",
    );

    // A search with no match says so in French.
    await search.getByRole("searchbox", { name: "Rechercher dans les cas" }).fill("zzzz-aucun-resultat");
    await search.getByRole("button", { name: "Rechercher" }).click();
    await expect.poll(() => page.getByText("Aucun cas ne correspond.").isVisible()).toBe(true);

    // The case page and its Markdown export: fixed labels in French, the case itself as written.
    await page.goto(`${baseUrl}${caseUrl}`);
    await expect
      .poll(() => page.getByRole("button", { name: "Mettre à la corbeille" }).isVisible())
      .toBe(true);
    const markdown = await (await page.request.get(`${baseUrl}${caseUrl}/export?format=md`)).text();
    expect(markdown).toContain("- **Pays ou régions :** ");
    expect(markdown).toContain("- **Statut :** ");
    expect(markdown).not.toContain("Countries or regions");
    expect(problems).toEqual([]);
    await backToBrowserLanguage(page);
  });
});

/** The first link on the current page whose address matches `pattern`. */
async function firstLink(page: Page, pattern: RegExp) {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const found = hrefs.find((href) => pattern.test(href));
  expect(found, String(pattern)).toBeTruthy();
  return found as string;
}

// The codebook, sources, matrix and comparison pages, and pages of one code, source, comparison or outcome.
const MY_WORKSPACE_PAGES = [
  "/codebook",
  "/sources",
  "/sources?q=zzzz-no-match",
  "/sources/new",
  "/sources/import",
  "/matrix",
  "/compare",
  "/comparisons",
];

describe("codebook, sources, matrix and comparisons with the demo data", () => {
  for (const language of ["en", "fr"] as const) {
    it(`render with no missing key in ${language}, code labels in the page's language`, async () => {
      const { page, problems } = await newPage(language);
      await signInIn(page, language);
      await page.goto(`${baseUrl}/workspaces`);
      const workspace = (await firstLink(page, /^\/w\/[a-z0-9]+/)).replace(/^(\/w\/[a-z0-9]+).*$/, "$1");
      const paths = MY_WORKSPACE_PAGES.map((path) => `${workspace}${path}`);
      await page.goto(`${baseUrl}${workspace}/codebook`);
      paths.push(await firstLink(page, /\/codebook\/[a-z0-9]+$/));
      await page.goto(`${baseUrl}${workspace}/sources`);
      paths.push(await firstLink(page, /\/sources\/(?!new$|import$)[a-z0-9]+$/));
      await page.goto(`${baseUrl}${workspace}/cases`);
      const caseIds = (
        await page
          .locator("a[href*='/cases/']")
          .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))
      )
        .map((href) => /\/cases\/(?!new$)([a-z0-9]+)$/.exec(href)?.[1])
        .filter((id): id is string => Boolean(id));
      const [first, second] = [...new Set(caseIds)];
      paths.push(`${workspace}/compare?case=${first}&case=${second}`);
      await page.goto(`${baseUrl}${workspace}/matrix`);
      const outcome = await page
        .locator("#matrix-outcome option")
        .evaluateAll((options) => options.map((option) => option.getAttribute("value")).find(Boolean));
      paths.push(`${workspace}/matrix?outcome=${outcome}`);
      problems.length = 0;
      for (const path of paths) {
        await page.goto(`${baseUrl}${path}`);
        await expectFullyTranslated(page, problems, language);
        problems.length = 0;
      }
      // The matrix shows the starter codebook's labels in the page's language.
      await page.goto(`${baseUrl}${workspace}/matrix`);
      const header = page.locator(".matrix-code-label", {
        hasText: language === "fr" ? "Direction politique stable" : "Stable political leadership",
      });
      await expect.poll(() => header.isVisible()).toBe(true);
      // And the codebook their descriptions (issue 13).
      await page.goto(`${baseUrl}${workspace}/codebook`);
      const description = page.locator(".code-description", {
        hasText:
          language === "fr"
            ? "Aucun changement soudain de dirigeants avant ou pendant le processus."
            : "No sudden change of leadership before or during the process.",
      });
      await expect.poll(() => description.isVisible()).toBe(true);
      await page.context().close();
    });
  }
});
