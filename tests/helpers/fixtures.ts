// Builds people, workspaces and cases through the real model functions, on the test file's own database.

import { eq } from "drizzle-orm";
import { createCase } from "~/models/cases.server";
import type { Role } from "~/models/domain";
import { signUp } from "~/models/users.server";
import { createWorkspace } from "~/models/workspaces.server";
import { lucia } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { findMember, type Member } from "~/utils/permissions.server";
import { cases, memberships } from "../../db/schema";

let counter = 0;

export async function makeUser(name = "Test User") {
  counter += 1;
  const email = `user${counter}-${Date.now()}@example.test`;
  const user = await signUp({ name, email, password: "correct horse battery" });
  return { ...user, password: "correct horse battery" };
}

export async function sessionCookie(userId: string) {
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize().split(";")[0];
}

export function addMember(workspaceId: string, userId: string, role: Role) {
  db.insert(memberships).values({ workspaceId, userId, role }).run();
  return findMember(userId, workspaceId) as Member;
}

export const sampleFields = {
  title: "Test case — local talks",
  regions: ["Mali"],
  periodStart: 2015,
  periodStartCirca: false,
  periodEnd: null,
  periodEndCirca: false,
  actors: ["Group A"],
  mediators: [],
  summary: "A case made by a test.",
};

/** A workspace with one member per role and one case, plus an outsider with a workspace of their own. */
export async function makeTeam() {
  const owner = await makeUser("Owner");
  const workspace = createWorkspace(owner.id, { name: "Team workspace" });
  const people: Record<Role, { id: string; member: Member; cookie: string }> = {} as never;
  people.owner = {
    id: owner.id,
    member: findMember(owner.id, workspace.id)!,
    cookie: await sessionCookie(owner.id),
  };
  for (const role of ["editor", "reviewer", "trainer"] as const) {
    const user = await makeUser(role);
    people[role] = {
      id: user.id,
      member: addMember(workspace.id, user.id, role),
      cookie: await sessionCookie(user.id),
    };
  }
  const outsiderUser = await makeUser("Outsider");
  const otherWorkspace = createWorkspace(outsiderUser.id, { name: "Other workspace" });
  const outsider = {
    id: outsiderUser.id,
    member: findMember(outsiderUser.id, otherWorkspace.id)!,
    cookie: await sessionCookie(outsiderUser.id),
  };
  const caseStudy = createCase(people.editor.member, sampleFields);
  // Approved, so that trainers (who read approved versions only) can read it too.
  db.update(cases).set({ status: "approved", approvedRevision: 1 }).where(eq(cases.id, caseStudy.id)).run();
  const otherCase = createCase(outsider.member, { ...sampleFields, title: "Other workspace's case" });
  return { workspace, people, outsider, otherWorkspace, caseStudy, otherCase };
}
