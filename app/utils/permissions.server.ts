// Who may do what in a workspace: the one place that decides. Every loader and action
// goes through requireMember() / requirePermission() (or a model function that calls them).
import { and, type Column, eq, type SQL, sql } from "drizzle-orm";
import { type Message, msg } from "~/utils/messages";
import { forbidden, notFound } from "~/utils/refusal";
import { caseAccess, cases, type Locale, memberships, type Role, workspaces } from "../../db/schema";
import { type DB, db } from "./db.server";

// A transaction handle or the database itself: writes re-check membership inside their transaction.
export type Executor = Pick<DB, "select" | "insert" | "update" | "delete">;

export const PERMISSIONS = {
  "workspace.read": ["owner", "editor", "reviewer", "trainer"],
  "workspace.manage": ["owner"],
  "members.manage": ["owner"],
  "case.read": ["owner", "editor", "reviewer", "trainer"],
  // Trainers read approved versions only: what they cite in a workshop has been signed off.
  "case.readDrafts": ["owner", "editor", "reviewer"],
  "case.create": ["owner", "editor"],
  "case.edit": ["owner", "editor"],
  "case.trash": ["owner", "editor"],
  "case.restore": ["owner", "editor"],
  "codebook.edit": ["owner", "editor"],
  // The registry of actors and mediators: entries, names, affiliations, merges.
  "registry.edit": ["owner", "editor"],
  "source.edit": ["owner", "editor"],
  "case.comment": ["owner", "editor", "reviewer"],
  "case.approve": ["owner", "reviewer"],
  "compare.use": ["owner", "editor", "reviewer", "trainer"],
  // The whole-workspace file holds every draft and the review discussion.
  "workspace.export": ["owner", "editor"],
  // Exports that keep sensitive passages. Trainers take material to workshops with outsiders: what they
  // export or print is always redacted (ADR 0008).
  "case.exportUnredacted": ["owner", "editor", "reviewer"],
  // Marking a case confidential and choosing who may read it (ADR 0008); the marker must see the case.
  "case.setConfidential": ["owner", "editor"],
  // What became of the workspace's mail (invitations, notifications): recipients' addresses and subjects.
  "mail.view": ["owner"],
  // Everything one member wrote here, in one file (before they leave or delete their account).
  "members.export": ["owner"],
  // "My reviews" lists every case waiting for a decision to owners, not only those they were asked to read.
  "review.seeAllWaiting": ["owner"],
  // The spellings search treats as one (Qaeda / Qaida): a workspace-wide choice, like the codebook's shape.
  "search.editVariants": ["owner"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Member = { userId: string; workspaceId: string; workspaceName: string; role: Role };

/**
 * A member as the routes get it (guards.server.ts): with the request's language, so that every list of
 * codes (listCodes / cachedCodes) shows each label in the reader's language.
 */
export type LocalizedMember = Member & { locale?: Locale };

export function can(member: Pick<Member, "role">, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(member.role);
}

// Refusals are one error type (utils/refusal.ts); re-exported because every model that checks a
// permission also refuses.
export { forbidden, notFound } from "~/utils/refusal";

// ---- Policies: rules that depend on the object -----------------------------------------------------
// PERMISSIONS says what a role may do in general; a policy says what this member may do to this object.
// The same predicate answers the server's check (authorize) and the page's "may I show this button".

type Actor = Pick<Member, "role" | "userId">;

export const POLICIES = {
  /** The submitter, while they may still edit, or an owner takes a case out of review. */
  "review.withdraw": (member: Actor, review: { submittedBy: string }) =>
    member.role === "owner" || (can(member, "case.edit") && review.submittedBy === member.userId),
  /** A comment is edited or deleted by its author only. */
  "comment.edit": (member: Actor, comment: { authorId: string }) =>
    can(member, "case.comment") && comment.authorId === member.userId,
  /** A thread is resolved or reopened by its author, and by those who sign the case off. */
  "thread.resolve": (member: Actor, thread: { authorId: string }) =>
    can(member, "case.comment") && (thread.authorId === member.userId || can(member, "case.approve")),
  /** A saved comparison set is renamed or deleted by whoever saved it, or by an owner. */
  "comparisonSet.change": (member: Actor, set: { createdBy: string }) =>
    set.createdBy === member.userId || can(member, "workspace.manage"),
  /**
   * A case is approved by a role that approves and, when the workspace asks for review by someone else (its
   * setting, on by default), not by the member who edited it last: nobody signs off their own text alone.
   */
  "case.approve": (member: Actor, subject: { updatedBy: string; reviewBySomeoneElse: boolean }) =>
    can(member, "case.approve") && !(subject.reviewBySomeoneElse && subject.updatedBy === member.userId),
} as const;

export type Policy = keyof typeof POLICIES;
type PolicyObject<P extends Policy> = Parameters<(typeof POLICIES)[P]>[1];

export function allows<P extends Policy>(member: Actor, policy: P, object: PolicyObject<P>): boolean {
  return (POLICIES[policy] as (member: Actor, object: PolicyObject<P>) => boolean)(member, object);
}

/** The server's check: 403 with `message` (or the generic one) when the policy refuses. */
export function authorize<P extends Policy>(
  member: Actor,
  policy: P,
  object: PolicyObject<P>,
  message: Message = msg("errors.forbidden.message"),
): void {
  if (!allows(member, policy, object)) throw forbidden(message);
}

export function findMember(userId: string, workspaceId: string, executor: Executor = db): Member | null {
  const row = executor
    .select({
      userId: memberships.userId,
      workspaceId: memberships.workspaceId,
      role: memberships.role,
      workspaceName: workspaces.name,
    })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)))
    .get();
  return row ?? null;
}

/** A workspace the user does not belong to answers 404: its existence is not revealed. */
export function requireMember(userId: string, workspaceId: string, executor: Executor = db): Member {
  const member = findMember(userId, workspaceId, executor);
  if (!member) throw notFound(msg("errors.notMember"));
  return member;
}

export function requirePermission(member: Member, permission: Permission): void {
  if (!can(member, permission)) throw forbidden();
}

/** Whether the workspace's owners require two-factor sign-in of every member. */
export function requiresTwoFactor(workspaceId: string, executor: Executor = db): boolean {
  const row = executor
    .select({ required: workspaces.requireTwoFactor })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .get();
  return Boolean(row?.required);
}

/**
 * A member without two-factor sign-in in a workspace that requires it sees no case (nor a case's title in
 * mail) until they set it up.
 */
export function mustSetUpTwoFactor(hasTwoFactor: boolean, workspaceId: string, executor: Executor = db) {
  return !hasTwoFactor && requiresTwoFactor(workspaceId, executor);
}

/** What the UI may offer; computed here so pages never re-derive rules. */
export function capabilities(member: Pick<Member, "role">) {
  const entries = (Object.keys(PERMISSIONS) as Permission[]).map((p) => [p, can(member, p)] as const);
  return Object.fromEntries(entries) as Record<Permission, boolean>;
}

/** The workspace's settings that policies read. */
export type WorkspaceRules = { reviewBySomeoneElse: boolean };

export function workspaceRules(workspaceId: string, executor: Executor = db): WorkspaceRules {
  const found = executor
    .select({ reviewBySomeoneElse: workspaces.reviewBySomeoneElse })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .get();
  return { reviewBySomeoneElse: found?.reviewBySomeoneElse ?? true };
}

/** The "case.approve" policy for a case row and its workspace's rules. */
export function mayApproveCase(
  member: Actor,
  caseRow: { updatedBy: string },
  rules: WorkspaceRules,
): boolean {
  return allows(member, "case.approve", {
    updatedBy: caseRow.updatedBy,
    reviewBySomeoneElse: rules.reviewBySomeoneElse,
  });
}

// ---- Confidential cases (ADR 0008) ----------------------------------------------------------------
// The one rule: a confidential case is visible to the workspace's owners and to the members listed in
// case_access; to everyone else it does not exist (404, absent from every list, count and export).
// Every read path goes through one of the three functions below.

/** Owners see every case of their workspace, confidential or not. */
export function seesAllCases(member: Pick<Member, "role">) {
  return member.role === "owner";
}

/**
 * An SQL condition on a case id column: true when this member may see that case. Undefined (no
 * condition) for owners, so `and(…, visibleCaseCondition(member, cases.id))` reads naturally.
 */
export function visibleCaseCondition(member: Member, caseIdColumn: Column | SQL): SQL | undefined {
  if (seesAllCases(member)) return undefined;
  return sql`${caseIdColumn} NOT IN (
    SELECT hidden.id FROM ${cases} AS hidden
    WHERE hidden.workspace_id = ${member.workspaceId} AND hidden.confidential = 1
      AND NOT EXISTS (
        SELECT 1 FROM ${caseAccess} AS access
        WHERE access.case_id = hidden.id AND access.user_id = ${member.userId}
      )
  )`;
}

/** The ids of this workspace's cases this member may not see (empty for owners and most members). */
export function hiddenCaseIds(member: Member, executor: Executor = db): Set<string> {
  if (seesAllCases(member)) return new Set();
  // The list index holds `confidential`: read there, a case's row (long, its flag past the body) is read
  // only when it is confidential. SQLite's own choice (the workspace index) read every row: ~10 ms at 5,000.
  const rows = executor
    .select({ id: sql<string>`hidden.id` })
    .from(sql`${cases} AS hidden INDEXED BY cases_list_idx`)
    .where(
      sql`hidden.workspace_id = ${member.workspaceId} AND hidden.confidential = 1
        AND NOT EXISTS (
          SELECT 1 FROM ${caseAccess} AS access
          WHERE access.case_id = hidden.id AND access.user_id = ${member.userId}
        )`,
    )
    .all();
  return new Set(rows.map((row) => row.id));
}

/** Whether this member may see this case (already known to be of their workspace). */
export function canSeeCase(
  member: Member,
  caseRow: { id: string; confidential: boolean },
  executor: Executor = db,
): boolean {
  if (!caseRow.confidential || seesAllCases(member)) return true;
  const listed = executor
    .select({ userId: caseAccess.userId })
    .from(caseAccess)
    .where(and(eq(caseAccess.caseId, caseRow.id), eq(caseAccess.userId, member.userId)))
    .get();
  return Boolean(listed);
}

/** Keeps the items whose case this member may see; one query for the whole list. */
export function onlyVisibleCases<T>(
  member: Member,
  items: readonly T[],
  caseIdOf: (item: T) => string | null,
): T[] {
  if (seesAllCases(member) || items.length === 0) return [...items];
  const hidden = hiddenCaseIds(member);
  if (hidden.size === 0) return [...items];
  return items.filter((item) => {
    const caseId = caseIdOf(item);
    return caseId === null || !hidden.has(caseId);
  });
}

/**
 * Of these users, those who may see this case: everyone when it is not confidential, otherwise the
 * workspace's owners and the listed members. Used before notifying or offering someone for a mention.
 */
export function usersWhoSeeCase(executor: Executor, caseId: string, userIds: readonly string[]): string[] {
  if (userIds.length === 0) return [];
  const found = executor
    .select({ workspaceId: cases.workspaceId, confidential: cases.confidential })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!found) return [];
  if (!found.confidential) return [...userIds];
  const allowed = new Set([
    ...executor
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, found.workspaceId), eq(memberships.role, "owner")))
      .all()
      .map((row) => row.userId),
    ...executor
      .select({ userId: caseAccess.userId })
      .from(caseAccess)
      .where(eq(caseAccess.caseId, caseId))
      .all()
      .map((row) => row.userId),
  ]);
  return userIds.filter((userId) => allowed.has(userId));
}
