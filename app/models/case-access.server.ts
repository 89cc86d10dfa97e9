// Confidential cases (ADR 0008): marking a case confidential, choosing who may read it, and the audit
// entry written when someone opens one. Who sees a case is decided in permissions.server.ts.
import { and, asc, eq, inArray } from "drizzle-orm";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import {
  canSeeCase,
  type Member,
  notFound,
  requireMember,
  requirePermission,
  seesAllCases,
} from "~/utils/permissions.server";
import { caseAccess, cases, memberships, users } from "../../db/schema";

export type CaseAccessEntry = { userId: string; name: string; role: string; listed: boolean; owner: boolean };

/** The members of the workspace and whether each may read this confidential case (owners always may). */
export function getCaseAccess(member: Member, caseId: string) {
  requirePermission(member, "case.setConfidential");
  const found = db
    .select({ id: cases.id, confidential: cases.confidential })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.workspaceId, member.workspaceId)))
    .get();
  if (!found || !canSeeCase(member, found)) throw notFound(msg("cases.errors.notFound"));
  const listed = new Set(
    db
      .select({ userId: caseAccess.userId })
      .from(caseAccess)
      .where(eq(caseAccess.caseId, caseId))
      .all()
      .map((row) => row.userId),
  );
  const people = db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, member.workspaceId))
    .orderBy(asc(users.name))
    .all();
  return {
    confidential: found.confidential,
    people: people.map(
      (person): CaseAccessEntry => ({
        ...person,
        owner: seesAllCases(person),
        listed: seesAllCases(person) || listed.has(person.userId),
      }),
    ),
  };
}

/**
 * Marks a case confidential (or not) and sets who may read it. The member marking it is always listed,
 * so nobody locks themselves out; owners need no entry. Ids that are not members of the workspace are
 * ignored. The list is kept when the mark is lifted, so marking the case again restores it.
 */
export function setCaseConfidentiality(
  member: Member,
  caseId: string,
  input: { confidential: boolean; userIds: string[] },
  origin?: RequestOrigin,
) {
  return db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "case.setConfidential");
    const found = tx
      .select({
        id: cases.id,
        title: cases.title,
        confidential: cases.confidential,
        deletedAt: cases.deletedAt,
      })
      .from(cases)
      .where(and(eq(cases.id, caseId), eq(cases.workspaceId, fresh.workspaceId)))
      .get();
    if (!found || found.deletedAt || !canSeeCase(fresh, found, tx))
      throw notFound(msg("cases.errors.notFound"));
    const wanted = new Set(input.userIds);
    if (input.confidential && !seesAllCases(fresh)) wanted.add(fresh.userId);
    const workspaceMembers = wanted.size
      ? tx
          .select({ userId: memberships.userId, role: memberships.role })
          .from(memberships)
          .where(
            and(eq(memberships.workspaceId, fresh.workspaceId), inArray(memberships.userId, [...wanted])),
          )
          .all()
      : [];
    // Owners see every case: listing them would only be noise.
    const listed = workspaceMembers.filter((row) => !seesAllCases(row)).map((row) => row.userId);
    tx.delete(caseAccess).where(eq(caseAccess.caseId, caseId)).run();
    for (const userId of listed)
      tx.insert(caseAccess).values({ caseId, userId, addedBy: fresh.userId }).run();
    tx.update(cases).set({ confidential: input.confidential }).where(eq(cases.id, caseId)).run();
    recordAudit(
      {
        action: input.confidential ? "case.confidential_set" : "case.confidential_lifted",
        workspaceId: fresh.workspaceId,
        userId: fresh.userId,
        detail: { caseId, title: found.title, readers: listed.length },
        origin,
      },
      tx,
    );
    return { confidential: input.confidential, listed };
  });
}

/** Opening a confidential case is written to the audit log: who, when, from where. */
export function recordConfidentialOpened(
  member: Member,
  caseStudy: { id: string; title: string; confidential: boolean },
  origin?: RequestOrigin,
) {
  if (!caseStudy.confidential) return;
  recordAudit({
    action: "case.confidential_opened",
    workspaceId: member.workspaceId,
    userId: member.userId,
    detail: { caseId: caseStudy.id, title: caseStudy.title },
    origin,
  });
}
