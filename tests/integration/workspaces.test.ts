import { describe, expect, it } from "vitest";
import {
  getCase,
  listCases,
  restoreCase,
  StaleRevisionError,
  trashCase,
  updateCaseFields,
} from "~/models/cases.server";
import {
  acceptInvite,
  changeRole,
  createInvite,
  findInvite,
  LastOwnerError,
  listMembers,
  removeMember,
  revokeInvite,
} from "~/models/workspaces.server";
import { findMember } from "~/utils/permissions.server";
import { makeTeam, makeUser, sampleFields } from "../helpers/fixtures";

describe("members and invites", () => {
  it("keeps at least one owner", async () => {
    const team = await makeTeam();
    const owner = team.people.owner.member;
    expect(() => changeRole(owner, owner.userId, "editor")).toThrow(LastOwnerError);
    expect(() => removeMember(owner, owner.userId)).toThrow(LastOwnerError);
    changeRole(owner, team.people.editor.id, "owner");
    changeRole(owner, owner.userId, "editor");
    expect(findMember(owner.userId, team.workspace.id)?.role).toBe("editor");
  });

  it("lets a new person join once with the invite's role", async () => {
    const team = await makeTeam();
    const invite = createInvite(team.people.owner.member, "reviewer");
    const newcomer = await makeUser("Newcomer");
    expect(findInvite(invite.token)).toMatchObject({ status: "valid", role: "reviewer" });
    expect(acceptInvite(newcomer.id, invite.token)).toEqual({ ok: true, workspaceId: team.workspace.id });
    expect(findMember(newcomer.id, team.workspace.id)?.role).toBe("reviewer");
    expect(findInvite(invite.token).status).toBe("used");
    const latecomer = await makeUser("Latecomer");
    expect(acceptInvite(latecomer.id, invite.token).ok).toBe(false);
    expect(findMember(latecomer.id, team.workspace.id)).toBeNull();
    expect(listMembers(team.people.owner.member).map((m) => m.name)).toContain("Newcomer");
  });

  it("refuses revoked invites and invites made by non-owners", async () => {
    const team = await makeTeam();
    const invite = createInvite(team.people.owner.member, "editor");
    revokeInvite(team.people.owner.member, invite.id);
    expect(findInvite(invite.token).status).toBe("revoked");
    expect(() => createInvite(team.people.editor.member, "owner")).toThrow();
    expect(findInvite("not-a-real-token-at-all-xxxx").status).toBe("invalid");
  });

  it("re-checks the role inside the transaction: a demoted owner cannot invite with a stale membership", async () => {
    const team = await makeTeam();
    const staleOwner = team.people.owner.member;
    changeRole(staleOwner, team.people.editor.id, "owner");
    changeRole(findMember(team.people.editor.id, team.workspace.id)!, staleOwner.userId, "trainer");
    expect(() => createInvite(staleOwner, "owner")).toThrow();
  });
});

describe("cases", () => {
  it("moves a case to the trash and back", async () => {
    const team = await makeTeam();
    const editor = team.people.editor.member;
    trashCase(editor, team.caseStudy.id);
    expect(listCases(editor).map((c) => c.id)).not.toContain(team.caseStudy.id);
    expect(listCases(editor, { trashed: true }).map((c) => c.id)).toContain(team.caseStudy.id);
    expect(() => getCase(editor, team.caseStudy.id)).toThrow();
    restoreCase(editor, team.caseStudy.id);
    expect(getCase(editor, team.caseStudy.id).title).toBe(sampleFields.title);
  });

  it("refuses a fields edit based on an old revision (409) and keeps the newer one", async () => {
    const team = await makeTeam();
    const editor = team.people.editor.member;
    updateCaseFields(editor, team.caseStudy.id, 1, { ...sampleFields, title: "First edit" });
    expect(() =>
      updateCaseFields(team.people.owner.member, team.caseStudy.id, 1, { ...sampleFields, title: "Stale" }),
    ).toThrow(StaleRevisionError);
    expect(getCase(editor, team.caseStudy.id).title).toBe("First edit");
  });

  it("never lists or returns another workspace's case", async () => {
    const team = await makeTeam();
    expect(listCases(team.people.trainer.member).map((c) => c.id)).toEqual([team.caseStudy.id]);
    expect(() => getCase(team.people.owner.member, team.otherCase.id)).toThrow();
  });
});
