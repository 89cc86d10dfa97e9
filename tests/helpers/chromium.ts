import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it with: apt-get install chromium (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
}

export const DEMO_PASSWORD = "casebook-demo";
export type DemoRole = "owner" | "editor" | "reviewer" | "trainer";

export async function signIn(
  page: Page,
  baseUrl: string,
  who: DemoRole | { email: string; password: string },
) {
  const email = typeof who === "string" ? `${who}@example.org` : who.email;
  const password = typeof who === "string" ? DEMO_PASSWORD : who.password;
  await page.goto(`${baseUrl}/sign-in`);
  // With scripts on, let React take over first: leaving a page while it hydrates makes React report an
  // error (#345) that tests listening for page errors would count. Without scripts the form posts as HTML.
  if (await page.evaluate(() => "__remixContext" in window)) await hydrated(page);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

/** The server of the current browser test file (tests/helpers/browser-setup.ts). */
export function testBaseUrl(): string {
  const url = (globalThis as { casebookBaseUrl?: string }).casebookBaseUrl;
  if (!url) throw new Error("No test server: run browser tests with vitest.browser.config.ts");
  return url;
}

/** Where the current browser test file's server writes mail (it runs without SMTP_URL). */
export function testOutboxDir(): string {
  const file = (globalThis as { casebookDatabaseFile?: string }).casebookDatabaseFile;
  if (!file) throw new Error("No test server: run browser tests with vitest.browser.config.ts");
  return join(dirname(file), "outbox");
}

/** Waits until React has taken over the page (the root layout marks it): before that, clicks only do what HTML does. */
export async function hydrated(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** A session cookie for a demo person, got through the sign-in form as a browser would post it. */
export async function sessionCookie(baseUrl: string, email: string) {
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 302) throw new Error(`Sign-in of ${email} answered ${response.status}, not 302`);
  return (response.headers.get("Set-Cookie") ?? "").split(";")[0];
}

/**
 * On a phone the workspace's sections fold into the "Sections" menu (app-header.tsx): opens it when it is
 * shown and closed, so that the section links can be followed as a person would.
 */
export async function openSectionsMenu(page: Page) {
  // The header first: one of the two ways to the sections is shown once the page is there.
  await page
    .locator(".workspace-nav-menu > summary:visible, .app-header > .workspace-nav:visible")
    .first()
    .waitFor();
  const summary = page.locator(".workspace-nav-menu > summary");
  if ((await summary.isVisible()) && (await page.locator(".workspace-nav-menu[open]").count()) === 0)
    await summary.click();
}
