import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickUnder, createCase, openEditor, unique } from "../helpers/case-pages";
import { type DemoRole, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(who: DemoRole, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, who);
  return page;
}

const saveStatus = (page: Page) => page.locator(".save-status");

async function waitForSaved(page: Page) {
  await expect.poll(() => saveStatus(page).textContent(), { timeout: 15_000 }).toBe("All changes saved");
}

describe("case text editor", () => {
  it("types, tags a precondition, cites a new source, saves and finds it all after a reload", async () => {
    const page = await newPage("editor");
    const caseUrl = await createCase(page, `Ségou truce ${unique()}`);
    await openEditor(page, caseUrl);
    await waitForSaved(page);

    const sentence = "Elders opened a channel to the katiba through local militias.";
    await clickUnder(page, "Context");
    await page.keyboard.type(sentence);
    await page.keyboard.press("Shift+Home");
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(sentence);

    await page.getByRole("button", { name: "Tag", exact: true }).click();
    const picker = page.getByRole("dialog", { name: "Tag the selected passage" });
    await expect.poll(() => picker.isVisible()).toBe(true);
    // Codes are grouped; typing filters them, Enter tags with the highlighted one.
    expect(await picker.getByRole("group", { name: "Preconditions" }).isVisible()).toBe(true);
    expect(await picker.getByRole("group", { name: "Outcomes" }).isVisible()).toBe(true);
    await picker.getByRole("combobox", { name: "Find a code" }).fill("local chan");
    expect(await picker.getByRole("option").count()).toBe(1);
    await page.keyboard.press("Enter");
    await expect.poll(() => picker.isVisible()).toBe(false);

    const panel = page.getByRole("complementary", { name: "Tagged passages and citations" });
    const codeGroup = panel.getByRole("region", { name: "Local channel (communities, militias)" });
    await expect.poll(() => codeGroup.getByRole("button", { name: `“${sentence}”` }).isVisible()).toBe(true);
    // Hovering the tagged text names its code.
    await expect
      .poll(() => page.locator('.case-editor-text [title^="Precondition: Local channel"]').textContent())
      .toBe(sentence);

    // The selection is still on the sentence: cite a source created in the dialog.
    await page.getByRole("button", { name: "Cite", exact: true }).click();
    const cite = page.getByRole("dialog", { name: "Cite a source" });
    await expect.poll(() => cite.isVisible()).toBe(true);
    await cite.getByRole("button", { name: "New source" }).click();
    await cite.getByRole("button", { name: "Create source" }).click();
    await expect.poll(() => cite.getByText("Give the source a title.").isVisible()).toBe(true);
    const sourceTitle = `Field notes from Ségou ${unique()}`;
    await cite.getByLabel("Title").fill(sourceTitle);
    await cite.getByLabel("Type").selectOption("report");
    await cite.getByLabel("Authors").fill("Diallo, Awa; Crisis Group");
    await cite.getByLabel("Year").fill("2021");
    await cite.getByRole("button", { name: "Create source" }).click();
    await expect.poll(() => cite.getByText(`Citing: ${sourceTitle}`).isVisible()).toBe(true);
    await cite.getByLabel("Page, paragraph or section").fill("p. 4");
    await cite.getByRole("button", { name: "Add citation" }).click();
    await expect.poll(() => cite.isVisible()).toBe(false);
    await expect.poll(() => page.locator(".case-editor-text .cite-marker").textContent()).toBe("[1]");

    await waitForSaved(page);
    await page.reload();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Case text" }).textContent())
      .toContain(sentence);
    await expect.poll(() => codeGroup.getByRole("button", { name: `“${sentence}”` }).isVisible()).toBe(true);
    const citedSource = panel.getByRole("region", { name: `[1] ${sourceTitle}` });
    await expect
      .poll(() => citedSource.getByRole("listitem").textContent())
      .toContain(`“${sentence}”p. 4, in Context`);
    expect(await page.locator(".case-editor-text .citation").getAttribute("data-locator")).toBe("p. 4");

    // Jumping from the panel selects the passage in the text and brings it into view.
    await page.mouse.wheel(0, 2000);
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await codeGroup.getByRole("button", { name: `“${sentence}”` }).click();
    await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(sentence);
    const inView = await page
      .locator(".case-editor-text .tag")
      .first()
      .evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    expect(inView).toBe(true);

    // Removing the tag from the panel takes it out of the text too.
    await codeGroup.getByRole("button", { name: /^Remove tag/ }).click();
    await expect.poll(() => page.locator(".case-editor-text .tag").count()).toBe(0);
    await expect.poll(() => panel.getByText("No tagged passages yet.").isVisible()).toBe(true);
    await page.context().close();
  });

  it("links (refusing javascript:), inserts tables and adds and moves sections", async () => {
    const page = await newPage("editor");
    const caseUrl = await createCase(page, `Link check ${unique()}`);
    await openEditor(page, caseUrl);
    await clickUnder(page, "Actors");
    await page.keyboard.type("See the statement");
    await page.keyboard.press("Shift+Home");
    await page.getByRole("button", { name: "Link", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Add a link" });
    await dialog.getByLabel("Address").fill("javascript:alert(1)");
    await dialog.getByRole("button", { name: "Add link" }).click();
    await expect.poll(() => dialog.getByText(/Only web addresses .* can be links/).isVisible()).toBe(true);
    await dialog.getByLabel("Address").fill("example.org/statement");
    expect(await dialog.getByLabel("Address").evaluate((input) => input === document.activeElement)).toBe(
      true,
    );
    await dialog.getByRole("button", { name: "Add link" }).click();
    await expect
      .poll(() => page.locator(".case-editor-text a").getAttribute("href"))
      .toBe("https://example.org/statement");
    expect(await page.getByRole("button", { name: "Edit link" }).getAttribute("aria-pressed")).toBe("true");

    // Tables: insert, then grow by a row and a column.
    await clickUnder(page, "Process");
    await page.getByRole("button", { name: "Insert table" }).click();
    await expect.poll(() => page.locator(".case-editor-text table tr").count()).toBe(3);
    await page.getByRole("button", { name: "Add row" }).click();
    await page.getByRole("button", { name: "Add column" }).click();
    await expect.poll(() => page.locator(".case-editor-text table tr").count()).toBe(4);
    expect(await page.locator(".case-editor-text table tr").first().locator("th, td").count()).toBe(4);

    // Sections: a new one after Lessons, renamed by typing, then moved above it.
    await clickUnder(page, "Lessons");
    await page.getByRole("button", { name: "Add section" }).click();
    await page.keyboard.type("Sources consulted");
    await page.getByRole("button", { name: "Move section up" }).click();
    const headings = await page.locator(".case-editor-text h2").allTextContents();
    expect(headings.slice(-2)).toEqual(["Sources consulted", "Lessons"]);
    await waitForSaved(page);
    await page.context().close();
  });

  it("opens the code picker from the keyboard and closes it with Escape", async () => {
    const page = await newPage("editor");
    const caseUrl = await createCase(page, `Keyboard check ${unique()}`);
    await openEditor(page, caseUrl);
    await clickUnder(page, "Lessons");
    // Without a selection, Tag explains what to do instead of opening an empty picker.
    await page.getByRole("button", { name: "Tag", exact: true }).click();
    await expect.poll(() => page.getByText("Select the words to tag first").isVisible()).toBe(true);
    await page.keyboard.type("Talk early");
    await page.keyboard.press("Shift+Home");
    const picker = page.getByRole("dialog", { name: "Tag the selected passage" });
    await page.keyboard.press("Control+Shift+KeyT");
    await expect.poll(() => picker.isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => picker.isVisible()).toBe(false);
    // Closing the picker gives the focus back to the text, where the shortcut works.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest(".ProseMirror") !== null))
      .toBe(true);
    // Desktop Chrome keeps Ctrl+Shift+T for itself, so Alt+Shift+T opens the picker too.
    await page.keyboard.press("End");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.press("Alt+Shift+KeyT");
    await expect.poll(() => picker.isVisible()).toBe(true);
    const search = picker.getByRole("combobox", { name: "Find a code" });
    expect(await search.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.press("ArrowDown");
    expect(await picker.getByRole("option", { selected: true }).count()).toBe(1);
    await page.keyboard.press("Escape");
    await expect.poll(() => picker.isVisible()).toBe(false);
    expect(await page.locator(".case-editor-text .tag").count()).toBe(0);
    // The toolbar is one tab stop; arrow keys move inside it and show which marks are on.
    await page.getByRole("button", { name: "Bold" }).focus();
    await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Italic");
    await page.keyboard.press("Enter");
    expect(await page.getByRole("button", { name: "Italic" }).getAttribute("aria-pressed")).toBe("true");
    await page.context().close();
  });

  it("lets two people type into the same case at once, with carets and a list of who is here", async () => {
    const first = await newPage("editor");
    const caseUrl = await createCase(first, `Co-editing check ${unique()}`);
    const second = await newPage("owner");
    await openEditor(first, caseUrl);
    await openEditor(second, caseUrl);
    await waitForSaved(first);
    await waitForSaved(second);
    await expect
      .poll(() => first.getByRole("region", { name: "Who is here" }).textContent())
      .toContain("Olivia");
    await expect
      .poll(() => second.getByRole("region", { name: "Who is here" }).textContent())
      .toContain("Eduardo");

    const editorText = "The editor's account of the talks.";
    const ownerText = "The owner's own account, written at the same time.";
    await clickUnder(first, "Process");
    await clickUnder(second, "Lessons");
    await Promise.all([first.keyboard.type(editorText), second.keyboard.type(ownerText)]);
    for (const page of [first, second]) {
      const text = page.getByRole("textbox", { name: "Case text" });
      await expect.poll(() => text.textContent(), { timeout: 10_000 }).toContain(editorText);
      await expect.poll(() => text.textContent(), { timeout: 10_000 }).toContain(ownerText);
    }
    // The other person's caret carries their name.
    await expect.poll(() => first.locator(".collab-caret-label").allTextContents()).toContain("Olivia Owner");
    await waitForSaved(first);
    await waitForSaved(second);

    // Undo takes back one's own typing only.
    await second.keyboard.press("Control+z");
    const firstText = first.getByRole("textbox", { name: "Case text" });
    await expect.poll(() => firstText.textContent(), { timeout: 10_000 }).not.toContain(ownerText);
    expect(await firstText.textContent()).toContain(editorText);
    await first.context().close();
    await second.context().close();
  });

  it("keeps typing offline on this device and merges when the connection is back", async () => {
    const page = await newPage("editor");
    const caseUrl = await createCase(page, `Offline check ${unique()}`);
    const other = await newPage("owner");
    await openEditor(page, caseUrl);
    await openEditor(other, caseUrl);
    await waitForSaved(page);
    await page.context().setOffline(true);
    await clickUnder(page, "Process");
    await page.keyboard.type("Written on a bus with no signal.");
    await expect
      .poll(() => saveStatus(page).textContent(), { timeout: 15_000 })
      .toBe("Offline — changes kept on this device");
    // Someone else writes meanwhile.
    await clickUnder(other, "Lessons");
    await other.keyboard.type("Written at the office.");
    await waitForSaved(other);
    await page.context().setOffline(false);
    await waitForSaved(page);
    for (const current of [page, other]) {
      const text = current.getByRole("textbox", { name: "Case text" });
      await expect
        .poll(() => text.textContent(), { timeout: 10_000 })
        .toContain("Written on a bus with no signal.");
      await expect.poll(() => text.textContent(), { timeout: 10_000 }).toContain("Written at the office.");
    }
    await page.reload();
    await expect
      .poll(() => page.getByRole("textbox", { name: "Case text" }).textContent())
      .toContain("Written on a bus with no signal.");
    await page.context().close();
    await other.context().close();
  });

  it("warns before leaving while changes have not reached the server", async () => {
    const page = await newPage("editor");
    const caseUrl = await createCase(page, `Leave check ${unique()}`);
    await openEditor(page, caseUrl);
    await waitForSaved(page);
    await page.context().setOffline(true);
    await clickUnder(page, "Outcomes");
    await page.keyboard.type("Not on the server yet");
    await expect
      .poll(() => saveStatus(page).textContent(), { timeout: 15_000 })
      .toBe("Offline — changes kept on this device");
    // Closing the tab asks first (the browser's own "Leave site?" question)...
    const question = new Promise<string>((resolve) =>
      page.once("dialog", (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await question).toBe("beforeunload");
    // ...and so does a link inside the app.
    await page.getByRole("link", { name: "← Back to case" }).click();
    const dialog = page.getByRole("dialog", { name: "Leave before the server has your changes?" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole("button", { name: "Stay here" }).click();
    await page.context().setOffline(false);
    await waitForSaved(page);
    await page.getByRole("link", { name: "← Back to case" }).click();
    await expect
      .poll(() => page.getByText("Not on the server yet").isVisible(), { timeout: 10_000 })
      .toBe(true);
    await page.context().close();
  });

  it("fits a 360 px screen", async () => {
    const page = await newPage("editor", 360);
    const caseUrl = await createCase(page, `Narrow check ${unique()}`);
    await openEditor(page, caseUrl);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Tag and Cite stay on screen; the other tools are one tap away.
    expect(await page.getByRole("button", { name: "Tag", exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Bulleted list" }).isVisible()).toBe(false);
    await page.getByRole("button", { name: "More tools" }).click();
    expect(await page.getByRole("button", { name: "Bulleted list" }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.context().close();
  });

  it("tells a reviewer that editing the text is not allowed", async () => {
    const page = await newPage("reviewer");
    await page
      .getByRole("link", { name: /Mauritania/ })
      .first()
      .click();
    await page.waitForURL(/\/cases\/[a-z0-9]+$/);
    const response = await page.goto(`${page.url()}/edit`);
    expect(response?.status()).toBe(403);
    await expect.poll(() => page.getByRole("heading", { name: "Not allowed" }).isVisible()).toBe(true);
    expect(await page.getByRole("textbox", { name: "Case text" }).count()).toBe(0);
    await page.context().close();
  });
});
