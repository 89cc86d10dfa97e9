// The conditions of a case: for each code of the codebook, present / absent / unknown as a person stated
// it. A tag in the text is evidence for "present" but never sets a value by itself, and absence is never
// inferred from a missing tag. A missing row means unknown (the matrix reads case_conditions the same way).
import type { JSONContent } from "@tiptap/core";
import { and, asc, eq } from "drizzle-orm";
import { deriveCaseRows } from "~/editor";
import { recordActivity } from "~/models/activity.server";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { foreignCodeIds, seesDrafts } from "~/models/case-body.server";
import { getCase } from "~/models/cases.server";
import { type Code, listCodes } from "~/models/codes.server";
import type { ConditionValue } from "~/models/domain";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import {
  canSeeCase,
  type Member,
  notFound,
  requireMember,
  requirePermission,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { caseConditions, cases, passages, users } from "../../db/schema";

export const MAX_CONDITION_NOTE = 1000;

export type EvidencePassage = { text: string; section: string };

export type CaseCondition = {
  code: Code & { depth: number };
  value: ConditionValue;
  note: string;
  setByName: string | null;
  setAt: Date | null;
  passages: EvidencePassage[];
  /** "tagged-absent": a person said absent though the text tags it; "tagged-unknown": not stated yet. */
  flag: "tagged-absent" | "tagged-unknown" | null;
};

/** Parents first, each followed by its sub-codes, within the codebook's own order. */
function inTreeOrder(codes: Code[]): Array<Code & { depth: number }> {
  const ids = new Set(codes.map((code) => code.id));
  const children = new Map<string, Code[]>();
  for (const code of codes) {
    if (code.parentId && ids.has(code.parentId) && code.parentId !== code.id) {
      children.set(code.parentId, [...(children.get(code.parentId) ?? []), code]);
    }
  }
  const ordered: Array<Code & { depth: number }> = [];
  const seen = new Set<string>();
  const visit = (code: Code, depth: number) => {
    if (seen.has(code.id)) return;
    seen.add(code.id);
    ordered.push({ ...code, depth });
    for (const child of children.get(code.id) ?? []) visit(child, depth + 1);
  };
  for (const code of codes) if (!code.parentId || !ids.has(code.parentId)) visit(code, 0);
  // A cycle of parents would leave codes unvisited: list them rather than hide them.
  for (const code of codes) visit(code, 0);
  return ordered;
}

/** Every code of the workspace with this case's value, who stated it, and the tagged passages behind it. */
export function listCaseConditions(member: Member, caseId: string): CaseCondition[] {
  const caseStudy = getCase(member, caseId);
  const codes = inTreeOrder(listCodes(member));
  const stated = new Map(
    db
      .select({
        codeId: caseConditions.codeId,
        value: caseConditions.value,
        note: caseConditions.note,
        setAt: caseConditions.setAt,
        setByName: users.name,
      })
      .from(caseConditions)
      .leftJoin(users, eq(users.id, caseConditions.setBy))
      .where(eq(caseConditions.caseId, caseId))
      .all()
      .map((row) => [row.codeId, row]),
  );
  const evidence = new Map<string, EvidencePassage[]>();
  // Readers of approved versions only (trainers) see the evidence of that version, not of the draft rows.
  const tagged = seesDrafts(member)
    ? db
        .select({ codeId: passages.codeId, text: passages.text, section: passages.section })
        .from(passages)
        .where(eq(passages.caseId, caseId))
        .orderBy(asc(passages.position))
        .all()
    : deriveCaseRows(caseStudy.body as JSONContent).passages;
  for (const passage of tagged) {
    evidence.set(passage.codeId, [
      ...(evidence.get(passage.codeId) ?? []),
      { text: passage.text, section: passage.section },
    ]);
  }
  return codes.map((code) => {
    const row = stated.get(code.id);
    const value = row?.value ?? "unknown";
    const tagged = evidence.get(code.id) ?? [];
    return {
      code,
      value,
      note: row?.note ?? "",
      setByName: row?.setByName ?? null,
      setAt: row?.setAt ?? null,
      passages: tagged,
      flag:
        tagged.length === 0
          ? null
          : value === "absent"
            ? "tagged-absent"
            : value === "unknown"
              ? "tagged-unknown"
              : null,
    };
  });
}

export type ConditionEntry = {
  codeId: string;
  value: ConditionValue;
  note: string;
  /** When the value the person saw was set (ms), 0 when none: detects a colleague's change in between. */
  seenSetAt: number;
};

export type ConditionConflict = {
  codeId: string;
  value: ConditionValue;
  note: string;
  setByName: string | null;
  setAt: Date;
};

/** Someone else changed some of the same conditions after the form was opened: nothing was saved. */
export class ConditionsConflictError extends Refusal {
  constructor(public conflicts: ConditionConflict[]) {
    super(409, msg("conditions.errors.conflict"));
  }
}

/**
 * Saves the stated values in one transaction. Only rows whose value or note changed are written (and get
 * setBy/setAt); "unknown" without a note removes the row. Codes not in this workspace's codebook: 404,
 * nothing saved. A row changed by someone else since `seenSetAt` and posted with a different value is a
 * conflict: nothing is saved, so no one's statement is silently replaced.
 */
export function saveCaseConditions(
  member: Member,
  caseId: string,
  entries: ConditionEntry[],
  origin?: RequestOrigin,
): { changed: number } {
  return db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "case.edit");
    const found = tx
      .select({ id: cases.id, deletedAt: cases.deletedAt, confidential: cases.confidential })
      .from(cases)
      .where(and(eq(cases.id, caseId), eq(cases.workspaceId, member.workspaceId)))
      .get();
    if (!found || found.deletedAt || !canSeeCase(fresh, found, tx))
      throw notFound(msg("conditions.errors.caseNotFound"));
    const foreign = foreignCodeIds(
      tx,
      member.workspaceId,
      entries.map((entry) => entry.codeId),
    );
    if (foreign.length) throw notFound(msg("conditions.errors.foreignCodes"));

    const existing = new Map(
      tx
        .select({
          codeId: caseConditions.codeId,
          value: caseConditions.value,
          note: caseConditions.note,
          setAt: caseConditions.setAt,
          setByName: users.name,
        })
        .from(caseConditions)
        .leftJoin(users, eq(users.id, caseConditions.setBy))
        .where(eq(caseConditions.caseId, caseId))
        .all()
        .map((row) => [row.codeId, row]),
    );

    const changes: ConditionEntry[] = [];
    const conflicts: ConditionConflict[] = [];
    for (const entry of entries) {
      const note = entry.note.trim();
      const row = existing.get(entry.codeId);
      const storedValue = row?.value ?? "unknown";
      const storedNote = row?.note ?? "";
      if (storedValue === entry.value && storedNote === note) continue;
      if (row && row.setAt.getTime() !== entry.seenSetAt) {
        conflicts.push({
          codeId: entry.codeId,
          value: row.value,
          note: row.note,
          setByName: row.setByName,
          setAt: row.setAt,
        });
        continue;
      }
      if (!row && entry.seenSetAt !== 0) {
        // Someone cleared it back to unknown in between: only a conflict when this person did not mean to set it.
        conflicts.push({
          codeId: entry.codeId,
          value: "unknown",
          note: "",
          setByName: null,
          setAt: new Date(0),
        });
        continue;
      }
      changes.push({ ...entry, note });
    }
    if (conflicts.length) throw new ConditionsConflictError(conflicts);

    const now = new Date();
    for (const change of changes) {
      if (change.value === "unknown" && change.note === "") {
        tx.delete(caseConditions)
          .where(and(eq(caseConditions.caseId, caseId), eq(caseConditions.codeId, change.codeId)))
          .run();
        continue;
      }
      const values = { value: change.value, note: change.note, setBy: member.userId, setAt: now };
      tx.insert(caseConditions)
        .values({ caseId, codeId: change.codeId, ...values })
        .onConflictDoUpdate({ target: [caseConditions.caseId, caseConditions.codeId], set: values })
        .run();
    }
    if (changes.length) {
      // The case's timeline says which values changed, and to what (the codes named by the page).
      recordActivity(tx, {
        caseId,
        actorId: member.userId,
        kind: "conditions_set",
        detail: {
          codeIds: changes.map((change) => change.codeId),
          values: changes.map((change) => change.value),
        },
      });
      recordAudit(
        {
          action: "case.conditions_saved",
          workspaceId: member.workspaceId,
          userId: member.userId,
          detail: { caseId, codeIds: changes.map((change) => change.codeId) },
          origin,
        },
        tx,
      );
    }
    return { changed: changes.length };
  });
}
