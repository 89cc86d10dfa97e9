import type { JSONContent } from "@tiptap/core";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, getCase, saveCaseBody, trashCase } from "~/models/cases.server";
import type { CodeInput } from "~/models/code-fields";
import { CodeMergeError, mergeCode } from "~/models/code-merge.server";
import {
  addStarterCodes,
  CodeInUseError,
  CodeRejectedError,
  createCode,
  deleteCode,
  updateCode,
} from "~/models/codebook-edits.server";
import { getCodebook, getCodeDetail, listCodes } from "~/models/codes.server";
import { updateLocale } from "~/models/users.server";
import * as codebookPage from "~/routes/w.$workspaceId.codebook";
import * as codePage from "~/routes/w.$workspaceId.codebook.$codeId";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { caseConditions, caseRevisions, cases, codes, passages } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";
import { doc, paragraph, section, tag, text } from "../unit/editor/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;

const code = (kind: CodeInput["kind"], label: string, extra: Partial<CodeInput> = {}): CodeInput => ({
  kind,
  label,
  description: "",
  color: "#2563eb",
  parentId: null,
  ...extra,
});

function writeBody(team: Team, caseId: string, body: JSONContent) {
  const current = getCase(team.people.editor.member, caseId, { allowTrashed: true });
  return saveCaseBody(team.people.editor.member, caseId, { baseRevision: current.revision, doc: body });
}

/** Marks the case's current revision approved (the approval workflow is not under test here). */
function approve(caseId: string) {
  const current = db.select({ revision: cases.revision }).from(cases).where(eq(cases.id, caseId)).get();
  db.update(cases)
    .set({ status: "approved", approvedRevision: current?.revision })
    .where(eq(cases.id, caseId))
    .run();
}

function setCondition(caseId: string, codeId: string, value: "present" | "absent" | "unknown") {
  db.insert(caseConditions).values({ caseId, codeId, value, setAt: new Date() }).run();
}

function passagesOf(caseId: string) {
  return db
    .select({ codeId: passages.codeId, text: passages.text })
    .from(passages)
    .where(eq(passages.caseId, caseId))
    .all();
}

function tagIdsIn(body: unknown): string[] {
  const found: string[] = [];
  const visit = (node: JSONContent) => {
    for (const mark of node.marks ?? []) if (mark.type === "tag") found.push(mark.attrs?.codeId);
    for (const child of node.content ?? []) visit(child);
  };
  visit(body as JSONContent);
  return found;
}

const conditionsOf = (caseId: string) =>
  Object.fromEntries(
    db
      .select()
      .from(caseConditions)
      .where(eq(caseConditions.caseId, caseId))
      .all()
      .map((row) => [row.codeId, row.value]),
  );

let team: Team;
beforeAll(async () => {
  team = await makeTeam();
});

describe("creating and editing codes", () => {
  it("refuses a label the same kind already has, whatever its case", () => {
    const owner = team.people.owner.member;
    createCode(owner, code("outcome", "Hostage release"));
    try {
      createCode(owner, code("outcome", "  hostage   RELEASE "));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CodeRejectedError);
      expect((error as CodeRejectedError).errors.label?.[0]).toBe(
        msg("codebook.errors.outcomeExists", { label: "Hostage release" }),
      );
    }
    // The same words may name a precondition.
    expect(createCode(owner, code("precondition", "Hostage release")).id).toBeTruthy();
  });

  it("answers a duplicate label with the message next to the field and keeps what was typed", async () => {
    createCode(team.people.owner.member, code("outcome", "Ceasefire holds"));
    const result = await callRoute(codebookPage, {
      method: "POST",
      path: `/w/${team.workspace.id}/codebook`,
      params: { workspaceId: team.workspace.id },
      cookie: team.people.editor.cookie,
      form: {
        intent: "create",
        kind: "outcome",
        label: "CEASEFIRE HOLDS",
        description: "Mine",
        color: "#dc2626",
      },
    });
    expect(result.status).toBe(400);
    const body = result.body as { errors: Record<string, string[]>; values: Record<string, string> };
    expect(body.errors.label[0]).toMatch(/^codebook\.errors\.outcomeExists/);
    expect(body.values).toMatchObject({ label: "CEASEFIRE HOLDS", description: "Mine", color: "#dc2626" });
  });

  it("checks label, description and colour", async () => {
    const result = await callRoute(codebookPage, {
      method: "POST",
      path: "/codebook",
      params: { workspaceId: team.workspace.id },
      cookie: team.people.owner.cookie,
      form: { intent: "create", kind: "outcome", label: " ", description: "x".repeat(1001), color: "red" },
    });
    expect(result.status).toBe(400);
    expect(Object.keys((result.body as { errors: object }).errors).sort()).toEqual([
      "color",
      "description",
      "label",
    ]);
    const long = await callRoute(codebookPage, {
      method: "POST",
      path: "/codebook",
      params: { workspaceId: team.workspace.id },
      cookie: team.people.owner.cookie,
      form: { intent: "create", kind: "outcome", label: "x".repeat(121), color: "#000000" },
    });
    expect((long.body as { errors: Record<string, string[]> }).errors.label).toBeTruthy();
  });

  it("creates a code through the page and lists it with its colour and parent", async () => {
    const parent = createCode(team.people.owner.member, code("outcome", "Release of people held"));
    const result = await callRoute(codebookPage, {
      method: "POST",
      path: "/codebook",
      params: { workspaceId: team.workspace.id },
      cookie: team.people.editor.cookie,
      form: {
        intent: "create",
        kind: "outcome",
        label: "Detainees freed",
        color: "#DB2777",
        parentId: parent.id,
      },
    });
    expect(result.status).toBe(302);
    const created = listCodes(team.people.trainer.member).find((c) => c.label === "Detainees freed");
    expect(created).toMatchObject({ kind: "outcome", color: "#db2777", parentId: parent.id });
    expect(result.location).toBe(`/w/${team.workspace.id}/codebook#code-${created?.id}`);
  });

  it("refuses a parent of the other kind, itself, or one of its own sub-codes", () => {
    const owner = team.people.owner.member;
    const pre = createCode(owner, code("precondition", "Parent precondition")).id;
    const out = createCode(owner, code("outcome", "Parent outcome")).id;
    const child = createCode(owner, code("outcome", "Child outcome", { parentId: out })).id;
    const grandchild = createCode(owner, code("outcome", "Grandchild outcome", { parentId: child })).id;
    const errorsOf = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        if (error instanceof CodeRejectedError) return error.errors;
        throw error;
      }
      return null;
    };
    expect(
      errorsOf(() => createCode(owner, code("outcome", "Misplaced", { parentId: pre })))?.parentId?.[0],
    ).toBe(msg("codebook.errors.parentNotOutcome"));
    expect(
      errorsOf(() => updateCode(owner, out, code("outcome", "Parent outcome", { parentId: out })))
        ?.parentId?.[0],
    ).toBe(msg("codebook.errors.parentSelf"));
    expect(
      errorsOf(() => updateCode(owner, out, code("outcome", "Parent outcome", { parentId: grandchild })))
        ?.parentId?.[0],
    ).toBe(msg("codebook.errors.parentLoop"));
    // A parent with sub-codes keeps its kind.
    expect(errorsOf(() => updateCode(owner, out, code("precondition", "Parent outcome")))?.kind?.[0]).toBe(
      msg("codebook.errors.kindHasSubCodes"),
    );
    // A foreign id is not a parent.
    const foreign = createCode(team.outsider.member, code("outcome", "Elsewhere")).id;
    expect(
      errorsOf(() => createCode(owner, code("outcome", "Lost", { parentId: foreign })))?.parentId,
    ).toBeTruthy();
    // Moving the grandchild to the top and recolouring is fine.
    updateCode(owner, grandchild, code("outcome", "Grandchild outcome", { color: "#16a34a" }));
    expect(listCodes(owner).find((c) => c.id === grandchild)).toMatchObject({
      parentId: null,
      color: "#16a34a",
    });
  });
});

describe("the codebook page", () => {
  it("offers the starter codebook once, skipping labels the workspace has", async () => {
    const fresh = await makeTeam();
    const owner = fresh.people.owner.member;
    createCode(owner, code("outcome", "temporary truce or ceasefire"));
    const result = await callRoute(codebookPage, {
      method: "POST",
      path: "/codebook",
      params: { workspaceId: fresh.workspace.id },
      cookie: fresh.people.editor.cookie,
      form: { intent: "starter" },
    });
    expect(result.status).toBe(302);
    const labels = listCodes(owner).map((c) => c.label);
    expect(labels).toHaveLength(15);
    expect(labels).toContain("Participants in state custody");
    expect(labels).not.toContain("Temporary truce or ceasefire");
    expect(addStarterCodes(owner)).toBe(0);
    const refused = await callRoute(codebookPage, {
      method: "POST",
      path: "/codebook",
      params: { workspaceId: fresh.workspace.id },
      cookie: fresh.people.reviewer.cookie,
      form: { intent: "starter" },
    });
    expect(refused.status).toBe(403);
  });

  it("counts tagged passages and present values over cases that are not in the trash", () => {
    const owner = team.people.owner.member;
    const counted = createCode(owner, code("precondition", "Counted condition")).id;
    const live = createCase(team.people.editor.member, sampleFields).id;
    const trashed = createCase(team.people.editor.member, sampleFields).id;
    for (const caseId of [live, trashed]) {
      writeBody(
        team,
        caseId,
        doc(section("Context"), paragraph(text("one", tag(counted)), " and ", text("two", tag(counted)))),
      );
      setCondition(caseId, counted, "present");
    }
    trashCase(team.people.editor.member, trashed);
    const entry = getCodebook(team.people.reviewer.member).find((c) => c.id === counted);
    expect(entry).toMatchObject({ passageCount: 2, presentCount: 1 });
    const detail = getCodeDetail(team.people.reviewer.member, counted);
    expect(detail.taggedCases.map((group) => group.caseId)).toEqual([live]);
    expect(detail.taggedCases[0].passages.map((p) => [p.text, p.section, p.anchor])).toEqual([
      ["one", "Context", "section-context"],
      ["two", "Context", "section-context"],
    ]);
    expect(detail.trashedCases.map((group) => group.caseId)).toEqual([trashed]);
    expect(detail.usage).toEqual({ tagCount: 4, caseCount: 2, conditionCount: 2 });
  });

  it("shows trainers the passages of approved versions only", () => {
    const owner = team.people.owner.member;
    const watched = createCode(owner, code("outcome", "Watched by trainers")).id;
    const approved = createCase(team.people.editor.member, { ...sampleFields, title: "Approved case" }).id;
    const draftOnly = createCase(team.people.editor.member, { ...sampleFields, title: "Draft only" }).id;
    writeBody(team, approved, doc(section("Outcomes"), paragraph(text("approved words", tag(watched)))));
    approve(approved);
    writeBody(team, approved, doc(section("Outcomes"), paragraph(text("draft words", tag(watched)))));
    writeBody(team, draftOnly, doc(paragraph(text("never approved", tag(watched)))));
    setCondition(draftOnly, watched, "present");

    const texts = (member: typeof owner) =>
      getCodeDetail(member, watched).taggedCases.flatMap((group) =>
        group.passages.map((p) => `${group.title}: ${p.text} ${p.anchor}`),
      );
    expect(texts(team.people.trainer.member)).toEqual(["Approved case: approved words section-outcomes"]);
    expect(texts(team.people.reviewer.member)).toEqual([
      "Approved case: draft words section-outcomes",
      "Draft only: never approved null",
    ]);
    expect(getCodebook(team.people.trainer.member).find((c) => c.id === watched)).toMatchObject({
      passageCount: 1,
      presentCount: 0,
    });
    expect(getCodeDetail(team.people.trainer.member, watched).conditions.present).toBe(0);
  });

  it("lets every member read the codebook and a code, but only owners and editors change it", async () => {
    const target = createCode(team.people.owner.member, code("outcome", "Read by all")).id;
    for (const who of ["owner", "editor", "reviewer", "trainer"] as const) {
      const list = await callRoute(codebookPage, {
        path: "/codebook",
        params: { workspaceId: team.workspace.id },
        cookie: team.people[who].cookie,
      });
      expect(list.status).toBe(200);
      expect((list.body as { canEdit: boolean }).canEdit).toBe(who === "owner" || who === "editor");
      const one = await callRoute(codePage, {
        path: "/code",
        params: { workspaceId: team.workspace.id, codeId: target },
        cookie: team.people[who].cookie,
      });
      expect(one.status).toBe(200);
    }
    for (const who of ["reviewer", "trainer"] as const) {
      const create = await callRoute(codebookPage, {
        method: "POST",
        path: "/codebook",
        params: { workspaceId: team.workspace.id },
        cookie: team.people[who].cookie,
        form: { intent: "create", kind: "outcome", label: `By ${who}`, color: "#2563eb" },
      });
      expect(create.status).toBe(403);
      const forms: Record<string, string>[] = [
        { intent: "update", kind: "outcome", label: "Renamed", color: "#2563eb" },
        { intent: "delete", confirm: "yes" },
      ];
      for (const form of forms) {
        const result = await callRoute(codePage, {
          method: "POST",
          path: "/code",
          params: { workspaceId: team.workspace.id, codeId: target },
          cookie: team.people[who].cookie,
          form,
        });
        expect(result.status).toBe(403);
      }
    }
    expect(listCodes(team.people.owner.member).find((c) => c.id === target)?.label).toBe("Read by all");
  });

  it("answers 404 for a code of another workspace or an unknown id", async () => {
    const foreign = createCode(team.outsider.member, code("outcome", "Outsider's code")).id;
    const mine = createCode(team.people.owner.member, code("outcome", "Insider's code")).id;
    const get = (cookie: string, workspaceId: string, codeId: string) =>
      callRoute(codePage, { path: "/code", params: { workspaceId, codeId }, cookie });
    expect((await get(team.people.owner.cookie, team.workspace.id, foreign)).status).toBe(404);
    expect((await get(team.people.owner.cookie, team.workspace.id, "unknownid1234")).status).toBe(404);
    expect((await get(team.people.owner.cookie, team.workspace.id, "../x")).status).toBe(404);
    // The outsider cannot reach a code of the team, neither through the team's URL nor their own.
    expect((await get(team.outsider.cookie, team.workspace.id, mine)).status).toBe(404);
    expect((await get(team.outsider.cookie, team.otherWorkspace.id, mine)).status).toBe(404);
    // Nor change it, nor merge into it.
    const post = (form: Record<string, string>, codeId = mine) =>
      callRoute(codePage, {
        method: "POST",
        path: "/code",
        params: { workspaceId: team.otherWorkspace.id, codeId },
        cookie: team.outsider.cookie,
        form,
      });
    expect((await post({ intent: "delete", confirm: "yes" })).status).toBe(404);
    expect((await post({ intent: "merge", targetId: mine }, foreign)).status).toBe(404);
    expect(listCodes(team.people.owner.member).some((c) => c.id === mine)).toBe(true);
    expect(listCodes(team.outsider.member).some((c) => c.id === foreign)).toBe(true);
  });
});

describe("merging codes", () => {
  it("moves tags in the case bodies, derived passages, conditions and sub-codes, with a revision", async () => {
    const owner = team.people.owner.member;
    const merged = createCode(owner, code("outcome", "Local truce")).id;
    const kept = createCode(owner, code("outcome", "Temporary truce")).id;
    const child = createCode(owner, code("outcome", "Truce for a market day", { parentId: merged })).id;
    const other = createCode(owner, code("outcome", "Unrelated outcome")).id;
    const first = createCase(team.people.editor.member, { ...sampleFields, title: "First" }).id;
    const second = createCase(team.people.editor.member, { ...sampleFields, title: "Second" }).id;
    const binned = createCase(team.people.editor.member, { ...sampleFields, title: "Binned" }).id;
    writeBody(
      team,
      first,
      doc(
        section("Outcomes"),
        paragraph(
          text("a truce ", tag(merged)),
          text("that held", tag(merged), tag(kept)),
          " and ",
          text("more", tag(other)),
        ),
      ),
    );
    writeBody(team, second, doc(section("Process"), paragraph(text("a local truce", tag(merged)))));
    writeBody(team, binned, doc(paragraph(text("in the bin", tag(merged)))));
    approve(second);
    trashCase(team.people.editor.member, binned);
    setCondition(first, merged, "present");
    setCondition(first, kept, "absent");
    setCondition(second, merged, "present");
    const revisionBefore = getCase(owner, first).revision;

    const result = await callRoute(codePage, {
      method: "POST",
      path: "/code",
      params: { workspaceId: team.workspace.id, codeId: merged },
      cookie: team.people.editor.cookie,
      form: { intent: "merge", targetId: kept },
    });
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/w/${team.workspace.id}/codebook/${kept}`);

    expect(passagesOf(first)).toEqual(
      expect.arrayContaining([
        { codeId: kept, text: "a truce that held" },
        { codeId: other, text: "more" },
      ]),
    );
    expect(passagesOf(first)).toHaveLength(2);
    expect(passagesOf(second)).toEqual([{ codeId: kept, text: "a local truce" }]);
    // Retagging an approved case keeps it approved, at its new revision.
    const secondCase = db.select().from(cases).where(eq(cases.id, second)).get();
    expect(secondCase).toMatchObject({ status: "approved", approvedRevision: secondCase?.revision });
    expect(getCodeDetail(team.people.trainer.member, kept).taggedCases.map((group) => group.title)).toContain(
      "Second",
    );
    expect(passagesOf(binned)).toEqual([{ codeId: kept, text: "in the bin" }]);
    const firstCase = getCase(owner, first);
    expect(tagIdsIn(firstCase.body)).not.toContain(merged);
    // Once retagged, the two runs are one piece of text with one tag.
    expect(firstCase.body).toMatchObject({
      content: [
        {},
        {
          content: [{ text: "a truce that held", marks: [{ type: "tag", attrs: { codeId: kept } }] }, {}, {}],
        },
      ],
    });
    expect(firstCase.revision).toBe(revisionBefore + 1);
    const revision = db
      .select()
      .from(caseRevisions)
      .where(and(eq(caseRevisions.caseId, first), eq(caseRevisions.number, firstCase.revision)))
      .get();
    expect(revision).toMatchObject({
      note: msg("history.notes.codeMerged", { label: "Local truce", target: "Temporary truce" }),
      baseNumber: revisionBefore,
      authorId: team.people.editor.id,
      fields: expect.objectContaining({ title: "First" }),
    });
    expect(tagIdsIn(revision?.body)).toEqual([kept, other]);
    expect(tagIdsIn(getCase(owner, binned, { allowTrashed: true }).body)).toEqual([kept]);

    // The kept code's value wins where both had one; elsewhere the merged code's value moves.
    expect(conditionsOf(first)).toEqual({ [kept]: "absent" });
    expect(conditionsOf(second)).toEqual({ [kept]: "present" });
    expect(db.select().from(codes).where(eq(codes.id, child)).get()?.parentId).toBe(kept);
    expect(db.select().from(codes).where(eq(codes.id, merged)).get()).toBeUndefined();
  });

  it("lifts the target out when it sat under the merged code", () => {
    const owner = team.people.owner.member;
    const top = createCode(owner, code("precondition", "Top level channel")).id;
    const broad = createCode(owner, code("precondition", "Broad channel", { parentId: top })).id;
    const middle = createCode(owner, code("precondition", "Middle channel", { parentId: broad })).id;
    const narrow = createCode(owner, code("precondition", "Narrow channel", { parentId: middle })).id;
    const sibling = createCode(owner, code("precondition", "Sibling channel", { parentId: broad })).id;
    mergeCode(owner, broad, narrow);
    const parents = Object.fromEntries(listCodes(owner).map((c) => [c.id, c.parentId]));
    expect(parents[narrow]).toBe(top);
    expect(parents[middle]).toBe(narrow);
    expect(parents[sibling]).toBe(narrow);
    expect(broad in parents).toBe(false);
  });

  it("refuses a code of the other kind or itself, and a target from another workspace", async () => {
    const owner = team.people.owner.member;
    const outcome = createCode(owner, code("outcome", "Cannot merge")).id;
    const precondition = createCode(owner, code("precondition", "Other kind")).id;
    expect(() => mergeCode(owner, outcome, precondition)).toThrow(CodeMergeError);
    expect(() => mergeCode(owner, outcome, outcome)).toThrow(CodeMergeError);
    const foreign = createCode(team.outsider.member, code("outcome", "Foreign target")).id;
    const result = await callRoute(codePage, {
      method: "POST",
      path: "/code",
      params: { workspaceId: team.workspace.id, codeId: outcome },
      cookie: team.people.owner.cookie,
      form: { intent: "merge", targetId: foreign },
    });
    expect(result.status).toBe(404);
    const missing = await callRoute(codePage, {
      method: "POST",
      path: "/code",
      params: { workspaceId: team.workspace.id, codeId: outcome },
      cookie: team.people.owner.cookie,
      form: { intent: "merge" },
    });
    expect(missing.status).toBe(400);
    expect(listCodes(owner).some((c) => c.id === outcome)).toBe(true);
  });
});

describe("deleting codes", () => {
  it("deletes an unused code at once and moves its sub-codes up", () => {
    const owner = team.people.owner.member;
    const parent = createCode(owner, code("outcome", "Unused parent")).id;
    const unused = createCode(owner, code("outcome", "Unused code", { parentId: parent })).id;
    const child = createCode(owner, code("outcome", "Sub of unused", { parentId: unused })).id;
    expect(deleteCode(owner, unused, { confirmed: false })).toMatchObject({ tagCount: 0 });
    expect(listCodes(owner).find((c) => c.id === child)?.parentId).toBe(parent);
  });

  it("needs an explicit confirmation for a code in use, then removes its tags from the bodies", async () => {
    const owner = team.people.owner.member;
    const doomed = createCode(owner, code("precondition", "Doomed condition")).id;
    const survivor = createCode(owner, code("precondition", "Surviving condition")).id;
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Tagged case" }).id;
    writeBody(
      team,
      caseId,
      doc(
        section("Preconditions"),
        paragraph(text("doomed ", tag(doomed)), text("both", tag(doomed), tag(survivor))),
      ),
    );
    setCondition(caseId, doomed, "absent");
    const revisionBefore = getCase(owner, caseId).revision;
    const post = (form: Record<string, string>) =>
      callRoute(codePage, {
        method: "POST",
        path: "/code",
        params: { workspaceId: team.workspace.id, codeId: doomed },
        cookie: team.people.owner.cookie,
        form: { intent: "delete", ...form },
      });

    const unconfirmed = await post({ expectedTags: "1" });
    expect(unconfirmed.status).toBe(400);
    expect((unconfirmed.body as { errors: Record<string, string[]> }).errors.confirm).toBeTruthy();
    expect(() => deleteCode(owner, doomed, { confirmed: false })).toThrow(CodeInUseError);
    // Confirmed for a count that is no longer true: the page must show the new list first.
    expect((await post({ confirm: "yes", expectedTags: "0" })).status).toBe(409);
    expect(passagesOf(caseId).some((p) => p.codeId === doomed)).toBe(true);

    const confirmed = await post({ confirm: "yes", expectedTags: "1" });
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe(`/w/${team.workspace.id}/codebook`);
    const after = getCase(owner, caseId);
    expect(tagIdsIn(after.body)).toEqual([survivor]);
    expect(passagesOf(caseId)).toEqual([{ codeId: survivor, text: "both" }]);
    expect(after.revision).toBe(revisionBefore + 1);
    expect(
      db
        .select({ note: caseRevisions.note })
        .from(caseRevisions)
        .where(and(eq(caseRevisions.caseId, caseId), eq(caseRevisions.number, after.revision)))
        .get()?.note,
    ).toBe(msg("history.notes.codeDeleted", { label: "Doomed condition" }));
    expect(conditionsOf(caseId)).toEqual({});
    expect(listCodes(owner).some((c) => c.id === doomed)).toBe(false);
  });

  it("treats a recorded condition value as a use", () => {
    const owner = team.people.owner.member;
    const valued = createCode(owner, code("outcome", "Only a value")).id;
    const caseId = createCase(team.people.editor.member, sampleFields).id;
    setCondition(caseId, valued, "absent");
    expect(() => deleteCode(owner, valued, { confirmed: false })).toThrow(CodeInUseError);
    deleteCode(owner, valued, { confirmed: true, expectedTags: 0 });
    expect(conditionsOf(caseId)).toEqual({});
  });
});

describe("code labels in the reader's language", () => {
  type Loaded = { codes: Array<{ id: string; label: string }> };
  const loadCodebook = async (fresh: Team, cookie: string) =>
    (
      (
        await callRoute(codebookPage, {
          path: `/w/${fresh.workspace.id}/codebook`,
          params: { workspaceId: fresh.workspace.id },
          cookie,
        })
      ).body as Loaded
    ).codes.map((c) => c.label);

  it("shows the starter codebook in French to a member who uses the casebook in French", async () => {
    const fresh = await makeTeam();
    addStarterCodes(fresh.people.owner.member);
    updateLocale(fresh.people.reviewer.id, "fr");
    const french = await loadCodebook(fresh, fresh.people.reviewer.cookie);
    expect(french).toContain("Direction politique stable");
    expect(french).toContain("Trêve ou cessez-le-feu temporaire");
    expect(french).not.toContain("Stable political leadership");
    // The others still read the labels as written.
    const english = await loadCodebook(fresh, fresh.people.editor.cookie);
    expect(english).toContain("Stable political leadership");
    expect(english).not.toContain("Direction politique stable");
    // A list read without a language (exports, scripts) keeps the label as written.
    expect(listCodes(fresh.people.owner.member).map((c) => c.label)).toContain("Stable political leadership");
  });

  it("saves the label in the other language with the code, and keeps it when the form leaves it out", async () => {
    const fresh = await makeTeam();
    const id = createCode(fresh.people.owner.member, code("outcome", "Prisoners released")).id;
    const post = (form: Record<string, string>) =>
      callRoute(codePage, {
        method: "POST",
        path: `/w/${fresh.workspace.id}/codebook/${id}`,
        params: { workspaceId: fresh.workspace.id, codeId: id },
        cookie: fresh.people.editor.cookie,
        form: { intent: "update", kind: "outcome", color: "#2563eb", description: "", ...form },
      });
    expect((await post({ label: "Prisoners released", labelFr: "Prisonniers libérés" })).status).toBe(302);
    const stored = () => db.select().from(codes).where(eq(codes.id, id)).get();
    expect(stored()?.labelTranslations).toEqual({ fr: "Prisonniers libérés" });
    updateLocale(fresh.people.reviewer.id, "fr");
    expect(await loadCodebook(fresh, fresh.people.reviewer.cookie)).toContain("Prisonniers libérés");
    // A form without the field (the French form edits the English label instead) keeps the translation.
    expect((await post({ label: "People released", labelEn: "" })).status).toBe(302);
    expect(stored()).toMatchObject({
      label: "People released",
      labelTranslations: { fr: "Prisonniers libérés" },
    });
    // Too long: refused next to the field.
    const refused = await post({ label: "People released", labelFr: "x".repeat(121) });
    expect(refused.status).toBe(400);
    expect((refused.body as { errors: Record<string, string[]> }).errors.labelFr).toEqual([
      msg("codebook.errors.labelTooLong", { max: 120 }),
    ]);
    // Emptied: the French reader sees the label as written.
    expect((await post({ label: "People released", labelFr: "" })).status).toBe(302);
    expect(stored()?.labelTranslations).toEqual({});
    expect(await loadCodebook(fresh, fresh.people.reviewer.cookie)).toContain("People released");
  });
});
