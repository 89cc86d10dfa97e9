// The library's snapshot and the matrix's stated values are patched case by case after a write (case_marks,
// maintainedDerived) instead of rebuilt: after every kind of write, what a reader gets must be exactly what
// a value built whole from the database gives, for a reader of drafts and a reader of approved versions;
// a write in another workspace must leave the value as it was, not rebuild it.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, saveCaseBody, trashCase, updateCaseFields } from "~/models/cases.server";
import { createCode, deleteCode } from "~/models/codebook-edits.server";
import { saveCaseConditions } from "~/models/conditions.server";
import { forgetMaintained, maintainedDerived } from "~/models/derived-cache.server";
import { saveEvent } from "~/models/events.server";
import { readableCases, searchLibrary } from "~/models/library.server";
import { filteredMatrix } from "~/models/matrix.server";
import { createSource, updateSource } from "~/models/sources.server";
import { parseLibraryQuery } from "~/queries/library";
import { parseMatrixQuery } from "~/queries/matrix";
import { db } from "~/utils/db.server";
import type { Member } from "~/utils/permissions.server";
import { openDatabase } from "../../db/client";
import { cases, users } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let precondition: string;
let outcome: string;

beforeAll(async () => {
  team = await makeTeam();
  const code = (kind: "precondition" | "outcome", label: string) =>
    createCode(team.people.owner.member, { kind, label, description: "", color: "#2563eb", parentId: null })
      .id;
  precondition = code("precondition", "Back channel");
  outcome = code("outcome", "Prisoners released");
});

/** Everything a reader can get from the maintained values, in a form that compares as text. */
function whatReaderGets(member: Member) {
  const { byId, eventsByCase } = readableCases(member);
  const search = searchLibrary(member, parseLibraryQuery(new URLSearchParams({ q: "envoy" })).query);
  const all = searchLibrary(member, parseLibraryQuery(new URLSearchParams()).query);
  const matrix = filteredMatrix(member, parseMatrixQuery(new URLSearchParams({ outcome })));
  return JSON.stringify({
    cases: [...byId.entries()].sort(([a], [b]) => a.localeCompare(b)),
    events: [...eventsByCase.entries()].sort(([a], [b]) => a.localeCompare(b)),
    search: search.matchedIds,
    total: all.total,
    facets: all.facets,
    figures: matrix.matrix.measures,
    table: matrix.matrix.truthTable,
    cells: matrix.matrix.cells,
  });
}

/** What the patched values give must equal what values built whole give, for both kinds of reader. */
function expectPatchedEqualsBuilt() {
  const readers = [team.people.editor.member, team.people.trainer.member];
  const patched = readers.map(whatReaderGets);
  forgetMaintained();
  expect(patched).toEqual(readers.map(whatReaderGets));
}

const doc = (text: string, codeId: string) => ({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Process" }] },
    { type: "paragraph", content: [{ type: "text", text, marks: [{ type: "tag", attrs: { codeId } }] }] },
  ],
});

describe("data maintained case by case", () => {
  it("after each kind of write, readers get what a value built whole gives", () => {
    const editor = team.people.editor.member;
    const owner = team.people.owner.member;
    // Built whole, then every step below is patched.
    expectPatchedEqualsBuilt();

    const { id } = createCase(editor, { ...sampleFields, title: "Talks with the envoy" });
    expectPatchedEqualsBuilt();

    saveCaseBody(editor, id, { baseRevision: 1, doc: doc("The envoy opened a back channel.", precondition) });
    expectPatchedEqualsBuilt();

    updateCaseFields(editor, id, 2, {
      ...sampleFields,
      title: "Talks with the envoy, revised",
      regions: ["Sahel"],
    });
    expectPatchedEqualsBuilt();

    saveCaseConditions(editor, id, [
      { codeId: precondition, value: "present", note: "", seenSetAt: 0 },
      { codeId: outcome, value: "present", note: "", seenSetAt: 0 },
    ]);
    expectPatchedEqualsBuilt();

    saveEvent(editor, id, {
      event: {
        title: "Meets the envoy",
        start: { year: 2010, month: 3 },
        end: null,
        circa: false,
        wording: "",
        description: "",
        actors: ["The envoy"],
        codeIds: [],
        citations: [],
      },
    });
    expectPatchedEqualsBuilt();

    // Approved: the trainer now reads it (its approved version).
    const approved = db.select({ revision: cases.revision }).from(cases).where(eq(cases.id, id)).get()!;
    db.update(cases)
      .set({ status: "approved", approvedRevision: approved.revision })
      .where(eq(cases.id, id))
      .run();
    expectPatchedEqualsBuilt();

    // A draft after approval: the trainer keeps the approved version, the editor sees the draft.
    saveCaseBody(editor, id, {
      baseRevision: approved.revision,
      doc: doc("A draft paragraph after approval.", outcome),
    });
    expectPatchedEqualsBuilt();

    // Changes to the whole workspace: a source, a person's name, a code deleted.
    const { id: sourceId } = createSource(owner, { type: "report", title: "Envoy's report" });
    updateSource(owner, sourceId, { type: "report", title: "The envoy's report" });
    expectPatchedEqualsBuilt();
    db.update(users).set({ name: "Editor renamed" }).where(eq(users.id, team.people.editor.id)).run();
    expectPatchedEqualsBuilt();
    const spare = createCode(owner, {
      kind: "precondition",
      label: "Spare",
      description: "",
      color: "#2563eb",
      parentId: null,
    }).id;
    saveCaseConditions(editor, id, [{ codeId: spare, value: "present", note: "", seenSetAt: 0 }]);
    deleteCode(owner, spare, { confirmed: true });
    expectPatchedEqualsBuilt();

    // Another connection (a script, a second process) writes.
    const other = openDatabase().sqlite;
    other.prepare("UPDATE cases SET summary = 'Written by another process' WHERE id = ?").run(id);
    other.prepare("DELETE FROM case_conditions WHERE case_id = ? AND code_id = ?").run(id, precondition);
    other.close();
    expectPatchedEqualsBuilt();

    trashCase(editor, id);
    expectPatchedEqualsBuilt();
    expect(readableCases(editor).byId.has(id)).toBe(false);
  });

  it("patches only the cases written, and keeps the value through a write in another workspace", () => {
    const key = `test:maintained:${Date.now()}`;
    const workspaceId = team.workspace.id;
    const patched: string[][] = [];
    let builds = 0;
    const read = () =>
      maintainedDerived(
        key,
        workspaceId,
        () => ++builds,
        (old, caseIds) => {
          patched.push(caseIds);
          return old;
        },
      );
    read();
    const { id } = createCase(team.people.editor.member, { ...sampleFields, title: "One more" });
    read();
    createCase(team.outsider.member, { ...sampleFields, title: "Elsewhere" });
    read();
    read();
    expect(builds).toBe(1);
    expect(patched).toEqual([[id]]);
    // A change to the whole workspace builds again.
    createSource(team.people.owner.member, { type: "report", title: "A new source" });
    read();
    expect(builds).toBe(2);
  });
});
