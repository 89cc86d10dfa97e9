// The review workflow: draft → in review → approved, or changes requested → (edit) → in review again.
// Every transition re-reads the case and the member's role inside its transaction, so two people acting at
// once cannot both win (the second gets a 409 that says what happened).
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { recordActivity } from "~/models/activity.server";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { seesDrafts } from "~/models/case-body.server";
import { caseFieldsSnapshot } from "~/models/case-fields";
import { getCase } from "~/models/cases.server";
import { flushLiveDocument, settleLiveText } from "~/models/collab.server";
import type { CaseStatus } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { notify } from "~/models/notifications.server";
import { REVIEW_MESSAGE_MAX, REVIEW_NOTE_MAX } from "~/models/review-fields";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  allows,
  authorize,
  can,
  canSeeCase,
  type Executor,
  type Member,
  notFound,
  PERMISSIONS,
  requireMember,
  requirePermission,
  usersWhoSeeCase,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { caseReviews, caseRevisions, cases, memberships, users } from "../../db/schema";

/** The transition does not fit the case's current state (409): the message says why and what to do. */
export class ReviewConflictError extends Refusal {
  constructor(message: Message) {
    super(409, message);
  }
}

/** A field of a review form the server refuses (400); `field` names the form field. */
export class ReviewInputError extends Refusal {
  constructor(
    public field: string,
    message: Message,
  ) {
    super(400, message);
  }
}

const APPROVER_ROLES = PERMISSIONS["case.approve"] as readonly string[];
const DRAFT_READER_ROLES = PERMISSIONS["case.readDrafts"] as readonly string[];

type ReviewRow = typeof caseReviews.$inferSelect;
type Person = { id: string; name: string };

function findLiveCase(executor: Executor, member: Member, caseId: string) {
  const found = executor
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.workspaceId, member.workspaceId)))
    .get();
  if (!found || found.deletedAt || !canSeeCase(member, found, executor))
    throw notFound(msg("review.errors.caseNotFound"));
  return found;
}

function openReview(executor: Executor, caseId: string): ReviewRow | undefined {
  return executor
    .select()
    .from(caseReviews)
    .where(and(eq(caseReviews.caseId, caseId), isNull(caseReviews.decision)))
    .orderBy(desc(caseReviews.submittedAt))
    .get();
}

type CaseRow = typeof cases.$inferSelect;

/**
 * The open review of a case in review. A case can be in review without one (the demo seed and data from
 * before reviews were recorded set the status directly); such a review is opened here, as submitted by the
 * case's author at its current revision to nobody in particular, so that it can still be decided.
 */
function openReviewFor(executor: Executor, current: CaseRow): ReviewRow {
  const found = openReview(executor, current.id);
  if (found) return found;
  const row = {
    id: newId(),
    caseId: current.id,
    revision: current.revision,
    submittedBy: current.createdBy,
    submittedAt: current.updatedAt,
    reviewerIds: [] as string[],
    message: "",
    decision: null,
    decidedBy: null,
    decidedAt: null,
    note: "",
  };
  executor.insert(caseReviews).values(row).run();
  return row;
}

/** The members among `userIds` whose role is one of `roles` (a notification only goes to who may read). */
function membersWithRole(
  executor: Executor,
  workspaceId: string,
  userIds: string[],
  roles: readonly string[],
) {
  if (userIds.length === 0) return [];
  return executor
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)))
    .all()
    .filter((row) => roles.includes(row.role))
    .map((row) => row.userId);
}

function peopleByIds(executor: Executor, ids: string[]): Map<string, Person> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = executor
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, unique))
    .all();
  return new Map(rows.map((row) => [row.id, row]));
}

export function submitForReview(
  member: Member,
  caseId: string,
  input: { reviewerIds: string[]; message?: string },
  origin?: RequestOrigin,
) {
  const message = (input.message ?? "").trim();
  if (message.length > REVIEW_MESSAGE_MAX)
    throw new ReviewInputError("message", msg("review.errors.messageTooLong", { max: REVIEW_MESSAGE_MAX }));
  const picked = [...new Set(input.reviewerIds)];
  if (picked.length === 0) throw new ReviewInputError("reviewerIds", msg("review.errors.pickOne"));
  // What is submitted includes everything typed so far, as a revision (ADR 0007).
  flushLiveDocument(caseId);
  return db.transaction((tx) => {
    const me = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(me, "case.edit");
    const found = findLiveCase(tx, me, caseId);
    if (found.status === "in_review") throw new ReviewConflictError(msg("review.errors.alreadyInReview"));
    if (found.status === "approved")
      throw new ReviewConflictError(msg("review.errors.alreadyApproved", { revision: found.revision }));
    // A confidential case is reviewed by people who may read it (ADR 0008).
    const approvers = usersWhoSeeCase(
      tx,
      caseId,
      membersWithRole(tx, member.workspaceId, picked, APPROVER_ROLES),
    );
    if (approvers.length !== picked.length)
      throw new ReviewInputError("reviewerIds", msg("review.errors.notApprovers"));
    const current = settleLiveText(tx, found);
    const id = newId();
    const now = new Date();
    tx.insert(caseReviews)
      .values({
        id,
        caseId,
        revision: current.revision,
        submittedBy: member.userId,
        submittedAt: now,
        reviewerIds: picked,
        message,
      })
      .run();
    tx.update(cases).set({ status: "in_review" }).where(eq(cases.id, caseId)).run();
    recordActivity(tx, {
      caseId,
      actorId: member.userId,
      kind: "submitted",
      detail: { revision: current.revision, reviewerIds: picked, message },
    });
    notify(tx, {
      userIds: picked,
      workspaceId: member.workspaceId,
      kind: "review_requested",
      actorId: member.userId,
      caseId,
      detail: { revision: current.revision, title: current.title, message: message.slice(0, 300) },
    });
    recordAudit(
      {
        action: "case.submitted",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, title: current.title, revision: current.revision, reviewers: picked.length },
        origin,
      },
      tx,
    );
    return { reviewId: id, revision: current.revision };
  });
}

/** Whether the case's details differ from those of the revision the reviewer read. */
function detailsChangedSince(tx: Executor, current: CaseRow, readRevision: number) {
  if (readRevision === current.revision) return false;
  const read = tx
    .select({ fields: caseRevisions.fields })
    .from(caseRevisions)
    .where(and(eq(caseRevisions.caseId, current.id), eq(caseRevisions.number, readRevision)))
    .get();
  if (!read) return true;
  const sorted = (fields: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(fields)
        .sort()
        .map((key) => [key, fields[key]]),
    );
  return sorted(read.fields) !== sorted(caseFieldsSnapshot(current));
}

type Decision = "approved" | "changes_requested";

function decide(
  member: Member,
  caseId: string,
  decision: Decision,
  input: { revision?: number; note?: string },
  origin?: RequestOrigin,
) {
  const note = (input.note ?? "").trim();
  if (decision === "changes_requested" && note.length === 0)
    throw new ReviewInputError("note", msg("review.errors.noteRequired"));
  if (note.length > REVIEW_NOTE_MAX)
    throw new ReviewInputError("note", msg("review.errors.noteTooLong", { max: REVIEW_NOTE_MAX }));
  flushLiveDocument(caseId);
  return db.transaction((tx) => {
    const me = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(me, "case.approve");
    const found = findLiveCase(tx, me, caseId);
    if (found.status !== "in_review") {
      throw new ReviewConflictError(
        msg(decision === "approved" ? "review.errors.cannotApprove" : "review.errors.cannotRequestChanges", {
          status: found.status,
        }),
      );
    }
    const pending = openReviewFor(tx, found);
    // The reviewer read one revision. Text typed since (co-editing) is part of the live draft the decision
    // applies to, and the result says so; changed details (title, period, actors…) must be read first.
    if (input.revision !== undefined && detailsChangedSince(tx, found, input.revision))
      throw new ReviewConflictError(msg("review.errors.staleRevision", { revision: found.revision }));
    const current = settleLiveText(tx, found);
    const now = new Date();
    tx.update(caseReviews)
      .set({ decision, decidedBy: member.userId, decidedAt: now, note })
      .where(eq(caseReviews.id, pending.id))
      .run();
    tx.update(cases)
      .set(
        decision === "approved"
          ? { status: "approved", approvedRevision: current.revision }
          : { status: "changes_requested" },
      )
      .where(eq(cases.id, caseId))
      .run();
    const editedSinceSubmission = current.revision !== pending.revision;
    recordActivity(tx, {
      caseId,
      actorId: member.userId,
      kind: decision,
      detail: { revision: current.revision, submittedRevision: pending.revision, note },
    });
    // Everyone who ever submitted this case hears of the decision, if they may still read drafts.
    const submitters = tx
      .selectDistinct({ userId: caseReviews.submittedBy })
      .from(caseReviews)
      .where(eq(caseReviews.caseId, caseId))
      .all()
      .map((row) => row.userId);
    notify(tx, {
      userIds: membersWithRole(tx, member.workspaceId, submitters, DRAFT_READER_ROLES),
      workspaceId: member.workspaceId,
      kind: "review_done",
      actorId: member.userId,
      caseId,
      detail: { decision, revision: current.revision, title: current.title, note: note.slice(0, 300) },
    });
    recordAudit(
      {
        action: decision === "approved" ? "case.approved" : "case.changes_requested",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, title: current.title, revision: current.revision },
        origin,
      },
      tx,
    );
    return {
      revision: current.revision,
      submittedRevision: pending.revision,
      editedSinceSubmission,
      editedSinceRead: input.revision !== undefined && input.revision !== current.revision,
    };
  });
}

/** Approves the current revision: trainers read it from now on, until the next approval. */
export function approveCase(
  member: Member,
  caseId: string,
  input: { revision?: number; note?: string } = {},
  origin?: RequestOrigin,
) {
  return decide(member, caseId, "approved", input, origin);
}

/** Sends the case back to its editors with a note (required) saying what to change. */
export function requestChanges(
  member: Member,
  caseId: string,
  input: { revision?: number; note: string },
  origin?: RequestOrigin,
) {
  return decide(member, caseId, "changes_requested", input, origin);
}

/** The submitter (or an owner) takes the case out of review; it is a draft again. */
export function withdrawReview(member: Member, caseId: string, origin?: RequestOrigin) {
  return db.transaction((tx) => {
    const me = requireMember(member.userId, member.workspaceId, tx);
    const notYours = msg("review.errors.notYours");
    // Refused before the case is read when not even their own submission could be withdrawn.
    authorize(me, "review.withdraw", { submittedBy: me.userId }, notYours);
    const current = findLiveCase(tx, me, caseId);
    if (current.status !== "in_review")
      throw new ReviewConflictError(msg("review.errors.nothingToWithdraw", { status: current.status }));
    const pending = openReviewFor(tx, current);
    authorize(me, "review.withdraw", pending, notYours);
    tx.update(caseReviews)
      .set({ decision: "withdrawn", decidedBy: member.userId, decidedAt: new Date() })
      .where(eq(caseReviews.id, pending.id))
      .run();
    tx.update(cases).set({ status: "draft" }).where(eq(cases.id, caseId)).run();
    recordActivity(tx, {
      caseId,
      actorId: member.userId,
      kind: "withdrawn",
      detail: { revision: current.revision },
    });
    notify(tx, {
      userIds: membersWithRole(tx, member.workspaceId, pending.reviewerIds, DRAFT_READER_ROLES),
      workspaceId: member.workspaceId,
      kind: "review_done",
      actorId: member.userId,
      caseId,
      detail: { decision: "withdrawn", revision: current.revision, title: current.title },
    });
    recordAudit(
      {
        action: "case.review_withdrawn",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, title: current.title },
        origin,
      },
      tx,
    );
  });
}

export type ReviewState = ReturnType<typeof getReviewState>;

/**
 * What the review panel and the case page banner need, for this member. Members who read approved versions
 * only (trainers) learn nothing about drafts or pending reviews: they get the approval of what they read.
 */
export function getReviewState(
  member: Member,
  caseId: string,
  // The case page has already read the case as this member sees it: no second read.
  loaded?: ReturnType<typeof getCase>,
) {
  const caseStudy = loaded?.id === caseId ? loaded : getCase(member, caseId);
  const drafts = seesDrafts(member);
  const reviews = db
    .select()
    .from(caseReviews)
    .where(eq(caseReviews.caseId, caseStudy.id))
    .orderBy(desc(caseReviews.submittedAt))
    .all();
  const pendingRow =
    caseStudy.status === "in_review"
      ? (reviews.find((r) => r.decision === null) ?? {
          // In review without a recorded submission (see openReviewFor): shown as the author's, to nobody.
          id: "",
          revision: caseStudy.revision,
          submittedBy: caseStudy.createdBy,
          submittedAt: caseStudy.updatedAt,
          reviewerIds: [] as string[],
          message: "",
        })
      : undefined;
  const decided = reviews
    .filter((r) => r.decision !== null && r.decidedAt !== null)
    .sort((a, b) => b.decidedAt!.getTime() - a.decidedAt!.getTime());
  // Readers of approved versions only hear of the approval of what they read.
  const lastDecisionRow = drafts ? decided[0] : decided.find((r) => r.decision === "approved");
  const people = peopleByIds(db, [
    ...(pendingRow ? [pendingRow.submittedBy, ...pendingRow.reviewerIds] : []),
    ...(lastDecisionRow?.decidedBy ? [lastDecisionRow.decidedBy, lastDecisionRow.submittedBy] : []),
  ]);
  const person = (id: string | null): Person =>
    (id && people.get(id)) || { id: id ?? "", name: "A former member" };

  const status: CaseStatus = drafts ? caseStudy.status : "approved";
  const currentRevision = drafts ? caseStudy.revision : caseStudy.shownRevision;
  const canEdit = can(member, "case.edit");
  const canApprove = can(member, "case.approve");
  const submittable = status === "draft" || status === "changes_requested";
  const inReview = status === "in_review" && pendingRow !== undefined;

  const reviewerRows =
    drafts && canEdit && submittable
      ? db
          .select({ id: users.id, name: users.name, role: memberships.role })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(
            and(
              eq(memberships.workspaceId, member.workspaceId),
              inArray(memberships.role, [...APPROVER_ROLES] as Array<
                (typeof memberships.$inferSelect)["role"]
              >),
            ),
          )
          .orderBy(users.name)
          .all()
          .map((row) => ({
            ...row,
            isYou: row.id === member.userId,
            // A resubmission usually goes back to the people who asked for the changes.
            suggested: (reviews[0]?.reviewerIds ?? []).includes(row.id),
          }))
      : [];
  // A confidential case is offered to the approvers who may read it (ADR 0008).
  const readers = new Set(
    usersWhoSeeCase(
      db,
      caseStudy.id,
      reviewerRows.map((row) => row.id),
    ),
  );
  const reviewersChoices = reviewerRows.filter((row) => readers.has(row.id));

  return {
    caseId: caseStudy.id,
    title: caseStudy.title,
    /** This member reads approved versions only (trainers): the state describes that version. */
    readsApprovedOnly: !drafts,
    status,
    approvedRevision: caseStudy.approvedRevision,
    currentRevision,
    /** A newer draft than the approved revision exists (only ever true for members who read drafts). */
    newerDraft: caseStudy.newerDraftThanApproved,
    pendingReview:
      drafts && inReview
        ? {
            id: pendingRow.id,
            revision: pendingRow.revision,
            submittedBy: person(pendingRow.submittedBy),
            submittedAt: pendingRow.submittedAt,
            reviewers: pendingRow.reviewerIds.map(person),
            message: pendingRow.message,
            editedSinceSubmission: caseStudy.revision !== pendingRow.revision,
            youAreReviewer: pendingRow.reviewerIds.includes(member.userId),
          }
        : null,
    lastDecision: lastDecisionRow
      ? {
          decision: lastDecisionRow.decision!,
          by: person(lastDecisionRow.decidedBy),
          at: lastDecisionRow.decidedAt!,
          note: lastDecisionRow.note,
          // An approval is always the latest one, so it approved the revision pinned on the case.
          approvedRevision: lastDecisionRow.decision === "approved" ? caseStudy.approvedRevision : null,
          submittedRevision: lastDecisionRow.revision,
          submittedBy: person(lastDecisionRow.submittedBy),
        }
      : null,
    reviewersChoices,
    can: {
      submit: drafts && canEdit && submittable,
      approve: drafts && canApprove && inReview,
      requestChanges: drafts && canApprove && inReview,
      withdraw: drafts && inReview && allows(member, "review.withdraw", pendingRow),
    },
  };
}
