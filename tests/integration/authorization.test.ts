// Walks every route of the app for every role, for a member of another workspace and for a visitor
// who is not signed in. A route file without an entry in ROUTES fails the first test: add it here.
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, trashCase } from "~/models/cases.server";
import type { Role } from "~/models/domain";
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
