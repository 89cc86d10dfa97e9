// Comment threads on passages of a case (ADR 0005). Commenting never touches the case body: a thread
// stores the selectors of its passage and is placed again on the current text every time the case is shown.
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { recordActivity } from "~/models/activity.server";
import {
  caseAnchorText,
  describePassage,
  locateAnchor,
  MAX_QUOTE_LENGTH,
  sectionAt,
  type TextAnchor,
} from "~/models/anchors";
import { findMentions, MAX_COMMENT_LENGTH } from "~/models/comment-text";
import { newId } from "~/models/ids.server";
import { notify } from "~/models/notifications.server";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  allows,
  authorize,
  can,
  canSeeCase,
  type Executor,
  forbidden,
  type Member,
  notFound,
  PERMISSIONS,
  requireMember,
  requirePermission,
  usersWhoSeeCase,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { cases, commentMentions, comments, memberships, threads, users } from "../../db/schema";

export const CASE_TRASHED_MESSAGE = msg("threads.errors.caseTrashed");

/** Input the server will not store; `status` is 400 (bad input) or 409 (the text changed meanwhile). */
export class CommentRejectedError extends Refusal {
  constructor(message: Message, status: 400 | 409 = 400) {
    super(status, message);
  }
}

function checkBody(body: string) {
  const trimmed = body.trim();
  if (!trimmed) throw new CommentRejectedError(msg("threads.errors.empty"));
  if (trimmed.length > MAX_COMMENT_LENGTH)
    throw new CommentRejectedError(
      msg("threads.errors.tooLong", { max: MAX_COMMENT_LENGTH, length: trimmed.length }),
    );
  return trimmed;
}

/**
 * Members who take part in discussions: they may be mentioned and are notified. Trainers are not among
 * them: they read approved versions only and do not see threads (ADR 0005).
 */
function participants(executor: Executor, workspaceId: string, caseId: string) {
  const people = executor
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.workspaceId, workspaceId),
        inArray(memberships.role, [...PERMISSIONS["case.comment"]]),
      ),
    )
    .orderBy(asc(users.name))
    .all();
  // A confidential case's discussion involves only those who may read it (ADR 0008).
  const readers = new Set(
    usersWhoSeeCase(
      executor,
      caseId,
      people.map((person) => person.id),
    ),
  );
  return people.filter((person) => readers.has(person.id));
}

function commentableCase(tx: Executor, member: Member, caseId: string) {
  const found = tx
    .select({
      id: cases.id,
      title: cases.title,
      body: cases.body,
      revision: cases.revision,
      deletedAt: cases.deletedAt,
      confidential: cases.confidential,
    })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.workspaceId, member.workspaceId)))
    .get();
  if (!found || !canSeeCase(member, found, tx)) throw notFound(msg("threads.errors.caseNotFound"));
  if (found.deletedAt) throw notFound(CASE_TRASHED_MESSAGE);
  return found;
}

function threadOfCase(tx: Executor, member: Member, caseId: string, threadId: string) {
  const thread = tx
    .select()
    .from(threads)
    .where(
      and(eq(threads.id, threadId), eq(threads.caseId, caseId), eq(threads.workspaceId, member.workspaceId)),
    )
    .get();
  if (!thread) throw notFound(msg("threads.errors.threadNotFound"));
  return thread;
}

function ownComment(tx: Executor, member: Member, caseId: string, commentId: string) {
  const row = tx
    .select({ comment: comments, thread: threads })
    .from(comments)
    .innerJoin(threads, eq(threads.id, comments.threadId))
    .where(
      and(
        eq(comments.id, commentId),
        eq(threads.caseId, caseId),
        eq(threads.workspaceId, member.workspaceId),
        isNull(comments.deletedAt),
      ),
    )
    .get();
  if (!row) throw notFound(msg("threads.errors.commentNotFound"));
  authorize(member, "comment.edit", row.comment, msg("threads.errors.notYourComment"));
  return row;
}

/** Records who a comment mentions; returns the ids (members who take part in discussions only). */
function writeMentions(
  tx: Executor,
  workspaceId: string,
  caseId: string,
  commentId: string,
  body: string,
  pickedIds: string[],
) {
  const ids = findMentions(body, participants(tx, workspaceId, caseId), pickedIds);
  tx.delete(commentMentions).where(eq(commentMentions.commentId, commentId)).run();
  for (const userId of ids) tx.insert(commentMentions).values({ commentId, userId }).run();
  return ids;
}

function excerpt(text: string, length: number) {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

function notificationDetail(caseTitle: string, quote: string, body: string) {
  return { caseTitle, quote: excerpt(quote, 120), excerpt: excerpt(body, 200) };
}

export type NewThreadInput = Pick<TextAnchor, "exact" | "prefix" | "suffix" | "start" | "end"> & {
  body: string;
  mentionIds?: string[];
};

/**
 * Opens a thread on a passage of the case as the commenter reads it (members who comment all read the
 * current draft). The passage must still be in the text: someone may have saved since the page was opened.
 */
export function createThread(member: Member, caseId: string, input: NewThreadInput) {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "case.comment");
    const found = commentableCase(tx, member, caseId);
    const body = checkBody(input.body);
    if (input.exact.length > MAX_QUOTE_LENGTH)
      throw new CommentRejectedError(msg("threads.errors.quoteTooLong", { max: MAX_QUOTE_LENGTH }));
    const { text, sections } = caseAnchorText(found.body);
    const located = locateAnchor(text, input);
    const passage = located?.exact ? describePassage(text, located.start, located.end) : null;
    if (!passage) throw new CommentRejectedError(msg("threads.errors.textChanged"), 409);
    const now = new Date();
    const threadId = newId();
    const section = sectionAt(sections, passage.start);
    tx.insert(threads)
      .values({
        id: threadId,
        workspaceId: member.workspaceId,
        caseId,
        anchor: section ? { ...passage, section } : passage,
        revision: found.revision,
        authorId: member.userId,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    const commentId = newId();
    tx.insert(comments)
      .values({ id: commentId, threadId, authorId: member.userId, body, createdAt: now })
      .run();
    const mentioned = writeMentions(tx, member.workspaceId, caseId, commentId, body, input.mentionIds ?? []);
    notify(tx, {
      userIds: mentioned,
      workspaceId: member.workspaceId,
      kind: "mentioned",
      actorId: member.userId,
      caseId,
      threadId,
      detail: notificationDetail(found.title, passage.exact, body),
    });
    recordActivity(tx, { caseId, actorId: member.userId, kind: "commented", detail: { threadId } });
    return { threadId, commentId };
  });
}

export function replyToThread(
  member: Member,
  caseId: string,
  threadId: string,
  input: { body: string; mentionIds?: string[] },
) {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "case.comment");
    const found = commentableCase(tx, member, caseId);
    const thread = threadOfCase(tx, member, caseId, threadId);
    const body = checkBody(input.body);
    const now = new Date();
    const earlierAuthors = tx
      .selectDistinct({ authorId: comments.authorId })
      .from(comments)
      .where(and(eq(comments.threadId, threadId), isNull(comments.deletedAt)))
      .all()
      .map((row) => row.authorId);
    const commentId = newId();
    tx.insert(comments)
      .values({ id: commentId, threadId, authorId: member.userId, body, createdAt: now })
      .run();
    tx.update(threads).set({ updatedAt: now }).where(eq(threads.id, threadId)).run();
    const mentioned = writeMentions(tx, member.workspaceId, caseId, commentId, body, input.mentionIds ?? []);
    const detail = notificationDetail(found.title, thread.anchor.exact, body);
    const common = { workspaceId: member.workspaceId, actorId: member.userId, caseId, threadId, detail };
    notify(tx, { ...common, userIds: mentioned, kind: "mentioned" });
    // Whoever took part hears of the reply, unless they no longer take part in discussions here (left the
    // workspace, became a trainer) or already got a "mentioned" for this comment.
    const current = new Set(participants(tx, member.workspaceId, caseId).map((person) => person.id));
    const repliedTo = [thread.authorId, ...earlierAuthors].filter(
      (userId) => current.has(userId) && !mentioned.includes(userId),
    );
    notify(tx, { ...common, userIds: repliedTo, kind: "reply" });
    recordActivity(tx, {
      caseId,
      actorId: member.userId,
      kind: "commented",
      detail: { threadId, reply: true },
    });
    return { threadId, commentId };
  });
}

export function editComment(
  member: Member,
  caseId: string,
  commentId: string,
  input: { body: string; mentionIds?: string[] },
) {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "case.comment");
    const found = commentableCase(tx, member, caseId);
    const { comment, thread } = ownComment(tx, member, caseId, commentId);
    const body = checkBody(input.body);
    const before = new Set(
      tx
        .select({ userId: commentMentions.userId })
        .from(commentMentions)
        .where(eq(commentMentions.commentId, commentId))
        .all()
        .map((row) => row.userId),
    );
    tx.update(comments).set({ body, editedAt: new Date() }).where(eq(comments.id, comment.id)).run();
    const mentioned = writeMentions(tx, member.workspaceId, caseId, commentId, body, input.mentionIds ?? []);
    // Only people newly mentioned by the edit hear of it.
    notify(tx, {
      userIds: mentioned.filter((userId) => !before.has(userId)),
      workspaceId: member.workspaceId,
      kind: "mentioned",
      actorId: member.userId,
      caseId,
      threadId: thread.id,
      detail: notificationDetail(found.title, thread.anchor.exact, body),
    });
    return { threadId: thread.id, commentId };
  });
}

/**
 * Deletes one's own comment: its text is erased, a placeholder keeps the replies after it readable. A
 * thread left without any comment goes away with its notifications.
 */
export function deleteComment(member: Member, caseId: string, commentId: string) {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "case.comment");
    commentableCase(tx, member, caseId);
    const { comment, thread } = ownComment(tx, member, caseId, commentId);
    tx.update(comments).set({ body: "", deletedAt: new Date() }).where(eq(comments.id, comment.id)).run();
    tx.delete(commentMentions).where(eq(commentMentions.commentId, comment.id)).run();
    const remaining = tx
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.threadId, thread.id), isNull(comments.deletedAt)))
      .get();
    if (!remaining) tx.delete(threads).where(eq(threads.id, thread.id)).run();
    return { threadId: thread.id, threadDeleted: !remaining };
  });
}

/** Who may resolve or reopen a thread: its author, and reviewers and owners (who sign the case off). */
export function canResolveThread(member: Member, thread: { authorId: string }) {
  return allows(member, "thread.resolve", thread);
}

export function setThreadStatus(
  member: Member,
  caseId: string,
  threadId: string,
  status: "open" | "resolved",
) {
  return db.transaction((tx) => {
    const current = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(current, "case.comment");
    commentableCase(tx, current, caseId);
    const thread = threadOfCase(tx, current, caseId, threadId);
    if (!canResolveThread(current, thread)) throw forbidden(msg("threads.errors.cannotResolve"));
    if (thread.status !== status) {
      const now = new Date();
      tx.update(threads)
        .set(
          status === "resolved"
            ? { status, resolvedBy: member.userId, resolvedAt: now, updatedAt: now }
            : { status, resolvedBy: null, resolvedAt: null, updatedAt: now },
        )
        .where(eq(threads.id, threadId))
        .run();
    }
    return { threadId, status };
  });
}

export type CaseThread = ReturnType<typeof listCaseThreads>["threads"][number];

/**
 * The threads of a case placed on the body shown (`caseStudy` comes from getCase, so it is the version this
 * member reads): open and resolved, in document order, with threads whose passage was removed last.
 * Members who do not comment (trainers) get none: review discussion is internal (ADR 0005).
 */
export function listCaseThreads(member: Member, caseStudy: { id: string; body: unknown }) {
  if (!can(member, "case.comment")) return { threads: [], people: [] };
  const threadRows = db
    .select()
    .from(threads)
    // The unary + keeps SQLite on threads_case_idx: with both columns indexed it otherwise picked
    // threads_workspace_idx and read every thread of the workspace (~1 ms for 8,000 threads) per case page.
    .where(and(eq(threads.caseId, caseStudy.id), sql`+${threads.workspaceId} = ${member.workspaceId}`))
    .orderBy(asc(threads.createdAt))
    .all();
  const people = participants(db, member.workspaceId, caseStudy.id);
  if (threadRows.length === 0) return { threads: [], people };
  const commentRows = db
    .select()
    .from(comments)
    .where(
      inArray(
        comments.threadId,
        threadRows.map((thread) => thread.id),
      ),
    )
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  const mentionRows = commentRows.length
    ? db
        .select()
        .from(commentMentions)
        .where(
          inArray(
            commentMentions.commentId,
            commentRows.map((comment) => comment.id),
          ),
        )
        .all()
    : [];
  const userIds = new Set<string>();
  for (const thread of threadRows) {
    userIds.add(thread.authorId);
    if (thread.resolvedBy) userIds.add(thread.resolvedBy);
  }
  for (const comment of commentRows) userIds.add(comment.authorId);
  for (const mention of mentionRows) userIds.add(mention.userId);
  const names = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...userIds]))
      .all()
      .map((user) => [user.id, user.name]),
  );
  const { text, sections } = caseAnchorText(caseStudy.body);
  const listed = threadRows.map((thread) => {
    const located = locateAnchor(text, thread.anchor);
    const threadComments = commentRows
      .filter((comment) => comment.threadId === thread.id)
      .map((comment) => ({
        id: comment.id,
        authorName: names.get(comment.authorId) ?? "", // "" = former member
        mine: allows(member, "comment.edit", comment),
        body: comment.deletedAt ? "" : comment.body,
        deleted: comment.deletedAt !== null,
        createdAt: comment.createdAt,
        editedAt: comment.editedAt,
        mentions: mentionRows
          .filter((mention) => mention.commentId === comment.id)
          .map((mention) => ({ id: mention.userId, name: names.get(mention.userId) ?? "" })),
      }));
    return {
      id: thread.id,
      status: thread.status,
      quote: thread.anchor.exact,
      section: located ? sectionAt(sections, located.start) : thread.anchor.section,
      range: located ? { start: located.start, end: located.end } : null,
      quoteEdited: located ? !located.exact : false,
      authorName: names.get(thread.authorId) ?? "",
      createdAt: thread.createdAt,
      resolvedAt: thread.resolvedAt,
      resolvedByName: thread.resolvedBy ? (names.get(thread.resolvedBy) ?? "") : null,
      canResolve: canResolveThread(member, thread),
      comments: threadComments,
    };
  });
  listed.sort((a, b) => {
    if (a.range && b.range) return a.range.start - b.range.start || a.range.end - b.range.end;
    if (a.range || b.range) return a.range ? -1 : 1;
    return a.createdAt.getTime() - b.createdAt.getTime();
  });
  return { threads: listed, people };
}
