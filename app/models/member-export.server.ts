// Everything one member wrote in a workspace, as one JSON file an owner downloads (before a colleague
// leaves, or when they ask for their own words): the cases they created, the revisions they saved, their
// comments, review requests and decisions, the conditions they stated, the sources and comparison sets they
// added. Owners read every case, confidential ones included; the download is recorded in the audit log.
import { and, asc, eq, isNull } from "drizzle-orm";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { fileSlug } from "~/rules/text";
import { db } from "~/utils/db.server";
import { type Member, requireMember, requirePermission } from "~/utils/permissions.server";
import {
  caseConditions,
  caseReviews,
  caseRevisions,
  cases,
  codes,
  comments,
  comparisonSets,
  sources,
  threads,
  users,
} from "../../db/schema";

export function exportMemberWriting(member: Member, targetUserId: string, origin?: RequestOrigin) {
  requirePermission(member, "members.export");
  // Only someone who is a member here now: another workspace's person is a 404.
  requireMember(targetUserId, member.workspaceId);
  const workspaceId = member.workspaceId;
  const person = db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, targetUserId))
    .get()!;
  const inWorkspace = eq(cases.workspaceId, workspaceId);

  const createdCases = db
    .select({
      id: cases.id,
      title: cases.title,
      status: cases.status,
      confidential: cases.confidential,
      regions: cases.regions,
      periodStart: cases.periodStart,
      periodEnd: cases.periodEnd,
      actors: cases.actors,
      mediators: cases.mediators,
      summary: cases.summary,
      language: cases.language,
      text: cases.bodyText,
      body: cases.body,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      inTrash: cases.deletedAt,
    })
    .from(cases)
    .where(and(inWorkspace, eq(cases.createdBy, targetUserId)))
    .orderBy(asc(cases.createdAt))
    .all()
    .map((row) => ({ ...row, inTrash: row.inTrash !== null }));

  const revisions = db
    .select({
      caseId: caseRevisions.caseId,
      caseTitle: cases.title,
      number: caseRevisions.number,
      note: caseRevisions.note,
      fields: caseRevisions.fields,
      body: caseRevisions.body,
      createdAt: caseRevisions.createdAt,
    })
    .from(caseRevisions)
    .innerJoin(cases, eq(cases.id, caseRevisions.caseId))
    .where(and(inWorkspace, eq(caseRevisions.authorId, targetUserId)))
    .orderBy(asc(caseRevisions.createdAt))
    .all();

  const writtenComments = db
    .select({
      caseId: threads.caseId,
      caseTitle: cases.title,
      threadId: threads.id,
      passage: threads.anchor,
      body: comments.body,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
    })
    .from(comments)
    .innerJoin(threads, eq(threads.id, comments.threadId))
    .innerJoin(cases, eq(cases.id, threads.caseId))
    .where(and(inWorkspace, eq(comments.authorId, targetUserId), isNull(comments.deletedAt)))
    .orderBy(asc(comments.createdAt))
    .all()
    .map(({ passage, ...row }) => ({ ...row, passage: passage.exact }));

  const reviewColumns = {
    caseId: caseReviews.caseId,
    caseTitle: cases.title,
    revision: caseReviews.revision,
    message: caseReviews.message,
    submittedAt: caseReviews.submittedAt,
    decision: caseReviews.decision,
    note: caseReviews.note,
    decidedAt: caseReviews.decidedAt,
  };
  const submitted = db
    .select(reviewColumns)
    .from(caseReviews)
    .innerJoin(cases, eq(cases.id, caseReviews.caseId))
    .where(and(inWorkspace, eq(caseReviews.submittedBy, targetUserId)))
    .orderBy(asc(caseReviews.submittedAt))
    .all()
    .map(({ caseId, caseTitle, revision, message, submittedAt }) => ({
      caseId,
      caseTitle,
      revision,
      message,
      submittedAt,
    }));
  const decided = db
    .select(reviewColumns)
    .from(caseReviews)
    .innerJoin(cases, eq(cases.id, caseReviews.caseId))
    .where(and(inWorkspace, eq(caseReviews.decidedBy, targetUserId)))
    .orderBy(asc(caseReviews.decidedAt))
    .all()
    .map(({ caseId, caseTitle, revision, decision, note, decidedAt }) => ({
      caseId,
      caseTitle,
      revision,
      decision,
      note,
      decidedAt,
    }));

  const conditions = db
    .select({
      caseId: caseConditions.caseId,
      caseTitle: cases.title,
      code: codes.label,
      value: caseConditions.value,
      note: caseConditions.note,
      setAt: caseConditions.setAt,
    })
    .from(caseConditions)
    .innerJoin(cases, eq(cases.id, caseConditions.caseId))
    .innerJoin(codes, eq(codes.id, caseConditions.codeId))
    .where(and(inWorkspace, eq(caseConditions.setBy, targetUserId)))
    .orderBy(asc(caseConditions.setAt))
    .all();

  const addedSources = db
    .select({ id: sources.id, title: sources.title, csl: sources.csl, createdAt: sources.createdAt })
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.createdBy, targetUserId)))
    .orderBy(asc(sources.createdAt))
    .all();

  const sets = db
    .select({
      id: comparisonSets.id,
      name: comparisonSets.name,
      view: comparisonSets.view,
      caseIds: comparisonSets.caseIds,
      codeIds: comparisonSets.codeIds,
      createdAt: comparisonSets.createdAt,
    })
    .from(comparisonSets)
    .where(and(eq(comparisonSets.workspaceId, workspaceId), eq(comparisonSets.createdBy, targetUserId)))
    .orderBy(asc(comparisonSets.createdAt))
    .all();

  const exportedAt = new Date();
  const record = {
    format: "mediation-casebook/member-writing",
    version: 1,
    exportedAt: exportedAt.toISOString(),
    workspace: { id: workspaceId, name: member.workspaceName },
    member: person,
    cases: createdCases,
    revisions,
    comments: writtenComments,
    reviewsSubmitted: submitted,
    reviewsDecided: decided,
    conditions,
    sources: addedSources,
    comparisonSets: sets,
  };
  recordAudit({
    action: "member.exported",
    workspaceId,
    userId: member.userId,
    detail: { target: targetUserId, cases: createdCases.length, comments: writtenComments.length },
    origin,
  });
  const slug = fileSlug(person.name, "member");
  return {
    body: `${JSON.stringify(record, null, 2)}\n`,
    filename: `${slug}-writing-${exportedAt.toISOString().slice(0, 10)}.json`,
  };
}
