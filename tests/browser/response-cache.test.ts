// The per-member response cache (ADR 0009) against the production server: a page is answered again from
// the cache only to the same person, with a fresh nonce, and never once the database changed, the person's
// role changed, they were removed or they signed out. (HTTP only: no Chromium needed.)
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { registerSearchFunctions } from "../../db/client";
import { sessionCookie, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
const databaseFile = (globalThis as { casebookDatabaseFile?: string }).casebookDatabaseFile as string;

let workspaceId = "";
let caseId = "";
let editorId = "";

beforeAll(() => {
  const db = new Database(databaseFile, { readonly: true });
  try {
    workspaceId = (db.prepare("select id from workspaces limit 1").get() as { id: string }).id;
    caseId = (
      db
        .prepare("select id from cases where workspace_id = ? and deleted_at is null limit 1")
        .get(workspaceId) as {
        id: string;
      }
    ).id;
    editorId = (db.prepare("select id from users where email = 'editor@example.org'").get() as { id: string })
      .id;
  } finally {
    db.close();
  }
});

async function get(path: string, cookie: string) {
  const response = await fetch(`${baseUrl}${path}`, { redirect: "manual", headers: { Cookie: cookie } });
  const body = await response.text();
  const policy = response.headers.get("Content-Security-Policy") ?? "";
  return {
    status: response.status,
    body,
    cache: response.headers.get("X-Response-Cache"),
    location: response.headers.get("Location"),
    nonce: /'nonce-([^']+)'/.exec(policy)?.[1] ?? "",
  };
}

/** Asks twice, so the second answer comes from the cache when the page can be kept. */
async function warm(path: string, cookie: string) {
  await get(path, cookie);
  const second = await get(path, cookie);
  expect(second.cache, path).toBe("hit");
  return second;
}

async function post(path: string, cookie: string, form: Record<string, string>) {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl, Cookie: cookie },
    body: new URLSearchParams(form),
  });
  await response.text();
  return response.status;
}

const library = () => `/w/${workspaceId}/cases`;

/**
 * Signs in and opens the workspace once: the first page of a workspace a person opens records it as the one
 * they used last ("/" opens it), which is a write, so the cache answers from the page after.
 */
async function signedIn(email: string) {
  const cookie = await sessionCookie(baseUrl, email);
  await get(library(), cookie);
  return cookie;
}
const casePage = () => `/w/${workspaceId}/cases/${caseId}`;

describe("response cache", () => {
  it("answers a page again with the request's own nonce, everywhere in the page", async () => {
    const owner = await signedIn("owner@example.org");
    const first = await get(casePage(), owner);
    expect(first.status).toBe(200);
    const second = await get(casePage(), owner);
    const third = await get(casePage(), owner);
    expect(second.cache).toBe("hit");
    expect(third.cache).toBe("hit");
    const nonces = [first.nonce, second.nonce, third.nonce];
    expect(new Set(nonces).size).toBe(3);
    for (const answer of [first, second, third]) {
      const inPage = [...answer.body.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
      expect(inPage.length).toBeGreaterThan(0);
      expect(new Set(inPage)).toEqual(new Set([answer.nonce]));
    }
    // Apart from the nonce, the same page.
    expect(second.body.replaceAll(second.nonce, "")).toBe(first.body.replaceAll(first.nonce, ""));
  });

  it("never gives one member's page to another", async () => {
    const owner = await signedIn("owner@example.org");
    const editor = await signedIn("editor@example.org");
    const ownerPage = await warm(library(), owner);
    expect(ownerPage.body).toContain("Olivia Owner");
    const editorPage = await get(library(), editor);
    expect(editorPage.status).toBe(200);
    expect(editorPage.cache).toBe("miss");
    expect(editorPage.body).toContain("Eduardo Editor");
    expect(editorPage.body).not.toContain("Olivia Owner");
    // Two sessions of the same person share the page: it is keyed on the person, not the session.
    const ownerAgain = await signedIn("owner@example.org");
    const shared = await get(library(), ownerAgain);
    expect(shared.status).toBe(200);
    expect(shared.body).toContain("Olivia Owner");
  });

  it("drops pages after a write through the app and after one by another connection", async () => {
    const owner = await signedIn("owner@example.org");
    await warm(casePage(), owner);
    // A write by another connection (a script, a restore): SQLite's data_version moves.
    const db = new Database(databaseFile);
    // Like every connection of the app, it gives the search index's triggers their stemmer (ADR 0004).
    registerSearchFunctions(db);
    try {
      const before = await get(casePage(), owner);
      expect(before.cache).toBe("hit");
      db.prepare("update cases set title = ? where id = ?").run(
        "Title changed by another connection",
        caseId,
      );
    } finally {
      db.close();
    }
    const after = await get(casePage(), owner);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("Title changed by another connection");

    // A write by the app itself, on a page other than the one kept: here an invite.
    await warm(library(), owner);
    expect(await post(`/w/${workspaceId}/members`, owner, { intent: "invite", role: "editor" })).toBeLessThan(
      400,
    );
    const list = await get(library(), owner);
    expect(list.cache).toBe("miss");
    expect(list.status).toBe(200);
  });

  it("follows a change of role and a removal at once", async () => {
    const owner = await signedIn("owner@example.org");
    const editor = await signedIn("editor@example.org");
    const asEditor = await warm(library(), editor);
    expect(asEditor.body).toContain("New case");

    expect(
      await post(`/w/${workspaceId}/members`, owner, { intent: "role", userId: editorId, role: "trainer" }),
    ).toBeLessThan(400);
    const asTrainer = await get(library(), editor);
    expect(asTrainer.cache).toBe("miss");
    expect(asTrainer.status).toBe(200);
    expect(asTrainer.body).not.toContain("New case");

    await warm(library(), editor);
    expect(
      await post(`/w/${workspaceId}/members`, owner, { intent: "remove", userId: editorId }),
    ).toBeLessThan(400);
    const removed = await get(library(), editor);
    expect(removed.status).toBe(404);
    expect(removed.body).toContain("not a member of it");
  });

  it("stops answering a session as soon as it is signed out", async () => {
    const reviewer = await signedIn("reviewer@example.org");
    await warm(casePage(), reviewer);
    const status = await post("/sign-out", reviewer, {});
    expect(status).toBe(302);
    const after = await get(casePage(), reviewer);
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/sign-in/);
    expect(after.body).not.toContain("Rokia Reviewer");
  });

  it("leaves a page carrying a one-shot message to the app", async () => {
    const owner = await signedIn("owner@example.org");
    await warm(casePage(), owner);
    const withToast = await get(casePage(), `${owner}; casebook_toast=anything`);
    expect(withToast.status).toBe(200);
    expect(withToast.cache).toBeNull();
  });
});
