// Case exports (Markdown, JSON) and the workspace export → import round trip, against a real database.
import { existsSync, readFileSync } from "node:fs";
import type { JSONContent } from "@tiptap/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { sectionHeading } from "~/editor";
import { createCase, getCase, saveCaseBody, trashCase } from "~/models/cases.server";
import {
  EXPORT_STALE_MS,
  exportCase,
  getExportJob,
  openWorkspaceExport,
  startWorkspaceExport,
  waitForExport,
} from "~/models/exports.server";
import { newId } from "~/models/ids.server";
import { searchLibrary } from "~/models/library.server";
import { createSource } from "~/models/sources.server";
import { createThread, replyToThread } from "~/models/threads.server";
import { WorkspaceImportError } from "~/models/workspace-file";
import { importWorkspace, remapBodyReferences } from "~/models/workspace-import.server";
import { parseLibraryQuery } from "~/queries/library";
import * as caseExportRoute from "~/routes/w.$workspaceId.cases.$caseId_.export";
import * as downloadRoute from "~/routes/w.$workspaceId.export_.$jobId";
import * as importRoute from "~/routes/workspaces_.import";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { findMember, type Member } from "~/utils/permissions.server";
import {
  auditLog,
  caseConditions,
  caseRevisions,
  cases,
  citations,
  codes,
  comments,
  exportJobs,
  memberships,
  passages,
  sources,
  threads,
  workspaces,
} from "../../db/schema";
import { makeTeam, makeUser, sampleFields, sessionCookie } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Team = Awaited<ReturnType<typeof makeTeam>>;

let team: Team;
let truceId: string;
let localId: string;
let sourceId: string;
let draftOnlyCaseId: string;
let trashedCaseId: string;

function addCode(workspaceId: string, kind: "precondition" | "outcome", label: string, parentId?: string) {
  const id = newId();
  db.insert(codes)
    .values({ id, workspaceId, kind, label, color: "#ea580c", parentId: parentId ?? null })
    .run();
  return id;
}

const text = (value: string, marks: JSONContent["marks"] = []): JSONContent =>
  marks.length ? { type: "text", text: value, marks } : { type: "text", text: value };

function caseBody(): JSONContent {
  return {
    type: "doc",
    content: [
      sectionHeading("Context"),
      {
        type: "paragraph",
        content: [
          text("Talks in Ségou led to "),
          text("a temporary truce", [
            { type: "tag", attrs: { codeId: truceId } },
            { type: "citation", attrs: { sourceId, locator: "para. 28" } },
          ]),
          text(" through "),
          text("a local channel", [{ type: "tag", attrs: { codeId: localId } }]),
          text("."),
        ],
      },
      sectionHeading("Outcomes"),
      { type: "paragraph", content: [text("Hostage exchanges followed the draft edit.")] },
    ],
  };
}

beforeAll(async () => {
  team = await makeTeam();
  const ws = team.workspace.id;
  localId = addCode(ws, "precondition", "Local channel");
  const outcomes = addCode(ws, "outcome", "Outcomes of talks");
  truceId = addCode(ws, "outcome", "Temporary truce or ceasefire", outcomes);
  db.update(codes)
    .set({ labelTranslations: { fr: "Trêve temporaire ou cessez-le-feu" } })
    .where(eq(codes.id, truceId))
    .run();
  sourceId = createSource(team.people.editor.member, { type: "report", title: "Field notes, Ségou" }).id;
  // The team's case is approved at revision 1 (the empty template); this save makes a pending draft.
  saveCaseBody(team.people.editor.member, team.caseStudy.id, { baseRevision: 1, doc: caseBody() });
  db.insert(caseConditions)
    .values({
      caseId: team.caseStudy.id,
      codeId: truceId,
      value: "present",
      note: "A truce.",
      setBy: team.people.reviewer.id,
      setAt: new Date(),
    })
    .run();
  const exact = "a temporary truce";
  const { threadId } = createThread(team.people.reviewer.member, team.caseStudy.id, {
    exact,
    prefix: "Talks in Ségou led to ",
    suffix: " through",
    start: 0,
    end: 0,
    body: "Which source says the truce was temporary?",
  });
  replyToThread(team.people.editor.member, team.caseStudy.id, threadId, { body: "Paragraph 28." });
  draftOnlyCaseId = createCase(team.people.editor.member, { ...sampleFields, title: "Never approved" }).id;
  trashedCaseId = createCase(team.people.editor.member, { ...sampleFields, title: "In the trash" }).id;
  trashCase(team.people.editor.member, trashedCaseId);
});

async function exportRequest(who: keyof Team["people"] | "outsider", caseId: string, format: string) {
  const person = who === "outsider" ? team.outsider : team.people[who];
  const response = (await caseExportRoute
    .loader({
      request: new Request(
        `http://localhost/w/${team.workspace.id}/cases/${caseId}/export?format=${format}`,
        {
          headers: { Cookie: person.cookie },
        },
      ),
      params: { workspaceId: team.workspace.id, caseId },
      context: { cspNonce: "" },
    })
    .catch((thrown) => thrown)) as Response | { init: { status: number } };
  return response;
}

describe("case export", () => {
  it("gives an editor the current draft as Markdown, with tag notes and footnotes, as an attachment", async () => {
    const response = await exportRequest("editor", team.caseStudy.id, "md");
    expect(response).toBeInstanceOf(Response);
    const file = response as Response;
    expect(file.headers.get("Content-Type")).toContain("text/markdown");
    expect(file.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="test-case-local-talks\.md"/,
    );
    const markdown = await file.text();
    expect(markdown).toContain("# Test case — local talks");
    expect(markdown).toContain("[a temporary truce[^1]]{tag: Temporary truce or ceasefire}");
    expect(markdown).toContain("[a local channel]{tag: Local channel}");
    expect(markdown).toContain("[^1]: *Field notes, Ségou*. (n.d.). At para. 28.");
    expect(markdown).toContain("| Temporary truce or ceasefire | Outcome | Present | A truce. |");
  });

  it("gives a trainer the approved version only, in Markdown and JSON", async () => {
    const markdown = await ((await exportRequest("trainer", team.caseStudy.id, "md")) as Response).text();
    expect(markdown).toContain("Approved (revision 1)");
    expect(markdown).not.toContain("temporary truce[^1]");
    expect(markdown).not.toContain("draft edit");
    const record = await ((await exportRequest("trainer", team.caseStudy.id, "json")) as Response).json();
    expect(record.case.revision).toBe(1);
    expect(record.case.status).toBe("approved");
    expect(record.revisions.map((revision: { number: number }) => revision.number)).toEqual([1]);
    expect(JSON.stringify(record)).not.toContain("draft edit");
  });

  it("gives members who read drafts the full record as JSON", async () => {
    const response = (await exportRequest("reviewer", team.caseStudy.id, "json")) as Response;
    expect(response.headers.get("Content-Disposition")).toContain("attachment");
    const record = await response.json();
    expect(record.format).toBe("mediation-casebook/case");
    expect(record.case.revision).toBe(2);
    expect(record.case.body.type).toBe("doc");
    expect(record.revisions.map((revision: { number: number }) => revision.number)).toEqual([1, 2]);
    expect(record.passages.map((passage: { code: string }) => passage.code).sort()).toEqual([
      "Local channel",
      "Temporary truce or ceasefire",
    ]);
    expect(record.citations).toEqual([
      { sourceId, locator: "para. 28", text: "a temporary truce", section: "Context" },
    ]);
    expect(record.sources).toHaveLength(1);
    expect(record.sources[0].title).toBe("Field notes, Ségou");
    expect(record.conditions).toMatchObject([{ codeId: truceId, value: "present", note: "A truce." }]);
  });

  it("answers 404 to a trainer for a case never approved, and to people of other workspaces", async () => {
    const status = async (answer: ReturnType<typeof exportRequest>) => ((await answer) as Response).status;
    expect(await status(exportRequest("trainer", draftOnlyCaseId, "md"))).toBe(404);
    expect(await status(exportRequest("outsider", team.caseStudy.id, "json"))).toBe(404);
    expect(await status(exportRequest("editor", team.otherCase.id, "json"))).toBe(404);
    expect(await status(exportRequest("editor", team.caseStudy.id, "xlsx"))).toBe(400);
  });

  it("records case exports in the audit log", () => {
    exportCase(team.people.owner.member, team.caseStudy.id, "json");
    const rows = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, team.workspace.id), eq(auditLog.action, "case.exported")))
      .all();
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.at(-1)?.detail).toMatchObject({ caseId: team.caseStudy.id, format: "json", revision: 2 });
  });
});

function countRows(workspaceId: string) {
  const caseIds = db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.workspaceId, workspaceId))
    .all()
    .map((row) => row.id);
  const n = (query: { get: () => { n: number } | undefined }) => query.get()?.n ?? 0;
  const count = sql<number>`count(*)`;
  return {
    cases: caseIds.length,
    trashed: n(
      db
        .select({ n: count })
        .from(cases)
        .where(and(eq(cases.workspaceId, workspaceId), sql`${cases.deletedAt} is not null`)),
    ),
    codes: n(db.select({ n: count }).from(codes).where(eq(codes.workspaceId, workspaceId))),
    sources: n(db.select({ n: count }).from(sources).where(eq(sources.workspaceId, workspaceId))),
    revisions: n(db.select({ n: count }).from(caseRevisions).where(inArray(caseRevisions.caseId, caseIds))),
    passages: n(db.select({ n: count }).from(passages).where(inArray(passages.caseId, caseIds))),
    citations: n(db.select({ n: count }).from(citations).where(inArray(citations.caseId, caseIds))),
    conditions: n(
      db.select({ n: count }).from(caseConditions).where(inArray(caseConditions.caseId, caseIds)),
    ),
    threads: n(db.select({ n: count }).from(threads).where(eq(threads.workspaceId, workspaceId))),
    comments: n(
      db
        .select({ n: count })
        .from(comments)
        .innerJoin(threads, eq(threads.id, comments.threadId))
        .where(eq(threads.workspaceId, workspaceId)),
    ),
  };
}

/** Every codeId and sourceId carried by marks in a body. */
function markReferences(body: unknown) {
  const found = { codeIds: new Set<string>(), sourceIds: new Set<string>() };
  const visit = (node: JSONContent) => {
    for (const mark of node.marks ?? []) {
      if (mark.type === "tag") found.codeIds.add(String(mark.attrs?.codeId));
      if (mark.type === "citation") found.sourceIds.add(String(mark.attrs?.sourceId));
    }
    for (const child of node.content ?? []) visit(child);
  };
  visit(body as JSONContent);
  return found;
}

describe("workspace export and import", () => {
  let fileText = "";
  let jobId = "";

  it("lets only owners and editors export the whole workspace", () => {
    for (const role of ["reviewer", "trainer"] as const) {
      let status = 0;
      try {
        startWorkspaceExport(team.people[role].member);
      } catch (thrown) {
        status = (thrown as { init: { status: number } }).init.status;
      }
      expect(status).toBe(403);
    }
  });

  it("builds the file in chunks, letting other work run in between, and records the export", async () => {
    // Enough cases for several chunks of 20.
    for (let i = 0; i < 45; i++)
      createCase(team.people.editor.member, { ...sampleFields, title: `Bulk case ${i}` });
    const job = startWorkspaceExport(team.people.owner.member);
    jobId = job.id;
    expect(job.status).toBe("running");
    // Starting again while it runs returns the same export.
    expect(startWorkspaceExport(team.people.owner.member).id).toBe(job.id);
    const seen = new Set<number>();
    for (;;) {
      const now = getExportJob(team.people.owner.member, job.id)!;
      if (now.status !== "running") break;
      seen.add(now.done);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await waitForExport(job.id);
    const finished = getExportJob(team.people.owner.member, job.id)!;
    expect(finished.status).toBe("done");
    expect(finished.total).toBe(48);
    expect(finished.done).toBe(48);
    // Progress was visible between chunks: this loop ran while the export was still going.
    expect([...seen].filter((done) => done > 0 && done < 48).length).toBeGreaterThanOrEqual(2);
    // Another member of the workspace cannot see or download someone else's export.
    expect(getExportJob(team.people.editor.member, job.id)).toBeNull();
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, team.workspace.id), eq(auditLog.action, "workspace.exported")))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0].userId).toBe(team.people.owner.id);
    expect(audit[0].detail).toMatchObject({ cases: 48, codes: 3, sources: 1 });
  });

  it("shows an export whose process ended (its heartbeat stopped) as interrupted, and starts a new one", async () => {
    const member = team.people.editor.member;
    const job = startWorkspaceExport(member);
    await waitForExport(job.id);
    // As if the process making it had been killed mid-way: still "running", not heard of for too long.
    const longAgo = new Date(Date.now() - EXPORT_STALE_MS - 1000);
    db.update(exportJobs)
      .set({ status: "running", finishedAt: null, heartbeatAt: longAgo })
      .where(eq(exportJobs.id, job.id))
      .run();
    const seen = getExportJob(member, job.id);
    expect(seen?.status).toBe("failed");
    expect(seen?.error).toBe(msg("exports.workspace.interrupted"));
    expect(() => openWorkspaceExport(member, job.id)).toThrow();
    // Starting again does not wait for the dead one.
    const again = startWorkspaceExport(member);
    expect(again.id).not.toBe(job.id);
    await waitForExport(again.id);
    expect(getExportJob(member, again.id)?.status).toBe("done");
    expect(getExportJob(member, job.id)).toBeNull();
  });

  it("downloads the file for the member who started it only, then removes it", async () => {
    const params = { workspaceId: team.workspace.id, jobId };
    const editor = await callRoute(downloadRoute, {
      path: "/export",
      params,
      cookie: team.people.editor.cookie,
    });
    expect(editor.status).toBe(404);
    const reviewer = await callRoute(downloadRoute, {
      path: "/export",
      params,
      cookie: team.people.reviewer.cookie,
    });
    expect(reviewer.status).toBe(403);
    const response = (await downloadRoute.loader({
      request: new Request("http://localhost/export", { headers: { Cookie: team.people.owner.cookie } }),
      params,
      context: { cspNonce: "" },
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="workspace-team-workspace-\d{4}-\d{2}-\d{2}\.json"/,
    );
    fileText = await response.text();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await callRoute(downloadRoute, {
      path: "/export",
      params,
      cookie: team.people.owner.cookie,
    });
    expect(again.status).toBe(404);

    const file = JSON.parse(fileText);
    expect(file).toMatchObject({ format: "mediation-casebook/workspace", version: 1 });
    expect(file.workspace.name).toBe("Team workspace");
    expect(file.members).toHaveLength(4);
    expect(file.cases).toHaveLength(48);
    expect(file.codes).toHaveLength(3);
    expect(file.sources).toHaveLength(1);
    // A code's labels in other languages travel with it.
    expect(file.codes.find((code: { id: string }) => code.id === truceId).labelTranslations).toEqual({
      fr: "Trêve temporaire ou cessez-le-feu",
    });
    const exported = file.cases.find((record: { id: string }) => record.id === team.caseStudy.id);
    expect(exported.revisions).toHaveLength(2);
    expect(exported.approvedRevision).toBe(1);
    expect(exported.threads[0].comments.map((c: { body: string }) => c.body)).toEqual([
      "Which source says the truce was temporary?",
      "Paragraph 28.",
    ]);
    expect(file.cases.find((record: { id: string }) => record.id === trashedCaseId).trashed).toBe(true);
    // Internal ids are kept, so the marks in bodies match the codes and sources listed.
    expect([...markReferences(exported.body).codeIds].sort()).toEqual([localId, truceId].sort());
  });

  it("imports the file into a new workspace owned by the importer, with new ids everywhere", async () => {
    const importer = await makeUser("Importing Person");
    const before = countRows(team.workspace.id);
    const result = await importWorkspace(importer, fileText);
    expect(result.name).toBe("Team workspace (imported)");
    const after = countRows(result.workspaceId);
    expect(after).toEqual(before);
    expect(result.counts).toMatchObject({
      cases: 48,
      trashed: 1,
      codes: 3,
      sources: 1,
      revisions: before.revisions,
    });

    // Only the importer belongs to it, as owner.
    const members = db
      .select()
      .from(memberships)
      .where(eq(memberships.workspaceId, result.workspaceId))
      .all();
    expect(members).toEqual([expect.objectContaining({ userId: importer.id, role: "owner" })]);
    const member = findMember(importer.id, result.workspaceId) as Member;

    // Bodies point to the NEW codes and sources.
    const newCodes = db.select().from(codes).where(eq(codes.workspaceId, result.workspaceId)).all();
    const newSources = db.select().from(sources).where(eq(sources.workspaceId, result.workspaceId)).all();
    const imported = db
      .select()
      .from(cases)
      .where(and(eq(cases.workspaceId, result.workspaceId), eq(cases.title, "Test case — local talks")))
      .get()!;
    const refs = markReferences(imported.body);
    expect([...refs.codeIds].sort()).toEqual(
      newCodes
        .filter((code) => code.label !== "Outcomes of talks")
        .map((code) => code.id)
        .sort(),
    );
    expect([...refs.sourceIds]).toEqual([newSources[0].id]);
    expect(refs.codeIds.has(truceId)).toBe(false);
    // The sub-code keeps its parent, by the new id.
    const truce = newCodes.find((code) => code.label === "Temporary truce or ceasefire")!;
    expect(newCodes.find((code) => code.id === truce.parentId)?.label).toBe("Outcomes of talks");
    // The French label comes back; codes without one have none.
    expect(truce.labelTranslations).toEqual({ fr: "Trêve temporaire ou cessez-le-feu" });
    expect(newCodes.find((code) => code.label === "Local channel")?.labelTranslations).toEqual({});
    // Passages and citations were derived again from the body.
    const importedPassages = db.select().from(passages).where(eq(passages.caseId, imported.id)).all();
    expect(importedPassages.map((passage) => passage.codeId).sort()).toEqual([...refs.codeIds].sort());
    // Status, approval and the trainer rule carry over.
    expect(imported.approvedRevision).toBe(1);
    expect(imported.revision).toBe(2);
    expect(getCase(member, imported.id).title).toBe("Test case — local talks");
    // Comments by others are kept under the importer's name, with the author the file names kept apart
    // as the file's claim (issue 13), never written into the text as if it were fact.
    const importedComments = db
      .select()
      .from(comments)
      .innerJoin(threads, eq(threads.id, comments.threadId))
      .where(eq(threads.caseId, imported.id))
      .all();
    expect(importedComments.map((row) => row.comments.authorId)).toEqual([importer.id, importer.id]);
    expect(importedComments[0].comments.body).toBe("Which source says the truce was temporary?");
    expect(importedComments[0].comments.claimedAuthor).toBe("reviewer");
    const importedRevisions = db
      .select()
      .from(caseRevisions)
      .where(eq(caseRevisions.caseId, imported.id))
      .all();
    expect(importedRevisions.map((row) => row.note).join(" ")).not.toContain("Originally");
    expect(importedRevisions.map((row) => row.claimedAuthor)).toContain("editor");
    // The trashed case stays in the trash.
    expect(
      db
        .select()
        .from(cases)
        .where(and(eq(cases.workspaceId, result.workspaceId), eq(cases.title, "In the trash")))
        .get()?.deletedAt,
    ).not.toBeNull();
    // Search finds the imported case (the index follows the inserts).
    const search = searchLibrary(member, parseLibraryQuery(new URLSearchParams({ q: "Segou truce" })).query);
    expect(search.results.map((row) => row.id)).toEqual([imported.id]);
    // Recorded in the new workspace's audit log.
    const audit = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, result.workspaceId), eq(auditLog.action, "workspace.imported")))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0].userId).toBe(importer.id);
  });

  it("keeps the importer's own comments as they were", async () => {
    const reviewerUser = { id: team.people.reviewer.id };
    const result = await importWorkspace(reviewerUser, fileText);
    const rows = db
      .select({ body: comments.body, claimedAuthor: comments.claimedAuthor })
      .from(comments)
      .innerJoin(threads, eq(threads.id, comments.threadId))
      .where(eq(threads.workspaceId, result.workspaceId))
      .orderBy(comments.createdAt)
      .all();
    expect(rows[0].body).toBe("Which source says the truce was temporary?");
    expect(rows[0].claimedAuthor).toBeNull();
    expect(rows[1].claimedAuthor).toBe("editor");
  });

  it("writes what it adds to the stored text in the importer's language, never in English by default", async () => {
    const importer = await makeUser("Personne francophone");
    const result = await importWorkspace(importer, fileText, undefined, "fr");
    expect(result.name).toBe("Team workspace (importé)");
    const written = db
      .select({ body: comments.body })
      .from(comments)
      .innerJoin(threads, eq(threads.id, comments.threadId))
      .where(eq(threads.workspaceId, result.workspaceId))
      .all()
      .map((row) => row.body);
    expect(written.length).toBeGreaterThan(0);
    // What others wrote is kept as written: the author the file names is a claim beside it, not text.
    expect(written.join("\n")).not.toMatch(/Originally by|Écrit à l’origine/);
  });

  it("refuses a malformed file with a clear message and creates nothing", async () => {
    const importer = await makeUser("Careful Person");
    const workspacesBefore = db.select({ n: sql<number>`count(*)` }).from(workspaces).get()!.n;
    const codesBefore = db.select({ n: sql<number>`count(*)` }).from(codes).get()!.n;
    const file = JSON.parse(fileText);
    const attempts: Array<[string, RegExp]> = [
      [fileText.slice(0, fileText.length / 2), /^exports\.import\.notJson$/],
      [JSON.stringify([{ id: "x", type: "report", title: "A CSL file" }]), /^exports\.import\.notAnExport\|/],
      [
        JSON.stringify({ ...file, version: 2 }),
        /^exports\.import\.wrongVersion\|\{"version":"2","expected":1\}$/,
      ],
      [
        JSON.stringify({ ...file, codes: [{ ...file.codes[0], color: "red" }, ...file.codes.slice(1)] }),
        /^exports\.import\.where\.code\|\{"n":1,"path":"color","context":"named","name":"[^"]+"\} exports\.import\.issues\.notColour$/,
      ],
      [
        JSON.stringify({
          ...file,
          cases: file.cases.map((record: { id: string; body: JSONContent }, i: number) =>
            // The last case carries a link the editor would never accept: nothing at all is imported.
            i === file.cases.length - 1
              ? {
                  ...record,
                  body: {
                    type: "doc",
                    content: [
                      {
                        type: "paragraph",
                        content: [text("click", [{ type: "link", attrs: { href: "javascript:alert(1)" } }])],
                      },
                    ],
                  },
                }
              : record,
          ),
        }),
        /exports\.import\.caseBody\|\{"n":48,"title":"[^"]+"\} editor\.validation\.linkHref\|/,
      ],
    ];
    for (const [content, message] of attempts) {
      const error = await importWorkspace(importer, content).catch((thrown) => thrown);
      expect(error).toBeInstanceOf(WorkspaceImportError);
      expect((error as WorkspaceImportError).problems.join(" ")).toMatch(message);
    }
    expect(db.select({ n: sql<number>`count(*)` }).from(workspaces).get()!.n).toBe(workspacesBefore);
    expect(db.select({ n: sql<number>`count(*)` }).from(codes).get()!.n).toBe(codesBefore);
    expect(db.select().from(memberships).where(eq(memberships.userId, importer.id)).all()).toEqual([]);
  });

  it("drops tags and citations whose code or source is not in the file", () => {
    const body = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            text("x", [
              { type: "tag", attrs: { codeId: "old" } },
              { type: "tag", attrs: { codeId: "gone" } },
            ]),
          ],
        },
      ],
    };
    const remapped = remapBodyReferences(body, new Map([["old", "new"]]), new Map());
    expect(remapped.dropped).toBe(1);
    expect(JSON.stringify(remapped.body)).toBe(
      JSON.stringify({
        type: "doc",
        content: [{ type: "paragraph", content: [text("x", [{ type: "tag", attrs: { codeId: "new" } }])] }],
      }),
    );
    // The input is not modified.
    expect(body.content[0].content[0].marks).toHaveLength(2);
  });
});

describe("import page", () => {
  // One case as a workspace export writes it (its body is set by each test).
  const exportedCaseRecord = {
    id: "k1",
    title: "Rouge",
    regions: [],
    periodStart: null,
    periodStartCirca: false,
    periodEnd: null,
    periodEndCirca: false,
    actors: [],
    mediators: [],
    summary: "",
    status: "draft",
    revision: 1,
    approvedRevision: null,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    revisions: [
      {
        number: 1,
        fields: {},
        body: { type: "doc", content: [{ type: "paragraph" }] },
        author: null,
        createdAt: "2026-01-01T00:00:00.000Z",
      },
    ],
  };
  async function post(cookie: string, file: Blob | null, headers: Record<string, string> = {}) {
    const form = new FormData();
    if (file) form.append("file", file, "export.json");
    const request = new Request("http://localhost/workspaces/import", {
      method: "POST",
      headers: { Cookie: cookie, ...headers },
      body: form,
    });
    const result = await importRoute.action({ request, params: {}, context: { cspNonce: "" } });
    if (result instanceof Response)
      return { status: result.status, location: result.headers.get("Location") };
    const withInit = result as unknown as { init: { status: number }; data: { error: string } };
    return { status: withInit.init.status, error: withInit.data.error };
  }

  it("imports an uploaded export and opens the new workspace", async () => {
    const user = await makeUser("Uploader");
    const cookie = await sessionCookie(user.id);
    const small = JSON.stringify({
      format: "mediation-casebook/workspace",
      version: 1,
      workspace: { name: "Small team" },
      codes: [],
      sources: [],
      cases: [],
    });
    const result = await post(cookie, new Blob([small], { type: "application/json" }));
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/w\/[a-z0-9]+\/cases$/);
    const name = db
      .select({ name: workspaces.name })
      .from(workspaces)
      .innerJoin(memberships, eq(memberships.workspaceId, workspaces.id))
      .where(eq(memberships.userId, user.id))
      .all();
    expect(name).toEqual([{ name: "Small team (imported)" }]);
  });

  it("imports a file from before labels in other languages, and says what is wrong in the reader's language", async () => {
    const user = await makeUser("Francophone");
    const cookie = await sessionCookie(user.id);
    const code = { id: "c1", kind: "outcome", label: "Truce", color: "#ea580c" };
    const file = (body: unknown) =>
      JSON.stringify({
        format: "mediation-casebook/workspace",
        version: 1,
        workspace: { name: "Old file" },
        codes: [code],
        sources: [],
        cases: body ? [{ ...exportedCaseRecord, body }] : [],
      });
    const old = await post(cookie, new Blob([file(null)], { type: "application/json" }));
    expect(old.status).toBe(302);
    const imported = db
      .select({ labelTranslations: codes.labelTranslations })
      .from(codes)
      .innerJoin(memberships, eq(memberships.workspaceId, codes.workspaceId))
      .where(eq(memberships.userId, user.id))
      .all();
    expect(imported).toEqual([{ labelTranslations: {} }]);

    const link = { type: "link", attrs: { href: "javascript:alert(1)" } };
    const badBody = { type: "doc", content: [{ type: "paragraph", content: [text("click", [link])] }] };
    const refused = await post(cookie, new Blob([file(badBody)], { type: "application/json" }), {
      "Accept-Language": "fr",
    });
    expect(refused.status).toBe(400);
    expect(refused.error).toMatch(
      /^Ce fichier ne peut pas être importé.* Cas 1 « Rouge » : .*javascript:alert/,
    );
    expect(refused.error).not.toMatch(/editor\.validation|exports\.import|⟦/);
  });

  it("answers 400 with the reason for a file it cannot import, and 413 for one too large", async () => {
    const cookie = team.people.trainer.cookie;
    const bad = await post(cookie, new Blob(["{}"], { type: "application/json" }));
    expect(bad.status).toBe(400);
    expect(bad.error).toMatch(/not a workspace export/);
    const empty = await post(cookie, new Blob([], { type: "application/json" }));
    expect(empty.status).toBe(400);
    const tooLarge = await post(cookie, new Blob(["{}"]), { "Content-Length": String(60 * 1024 * 1024) });
    expect(tooLarge.status).toBe(413);
  });
});

describe("export file lifetime", () => {
  it("keeps the file only until it is downloaded", async () => {
    const job = startWorkspaceExport(team.people.editor.member);
    await waitForExport(job.id);
    const file = openWorkspaceExport(team.people.editor.member, job.id);
    const path = (file.stream as unknown as { path: string }).path;
    expect(existsSync(path)).toBe(true);
    expect(JSON.parse(readFileSync(path, "utf8")).cases.length).toBe(48);
    await new Promise<void>((resolve) => {
      file.stream.on("close", () => resolve());
      file.stream.resume();
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(existsSync(path)).toBe(false);
  });
});
