import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, trashCase } from "~/models/cases.server";
import { createCode } from "~/models/codebook-edits.server";
import {
  createComparisonSet,
  getComparisonSet,
  listComparisonSets,
  openComparisonSet,
} from "~/models/comparison-sets.server";
import { db } from "~/utils/db.server";
import { auditLog, caseConditions, cases } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let truce = "";
let channel = "";

const matrixRoute = () => import("../../app/routes/w.$workspaceId.matrix");
const listRoute = () => import("../../app/routes/w.$workspaceId.comparisons._index");
const setRoute = () => import("../../app/routes/w.$workspaceId.comparisons.$setId");

/** An approved case (trainers read it), with the truce stated present. */
function approvedCase(title: string) {
  const { id } = createCase(team.people.editor.member, { ...sampleFields, title });
  db.update(cases).set({ status: "approved", approvedRevision: 1 }).where(eq(cases.id, id)).run();
  db.insert(caseConditions)
    .values({ caseId: id, codeId: truce, value: "present", setBy: team.people.editor.id, setAt: new Date() })
    .run();
  return id;
}

async function postList(cookie: string, fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  const route = await listRoute();
  const request = new Request(`http://localhost/w/${team.workspace.id}/comparisons`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  try {
    const result = await route.action({
      request,
      params: { workspaceId: team.workspace.id },
      context: { cspNonce: "" },
    });
    if (result instanceof Response)
      return { status: result.status, location: result.headers.get("Location") };
    const init = (result as { init?: ResponseInit }).init;
    return { status: init?.status ?? 200, location: null, body: (result as { data?: unknown }).data };
  } catch (thrown) {
    if (thrown instanceof Response)
      return { status: thrown.status, location: thrown.headers.get("Location") };
    return { status: (thrown as { init?: ResponseInit }).init?.status ?? 500, location: null };
  }
}

beforeAll(async () => {
  team = await makeTeam();
  truce = createCode(team.people.owner.member, {
    kind: "outcome",
    label: "Temporary truce or ceasefire",
    description: "",
    color: "#ea580c",
    parentId: null,
  }).id;
  channel = createCode(team.people.owner.member, {
    kind: "precondition",
    label: "Local channel",
    description: "",
    color: "#16a34a",
    parentId: null,
  }).id;
});

describe("saving a matrix view", () => {
  it("lets a trainer save the matrix as shown, and a reviewer open the same view from its link", async () => {
    const first = approvedCase("Set case A");
    const second = approvedCase("Set case B");
    const route = await matrixRoute();
    const saved = await callRoute(route, {
      method: "POST",
      path: `/w/${team.workspace.id}/matrix?q=Set+case&outcome=${truce}&pre=&pre=${channel}&qca=&not=${truce}&incl=0.75&ncut=2&exp=${channel}:absent`,
      params: { workspaceId: team.workspace.id },
      cookie: team.people.trainer.cookie,
      form: { intent: "save-set", name: "  Workshop —   truce " },
    });
    expect(saved.status).toBe(302);
    const setId = saved.location!.split("/").pop()!;
    expect(saved.location).toBe(`/w/${team.workspace.id}/comparisons/${setId}`);

    const set = getComparisonSet(team.people.reviewer.member, setId);
    expect(set).toMatchObject({
      name: "Workshop — truce",
      view: "matrix",
      outcomeId: truce,
      createdBy: team.people.trainer.id,
      canManage: false,
    });
    expect([...set.caseIds].sort()).toEqual([first, second].sort());
    expect(set.codeIds).toEqual([channel, truce]);
    expect(set.settings).toMatchObject({ filters: "q=Set+case", pre: [channel] });
    // The analysis's negations, thresholds and expectations are saved with the view.
    const qca = {
      negated: [truce],
      thresholds: { consistency: 0.75, contradictionBelow: 0.75, frequency: 2 },
      expectations: { [channel]: "absent" },
    };
    expect(set.settings.qca).toEqual(qca);

    const opened = await callRoute(await setRoute(), {
      path: `/w/${team.workspace.id}/comparisons/${setId}`,
      params: { workspaceId: team.workspace.id, setId },
      cookie: team.people.reviewer.cookie,
    });
    expect(opened.status).toBe(200);
    const body = opened.body as {
      matrix: { outcome: { id: string }; cases: Array<{ id: string }>; selectedPreIds: string[] };
      missing: number;
    };
    expect(body.matrix.outcome.id).toBe(truce);
    expect(body.matrix.cases.map((c) => c.id).sort()).toEqual([first, second].sort());
    expect(body.matrix.selectedPreIds).toEqual([channel]);
    expect(body.missing).toBe(0);
    const reopened = body as unknown as {
      matrix: { qca: unknown; analysis: { outcome: { negated: boolean } } };
    };
    expect(reopened.matrix.qca).toEqual(qca);
    expect(reopened.matrix.analysis.outcome.negated).toBe(true);
    expect(
      db.select().from(auditLog).where(eq(auditLog.action, "comparison_set.created")).all(),
    ).toHaveLength(1);
  });

  it("keeps the saved cases even when new cases would match the filters now", async () => {
    const a = approvedCase("Frozen set case 1");
    const { id } = createComparisonSet(team.people.editor.member, {
      name: "Frozen",
      view: "matrix",
      caseIds: [a],
      codeIds: [],
      outcomeId: null,
      settings: { filters: "q=Frozen" },
    });
    approvedCase("Frozen set case 2");
    const opened = openComparisonSet(team.people.editor.member, id);
    expect(opened.view === "matrix" && opened.matrix.cases.map((c) => c.id)).toEqual([a]);
    // No saved columns: every code of the codebook.
    expect(opened.view === "matrix" && opened.matrix.columns.length).toBe(2);
  });

  it("refuses a missing or overlong name, keeping what was typed", async () => {
    const route = await matrixRoute();
    for (const name of ["   ", "x".repeat(121)]) {
      const result = await callRoute(route, {
        method: "POST",
        path: `/w/${team.workspace.id}/matrix`,
        params: { workspaceId: team.workspace.id },
        cookie: team.people.editor.cookie,
        form: { intent: "save-set", name },
      });
      expect(result.status).toBe(400);
      expect(result.body).toMatchObject({ name });
    }
  });

  it("refuses to save a view without cases", async () => {
    const result = await callRoute(await matrixRoute(), {
      method: "POST",
      path: `/w/${team.workspace.id}/matrix?q=nothingmatchesthis`,
      params: { workspaceId: team.workspace.id },
      cookie: team.people.editor.cookie,
      form: { intent: "save-set", name: "Empty" },
    });
    expect(result.status).toBe(400);
  });
});

describe("creating a set from another page (side by side)", () => {
  it("accepts name, view, case, code, outcome and settings, and reopens the compare page", async () => {
    const a = approvedCase("Side A");
    const b = approvedCase("Side B");
    const created = await postList(team.people.trainer.cookie, {
      intent: "create",
      name: "Side pair",
      view: "side",
      case: [a, b],
      code: [channel],
      outcome: "",
      settings: JSON.stringify({ scroll: "independent" }),
    });
    expect(created.status).toBe(302);
    expect(created.location).toBe(`/w/${team.workspace.id}/comparisons`);
    const set = listComparisonSets(team.people.trainer.member).find((s) => s.name === "Side pair")!;
    expect(set).toMatchObject({ view: "side", caseCount: 2, canManage: true });

    const opened = await callRoute(await setRoute(), {
      path: `/w/${team.workspace.id}/comparisons/${set.id}`,
      params: { workspaceId: team.workspace.id, setId: set.id },
      cookie: team.people.reviewer.cookie,
    });
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(
      `/w/${team.workspace.id}/compare?case=${a}&case=${b}&code=${channel}&scroll=independent`,
    );
  });

  it("goes back to a page of the same workspace when asked, never elsewhere", async () => {
    const a = approvedCase("Return A");
    const b = approvedCase("Return B");
    const fields = { intent: "create", name: "Back", view: "side", case: [a, b] };
    const back = `/w/${team.workspace.id}/compare?case=${a}&case=${b}`;
    expect((await postList(team.people.editor.cookie, { ...fields, returnTo: back })).location).toBe(back);
    const away = await postList(team.people.editor.cookie, { ...fields, returnTo: "https://example.com/" });
    expect(away.location).toBe(`/w/${team.workspace.id}/comparisons`);
  });

  it("answers 400 for a bad name, view, case count or settings, and 404 for a foreign case or code", async () => {
    const a = approvedCase("Bad A");
    const b = approvedCase("Bad B");
    const good = { intent: "create", name: "Fine", view: "side", case: [a, b] };
    expect((await postList(team.people.editor.cookie, { ...good, name: "" })).status).toBe(400);
    expect((await postList(team.people.editor.cookie, { ...good, view: "grid" })).status).toBe(400);
    expect((await postList(team.people.editor.cookie, { ...good, case: [a] })).status).toBe(400);
    expect((await postList(team.people.editor.cookie, { ...good, settings: "{not json" })).status).toBe(400);
    expect((await postList(team.people.editor.cookie, { ...good, outcome: channel })).status).toBe(400);
    expect(
      (await postList(team.people.editor.cookie, { ...good, case: [a, team.otherCase.id] })).status,
    ).toBe(404);
    expect((await postList(team.people.editor.cookie, { ...good, code: ["zzzzzzzzzzzzzzzz"] })).status).toBe(
      404,
    );
    // A trainer cannot put a case they may not read (never approved) in a set.
    const draft = createCase(team.people.editor.member, { ...sampleFields, title: "Draft only" }).id;
    expect((await postList(team.people.trainer.cookie, { ...good, case: [a, draft] })).status).toBe(404);
  });
});

describe("opening a set later", () => {
  it("leaves out cases deleted since or invisible to the reader, and says how many", async () => {
    const kept = approvedCase("Kept case");
    const trashed = approvedCase("Trashed case");
    const draft = createCase(team.people.editor.member, { ...sampleFields, title: "Draft case" }).id;
    const { id } = createComparisonSet(team.people.editor.member, {
      name: "Mixed",
      view: "matrix",
      caseIds: [kept, trashed, draft],
      codeIds: [channel, truce],
      outcomeId: truce,
      settings: {},
    });
    trashCase(team.people.editor.member, trashed);
    const asEditor = openComparisonSet(team.people.editor.member, id);
    expect(asEditor.missing).toBe(1);
    expect(asEditor.view === "matrix" && asEditor.matrix.cases.map((c) => c.id)).toEqual([kept, draft]);
    const asTrainer = openComparisonSet(team.people.trainer.member, id);
    expect(asTrainer.missing).toBe(2);
    expect(asTrainer.view === "matrix" && asTrainer.matrix.cases.map((c) => c.id)).toEqual([kept]);
    // The figures count only what the reader sees.
    expect(asTrainer.view === "matrix" && asTrainer.matrix.measures![0].leftOutUnknown).toBe(1);
  });

  it("is a 404 from another workspace, and for an unknown id", async () => {
    const { id } = createComparisonSet(team.people.owner.member, {
      name: "Ours",
      view: "matrix",
      caseIds: [team.caseStudy.id],
      codeIds: [],
      outcomeId: null,
      settings: {},
    });
    const route = await setRoute();
    const viaOwnWorkspace = await callRoute(route, {
      path: "/set",
      params: { workspaceId: team.otherWorkspace.id, setId: id },
      cookie: team.outsider.cookie,
    });
    expect(viaOwnWorkspace.status).toBe(404);
    const viaOurs = await callRoute(route, {
      path: "/set",
      params: { workspaceId: team.workspace.id, setId: id },
      cookie: team.outsider.cookie,
    });
    expect(viaOurs.status).toBe(404);
    const unknown = await callRoute(route, {
      path: "/set",
      params: { workspaceId: team.workspace.id, setId: "abcdefghijklmnop" },
      cookie: team.people.editor.cookie,
    });
    expect(unknown.status).toBe(404);
  });
});

describe("renaming and deleting", () => {
  it("lets the creator rename, refuses a reviewer who did not make it (403), lets an owner delete", async () => {
    const { id } = createComparisonSet(team.people.trainer.member, {
      name: "Trainer's set",
      view: "matrix",
      caseIds: [team.caseStudy.id],
      codeIds: [],
      outcomeId: null,
      settings: {},
    });
    const route = await setRoute();
    const call = (who: "trainer" | "reviewer" | "owner", fields: Record<string, string>) =>
      callRoute(route, {
        method: "POST",
        path: `/w/${team.workspace.id}/comparisons/${id}`,
        params: { workspaceId: team.workspace.id, setId: id },
        cookie: team.people[who].cookie,
        form: fields,
      });
    expect((await call("trainer", { intent: "rename", name: "Workshop set" })).status).toBe(302);
    expect(getComparisonSet(team.people.owner.member, id).name).toBe("Workshop set");
    expect((await call("trainer", { intent: "rename", name: "" })).status).toBe(400);
    expect((await call("reviewer", { intent: "rename", name: "Mine now" })).status).toBe(403);
    expect((await call("reviewer", { intent: "delete", confirm: "yes" })).status).toBe(403);
    expect(getComparisonSet(team.people.owner.member, id).name).toBe("Workshop set");
    // Deleting asks for a tick first: the link goes for everyone.
    expect((await call("owner", { intent: "delete" })).status).toBe(400);
    const deleted = await call("owner", { intent: "delete", confirm: "yes" });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe(`/w/${team.workspace.id}/comparisons`);
    expect(() => getComparisonSet(team.people.owner.member, id)).toThrow();
  });

  it("lists sets with their view, case count and creator", () => {
    const sets = listComparisonSets(team.people.reviewer.member);
    const side = sets.find((s) => s.name === "Side pair")!;
    expect(side).toMatchObject({ view: "side", caseCount: 2, createdByName: "trainer", canManage: false });
    expect(listComparisonSets(team.people.owner.member).every((s) => s.canManage)).toBe(true);
  });
});
