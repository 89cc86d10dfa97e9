// The case body's write path, shared by every writer of a body (the JSON save, the co-editing store,
// restore, code merges and deletes, workspace import): what is derived from a body, how an edit moves the
// status, which codes and sources a body may refer to, and which version of a case a member reads.
// Callers (cases, codes, collab, revisions) depend on this module; it depends on none of them.

import type { JSONContent } from "@tiptap/core";
import { and, eq, inArray } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { withoutReferences } from "~/editor/marks";
import { foreignSourceIds } from "~/models/sources.server";
import { db } from "~/utils/db.server";
import { can, type Executor, type Member } from "~/utils/permissions.server";
import { caseRevisions, type cases, citations, codes, passages } from "../../db/schema";

type CaseRow = typeof cases.$inferSelect;

/**
 * Rewrites what is derived from a case body (tagged passages, citations, plain text) in the caller's
 * transaction. The one place the save path, restore and co-editing persistence go through.
 */
export function writeDerivedRows(tx: Executor, caseId: string, doc: unknown) {
  const rows = deriveCaseRows(doc as Parameters<typeof deriveCaseRows>[0]);
  tx.delete(passages).where(eq(passages.caseId, caseId)).run();
  tx.delete(citations).where(eq(citations.caseId, caseId)).run();
  for (const passage of rows.passages)
    tx.insert(passages)
      .values({ caseId, ...passage })
      .run();
  for (const citation of rows.citations)
    tx.insert(citations)
      .values({ caseId, ...citation })
      .run();
  return rows;
}

/**
 * Editing an approved case starts a new draft; the approved revision stays pinned for readers until the next
 * approval. Working on requested changes also makes the case a draft again. Edits during a review keep the case
 * in review (reviewers read the latest revision).
 */
export function statusAfterEdit(status: CaseRow["status"]): CaseRow["status"] {
  return status === "approved" || status === "changes_requested" ? "draft" : status;
}

/** Ids among `ids` that are NOT codes of this workspace (a guessed or foreign id). */
export function foreignCodeIds(executor: Executor, workspaceId: string, ids: string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Set(
    executor
      .select({ id: codes.id })
      .from(codes)
      .where(and(eq(codes.workspaceId, workspaceId), inArray(codes.id, ids)))
      .all()
      .map((row) => row.id),
  );
  return ids.filter((id) => !found.has(id));
}

/** The codes and sources a body refers to that are not this workspace's (deleted, or guessed ids). */
export function foreignReferences(
  executor: Executor,
  workspaceId: string,
  references: { codeIds: string[]; sourceIds: string[] },
) {
  return {
    codeIds: foreignCodeIds(executor, workspaceId, references.codeIds),
    sourceIds: foreignSourceIds(executor, workspaceId, references.sourceIds),
  };
}

/**
 * The body without its tags and citations of codes and sources outside the workspace (restoring old text,
 * a live store); `dropped` counts the distinct codes and sources removed.
 */
export function dropForeignReferences(
  executor: Executor,
  workspaceId: string,
  body: JSONContent,
  references: { codeIds: string[]; sourceIds: string[] },
): { body: JSONContent; dropped: number } {
  const foreign = foreignReferences(executor, workspaceId, references);
  const goneCodes = new Set(foreign.codeIds);
  const goneSources = new Set(foreign.sourceIds);
  const dropped = goneCodes.size + goneSources.size;
  return { body: dropped ? withoutReferences(body, goneCodes, goneSources) : body, dropped };
}

/** Whether this member reads drafts, or only the approved version of each case (trainers). */
export function seesDrafts(member: Member) {
  return can(member, "case.readDrafts");
}

/**
 * The approved version of cases whose current draft this member may not see: the body and fields of the
 * approved revision, keyed by case id. Cases whose draft is the approved revision need no overlay.
 */
export function approvedVersions(
  member: Member,
  rows: Array<Pick<CaseRow, "id" | "revision" | "approvedRevision">>,
) {
  const overlay = new Map<string, { body: unknown; fields: Record<string, unknown> }>();
  if (seesDrafts(member)) return overlay;
  const pending = rows.filter(
    (row) => row.approvedRevision !== null && row.approvedRevision !== row.revision,
  );
  for (const row of pending) {
    const approved = db
      .select({ body: caseRevisions.body, fields: caseRevisions.fields })
      .from(caseRevisions)
      .where(and(eq(caseRevisions.caseId, row.id), eq(caseRevisions.number, row.approvedRevision!)))
      .get();
    if (approved) overlay.set(row.id, approved);
  }
  return overlay;
}
