import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, restoreCase, trashCase, updateCaseFields } from "~/models/cases.server";
import {
  countUnread,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  notify,
} from "~/models/notifications.server";
import { approveCase, requestChanges, submitForReview } from "~/models/reviews.server";
import { db } from "~/utils/db.server";
import { notifications } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;

const route = () => import("../../app/routes/w.$workspaceId.notifications");
const layout = () => import("../../app/routes/w.$workspaceId");

beforeAll(async () => {
  team = await makeTeam();
});

function freshCase(title = sampleFields.title) {
  return createCase(team.people.editor.member, { ...sampleFields, title }).id;
}

/** A case submitted by the editor to the reviewer: one unread notification for the reviewer. */
function requestReview(title: string) {
  const caseId = freshCase(title);
  submitForReview(team.people.editor.member, caseId, { reviewerIds: [team.people.reviewer.id] });
  return caseId;
}

describe("notifications", () => {
  it("lists the member's notifications newest first with who, what and the case", () => {
    const before = countUnread(team.people.reviewer.member);
    const first = requestReview("First case to review");
    const second = requestReview("Second case to review");
    const list = listNotifications(team.people.reviewer.member);
    expect(list.unread).toBe(before + 2);
    expect(list.items.slice(0, 2).map((n) => [n.caseId, n.kind, n.actorName, n.caseTitle])).toEqual([
      [second, "review_requested", "editor", "Second case to review"],
      [first, "review_requested", "editor", "First case to review"],
    ]);
    expect(list.items[0].readAt).toBeNull();
    // Nobody else's notifications are in the list.
    expect(listNotifications(team.people.owner.member).items.some((n) => n.caseId === first)).toBe(false);
  });

  it("tells the submitter of the decision, not the reviewer who made it", () => {
    const caseId = requestReview("Decided case");
    requestChanges(team.people.reviewer.member, caseId, { note: "Add the Process section." });
    submitForReview(team.people.editor.member, caseId, { reviewerIds: [team.people.reviewer.id] });
    approveCase(team.people.reviewer.member, caseId);
    const toEditor = listNotifications(team.people.editor.member).items.filter((n) => n.caseId === caseId);
    expect(toEditor.map((n) => [n.kind, n.detail.decision, n.actorName])).toEqual([
      ["review_done", "approved", "reviewer"],
      ["review_done", "changes_requested", "reviewer"],
    ]);
    const toReviewer = listNotifications(team.people.reviewer.member).items.filter(
      (n) => n.caseId === caseId,
    );
    expect(toReviewer.map((n) => n.kind)).toEqual(["review_requested", "review_requested"]);
  });

  it("marks one read, then all read; someone else's notification is a 404", async () => {
    requestReview("Mark read case A");
    requestReview("Mark read case B");
    const reviewer = team.people.reviewer.member;
    const unread = listNotifications(reviewer).items.filter((n) => n.readAt === null);
    expect(unread.length).toBeGreaterThanOrEqual(2);
    const params = { workspaceId: team.workspace.id };

    const one = await callRoute(await route(), {
      method: "POST",
      path: `/w/${team.workspace.id}/notifications`,
      params,
      cookie: team.people.reviewer.cookie,
      form: { intent: "read", id: String(unread[0].id) },
    });
    expect(one.status).toBe(200);
    expect(countUnread(reviewer)).toBe(unread.length - 1);
    const after = listNotifications(reviewer).items.find((n) => n.id === unread[0].id);
    expect(after?.readAt).toBeInstanceOf(Date);

    const foreign = await callRoute(await route(), {
      method: "POST",
      path: `/w/${team.workspace.id}/notifications`,
      params,
      cookie: team.people.owner.cookie,
      form: { intent: "read", id: String(unread[1].id) },
    });
    expect(foreign.status).toBe(404);
    expect(countUnread(reviewer)).toBe(unread.length - 1);

    const all = await callRoute(await route(), {
      method: "POST",
      path: `/w/${team.workspace.id}/notifications`,
      params,
      cookie: team.people.reviewer.cookie,
      form: { intent: "read-all" },
    });
    expect(all.status).toBe(302);
    expect(all.location).toBe(`/w/${team.workspace.id}/notifications`);
    expect(countUnread(reviewer)).toBe(0);
    expect(markAllNotificationsRead(reviewer)).toBe(0);

    const bad = await callRoute(await route(), {
      method: "POST",
      path: `/w/${team.workspace.id}/notifications`,
      params,
      cookie: team.people.reviewer.cookie,
      form: { intent: "read", id: "not a number" },
    });
    expect(bad.status).toBe(400);
  });

  it("hides notifications of cases moved to the trash, and shows them again once restored", async () => {
    const reviewer = team.people.reviewer.member;
    markAllNotificationsRead(reviewer);
    const caseId = requestReview("Soon in the trash");
    expect(countUnread(reviewer)).toBe(1);
    trashCase(team.people.editor.member, caseId);
    expect(countUnread(reviewer)).toBe(0);
    expect(listNotifications(reviewer).items.some((n) => n.caseId === caseId)).toBe(false);
    restoreCase(team.people.editor.member, caseId);
    expect(countUnread(reviewer)).toBe(1);
  });

  it("never shows a trainer a case they may not read, nor a draft's title", () => {
    const trainer = team.people.trainer.member;
    const draft = freshCase("Draft the trainer must not see");
    notify(db, {
      userIds: [team.people.trainer.id],
      workspaceId: team.workspace.id,
      kind: "mentioned",
      actorId: team.people.editor.id,
      caseId: draft,
    });
    expect(listNotifications(trainer).items.some((n) => n.caseId === draft)).toBe(false);
    expect(countUnread(trainer)).toBe(0);

    // The team's case is approved at revision 1; a newer draft renames it.
    updateCaseFields(team.people.editor.member, team.caseStudy.id, 1, {
      ...sampleFields,
      title: "Renamed in draft",
    });
    notify(db, {
      userIds: [team.people.trainer.id],
      workspaceId: team.workspace.id,
      kind: "mentioned",
      actorId: team.people.editor.id,
      caseId: team.caseStudy.id,
    });
    const items = listNotifications(trainer).items;
    expect(items.map((n) => n.caseTitle)).toEqual([sampleFields.title]);
    expect(countUnread(trainer)).toBe(1);
  });

  it("gives the workspace layout the unread count for the header bell", async () => {
    const reviewer = team.people.reviewer.member;
    markAllNotificationsRead(reviewer);
    requestReview("Bell case 1");
    requestReview("Bell case 2");
    requestReview("Bell case 3");
    const result = await callRoute(await layout(), {
      path: `/w/${team.workspace.id}`,
      params: { workspaceId: team.workspace.id },
      cookie: team.people.reviewer.cookie,
    });
    expect((result.body as { unreadNotifications: number }).unreadNotifications).toBe(3);
    const nav = (result.body as { nav: Array<{ label: string }> }).nav.map((item) => item.label);
    // Labels are catalogue keys, translated by the header.
    expect(nav).toContain("common.nav.reviews");
    expect(nav).not.toContain("common.nav.audit");
    const ownerLayout = await callRoute(await layout(), {
      path: `/w/${team.workspace.id}`,
      params: { workspaceId: team.workspace.id },
      cookie: team.people.owner.cookie,
    });
    expect((ownerLayout.body as { nav: Array<{ label: string }> }).nav.map((item) => item.label)).toContain(
      "common.nav.audit",
    );
  });

  it("does not let a member mark read through another workspace", () => {
    const caseId = requestReview("Cross-workspace check");
    const row = db.select().from(notifications).where(eq(notifications.caseId, caseId)).get()!;
    expect(() => markNotificationRead(team.outsider.member, row.id)).toThrow();
    expect(db.select().from(notifications).where(eq(notifications.id, row.id)).get()!.readAt).toBeNull();
  });
});
