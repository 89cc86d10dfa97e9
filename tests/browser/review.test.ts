import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DemoRole, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** One person in their own browser context (their own cookies), signed in to the demo workspace. */
async function person(who: DemoRole, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, who);
  return page;
}

const visible = (locator: ReturnType<Page["getByText"]>) => expect.poll(() => locator.isVisible()).toBe(true);

describe("review workflow", () => {
  it("goes from draft to changes requested to approved, and pins the approved version for trainers", async () => {
    const title = `Ségou truce review ${Date.now()}`;
    const editor = await person("editor");
    await editor.getByRole("link", { name: "New case" }).first().click();
    await visible(editor.getByRole("heading", { level: 1, name: "New case" }));
    await editor.getByLabel("Title").fill(title);
    await editor.getByLabel("Countries or regions").fill("Mali, Ségou region");
    await editor.getByLabel("From (year)").fill("2019");
    await editor.getByRole("button", { name: "Create case" }).click();
    await visible(editor.getByRole("heading", { level: 1, name: title }));
    const caseUrl = editor.url();

    await editor.goto(`${caseUrl}/review`);
    await visible(editor.getByRole("heading", { level: 1, name: `Review of “${title}”` }));
    await visible(editor.getByText("Not approved yet: trainers do not see this case."));
    // Submitting without a reviewer is explained next to the list, and nothing changes.
    await editor.getByRole("button", { name: "Submit for review" }).click();
    await visible(editor.getByText("Pick at least one reviewer."));
    await editor.getByLabel(/Rokia Reviewer/).check();
    await editor.getByLabel("Message to the reviewers (optional)").fill("Ready for a first read.");
    await editor.getByRole("button", { name: "Submit for review" }).click();
    await visible(editor.getByText(/submitted for review\. The reviewers are notified\./));
    await visible(editor.getByRole("heading", { level: 1, name: title }));

    // The reviewer sees the bell count, opens the notification and asks for changes.
    const reviewer = await person("reviewer");
    const bell = reviewer.getByRole("link", { name: /^Notifications, \d+ unread$/ });
    await expect.poll(() => bell.isVisible()).toBe(true);
    await bell.click();
    await visible(reviewer.getByRole("heading", { level: 1, name: "Notifications" }));
    const item = reviewer.getByRole("listitem").filter({ hasText: title });
    await visible(item.getByText("Eduardo Editor"));
    await visible(item.getByText("Ready for a first read."));
    await item.getByRole("link", { name: /Open the review/ }).click();
    await visible(reviewer.getByText("You were asked to review it."));
    await reviewer.getByRole("button", { name: "Request changes" }).click();
    await visible(reviewer.getByText("Say what needs to change: the note is required."));
    await reviewer.getByLabel("What needs to change").fill("Cite the article for the hostage exchanges.");
    await reviewer.getByRole("button", { name: "Request changes" }).click();
    await visible(reviewer.getByText("Changes requested. The editors are notified and see your note."));

    // The editor reads the note and resubmits (the reviewer is suggested again).
    await editor.goto(`${caseUrl}/review`);
    await visible(editor.getByRole("heading", { name: /Last decision: Changes requested/ }));
    await visible(editor.getByText("Cite the article for the hostage exchanges."));
    expect(await editor.getByLabel(/Rokia Reviewer/).isChecked()).toBe(true);
    await editor.getByRole("button", { name: "Resubmit for review" }).click();
    await visible(editor.getByText(/submitted for review\. The reviewers are notified\./));

    await reviewer.goto(`${caseUrl}/review`);
    await reviewer.getByRole("button", { name: /^Approve revision \d+$/ }).click();
    await visible(reviewer.getByText(/^Approved revision \d+\. Trainers now read this version\.$/));

    // A new edit starts a draft; readers who see drafts are told, trainers keep the approved title.
    await editor.goto(`${caseUrl}/details`);
    await editor.getByLabel("Title").fill(`${title} (draft rename)`);
    await editor.getByRole("button", { name: "Save details" }).click();
    await visible(editor.getByRole("heading", { level: 1, name: `${title} (draft rename)` }));
    await editor.goto(`${caseUrl}/review`);
    await visible(editor.getByText("A newer draft exists."));
    await visible(editor.getByRole("button", { name: "Submit for review" }));

    const trainer = await person("trainer");
    await trainer.goto(caseUrl);
    await visible(trainer.getByRole("heading", { level: 1, name: title }));
    expect(await trainer.getByText("draft rename").count()).toBe(0);

    // The activity timeline tells the story in words.
    await editor.goto(`${caseUrl}/activity`);
    await visible(editor.getByText(/approved revision \d+/).first());
    await visible(editor.getByText("requested changes:").first());
    await visible(editor.getByText(/submitted revision 1 for review to Rokia Reviewer/).first());

    for (const page of [editor, reviewer, trainer]) await page.context().close();
  });

  it("marks notifications read one by one and all at once", async () => {
    const editor = await person("editor");
    const titles = [`Bell check A ${Date.now()}`, `Bell check B ${Date.now()}`];
    const newCaseUrl = editor.url().replace(/\/cases.*$/, "/cases/new");
    for (const title of titles) {
      await editor.goto(newCaseUrl);
      await editor.getByLabel("Title").fill(title);
      await editor.getByLabel("Countries or regions").fill("Niger");
      await editor.getByRole("button", { name: "Create case" }).click();
      await visible(editor.getByRole("heading", { level: 1, name: title }));
      await editor.goto(`${editor.url()}/review`);
      await editor.getByLabel(/Rokia Reviewer/).check();
      await editor.getByRole("button", { name: "Submit for review" }).click();
      await visible(editor.getByText(/submitted for review\. The reviewers are notified\./));
    }
    const reviewer = await person("reviewer");
    await reviewer.getByRole("link", { name: /^Notifications, / }).click();
    const first = reviewer.getByRole("listitem").filter({ hasText: titles[0] });
    await first.getByRole("button", { name: "Mark read" }).click();
    await expect.poll(() => first.getByRole("button", { name: "Mark read" }).count()).toBe(0);
    await reviewer.getByRole("button", { name: "Mark all read" }).click();
    await visible(reviewer.getByText("All notifications marked read."));
    await visible(reviewer.getByRole("link", { name: "Notifications, none unread" }));
    expect(await reviewer.getByRole("button", { name: "Mark read" }).count()).toBe(0);

    // "My reviews" lists what is waiting.
    await reviewer
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "My reviews" })
      .click();
    const waiting = reviewer.getByRole("region", { name: /Waiting for your review/ });
    await visible(waiting.getByRole("link", { name: titles[1] }));
    for (const page of [editor, reviewer]) await page.context().close();
  });

  it("shows owners the audit log with sign-ins, and refuses it to others", async () => {
    const owner = await person("owner");
    await owner
      .getByRole("navigation", { name: "Workspace" })
      .getByRole("link", { name: "Audit log" })
      .click();
    await visible(owner.getByRole("heading", { level: 1, name: "Audit log" }));
    await visible(owner.getByRole("cell", { name: "Signed in" }).first());
    await visible(owner.getByRole("cell", { name: /owner@example\.org/ }).first());
    await owner.getByLabel("Kind").selectOption("reviews");
    await owner.getByRole("button", { name: "Filter" }).click();
    await visible(owner.getByRole("cell", { name: "Approved a case" }).first());

    const editor = await person("editor");
    expect(
      await editor
        .getByRole("navigation", { name: "Workspace" })
        .getByRole("link", { name: "Audit log" })
        .count(),
    ).toBe(0);
    const response = await editor.goto(owner.url());
    expect(response?.status()).toBe(403);
    for (const page of [owner, editor]) await page.context().close();
  });
});
