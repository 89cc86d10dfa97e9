// The case editor's save action, called the way the browser calls it: a JSON body, not a form.
import type { JSONContent } from "@tiptap/core";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { newCaseDocument } from "~/editor";
import { createCase, getCase } from "~/models/cases.server";
import { newId } from "~/models/ids.server";
import { createSource } from "~/models/sources.server";
import * as route from "~/routes/w.$workspaceId.cases.$caseId_.edit";
import { db } from "~/utils/db.server";
import { citations, codes, passages } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Team = Awaited<ReturnType<typeof makeTeam>>;
type Result = { status: number; body: Record<string, unknown> | null };

let team: Team;
let codeId: string;
let foreignCodeId: string;
let sourceId: string;

function addCode(workspaceId: string, label: string) {
  const id = newId();
  db.insert(codes).values({ id, workspaceId, kind: "precondition", label, color: "#2563eb" }).run();
  return id;
}

beforeAll(async () => {
  team = await makeTeam();
  codeId = addCode(team.workspace.id, "Local channel");
  foreignCodeId = addCode(team.otherWorkspace.id, "Another team's code");
  sourceId = createSource(team.people.editor.member, { type: "report", title: "Field notes, Ségou" }).id;
});

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { type?: string }).type === "DataWithResponseInit"
  );
}

function toResult(value: unknown): Result {
  if (value instanceof Response) return { status: value.status, body: null };
  if (isDataWithInit(value)) {
    return { status: value.init?.status ?? 200, body: value.data as Record<string, unknown> };
  }
  return { status: 200, body: value as Record<string, unknown> };
}

/** Posts a raw body to the edit page's action (JSON unless told otherwise). */
async function post(options: {
  caseId: string;
  body: string;
  cookie?: string;
  workspaceId?: string;
  contentType?: string;
}): Promise<Result> {
  const workspaceId = options.workspaceId ?? team.workspace.id;
  const headers = new Headers({ "Content-Type": options.contentType ?? "application/json" });
  if (options.cookie) headers.set("Cookie", options.cookie);
  const request = new Request(`http://localhost/w/${workspaceId}/cases/${options.caseId}/edit`, {
    method: "POST",
    headers,
    body: options.body,
  });
  try {
    return toResult(
      await route.action({
        request,
        params: { workspaceId, caseId: options.caseId },
        context: { cspNonce: "" },
      }),
    );
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return toResult(thrown);
    throw thrown;
  }
}

const save = (caseId: string, baseRevision: number, doc: unknown, cookie = team.people.editor.cookie) =>
  post({ caseId, cookie, body: JSON.stringify({ baseRevision, doc }) });

function freshCase() {
  return createCase(team.people.editor.member, sampleFields).id;
}

/** The template with one paragraph under Context carrying the given marks. */
function docWith(text: string, marks: NonNullable<JSONContent["marks"]>): JSONContent {
  const doc = newCaseDocument();
  doc.content![1] = { type: "paragraph", content: [{ type: "text", text, marks }] };
  return doc;
}

describe("saving the case text", () => {
  it("stores a new revision and derives its tagged passages and citations", async () => {
    const caseId = freshCase();
    const doc = docWith("talks through local militias", [
      { type: "tag", attrs: { codeId } },
      { type: "citation", attrs: { sourceId, locator: "p. 4" } },
    ]);
    const result = await save(caseId, 1, doc);
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ kind: "saved", revision: 2 });
    expect(typeof result.body?.savedAt).toBe("string");

    const stored = getCase(team.people.editor.member, caseId);
    expect(stored.revision).toBe(2);
    expect(JSON.stringify(stored.body)).toContain("talks through local militias");
    const tagged = db.select().from(passages).where(eq(passages.caseId, caseId)).all();
    expect(tagged).toEqual([
      expect.objectContaining({ codeId, text: "talks through local militias", section: "Context" }),
    ]);
    const cited = db.select().from(citations).where(eq(citations.caseId, caseId)).all();
    expect(cited).toEqual([expect.objectContaining({ sourceId, locator: "p. 4" })]);

    // The next save builds on the revision the server answered.
    const next = await save(caseId, 2, docWith("talks through local militias, again", []));
    expect(next.body).toMatchObject({ kind: "saved", revision: 3 });
    expect(db.select().from(passages).where(eq(passages.caseId, caseId)).all()).toEqual([]);
  });

  it("answers 409 with the current text, its revision and who saved it when the base is stale", async () => {
    const caseId = freshCase();
    const theirs = docWith("the owner's version", []);
    expect((await save(caseId, 1, theirs, team.people.owner.cookie)).status).toBe(200);

    const mine = docWith("the editor's version", []);
    const result = await save(caseId, 1, mine);
    expect(result.status).toBe(409);
    expect(result.body).toMatchObject({ kind: "conflict", revision: 2, savedBy: "Owner" });
    expect(JSON.stringify(result.body?.doc)).toContain("the owner's version");
    expect(typeof result.body?.savedAt).toBe("string");
    // Nothing was overwritten.
    expect(JSON.stringify(getCase(team.people.editor.member, caseId).body)).toContain("the owner's version");

    // "Save mine as the new revision": the same text, based on the server's revision.
    const resaved = await save(caseId, 2, mine);
    expect(resaved.body).toMatchObject({ kind: "saved", revision: 3 });
    expect(JSON.stringify(getCase(team.people.editor.member, caseId).body)).toContain("the editor's version");
  });

  it("refuses a javascript: link with 400 and keeps the stored text", async () => {
    const caseId = freshCase();
    const result = await save(
      caseId,
      1,
      docWith("click me", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
    );
    expect(result.status).toBe(400);
    expect(result.body?.kind).toBe("rejected");
    expect(String(result.body?.errors)).toMatch(/^editor\.validation\.linkHref\|/);
    expect(getCase(team.people.editor.member, caseId).revision).toBe(1);
  });

  it("refuses a tag with another workspace's code (400)", async () => {
    const caseId = freshCase();
    const result = await save(
      caseId,
      1,
      docWith("borrowed", [{ type: "tag", attrs: { codeId: foreignCodeId } }]),
    );
    expect(result.status).toBe(400);
    expect(String(result.body?.errors)).toMatch(/^cases\.errors\.unknownCodes\|\{"count":1\}$/);
    expect(db.select().from(passages).where(eq(passages.caseId, caseId)).all()).toEqual([]);
  });

  it("refuses a document over 2 MB with 413", async () => {
    const caseId = freshCase();
    const result = await save(caseId, 1, docWith("x".repeat(2 * 1024 * 1024 + 10), []));
    expect(result.status).toBe(413);
    expect(String(result.body?.errors)).toMatch(/^editor\.(save|validation)\.tooLarge\|.*"limit":2[,}]/);
  });

  it("refuses a body that is not JSON, or lacks its revision, with 400", async () => {
    const caseId = freshCase();
    const bad = await post({ caseId, cookie: team.people.editor.cookie, body: "{not json" });
    expect(bad.status).toBe(400);
    const missing = await post({
      caseId,
      cookie: team.people.editor.cookie,
      body: JSON.stringify({ doc: {} }),
    });
    expect(missing.status).toBe(400);
    const notADoc = await save(caseId, 1, { type: "doc", content: [{ type: "script" }] });
    expect(notADoc.status).toBe(400);
  });

  it("lets only owners and editors of the workspace save", async () => {
    const caseId = freshCase();
    const doc = docWith("attempt", []);
    expect((await save(caseId, 1, doc, team.people.reviewer.cookie)).status).toBe(403);
    expect((await save(caseId, 1, doc, team.people.trainer.cookie)).status).toBe(403);
    expect((await save(caseId, 1, doc, team.outsider.cookie)).status).toBe(404);
    // A member of the other workspace cannot reach this case through their own workspace either.
    const viaOwnWorkspace = await post({
      caseId,
      workspaceId: team.otherWorkspace.id,
      cookie: team.outsider.cookie,
      body: JSON.stringify({ baseRevision: 1, doc }),
    });
    expect(viaOwnWorkspace.status).toBe(404);
    const anonymous = await save(caseId, 1, doc, "");
    expect(anonymous.status).toBe(302);
    expect(getCase(team.people.editor.member, caseId).revision).toBe(1);
  });
});

describe("creating a source from the citation dialog", () => {
  const form = (fields: Record<string, string>) => ({
    method: "POST" as const,
    path: "/edit",
    cookie: team.people.editor.cookie,
    params: { workspaceId: team.workspace.id, caseId: team.caseStudy.id },
    form: { intent: "createSource", ...fields },
  });

  it("creates the source and answers its id", async () => {
    const result = await callRoute(
      route,
      form({
        title: "Interview with a mediator",
        type: "interview",
        authors: "Diallo, Awa; Crisis Group",
        year: "2021",
      }),
    );
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      kind: "sourceCreated",
      source: { title: "Interview with a mediator" },
    });
  });

  it("puts each problem next to its field", async () => {
    const result = await callRoute(
      route,
      form({ title: " ", type: "poem", year: "last year", url: "ftp://x" }),
    );
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      kind: "sourceRejected",
      errors: {
        title: [expect.any(String)],
        type: [expect.any(String)],
        year: [expect.any(String)],
        url: [expect.any(String)],
      },
    });
  });
});

describe("the edit page", () => {
  it("gives editors their name for the co-editing carets, the codebook and the library", async () => {
    const result = await callRoute(route, {
      path: "/edit",
      cookie: team.people.editor.cookie,
      params: { workspaceId: team.workspace.id, caseId: team.caseStudy.id },
    });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      caseId: team.caseStudy.id,
      user: expect.objectContaining({ id: team.people.editor.id, color: expect.stringMatching(/^#/) }),
      codes: expect.arrayContaining([expect.objectContaining({ id: codeId, label: "Local channel" })]),
      sources: expect.arrayContaining([expect.objectContaining({ id: sourceId })]),
    });
    const codeIds = (result.body as { codes: Array<{ id: string }> }).codes.map((code) => code.id);
    expect(codeIds).not.toContain(foreignCodeId);
  });

  it("is not allowed for reviewers (403) and not found for outsiders (404)", async () => {
    const params = { workspaceId: team.workspace.id, caseId: team.caseStudy.id };
    expect(
      (await callRoute(route, { path: "/edit", cookie: team.people.reviewer.cookie, params })).status,
    ).toBe(403);
    expect((await callRoute(route, { path: "/edit", cookie: team.outsider.cookie, params })).status).toBe(
      404,
    );
    const foreignCase = { workspaceId: team.workspace.id, caseId: team.otherCase.id };
    expect(
      (await callRoute(route, { path: "/edit", cookie: team.people.editor.cookie, params: foreignCase }))
        .status,
    ).toBe(404);
  });
});
