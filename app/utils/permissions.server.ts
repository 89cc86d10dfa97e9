// Who may do what in a workspace: the one place that decides. Every loader and action
// goes through requireMember() / requirePermission() (or a model function that calls them).
import { data } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { memberships, type Role, workspaces } from "../../db/schema";
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
  "source.edit": ["owner", "editor"],
  "case.comment": ["owner", "editor", "reviewer"],
  "case.approve": ["owner", "reviewer"],
  "compare.use": ["owner", "editor", "reviewer", "trainer"],
  // The whole-workspace file holds every draft and the review discussion.
  "workspace.export": ["owner", "editor"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export type Member = { userId: string; workspaceId: string; workspaceName: string; role: Role };

export function can(member: Pick<Member, "role">, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(member.role);
}

export function notFound(message = "We could not find that page.") {
  return data({ message }, { status: 404 });
}

export function forbidden(message = "Your role in this workspace does not allow this.") {
  return data({ message }, { status: 403 });
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
  if (!member) throw notFound("This workspace does not exist or you are not a member of it.");
  return member;
}

export function requirePermission(member: Member, permission: Permission): void {
  if (!can(member, permission)) throw forbidden();
}

/** What the UI may offer; computed here so pages never re-derive rules. */
export function capabilities(member: Pick<Member, "role">) {
  const entries = (Object.keys(PERMISSIONS) as Permission[]).map((p) => [p, can(member, p)] as const);
  return Object.fromEntries(entries) as Record<Permission, boolean>;
}
