// Walks every route of the app for every role, for a member of another workspace and for a visitor
// who is not signed in. A route file without an entry in ROUTES fails the first test: add it here.
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, trashCase, updateCaseFields } from "~/models/cases.server";
import { createCode } from "~/models/codes.server";
import { createComparisonSet } from "~/models/comparison-sets.server";
import type { Role } from "~/models/domain";
import { submitForReview } from "~/models/reviews.server";
import { createSource } from "~/models/sources.server";
import { createThread } from "~/models/threads.server";
import { createInvite } from "~/models/workspaces.server";
import { makeTeam, sampleFields, sessionCookie } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Team = Awaited<ReturnType<typeof makeTeam>>;
type Who = "anonymous" | Role | "outsider";
const EVERYONE: Who[] = ["anonymous", "owner", "editor", "reviewer", "trainer", "outsider"];

type Check = {
  method: "GET" | "POST";
  /** Builds the request for one caller; may create fresh data so writes do not interfere. */
  request: (team: Team) => { path: string; params?: Record<string, string>; form?: Record<string, string> };
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
  ],
  "w.$workspaceId.sources._index.tsx": [
    {
      method: "GET",
      request: (team) => ({ path: `/w/${team.workspace.id}/sources?q=report`, params: ws(team) }),
      expect: members(200),
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
  ],
};

const routeFiles = Object.keys(import.meta.glob("../../app/routes/*.{ts,tsx}")).map(
  (path) => path.split("/").pop()!,
);

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

  for (const [file, checks] of Object.entries(ROUTES)) {
    for (const check of checks) {
      it(`${check.method} ${file}`, async () => {
        const route = await import(`../../app/routes/${file.replace(/\.tsx?$/, "")}.tsx`).catch(
          () => import(`../../app/routes/${file.replace(/\.tsx?$/, "")}.ts`),
        );
        const seen: Partial<Record<Who, number>> = {};
        for (const who of EVERYONE) {
          const request = check.request(team);
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
});
