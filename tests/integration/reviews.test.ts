import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { listAuditLog } from "~/models/audit.server";
import { getCaseActivity } from "~/models/case-activity.server";
import { createCase, getCase, saveCaseBody, trashCase, updateCaseFields } from "~/models/cases.server";
import { newId } from "~/models/ids.server";
import { listMyReviews } from "~/models/my-reviews.server";
import {
  approveCase,
  getReviewState,
  ReviewConflictError,
  ReviewInputError,
  requestChanges,
  submitForReview,
  withdrawReview,
} from "~/models/reviews.server";
import { signIn } from "~/models/users.server";
import { db } from "~/utils/db.server";
import { decodeMessage } from "~/utils/messages";
import {
  auditLog,
  caseActivity,
  cases,
  commentMentions,
  comments,
  notifications,
  threads,
  users,
} from "../../db/schema";
import { addMember, makeTeam, makeUser, sampleFields, sessionCookie } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";
import { doc, heading, paragraph } from "../unit/editor/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;

const reviewRoute = () => import("../../app/routes/w.$workspaceId.cases.$caseId_.review");
const activityRoute = () => import("../../app/routes/w.$workspaceId.cases.$caseId_.activity");
const auditRoute = () => import("../../app/routes/w.$workspaceId.audit");

beforeAll(async () => {
  team = await makeTeam();
});

const editor = () => team.people.editor.member;
const reviewer = () => team.people.reviewer.member;
const owner = () => team.people.owner.member;
const trainer = () => team.people.trainer.member;

function freshCase(title = sampleFields.title) {
  return createCase(editor(), { ...sampleFields, title }).id;
}

function statusOf(caseId: string) {
  return db.select().from(cases).where(eq(cases.id, caseId)).get()!;
}

function notificationsFor(userId: string, caseId: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.caseId, caseId)))
    .all();
}

/** Calls the review route's action as one of the team. */
async function post(who: keyof Team["people"], caseId: string, form: Record<string, string>) {
  return callRoute(await reviewRoute(), {
    method: "POST",
    path: `/w/${team.workspace.id}/cases/${caseId}/review`,
    params: { workspaceId: team.workspace.id, caseId },
    cookie: team.people[who].cookie,
    form,
  });
}

describe("submitting for review", () => {
  it("moves a draft to in review, records the revision and the reviewers, and tells them", () => {
    const caseId = freshCase();
    const result = submitForReview(editor(), caseId, {
      reviewerIds: [team.people.reviewer.id],
      message: "Please check the Process section.",
    });
    expect(result.revision).toBe(1);
    expect(statusOf(caseId).status).toBe("in_review");

    const state = getReviewState(reviewer(), caseId);
    expect(state.status).toBe("in_review");
    expect(state.pendingReview?.revision).toBe(1);
    expect(state.pendingReview?.reviewers.map((r) => r.id)).toEqual([team.people.reviewer.id]);
    expect(state.pendingReview?.message).toBe("Please check the Process section.");
    expect(state.pendingReview?.youAreReviewer).toBe(true);
    expect(state.can).toEqual({ submit: false, approve: true, requestChanges: true, withdraw: false });

    const toReviewer = notificationsFor(team.people.reviewer.id, caseId);
    expect(toReviewer.map((n) => n.kind)).toEqual(["review_requested"]);
    expect(toReviewer[0].actorId).toBe(team.people.editor.id);
    // Nobody else is told, and the submitter is not notified of their own action.
    expect(notificationsFor(team.people.owner.id, caseId)).toEqual([]);
    expect(notificationsFor(team.people.editor.id, caseId)).toEqual([]);

    const activity = db.select().from(caseActivity).where(eq(caseActivity.caseId, caseId)).all();
    expect(activity.map((a) => a.kind)).toEqual(["created", "submitted"]);
    expect(activity[1].detail).toMatchObject({ revision: 1, reviewerIds: [team.people.reviewer.id] });
  });

  it("refuses a reviewer or trainer as submitter (403) and a case already in review (409)", async () => {
    const caseId = freshCase();
    expect(
      (await post("reviewer", caseId, { intent: "submit", reviewerIds: team.people.reviewer.id })).status,
    ).toBe(403);
    expect(
      (await post("trainer", caseId, { intent: "submit", reviewerIds: team.people.reviewer.id })).status,
    ).toBe(403);
    const ok = await post("editor", caseId, { intent: "submit", reviewerIds: team.people.reviewer.id });
    expect(ok.status).toBe(302);
    expect(ok.location).toBe(`/w/${team.workspace.id}/cases/${caseId}`);
    const again = await post("editor", caseId, { intent: "submit", reviewerIds: team.people.reviewer.id });
    expect(again.status).toBe(409);
    expect((again.body as { errors: { form: string[] } }).errors.form[0]).toBe(
      "review.errors.alreadyInReview",
    );
  });

  it("needs at least one reviewer who may approve (400), keeping the message typed", async () => {
    const caseId = freshCase();
    const none = await post("editor", caseId, { intent: "submit", message: "Ready" });
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({
      errors: { reviewerIds: ["review.errors.pickOne"] },
      values: { message: "Ready" },
    });
    // A trainer, or someone of another workspace, cannot be picked.
    for (const id of [team.people.trainer.id, team.outsider.id]) {
      const wrong = await post("editor", caseId, { intent: "submit", reviewerIds: id });
      expect(wrong.status).toBe(400);
      expect(Object.keys((wrong.body as { errors: object }).errors)).toEqual(["reviewerIds"]);
    }
    expect(() => submitForReview(editor(), caseId, { reviewerIds: [] })).toThrow(ReviewInputError);
    expect(statusOf(caseId).status).toBe("draft");
  });

  it("offers the members who may approve as reviewers, suggesting the last ones on resubmission", () => {
    const caseId = freshCase();
    const choices = getReviewState(editor(), caseId).reviewersChoices;
    expect(choices.map((c) => c.id).sort()).toEqual([team.people.owner.id, team.people.reviewer.id].sort());
    expect(choices.every((c) => !c.suggested)).toBe(true);
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    requestChanges(reviewer(), caseId, { note: "Cite the article." });
    const again = getReviewState(editor(), caseId).reviewersChoices;
    expect(again.find((c) => c.id === team.people.reviewer.id)?.suggested).toBe(true);
    expect(again.find((c) => c.id === team.people.owner.id)?.suggested).toBe(false);
  });

  it("is refused for a case of another workspace or in the trash (404)", async () => {
    const foreign = await post("editor", team.otherCase.id, {
      intent: "submit",
      reviewerIds: team.people.reviewer.id,
    });
    expect(foreign.status).toBe(404);
  });
});

describe("deciding", () => {
  it("approves a case in review: status approved, approved revision pinned, submitter told", async () => {
    const caseId = freshCase();
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    const response = await post("reviewer", caseId, {
      intent: "approve",
      revision: "1",
      note: "Well sourced.",
    });
    expect(response.status).toBe(302);
    const row = statusOf(caseId);
    expect(row.status).toBe("approved");
    expect(row.approvedRevision).toBe(1);
    expect(notificationsFor(team.people.editor.id, caseId).map((n) => [n.kind, n.detail.decision])).toEqual([
      ["review_done", "approved"],
    ]);
    const state = getReviewState(editor(), caseId);
    expect(state.lastDecision).toMatchObject({
      decision: "approved",
      note: "Well sourced.",
      approvedRevision: 1,
    });
    expect(state.can.submit).toBe(false);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "case.approved")).all();
    expect(audit.some((entry) => entry.detail.caseId === caseId)).toBe(true);
  });

  it("refuses an editor or trainer (403) and a draft that is not in review (409)", async () => {
    const caseId = freshCase();
    expect((await post("editor", caseId, { intent: "approve", revision: "1" })).status).toBe(403);
    expect((await post("trainer", caseId, { intent: "approve", revision: "1" })).status).toBe(403);
    const draft = await post("reviewer", caseId, { intent: "approve", revision: "1" });
    expect(draft.status).toBe(409);
    expect((draft.body as { errors: { form: string[] } }).errors.form[0]).toBe(
      'review.errors.cannotApprove|{"status":"draft"}',
    );
    expect(() => approveCase(owner(), caseId)).toThrow(ReviewConflictError);
    const changes = await post("reviewer", caseId, { intent: "request_changes", revision: "1", note: "x" });
    expect(changes.status).toBe(409);
    expect(statusOf(caseId).status).toBe("draft");
  });

  it("requires a note to request changes (400) and keeps at most 5,000 characters", async () => {
    const caseId = freshCase();
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    const empty = await post("reviewer", caseId, { intent: "request_changes", revision: "1", note: "   " });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      errors: { note: ["review.errors.noteRequired"] },
    });
    const missing = await post("reviewer", caseId, { intent: "request_changes", revision: "1" });
    expect(missing.status).toBe(400);
    const long = await post("reviewer", caseId, {
      intent: "request_changes",
      revision: "1",
      note: "a".repeat(5001),
    });
    expect(long.status).toBe(400);
    expect(() => requestChanges(reviewer(), caseId, { note: "" })).toThrow(ReviewInputError);
    expect(statusOf(caseId).status).toBe("in_review");
  });

  it("requests changes with a note, tells the submitter, and lets the editor resubmit directly", async () => {
    const caseId = freshCase();
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    const response = await post("reviewer", caseId, {
      intent: "request_changes",
      revision: "1",
      note: "The truce dates need a source.",
    });
    expect(response.status).toBe(302);
    expect(statusOf(caseId).status).toBe("changes_requested");
    const state = getReviewState(editor(), caseId);
    expect(state.lastDecision).toMatchObject({
      decision: "changes_requested",
      note: "The truce dates need a source.",
      by: { id: team.people.reviewer.id },
    });
    expect(state.can.submit).toBe(true);
    expect(notificationsFor(team.people.editor.id, caseId)[0]).toMatchObject({
      kind: "review_done",
      detail: { decision: "changes_requested", note: "The truce dates need a source." },
    });

    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    expect(statusOf(caseId).status).toBe("in_review");
    // The previous decision stays visible next to the new request.
    expect(getReviewState(reviewer(), caseId).lastDecision?.decision).toBe("changes_requested");
  });

  it("approves what is current when the case was edited after submission, and says so", async () => {
    const caseId = freshCase();
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    updateCaseFields(editor(), caseId, 1, { ...sampleFields, title: "Edited during review" });
    // Edits during a review keep the case in review.
    expect(statusOf(caseId).status).toBe("in_review");
    expect(getReviewState(reviewer(), caseId).pendingReview?.editedSinceSubmission).toBe(true);
    // A reviewer who read revision 1 is told to read the newer one first.
    const stale = await post("reviewer", caseId, { intent: "approve", revision: "1" });
    expect(stale.status).toBe(409);
    expect(statusOf(caseId).status).toBe("in_review");
    const result = approveCase(reviewer(), caseId, { revision: 2 });
    expect(result).toEqual({
      revision: 2,
      submittedRevision: 1,
      editedSinceSubmission: true,
      editedSinceRead: false,
    });
    expect(statusOf(caseId).approvedRevision).toBe(2);
  });

  it("lets owners decide on any case in review, even when not asked", () => {
    const caseId = freshCase();
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    expect(getReviewState(owner(), caseId).can.approve).toBe(true);
    expect(getReviewState(owner(), caseId).pendingReview?.youAreReviewer).toBe(false);
    approveCase(owner(), caseId);
    expect(statusOf(caseId).status).toBe("approved");
  });
});

describe("a case put in review without a recorded submission (as the demo seed does)", () => {
  it("waits for any approver and can be decided", () => {
    const caseId = freshCase("Seeded in review");
    db.update(cases).set({ status: "in_review" }).where(eq(cases.id, caseId)).run();
    const waiting = listMyReviews(reviewer()).waiting.find((w) => w.caseId === caseId);
    expect(waiting).toMatchObject({ nobodyAsked: true, askedMe: false, submittedByName: "editor" });
    const state = getReviewState(reviewer(), caseId);
    expect(state.pendingReview).toMatchObject({ reviewers: [], submittedBy: { id: team.people.editor.id } });
    expect(state.can).toMatchObject({ approve: true, requestChanges: true });
    requestChanges(reviewer(), caseId, { note: "Add the sources." });
    expect(statusOf(caseId).status).toBe("changes_requested");
    expect(getReviewState(editor(), caseId).lastDecision).toMatchObject({ note: "Add the sources." });
    expect(notificationsFor(team.people.editor.id, caseId).map((n) => n.kind)).toEqual(["review_done"]);
  });
});

describe("withdrawing", () => {
  it("lets the submitter take the case back to draft and tells the reviewers", async () => {
    const caseId = freshCase();
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    expect(getReviewState(editor(), caseId).can.withdraw).toBe(true);
    expect((await post("reviewer", caseId, { intent: "withdraw" })).status).toBe(403);
    expect((await post("editor", caseId, { intent: "withdraw" })).status).toBe(302);
    expect(statusOf(caseId).status).toBe("draft");
    expect(notificationsFor(team.people.reviewer.id, caseId).map((n) => n.detail.decision)).toContain(
      "withdrawn",
    );
    expect((await post("editor", caseId, { intent: "withdraw" })).status).toBe(409);
  });

  it("refuses another editor but allows an owner", async () => {
    const other = await makeUser("Second editor");
    const secondEditor = addMember(team.workspace.id, other.id, "editor");
    const caseId = freshCase();
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    expect(getReviewState(secondEditor, caseId).can.withdraw).toBe(false);
    expect(() => withdrawReview(secondEditor, caseId)).toThrow();
    expect(statusOf(caseId).status).toBe("in_review");
    withdrawReview(owner(), caseId);
    expect(statusOf(caseId).status).toBe("draft");
  });
});

describe("the approved revision is pinned", () => {
  it("keeps trainers on the approved text while an edit starts a new draft, and flags it to editors", () => {
    const caseId = freshCase("Approved title");
    const approvedBody = doc(heading(2, "Process"), paragraph("Talks led to a temporary truce."));
    saveCaseBody(editor(), caseId, { baseRevision: 1, doc: approvedBody });
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    approveCase(reviewer(), caseId, { revision: 2 });

    // Before any approval trainers do not see a case at all; now they read revision 2.
    expect(getCase(trainer(), caseId).body).toEqual(approvedBody);

    const draftBody = doc(heading(2, "Process"), paragraph("An unchecked claim in a new draft."));
    saveCaseBody(editor(), caseId, { baseRevision: 2, doc: draftBody });
    updateCaseFields(editor(), caseId, 3, { ...sampleFields, title: "Draft title" });
    expect(statusOf(caseId)).toMatchObject({ status: "draft", approvedRevision: 2, revision: 4 });

    const trainerView = getCase(trainer(), caseId);
    expect(trainerView.body).toEqual(approvedBody);
    expect(trainerView.title).toBe("Approved title");
    expect(trainerView.newerDraftThanApproved).toBe(false);

    const editorState = getReviewState(editor(), caseId);
    expect(editorState).toMatchObject({
      status: "draft",
      approvedRevision: 2,
      currentRevision: 4,
      newerDraft: true,
    });
    expect(editorState.can.submit).toBe(true);

    const trainerState = getReviewState(trainer(), caseId);
    expect(trainerState).toMatchObject({
      status: "approved",
      currentRevision: 2,
      newerDraft: false,
      pendingReview: null,
      reviewersChoices: [],
      can: { submit: false, approve: false, requestChanges: false, withdraw: false },
    });
    expect(trainerState.title).toBe("Approved title");
    expect(trainerState.lastDecision?.decision).toBe("approved");
  });

  it("hides never-approved cases from trainers (404) and their drafts' review state", () => {
    const caseId = freshCase();
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    expect(() => getReviewState(trainer(), caseId)).toThrow();
    try {
      getReviewState(trainer(), caseId);
    } catch (error) {
      expect((error as { init: { status: number } }).init.status).toBe(404);
    }
  });
});

describe("activity timeline", () => {
  it("lists submissions, decisions and saves newest first with names; trainers get 403", async () => {
    const caseId = freshCase();
    saveCaseBody(editor(), caseId, { baseRevision: 1, doc: doc(heading(2, "Context"), paragraph("One.")) });
    saveCaseBody(editor(), caseId, { baseRevision: 2, doc: doc(heading(2, "Context"), paragraph("Two.")) });
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id], message: "Have a look" });
    requestChanges(reviewer(), caseId, { note: "Name the mediators." });
    const { entries } = getCaseActivity(editor(), caseId);
    expect(entries.map((e) => e.kind)).toEqual(["changes_requested", "submitted", "saved", "created"]);
    expect(entries[0].detail.note).toBe("Name the mediators.");
    expect(entries[1].reviewerNames).toEqual(["reviewer"]);
    expect(entries[2].detail.count).toBe(2);
    expect(entries[0].actorName).toBe("reviewer");

    const route = await activityRoute();
    const params = { workspaceId: team.workspace.id, caseId };
    expect(
      (await callRoute(route, { path: "/activity", params, cookie: team.people.reviewer.cookie })).status,
    ).toBe(200);
    expect(
      (await callRoute(route, { path: "/activity", params, cookie: team.people.trainer.cookie })).status,
    ).toBe(403);
  });
});

describe("my reviews", () => {
  it("lists cases waiting for me, my submissions, mentions and unanswered replies", async () => {
    const caseId = freshCase("Waiting for Rokia");
    submitForReview(editor(), caseId, { reviewerIds: [team.people.reviewer.id] });
    const unasked = freshCase("Sent to the owner only");
    submitForReview(editor(), unasked, { reviewerIds: [team.people.owner.id] });

    const mine = listMyReviews(reviewer());
    expect(mine.waiting.map((w) => w.caseId)).toContain(caseId);
    expect(mine.waiting.map((w) => w.caseId)).not.toContain(unasked);
    const forOwner = listMyReviews(owner());
    expect(forOwner.waiting.find((w) => w.caseId === caseId)?.askedMe).toBe(false);
    expect(forOwner.waiting.find((w) => w.caseId === unasked)?.askedMe).toBe(true);
    expect(listMyReviews(editor()).waiting).toEqual([]);
    expect(listMyReviews(editor()).submitted.map((s) => s.caseId)).toContain(caseId);

    // A thread on the editor's case by the reviewer, mentioning the owner; the editor has not answered.
    const threadId = newId();
    const at = Date.now();
    db.insert(threads)
      .values({
        id: threadId,
        workspaceId: team.workspace.id,
        caseId,
        anchor: { exact: "a temporary truce", prefix: "", suffix: "", start: 0, end: 17 },
        revision: 1,
        authorId: team.people.reviewer.id,
        updatedAt: new Date(at),
      })
      .run();
    const commentId = newId();
    db.insert(comments)
      .values({
        id: commentId,
        threadId,
        authorId: team.people.reviewer.id,
        body: "@Owner is this sourced?",
        createdAt: new Date(at),
      })
      .run();
    db.insert(commentMentions).values({ commentId, userId: team.people.owner.id }).run();

    const ownerView = listMyReviews(owner());
    expect(ownerView.mentions).toHaveLength(1);
    expect(ownerView.mentions[0]).toMatchObject({ threadId, caseId, mentionedByName: "reviewer" });
    expect(listMyReviews(reviewer()).mentions).toEqual([]);

    const editorView = listMyReviews(editor());
    expect(editorView.replies.map((r) => [r.threadId, r.newReplies])).toEqual([[threadId, 1]]);
    // Once the editor answers, the thread leaves the list until someone writes again.
    db.insert(comments)
      .values({
        id: newId(),
        threadId,
        authorId: team.people.editor.id,
        body: "Yes, p. 3.",
        createdAt: new Date(at + 1000),
      })
      .run();
    expect(listMyReviews(editor()).replies).toEqual([]);
    db.insert(comments)
      .values({
        id: newId(),
        threadId,
        authorId: team.people.reviewer.id,
        body: "Thanks",
        createdAt: new Date(at + 2000),
      })
      .run();
    expect(listMyReviews(editor()).replies.map((r) => r.newReplies)).toEqual([1]);
  });
});

describe("audit log", () => {
  it("is for owners only (403 for others)", async () => {
    const route = await auditRoute();
    for (const who of ["editor", "reviewer", "trainer"] as const) {
      const result = await callRoute(route, {
        path: "/audit",
        params: { workspaceId: team.workspace.id },
        cookie: team.people[who].cookie,
      });
      expect(result.status).toBe(403);
    }
    expect(() => listAuditLog(editor())).toThrow();
  });

  it("shows members' sign-ins and failed sign-ins with where from, but not those of strangers", async () => {
    const origin = {
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36",
    };
    const reviewerEmail = db.select().from(users).where(eq(users.id, team.people.reviewer.id)).get()!.email;
    await signIn({ email: reviewerEmail, password: "wrong password" }, origin);
    await signIn({ email: reviewerEmail, password: "correct horse battery" }, origin);
    const stranger = await makeUser("Stranger");
    await signIn({ email: stranger.email, password: "wrong password" }, origin);

    const route = await auditRoute();
    const page = await callRoute(route, {
      path: `/w/${team.workspace.id}/audit?kind=failed-sign-ins`,
      params: { workspaceId: team.workspace.id },
      cookie: team.people.owner.cookie,
    });
    expect(page.status).toBe(200);
    const failed = (page.body as { entries: Array<Record<string, unknown>> }).entries;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      action: "user.sign_in_failed",
      actionWords: "Failed sign-in",
      ip: "203.0.113.7",
      browser: "Chrome 126 on Linux",
      who: { name: "reviewer", email: reviewerEmail },
    });

    const all = listAuditLog(owner()).entries;
    expect(all.some((e) => e.action === "user.signed_in" && e.who?.email === reviewerEmail)).toBe(true);
    expect(all.some((e) => e.who?.email === stranger.email || e.triedEmail === stranger.email)).toBe(false);
    // Workspace entries of another workspace never show.
    expect(all.some((e) => e.summary.includes("Other workspace's case"))).toBe(false);
  });

  it("filters by a date and pages by 50", () => {
    for (let i = 0; i < 60; i++) {
      db.insert(auditLog)
        .values({
          action: "sources.exported",
          workspaceId: team.workspace.id,
          userId: team.people.editor.id,
          detail: { format: "bibtex", count: i },
          at: new Date("2024-03-05T10:00:00Z"),
        })
        .run();
    }
    const first = listAuditLog(owner(), { kind: "exports", date: "2024-03-05" });
    expect(first.total).toBe(60);
    expect(first.entries).toHaveLength(50);
    expect(first.pageCount).toBe(2);
    expect(decodeMessage(first.entries[0].summary)).toMatchObject({
      key: "audit.summary.sourcesExported",
      params: { format: "bibtex" },
    });
    expect(listAuditLog(owner(), { kind: "exports", date: "2024-03-05", page: 2 }).entries).toHaveLength(10);
    expect(listAuditLog(owner(), { kind: "exports", date: "2024-03-06" }).total).toBe(0);
  });
});

describe("review page", () => {
  it("answers 404 for a trashed case and for a case of another workspace", async () => {
    const route = await reviewRoute();
    const foreign = await callRoute(route, {
      path: "/review",
      params: { workspaceId: team.workspace.id, caseId: team.otherCase.id },
      cookie: team.people.owner.cookie,
    });
    expect(foreign.status).toBe(404);
    const cookie = await sessionCookie(team.people.editor.id);
    const caseId = freshCase();
    trashCase(editor(), caseId);
    const trashed = await callRoute(route, {
      path: "/review",
      params: { workspaceId: team.workspace.id, caseId },
      cookie,
    });
    expect(trashed.status).toBe(404);
  });
});
