// Walks every route of the app for every role, for a member of another workspace and for a visitor
// who is not signed in. A route file without an entry in ROUTES fails the first test: add it here.
import { desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createActor, listActors } from "~/models/actors.server";
import { setCaseConfidentiality } from "~/models/case-access.server";
import { addCaseLink } from "~/models/case-links.server";
import { createCase, saveCaseBody, trashCase, updateCaseFields } from "~/models/cases.server";
import { createCode } from "~/models/codebook-edits.server";
import { createComparisonSet } from "~/models/comparison-sets.server";
import type { Role } from "~/models/domain";
import { saveEvent } from "~/models/events.server";
import { notify } from "~/models/notifications.server";
import { submitForReview } from "~/models/reviews.server";
import { saveVariantGroup } from "~/models/search/variants.server";
import { createSource } from "~/models/sources.server";
import { createThread, setThreadStatus } from "~/models/threads.server";
import { createInvite } from "~/models/workspaces.server";
import { db } from "~/utils/db.server";
import { cases, memberships, notifications } from "../../db/schema";
import { addMember, makeTeam, makeUser, sampleFields, sessionCookie } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Team = Awaited<ReturnType<typeof makeTeam>>;
type Who = "anonymous" | Role | "outsider";
const EVERYONE: Who[] = ["anonymous", "owner", "editor", "reviewer", "trainer", "outsider"];

type RouteRequest = { path: string; params?: Record<string, string>; form?: Record<string, string> };
type Check = {
  method: "GET" | "POST";
  /** Builds the request for one caller; may create fresh data so writes do not interfere. */
  request: (team: Team) => RouteRequest | Promise<RouteRequest>;
  expect: Record<Who, number>;
  /** Sign-out ends the session it is given: such checks get a session of their own. */
  ownSession?: boolean;
};

const members = (status: number, outsider = 404, anonymous = 302) =>
  ({
    owner: status,
    editor: status,
    reviewer: status,
    trainer: status,
    outsider,
    anonymous,
  }) satisfies Record<Who, number>;
/** Pages and actions of the owners only. */
const owners = (ok: number, others = 403) =>
  ({
    owner: ok,
    editor: others,
    reviewer: others,
    trainer: others,
    outsider: 404,
    anonymous: 302,
  }) satisfies Record<Who, number>;
/** Pages for visitors (not signed in): everyone gets the same answer. */
const everyone = (status: number) => members(status, status, status);
const writers = (ok: number) =>
  ({ owner: ok, editor: ok, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 }) satisfies Record<
    Who,
    number
  >;

const ws = (team: Team) => ({ workspaceId: team.workspace.id });
const freshCase = (team: Team) => createCase(team.people.editor.member, sampleFields).id;
const threadOn = (member: Team["outsider"]["member"], caseId: string) =>
  createThread(member, caseId, {
    exact: "Context",
    prefix: "",
    suffix: "Actors",
    start: 0,
    end: 7,
    body: "Note",
  }).threadId;
/** A case with one dated event (the events page, comments on an event). */
const caseWithEvent = (team: Team) => {
  const caseId = freshCase(team);
  const { eventId } = saveEvent(team.people.editor.member, caseId, {
    event: {
      title: "Talks begin",
      start: { year: 2012 },
      end: null,
      circa: false,
      wording: "",
      description: "",
      actors: [],
      codeIds: [],
      citations: [],
    },
  });
  return { caseId, eventId };
};
/** A registry entry no case names: every member of the workspace may read it. */
const freshActor = (team: Team) =>
  createActor(team.people.owner.member, {
    name: `Entry ${Math.random()}`,
    kind: "person",
    description: "",
  }).id;
const freshSource = (team: Team) =>
  createSource(team.people.editor.member, { type: "report", title: "Fresh source" }).id;
const freshSet = (team: Team) =>
  createComparisonSet(team.people.editor.member, {
    name: "Set",
    view: "matrix",
    caseIds: [team.caseStudy.id],
    codeIds: [],
    outcomeId: null,
    settings: {},
  }).id;
const freshCode = (team: Team, kind: "precondition" | "outcome" = "outcome") =>
  createCode(team.people.owner.member, {
    kind,
    label: `Check ${Math.random()}`,
    description: "",
    color: "#2563eb",
    parentId: null,
  }).id;
/** Someone whose role is changed or who is removed: the team's own people stay as they are. */
const freshMember = async (team: Team) => {
  const user = await makeUser("Passer-by");
  addMember(team.workspace.id, user.id, "trainer");
  return user.id;
};
const submittedCase = (team: Team) => {
  const caseId = freshCase(team);
  submitForReview(team.people.editor.member, caseId, { reviewerIds: [team.people.reviewer.id] });
  return caseId;
};
const reviewersComment = (team: Team) =>
  createThread(team.people.reviewer.member, team.caseStudy.id, {
    exact: "Context",
    prefix: "",
    suffix: "Actors",
    start: 0,
    end: 7,
    body: "Reviewer's note",
  }).commentId;
const reviewersNotification = (team: Team) => {
  notify(db, {
    userIds: [team.people.reviewer.id],
    workspaceId: team.workspace.id,
    kind: "mentioned",
    actorId: team.people.editor.id,
    caseId: team.caseStudy.id,
  });
  return String(db.select().from(notifications).orderBy(desc(notifications.id)).get()!.id);
};
/** Puts the team's people back in the workspace with their roles (after a check where they leave). */
const restoreTeam = (team: Team) => {
  for (const role of ["owner", "editor", "reviewer", "trainer"] as const)
    db.insert(memberships)
      .values({ workspaceId: team.workspace.id, userId: team.people[role].id, role })
      .onConflictDoNothing()
      .run();
};
const caseFields = {
  title: "Edited title",
  regions: "Mali",
  periodStart: "2015",
  periodEnd: "",
  actors: "Group A",
  mediators: "",
  summary: "",
};

const ROUTES: Record<string, Check[]> = {
  "_index.tsx": [
    { method: "GET", request: () => ({ path: "/" }), expect: { ...members(302, 302), anonymous: 302 } },
  ],
  "sign-in.tsx": [
    {
      method: "GET",
      request: () => ({ path: "/sign-in" }),
      expect: { ...members(302, 302), anonymous: 200 },
    },
    {
      method: "POST",
      request: () => ({ path: "/sign-in", form: { email: "nope" } }),
      expect: { ...members(400, 400), anonymous: 400 },
    },
  ],
  "sign-up.tsx": [
    {
      method: "GET",
      request: () => ({ path: "/sign-up" }),
      expect: { ...members(302, 302), anonymous: 200 },
    },
    {
      method: "POST",
      request: () => ({ path: "/sign-up", form: { name: "" } }),
      expect: { ...members(400, 400), anonymous: 400 },
    },
  ],
  "sign-out.tsx": [
    { method: "GET", request: () => ({ path: "/sign-out" }), expect: members(302, 302, 302) },
    {
      method: "POST",
      request: () => ({ path: "/sign-out" }),
      expect: members(302, 302, 302),
      ownSession: true,
    },
  ],
  "account.tsx": [
    { method: "GET", request: () => ({ path: "/account" }), expect: members(200, 200) },
    {
      method: "POST",
      request: () => ({ path: "/account", form: { intent: "profile", name: "" } }),
      expect: members(400, 400),
    },
    {
      // A wrong current password: refused for everyone, and nobody's sessions end.
      method: "POST",
      request: () => ({
        path: "/account",
        form: { intent: "password", currentPassword: "not it", newPassword: "a long new password" },
      }),
      expect: members(400, 400),
    },
    {
      method: "POST",
      request: () => ({ path: "/account", form: { intent: "mail", review_requested: "sometimes" } }),
      expect: members(400, 400),
    },
    {
      method: "POST",
      request: () => ({ path: "/account", form: { intent: "resendVerification" } }),
      expect: members(302, 302),
    },
    {
      // A locale that does not exist: refused; a valid one only ever changes the signed-in user's own setting.
      method: "POST",
      request: () => ({ path: "/account", form: { intent: "language", locale: "xx" } }),
      expect: members(400, 400),
    },
  ],
  "account_.two-factor.tsx": [
    { method: "GET", request: () => ({ path: "/account/two-factor" }), expect: members(200, 200) },
    {
      // A code that is not the app's: refused, nothing turned on.
      method: "POST",
      request: () => ({ path: "/account/two-factor", form: { intent: "confirm", code: "000000" } }),
      expect: members(400, 400),
    },
    {
      method: "POST",
      request: () => ({ path: "/account/two-factor", form: { intent: "renew", password: "" } }),
      expect: members(400, 400),
    },
    {
      method: "POST",
      request: () => ({ path: "/account/two-factor", form: { intent: "disable", password: "" } }),
      expect: members(400, 400),
    },
  ],
  "account_.sessions.tsx": [
    { method: "GET", request: () => ({ path: "/account/sessions" }), expect: members(200, 200) },
    {
      method: "POST",
      // Signs out the caller's other devices: the session the walk uses for them stays.
      request: () => ({ path: "/account/sessions", form: { intent: "endOthers" } }),
      expect: members(302, 302),
    },
    {
      // A device that is not one of the caller's: nothing is signed out.
      method: "POST",
      request: () => ({ path: "/account/sessions", form: { intent: "end", device: "notadevicekey0000000" } }),
      expect: members(404, 404),
    },
  ],
  "account_.delete.tsx": [
    { method: "GET", request: () => ({ path: "/account/delete" }), expect: members(200, 200) },
    {
      // Without the password nothing is deleted.
      method: "POST",
      request: () => ({ path: "/account/delete", form: { password: "", confirm: "yes" } }),
      expect: members(400, 400),
    },
  ],
  "forgot-password.tsx": [
    {
      method: "GET",
      request: () => ({ path: "/forgot-password" }),
      expect: { ...members(302, 302), anonymous: 200 },
    },
    {
      method: "POST",
      request: () => ({ path: "/forgot-password", form: { email: "not an address" } }),
      expect: everyone(400),
    },
  ],
  "reset-password.$token.tsx": [
    {
      method: "GET",
      request: () => ({ path: "/reset-password/x", params: { token: "nosuchresettoken000000000" } }),
      expect: everyone(404),
    },
    {
      method: "POST",
      request: () => ({
        path: "/reset-password/x",
        params: { token: "nosuchresettoken000000000" },
        form: { newPassword: "a long new password" },
      }),
      expect: everyone(404),
    },
  ],
  "verify-email.$token.tsx": [
    {
      method: "GET",
      request: () => ({ path: "/verify-email/x", params: { token: "nosuchverifytoken00000000" } }),
      expect: everyone(404),
    },
    {
      method: "POST",
      request: () => ({ path: "/verify-email/x", params: { token: "nosuchverifytoken00000000" } }),
      expect: everyone(404),
    },
  ],
  "sign-in_.two-factor.tsx": [
    // Without the password step's cookie there is nothing to finish: back to the sign-in page.
    { method: "GET", request: () => ({ path: "/sign-in/two-factor" }), expect: everyone(302) },
    {
      method: "POST",
      request: () => ({ path: "/sign-in/two-factor", form: { code: "123456" } }),
      expect: everyone(302),
    },
  ],
  "locale.tsx": [
    { method: "GET", request: () => ({ path: "/locale" }), expect: members(302, 302, 302) },
    {
      method: "POST",
      request: () => ({ path: "/locale", form: { locale: "fr", redirectTo: "/sign-in" } }),
      expect: members(302, 302, 302),
    },
  ],
  "workspaces.tsx": [
    { method: "GET", request: () => ({ path: "/workspaces" }), expect: members(200, 200) },
    {
      method: "POST",
      request: () => ({ path: "/workspaces", form: { name: "" } }),
      expect: members(400, 400),
    },
  ],
  "w.$workspaceId.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: `/w/${team.workspace.id}`, params: ws(team) }),
      expect: members(200),
    },
  ],
  "w.$workspaceId._index.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: `/w/${team.workspace.id}`, params: ws(team) }),
      expect: members(302),
    },
  ],
  "w.$workspaceId.cases._index.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: `/w/${team.workspace.id}/cases`, params: ws(team) }),
      expect: members(200),
    },
  ],
  "w.$workspaceId.cases.new.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: `/w/${team.workspace.id}/cases/new`, params: ws(team) }),
      expect: writers(200),
    },
    {
      method: "POST",
      request: (team) => ({ path: `/w/${team.workspace.id}/cases/new`, params: ws(team), form: caseFields }),
      expect: writers(302),
    },
  ],
  "w.$workspaceId.cases.$caseId.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/case", params: { ...ws(team), caseId: team.caseStudy.id } }),
      expect: members(200),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/case",
        params: { ...ws(team), caseId: freshCase(team) },
        form: { intent: "trash" },
      }),
      expect: writers(302),
    },
    // Comment threads (ADR 0005): the case body is never changed; trainers do not comment.
    {
      method: "POST",
      request: (team) => ({
        path: "/case",
        params: { ...ws(team), caseId: team.caseStudy.id },
        form: {
          intent: "thread.create",
          exact: "Context",
          prefix: "",
          suffix: "Actors",
          start: "0",
          end: "7",
          body: "Note",
        },
      }),
      expect: { owner: 200, editor: 200, reviewer: 200, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      // A comment on a dated event (ADR 0013): those who comment on passages comment on events.
      method: "POST",
      request: (team) => {
        const { caseId, eventId } = caseWithEvent(team);
        return {
          path: "/case",
          params: { ...ws(team), caseId },
          form: { intent: "event.comment", eventId, body: "Date?" },
        };
      },
      expect: { owner: 200, editor: 200, reviewer: 200, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      // The thread is the reviewer's: the editor (not its author) may reply but not resolve it.
      method: "POST",
      request: (team) => ({
        path: "/case",
        params: { ...ws(team), caseId: team.caseStudy.id },
        form: {
          intent: "thread.resolve",
          threadId: threadOn(team.people.reviewer.member, team.caseStudy.id),
        },
      }),
      expect: { owner: 200, editor: 403, reviewer: 200, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/case",
        params: { ...ws(team), caseId: team.caseStudy.id },
        form: {
          intent: "comment.reply",
          threadId: threadOn(team.people.reviewer.member, team.caseStudy.id),
          body: "Reply",
        },
      }),
      expect: { owner: 200, editor: 200, reviewer: 200, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      // Another workspace's thread, by id, through this workspace's case: not found.
      method: "POST",
      request: (team) => ({
        path: "/case",
        params: { ...ws(team), caseId: team.caseStudy.id },
        form: {
          intent: "comment.reply",
          threadId: threadOn(team.outsider.member, team.otherCase.id),
          body: "Reply",
        },
      }),
      expect: { owner: 404, editor: 404, reviewer: 404, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      // Only a comment's author edits or deletes it, owners included.
      method: "POST",
      request: (team) => ({
        path: "/case",
        params: { ...ws(team), caseId: team.caseStudy.id },
        form: { intent: "comment.edit", commentId: reviewersComment(team), body: "Edited" },
      }),
      expect: { owner: 403, editor: 403, reviewer: 200, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/case",
        params: { ...ws(team), caseId: team.caseStudy.id },
        form: { intent: "comment.delete", commentId: reviewersComment(team) },
      }),
      expect: { owner: 403, editor: 403, reviewer: 200, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      // The editor's own resolved thread: they, reviewers and owners may reopen it.
      method: "POST",
      request: (team) => {
        const threadId = threadOn(team.people.editor.member, team.caseStudy.id);
        setThreadStatus(team.people.editor.member, team.caseStudy.id, threadId, "resolved");
        return {
          path: "/case",
          params: { ...ws(team), caseId: team.caseStudy.id },
          form: { intent: "thread.reopen", threadId },
        };
      },
      expect: { owner: 200, editor: 200, reviewer: 200, trainer: 403, outsider: 404, anonymous: 302 },
    },
  ],
  "w.$workspaceId.cases.$caseId_.events.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/events", params: { ...ws(team), caseId: team.caseStudy.id } }),
      expect: writers(200),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/events",
        params: { ...ws(team), caseId: freshCase(team) },
        form: { intent: "event.save", title: "Exploratory talks", start: "2012-03", end: "", wording: "" },
      }),
      expect: writers(302),
    },
    {
      // An end before the start: refused next to the field, nothing stored.
      method: "POST",
      request: (team) => ({
        path: "/events",
        params: { ...ws(team), caseId: freshCase(team) },
        form: { intent: "event.save", title: "Talks", start: "2015", end: "2012", wording: "" },
      }),
      expect: writers(400),
    },
    {
      method: "POST",
      request: (team) => {
        const { caseId, eventId } = caseWithEvent(team);
        return {
          path: "/events",
          params: { ...ws(team), caseId },
          form: { intent: "event.delete", eventId },
        };
      },
      expect: writers(302),
    },
  ],
  "w.$workspaceId.cases.$caseId_.links.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/links", params: { ...ws(team), caseId: team.caseStudy.id } }),
      expect: writers(200),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/links",
        params: { ...ws(team), caseId: freshCase(team) },
        form: { intent: "link.add", targetId: team.caseStudy.id, kind: "same_conflict", note: "" },
      }),
      expect: writers(302),
    },
    {
      // A case of another workspace, by id: the same refusal as an unknown case.
      method: "POST",
      request: (team) => ({
        path: "/links",
        params: { ...ws(team), caseId: freshCase(team) },
        form: { intent: "link.add", targetId: team.otherCase.id, kind: "influenced", note: "" },
      }),
      expect: writers(400),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/links",
        params: { ...ws(team), caseId: freshCase(team) },
        form: { intent: "link.remove", linkId: "nosuchlink0000" },
      }),
      expect: writers(404),
    },
  ],
  "w.$workspaceId.timeline.tsx": [
    { method: "GET", request: (team) => ({ path: "/timeline", params: ws(team) }), expect: members(200) },
    {
      // A comparison set of this workspace on the timeline; another workspace's set is a 404 (below).
      method: "GET",
      request: (team) => ({ path: `/timeline?set=${freshSet(team)}`, params: ws(team) }),
      expect: members(200),
    },
  ],
  "w.$workspaceId.actors._index.tsx": [
    { method: "GET", request: (team) => ({ path: "/actors", params: ws(team) }), expect: members(200) },
    {
      method: "POST",
      request: (team) => ({
        path: "/actors",
        params: ws(team),
        form: { intent: "actor.create", name: `New entry ${Math.random()}`, kind: "person" },
      }),
      expect: writers(302),
    },
  ],
  "w.$workspaceId.actors.$actorId.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/actor", params: { ...ws(team), actorId: freshActor(team) } }),
      expect: members(200),
    },
    ...(
      [
        ["actor.update", () => ({ name: `Renamed ${Math.random()}`, kind: "organisation" }), 302],
        ["name.add", () => ({ alias: `Alias ${Math.random()}`, language: "ar" }), 302],
        ["name.remove", () => ({ nameId: "999999999" }), 404],
        ["affiliation.add", () => ({ groupId: "" }), 400],
        ["affiliation.remove", () => ({ affiliationId: "nosuchaffil000" }), 404],
        ["actor.merge", () => ({ targetId: "" }), 400],
        ["actor.delete", () => ({}), 302],
      ] as const
    ).map(
      ([intent, form, status]): Check => ({
        method: "POST",
        request: (team) => ({
          path: "/actor",
          params: { ...ws(team), actorId: freshActor(team) },
          form: { intent, ...form() },
        }),
        expect: writers(status),
      }),
    ),
  ],
  "w.$workspaceId.mediators.tsx": [
    { method: "GET", request: (team) => ({ path: "/mediators", params: ws(team) }), expect: members(200) },
  ],
  "w.$workspaceId.cases.$caseId_.details.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/details", params: { ...ws(team), caseId: team.caseStudy.id } }),
      expect: writers(200),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/details",
        params: { ...ws(team), caseId: freshCase(team) },
        form: { ...caseFields, revision: "1" },
      }),
      expect: writers(302),
    },
    {
      // Marking a case confidential (ADR 0008): owners and editors.
      method: "POST",
      request: (team) => ({
        path: "/details",
        params: { ...ws(team), caseId: freshCase(team) },
        form: { intent: "confidentiality", confidential: "on" },
      }),
      expect: writers(302),
    },
  ],
  "w.$workspaceId.trash.tsx": [
    { method: "GET", request: (team) => ({ path: "/trash", params: ws(team) }), expect: writers(200) },
    {
      method: "POST",
      request: (team) => {
        const caseId = freshCase(team);
        trashCase(team.people.editor.member, caseId);
        return { path: "/trash", params: ws(team), form: { intent: "restore", caseId } };
      },
      expect: writers(302),
    },
  ],
  "w.$workspaceId.members.tsx": [
    { method: "GET", request: (team) => ({ path: "/members", params: ws(team) }), expect: members(200) },
    {
      method: "POST",
      request: (team) => ({ path: "/members", params: ws(team), form: { intent: "invite", role: "editor" } }),
      expect: { owner: 200, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/members",
        params: ws(team),
        form: { intent: "revoke", inviteId: createInvite(team.people.owner.member, "editor").id },
      }),
      expect: { owner: 302, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      method: "POST",
      request: async (team) => ({
        path: "/members",
        params: ws(team),
        form: { intent: "role", userId: await freshMember(team), role: "owner" },
      }),
      expect: { owner: 302, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      method: "POST",
      request: async (team) => ({
        path: "/members",
        params: ws(team),
        form: { intent: "remove", userId: await freshMember(team) },
      }),
      expect: { owner: 302, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/members",
        params: ws(team),
        form: { intent: "sendInvite", role: "reviewer", email: "colleague@example.test" },
      }),
      expect: { owner: 302, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      // Anyone may leave (the walk's workspace has other owners by now; the last owner's refusal is in
      // accounts.test.ts); each caller is put back before the next one.
      method: "POST",
      request: (team) => {
        restoreTeam(team);
        return { path: "/members", params: ws(team), form: { intent: "leave" } };
      },
      expect: { owner: 302, editor: 302, reviewer: 302, trainer: 302, outsider: 404, anonymous: 302 },
    },
    {
      // A person of another workspace cannot be given a role here, nor removed from there.
      method: "POST",
      request: (team) => ({
        path: "/members",
        params: ws(team),
        form: { intent: "role", userId: team.outsider.id, role: "editor" },
      }),
      expect: { owner: 404, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
  ],
  "w.$workspaceId.settings.tsx": [
    { method: "GET", request: (team) => ({ path: "/settings", params: ws(team) }), expect: owners(200) },
    {
      method: "POST",
      request: (team) => ({
        path: "/settings",
        params: ws(team),
        form: { intent: "settings", name: "Team workspace", defaultLocale: "", reviewBySomeoneElse: "on" },
      }),
      expect: owners(302),
    },
    {
      // Not requiring two-factor sign-in (the owner could not require it without using it).
      method: "POST",
      request: (team) => ({ path: "/settings", params: ws(team), form: { intent: "twoFactor" } }),
      expect: owners(302),
    },
  ],
  "w.$workspaceId.mail.tsx": [
    { method: "GET", request: (team) => ({ path: "/mail", params: ws(team) }), expect: owners(200) },
    {
      method: "POST",
      request: (team) => ({ path: "/mail", params: ws(team), form: { intent: "retry", mailId: "999999" } }),
      expect: owners(404),
    },
  ],
  "w.$workspaceId.members_.$userId.export.tsx": [
    {
      method: "GET",
      request: (team) => ({
        path: "/members/x/export",
        params: { ...ws(team), userId: team.people.editor.id },
      }),
      expect: owners(200),
    },
    {
      // Someone of another workspace: not found, even for the owner.
      method: "GET",
      request: (team) => ({
        path: "/members/x/export",
        params: { ...ws(team), userId: team.outsider.id },
      }),
      expect: owners(404),
    },
  ],
  "w.$workspaceId.variants.tsx": [
    { method: "GET", request: (team) => ({ path: "/variants", params: ws(team) }), expect: members(200) },
    {
      method: "POST",
      request: (team) => ({
        path: "/variants",
        params: ws(team),
        form: { intent: "save", groupId: "", spellings: `Qaeda ${Math.random()}\nQaida ${Math.random()}` },
      }),
      expect: { owner: 302, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/variants",
        params: ws(team),
        form: {
          intent: "delete",
          groupId: saveVariantGroup(team.people.owner.member, null, {
            spellings: [`Bamako ${Math.random()}`, `Bamakó ${Math.random()}`],
          }).id,
        },
      }),
      expect: { owner: 302, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
  ],
  "w.$workspaceId.sources._index.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: `/w/${team.workspace.id}/sources?q=report`, params: ws(team) }),
      expect: members(200),
    },
    {
      // The workspace's citation style: owners only.
      method: "POST",
      request: (team) => ({
        path: "/sources",
        params: ws(team),
        form: { intent: "citationStyle", style: "apa" },
      }),
      expect: { owner: 302, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
  ],
  "w.$workspaceId.import.word.tsx": [
    { method: "GET", request: (team) => ({ path: "/import/word", params: ws(team) }), expect: writers(200) },
    {
      method: "POST",
      request: (team) => ({ path: "/import/word", params: ws(team), form: { regions: "Mali" } }),
      expect: writers(400),
    },
  ],
  "w.$workspaceId.sources.new.tsx": [
    { method: "GET", request: (team) => ({ path: "/sources/new", params: ws(team) }), expect: writers(200) },
    {
      method: "POST",
      request: (team) => ({
        path: "/sources/new",
        params: ws(team),
        form: { type: "report", title: "A report" },
      }),
      expect: writers(302),
    },
  ],
  "w.$workspaceId.sources.$sourceId.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/source", params: { ...ws(team), sourceId: freshSource(team) } }),
      expect: members(200),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/source",
        params: { ...ws(team), sourceId: freshSource(team) },
        form: { intent: "update", type: "book", title: "Renamed" },
      }),
      expect: writers(302),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/source",
        params: { ...ws(team), sourceId: freshSource(team) },
        form: { intent: "delete", confirm: "yes" },
      }),
      expect: writers(302),
    },
  ],
  "w.$workspaceId.sources.import.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/sources/import", params: ws(team) }),
      expect: writers(200),
    },
    {
      method: "POST",
      request: (team) => ({ path: "/sources/import", params: ws(team), form: { file: "" } }),
      expect: writers(400),
    },
  ],
  "w.$workspaceId.sources.export.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/sources/export?format=bib", params: ws(team) }),
      expect: members(200),
    },
  ],
  "w.$workspaceId.cases.$caseId_.history.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/history", params: { ...ws(team), caseId: team.caseStudy.id } }),
      expect: members(200),
    },
    {
      method: "POST",
      request: (team) => {
        const caseId = freshCase(team);
        updateCaseFields(team.people.editor.member, caseId, 1, { ...sampleFields, title: "Renamed" });
        return {
          path: "/history",
          params: { ...ws(team), caseId },
          form: { intent: "restore", number: "1", revision: "2" },
        };
      },
      expect: writers(302),
    },
  ],
  "w.$workspaceId.cases.$caseId_.conditions.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/conditions", params: { ...ws(team), caseId: team.caseStudy.id } }),
      expect: members(200),
    },
    {
      // The role is checked before the form is read: writers get 400 for this empty form, others 403/404.
      method: "POST",
      request: (team) => ({
        path: "/conditions",
        params: { ...ws(team), caseId: freshCase(team) },
        form: {},
      }),
      expect: writers(400),
    },
    {
      method: "POST",
      request: (team) => {
        const codeId = freshCode(team, "precondition");
        return {
          path: "/conditions",
          params: { ...ws(team), caseId: freshCase(team) },
          form: {
            code: codeId,
            [`value:${codeId}`]: "present",
            [`note:${codeId}`]: "",
            [`seen:${codeId}`]: "0",
          },
        };
      },
      expect: writers(302),
    },
  ],
  "w.$workspaceId.codebook.tsx": [
    { method: "GET", request: (team) => ({ path: "/codebook", params: ws(team) }), expect: members(200) },
    {
      method: "POST",
      request: (team) => ({
        path: "/codebook",
        params: ws(team),
        form: { intent: "create", kind: "outcome", label: `Check ${Math.random()}`, color: "#2563eb" },
      }),
      expect: writers(302),
    },
    {
      method: "POST",
      request: (team) => ({ path: "/codebook", params: ws(team), form: { intent: "starter" } }),
      expect: writers(302),
    },
  ],
  "w.$workspaceId.codebook.$codeId.tsx": [
    {
      method: "GET",
      request: (team) => {
        const { id } = createCode(team.people.owner.member, {
          kind: "outcome",
          label: `Read check ${Math.random()}`,
          description: "",
          color: "#2563eb",
          parentId: null,
        });
        return { path: "/code", params: { ...ws(team), codeId: id } };
      },
      expect: members(200),
    },
    {
      method: "POST",
      request: (team) => {
        const { id } = createCode(team.people.owner.member, {
          kind: "outcome",
          label: `Write check ${Math.random()}`,
          description: "",
          color: "#2563eb",
          parentId: null,
        });
        return {
          path: "/code",
          params: { ...ws(team), codeId: id },
          form: { intent: "update", kind: "outcome", label: `Renamed ${Math.random()}`, color: "#dc2626" },
        };
      },
      expect: writers(302),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/code",
        params: { ...ws(team), codeId: freshCode(team) },
        form: { intent: "merge", targetId: freshCode(team) },
      }),
      expect: writers(302),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/code",
        params: { ...ws(team), codeId: freshCode(team) },
        form: { intent: "delete", confirm: "yes", expectedTags: "0" },
      }),
      expect: writers(302),
    },
    {
      // A passage that is not tagged with the code: refused as an example.
      method: "POST",
      request: (team) => ({
        path: "/code",
        params: { ...ws(team), codeId: freshCode(team) },
        form: { intent: "example.set", caseId: team.caseStudy.id, quote: "Not tagged" },
      }),
      expect: writers(400),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/code",
        params: { ...ws(team), codeId: freshCode(team) },
        form: { intent: "example.clear" },
      }),
      expect: writers(302),
    },
  ],
  "w.$workspaceId.cases.$caseId_.edit.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/edit", params: { ...ws(team), caseId: team.caseStudy.id } }),
      expect: writers(200),
    },
    {
      // Text saves post JSON (tests/integration/editor-save.test.ts); the form intent creates a source.
      method: "POST",
      request: (team) => ({
        path: "/edit",
        params: { ...ws(team), caseId: team.caseStudy.id },
        form: { intent: "createSource", title: "Authorization walk source", type: "report" },
      }),
      expect: writers(200),
    },
  ],
  "w.$workspaceId.compare.tsx": [
    {
      method: "GET",
      request: (team) => ({
        path: `/compare?case=${team.caseStudy.id}&case=${freshCase(team)}`,
        params: ws(team),
      }),
      // Trainers see the approved case only: 200 with "fewer than two" explained, not an error.
      expect: members(200),
    },
    {
      method: "POST",
      request: (team) => ({ path: "/compare", params: ws(team) }),
      expect: members(405, 405, 405),
    },
  ],
  "w.$workspaceId.matrix.tsx": [
    { method: "GET", request: (team) => ({ path: "/matrix", params: ws(team) }), expect: members(200) },
    {
      method: "POST",
      request: (team) => ({
        path: "/matrix",
        params: ws(team),
        form: { intent: "save-set", name: "Auth set" },
      }),
      expect: members(302),
    },
  ],
  "w.$workspaceId.matrix_.cell.tsx": [
    {
      method: "GET",
      request: (team) => ({
        path: `/matrix/cell?at=${team.caseStudy.id}.${freshCode(team)}`,
        params: ws(team),
      }),
      expect: members(200),
    },
  ],
  "w.$workspaceId.matrix_.evidence.tsx": [
    {
      method: "GET",
      request: (team) => ({
        path: `/matrix/evidence?at=${team.caseStudy.id}.${freshCode(team)}`,
        params: ws(team),
      }),
      expect: members(200),
    },
  ],
  "w.$workspaceId.matrix.export.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/matrix/export?format=csv", params: ws(team) }),
      expect: members(200),
    },
  ],
  "w.$workspaceId.comparisons._index.tsx": [
    { method: "GET", request: (team) => ({ path: "/comparisons", params: ws(team) }), expect: members(200) },
    {
      method: "POST",
      request: (team) => ({
        path: "/comparisons",
        params: ws(team),
        form: { intent: "create", name: "Auth set", view: "matrix", case: team.caseStudy.id },
      }),
      expect: members(302),
    },
  ],
  "w.$workspaceId.comparisons.$setId.tsx": [
    {
      method: "GET",
      request: (team) => {
        const set = freshSet(team);
        return { path: `/comparisons/${set}`, params: { ...ws(team), setId: set } };
      },
      expect: members(200),
    },
    {
      // Only the set's creator (here the editor) or an owner may change it.
      method: "POST",
      request: (team) => {
        const set = freshSet(team);
        return {
          path: `/comparisons/${set}`,
          params: { ...ws(team), setId: set },
          form: { intent: "rename", name: "Renamed" },
        };
      },
      expect: { owner: 302, editor: 302, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      method: "POST",
      request: (team) => {
        const set = freshSet(team);
        return {
          path: `/comparisons/${set}`,
          params: { ...ws(team), setId: set },
          form: { intent: "delete", confirm: "yes" },
        };
      },
      expect: { owner: 302, editor: 302, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
  ],
  "w.$workspaceId.cases.$caseId_.review.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/review", params: { ...ws(team), caseId: team.caseStudy.id } }),
      expect: members(200),
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/review",
        params: { ...ws(team), caseId: freshCase(team) },
        form: { intent: "submit", reviewerIds: team.people.reviewer.id },
      }),
      expect: writers(302),
    },
    {
      method: "POST",
      request: (team) => {
        const caseId = freshCase(team);
        submitForReview(team.people.editor.member, caseId, { reviewerIds: [team.people.reviewer.id] });
        return {
          path: "/review",
          params: { ...ws(team), caseId },
          form: { intent: "approve", revision: "1" },
        };
      },
      expect: { owner: 302, editor: 403, reviewer: 302, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      method: "POST",
      request: (team) => ({
        path: "/review",
        params: { ...ws(team), caseId: submittedCase(team) },
        form: { intent: "request_changes", revision: "1", note: "Name the second meeting's venue." },
      }),
      expect: { owner: 302, editor: 403, reviewer: 302, trainer: 403, outsider: 404, anonymous: 302 },
    },
    {
      // Submitted by the editor: they or an owner may withdraw it.
      method: "POST",
      request: (team) => ({
        path: "/review",
        params: { ...ws(team), caseId: submittedCase(team) },
        form: { intent: "withdraw" },
      }),
      expect: { owner: 302, editor: 302, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
  ],
  "w.$workspaceId.cases.$caseId_.activity.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/activity", params: { ...ws(team), caseId: team.caseStudy.id } }),
      expect: { ...members(200), trainer: 403 },
    },
  ],
  "w.$workspaceId.reviews.tsx": [
    { method: "GET", request: (team) => ({ path: "/reviews", params: ws(team) }), expect: members(200) },
  ],
  "w.$workspaceId.notifications.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/notifications", params: ws(team) }),
      expect: members(200),
    },
    {
      method: "POST",
      request: (team) => ({ path: "/notifications", params: ws(team), form: { intent: "read-all" } }),
      expect: members(302),
    },
    {
      // One's own notification only: someone else's is not found.
      method: "POST",
      request: (team) => ({
        path: "/notifications",
        params: ws(team),
        form: { intent: "read", id: reviewersNotification(team) },
      }),
      expect: { owner: 404, editor: 404, reviewer: 200, trainer: 404, outsider: 404, anonymous: 302 },
    },
  ],
  "w.$workspaceId.audit.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: "/audit", params: ws(team) }),
      expect: { owner: 200, editor: 403, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
  ],
  "w.$workspaceId.cases.$caseId_.export.tsx": [
    {
      method: "GET",
      request: (team) => ({
        path: "/export?format=md",
        params: { ...ws(team), caseId: team.caseStudy.id },
      }),
      expect: members(200),
    },
  ],
  "w.$workspaceId.export.tsx": [
    { method: "GET", request: (team) => ({ path: "/export", params: ws(team) }), expect: members(200) },
    // Owners and editors export the whole workspace (it holds every draft and the review discussion).
    { method: "POST", request: (team) => ({ path: "/export", params: ws(team) }), expect: writers(302) },
  ],
  "w.$workspaceId.export_.$jobId.tsx": [
    {
      // Someone's finished export only answers to them; an unknown one is a 404.
      method: "GET",
      request: (team) => ({ path: "/export/x", params: { ...ws(team), jobId: "unknownjob12345" } }),
      expect: { owner: 404, editor: 404, reviewer: 403, trainer: 403, outsider: 404, anonymous: 302 },
    },
  ],
  "workspaces_.import.tsx": [
    { method: "GET", request: () => ({ path: "/workspaces/import" }), expect: members(200, 200) },
    {
      method: "POST",
      request: () => ({ path: "/workspaces/import", form: { file: "" } }),
      expect: members(400, 400),
    },
  ],
  // Answers only on a server started with BENCH=1 (npm run bench); tests run without it.
  "bench.bare.ts": [
    { method: "GET", request: () => ({ path: "/bench/bare" }), expect: members(404, 404, 404) },
    { method: "POST", request: () => ({ path: "/bench/bare" }), expect: members(405, 405, 405) },
  ],
  "invite.$token.tsx": [
    {
      method: "GET",
      request: (team) => {
        const { token } = createInvite(team.people.owner.member, "reviewer");
        return { path: `/invite/${token}`, params: { token } };
      },
      expect: members(200, 200, 200),
    },
    {
      method: "POST",
      request: (team) => {
        const { token } = createInvite(team.people.owner.member, "reviewer");
        return { path: `/invite/${token}`, params: { token } };
      },
      expect: members(302, 302, 302),
    },
    {
      // "Send the confirmation link again" (the team's addresses are confirmed: nothing is sent).
      method: "POST",
      request: (team) => {
        const { token } = createInvite(team.people.owner.member, "reviewer");
        return { path: `/invite/${token}`, params: { token }, form: { intent: "resend" } };
      },
      expect: members(302, 302, 302),
    },
  ],
};

const routeSources = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>("../../app/routes/*.{ts,tsx}", {
      query: "?raw",
      import: "default",
      eager: true,
    }),
  ).map(([path, source]) => [path.split("/").pop()!, source]),
);
const routeFiles = Object.keys(routeSources);

/**
 * The actions a route's forms may ask for, read from its source: `intent === "x"`, `intent: z.literal("x")`,
 * `intent: z.enum([...])`, and the cases of a `switch (….intent)`. A new intent without a check fails below.
 */
function intentsOf(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/intent["')]*\s*[!=]==\s*"([^"]+)"/g)) found.add(match[1]);
  for (const match of source.matchAll(/intent:\s*z\.literal\("([^"]+)"\)/g)) found.add(match[1]);
  for (const match of source.matchAll(/intent:\s*z\.enum\(\[([^\]]*)\]/g))
    for (const value of match[1].matchAll(/"([^"]+)"/g)) found.add(value[1]);
  if (/switch\s*\([\w.]*intent\)/.test(source))
    for (const match of source.matchAll(/case\s+"([^"]+)":/g)) found.add(match[1]);
  return [...found].sort();
}

let team: Team;
beforeAll(async () => {
  team = await makeTeam();
});

async function cookieFor(who: Who, ownSession = false) {
  if (who === "anonymous") return undefined;
  const person = who === "outsider" ? team.outsider : team.people[who];
  return ownSession ? sessionCookie(person.id) : person.cookie;
}

describe("authorization", () => {
  it("has an entry for every route file", () => {
    expect(routeFiles.length).toBeGreaterThan(10);
    const missing = routeFiles.filter((file) => !(file in ROUTES));
    expect(missing, "Add these routes to ROUTES in tests/integration/authorization.test.ts").toEqual([]);
  });

  it("checks every loader, every action and every intent of every action", async () => {
    const uncovered: string[] = [];
    for (const [file, source] of Object.entries(routeSources)) {
      const checks = ROUTES[file] ?? [];
      const methods = new Set(checks.map((check) => check.method));
      if (/export (async )?function loader\b|export const loader\b/.test(source) && !methods.has("GET"))
        uncovered.push(`${file}: GET`);
      if (/export (async )?function action\b|export const action\b/.test(source) && !methods.has("POST"))
        uncovered.push(`${file}: POST`);
      const checked = new Set<string>();
      for (const check of checks.filter((c) => c.method === "POST")) {
        const intent = (await check.request(team)).form?.intent;
        if (intent) checked.add(intent);
      }
      for (const intent of intentsOf(source)) if (!checked.has(intent)) uncovered.push(`${file}: ${intent}`);
    }
    expect(intentsOf(routeSources["w.$workspaceId.members.tsx"])).toEqual([
      "invite",
      "leave",
      "remove",
      "revoke",
      "role",
      "sendInvite",
    ]);
    expect(uncovered, "Add a check for each of these to ROUTES").toEqual([]);
  });

  for (const [file, checks] of Object.entries(ROUTES)) {
    for (const check of checks) {
      it(`${check.method} ${file}`, async () => {
        const route = await import(`../../app/routes/${file.replace(/\.tsx?$/, "")}.tsx`).catch(
          () => import(`../../app/routes/${file.replace(/\.tsx?$/, "")}.ts`),
        );
        const seen: Partial<Record<Who, number>> = {};
        for (const who of EVERYONE) {
          const request = await check.request(team);
          const result = await callRoute(route, {
            method: check.method,
            cookie: await cookieFor(who, check.ownSession),
            ...request,
          });
          seen[who] = result.status;
        }
        expect(seen).toEqual(check.expect);
      });
    }
  }

  it("answers 404 for a case of another workspace, even to its owner's colleagues", async () => {
    const route = await import("../../app/routes/w.$workspaceId.cases.$caseId");
    for (const who of ["owner", "editor", "reviewer", "trainer"] as const) {
      const result = await callRoute(route, {
        path: "/case",
        cookie: team.people[who].cookie,
        params: { workspaceId: team.workspace.id, caseId: team.otherCase.id },
      });
      expect(result.status).toBe(404);
    }
    const viaOwnWorkspace = await callRoute(route, {
      path: "/case",
      cookie: team.outsider.cookie,
      params: { workspaceId: team.otherWorkspace.id, caseId: team.caseStudy.id },
    });
    expect(viaOwnWorkspace.status).toBe(404);
  });

  describe("a confidential case (ADR 0008)", () => {
    const SECRET = "Confidential channel via the cousin";
    /** Approved (so trainers could read it), marked confidential, with only the editor listed. */
    const confidentialCase = () => {
      const { id } = createCase(team.people.editor.member, { ...sampleFields, title: SECRET });
      const codeId = freshCode(team, "precondition");
      saveCaseBody(team.people.editor.member, id, {
        baseRevision: 1,
        doc: {
          type: "doc",
          content: [
            { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Context" }] },
            {
              type: "paragraph",
              content: [{ type: "text", text: SECRET, marks: [{ type: "tag", attrs: { codeId } }] }],
            },
          ],
        },
      });
      db.update(cases).set({ status: "approved", approvedRevision: 2 }).where(eq(cases.id, id)).run();
      setCaseConfidentiality(team.people.editor.member, id, { confidential: true, userIds: [] });
      return { id, codeId };
    };
    const caseRoutes = Object.entries(ROUTES).filter(([file]) => file.includes("$caseId"));
    const notListed = ["reviewer", "trainer"] as const;

    it("is a 404 on every route that takes a case id, for members who are not listed", async () => {
      expect(caseRoutes.length).toBeGreaterThanOrEqual(8);
      const problems: string[] = [];
      for (const [file, checks] of caseRoutes) {
        const route = await import(`../../app/routes/${file.replace(/\.tsx?$/, "")}.tsx`);
        for (const check of checks) {
          for (const who of notListed) {
            const secret = confidentialCase();
            const request = await check.request(team);
            const call = (caseId: string) =>
              callRoute(route, {
                method: check.method,
                cookie: team.people[who].cookie,
                ...request,
                params: { ...request.params, caseId },
              });
            const onSecret = (await call(secret.id)).status;
            // Exactly what an id that does not exist gets: nothing tells the two apart.
            const onNothing = (await call("nosuchcase0000")).status;
            if (onSecret !== onNothing)
              problems.push(`${check.method} ${file} ${who}: ${onSecret} ≠ ${onNothing}`);
            // A role that may not use the page at all is refused first (403), whatever the case.
            const expected = check.expect[who] === 403 ? 403 : 404;
            if (check.method === "GET" && onSecret !== expected)
              problems.push(`GET ${file} ${who}: ${onSecret}, expected ${expected}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it("is a 404 in a matrix cell's page and evidence, for members who are not listed", async () => {
      const problems: string[] = [];
      for (const file of ["w.$workspaceId.matrix_.cell", "w.$workspaceId.matrix_.evidence"]) {
        const route = await import(`../../app/routes/${file}.tsx`);
        const secret = confidentialCase();
        const call = (who: "reviewer" | "trainer" | "owner" | "editor", caseId: string) =>
          callRoute(route, {
            cookie: team.people[who].cookie,
            path: `/matrix/cell?at=${caseId}.${secret.codeId}`,
            params: ws(team),
          });
        for (const who of notListed) {
          const onSecret = await call(who, secret.id);
          const onNothing = await call(who, "nosuchcase0000");
          if (onSecret.status !== 404 || onNothing.status !== 404)
            problems.push(`${file} ${who}: ${onSecret.status}, nothing: ${onNothing.status}`);
          if (JSON.stringify(onSecret.body ?? "").includes(SECRET)) problems.push(`${file} ${who}: leaks`);
        }
        for (const who of ["owner", "editor"] as const) {
          const result = await call(who, secret.id);
          if (result.status !== 200) problems.push(`${file} ${who}: ${result.status}, expected 200`);
        }
      }
      expect(problems).toEqual([]);
    });

    it("opens as usual for the listed member and for owners", async () => {
      const problems: string[] = [];
      for (const [file, checks] of caseRoutes) {
        const route = await import(`../../app/routes/${file.replace(/\.tsx?$/, "")}.tsx`);
        for (const check of checks.filter((c) => c.method === "GET")) {
          for (const who of ["owner", "editor"] as const) {
            const secret = confidentialCase();
            const request = await check.request(team);
            const result = await callRoute(route, {
              method: "GET",
              cookie: team.people[who].cookie,
              ...request,
              params: { ...request.params, caseId: secret.id },
            });
            if (result.status !== check.expect[who])
              problems.push(`GET ${file} ${who}: ${result.status}, expected ${check.expect[who]}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it("keeps its names, events and links off the registry, the timelines and other cases' pages", async () => {
      const secret = confidentialCase();
      const NAME = "Kassim the cousin";
      const MEDIATOR = "Yaya of the channel";
      updateCaseFields(team.people.editor.member, secret.id, 2, {
        ...sampleFields,
        title: SECRET,
        actors: [NAME],
        mediators: [MEDIATOR],
      });
      saveEvent(team.people.editor.member, secret.id, {
        event: {
          title: `${SECRET} meeting`,
          start: { year: 2019 },
          end: null,
          circa: false,
          wording: "",
          description: "",
          actors: [NAME],
          codeIds: [],
          citations: [],
        },
      });
      addCaseLink(team.people.editor.member, secret.id, {
        targetId: team.caseStudy.id,
        kind: "same_conflict",
        note: "",
      });
      const entry = listActors(team.people.owner.member).find((item) => item.name === NAME)!;
      expect(entry).toBeTruthy();
      const pages: Array<[string, RouteRequest]> = [
        ["w.$workspaceId.timeline", { path: "/timeline", params: ws(team) }],
        ["w.$workspaceId.timeline", { path: `/timeline?linked=${team.caseStudy.id}`, params: ws(team) }],
        ["w.$workspaceId.actors._index", { path: "/actors", params: ws(team) }],
        ["w.$workspaceId.actors._index", { path: "/actors?q=kassim", params: ws(team) }],
        ["w.$workspaceId.mediators", { path: "/mediators", params: ws(team) }],
        ["w.$workspaceId.cases._index", { path: `/cases?linked=${team.caseStudy.id}`, params: ws(team) }],
        [
          "w.$workspaceId.cases.$caseId",
          { path: "/case", params: { ...ws(team), caseId: team.caseStudy.id } },
        ],
      ];
      for (const [file, request] of pages) {
        const route = await import(`../../app/routes/${file}.tsx`);
        for (const who of ["reviewer", "trainer", "owner"] as const) {
          const result = await callRoute(route, { cookie: team.people[who].cookie, ...request });
          expect(result.status, `${file} ${who}`).toBe(200);
          const text = JSON.stringify(result.body ?? "");
          const leaks = [SECRET, secret.id, NAME, MEDIATOR].filter((word) => text.includes(word));
          if (who === "owner") continue;
          expect(leaks, `${request.path} ${who}`).toEqual([]);
        }
      }
      const owners = await callRoute(await import("../../app/routes/w.$workspaceId.mediators"), {
        cookie: team.people.owner.cookie,
        path: "/mediators",
        params: ws(team),
      });
      expect(JSON.stringify(owners.body)).toContain(MEDIATOR);
      // The entry itself: a 404 to those who may not read the case that names it, like an unknown id.
      const actorPage = await import("../../app/routes/w.$workspaceId.actors.$actorId");
      for (const who of ["reviewer", "trainer", "owner", "editor"] as const) {
        const result = await callRoute(actorPage, {
          cookie: team.people[who].cookie,
          path: "/actor",
          params: { ...ws(team), actorId: entry.id },
        });
        expect(result.status, who).toBe(who === "owner" || who === "editor" ? 200 : 404);
      }
      // A link to it cannot be made by someone who may not see it: the same answer as an unknown case.
      const unknownTarget = await callRoute(
        await import("../../app/routes/w.$workspaceId.cases.$caseId_.links"),
        {
          method: "POST",
          cookie: team.people.owner.cookie,
          path: "/links",
          params: { ...ws(team), caseId: team.caseStudy.id },
          form: { intent: "link.add", targetId: "nosuchcase0000", kind: "contrasting" },
        },
      );
      expect(unknownTarget.status).toBe(400);
    });

    it("is not in any listing of a member who is not listed, and is in the owner's", async () => {
      const secret = confidentialCase();
      const sourceId = freshSource(team);
      const setId = createComparisonSet(team.people.editor.member, {
        name: "With the secret",
        view: "side",
        caseIds: [secret.id, team.caseStudy.id],
        codeIds: [],
        outcomeId: null,
        settings: {},
      }).id;
      notify(db, {
        userIds: [team.people.reviewer.id, team.people.owner.id],
        workspaceId: team.workspace.id,
        kind: "mentioned",
        actorId: team.people.editor.id,
        caseId: secret.id,
      });
      const listings: Array<[string, RouteRequest]> = [
        [
          "w.$workspaceId.cases._index",
          { path: `/cases?q=${encodeURIComponent("cousin")}`, params: ws(team) },
        ],
        ["w.$workspaceId.cases._index", { path: "/cases", params: ws(team) }],
        ["w.$workspaceId.matrix", { path: "/matrix", params: ws(team) }],
        [
          "w.$workspaceId.compare",
          { path: `/compare?case=${secret.id}&case=${team.caseStudy.id}`, params: ws(team) },
        ],
        ["w.$workspaceId.codebook", { path: "/codebook", params: ws(team) }],
        [
          "w.$workspaceId.codebook.$codeId",
          { path: "/code", params: { ...ws(team), codeId: secret.codeId } },
        ],
        ["w.$workspaceId.comparisons.$setId", { path: "/set", params: { ...ws(team), setId } }],
        ["w.$workspaceId.sources.$sourceId", { path: "/source", params: { ...ws(team), sourceId } }],
        ["w.$workspaceId.reviews", { path: "/reviews", params: ws(team) }],
        ["w.$workspaceId.notifications", { path: "/notifications", params: ws(team) }],
      ];
      const seen: Record<string, Record<string, boolean>> = {};
      for (const [file, request] of listings) {
        const route = await import(`../../app/routes/${file}.tsx`);
        for (const who of ["reviewer", "trainer", "owner"] as const) {
          const result = await callRoute(route, { cookie: team.people[who].cookie, ...request });
          expect(result.status, `${file} ${who}`).toBeLessThan(400);
          // A side-by-side set redirects to the comparison of its cases: the address counts too.
          const text = JSON.stringify(result.body ?? "") + (result.location ?? "");
          const key = `${file} ${request.path}`;
          seen[key] = { ...seen[key], [who]: text.includes(SECRET) || text.includes(secret.id) };
        }
      }
      for (const [listing, by] of Object.entries(seen)) {
        expect(by.reviewer, `${listing}: reviewer`).toBe(false);
        expect(by.trainer, `${listing}: trainer`).toBe(false);
      }
      // The owner sees it in the library, the matrix, the comparison, the code page and the set.
      for (const listing of [
        "w.$workspaceId.cases._index /cases",
        "w.$workspaceId.matrix /matrix",
        "w.$workspaceId.codebook.$codeId /code",
        "w.$workspaceId.comparisons.$setId /set",
        "w.$workspaceId.notifications /notifications",
      ])
        expect(seen[listing]?.owner, `${listing}: owner`).toBe(true);
    });
  });
});
