// Hostile text typed into every text input, then every page that shows it opened in Chromium: nothing
// may run. Pages are read twice: once with the Content-Security-Policy switched off (so escaping alone
// is tested: no dialog, no injected element or event-handler attribute, the strings shown as text), and
// once with it on (no script is even attempted: no CSP violation).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hydrated, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const CORPUS = [
  "<script>alert(1)</script>",
  `"><img src=x onerror=alert(1)>`,
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  `<a href="javascript:alert(1)">x</a>`,
  `'';!--"<XSS>=&{()}`,
  "<iframe src=javascript:alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<b><i>unclosed",
  "{{7*7}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is the payload
  "${alert(1)}",
  "</textarea></title><script>alert(1)</script>",
  `<img src="x" onerror="alert(1)"//`,
  "<style>*{display:none}</style>",
];

// Each record carries a word of its own, so it can be found, searched and picked from lists.
const PERSON = `Eve <img src=x onerror=alert(1)>`;
const WORKSPACE = `Ops <script>alert(1)</script> "><svg onload=alert(1)>`;
const CASE_TITLE = `Xcase </title><script>alert(1)</script> "><img src=x onerror=alert(1)>`;
const OTHER_TITLE = "Xother <iframe src=javascript:alert(1)> {{7*7}}";
const SUMMARY = `<b><i>unclosed <a href="javascript:alert(1)">x</a> \${alert(1)}`;
const REGIONS = ["<svg onload=alert(1)>", "{{7*7}}"];
const MEDIATORS = ["<details open ontoggle=alert(1)>", `'';!--"<XSS>=&{()}`];
const CODE_LABEL = `Xcode <img src=x onerror=alert(1)>`;
const CODE_DESCRIPTION = `<svg><script>alert(1)</script></svg> and <a href="javascript:alert(1)">x</a>`;
const SOURCE_TITLE = `Xsource <script>alert(1)</script>`;
const SOURCE_AUTHOR = `"><img src=x onerror=alert(1)>`;
const SOURCE_CONTAINER = "<svg><script>alert(1)</script></svg>";
const SOURCE_URL = `https://example.org/?q="><script>alert(1)</script>`;
const LOCATOR = "<iframe src=javascript:alert(1)>";
const COMMENT = `Xcomment <script>alert(1)</script> <img src=x onerror=alert(1)> javascript:alert(1)`;
const SET_NAME = `Xset <details open ontoggle=alert(1)>`;
const REVIEW_NOTE = `Xnote <svg onload=alert(1)> '';!--"<XSS>=&{()}`;
const SEARCH = "<script>alert(1)</script>";
const TAGGED_LINE = "<svg onload=alert(1)>";
const EVENT_TITLE = `Xevent <img src=x onerror=alert(1)> </title><script>alert(1)</script>`;
const EVENT_WORDING = `"><svg onload=alert(1)> the year before`;
const EVENT_ACTOR = `Xactor <details open ontoggle=alert(1)>`;
const ALIAS = `<script>alert(1)</script> إياد`;
const AFFILIATION = `Xrole "><img src=x onerror=alert(1)>`;
const LINK_NOTE = `Xlink <a href="javascript:alert(1)">x</a>`;
const GUIDANCE = `Xguidance <svg><script>alert(1)</script></svg> {{7*7}}`;
const CITED_LINE = "<b><i>unclosed";

type Who = "editor" | "reviewer" | "owner";

/**
 * Signs `who` in, in a browser context of their own that records what must never happen on a page: a
 * dialog, an uncaught error, a CSP violation.
 */
async function person(who: Who, problems: string[], options: { bypassCSP: boolean }) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    bypassCSP: options.bypassCSP,
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  context.on("dialog", async (dialog) => {
    problems.push(`dialog "${dialog.message()}" on ${dialog.page()?.url()}`);
    await dialog.dismiss().catch(() => {});
  });
  context.on("weberror", (error) => {
    problems.push(`page error on ${error.page()?.url()}: ${error.error().message}`);
  });
  context.on("console", (message) => {
    if (message.type() === "error" && message.text().startsWith("CSP violation"))
      problems.push(`${message.text()} on ${message.page()?.url()}`);
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, who);
  return page;
}

/** Injected markup, wherever it landed: elements the app never renders, and any on* attribute. */
function injected(page: Page) {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes))
        if (attribute.name.toLowerCase().startsWith("on")) found.push(`${element.tagName} ${attribute.name}`);
      const href = element.getAttribute("href") ?? element.getAttribute("src") ?? "";
      if (/^\s*(javascript|data|vbscript):/i.test(href)) found.push(`${element.tagName} ${href}`);
    }
    // The app's own drawings (timelines) carry data-chart; any other svg was injected.
    for (const selector of ["iframe", "xss", "img[src='x']", "body svg:not([aria-hidden]):not([data-chart])"])
      if (document.querySelector(selector)) found.push(selector);
    for (const style of Array.from(document.querySelectorAll("style")))
      if (style.textContent?.includes("*{display:none}")) found.push("injected style");
    for (const script of Array.from(document.querySelectorAll("body script")))
      if (!script.hasAttribute("nonce"))
        found.push(`script without nonce: ${script.textContent?.slice(0, 60)}`);
    return found;
  });
}

/**
 * Loaded, hydrated (React has committed the page: leaving earlier can interrupt hydration, an error that
 * is the test's, not the page's) and a frame painted.
 */
async function settle(page: Page) {
  await page.locator("main").first().waitFor();
  await page.waitForLoadState("load");
  await hydrated(page);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
}

async function selectInCaseText(page: Page, quote: string) {
  // The "Comment" button follows the selection once React has taken over the page.
  await hydrated(page);
  await page.evaluate((quote) => {
    const root = document.querySelector(".case-body-html")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Array<{ node: Text; start: number }> = [];
    let text = "";
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: text.length });
      text += (node as Text).data;
    }
    const from = text.indexOf(quote);
    const to = from + quote.length;
    const first = nodes.find(({ node, start }) => start <= from && from < start + node.length)!;
    const last = nodes.find(({ node, start }) => start < to && to <= start + node.length)!;
    const range = document.createRange();
    range.setStart(first.node, from - first.start);
    range.setEnd(last.node, to - last.start);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
  }, quote);
}

const visible = (locator: ReturnType<Page["locator"]>) => expect.poll(() => locator.isVisible()).toBe(true);

describe("hostile text", () => {
  const urls: Array<{ url: string; who: Who; shows: string[] }> = [];

  it("is stored as typed through every form, and refused where it would be a link", async () => {
    const problems: string[] = [];
    const page = await person("editor", problems, { bypassCSP: true });
    const ws = /\/w\/([a-z0-9]+)/.exec(page.url())![1];
    const base = `${baseUrl}/w/${ws}`;

    // A person's name, on the account page.
    await page.goto(`${baseUrl}/account`);
    await page.getByLabel("Name", { exact: true }).fill(PERSON);
    await page.getByRole("button", { name: "Save name" }).click();
    await visible(page.getByText("Your name was updated."));

    // A code, with a hostile label and description.
    await page.goto(`${base}/codebook`);
    await page.locator("summary", { hasText: "Add a code" }).click();
    const form = page.locator(".add-code");
    await form.getByRole("radio", { name: "Precondition" }).check();
    await form.getByLabel("Label", { exact: true }).fill(CODE_LABEL);
    await form.getByLabel("Definition").fill(CODE_DESCRIPTION);
    await form.getByRole("button", { name: "Add code" }).click();
    await visible(page.getByText(`Precondition “${CODE_LABEL}” added.`));

    // A source: a javascript: or data: address is refused next to the field, an https one is kept.
    await page.goto(`${base}/sources/new`);
    await page.getByLabel("Type").selectOption("report");
    await page.getByLabel("Title").fill(SOURCE_TITLE);
    await page.getByLabel("Authors").fill(SOURCE_AUTHOR);
    await page.getByLabel("Journal, website or collection").fill(SOURCE_CONTAINER);
    for (const url of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>"]) {
      await page.getByLabel("Web address (URL)").fill(url);
      await page.getByRole("button", { name: "Add source" }).click();
      await visible(page.getByText(/must be a web address|starting with http/).first());
      expect(await page.getByLabel("Title").inputValue()).toBe(SOURCE_TITLE);
    }
    await page.getByLabel("Web address (URL)").fill(SOURCE_URL);
    await page.getByLabel("Notes").fill(CORPUS.join("\n"));
    await page.getByRole("button", { name: "Add source" }).click();
    await visible(page.getByRole("heading", { level: 1, name: SOURCE_TITLE }));
    urls.push({
      url: page.url(),
      who: "editor",
      shows: [SOURCE_TITLE, SOURCE_AUTHOR, SOURCE_CONTAINER, SOURCE_URL, ...CORPUS],
    });

    // Two cases, every field hostile.
    const newCase = async (title: string, fill: boolean) => {
      await page.goto(`${base}/cases/new`);
      await page.getByLabel("Title").fill(title);
      await page.getByLabel("Countries or regions").fill(REGIONS.join("; "));
      if (fill) {
        await page.getByLabel("From (year)").fill("2019");
        await page.getByLabel("Armed groups and state actors").fill(CORPUS.join("\n"));
        await page.getByLabel("Mediators and intermediaries").fill(MEDIATORS.join("\n"));
        await page.getByLabel("One-line summary").fill(SUMMARY);
      }
      await page.getByRole("button", { name: "Create case" }).click();
      await visible(page.getByRole("heading", { level: 1, name: title }));
      return page.url();
    };
    const otherUrl = await newCase(OTHER_TITLE, false);
    const caseUrl = await newCase(CASE_TITLE, true);
    const caseId = caseUrl.split("/").pop()!;
    const otherId = otherUrl.split("/").pop()!;

    // The case text: the corpus typed as text, a tag with the hostile code, a citation of the source.
    await page.goto(`${caseUrl}/edit`);
    // The editor's code is the largest part of the app: give it time on a busy machine.
    await expect
      .poll(() => page.getByRole("textbox", { name: "Case text" }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await page
      .locator(".case-editor-text h2", { hasText: "Context" })
      .locator("xpath=following-sibling::p[1]")
      .click();
    for (const line of CORPUS) {
      await page.keyboard.insertText(line);
      await page.keyboard.press("Enter");
    }
    // A javascript: or data: address is refused by the link dialog.
    await page.keyboard.type("A link");
    await page.keyboard.press("Shift+Home");
    for (const address of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      " JaVaScRiPt:alert(1)",
    ]) {
      await page.getByRole("button", { name: "Link", exact: true }).click();
      const dialog = page.getByRole("dialog", { name: "Add a link" });
      await dialog.getByLabel("Address").fill(address);
      await dialog.getByRole("button", { name: "Add link" }).click();
      await visible(dialog.getByText(/Only web addresses .* can be links/));
      await page.keyboard.press("Escape");
      await expect.poll(() => dialog.isVisible()).toBe(false);
    }
    expect(await page.locator(".case-editor-text a").count()).toBe(0);

    const selectLine = async (line: string) => {
      await expect
        .poll(async () => {
          await page.locator(".case-editor-text p", { hasText: line }).first().click();
          await page.keyboard.press("End");
          await page.keyboard.press("Shift+Home");
          return page.evaluate(() => window.getSelection()?.toString());
        })
        .toBe(line);
    };
    await selectLine(TAGGED_LINE);
    await page.getByRole("button", { name: "Tag", exact: true }).click();
    const picker = page.getByRole("dialog", { name: "Tag the selected passage" });
    await picker.getByRole("combobox", { name: "Find a code" }).fill("Xcode");
    await page.keyboard.press("Enter");
    await expect.poll(() => picker.isVisible()).toBe(false);
    await selectLine(CITED_LINE);
    await page.getByRole("button", { name: "Cite", exact: true }).click();
    const cite = page.getByRole("dialog", { name: "Cite a source" });
    await cite.getByRole("combobox", { name: "Find a source" }).fill("Xsource");
    await page.keyboard.press("Enter");
    await cite.getByLabel("Page, paragraph or section").fill(LOCATOR);
    await cite.getByRole("button", { name: "Add citation" }).click();
    await expect.poll(() => cite.isVisible()).toBe(false);
    await expect
      .poll(() => page.locator(".save-status").textContent(), { timeout: 15_000 })
      .toBe("All changes saved");

    // A comment on a passage of the case page.
    await page.goto(caseUrl);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator(".case-body-html").textContent();
        },
        { timeout: 15_000 },
      )
      .toContain(TAGGED_LINE);
    await selectInCaseText(page, TAGGED_LINE);
    await page.locator(".selection-comment").getByRole("button", { name: "Comment" }).click();
    const column = page.getByRole("complementary", { name: /Comments/ });
    const box = column.getByLabel("Your comment", { exact: true });
    await box.fill(`${COMMENT} `);
    // A mention, so the reviewer is notified of the comment.
    await box.pressSequentially("@rok");
    await visible(page.getByRole("option", { name: /Rokia Reviewer/ }));
    await box.press("Enter");
    await column.getByRole("button", { name: "Comment", exact: true }).click();
    await visible(column.locator(".thread-card", { hasText: "Xcomment" }).first());

    // The hostile code stated present, so the matrix shows it with its evidence.
    await page.goto(`${caseUrl}/conditions`);
    await page.getByRole("group", { name: CODE_LABEL }).getByLabel("Present").check();
    await page.getByLabel(`Note on ${CODE_LABEL}`).fill(COMMENT);
    await page.getByRole("button", { name: "Save conditions" }).click();
    await visible(page.getByText(/Conditions saved/));

    // Submitted to the reviewer, who sends it back with a hostile note.
    await page.goto(caseUrl);
    await settle(page);
    await page.getByRole("button", { name: "Submit for review" }).click();
    // Without a reviewer picked the form says so; wait for that answer before picking one, or it replaces
    // the form under the pick.
    await visible(page.getByText("Pick at least one reviewer."));
    await page.getByLabel(/Rokia Reviewer/).check();
    await page.getByLabel("Message to the reviewers (optional)").fill(SUMMARY);
    await page.getByRole("button", { name: "Submit for review" }).click();
    await visible(page.getByText(/submitted for review/));
    const reviewer = await person("reviewer", problems, { bypassCSP: true });
    await reviewer.goto(caseUrl);
    await settle(reviewer);
    await reviewer.getByLabel("What needs to change").fill(REVIEW_NOTE);
    await reviewer.getByRole("button", { name: "Request changes" }).click();
    await visible(reviewer.getByText(/Changes requested. The editors are notified/));

    // A comparison set with a hostile name, saved from the matrix.
    await page.goto(`${base}/matrix`);
    await page.getByLabel("Name of the set").fill(SET_NAME);
    await page.getByRole("button", { name: "Save set" }).click();
    await visible(page.getByRole("heading", { level: 1, name: SET_NAME }));
    const setUrl = page.url();

    // A dated event: hostile title, wording, description, actor, and the hostile source and locator.
    await page.goto(`${caseUrl}/events`);
    await settle(page);
    const eventForm = page.locator("#event-form");
    await eventForm.getByLabel("Title").fill(EVENT_TITLE);
    await eventForm.getByLabel("On or from").fill("2019");
    await eventForm.getByLabel("The date as the source words it").fill(EVENT_WORDING);
    await eventForm.getByLabel("Description").fill(CORPUS.join("\n"));
    await eventForm.getByLabel("Actors involved").fill(`${EVENT_ACTOR}\n${CORPUS[0]}`);
    await eventForm.getByRole("checkbox", { name: CODE_LABEL }).check();
    await eventForm.getByLabel("Source 1").selectOption({ label: SOURCE_TITLE });
    await eventForm.getByLabel("Locator 1").fill(LOCATOR);
    await eventForm.getByRole("button", { name: "Add event" }).click();
    await visible(page.getByText(/^Event “Xevent/));
    const editEvent = await page.getByRole("link", { name: /^Edit “Xevent/ }).getAttribute("href");

    // A link between the two cases, with a hostile note.
    await page.goto(`${caseUrl}/links`);
    await page.getByLabel("Other case").selectOption({ label: OTHER_TITLE });
    await page.getByLabel("Note (optional)").fill(LINK_NOTE);
    await page.getByRole("button", { name: "Add link" }).click();
    await visible(page.getByText("Link added."));

    // The registry entry of a hostile name: another hostile name in Arabic, a hostile affiliation.
    await page.goto(caseUrl);
    await page.getByRole("link", { name: EVENT_ACTOR }).first().click();
    await page.getByRole("heading", { level: 1, name: EVENT_ACTOR }).waitFor();
    const actorUrl = page.url();
    await page.getByLabel("Another name").fill(ALIAS);
    await page.getByLabel("Its language (optional)").fill("ar");
    await page.getByRole("button", { name: "Add name" }).click();
    await visible(page.getByText(/^Name “<script>/));
    await page.getByText("Add an affiliation").click();
    await page.getByLabel("Group, government or organisation").selectOption({ label: CORPUS[0] });
    await page.getByLabel("Role (leader, foreign minister…)").fill(AFFILIATION);
    await page.getByLabel("The period as the source words it").fill(EVENT_WORDING);
    await page.getByRole("button", { name: "Save affiliation" }).click();
    await visible(page.getByText("Affiliation added."));

    // Coding guidance on the hostile code.
    const codeHref = await page
      .goto(`${base}/codebook`)
      .then(() => page.getByRole("link", { name: CODE_LABEL }).first().getAttribute("href"));
    await page.goto(`${baseUrl}${codeHref}`);
    await page.getByLabel("When to code it present").fill(GUIDANCE);
    await page.getByLabel("When to code it absent").fill(GUIDANCE);
    await page.getByLabel("Notes").fill(GUIDANCE);
    await page.getByRole("button", { name: "Save code" }).click();
    await visible(page.getByText("Code saved."));

    // A workspace with a hostile name.
    await page.goto(`${baseUrl}/workspaces`);
    await page.getByLabel("Workspace name").fill(WORKSPACE);
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.waitForURL(/\/w\/[a-z0-9]+\/cases$/);
    const hostileWs = `${baseUrl}/w/${/\/w\/([a-z0-9]+)/.exec(page.url())![1]}`;

    const code = await page
      .goto(`${base}/codebook`)
      .then(() => page.getByRole("link", { name: CODE_LABEL }).first().getAttribute("href"));
    const everything = [CASE_TITLE, SUMMARY, ...REGIONS, ...MEDIATORS, ...CORPUS];
    urls.push(
      { url: `${base}/cases`, who: "editor", shows: [CASE_TITLE, OTHER_TITLE, SUMMARY, PERSON] },
      {
        url: caseUrl,
        who: "editor",
        shows: [...everything, COMMENT, SOURCE_TITLE, CODE_LABEL, LOCATOR, REVIEW_NOTE],
      },
      { url: `${caseUrl}/details`, who: "editor", shows: [] },
      { url: `${caseUrl}/edit`, who: "editor", shows: [CASE_TITLE, CODE_LABEL, SOURCE_TITLE] },
      {
        url: `${caseUrl}/conditions`,
        who: "editor",
        shows: [CASE_TITLE, CODE_LABEL, CODE_DESCRIPTION, TAGGED_LINE],
      },
      { url: `${caseUrl}/history`, who: "editor", shows: [CASE_TITLE, PERSON] },
      { url: `${caseUrl}/history?from=1&to=2`, who: "editor", shows: [...CORPUS] },
      { url: `${caseUrl}/history?view=1`, who: "editor", shows: [CASE_TITLE, ...CORPUS] },
      { url: `${caseUrl}/review`, who: "editor", shows: [CASE_TITLE, REVIEW_NOTE] },
      { url: `${caseUrl}/activity`, who: "editor", shows: [PERSON, REVIEW_NOTE] },
      {
        url: `${base}/compare?case=${caseId}&case=${otherId}`,
        who: "editor",
        shows: [CASE_TITLE, OTHER_TITLE, ...CORPUS],
      },
      { url: `${base}/matrix`, who: "editor", shows: [CASE_TITLE, CODE_LABEL] },
      {
        // A cell of the matrix as its own page (where it leads without JavaScript): statement and evidence.
        url: `${base}/matrix/cell?at=${caseUrl.split("/").pop()}.${code!.split("/").pop()}`,
        who: "editor",
        shows: [CASE_TITLE, CODE_LABEL, COMMENT, TAGGED_LINE],
      },
      {
        url: `${baseUrl}${code}`,
        who: "editor",
        shows: [CODE_LABEL, CODE_DESCRIPTION, CASE_TITLE, TAGGED_LINE],
      },
      { url: `${base}/codebook`, who: "editor", shows: [CODE_LABEL, CODE_DESCRIPTION] },
      { url: `${base}/sources`, who: "editor", shows: [SOURCE_TITLE] },
      { url: `${base}/sources?q=${encodeURIComponent(SEARCH)}`, who: "editor", shows: [] },
      { url: `${base}/comparisons`, who: "editor", shows: [SET_NAME] },
      { url: setUrl, who: "editor", shows: [SET_NAME, CASE_TITLE, CODE_LABEL] },
      { url: `${base}/notifications`, who: "editor", shows: [CASE_TITLE, REVIEW_NOTE] },
      { url: `${base}/notifications`, who: "reviewer", shows: [CASE_TITLE, PERSON] },
      { url: `${base}/reviews`, who: "reviewer", shows: [CASE_TITLE, PERSON] },
      { url: `${base}/members`, who: "owner", shows: [PERSON] },
      { url: `${base}/audit`, who: "owner", shows: [PERSON, CASE_TITLE] },
      { url: `${base}/export`, who: "editor", shows: [] },
      { url: `${base}/trash`, who: "editor", shows: [] },
      { url: `${baseUrl}/workspaces`, who: "editor", shows: [WORKSPACE] },
      { url: `${hostileWs}/cases`, who: "editor", shows: [WORKSPACE] },
      { url: `${hostileWs}/members`, who: "editor", shows: [WORKSPACE, PERSON] },
      { url: `${hostileWs}/export`, who: "editor", shows: [] },
      { url: `${baseUrl}/account`, who: "editor", shows: [] },
      {
        url: caseUrl,
        who: "reviewer",
        shows: [EVENT_TITLE, EVENT_WORDING, EVENT_ACTOR, LINK_NOTE, OTHER_TITLE, ...CORPUS],
      },
      {
        url: `${caseUrl}/events`,
        who: "editor",
        shows: [EVENT_TITLE, EVENT_WORDING, CODE_LABEL, SOURCE_TITLE],
      },
      { url: `${baseUrl}${editEvent}`, who: "editor", shows: [EVENT_TITLE] },
      { url: `${caseUrl}/links`, who: "editor", shows: [LINK_NOTE, OTHER_TITLE] },
      {
        url: `${base}/timeline`,
        who: "editor",
        shows: [CASE_TITLE, OTHER_TITLE, EVENT_TITLE, EVENT_WORDING],
      },
      { url: `${base}/actors`, who: "editor", shows: [EVENT_ACTOR, ALIAS, ...MEDIATORS] },
      { url: `${base}/actors?q=${encodeURIComponent(SEARCH)}`, who: "editor", shows: [] },
      { url: actorUrl, who: "reviewer", shows: [EVENT_ACTOR, ALIAS, AFFILIATION, EVENT_TITLE, CASE_TITLE] },
      { url: `${base}/mediators`, who: "editor", shows: [...MEDIATORS, CASE_TITLE] },
      { url: `${baseUrl}${codeHref}`, who: "reviewer", shows: [GUIDANCE, CODE_LABEL] },
      { url: `${caseUrl}/conditions`, who: "reviewer", shows: [CODE_LABEL] },
    );

    // The library search box: the hostile query is shown back as text.
    await page.goto(`${base}/cases`);
    await page.getByRole("searchbox", { name: "Search cases" }).fill(SEARCH);
    await page.getByRole("button", { name: "Search" }).click();
    await expect.poll(() => page.url()).toContain("q=");
    await settle(page);
    urls.push({ url: page.url(), who: "editor", shows: [] });

    expect(await injected(page)).toEqual([]);
    expect(problems).toEqual([]);
    await reviewer.context().close();
    await page.context().close();
  });

  it("is shown as literal text on every page, and nothing runs even without the CSP", async () => {
    expect(urls.length, "the first test stored everything").toBeGreaterThan(25);
    const problems: string[] = [];
    const pages = {
      editor: await person("editor", problems, { bypassCSP: true }),
      reviewer: await person("reviewer", problems, { bypassCSP: true }),
      owner: await person("owner", problems, { bypassCSP: true }),
    };
    const missing: string[] = [];
    for (const { url, who, shows } of urls) {
      const page = pages[who];
      await page.goto(url);
      await settle(page);
      // The hostile case's present cell opens its evidence (the note, the passage) in a sheet.
      if (url.endsWith("/matrix")) {
        await page.locator("tr", { hasText: CASE_TITLE }).locator("td.cell-present button").first().click();
        await page
          .getByRole("dialog")
          .filter({ hasText: COMMENT })
          .filter({ hasText: TAGGED_LINE })
          .waitFor();
      }
      // What is shown, not the page's data: Remix's scripts carry every string too, as JSON. Some parts
      // (the editor's panel, filled from the live document) come a moment after the page.
      const absent = async () => {
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is checked
        const text = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
        return shows.filter((expected) => !text.includes(expected));
      };
      for (let tries = 0; tries < 40 && (await absent()).length > 0; tries++) await page.waitForTimeout(250);
      for (const expected of await absent()) missing.push(`${url}: ${expected}`);
      const found = await injected(page);
      if (found.length) missing.push(`${url}: injected ${found.join(", ")}`);
    }
    expect(missing).toEqual([]);
    expect(problems).toEqual([]);
    for (const page of Object.values(pages)) await page.context().close();
  });

  it("never makes the browser even try to run a script with the CSP on", async () => {
    expect(urls.length, "the first test stored everything").toBeGreaterThan(25);
    const problems: string[] = [];
    const pages = {
      editor: await person("editor", problems, { bypassCSP: false }),
      reviewer: await person("reviewer", problems, { bypassCSP: false }),
      owner: await person("owner", problems, { bypassCSP: false }),
    };
    for (const { url, who } of urls) {
      const page = pages[who];
      await page.goto(url);
      await settle(page);
    }
    expect(problems).toEqual([]);
    for (const page of Object.values(pages)) await page.context().close();
  });
});
