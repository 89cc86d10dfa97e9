import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { newCaseDocument } from "~/editor/template";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import type { CaseFields } from "~/models/case-fields";
import { newId } from "~/models/ids.server";
import { db } from "~/utils/db.server";
import {
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
} from "~/utils/permissions.server";
import { caseRevisions, cases, users } from "../../db/schema";

export class StaleRevisionError extends Error {
  constructor(public currentRevision: number) {
    super("Someone else saved this case after you opened it. Reload to see their changes, then edit again.");
  }
}

function fieldsSnapshot(fields: CaseFields) {
  return { ...fields } as Record<string, unknown>;
}

export function listCases(member: Member, options: { trashed?: boolean } = {}) {
  requirePermission(member, "case.read");
  return db
    .select({
      id: cases.id,
      title: cases.title,
      regions: cases.regions,
      periodStart: cases.periodStart,
      periodStartCirca: cases.periodStartCirca,
      periodEnd: cases.periodEnd,
      periodEndCirca: cases.periodEndCirca,
      status: cases.status,
      summary: cases.summary,
      updatedAt: cases.updatedAt,
      deletedAt: cases.deletedAt,
      updatedByName: users.name,
    })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.updatedBy))
    .where(
      and(
        eq(cases.workspaceId, member.workspaceId),
        options.trashed ? isNotNull(cases.deletedAt) : isNull(cases.deletedAt),
      ),
    )
    .orderBy(options.trashed ? desc(cases.deletedAt) : desc(cases.updatedAt))
    .all();
}

function findCase(executor: Executor, workspaceId: string, caseId: string) {
  return executor
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.workspaceId, workspaceId)))
    .get();
}

/** A case of another workspace, or an unknown id, is a 404: never its data. */
export function getCase(member: Member, caseId: string, options: { allowTrashed?: boolean } = {}) {
  requirePermission(member, "case.read");
  const found = findCase(db, member.workspaceId, caseId);
  if (!found || (found.deletedAt && !options.allowTrashed))
    throw notFound("This case does not exist in this workspace.");
  const people = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, found.createdBy))
    .get();
  return { ...found, createdByName: people?.name ?? "" };
}

export function createCase(member: Member, fields: CaseFields, origin?: RequestOrigin) {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "case.create");
    const id = newId();
    const body = newCaseDocument();
    const now = new Date();
    tx.insert(cases)
      .values({
        id,
        workspaceId: member.workspaceId,
        ...fields,
        body,
        createdBy: member.userId,
        updatedBy: member.userId,
        updatedAt: now,
      })
      .run();
    tx.insert(caseRevisions)
      .values({
        id: newId(),
        caseId: id,
        number: 1,
        baseNumber: null,
        body,
        fields: fieldsSnapshot(fields),
        note: "Created",
        authorId: member.userId,
      })
      .run();
    recordAudit(
      {
        action: "case.created",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId: id },
        origin,
      },
      tx,
    );
    return { id };
  });
}

export function updateCaseFields(member: Member, caseId: string, baseRevision: number, fields: CaseFields) {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "case.edit");
    const current = findCase(tx, member.workspaceId, caseId);
    if (!current || current.deletedAt) throw notFound("This case does not exist in this workspace.");
    if (current.revision !== baseRevision) throw new StaleRevisionError(current.revision);
    const number = current.revision + 1;
    tx.update(cases)
      .set({ ...fields, revision: number, updatedBy: member.userId, updatedAt: new Date() })
      .where(eq(cases.id, caseId))
      .run();
    tx.insert(caseRevisions)
      .values({
        id: newId(),
        caseId,
        number,
        baseNumber: baseRevision,
        body: current.body,
        fields: fieldsSnapshot(fields),
        note: "Fields edited",
        authorId: member.userId,
      })
      .run();
    return { revision: number };
  });
}

export function trashCase(member: Member, caseId: string, origin?: RequestOrigin) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "case.trash");
    const current = findCase(tx, member.workspaceId, caseId);
    if (!current || current.deletedAt) throw notFound("This case does not exist in this workspace.");
    tx.update(cases)
      .set({ deletedAt: new Date(), deletedBy: member.userId })
      .where(eq(cases.id, caseId))
      .run();
    recordAudit(
      {
        action: "case.trashed",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, title: current.title },
        origin,
      },
      tx,
    );
  });
}

export function restoreCase(member: Member, caseId: string, origin?: RequestOrigin) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "case.restore");
    const current = findCase(tx, member.workspaceId, caseId);
    if (!current?.deletedAt) throw notFound("This case is not in the trash.");
    tx.update(cases)
      .set({ deletedAt: null, deletedBy: null, updatedAt: new Date() })
      .where(eq(cases.id, caseId))
      .run();
    recordAudit(
      {
        action: "case.restored",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, title: current.title },
        origin,
      },
      tx,
    );
  });
}
