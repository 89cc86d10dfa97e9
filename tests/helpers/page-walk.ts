// Every page a person meets in the demo workspace, for one role, found through the pages themselves (as the
// XSS and translation walks do): the narrow-screen test and scripts/page-screenshots.ts go through it.
import type { Page } from "playwright-core";
import { hydrated } from "./chromium";

export type DemoRole = "owner" | "editor" | "reviewer" | "trainer";
export type WalkEntry = { name: string; open: (page: Page) => Promise<void> };

/** The first link on the page whose address matches (its path and query). */
async function firstHref(page: Page, pattern: RegExp): Promise<string | null> {
  const hrefs = await page
    .locator("a[href]")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.find((href) => pattern.test(href)) ?? null;
}

const ID = "[a-z0-9]{8,40}";

/**
 * The pages of the walk for `role` (the page must be signed in as that role). Each entry opens its page and
 * waits until it is hydrated, so what is measured or photographed is what the person sees.
 */
export async function walkPages(page: Page, baseUrl: string, role: DemoRole): Promise<WalkEntry[]> {
  const go = async (path: string) => {
    await page.goto(`${baseUrl}${path}`);
    await hydrated(page);
  };
  await go("/workspaces");
  const workspace = (await firstHref(page, new RegExp(`^/w/${ID}/`)))?.match(new RegExp(`^/w/${ID}`))?.[0];
  if (!workspace) throw new Error(`No workspace for ${role}`);
  await go(`${workspace}/cases`);
  const caseIds = [
    ...new Set(
      (
        await page
          .locator("a[href]")
          .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))
      )
        .map((href) => new RegExp(`/cases/(${ID})$`).exec(href)?.[1])
        .filter((id): id is string => Boolean(id) && id !== "new"),
    ),
  ];
  const caseUrl = `${workspace}/cases/${caseIds[0]}`;
  await go(`${workspace}/codebook`);
  const codeUrl = await firstHref(page, new RegExp(`/codebook/${ID}$`));
  const codeIds = (
    await page.locator("a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))
  )
    .map((href) => new RegExp(`/codebook/(${ID})$`).exec(href)?.[1])
    .filter((id): id is string => Boolean(id));
  await go(`${workspace}/sources`);
  const sourceUrl = await firstHref(page, new RegExp(`/sources/(?!new$|import$)${ID}$`));
  await go(`${workspace}/matrix`);
  const cellAction = await page
    .locator("td button[name='at']")
    .first()
    .getAttribute("value")
    .catch(() => null);

  const paths: Array<[string, string]> = [
    ["workspaces", "/workspaces"],
    ["account", "/account"],
    ["cases", `${workspace}/cases`],
    ["case", caseUrl],
    ["case-review", `${caseUrl}/review`],
    ["case-history", `${caseUrl}/history`],
    ["case-conditions", `${caseUrl}/conditions`],
    ["case-activity", `${caseUrl}/activity`],
    ["reviews", `${workspace}/reviews`],
    ["notifications", `${workspace}/notifications`],
    ["codebook", `${workspace}/codebook`],
    ...(codeUrl ? [["code", codeUrl] as [string, string]] : []),
    ["sources", `${workspace}/sources`],
    ...(sourceUrl ? [["source", sourceUrl] as [string, string]] : []),
    ["matrix", `${workspace}/matrix`],
    ...(cellAction ? [["matrix-cell", `${workspace}/matrix/cell?at=${cellAction}`] as [string, string]] : []),
    [
      "compare",
      `${workspace}/compare?${[
        ...caseIds.slice(0, 3).map((id) => `case=${id}`),
        ...codeIds.slice(0, 4).map((id) => `code=${id}`),
      ].join("&")}`,
    ],
    ["comparisons", `${workspace}/comparisons`],
    ["members", `${workspace}/members`],
  ];
  if (role === "owner" || role === "editor")
    paths.push(
      ["case-edit", `${caseUrl}/edit`],
      ["case-details", `${caseUrl}/details`],
      ["cases-new", `${workspace}/cases/new`],
      ["sources-new", `${workspace}/sources/new`],
      ["sources-import", `${workspace}/sources/import`],
      ["trash", `${workspace}/trash`],
      ["export", `${workspace}/export`],
    );
  if (role === "owner") paths.push(["audit", `${workspace}/audit`], ["settings", `${workspace}/settings`]);
  return paths.map(([name, path]) => ({
    name,
    open: async (current: Page) => {
      await current.goto(`${baseUrl}${path}`);
      await hydrated(current);
      // The editor's text arrives over its own connection, after hydration.
      if (name === "case-edit") await current.locator(".save-status-ok").waitFor({ timeout: 15_000 });
    },
  }));
}
