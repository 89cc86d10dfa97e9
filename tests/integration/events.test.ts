// Dated events are part of a case's revisions (ADR 0013): written as revisions, compared, restored,
// approved; trainers read the approved version's events; reviewers comment on them.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, getCase, updateCaseFields } from "~/models/cases.server";
import { mergeCode } from "~/models/code-merge.server";
import { createCode, deleteCode } from "~/models/codebook-edits.server";
import { listCodes } from "~/models/codes.server";
import type { EventInput } from "~/models/event-fields";
import { caseTimeline, deleteEvent, EventRejectedError, eventStamp, saveEvent } from "~/models/events.server";
import { approveCase, submitForReview } from "~/models/reviews.server";
import { compareRevisions, listRevisions, restoreRevision, viewRevision } from "~/models/revisions.server";
import { createSource } from "~/models/sources.server";
import { CommentRejectedError, createEventThread, listCaseThreads } from "~/models/threads.server";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { caseRevisions } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let truce: string;
let local: string;
let source: string;

const input = (over: Partial<EventInput> = {}): EventInput => ({
  title: "Talks",
  start: { year: 2012 },
  end: null,
  circa: false,
  wording: "",
  description: "",
  actors: [],
  codeIds: [],
  citations: [],
  ...over,
});

const refusal = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof EventRejectedError) return { status: error.status, errors: error.errors };
    const thrown = error as { init?: { status?: number } };
    return { status: thrown.init?.status ?? 0, errors: {} };
  }
};

beforeAll(async () => {
  team = await makeTeam();
  const owner = team.people.owner.member;
  const code = (kind: "precondition" | "outcome", label: string) =>
    createCode(owner, { kind, label, description: "", color: "#2563eb", parentId: null }).id;
  truce = code("outcome", "Temporary truce");
  local = code("precondition", "Local channel");
  source = createSource(team.people.editor.member, { type: "report", title: "Field notes" }).id;
});

describe("events as revisions", () => {
  it("writes each change as a new revision with the events in its snapshot", () => {
    const editor = team.people.editor.member;
    const caseId = team.caseStudy.id;
    const before = getCase(editor, caseId).revision;
    const first = saveEvent(editor, caseId, {
      event: input({ title: "Exploratory talks", citations: [{ sourceId: source, locator: "p. 4" }] }),
    });
    const second = saveEvent(editor, caseId, {
      event: input({ title: "Truce", start: { year: 2020 }, circa: true, codeIds: [truce] }),
    });
    expect(first.revision).toBe(before + 1);
    expect(second.revision).toBe(before + 2);
    const current = getCase(editor, caseId);
    expect(current.events.map((event) => event.title)).toEqual(["Exploratory talks", "Truce"]);
    // Editing an approved case starts a draft, as an edit of its fields does.
    expect(current.status).toBe("draft");
    const stored = db.select().from(caseRevisions).where(eq(caseRevisions.caseId, caseId)).all();
    const latest = stored.find((row) => row.number === second.revision)!;
    expect((latest.fields.events as Array<{ title: string }>).map((event) => event.title)).toEqual([
      "Exploratory talks",
      "Truce",
    ]);
    expect(listRevisions(editor, caseId).revisions[0].note).toBe(
      msg("history.notes.event.added", { title: "Truce" }),
    );
  });

  it("keeps the events in revisions written by other paths (fields, text)", () => {
    const editor = team.people.editor.member;
    const caseId = team.caseStudy.id;
    const current = getCase(editor, caseId);
    const { revision } = updateCaseFields(editor, caseId, current.revision, {
      title: current.title,
      regions: current.regions,
      periodStart: current.periodStart,
      periodStartCirca: false,
      periodEnd: null,
      periodEndCirca: false,
      actors: current.actors,
      mediators: current.mediators,
      summary: "Edited summary",
      dialogueType: "active_group",
    });
    const view = viewRevision(editor, caseId, revision);
    expect(view.events.map((event) => event.title)).toEqual(["Exploratory talks", "Truce"]);
    expect(view.fields.dialogueType).toBe("active_group");
  });

  it("compares two revisions' events and restores an earlier list", () => {
    const editor = team.people.editor.member;
    const caseId = team.caseStudy.id;
    const withTwo = getCase(editor, caseId);
    const truceEvent = withTwo.events.find((event) => event.title === "Truce")!;
    saveEvent(editor, caseId, {
      eventId: truceEvent.id,
      stamp: eventStamp(truceEvent),
      event: input({ title: "Truce in Ségou", start: { year: 2021 }, codeIds: [truce] }),
    });
    const talks = withTwo.events.find((event) => event.title === "Exploratory talks")!;
    const removed = deleteEvent(editor, caseId, { eventId: talks.id, stamp: eventStamp(talks) });
    const comparison = compareRevisions(editor, caseId, withTwo.revision, removed.revision);
    expect(comparison.events.removed.map((event) => event.title)).toEqual(["Exploratory talks"]);
    expect(comparison.events.added).toEqual([]);
    expect(comparison.events.changed).toHaveLength(1);
    expect(comparison.events.changed[0].fields).toEqual(["date", "title"]);
    const restored = restoreRevision(editor, caseId, {
      number: withTwo.revision,
      baseRevision: removed.revision,
    });
    expect(getCase(editor, caseId).events.map((event) => event.title)).toEqual([
      "Exploratory talks",
      "Truce",
    ]);
    expect(restored.droppedReferences).toBe(0);
  });

  it("refuses a stale edit, a removed event, foreign codes and sources: nothing stored", () => {
    const editor = team.people.editor.member;
    const caseId = team.caseStudy.id;
    const current = getCase(editor, caseId);
    const event = current.events[0];
    expect(
      refusal(() => saveEvent(editor, caseId, { eventId: event.id, stamp: "old", event: input() })),
    ).toEqual({
      status: 409,
      errors: { form: [msg("events.errors.changedMeanwhile")] },
    });
    expect(refusal(() => deleteEvent(editor, caseId, { eventId: "nosuchevent000" }))?.status).toBe(404);
    const foreignCode = createCode(team.outsider.member, {
      kind: "outcome",
      label: "Elsewhere",
      description: "",
      color: "#2563eb",
      parentId: null,
    }).id;
    expect(
      refusal(() => saveEvent(editor, caseId, { event: input({ codeIds: [foreignCode] }) }))?.errors,
    ).toEqual({
      codeId: [msg("events.errors.codeUnknown")],
    });
    const foreignSource = createSource(team.outsider.member, { type: "report", title: "Theirs" }).id;
    expect(
      refusal(() =>
        saveEvent(editor, caseId, {
          event: input({ citations: [{ sourceId: foreignSource, locator: "" }] }),
        }),
      )?.errors,
    ).toEqual({ citations: [msg("events.errors.sourceUnknown")] });
    expect(getCase(editor, caseId).revision).toBe(current.revision);
    // Reviewers and trainers do not edit events; another workspace's case is not found.
    expect(refusal(() => saveEvent(team.people.reviewer.member, caseId, { event: input() }))?.status).toBe(
      403,
    );
    expect(refusal(() => saveEvent(editor, team.otherCase.id, { event: input() }))?.status).toBe(404);
  });
});

describe("revisions from before events", () => {
  it("read and restore as having no events and no dialogue type", () => {
    const editor = team.people.editor.member;
    const caseId = createCase(editor, { ...sampleFields, title: "Older case" }).id;
    saveEvent(editor, caseId, { event: input({ title: "Added later" }) });
    // As a database from before the feature: the first revision's snapshot knows neither.
    const first = db
      .select()
      .from(caseRevisions)
      .where(and(eq(caseRevisions.caseId, caseId), eq(caseRevisions.number, 1)))
      .get()!;
    const { events: _events, dialogueType: _type, ...older } = first.fields;
    db.update(caseRevisions).set({ fields: older }).where(eq(caseRevisions.id, first.id)).run();
    const view = viewRevision(editor, caseId, 1);
    expect(view.events).toEqual([]);
    expect(view.fields.dialogueType).toBeNull();
    expect(compareRevisions(editor, caseId, 1, 2).events.added.map((event) => event.title)).toEqual([
      "Added later",
    ]);
    const current = getCase(editor, caseId).revision;
    restoreRevision(editor, caseId, { number: 1, baseRevision: current });
    expect(getCase(editor, caseId).events).toEqual([]);
  });
});

describe("what readers see", () => {
  it("gives trainers the approved version's events only", () => {
    const editor = team.people.editor.member;
    const trainer = team.people.trainer.member;
    const caseId = team.caseStudy.id;
    submitForReview(editor, caseId, { reviewerIds: [team.people.reviewer.id] });
    approveCase(team.people.reviewer.member, caseId);
    saveEvent(editor, caseId, { event: input({ title: "Draft-only event", start: { year: 2023 } }) });
    const approved = getCase(trainer, caseId);
    expect(approved.events.map((event) => event.title)).toEqual(["Exploratory talks", "Truce"]);
    expect(caseTimeline(trainer, approved).map((event) => event.title)).not.toContain("Draft-only event");
    expect(getCase(editor, caseId).events.map((event) => event.title)).toContain("Draft-only event");
  });

  it("flags an outcome dated before the precondition that should precede it", () => {
    const editor = team.people.editor.member;
    const caseId = team.caseStudy.id;
    saveEvent(editor, caseId, {
      event: input({ title: "Local talks", start: { year: 2024 }, codeIds: [local] }),
    });
    const timeline = caseTimeline(editor, getCase(editor, caseId));
    const truceEvent = timeline.find((event) => event.title === "Truce")!;
    // The truce is c. 2020 (2019–2021 at the widest): certainly before 2024.
    expect(truceEvent.flags).toEqual([
      expect.objectContaining({
        role: "outcome",
        codeLabel: "Temporary truce",
        otherCodeLabel: "Local channel",
        otherEventTitle: "Local talks",
      }),
    ]);
    expect(timeline.map((event) => event.title)).toEqual([
      "Exploratory talks",
      "Truce",
      "Draft-only event",
      "Local talks",
    ]);
  });

  it("lets reviewers comment on an event, and says when the event is gone", () => {
    const editor = team.people.editor.member;
    const reviewer = team.people.reviewer.member;
    const caseId = team.caseStudy.id;
    const event = getCase(editor, caseId).events.find((item) => item.title === "Local talks")!;
    const { threadId } = createEventThread(reviewer, caseId, { eventId: event.id, body: "Which year?" });
    let threads = listCaseThreads(reviewer, getCase(reviewer, caseId)).threads;
    expect(threads.find((thread) => thread.id === threadId)?.event).toMatchObject({
      id: event.id,
      title: "Local talks",
      removed: false,
    });
    deleteEvent(editor, caseId, { eventId: event.id });
    threads = listCaseThreads(reviewer, getCase(reviewer, caseId)).threads;
    expect(threads.find((thread) => thread.id === threadId)?.event).toMatchObject({ removed: true });
    const late = (() => {
      try {
        createEventThread(reviewer, caseId, { eventId: event.id, body: "Again" });
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(late).toBeInstanceOf(CommentRejectedError);
    expect((late as CommentRejectedError).status).toBe(409);
  });
});

describe("codes shown by events", () => {
  it("follow a merge into another code and leave with a deleted code, in a new revision", () => {
    const owner = team.people.owner.member;
    const editor = team.people.editor.member;
    const caseId = team.caseStudy.id;
    const other = createCode(owner, {
      kind: "outcome",
      label: "Ceasefire",
      description: "",
      color: "#2563eb",
      parentId: null,
    }).id;
    const before = getCase(editor, caseId).revision;
    mergeCode(owner, truce, other);
    const merged = getCase(editor, caseId);
    expect(merged.revision).toBe(before + 1);
    expect(merged.events.find((event) => event.title === "Truce")?.codeIds).toEqual([other]);
    deleteCode(owner, other, { confirmed: true });
    expect(getCase(editor, caseId).events.find((event) => event.title === "Truce")?.codeIds).toEqual([]);
    expect(listCodes(owner).some((code) => code.id === other)).toBe(false);
  });
});
