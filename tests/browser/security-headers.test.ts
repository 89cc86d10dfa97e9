// The headers every page goes out with, and what Chromium makes of them: a Content-Security-Policy whose
// only inline scripts are Remix's own (with this response's nonce), no framing, no sniffing, no referrer
// beyond this site, no caching of what a signed-in person reads, and writes only from our own pages.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hydrated, launchChromium, sessionCookie, signIn, testBaseUrl } from "../helpers/chromium";
import { startTestServer } from "../helpers/test-server";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

function directives(policy: string) {
  return new Map(
    policy
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name, values]),
  );
}

/** Checks one HTML answer: its policy, and that every inline script carries this response's nonce. */
async function checkDocument(path: string, cookie?: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    redirect: "manual",
    headers: cookie ? { Cookie: cookie } : {},
  });
  const html = await response.text();
  expect(response.headers.get("Content-Type"), path).toMatch(/^text\/html/);
  expect(response.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
  expect(response.headers.get("Referrer-Policy"), path).toBe("same-origin");
  expect(response.headers.get("X-Frame-Options"), path).toBe("DENY");
  expect(response.headers.get("X-Powered-By"), path).toBeNull();
  const policy = directives(response.headers.get("Content-Security-Policy") ?? "");
  const scripts = policy.get("script-src") ?? [];
  const nonce = scripts.find((value) => value.startsWith("'nonce-"))?.slice(7, -1) ?? "";
  expect(nonce.length, path).toBeGreaterThanOrEqual(16);
  expect(scripts, path).not.toContain("'unsafe-inline'");
  expect(scripts, path).not.toContain("'unsafe-eval'");
  expect(
    scripts.filter((value) => !value.startsWith("'nonce-")),
    path,
  ).toEqual(["'self'"]);
  expect(policy.get("default-src"), path).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
  expect(policy.get("object-src"), path).toEqual(["'none'"]);
  expect(policy.get("base-uri"), path).toEqual(["'none'"]);
  expect(policy.get("form-action"), path).toEqual(["'self'"]);
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, path).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, path).toContain(`nonce="${nonce}"`);
  return { response, nonce };
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchedPage(problems: string[]) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().startsWith("CSP violation"))
      problems.push(`${message.text()} on ${page.url()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message} on ${page.url()}`));
  return page;
}

async function loaded(page: Page) {
  await page.locator("main").first().waitFor();
  await hydrated(page);
}

describe("security headers", () => {
  it("sends a nonce-based policy with every page, a new nonce each time, signed in or not", async () => {
    const cookie = await sessionCookie(baseUrl, "editor@example.org");
    const signInPage = await checkDocument("/sign-in");
    const again = await checkDocument("/sign-in");
    expect(again.nonce).not.toBe(signInPage.nonce);
    // Nothing a visitor reads before signing in is private; what a signed-in person reads is not stored.
    expect(signInPage.response.headers.get("Cache-Control")).toBeNull();
    const workspaces = await checkDocument("/workspaces", cookie);
    expect(workspaces.response.headers.get("Cache-Control")).toBe("private, no-store");
    const list = await fetch(`${baseUrl}/workspaces`, { headers: { Cookie: cookie } }).then((r) => r.text());
    const workspaceUrl = /href="(\/w\/[a-z0-9]+)/.exec(list)![1];
    await checkDocument(`${workspaceUrl}/cases`, cookie);
    await checkDocument(`${workspaceUrl}/codebook`, cookie);
    // Error pages too: a page that does not exist, a workspace one is not a member of.
    const missing = await checkDocument("/no-such-page", cookie);
    expect(missing.response.status).toBe(404);
    const foreign = await checkDocument("/w/aaaaaaaaaaaaaaaa/cases", cookie);
    expect(foreign.response.status).toBe(404);
  });

  it("keeps nosniff on data requests and downloads, and never caches them for a signed-in person", async () => {
    const cookie = await sessionCookie(baseUrl, "editor@example.org");
    const data = await fetch(`${baseUrl}/workspaces.data`, { headers: { Cookie: cookie } });
    expect(data.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(data.headers.get("Cache-Control")).toBe("private, no-store");
    const list = await fetch(`${baseUrl}/workspaces`, { headers: { Cookie: cookie } }).then((r) => r.text());
    const workspaceUrl = /href="(\/w\/[a-z0-9]+)/.exec(list)![1];
    const download = await fetch(`${baseUrl}${workspaceUrl}/sources/export?format=bib`, {
      headers: { Cookie: cookie },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment/);
  });

  it("refuses a write posted from another site, and takes one from this site", async () => {
    const form = { email: "editor@example.org", password: "not the password" };
    const forged = await fetch(`${baseUrl}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: new URLSearchParams(form),
    });
    expect(forged.status).toBe(403);
    const opaque = await fetch(`${baseUrl}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "null" },
      body: new URLSearchParams(form),
    });
    expect(opaque.status).toBe(403);
    const ours = await fetch(`${baseUrl}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
      body: new URLSearchParams(form),
    });
    expect(ours.status).toBe(400);
  });

  it("behind a proxy, throttles by the address the proxy saw, whatever X-Forwarded-For the client sent", async () => {
    const proxied = await startTestServer({ TRUST_PROXY: "1", SEED_DEMO: "0" });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 6; i++) {
        const response = await fetch(`${proxied.baseUrl}/sign-in`, {
          method: "POST",
          redirect: "manual",
          headers: {
            "Content-Type": "application/x-www-form-urlencoded",
            // The client forged the first address; the proxy appended the one it saw.
            "X-Forwarded-For": `203.0.113.${i}, 198.51.100.7`,
          },
          body: new URLSearchParams({ email: "someone@example.org", password: "a guess" }),
        });
        statuses.push(response.status);
        retryAfter = response.headers.get("Retry-After");
      }
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
      // The page (a form posted without JavaScript) carries the wait too.
      expect(Number(retryAfter)).toBeGreaterThan(25);
      expect(Number(retryAfter)).toBeLessThanOrEqual(30);
    } finally {
      await proxied.stop();
    }
  });

  it("lets Chromium run the app without a single violation, and blocks a script without the nonce", async () => {
    const problems: string[] = [];
    const page = await watchedPage(problems);
    await page.goto(`${baseUrl}/sign-in`);
    await loaded(page);
    await signIn(page, baseUrl, "owner");
    await loaded(page);
    // Client-side navigations through the main pages, then full loads of the same pages.
    const nav = page.getByRole("navigation", { name: "Workspace" });
    for (const name of ["Codebook", "Sources", "Matrix", "Cases"]) {
      await nav.getByRole("link", { name, exact: true }).click();
      await expect.poll(() => page.getByRole("heading", { level: 1, name }).isVisible()).toBe(true);
    }
    await page
      .getByRole("link", { name: /Mauritania/ })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: /Mauritania/ }).waitFor();
    const caseUrl = page.url();
    const workspace = caseUrl.replace(/\/cases\/.*$/, "");
    for (const path of [
      caseUrl,
      `${caseUrl}/edit`,
      `${caseUrl}/history`,
      `${workspace}/compare`,
      `${workspace}/matrix`,
      `${workspace}/members`,
      `${workspace}/audit`,
      `${baseUrl}/account`,
    ]) {
      await page.goto(path);
      await loaded(page);
    }
    expect(problems).toEqual([]);

    // A script without the nonce, however it gets into the page, does not run.
    const ran = await page.evaluate(async () => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.body.append(script);
      const img = document.createElement("img");
      img.setAttribute("src", "data:,");
      img.setAttribute("onerror", "window.__injected = true");
      img.setAttribute("onload", "window.__injected = true");
      document.body.append(img);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return (window as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => problems.filter((p) => p.includes("script-src")).length).toBeGreaterThan(0);
    await page.context().close();
  });

  it("cannot be framed by another page", async () => {
    const page = await browser.newPage();
    await page.setContent(`<iframe src="${baseUrl}/sign-in" title="framed"></iframe>`);
    await page.waitForTimeout(1000);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    // Chromium shows its own error page in place of the sign-in form.
    expect(framed?.url()).not.toContain(baseUrl);
    expect(await framed?.evaluate(() => document.body.textContent)).not.toContain("Password");
    await page.context().close();
  });
});
