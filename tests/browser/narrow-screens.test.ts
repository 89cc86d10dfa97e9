// Narrow screens (issue 13): on a 320 and a 390 px phone, and in French (longer words), no page of the walk
// scrolls sideways and no text is cut: the navigation, the workspace switcher with the role, the code chips of
// the side by side. Wide parts that scroll sideways on purpose are listed in SCROLLERS; what they hold may
// run past the screen, but nothing in them may be cut. scripts/page-screenshots.ts photographs the same walk.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, signIn, testBaseUrl } from "../helpers/chromium";
import { type DemoRole, walkPages } from "../helpers/page-walk";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

// Tables (revisions compared, QCA figures, members, audit, comparison sets), the matrix, and the tabs of the
// side by side (each tab starts its case's title, shown whole above the column it opens). The timeline's
// drawing too: a chart needs its two dimensions (WCAG 1.4.10 excepts it); its events are
// also listed as text below it.
const SCROLLERS = ".table-wrap, .matrix-wrap, .compare-tabs, .tableWrapper, .timeline-scroll";
// Tabs show the start of their case's title (whole in the column they open and in their tooltip).
const SHORTENED = ".compare-tabs button";

/** What is wrong with the page as shown: sideways scrolling, and each element whose text is cut. */
function cutText(page: Page) {
  return page.evaluate(
    ([scrollers, shortened]) => {
      // What is folded away counts too: every disclosure (filters, pickers, menus) is opened.
      for (const details of document.querySelectorAll("details")) details.open = true;
      const problems: string[] = [];
      const root = document.documentElement;
      if (root.scrollWidth > window.innerWidth + 1)
        problems.push(`the page is ${root.scrollWidth} px wide on a ${window.innerWidth} px screen`);
      const name = (element: Element) =>
        `${element.tagName.toLowerCase()}${element.className && typeof element.className === "string" ? `.${element.className.trim().split(/\s+/).join(".")}` : ""} “${(element.textContent ?? "").trim().slice(0, 40)}”`;
      for (const element of document.body.querySelectorAll<HTMLElement>("*")) {
        if (["INPUT", "TEXTAREA", "SELECT", "OPTION", "SCRIPT", "STYLE"].includes(element.tagName)) continue;
        if (element.matches(`${scrollers}, ${shortened}`)) continue;
        if (element.closest(".visually-hidden, [hidden], dialog:not([open])")) continue;
        const style = getComputedStyle(element);
        if (style.display === "none" || style.visibility === "hidden") continue;
        if (!(element.textContent ?? "").trim()) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width <= 1 || rect.height <= 1) continue;
        const clips = style.overflowX !== "visible" || style.textOverflow === "ellipsis";
        if (clips && element.scrollWidth > element.clientWidth + 1) problems.push(`cut: ${name(element)}`);
        // A block whose own words run past its edge, over what stands beside it.
        const ownText = [...element.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim(),
        );
        if (!clips && ownText && style.display !== "inline" && element.scrollWidth > element.clientWidth + 1)
          problems.push(`runs over: ${name(element)}`);
        // Text that runs out of the screen without any box clipping it (a scroller's content may).
        if (
          rect.right > window.innerWidth + 1 &&
          element.children.length === 0 &&
          !element.closest(scrollers)
        )
          problems.push(`off the screen: ${name(element)}`);
      }
      return [...new Set(problems)];
    },
    [SCROLLERS, SHORTENED],
  );
}

/** A signed-in page for `role`, reading the app in `language` (the demo people follow their browser's). */
async function signedIn(role: DemoRole, language: "en" | "fr") {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, role);
  await context.setExtraHTTPHeaders({ "Accept-Language": language });
  return { context, page };
}

async function walk(role: DemoRole, width: number, language: "en" | "fr", everyPage = false) {
  const { context, page } = await signedIn(role, language);
  const pages = await walkPages(page, baseUrl, role, { everyPage });
  await page.setViewportSize({ width, height: 800 });
  const found: string[] = [];
  for (const entry of pages) {
    await entry.open(page);
    for (const problem of await cutText(page)) found.push(`${entry.name}: ${problem}`);
  }
  await context.close();
  return found;
}

describe("narrow screens", () => {
  // 320 px is also a 1280 px window at 400 % zoom (WCAG 1.4.10): there every page is walked (issue 20).
  for (const width of [320, 390]) {
    it(`at ${width} px, no page of the owner's walk scrolls sideways or cuts text`, async () => {
      expect(await walk("owner", width, "en", width === 320)).toEqual([]);
    }, 180_000);
  }

  it("at 390 px in French, a reviewer's and a trainer's pages neither", async () => {
    expect([...(await walk("reviewer", 390, "fr")), ...(await walk("trainer", 390, "fr"))]).toEqual([]);
  }, 180_000);

  it("at 1280 px, the workspace switcher keeps the name and the role on one line", async () => {
    const { context, page } = await signedIn("reviewer", "fr");
    const [cases] = await walkPages(page, baseUrl, "reviewer").then((pages) =>
      pages.filter((p) => p.name === "cases"),
    );
    await cases.open(page);
    const summary = page.locator(".workspace-switcher > summary");
    const height = await summary.evaluate((element) => element.getBoundingClientRect().height);
    const line = await summary.evaluate((element) => Number.parseFloat(getComputedStyle(element).lineHeight));
    expect(height).toBeLessThan(2 * line);
    expect(await summary.locator(".role-badge").isVisible()).toBe(true);
    await context.close();
  });
});
