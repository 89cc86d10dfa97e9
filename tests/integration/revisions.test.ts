import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCase,
  getCase,
  StaleRevisionError,
  saveCaseBody,
  updateCaseFields,
} from "~/models/cases.server";
import { newId } from "~/models/ids.server";
import { compareRevisions, listRevisions, restoreRevision, viewRevision } from "~/models/revisions.server";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { caseRevisions, cases, codes, passages } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";
import { doc, heading, paragraph, tag, text } from "../unit/editor/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let truceCode: string;
let exchangeCode: string;

function addCode(workspaceId: string, label: string, kind: "precondition" | "outcome" = "outcome") {
  const id = newId();
  db.insert(codes).values({ id, workspaceId, kind, label, color: "#1f77b4" }).run();
  return id;
}

const route = () => import("../../app/routes/w.$workspaceId.cases.$caseId_.history");

beforeAll(async () => {
  team = await makeTeam();
  truceCode = addCode(team.workspace.id, "Temporary truce or ceasefire");
  exchangeCode = addCode(team.workspace.id, "Hostage or detainee exchange or release");
});

/** A case of its own for each test (makeTeam's case is shared). */
function freshCase() {
  return createCase(team.people.editor.member, sampleFields).id;
}

/** A case with three revisions: created, text with a truce tag, text changed to an exchange tag. */
function caseWithHistory() {
  const editor = team.people.editor.member;
  const id = freshCase();
  const first = doc(
    heading(2, "Process"),
    paragraph("Talks led to ", text("a temporary truce", tag(truceCode)), "."),
  );
  const second = doc(
    heading(2, "Process"),
    paragraph("Talks with the army enabled ", text("hostage exchanges", tag(exchangeCode)), "."),
  );
  const r2 = saveCaseBody(editor, id, { baseRevision: 1, doc: first });
  const r3 = saveCaseBody(editor, id, { baseRevision: r2.revision, doc: second });
  return { id, revision: r3.revision };
}

describe("revision history", () => {
  it("lists every save newest first with author, note and base revision", () => {
    const { id } = caseWithHistory();
    updateCaseFields(team.people.editor.member, id, 3, { ...sampleFields, title: "Renamed case" });
    const history = listRevisions(team.people.reviewer.member, id);
    expect(history.revisions.map((r) => r.number)).toEqual([4, 3, 2, 1]);
    expect(history.revisions[0]).toMatchObject({
      // Notes the app writes are catalogue messages, shown in the reader's language.
      note: msg("history.notes.fieldsEdited"),
      baseNumber: 3,
      authorName: "editor",
    });
    expect(history.revisions[3]).toMatchObject({ note: msg("history.notes.created"), baseNumber: null });
    expect(history.caseStudy.revision).toBe(4);
  });

  it("compares two revisions: words added and removed, tags and fields changed", () => {
    const { id } = caseWithHistory();
    updateCaseFields(team.people.editor.member, id, 3, { ...sampleFields, title: "Ségou truce" });
    const comparison = compareRevisions(team.people.reviewer.member, id, 2, 4);
    const removed = comparison.text
      .filter((c) => c.kind === "removed")
      .map((c) => c.value)
      .join("|");
    const added = comparison.text
      .filter((c) => c.kind === "added")
      .map((c) => c.value)
      .join("|");
    expect(removed).toContain("truce");
    expect(added).toContain("hostage exchanges");
    expect(comparison.text.some((c) => c.kind === "same" && c.value.includes("Talks"))).toBe(true);
    expect(comparison.tagsAdded).toEqual([
      expect.objectContaining({
        codeLabel: "Hostage or detainee exchange or release",
        text: "hostage exchanges",
      }),
    ]);
    expect(comparison.tagsRemoved).toEqual([
      expect.objectContaining({
        codeLabel: "Temporary truce or ceasefire",
        text: "a temporary truce",
        section: "Process",
      }),
    ]);
    expect(comparison.fields).toEqual([
      { field: "title", label: "Title", before: sampleFields.title, after: "Ségou truce" },
    ]);
  });

  it("renders one revision read-only with its fields and escaped text", () => {
    const id = freshCase();
    saveCaseBody(team.people.editor.member, id, {
      baseRevision: 1,
      doc: doc(paragraph("<script>alert(1)</script> and ", text("a truce", tag(truceCode)))),
    });
    const view = viewRevision(team.people.reviewer.member, id, 2);
    expect(view.html).toContain("&lt;script&gt;");
    expect(view.html).not.toContain("<script>");
    expect(view.html).toContain('title="Temporary truce or ceasefire"');
    expect(view.fields.title).toBe(sampleFields.title);
  });

  it("restores an old revision as a new one, with its text, fields and passages", () => {
    const { id } = caseWithHistory();
    updateCaseFields(team.people.editor.member, id, 3, { ...sampleFields, title: "Renamed case" });
    const result = restoreRevision(team.people.owner.member, id, { number: 2, baseRevision: 4 });
    expect(result.revision).toBe(5);
    const restored = getCase(team.people.owner.member, id);
    expect(restored.revision).toBe(5);
    expect(restored.title).toBe(sampleFields.title);
    expect(restored.bodyText).toContain("a temporary truce");
    const rows = db.select().from(passages).where(eq(passages.caseId, id)).all();
    expect(rows.map((row) => [row.codeId, row.text])).toEqual([[truceCode, "a temporary truce"]]);
    const history = listRevisions(team.people.editor.member, id);
    expect(history.revisions.map((r) => r.number)).toEqual([5, 4, 3, 2, 1]);
    expect(history.revisions[0]).toMatchObject({
      note: msg("history.notes.restoredFrom", { number: 2 }),
      baseNumber: 4,
      authorName: "Owner",
    });
    // Nothing was deleted: the revision that was current before is still there, unchanged.
    expect(compareRevisions(team.people.editor.member, id, 5, 2).text.every((c) => c.kind === "same")).toBe(
      true,
    );
    expect(compareRevisions(team.people.editor.member, id, 4, 5).fields[0]).toMatchObject({
      after: sampleFields.title,
    });
  });

  it("refuses a stale restore (409) and changes nothing", async () => {
    const { id } = caseWithHistory();
    expect(() => restoreRevision(team.people.editor.member, id, { number: 1, baseRevision: 2 })).toThrow(
      StaleRevisionError,
    );
    expect(getCase(team.people.editor.member, id).revision).toBe(3);
    const result = await callRoute(await route(), {
      method: "POST",
      path: "/history",
      params: { workspaceId: team.workspace.id, caseId: id },
      cookie: team.people.editor.cookie,
      form: { intent: "restore", number: "1", revision: "2" },
    });
    expect(result.status).toBe(409);
    expect(String((result.body as { error: string }).error)).toBe(
      'history.errors.stale|{"current":3,"number":1}',
    );
    expect(db.select().from(caseRevisions).where(eq(caseRevisions.caseId, id)).all()).toHaveLength(3);
  });

  it("lets readers see history but only editors and owners restore", async () => {
    const { id } = caseWithHistory();
    const history = await route();
    const params = { workspaceId: team.workspace.id, caseId: id };
    const read = await callRoute(history, {
      path: "/history?from=1&to=3",
      params,
      cookie: team.people.reviewer.cookie,
    });
    expect(read.status).toBe(200);
    for (const who of ["reviewer", "trainer"] as const) {
      const restore = await callRoute(history, {
        method: "POST",
        path: "/history",
        params,
        cookie: team.people[who].cookie,
        form: { intent: "restore", number: "1", revision: "3" },
      });
      expect(restore.status).toBe(403);
    }
    expect(getCase(team.people.editor.member, id).revision).toBe(3);
    const ok = await callRoute(history, {
      method: "POST",
      path: "/history",
      params,
      cookie: team.people.editor.cookie,
      form: { intent: "restore", number: "1", revision: "3" },
    });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/w/${team.workspace.id}/cases/${id}/history`);
    expect(getCase(team.people.editor.member, id).revision).toBe(4);
  });

  it("answers 404 for foreign cases and for revision numbers the case does not have", async () => {
    const { id } = caseWithHistory();
    const history = await route();
    const outsider = await callRoute(history, {
      path: "/history",
      params: { workspaceId: team.otherWorkspace.id, caseId: id },
      cookie: team.outsider.cookie,
    });
    expect(outsider.status).toBe(404);
    const otherCase = await callRoute(history, {
      path: "/history",
      params: { workspaceId: team.workspace.id, caseId: team.otherCase.id },
      cookie: team.people.owner.cookie,
    });
    expect(otherCase.status).toBe(404);
    for (const query of ["?view=9", "?from=1&to=42", "?from=abc"]) {
      const missing = await callRoute(history, {
        path: `/history${query}`,
        params: { workspaceId: team.workspace.id, caseId: id },
        cookie: team.people.owner.cookie,
      });
      expect(missing.status, query).toBe(404);
    }
    const restoreMissing = await callRoute(history, {
      method: "POST",
      path: "/history",
      params: { workspaceId: team.workspace.id, caseId: id },
      cookie: team.people.owner.cookie,
      form: { intent: "restore", number: "9", revision: "3" },
    });
    expect(restoreMissing.status).toBe(404);
    // A revision of the other workspace's case cannot be pulled into this one.
    expect(() =>
      restoreRevision(team.people.owner.member, team.otherCase.id, { number: 1, baseRevision: 1 }),
    ).toThrow();
    const outsiderRestore = await callRoute(history, {
      method: "POST",
      path: "/history",
      params: { workspaceId: team.workspace.id, caseId: id },
      cookie: team.outsider.cookie,
      form: { intent: "restore", number: "1", revision: "3" },
    });
    expect(outsiderRestore.status).toBe(404);
  });

  it("leaves out tags of codes deleted since, instead of failing", () => {
    const editor = team.people.editor.member;
    const id = freshCase();
    const gone = addCode(team.workspace.id, "A code to delete", "precondition");
    saveCaseBody(editor, id, {
      baseRevision: 1,
      doc: doc(paragraph(text("kept text", tag(gone)), " and ", text("truce", tag(truceCode)))),
    });
    saveCaseBody(editor, id, { baseRevision: 2, doc: doc(paragraph("Rewritten.")) });
    db.delete(codes).where(eq(codes.id, gone)).run();
    const result = restoreRevision(editor, id, { number: 2, baseRevision: 3 });
    expect(result.droppedReferences).toBe(1);
    const restored = getCase(editor, id);
    expect(restored.bodyText).toContain("kept text and truce");
    const rows = db.select().from(passages).where(eq(passages.caseId, id)).all();
    expect(rows.map((row) => row.codeId)).toEqual([truceCode]);
  });

  it("refuses to restore the revision that is already current", async () => {
    const { id } = caseWithHistory();
    const result = await callRoute(await route(), {
      method: "POST",
      path: "/history",
      params: { workspaceId: team.workspace.id, caseId: id },
      cookie: team.people.editor.cookie,
      form: { intent: "restore", number: "3", revision: "3" },
    });
    expect(result.status).toBe(400);
  });

  it("shows the default comparison (previous against latest) in the page data", async () => {
    const { id } = caseWithHistory();
    const result = await callRoute(await route(), {
      path: "/history",
      params: { workspaceId: team.workspace.id, caseId: id },
      cookie: team.people.reviewer.cookie,
    });
    const body = result.body as {
      selected: { from: number; to: number };
      comparison: unknown;
      canRestore: boolean;
    };
    expect(body.selected).toMatchObject({ from: 2, to: 3 });
    expect(body.comparison).not.toBeNull();
    expect(body.canRestore).toBe(false);
  });

  it("shows trainers, who read approved versions only, the approved revision and no draft", async () => {
    const { id } = caseWithHistory();
    const history = await route();
    const params = { workspaceId: team.workspace.id, caseId: id };
    const trainer = team.people.trainer;
    // Never approved: the case does not exist for a trainer.
    expect((await callRoute(history, { path: "/history", params, cookie: trainer.cookie })).status).toBe(404);

    db.update(cases).set({ status: "approved", approvedRevision: 2 }).where(eq(cases.id, id)).run();
    const listed = listRevisions(trainer.member, id);
    expect(listed.revisions.map((r) => r.number)).toEqual([2]);
    expect(listed.choices.map((c) => c.number)).toEqual([2]);
    expect(listed.caseStudy.revision).toBe(2);
    expect(viewRevision(trainer.member, id, 2).html).toContain("a temporary truce");
    for (const query of ["?view=3", "?view=1", "?from=1&to=2", "?from=2&to=3"]) {
      const hidden = await callRoute(history, { path: `/history${query}`, params, cookie: trainer.cookie });
      expect(hidden.status, query).toBe(404);
    }
    const page = await callRoute(history, { path: "/history", params, cookie: trainer.cookie });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ seesDrafts: false, comparison: null });
    // Editors still see every revision, with the approved one marked.
    const editorView = listRevisions(team.people.editor.member, id);
    expect(editorView.choices.map((c) => c.number)).toEqual([3, 2, 1]);
    expect(editorView.caseStudy.approvedRevision).toBe(2);
  });
});
