// What browser tests do with cases again and again, as a person does it: create one through the form, open
// its editor, put the cursor under a section.
import type { Page } from "playwright-core";
import { expect } from "vitest";

/** A suffix that makes a title or label unique within a test run. */
export const unique = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

/** The workspace id of the page the person is on. */
export const workspaceOf = (page: Page) => /\/w\/([a-z0-9]+)/.exec(page.url())?.[1] ?? "";

/** Creates a case through the "New case" form of the signed-in person's workspace; answers its URL. */
export async function createCase(page: Page, title: string): Promise<string> {
  const workspace = workspaceOf(page);
  expect(workspace).toBeTruthy();
  await page.goto(`${new URL(page.url()).origin}/w/${workspace}/cases/new`);
  await expect.poll(() => page.getByRole("button", { name: "Create case" }).isVisible()).toBe(true);
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Countries or regions").fill("Mali");
  await page.getByLabel("From (year)").fill("2019");
  await page.getByRole("button", { name: "Create case" }).click();
  await page.waitForURL(/\/cases\/(?!new$)[a-z0-9]+$/);
  return page.url();
}

/** Opens the case's editor and waits until its text can be typed in. */
export async function openEditor(page: Page, caseUrl: string) {
  await page.goto(`${caseUrl}/edit`);
  await expect.poll(() => page.getByRole("textbox", { name: "Case text" }).isVisible()).toBe(true);
}

/** Puts the cursor in the (empty) paragraph under a section heading. */
export async function clickUnder(page: Page, section: string) {
  await page
    .locator(".case-editor-text h2", { hasText: section })
    .locator("xpath=following-sibling::p[1]")
    .click();
}
