// The workspace export's records, read a chunk of cases at a time by the export job (exports.server.ts)
// and written in the format of workspace-file.ts.
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION } from "~/models/workspace-file";
import { db } from "~/utils/db.server";
import type { Executor } from "~/utils/permissions.server";
import {
  caseConditions,
  caseRevisions,
  cases,
  codes,
  comments,
  memberships,
  sources,
  threads,
  users,
  workspaces,
} from "../../db/schema";

type Person = { name: string; email: string };

function peopleById(executor: Executor, ids: Iterable<string | null>) {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  const map = new Map<string, Person>();
  if (wanted.length === 0) return map;
  for (const row of executor
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, wanted))
    .all())
    map.set(row.id, { name: row.name, email: row.email });
  return map;
}

/** The ids of every case of the workspace, trashed ones included, oldest first. */
export function workspaceCaseIds(workspaceId: string): string[] {
  return db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.workspaceId, workspaceId))
    .orderBy(asc(cases.createdAt), asc(cases.id))
    .all()
    .map((row) => row.id);
}

/** The start of the file: everything but cases, codes and sources (written after them, see below). */
export function workspaceExportHeader(workspaceId: string, exportedBy: Person) {
  const workspace = db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  const members = db
    .select({ name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name))
    .all();
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    exportedBy,
    workspace: { id: workspaceId, name: workspace?.name ?? "" },
    members,
  };
}

/**
 * Codes and sources as they are when the last case has been written. The export reads cases in chunks
 * while people keep working; listing these last means a code created meanwhile and used in a case is in
 * the file. (A code deleted meanwhile may still be tagged in an earlier chunk: the import drops such tags.)
 */
export function workspaceExportLibrary(workspaceId: string) {
  const codeRows = db
    .select({
      id: codes.id,
      kind: codes.kind,
      label: codes.label,
      labelTranslations: codes.labelTranslations,
      description: codes.description,
      color: codes.color,
      parentId: codes.parentId,
    })
    .from(codes)
    .where(eq(codes.workspaceId, workspaceId))
    .orderBy(asc(codes.createdAt), asc(codes.id))
    .all();
  const sourceRows = db
    .select({ id: sources.id, csl: sources.csl, createdAt: sources.createdAt, updatedAt: sources.updatedAt })
    .from(sources)
    .where(eq(sources.workspaceId, workspaceId))
    .orderBy(asc(sources.createdAt), asc(sources.id))
    .all();
  return { codes: codeRows, sources: sourceRows };
}

/** Full records of some cases of the workspace: fields, body, revisions, conditions, comment threads. */
export function workspaceCaseRecords(workspaceId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  // By primary key, then the workspace check: with both in the query SQLite may walk the workspace's index,
  // reading every case of a large workspace for each chunk.
  const caseRows = db
    .select()
    .from(cases)
    .where(inArray(cases.id, caseIds))
    .all()
    .filter((row) => row.workspaceId === workspaceId);
  const ids = caseRows.map((row) => row.id);
  if (ids.length === 0) return [];
  const revisionRows = db
    .select()
    .from(caseRevisions)
    .where(inArray(caseRevisions.caseId, ids))
    .orderBy(asc(caseRevisions.number))
    .all();
  const conditionRows = db.select().from(caseConditions).where(inArray(caseConditions.caseId, ids)).all();
  const threadRows = db
    .select()
    .from(threads)
    .where(inArray(threads.caseId, ids))
    .orderBy(asc(threads.createdAt))
    .all()
    .filter((row) => row.workspaceId === workspaceId);
  // Deleted comments are left out: their authors removed them.
  const commentRows = threadRows.length
    ? db
        .select()
        .from(comments)
        .where(
          and(
            inArray(
              comments.threadId,
              threadRows.map((thread) => thread.id),
            ),
            isNull(comments.deletedAt),
          ),
        )
        .orderBy(asc(comments.createdAt), asc(comments.id))
        .all()
    : [];
  const people = peopleById(db, [
    ...caseRows.map((row) => row.createdBy),
    ...revisionRows.map((row) => row.authorId),
    ...conditionRows.map((row) => row.setBy),
    ...threadRows.flatMap((row) => [row.authorId, row.resolvedBy]),
    ...commentRows.map((row) => row.authorId),
  ]);
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  const order = new Map(caseIds.map((id, i) => [id, i]));
  caseRows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return caseRows.map((row) => ({
    id: row.id,
    title: row.title,
    regions: row.regions,
    periodStart: row.periodStart,
    periodStartCirca: row.periodStartCirca,
    periodEnd: row.periodEnd,
    periodEndCirca: row.periodEndCirca,
    actors: row.actors,
    mediators: row.mediators,
    summary: row.summary,
    status: row.status,
    revision: row.revision,
    approvedRevision: row.approvedRevision,
    trashed: row.deletedAt !== null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: person(row.createdBy),
    body: row.body,
    revisions: revisionRows
      .filter((revision) => revision.caseId === row.id)
      .map((revision) => ({
        number: revision.number,
        baseNumber: revision.baseNumber,
        note: revision.note,
        fields: revision.fields,
        body: revision.body,
        author: person(revision.authorId),
        createdAt: revision.createdAt.toISOString(),
      })),
    conditions: conditionRows
      .filter((condition) => condition.caseId === row.id)
      .map((condition) => ({
        codeId: condition.codeId,
        value: condition.value,
        note: condition.note,
        setBy: person(condition.setBy),
        setAt: condition.setAt.toISOString(),
      })),
    threads: threadRows
      .filter((thread) => thread.caseId === row.id)
      .map((thread) => ({
        id: thread.id,
        anchor: thread.anchor,
        revision: thread.revision,
        status: thread.status,
        author: person(thread.authorId),
        createdAt: thread.createdAt.toISOString(),
        resolvedAt: thread.resolvedAt?.toISOString() ?? null,
        comments: commentRows
          .filter((comment) => comment.threadId === thread.id)
          .map((comment) => ({
            authorName: person(comment.authorId)?.name ?? "Former member",
            authorEmail: person(comment.authorId)?.email ?? "",
            body: comment.body,
            createdAt: comment.createdAt.toISOString(),
            editedAt: comment.editedAt?.toISOString() ?? null,
          })),
      })),
  }));
}

export type WorkspaceCaseRecord = ReturnType<typeof workspaceCaseRecords>[number];
