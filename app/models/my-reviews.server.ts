// "My reviews": what waits for a person across the workspace's review workflow (reviews.server.ts) and
// discussions (threads.server.ts): cases to decide, their own submissions, mentions and unanswered replies.
import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { seesDrafts } from "~/models/case-body.server";
import { db } from "~/utils/db.server";
import { can, type Member, requirePermission, visibleCaseCondition } from "~/utils/permissions.server";
import { caseReviews, cases, commentMentions, comments, threads, users } from "../../db/schema";

function readableCases(member: Member) {
  return and(
    eq(cases.workspaceId, member.workspaceId),
    isNull(cases.deletedAt),
    seesDrafts(member) ? undefined : isNotNull(cases.approvedRevision),
    visibleCaseCondition(member, cases.id),
  );
}

/**
 * "My reviews": cases waiting for my decision, my own submissions, threads that mention me, and threads on
 * my cases with replies I have not answered.
 */
export function listMyReviews(member: Member) {
  requirePermission(member, "case.read");
  const me = member.userId;
  const isOwner = can(member, "review.seeAllWaiting");
  const pickedMe = sql<number>`exists (select 1 from json_each(${caseReviews.reviewerIds}) where value = ${me})`;

  const waiting = can(member, "case.approve")
    ? db
        .select({
          caseId: cases.id,
          title: cases.title,
          revision: cases.revision,
          submittedRevision: caseReviews.revision,
          submittedAt: caseReviews.submittedAt,
          submittedByName: users.name,
          message: caseReviews.message,
          askedMe: pickedMe,
        })
        .from(caseReviews)
        .innerJoin(cases, eq(cases.id, caseReviews.caseId))
        .innerJoin(users, eq(users.id, caseReviews.submittedBy))
        .where(
          and(
            readableCases(member),
            eq(cases.status, "in_review"),
            isNull(caseReviews.decision),
            isOwner ? undefined : pickedMe,
          ),
        )
        .orderBy(caseReviews.submittedAt)
        .all()
        .map((row) => ({ ...row, askedMe: Boolean(row.askedMe), nobodyAsked: false }))
    : [];
  // Cases put in review without a recorded submission (see openReviewFor) wait for any approver.
  if (can(member, "case.approve")) {
    const unassigned = db
      .select({
        caseId: cases.id,
        title: cases.title,
        revision: cases.revision,
        submittedRevision: cases.revision,
        submittedAt: cases.updatedAt,
        submittedByName: users.name,
        message: sql<string>`''`,
      })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.createdBy))
      .where(
        and(
          readableCases(member),
          eq(cases.status, "in_review"),
          sql`not exists (select 1 from ${caseReviews} where ${caseReviews.caseId} = ${cases.id} and ${caseReviews.decision} is null)`,
        ),
      )
      .orderBy(cases.updatedAt)
      .all();
    waiting.push(...unassigned.map((row) => ({ ...row, askedMe: false, nobodyAsked: true })));
  }

  const submitted = can(member, "case.edit")
    ? db
        .select({
          caseId: cases.id,
          title: cases.title,
          status: cases.status,
          submittedAt: sql<number>`max(${caseReviews.submittedAt})`.mapWith(
            (value: number) => new Date(value),
          ),
        })
        .from(caseReviews)
        .innerJoin(cases, eq(cases.id, caseReviews.caseId))
        .where(
          and(
            readableCases(member),
            eq(caseReviews.submittedBy, me),
            inArray(cases.status, ["in_review", "changes_requested"]),
          ),
        )
        .groupBy(cases.id)
        .orderBy(desc(sql`max(${caseReviews.submittedAt})`))
        .all()
    : [];

  const mentions = db
    .select({
      threadId: threads.id,
      caseId: cases.id,
      title: cases.title,
      anchor: threads.anchor,
      threadStatus: threads.status,
      mentionedAt: sql<number>`max(${comments.createdAt})`.mapWith((value: number) => new Date(value)),
      mentionedByName: sql<string>`(select ${users.name} from ${users} where ${users.id} = ${comments.authorId})`,
    })
    .from(commentMentions)
    .innerJoin(comments, eq(comments.id, commentMentions.commentId))
    .innerJoin(threads, eq(threads.id, comments.threadId))
    .innerJoin(cases, eq(cases.id, threads.caseId))
    .where(
      and(
        eq(commentMentions.userId, me),
        isNull(comments.deletedAt),
        eq(threads.workspaceId, member.workspaceId),
        readableCases(member),
      ),
    )
    .groupBy(threads.id)
    .orderBy(desc(sql`max(${comments.createdAt})`))
    .limit(50)
    .all();

  // My last word in each thread; replies after it (by others) are what I have not answered.
  const myLast = sql`coalesce((select max(mine.created_at) from comments mine where mine.thread_id = ${threads.id} and mine.author_id = ${me} and mine.deleted_at is null), 0)`;
  const newReplies = sql<number>`(select count(*) from comments other where other.thread_id = ${threads.id} and other.author_id != ${me} and other.deleted_at is null and other.created_at > ${myLast})`;
  const latestReply = sql<number>`(select max(other.created_at) from comments other where other.thread_id = ${threads.id} and other.author_id != ${me} and other.deleted_at is null)`;
  const replies = db
    .select({
      threadId: threads.id,
      caseId: cases.id,
      title: cases.title,
      anchor: threads.anchor,
      threadStatus: threads.status,
      newReplies,
      latestReplyAt: latestReply.mapWith((value: number) => new Date(value)),
    })
    .from(threads)
    .innerJoin(cases, eq(cases.id, threads.caseId))
    .where(
      and(
        eq(threads.workspaceId, member.workspaceId),
        readableCases(member),
        sql`(${cases.createdBy} = ${me} or exists (select 1 from case_reviews mine where mine.case_id = ${cases.id} and mine.submitted_by = ${me}))`,
        sql`${newReplies} > 0`,
      ),
    )
    .orderBy(desc(latestReply))
    .limit(50)
    .all();

  return { waiting, submitted, mentions, replies, canApprove: can(member, "case.approve"), isOwner };
}
