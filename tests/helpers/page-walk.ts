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
export async function walkPages(
  page: Page,
  baseUrl: string,
  role: DemoRole,
  options: { everyPage?: boolean } = {},
): Promise<WalkEntry[]> {
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
  let actorUrl: string | null = null;
  let setUrl: string | null = null;
  if (options.everyPage) {
    await go(`${workspace}/actors`);
    actorUrl = await firstHref(page, new RegExp(`/actors/${ID}$`));
    await go(`${workspace}/comparisons`);
    setUrl = await firstHref(page, new RegExp(`/comparisons/${ID}$`));
  }
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
  // The pages the narrower walks leave out (the accessibility walk goes through every page: EVERY_PAGE).
  if (options.everyPage) {
    paths.push(
      ["account-sessions", "/account/sessions"],
      ["account-two-factor", "/account/two-factor"],
      ["account-delete", "/account/delete"],
      ["workspaces-import", "/workspaces/import"],
      ["case-events", `${caseUrl}/events`],
      ["timeline", `${workspace}/timeline`],
      ["actors", `${workspace}/actors`],
      ...(actorUrl ? [["actor", actorUrl] as [string, string]] : []),
      ...(setUrl ? [["comparison-set", setUrl] as [string, string]] : []),
      ["mediators", `${workspace}/mediators`],
      ["variants", `${workspace}/variants`],
    );
    if (role === "owner" || role === "editor")
      paths.push(["case-links", `${caseUrl}/links`], ["import-word", `${workspace}/import/word`]);
    if (role === "owner") paths.push(["mail", `${workspace}/mail`]);
  }
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

/** Pages seen signed out (token pages with a token that matches nothing: the page that says so). */
export const SIGNED_OUT_PAGES: Array<[string, string]> = [
  ["sign-in", "/sign-in"],
  ["sign-up", "/sign-up"],
  ["forgot-password", "/forgot-password"],
  ["invite", "/invite/no-such-invitation"],
  ["reset-password", "/reset-password/no-such-token"],
  ["verify-email", "/verify-email/no-such-token"],
];

/**
 * Which route module (app/routes, without its extension) each page of the walks shows. Every route with a
 * page (a default export) must be here or in NOT_WALKED, so a new page without an entry fails the
 * accessibility walk's test.
 */
export const ROUTE_OF_PAGE: Record<string, string> = {
  workspaces: "workspaces",
  account: "account",
  cases: "w.$workspaceId.cases._index",
  case: "w.$workspaceId.cases.$caseId",
  "case-review": "w.$workspaceId.cases.$caseId_.review",
  "case-history": "w.$workspaceId.cases.$caseId_.history",
  "case-conditions": "w.$workspaceId.cases.$caseId_.conditions",
  "case-activity": "w.$workspaceId.cases.$caseId_.activity",
  reviews: "w.$workspaceId.reviews",
  notifications: "w.$workspaceId.notifications",
  codebook: "w.$workspaceId.codebook",
  code: "w.$workspaceId.codebook.$codeId",
  sources: "w.$workspaceId.sources._index",
  source: "w.$workspaceId.sources.$sourceId",
  matrix: "w.$workspaceId.matrix",
  "matrix-cell": "w.$workspaceId.matrix_.cell",
  compare: "w.$workspaceId.compare",
  comparisons: "w.$workspaceId.comparisons._index",
  "comparison-set": "w.$workspaceId.comparisons.$setId",
  members: "w.$workspaceId.members",
  "case-edit": "w.$workspaceId.cases.$caseId_.edit",
  "case-details": "w.$workspaceId.cases.$caseId_.details",
  "cases-new": "w.$workspaceId.cases.new",
  "sources-new": "w.$workspaceId.sources.new",
  "sources-import": "w.$workspaceId.sources.import",
  trash: "w.$workspaceId.trash",
  export: "w.$workspaceId.export",
  audit: "w.$workspaceId.audit",
  settings: "w.$workspaceId.settings",
  "account-sessions": "account_.sessions",
  "account-two-factor": "account_.two-factor",
  "account-delete": "account_.delete",
  "workspaces-import": "workspaces_.import",
  "case-events": "w.$workspaceId.cases.$caseId_.events",
  timeline: "w.$workspaceId.timeline",
  actors: "w.$workspaceId.actors._index",
  actor: "w.$workspaceId.actors.$actorId",
  mediators: "w.$workspaceId.mediators",
  variants: "w.$workspaceId.variants",
  "case-links": "w.$workspaceId.cases.$caseId_.links",
  "import-word": "w.$workspaceId.import.word",
  mail: "w.$workspaceId.mail",
  "sign-in": "sign-in",
  "sign-up": "sign-up",
  "forgot-password": "forgot-password",
  invite: "invite.$token",
  "reset-password": "reset-password.$token",
  "verify-email": "verify-email.$token",
};

/** Route modules with a page that no walk opens, and why. */
export const NOT_WALKED: Record<string, string> = {
  "w.$workspaceId": "the workspace layout: every workspace page of the walk renders inside it",
  "sign-in_.two-factor":
    "only reached mid sign-in by a person with two-step sign-in (tests/browser/accounts)",
};
