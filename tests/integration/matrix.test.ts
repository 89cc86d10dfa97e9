import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getCase, saveCaseBody } from "~/models/cases.server";
import { listCodes } from "~/models/codes.server";
import { saveCaseConditions } from "~/models/conditions.server";
import type { Role } from "~/models/domain";
import {
  cellBackLink,
  exportMatrix,
  filteredMatrix,
  type Matrix,
  matrixCell,
  matrixForPage,
} from "~/models/matrix.server";
import { parseCellQuery, parseMatrixQuery } from "~/queries/matrix";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { findMember, type Member } from "~/utils/permissions.server";
import { auditLog, memberships, workspaces } from "../../db/schema";
import { DEMO_WORKSPACE_NAME, seedDemo } from "../../db/seed";
import { sessionCookie } from "../helpers/fixtures";

const MALI = "Mali, Ségou — local truce between Katiba Macina and local militias";
const MAURITANIA = "Mauritania — religious dialogue with jihadist prisoners";
const ALGERIA = "Algeria — negotiations that wound down the civil war";
const SOMALIA = "Somalia — signalled openness to talks with al-Shabab";

const demo = {} as Record<Role, Member>;
let workspaceId = "";
let code: (label: string) => string;

const search = (params: Record<string, string | string[]>) => {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) out.append(key, v);
  return out;
};
const open = (member: Member, params: Record<string, string | string[]> = {}) =>
  filteredMatrix(member, parseMatrixQuery(search(params)));
const caseId = (matrix: Matrix, title: string) => matrix.cases.find((c) => c.title === title)!.id;
const cell = (matrix: Matrix, title: string, label: string) =>
  matrix.cells[caseId(matrix, title)][code(label)];

beforeAll(async () => {
  await seedDemo(db);
  workspaceId = db.select().from(workspaces).where(eq(workspaces.name, DEMO_WORKSPACE_NAME)).get()!.id;
  for (const role of ["owner", "editor", "reviewer", "trainer"] as const) {
    const row = db
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, role)))
      .get()!;
    demo[role] = findMember(row.userId, workspaceId)!;
  }
  const codes = listCodes(demo.editor);
  code = (label) => codes.find((c) => c.label === label)!.id;
});

describe("matrix values", () => {
  it("reads each cell from the stated conditions, a missing row being unknown", () => {
    const { matrix } = open(demo.editor);
    expect(matrix.cases.map((c) => c.title)).toEqual([ALGERIA, MALI, MAURITANIA, SOMALIA]);
    // Every code is a column, preconditions first.
    expect(matrix.columns).toHaveLength(15);
    expect(matrix.columns.slice(0, 8).every((c) => c.kind === "precondition")).toBe(true);
    const custody = cell(matrix, MAURITANIA, "Participants in state custody");
    expect(custody).toMatchObject({ value: "present", setByName: "Rokia Reviewer", flag: null });
    expect(custody.setAt).toBeInstanceOf(Date);
    const stable = cell(matrix, MAURITANIA, "Stable political leadership");
    expect(stable).toMatchObject({
      value: "unknown",
      setByName: null,
      setAt: null,
      passages: [],
      flag: null,
    });
  });

  it("lists the tagged passages behind a present cell, with their section", () => {
    const { matrix } = open(demo.editor);
    expect(cell(matrix, MALI, "Local channel (communities, militias)").passages).toEqual([
      { text: "between Katiba Macina and local militias", section: "Process" },
      { text: "local channel", section: "Preconditions" },
    ]);
    expect(cell(matrix, MALI, "Temporary truce or ceasefire").passages).toEqual([
      { text: "a temporary truce", section: "Outcomes" },
    ]);
  });

  it("shows a trainer the approved cases only", () => {
    const { matrix, total } = open(demo.trainer);
    expect(total).toBe(3);
    expect(matrix.cases.map((c) => c.title)).toEqual([ALGERIA, MALI, MAURITANIA]);
  });

  it("applies the library filters to the rows and `col` to the columns", () => {
    const { matrix } = open(demo.editor, {
      region: "Mali",
      col: [code("Local channel (communities, militias)"), code("Temporary truce or ceasefire")],
    });
    expect(matrix.cases.map((c) => c.title)).toEqual([MALI]);
    expect(matrix.columns.map((c) => c.label)).toEqual([
      "Local channel (communities, militias)",
      "Temporary truce or ceasefire",
    ]);
    // The library's `code` filter keeps its meaning: cases that have the code.
    const withReduced = open(demo.editor, { code: code("Reduced threat or violence") }).matrix;
    expect(withReduced.cases.map((c) => c.title)).toEqual([ALGERIA, MAURITANIA]);
    expect(withReduced.columns).toHaveLength(15);
  });
});

describe("figures for an outcome (demo workspace, as a trainer sees it)", () => {
  // Stated in the seed: Mauritania custody, reduced, reintegration; Algeria reintegration, reduced;
  // Mali (Ségou) local, opposes, truce, exchange. Everything else is unknown. The trainer sees those three.
  it("Reduced threat or violence: only custody can be counted, on Mauritania alone", () => {
    const { matrix } = open(demo.trainer, { outcome: code("Reduced threat or violence") });
    expect(matrix.outcome?.label).toBe("Reduced threat or violence");
    const byLabel = new Map(matrix.measures!.map((m) => [m.label, m]));
    // Mauritania: custody present, reduced present. Algeria: custody unknown. Mali: reduced unknown.
    expect(byLabel.get("Participants in state custody")).toMatchObject({
      considered: 1,
      leftOutUnknown: 2,
      xCount: 1,
      yCount: 1,
      xAndY: 1,
      sufficiencyConsistency: 1,
      sufficiencyCoverage: 1,
      necessityConsistency: 1,
      necessityCoverage: 1,
      lowN: true,
    });
    // Any other precondition is unknown in both cases whose outcome is known.
    expect(byLabel.get("Local channel (communities, militias)")).toMatchObject({
      considered: 0,
      leftOutUnknown: 3,
      sufficiencyConsistency: null,
      necessityConsistency: null,
      lowN: true,
    });
    expect(matrix.largestN).toBe(1);
    // With every precondition, no case is fully known.
    expect(matrix.truthTable).toMatchObject({ considered: 0, rows: [] });
    expect(matrix.truthTable!.leftOut).toHaveLength(3);
  });

  it("builds the truth table on the chosen preconditions only", () => {
    const custody = code("Participants in state custody");
    const { matrix } = open(demo.trainer, {
      outcome: code("Reduced threat or violence"),
      pre: ["", custody],
    });
    expect(matrix.selectedPreIds).toEqual([custody]);
    const table = matrix.truthTable!;
    expect(table.considered).toBe(1);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({ key: "1", n: 1, outcomeShare: 1, contradiction: false });
    expect(table.rows[0].cases.map((c) => c.title)).toEqual([MAURITANIA]);
    expect(table.leftOut.map((c) => c.title).sort()).toEqual([ALGERIA, MALI]);
    // The empty marker alone means "none ticked", not "all".
    const none = open(demo.trainer, { outcome: code("Reduced threat or violence"), pre: "" }).matrix;
    expect(none.selectedPreIds).toEqual([]);
  });

  it("Temporary truce or ceasefire: local channel and opposing partner, on Mali alone", () => {
    for (const who of [demo.trainer, demo.editor]) {
      const { matrix } = open(who, { outcome: code("Temporary truce or ceasefire") });
      const counted = matrix.measures!.filter((m) => m.considered > 0).map((m) => m.label);
      expect(counted.sort()).toEqual([
        "External partner opposes dialogue",
        "Local channel (communities, militias)",
      ]);
      for (const m of matrix.measures!.filter((m) => m.considered > 0))
        expect(m).toMatchObject({ xCount: 1, yCount: 1, xAndY: 1, sufficiencyConsistency: 1, lowN: true });
    }
  });

  it("ignores a precondition given as the outcome", () => {
    const { matrix } = open(demo.editor, { outcome: code("Stable political leadership") });
    expect(matrix.outcome).toBeNull();
    expect(matrix.problems).toContain(msg("matrix.problems.outcomeGone"));
  });
});

describe("exports", () => {
  it("writes the CSV in the shape R's QCA package reads, with the page's rows and columns", async () => {
    const route = await import("../../app/routes/w.$workspaceId.matrix.export");
    const cookie = await sessionCookie(demo.trainer.userId);
    const cols = [
      code("Local channel (communities, militias)"),
      code("Participants in state custody"),
      code("Temporary truce or ceasefire"),
    ];
    const query = search({ col: cols, format: "csv" });
    const response = (await route.loader({
      request: new Request(`http://localhost/w/${workspaceId}/matrix/export?${query}`, {
        headers: { Cookie: cookie },
      }),
      params: { workspaceId },
      context: { cspNonce: "" },
    })) as Response;
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="matrix-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const text = await response.text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text.split("\r\n")).toEqual([
      // Codebook order (preconditions, then outcomes), whatever the order of `col`.
      "case,LOCAL_CHANNEL_COMMUNITIES_MILITIAS,PARTICIPANTS_IN_STATE_CUSTODY,TEMPORARY_TRUCE_OR_CEASEFIRE",
      `${ALGERIA},,,`,
      // The comma in the title is quoted; unknown is blank, never 0.
      `"${MALI}",1,,1`,
      `${MAURITANIA},,1,`,
      "",
    ]);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "matrix.exported")).all();
    expect(audit.at(-1)).toMatchObject({ userId: demo.trainer.userId, workspaceId });
    expect(audit.at(-1)!.detail).toMatchObject({ format: "csv", cases: 3, codes: 3 });
  });

  it("writes Markdown with the symbols, and refuses an unknown format", async () => {
    const built = open(demo.editor, { region: "Algeria", col: code("Reduced threat or violence") });
    const file = exportMatrix(demo.editor, built, "md");
    expect(file.body).toBe(`| Case | Reduced threat or violence |\n| --- | :-: |\n| ${ALGERIA} | ✓ |\n`);
    const route = await import("../../app/routes/w.$workspaceId.matrix.export");
    const thrown = await Promise.resolve(
      route.loader({
        request: new Request(`http://localhost/w/${workspaceId}/matrix/export?format=xlsx`, {
          headers: { Cookie: await sessionCookie(demo.editor.userId) },
        }),
        params: { workspaceId },
        context: { cspNonce: "" },
      }),
    ).catch((error) => error);
    expect(thrown.init?.status).toBe(400);
  });
});

describe("evidence against statements", () => {
  it("flags a tagged code set absent, and a tagged code not set", () => {
    const mali = caseId(open(demo.editor).matrix, MALI);
    const before = open(demo.editor).matrix;
    const seen = (label: string) => cell(before, MALI, label).setAt?.getTime() ?? 0;
    saveCaseConditions(demo.editor, mali, [
      {
        codeId: code("Temporary truce or ceasefire"),
        value: "absent",
        note: "",
        seenSetAt: seen("Temporary truce or ceasefire"),
      },
      {
        codeId: code("Hostage or detainee exchange or release"),
        value: "unknown",
        note: "",
        seenSetAt: seen("Hostage or detainee exchange or release"),
      },
    ]);
    const { matrix } = open(demo.editor);
    expect(cell(matrix, MALI, "Temporary truce or ceasefire")).toMatchObject({
      value: "absent",
      flag: "tagged-absent",
      setByName: "Eduardo Editor",
    });
    expect(cell(matrix, MALI, "Hostage or detainee exchange or release")).toMatchObject({
      value: "unknown",
      flag: "tagged-unknown",
      setAt: null,
    });
  });

  it("gives a trainer the passages of the approved version, not of a newer draft", () => {
    const mauritania = caseId(open(demo.editor).matrix, MAURITANIA);
    const custody = code("Participants in state custody");
    const current = getCase(demo.editor, mauritania);
    saveCaseBody(demo.editor, mauritania, {
      baseRevision: current.revision,
      doc: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Draft wording", marks: [{ type: "tag", attrs: { codeId: custody } }] },
            ],
          },
        ],
      },
    });
    const draft = cell(open(demo.editor).matrix, MAURITANIA, "Participants in state custody");
    expect(draft.passages.map((p) => p.text)).toEqual(["Draft wording"]);
    const approved = cell(open(demo.trainer).matrix, MAURITANIA, "Participants in state custody");
    expect(approved.passages.map((p) => p.text)).toEqual([
      "jihadist prisoners in its custody",
      "prisoners held by the state",
    ]);
  });
});

describe("a cell opened from the grid", () => {
  it("opens one cell with its evidence, the approved version's for a trainer", () => {
    const mauritania = caseId(open(demo.editor).matrix, MAURITANIA);
    const custody = code("Participants in state custody");
    const forTrainer = matrixCell(demo.trainer, mauritania, custody);
    expect(forTrainer.case.title).toBe(MAURITANIA);
    expect(forTrainer.code.label).toBe("Participants in state custody");
    expect(forTrainer.cell).toMatchObject({ value: "present", setByName: "Rokia Reviewer" });
    expect(forTrainer.cell.passages.map((p) => p.text)).toEqual([
      "jihadist prisoners in its custody",
      "prisoners held by the state",
    ]);
    // The editor reads the draft saved by the test above.
    expect(matrixCell(demo.editor, mauritania, custody).cell.passages.map((p) => p.text)).toEqual([
      "Draft wording",
    ]);
    // A code with nothing stated and nothing tagged is unknown, not an error.
    expect(matrixCell(demo.editor, mauritania, code("Stable political leadership")).cell).toMatchObject({
      value: "unknown",
      passages: [],
    });
  });

  it("answers 404 for a cell of a case the member cannot read, or of a code not in the codebook", () => {
    const status = (run: () => unknown) => {
      try {
        run();
        return 200;
      } catch (thrown) {
        return (thrown as { init?: { status?: number } }).init?.status;
      }
    };
    const somalia = caseId(open(demo.editor).matrix, SOMALIA);
    const custody = code("Participants in state custody");
    // Never approved: trainers read approved versions only.
    expect(status(() => matrixCell(demo.trainer, somalia, custody))).toBe(404);
    expect(status(() => matrixCell(demo.editor, somalia, "nosuchcode0000"))).toBe(404);
    expect(status(() => matrixCell(demo.editor, "nosuchcase0000", custody))).toBe(404);
    expect(status(() => parseCellQuery(new URLSearchParams("at=<x>.abc")))).toBe(404);
    expect(status(() => parseCellQuery(new URLSearchParams(`at=${somalia}.${custody}.x`)))).toBe(404);
    expect(parseCellQuery(new URLSearchParams(`at=${somalia}.${custody}`))).toEqual({
      caseId: somalia,
      codeId: custody,
    });
  });

  it("leads a cell's page back to the matrix or set it came from, never elsewhere", () => {
    const matrix = `/w/${workspaceId}/matrix`;
    expect(cellBackLink(workspaceId, null)).toBe(matrix);
    expect(cellBackLink(workspaceId, `${matrix}?outcome=abcdefgh&page=2`)).toBe(
      `${matrix}?outcome=abcdefgh&page=2`,
    );
    expect(cellBackLink(workspaceId, `/w/${workspaceId}/comparisons/abcdefgh12`)).toBe(
      `/w/${workspaceId}/comparisons/abcdefgh12`,
    );
    for (const elsewhere of [
      "https://example.org/",
      "//example.org/w",
      `/w/otherworkspace1/matrix`,
      `/w/${workspaceId}/members`,
      `/w/${workspaceId}/matrix/../members`,
      `${matrix}\\@example.org`,
    ])
      expect(cellBackLink(workspaceId, elsewhere), elsewhere).toBe(matrix);
  });

  it("sends the page each cell's value, flag and passage count, not the evidence", () => {
    const { matrix } = open(demo.editor);
    const page = matrixForPage(matrix);
    const mali = caseId(matrix, MALI);
    const channel = code("Local channel (communities, militias)");
    expect(page.cells[mali][channel]).toEqual({
      value: matrix.cells[mali][channel].value,
      flag: matrix.cells[mali][channel].flag,
      passageCount: 2,
    });
    expect(JSON.stringify(page.cells)).not.toContain("between Katiba Macina and local militias");
  });
});
