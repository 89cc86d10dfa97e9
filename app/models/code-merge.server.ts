// Merging one code into another, and the rewrite of case bodies that merging and deleting a code share:
// each body that carries the code is retagged (or untagged) with a new revision, in one transaction.
import type { JSONContent } from "@tiptap/core";
import { and, eq, sql } from "drizzle-orm";
import { toCaseNode } from "~/editor";
import { rewriteCodeMarks } from "~/editor/marks";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { writeDerivedRows } from "~/models/case-body.server";
import { caseFieldsSnapshot } from "~/models/case-fields";
import { findCode, usageOf } from "~/models/codes.server";
import { bodyWrittenOutsideCollab } from "~/models/collab.server";
import { newId } from "~/models/ids.server";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { caseConditions, caseRevisions, cases, codes } from "../../db/schema";

/**
 * Rewrites every case body of the workspace that carries the code (those in the trash too, so that
 * restoring one never brings back a tag of a deleted code), refreshes its derived rows and records
 * the change as a new revision. Returns how many cases changed.
 */
export function rewriteCaseBodies(
  tx: Executor,
  member: Member,
  from: string,
  to: string | null,
  note: Message,
): number {
  const affected = tx
    .select()
    .from(cases)
    .where(and(eq(cases.workspaceId, member.workspaceId), sql`instr(${cases.body}, ${from}) > 0`))
    .all();
  let changedCases = 0;
  const now = new Date();
  for (const row of affected) {
    const rewritten = rewriteCodeMarks(row.body as JSONContent, from, to);
    if (rewritten.changed === 0) continue;
    // Through the schema, as the editor would save it: adjacent text with the same marks joins up.
    const body = toCaseNode(rewritten.doc).toJSON() as JSONContent;
    const derived = writeDerivedRows(tx, row.id, body);
    const number = row.revision + 1;
    // Retagging changes no word of the text: an approved version stays approved, so readers of approved
    // versions see the codebook as it now is rather than tags of a code that no longer exists.
    const approvedRevision = row.approvedRevision === row.revision ? number : row.approvedRevision;
    tx.update(cases)
      .set({
        body,
        bodyText: derived.plainText,
        revision: number,
        approvedRevision,
        updatedBy: member.userId,
        updatedAt: now,
      })
      .where(eq(cases.id, row.id))
      .run();
    tx.insert(caseRevisions)
      .values({
        id: newId(),
        caseId: row.id,
        number,
        baseNumber: row.revision,
        body,
        fields: caseFieldsSnapshot(row),
        note,
        authorId: member.userId,
        createdAt: now,
      })
      .run();
    // People editing the case see the retagging as a change, on top of what they are typing.
    bodyWrittenOutsideCollab(
      tx,
      row.id,
      (live) => toCaseNode(rewriteCodeMarks(live, from, to).doc).toJSON() as JSONContent,
    );
    changedCases += 1;
  }
  return changedCases;
}

export class CodeMergeError extends Refusal {
  constructor(message: Message) {
    super(400, message);
  }
}

export type MergeResult = {
  tagCount: number;
  caseCount: number;
  conditionsMoved: number;
  conditionsKept: number;
  label: string;
  targetLabel: string;
};

/**
 * Merges code `id` into `targetId` (same kind): its tags become tags of the target in every case body,
 * its condition values move where the target has none (the target's value wins otherwise), its sub-codes
 * move under the target, and the code is deleted. One transaction: all of it or nothing.
 */
export function mergeCode(member: Member, id: string, targetId: string, origin?: RequestOrigin): MergeResult {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    const code = findCode(tx, member.workspaceId, id);
    const target = findCode(tx, member.workspaceId, targetId);
    if (!code || !target) throw notFound(msg("codebook.errors.notFound"));
    if (code.id === target.id) throw new CodeMergeError(msg("codebook.errors.mergeSelf"));
    if (code.kind !== target.kind)
      throw new CodeMergeError(
        msg(
          code.kind === "precondition"
            ? "codebook.errors.mergePreconditionKind"
            : "codebook.errors.mergeOutcomeKind",
          { label: code.label },
        ),
      );
    const usage = usageOf(tx, member.workspaceId, id);
    const caseCount = rewriteCaseBodies(
      tx,
      member,
      id,
      targetId,
      msg("history.notes.codeMerged", { label: code.label, target: target.label }),
    );

    const targetCases = new Set(
      tx
        .select({ caseId: caseConditions.caseId })
        .from(caseConditions)
        .where(eq(caseConditions.codeId, targetId))
        .all()
        .map((row) => row.caseId),
    );
    let conditionsMoved = 0;
    let conditionsKept = 0;
    for (const condition of tx.select().from(caseConditions).where(eq(caseConditions.codeId, id)).all()) {
      if (targetCases.has(condition.caseId)) {
        conditionsKept += 1;
        continue;
      }
      tx.update(caseConditions)
        .set({ codeId: targetId })
        .where(and(eq(caseConditions.caseId, condition.caseId), eq(caseConditions.codeId, id)))
        .run();
      conditionsMoved += 1;
    }

    // When the target sits somewhere under the merged code, lift it to the merged code's place first,
    // or moving the sub-codes under the target would close a loop.
    const seen = new Set<string>();
    for (let cursor = target.parentId; cursor && !seen.has(cursor); ) {
      if (cursor === id) {
        tx.update(codes).set({ parentId: code.parentId }).where(eq(codes.id, targetId)).run();
        break;
      }
      seen.add(cursor);
      cursor = findCode(tx, member.workspaceId, cursor)?.parentId ?? null;
    }
    tx.update(codes)
      .set({ parentId: targetId })
      .where(and(eq(codes.workspaceId, member.workspaceId), eq(codes.parentId, id)))
      .run();
    // Conditions still on the merged code are those the target's value replaced; they go with it.
    tx.delete(codes).where(eq(codes.id, id)).run();
    recordAudit(
      {
        action: "code.merged",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { codeId: id, label: code.label, targetId, targetLabel: target.label, caseCount },
        origin,
      },
      tx,
    );
    return {
      tagCount: usage.tagCount,
      caseCount,
      conditionsMoved,
      conditionsKept,
      label: code.label,
      targetLabel: target.label,
    };
  });
}
