// Cases as a researcher's record (issue 18), done as a person does it: dated events on a case and on the
// timeline across cases, the registry of actors and mediators, links between cases, coding guidance.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickUnder, createCase, openEditor, unique } from "../helpers/case-pages";
import { hydrated, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function person(who: "editor" | "reviewer" | "trainer" | "owner", width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, who);
  return page;
}

const visible = (locator: ReturnType<Page["locator"]>) => expect.poll(() => locator.isVisible()).toBe(true);

/** Opens a demo case from the library by the start of its title. */
async function openCase(page: Page, title: RegExp) {
  const workspace = /\/w\/([a-z0-9]+)/.exec(page.url())![1];
  await page.goto(`${baseUrl}/w/${workspace}/cases`);
  await page.getByRole("link", { name: title }).first().click();
  await page.getByRole("heading", { level: 1, name: title }).waitFor();
  return page.url();
}

/** Fills and sends the event form of the case's events page. */
async function addEvent(
  page: Page,
  event: { title: string; start: string; end?: string; code?: string; locator?: string },
) {
  const form = page.locator("#event-form");
  await form.getByLabel("Title").fill(event.title);
  await form.getByLabel("On or from").fill(event.start);
  await form.getByLabel("Until (optional)").fill(event.end ?? "");
  if (event.code) await form.getByRole("checkbox", { name: event.code }).check();
  if (event.locator) {
    await form.getByLabel("Source 1").selectOption({ index: 1 });
    await form.getByLabel("Locator 1").fill(event.locator);
  }
  await form.getByRole("button", { name: "Add event" }).click();
  await visible(page.getByText(`Event “${event.title}” added.`));
}

describe("dated events", () => {
  const tag = unique();
  const EARLY = `Truce reached ${tag}`;
  const LATE = `Local talks open ${tag}`;
  let caseUrl = "";

  it("adds two dated events with citations and shows them in time order on the case, with a flag", async () => {
    const page = await person("editor");
    caseUrl = await createCase(page, `Events walk ${tag}`);
    await page.getByRole("link", { name: "Add events" }).click();
    await page.getByRole("heading", { level: 1, name: "Events of this case" }).waitFor();
    await hydrated(page);
    // An end before the start is refused next to the field; what was typed stays.
    const form = page.locator("#event-form");
    await form.getByLabel("Title").fill(LATE);
    await form.getByLabel("On or from").fill("2018");
    await form.getByLabel("Until (optional)").fill("2016");
    await form.getByRole("button", { name: "Add event" }).click();
    await visible(page.getByText("The end comes before the start."));
    expect(await form.getByLabel("Title").inputValue()).toBe(LATE);

    await addEvent(page, {
      title: LATE,
      start: "2018-03",
      code: "Local channel (communities, militias)",
      locator: "l. 29",
    });
    await addEvent(page, {
      title: EARLY,
      start: "2016",
      code: "Temporary truce or ceasefire",
      locator: "l. 30",
    });
    // Added last, listed first: the list is in time order.
    const titles = await page.locator(".event-list .event-title").allTextContents();
    expect(titles).toEqual([EARLY, LATE]);

    await page.goto(caseUrl);
    const timeline = page.getByRole("region", { name: "Timeline" });
    await visible(timeline.getByRole("heading", { name: EARLY }));
    expect(await timeline.locator(".event-title").allTextContents()).toEqual([EARLY, LATE]);
    expect(await timeline.locator(".event-date").allTextContents()).toEqual(["2016", "March 2018"]);
    // The outcome is dated before the precondition that should precede it: a flag, not a block.
    await visible(timeline.getByText(/1 outcome is dated before a precondition/));
    await visible(
      timeline.getByText(
        "Outcome “Temporary truce or ceasefire” comes before precondition “Local channel (communities, militias)”:",
      ),
    );
    await visible(timeline.getByText(/l\. 30/));
    // The overview drawing links each dated event to its place in the list, reachable from the keyboard.
    const marks = timeline.locator("svg a");
    expect(await marks.count()).toBe(2);
    expect(await marks.first().getAttribute("aria-label")).toBe(`2016: ${EARLY}`);
    await page.context().close();
  });

  it("shows them on the timeline across cases, in order, with a text alternative and details on focus", async () => {
    const page = await person("editor");
    const workspace = /\/w\/([a-z0-9]+)/.exec(page.url())![1];
    await page.goto(`${baseUrl}/w/${workspace}/cases?q=${encodeURIComponent(tag)}`);
    await page.getByRole("link", { name: "Show on a timeline" }).click();
    await page.getByRole("heading", { level: 1, name: "Timeline across cases" }).waitFor();
    await hydrated(page);
    await visible(page.getByText("1 case of the library's current filter."));
    const words = page.getByRole("region", { name: "The timeline in words" });
    const listed = await words.locator(".words-events li").allTextContents();
    expect(listed).toEqual([`2016: ${EARLY}`, `March 2018: ${LATE}`]);
    // Tab to the first mark of the drawing: its details are read out under it.
    const drawing = page.locator("svg.cross-timeline");
    await drawing.locator("a").first().focus();
    await visible(page.locator(".timeline-detail").getByText(`Events walk ${tag}`));
    await page.keyboard.press("Tab");
    await visible(page.locator(".timeline-detail").getByText(EARLY));
    await page.context().close();
  });

  it("lets a reviewer comment on an event", async () => {
    const page = await person("reviewer");
    await page.goto(caseUrl);
    await hydrated(page);
    const timeline = page.getByRole("region", { name: "Timeline" });
    const item = timeline.locator(".event-item").filter({ has: page.getByRole("heading", { name: LATE }) });
    await item.getByText("Comment on this event").click();
    await item.getByLabel(`Your comment on “${LATE}”`).fill("Which source dates the talks to March?");
    await item.getByRole("button", { name: "Comment", exact: true }).click();
    const column = page.getByRole("complementary", { name: /Comments/ });
    await visible(column.locator(".thread-card", { hasText: "Which source dates the talks to March?" }));
    await visible(column.getByText("On the event"));
    await visible(item.getByRole("link", { name: "1 comment thread" }));
    await page.context().close();
  });
});

describe("what a trainer reads", () => {
  it("sees only the approved version's events, on the case and on the timeline", async () => {
    const DRAFT = `Draft event ${unique()}`;
    const editor = await person("editor");
    const caseUrl = await openCase(editor, /^Mauritania/);
    await editor.goto(`${caseUrl}/events`);
    await hydrated(editor);
    await addEvent(editor, { title: DRAFT, start: "2010" });
    await editor.context().close();

    const trainer = await person("trainer");
    await trainer.goto(caseUrl);
    const timeline = trainer.getByRole("region", { name: "Timeline" });
    await visible(
      timeline.getByRole("heading", {
        name: "Mauritania's programme of religious dialogue with jihadist prisoners",
      }),
    );
    expect(await timeline.textContent()).not.toContain(DRAFT);
    const workspace = /\/w\/([a-z0-9]+)/.exec(trainer.url())![1];
    await trainer.goto(`${baseUrl}/w/${workspace}/timeline`);
    await visible(trainer.getByRole("heading", { level: 1, name: "Timeline across cases" }));
    // Somalia is in review: a trainer does not see it at all.
    const text = await trainer.locator("main").textContent();
    expect(text).toContain("Mauritania's programme of religious dialogue with jihadist prisoners");
    expect(text).not.toContain(DRAFT);
    expect(text).not.toContain("Somalia");
    await trainer.context().close();
  });
});

describe("the registry of actors and mediators", () => {
  it("merges two spellings of one mediator into one entry, whose page lists both cases", async () => {
    const page = await person("editor");
    const spelling = `Mahmoud Diko ${unique()}`;
    // The Niger case names the imam under another spelling.
    const nigerUrl = await openCase(page, /^Niger/);
    await page.goto(`${nigerUrl}/details`);
    await page.getByLabel("Mediators and intermediaries").fill(spelling);
    await page.getByRole("button", { name: "Save details" }).click();
    await visible(page.getByRole("link", { name: spelling }));
    // Its entry, made from the case: merged into the existing one.
    await page.getByRole("link", { name: spelling }).click();
    await page.getByRole("heading", { level: 1, name: spelling }).waitFor();
    await page.getByLabel("Merge into another entry").selectOption({ label: "Mahmoud Dicko" });
    await page.getByRole("button", { name: "Merge" }).click();
    await visible(page.getByText(`“${spelling}” merged into “Mahmoud Dicko”.`));
    await page.getByRole("heading", { level: 1, name: "Mahmoud Dicko" }).waitFor();
    const cases = page.getByRole("region", { name: /\d cases?/ }).first();
    await visible(cases.getByRole("link", { name: /^Mali — exploratory talks/ }));
    await visible(cases.getByRole("link", { name: /^Niger/ }));
    await visible(page.getByText(spelling, { exact: true }));
    // Who mediated where: the imam in Mali and in Niger.
    await page.getByRole("link", { name: "Actors" }).first().click();
    await page.getByRole("link", { name: "Who mediated where" }).click();
    const row = page.getByRole("row", { name: /Mahmoud Dicko/ });
    await visible(row.getByRole("link", { name: /^Mali — exploratory talks/ }));
    await page.context().close();
  });

  it("adds a name in Arabic that reads right to left, and refuses a name another entry has", async () => {
    const page = await person("editor");
    const workspace = /\/w\/([a-z0-9]+)/.exec(page.url())![1];
    await page.goto(`${baseUrl}/w/${workspace}/actors?q=ghali`);
    await page.getByRole("link", { name: "Iyad ag Ghali" }).click();
    await page.getByRole("heading", { level: 1, name: "Iyad ag Ghali" }).waitFor();
    await page.getByLabel("Another name").fill("إياد أغ غالي");
    await page.getByLabel("Its language (optional)").fill("ar");
    await page.getByRole("button", { name: "Add name" }).click();
    await visible(page.getByText("Name “إياد أغ غالي” added."));
    const arabic = page.locator(".actor-names [lang='ar']");
    expect(await arabic.getAttribute("dir")).toBe("auto");
    expect(await arabic.evaluate((element) => getComputedStyle(element).direction)).toBe("rtl");
    await page.getByLabel("Another name").fill("JNIM");
    await page.getByRole("button", { name: "Add name" }).click();
    await visible(page.getByText("This name already belongs to “JNIM”: merge the two entries instead."));
    expect(await page.getByLabel("Another name").inputValue()).toBe("JNIM");
    await page.context().close();
  });
});

describe("links between cases", () => {
  it("links two cases and follows the link from both", async () => {
    const page = await person("editor");
    const somaliaUrl = await openCase(page, /^Somalia/);
    await page.getByRole("link", { name: "Link a case" }).click();
    await page.getByRole("heading", { level: 1, name: "Linked cases" }).waitFor();
    await page.getByLabel("This case…").selectOption("contrasting");
    await page
      .getByLabel("Other case")
      .selectOption({ label: "Mauritania — religious dialogue with jihadist prisoners" });
    await page.getByLabel("Note (optional)").fill("Openness from strength, dialogue in custody");
    await page.getByRole("button", { name: "Add link" }).click();
    await visible(page.getByText("Link added."));
    await page.goto(somaliaUrl);
    const panel = page.getByRole("region", { name: "Linked cases" });
    await visible(panel.getByText("Contrasts with"));
    await panel.getByRole("link", { name: /^Mauritania/ }).click();
    await page.getByRole("heading", { level: 1, name: /^Mauritania/ }).waitFor();
    const back = page.getByRole("region", { name: "Linked cases" });
    await visible(back.getByRole("link", { name: /^Somalia/ }));
    await back.getByRole("link", { name: "These cases in the library" }).click();
    await visible(page.getByText("Cases linked to"));
    const results = await page.locator(".case-results .case-title-link").allTextContents();
    expect(results).toEqual(["Somalia — signalled openness to talks with al-Shabab"]);
    await page.context().close();
  });
});

describe("coding guidance", () => {
  it("shows how to code a condition where it is stated", async () => {
    const page = await person("editor");
    const caseUrl = await openCase(page, /^Mali — exploratory/);
    await page.goto(`${caseUrl}/conditions`);
    const distanced = page.getByRole("group", {
      name: "Armed group distanced from its transnational patron",
    });
    await distanced.getByText("How to code it").click();
    await visible(distanced.getByText(/had not \(yet\) distanced itself/));
    await visible(distanced.getByText("Absent when"));
    await page.context().close();
  });

  it("shows the highlighted code's guidance in the tag picker", async () => {
    const page = await person("editor");
    const caseUrl = await createCase(page, `Guidance walk ${unique()}`);
    await openEditor(page, caseUrl);
    await clickUnder(page, "Process");
    await page.keyboard.type("Talks ran quietly");
    await page.keyboard.press("Shift+Home");
    await page.getByRole("button", { name: "Tag", exact: true }).click();
    const picker = page.getByRole("dialog", { name: "Tag the selected passage" });
    await picker.getByRole("combobox", { name: "Find a code" }).fill("quiet");
    const guidance = picker.getByRole("region", { name: "How to code it" });
    await visible(guidance.getByText("QUIET", { exact: true }));
    await visible(guidance.getByText("Present when"));
    await visible(guidance.getByText(/ran quietly or through channels kept out of public view/));
    await page.context().close();
  });
});
