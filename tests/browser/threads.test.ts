import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hydrated, launchChromium, openSectionsMenu, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function person(role: "editor" | "reviewer" | "trainer", width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, role);
  return page;
}

async function openCase(page: Page, name: RegExp) {
  await openSectionsMenu(page);
  await page.getByRole("link", { name: "Cases", exact: true }).first().click();
  await page.getByRole("link", { name }).first().click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** Selects `quote` in the case text as a person dragging over it would (it may cross tags and markers). */
async function select(page: Page, quote: string) {
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
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
  }, quote);
}

function highlightText(page: Page) {
  return page.evaluate(() => {
    const marks = Array.from(document.querySelectorAll<HTMLElement>("mark.thread-highlight:not(.is-draft)"));
    const byThread = new Map<string, string>();
    for (const mark of marks)
      byThread.set(mark.dataset.thread!, (byThread.get(mark.dataset.thread!) ?? "") + mark.textContent);
    return [...byThread.values()];
  });
}

describe("comment threads", () => {
  it("a reviewer comments on a passage, the editor replies with a mention, the reviewer resolves", async () => {
    const quote = "Openness was offered only from a position";
    const reviewer = await person("reviewer");
    await openCase(reviewer, /Somalia/);
    const column = reviewer.getByRole("complementary", { name: /Comments/ });
    await expect.poll(() => column.isVisible()).toBe(true);

    // The selection crosses into a tagged passage: the "Comment" button appears beside it.
    await select(reviewer, quote);
    const commentButton = reviewer.locator(".selection-comment").getByRole("button", { name: "Comment" });
    await expect.poll(() => commentButton.isVisible()).toBe(true);
    await commentButton.click();
    const box = column.getByLabel("Your comment", { exact: true });
    await expect.poll(() => box.isVisible()).toBe(true);
    expect(await reviewer.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("body");

    // An empty comment gets a message and nothing is lost.
    await column.getByRole("button", { name: "Comment", exact: true }).click();
    await expect.poll(() => column.getByText("Write a comment before sending it.").isVisible()).toBe(true);

    await box.fill("Which offensive does the article mean? See https://example.org/source");
    await column.getByRole("button", { name: "Comment", exact: true }).click();
    const created = column.locator(".thread-list > .thread-card", { hasText: "Which offensive" });
    await expect.poll(() => created.isVisible()).toBe(true);
    const card = column.locator(`#${await created.getAttribute("id")}`);
    expect(await card.getByRole("link", { name: "https://example.org/source" }).getAttribute("rel")).toBe(
      "noopener noreferrer nofollow",
    );
    // The server placed the thread on the same characters the browser measured the selection in.
    await expect.poll(() => highlightText(reviewer)).toEqual([quote]);
    // The case text itself is unchanged: the highlight is only a mark around it.
    expect(await reviewer.locator(".case-body-html").textContent()).toContain(
      "Openness was offered only from",
    );

    // The editor, in another browser, sees the highlight and the thread; the highlight opens the thread.
    const editor = await person("editor");
    await openCase(editor, /Somalia/);
    await expect.poll(() => highlightText(editor)).toEqual([quote]);
    await editor.locator("mark.thread-highlight").first().click();
    await expect
      .poll(() => editor.evaluate(() => document.activeElement?.className ?? ""))
      .toContain("is-active");
    const editorCard = editor.locator(".thread-card.is-active");
    expect(await editorCard.textContent()).toContain("Which offensive");

    // Reply with an @mention picked from the autocomplete, by keyboard.
    await editorCard.locator("summary", { hasText: "Reply" }).click();
    const reply = editorCard.getByLabel("Your reply", { exact: true });
    await reply.pressSequentially("@rok");
    const option = editor.getByRole("option", { name: /Rokia Reviewer/ });
    await expect.poll(() => option.isVisible()).toBe(true);
    await reply.press("Enter");
    expect(await reply.inputValue()).toBe("@Rokia Reviewer ");
    await reply.pressSequentially("the article says para. 33.");
    await editorCard.getByRole("button", { name: "Reply", exact: true }).click();
    await expect
      .poll(() =>
        editorCard
          .locator("strong.mention")
          .first()
          .textContent()
          .catch(() => null),
      )
      .toBe("@Rokia Reviewer");

    // The other way round: the quote in the column scrolls to the highlight and flashes it.
    await editorCard.getByRole("button", { name: /Show in the text/ }).click();
    await expect.poll(() => editor.evaluate(() => document.activeElement?.tagName)).toBe("MARK");

    // The reviewer sees the reply, and resolves the thread: it is hidden unless "Show resolved" is ticked.
    await reviewer.reload();
    const reviewerCard = card;
    await expect.poll(() => reviewerCard.textContent()).toContain("the article says para. 33.");
    await reviewerCard.getByRole("button", { name: "Resolve" }).click();
    await expect.poll(() => reviewerCard.isVisible()).toBe(false);
    await expect.poll(() => highlightText(reviewer)).toEqual([]);
    const showResolved = column.getByLabel(/Show resolved \(1\)/);
    await showResolved.check();
    await expect.poll(() => reviewerCard.isVisible()).toBe(true);
    expect(await reviewerCard.textContent()).toContain("Resolved by Rokia Reviewer");
    await reviewerCard.getByRole("button", { name: "Reopen" }).click();
    await expect.poll(() => column.getByLabel(/Show resolved/).count()).toBe(0);
    await expect.poll(() => highlightText(reviewer)).toEqual([quote]);

    // The reviewer edits their comment; the box opens on the saved text again afterwards.
    await reviewerCard.locator("summary", { hasText: "Edit" }).click();
    const edit = reviewerCard.getByLabel("Edit your comment", { exact: true });
    expect(await edit.inputValue()).toContain("Which offensive does the article mean?");
    await edit.fill("Which offensive is meant?");
    await reviewerCard.getByRole("button", { name: "Save" }).click();
    await expect
      .poll(() => reviewerCard.locator(".comment").first().textContent())
      .toMatch(/\(edited\)Which offensive is meant\?Edit/);
    await reviewerCard.locator("summary", { hasText: "Edit" }).click();
    expect(await edit.inputValue()).toBe("Which offensive is meant?");
    await reviewerCard.locator("summary", { hasText: "Edit" }).click();

    // The reviewer deletes the comment of theirs; the editor's reply keeps the thread.
    await reviewerCard.getByRole("button", { name: "Delete" }).first().click();
    await reviewerCard.getByRole("button", { name: "Yes, delete" }).click();
    await expect.poll(() => reviewerCard.textContent()).toContain("This comment was deleted.");

    await reviewer.context().close();
    await editor.context().close();
  });

  it("lists threads and takes replies without JavaScript", async () => {
    const reviewer = await person("reviewer");
    await openCase(reviewer, /Somalia/);
    const caseUrl = reviewer.url();
    await select(reviewer, "the “Mauritanian model” has quietly influenced others");
    await reviewer.locator(".selection-comment").getByRole("button", { name: "Comment" }).click();
    const comment = reviewer.getByLabel("Your comment", { exact: true });
    await comment.fill("Worth a code of its own?");
    // The form's own button: the selection's "Comment" may still be on screen for a moment.
    await reviewer
      .locator("form", { has: comment })
      .getByRole("button", { name: "Comment", exact: true })
      .click();
    await reviewer.locator(".thread-list > .thread-card", { hasText: "Worth a code" }).waitFor();
    await reviewer.context().close();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const editor = await context.newPage();
    await editor.goto(`${baseUrl}/sign-in`);
    await editor.getByLabel("Email").fill("editor@example.org");
    await editor.getByLabel("Password").fill("casebook-demo");
    await editor.getByRole("button", { name: "Sign in" }).click();
    await editor.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
    await editor.goto(caseUrl);
    const card = editor.locator(".thread-list > .thread-card", { hasText: "Worth a code" });
    expect(await card.textContent()).toContain("“the “Mauritanian model” has quietly influenced others”");

    // An empty reply: the page comes back with the message under the reply box.
    await card.locator("summary", { hasText: "Reply" }).click();
    await card.getByRole("button", { name: "Reply", exact: true }).click();
    await expect.poll(() => card.getByText("Write a comment before sending it.").isVisible()).toBe(true);
    await card.getByLabel("Your reply", { exact: true }).fill("Yes: “external model” would do.");
    await card.getByRole("button", { name: "Reply", exact: true }).click();
    await expect.poll(() => card.textContent()).toContain("Yes: “external model” would do.");
    await context.close();
  });

  it("shows trainers no comment threads", async () => {
    const trainer = await person("trainer");
    await openCase(trainer, /Ségou/);
    expect(await trainer.getByRole("complementary", { name: "Tagged passages" }).isVisible()).toBe(true);
    expect(await trainer.getByRole("complementary", { name: /Comments/ }).count()).toBe(0);
    await trainer.context().close();
  });

  it("keeps the column usable at 360 px", async () => {
    const reviewer = await person("reviewer", 360);
    await openCase(reviewer, /Somalia/);
    await select(reviewer, "a shift from the government");
    await reviewer.locator(".selection-comment").getByRole("button", { name: "Comment" }).click();
    const box = reviewer.getByLabel("Your comment", { exact: true });
    await expect.poll(() => box.isVisible()).toBe(true);
    const width = await reviewer.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await reviewer.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => box.count()).toBe(0);
    await reviewer.context().close();
  });
});
