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

// The three demo cases a trainer may read (approved); Somalia is still in review.
const MAURITANIA = /^Mauritania — religious dialogue/;
const ALGERIA = /^Algeria — negotiations/;
const SEGOU = /^Mali, Ségou — local truce/;

const columnTitled = (page: Page, title: RegExp) =>
  page.locator(".compare-column").filter({ has: page.getByRole("heading", { level: 2, name: title }) });

/** Signs in as a trainer and opens the comparison of the three approved demo cases from the library. */
async function compareFromLibrary(page: Page) {
  await signIn(page, baseUrl, "trainer");
  await expect.poll(() => page.getByRole("button", { name: "Compare side by side" }).isVisible()).toBe(true);
  for (const title of ["Mauritania", "Algeria", "Mali, Ségou"])
    await page.getByRole("checkbox", { name: new RegExp(`^Compare ${title}`) }).check();
  await expect.poll(() => page.getByText("3 cases selected").isVisible()).toBe(true);
  await page.getByRole("button", { name: "Compare side by side" }).click();
  await expect
    .poll(() => page.getByRole("heading", { level: 1, name: "Compare 3 cases side by side" }).isVisible())
    .toBe(true);
  // The code picker and scroll switch act at once only after hydration.
  await hydrated(page);
}

describe("side-by-side comparison", () => {
  it("shows three cases in columns, sections aligned, a code highlighted, and scrolls them apart", async () => {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 700 } })).newPage();
    await compareFromLibrary(page);
    expect(await page.title()).toMatch(/^Compare: Mauritania .* · Algeria .* · Mali, Ségou .*/);
    expect(await page.locator(".compare-column").count()).toBe(3);
    for (const title of [MAURITANIA, ALGERIA, SEGOU])
      expect(await columnTitled(page, title).isVisible()).toBe(true);

    // Context next to Context: same row, so the same top edge in every column.
    const contextTops = await page
      .locator('.compare-section[data-section="Context"]')
      .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
    expect(contextTops).toHaveLength(3);
    expect(new Set(contextTops).size).toBe(1);
    const lessonsTops = await page
      .locator('.compare-section[data-section="Lessons"]')
      .evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().top)));
    expect(new Set(lessonsTops).size).toBe(1);
    expect(lessonsTops[0]).toBeGreaterThan(contextTops[0]);

    // The column titles stay in view while the page scrolls.
    await page.mouse.wheel(0, 900);
    await expect
      .poll(() =>
        columnTitled(page, SEGOU)
          .locator(".compare-column-header")
          .evaluate((h) => h.getBoundingClientRect().top),
      )
      .toBeLessThan(2);

    // Pick a code: its passages stand out in the column where it is tagged, the other tags step back.
    const truce = page.getByRole("checkbox", { name: /^Temporary truce or ceasefire/ });
    const truceId = await truce.getAttribute("value");
    await truce.check();
    await expect.poll(() => page.url()).toContain(`code=${truceId}`);
    await expect
      .poll(() => columnTitled(page, SEGOU).locator(".compare-counts").textContent())
      .toContain("1 passage");
    expect(await columnTitled(page, MAURITANIA).locator(".compare-counts").textContent()).toContain(
      "0 passages",
    );
    expect(await columnTitled(page, ALGERIA).locator(".compare-counts").textContent()).toContain(
      "0 passages",
    );
    const highlighted = columnTitled(page, SEGOU).locator(`.tag[data-tag="${truceId}"]`);
    expect(await highlighted.textContent()).toContain("a temporary truce");
    const style = (selector: ReturnType<Page["locator"]>) =>
      selector.evaluate((span) => {
        const computed = getComputedStyle(span);
        return {
          outline: computed.outlineStyle,
          weight: computed.fontWeight,
          background: computed.backgroundColor,
        };
      });
    expect(await style(highlighted)).toMatchObject({ outline: "solid", weight: "600" });
    const other = columnTitled(page, MAURITANIA).locator(".tag").first();
    expect(await style(other)).toEqual({ outline: "none", weight: "400", background: "rgba(0, 0, 0, 0)" });
    // Conditions: text next to the colour.
    expect(
      await columnTitled(page, SEGOU)
        .locator(".compare-condition", { hasText: "Temporary truce or ceasefire" })
        .textContent(),
    ).toContain("Present");
    expect(
      await columnTitled(page, ALGERIA)
        .locator(".compare-condition", { hasText: "Temporary truce or ceasefire" })
        .textContent(),
    ).toContain("Unknown");

    // Scroll separately: each column is its own scroll box; scrolling one leaves the others in place.
    await page.getByRole("link", { name: "Scroll columns separately" }).click();
    await expect.poll(() => page.url()).toContain("scroll=independent");
    expect(page.url()).toContain(`code=${truceId}`);
    const segou = columnTitled(page, SEGOU);
    await expect.poll(() => segou.evaluate((column) => getComputedStyle(column).overflowY)).toBe("auto");
    await page.evaluate(() => window.scrollTo(0, 0));
    await segou.evaluate((column) => {
      column.scrollTop = 300;
    });
    expect(await segou.evaluate((column) => column.scrollTop)).toBeGreaterThan(0);
    expect(await columnTitled(page, ALGERIA).evaluate((column) => column.scrollTop)).toBe(0);
    // The mode survives a reload (it is in the address).
    await page.reload();
    await expect
      .poll(() => page.getByRole("link", { name: "Scroll columns separately" }).getAttribute("aria-current"))
      .toBe("true");
    await page.getByRole("link", { name: "Scroll columns together" }).click();
    await expect.poll(() => segou.evaluate((column) => getComputedStyle(column).overflowY)).toBe("visible");
    await page.context().close();
  });

  it("saves the comparison as a set that reopens it with its highlighted code", async () => {
    const page = await (await browser.newContext()).newPage();
    await compareFromLibrary(page);
    await page.getByRole("checkbox", { name: /^Reduced threat or violence/ }).check();
    await expect.poll(() => page.locator(".compare-counts").count()).toBe(3);
    const compareUrl = page.url();
    const name = `Workshop set ${Date.now()}`;
    await page.getByText("Save as a set").click();
    await page.getByLabel("Name of the set").fill(name);
    await page.getByRole("button", { name: "Save set" }).click();
    await expect.poll(() => page.getByText(/Saved the set/).isVisible()).toBe(true);
    expect(page.url()).toBe(compareUrl);

    await page
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Comparison sets" })
      .click();
    await expect.poll(() => page.getByRole("link", { name }).isVisible()).toBe(true);
    await page.getByRole("link", { name }).click();
    await expect
      .poll(() => page.getByRole("heading", { level: 1, name: "Compare 3 cases side by side" }).isVisible())
      .toBe(true);
    expect(await page.locator(".compare-counts").count()).toBe(3);
    await page.context().close();
  });

  it("turns the columns into tabs on a phone, switched by click and by arrow keys", async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    await compareFromLibrary(page);
    const tabs = page.getByRole("tablist", { name: "Cases" });
    await expect.poll(() => tabs.isVisible()).toBe(true);
    expect(await tabs.getByRole("tab").count()).toBe(3);
    const panel = page.getByRole("tabpanel");
    expect(await panel.count()).toBe(1);
    expect(await panel.getByRole("heading", { level: 2 }).textContent()).toMatch(MAURITANIA);

    await tabs.getByRole("tab", { name: ALGERIA }).click();
    await expect.poll(() => panel.getByRole("heading", { level: 2 }).textContent()).toMatch(ALGERIA);
    expect(await tabs.getByRole("tab", { name: ALGERIA }).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator(".compare-column:visible").count()).toBe(1);

    await page.keyboard.press("ArrowRight");
    await expect.poll(() => panel.getByRole("heading", { level: 2 }).textContent()).toMatch(SEGOU);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-selected"))).toBe("true");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => panel.getByRole("heading", { level: 2 }).textContent()).toMatch(MAURITANIA);
    await page.keyboard.press("ArrowLeft");
    await expect.poll(() => panel.getByRole("heading", { level: 2 }).textContent()).toMatch(SEGOU);
    // Nothing spills sideways at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it("works without JavaScript: columns stack and the code picker has a button", async () => {
    const withScript = await (await browser.newContext()).newPage();
    await compareFromLibrary(withScript);
    const url = withScript.url();
    const cookies = await withScript.context().cookies();
    await withScript.context().close();

    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(url);
    expect(await page.getByRole("tablist").count()).toBe(0);
    expect(await page.locator(".compare-column:visible").count()).toBe(3);
    await page.getByRole("checkbox", { name: /^Reduced threat or violence/ }).check();
    await page.getByRole("button", { name: "Highlight" }).click();
    await expect.poll(() => page.locator(".compare-counts").count()).toBe(3);
    expect(await columnTitled(page, ALGERIA).locator(".compare-counts").textContent()).toContain("1 passage");
    await context.close();
  });

  it("explains instead of failing when fewer than two cases can be shown", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, baseUrl, "trainer");
    const workspace = new URL(page.url()).pathname.split("/")[2];
    await page.goto(`${baseUrl}/w/${workspace}/compare?case=aaaaaaaaaaaa`);
    await expect.poll(() => page.getByText("1 case could not be shown").isVisible()).toBe(true);
    await page.getByRole("link", { name: "Back to library" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "Compare side by side" }).isVisible())
      .toBe(true);
    await page.context().close();
  });
});
