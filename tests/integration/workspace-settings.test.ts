// Workspace settings (issue 13): owners rename the workspace, set the interface language of members who
// chose none, and ask for approval by someone other than the case's last editor (on by default); "/" opens
// the workspace the person used last.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase } from "~/models/cases.server";
import { approveCase, getReviewState, submitForReview } from "~/models/reviews.server";
import { updateLocale } from "~/models/users.server";
import { createWorkspace, getWorkspaceSettings, updateWorkspaceSettings } from "~/models/workspaces.server";
import * as landing from "~/routes/_index";
import * as workspaceLayout from "~/routes/w.$workspaceId";
import * as reviewRoute from "~/routes/w.$workspaceId.cases.$caseId_.review";
import * as settingsRoute from "~/routes/w.$workspaceId.settings";
import { db } from "~/utils/db.server";
import { getLocale } from "~/utils/i18n.server";
import { decodeMessage } from "~/utils/messages";
import { auditLog, workspaces } from "../../db/schema";
import { addMember, makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

let team: Awaited<ReturnType<typeof makeTeam>>;
beforeAll(async () => {
  team = await makeTeam();
});

const settings = (
  overrides: Partial<{ name: string; defaultLocale: "en" | "fr" | null; reviewBySomeoneElse: boolean }> = {},
) => ({
  name: "Team workspace",
  defaultLocale: null,
  reviewBySomeoneElse: true,
  ...overrides,
});

/** A case the owner wrote and submitted: the owner is its last editor. */
function ownersCase() {
  const caseId = createCase(team.people.owner.member, { ...sampleFields, title: "Written by the owner" }).id;
  submitForReview(team.people.owner.member, caseId, {
    reviewerIds: [team.people.owner.id, team.people.reviewer.id],
  });
  return caseId;
}

describe("approval by someone else", () => {
  it("is on by default: the last editor cannot approve alone, another reviewer can", async () => {
    expect(getWorkspaceSettings(team.people.owner.member).reviewBySomeoneElse).toBe(true);
    const caseId = ownersCase();
    const state = getReviewState(team.people.owner.member, caseId);
    expect(state.can.approve).toBe(false);
    expect(state.can.requestChanges).toBe(true);
    expect(state.approvalBySomeoneElse).toBe(true);
    const refused = await callRoute(reviewRoute, {
      method: "POST",
      path: `/w/${team.workspace.id}/cases/${caseId}/review`,
      params: { workspaceId: team.workspace.id, caseId },
      cookie: team.people.owner.cookie,
      form: { intent: "approve", revision: String(state.currentRevision) },
    });
    expect(refused.status).toBe(403);
    expect(decodeMessage(String((refused.body as { message?: string })?.message ?? ""))?.key).toBe(
      "review.errors.someoneElse",
    );
    expect(getReviewState(team.people.reviewer.member, caseId).can.approve).toBe(true);
    approveCase(team.people.reviewer.member, caseId);
  });

  it("does not offer the last editor as a reviewer to pick", () => {
    const caseId = createCase(team.people.owner.member, { ...sampleFields, title: "Owner's draft" }).id;
    const choices = getReviewState(team.people.owner.member, caseId).reviewersChoices.map(
      (person) => person.id,
    );
    expect(choices).toContain(team.people.reviewer.id);
    expect(choices).not.toContain(team.people.owner.id);
  });

  it("can be turned off by an owner, and then the last editor may approve", () => {
    updateWorkspaceSettings(team.people.owner.member, settings({ reviewBySomeoneElse: false }));
    try {
      const caseId = ownersCase();
      expect(getReviewState(team.people.owner.member, caseId).can.approve).toBe(true);
      expect(approveCase(team.people.owner.member, caseId).revision).toBeGreaterThan(0);
    } finally {
      updateWorkspaceSettings(team.people.owner.member, settings());
    }
  });
});

describe("the settings page", () => {
  it("renames the workspace and records it, keeping what was typed when the name is refused", async () => {
    const path = `/w/${team.workspace.id}/settings`;
    const params = { workspaceId: team.workspace.id };
    const refused = await callRoute(settingsRoute, {
      method: "POST",
      path,
      params,
      cookie: team.people.owner.cookie,
      form: { name: "x", defaultLocale: "fr" },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      values: { name: "x", defaultLocale: "fr" },
      errors: { name: [expect.any(String)] },
    });
    const saved = await callRoute(settingsRoute, {
      method: "POST",
      path,
      params,
      cookie: team.people.owner.cookie,
      form: { name: "Sahel programme", defaultLocale: "", reviewBySomeoneElse: "on" },
    });
    expect(saved.status).toBe(302);
    expect(db.select().from(workspaces).where(eq(workspaces.id, team.workspace.id)).get()?.name).toBe(
      "Sahel programme",
    );
    const entry = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "workspace.settings_changed"))
      .all()
      .at(-1);
    expect(entry?.detail).toMatchObject({ from: "Team workspace", to: "Sahel programme" });
    updateWorkspaceSettings(team.people.owner.member, settings());
  });

  it("sets the interface language of members who chose none, not of those who chose", async () => {
    updateWorkspaceSettings(team.people.owner.member, settings({ defaultLocale: "fr" }));
    try {
      const request = (cookie: string, path = `/w/${team.workspace.id}/cases`) =>
        new Request(`http://localhost${path}`, { headers: { Cookie: cookie, "Accept-Language": "en" } });
      expect(await getLocale(request(team.people.reviewer.cookie))).toBe("fr");
      updateLocale(team.people.editor.id, "en");
      expect(await getLocale(request(team.people.editor.cookie))).toBe("en");
      // Outside the workspace (the account page), the workspace used last decides.
      await callRoute(workspaceLayout, {
        path: `/w/${team.workspace.id}/cases`,
        params: { workspaceId: team.workspace.id },
        cookie: team.people.trainer.cookie,
      });
      expect(await getLocale(request(team.people.trainer.cookie, "/account"))).toBe("fr");
      // The outsider is no member: the workspace's setting says nothing about their language.
      expect(await getLocale(request(team.outsider.cookie))).toBe("en");
    } finally {
      updateLocale(team.people.editor.id, null);
      updateWorkspaceSettings(team.people.owner.member, settings());
    }
  });
});

describe("landing", () => {
  it("opens the workspace the person used last, not an arbitrary one", async () => {
    const person = team.people.reviewer;
    const second = createWorkspace(team.people.owner.id, { name: "Second workspace" });
    addMember(second.id, person.id, "reviewer");
    for (const workspaceId of [second.id, team.workspace.id, second.id]) {
      await callRoute(workspaceLayout, {
        path: `/w/${workspaceId}/cases`,
        params: { workspaceId },
        cookie: person.cookie,
      });
      const answer = await callRoute(landing, { path: "/", cookie: person.cookie });
      expect(answer.location).toBe(`/w/${workspaceId}/cases`);
    }
  });
});
