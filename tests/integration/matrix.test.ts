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
const MALI_2012 = "Mali — exploratory talks with Ansar al-Din";
const ALGIERS = "Algiers process on northern Mali";
const MAURITANIA = "Mauritania — religious dialogue with jihadist prisoners";
const ALGERIA = "Algeria — negotiations that partly wound down the civil war";
const SOMALIA = "Somalia — signalled openness to talks with al-Shabab";
const BURKINA = "Burkina Faso — ceasefire for the elections";
const NIGER = "Niger — gestures of dialogue under Mohamed Bazoum";
const EDITOR_CASES = [ALGERIA, ALGIERS, BURKINA, MALI_2012, MALI, MAURITANIA, NIGER, SOMALIA];
// Somalia and Niger are in review: trainers read approved versions only.
const TRAINER_CASES = [ALGERIA, ALGIERS, BURKINA, MALI_2012, MALI, MAURITANIA];

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
    expect(matrix.cases.map((c) => c.title)).toEqual(EDITOR_CASES);
    // Every code is a column, preconditions first (DOMAIN.md's codebook: ten and nine).
    expect(matrix.columns).toHaveLength(19);
    expect(matrix.columns.slice(0, 10).every((c) => c.kind === "precondition")).toBe(true);
    const distanced = cell(matrix, MALI_2012, "Armed group distanced from its transnational patron");
    expect(distanced).toMatchObject({ value: "absent", setByName: "Rokia Reviewer", flag: null });
    expect(distanced.setAt).toBeInstanceOf(Date);
    const stable = cell(matrix, MAURITANIA, "Stable political leadership");
    expect(stable).toMatchObject({
      value: "unknown",
      setByName: null,
      setAt: null,
      passages: [],
      flag: null,
    });
  });

  it("shows absent as well as present values in the demo", () => {
    const { matrix } = open(demo.editor);
    const values = new Set(
      Object.values(matrix.cells).flatMap((row) => Object.values(row).map((value) => value.value)),
    );
    expect([...values].sort()).toEqual(["absent", "present", "unknown"]);
    expect(cell(matrix, ALGIERS, "Comprehensive ceasefire reached").value).toBe("absent");
    expect(cell(matrix, BURKINA, "Stable political leadership").value).toBe("absent");
    // Said more than the article before: reintegration in Mauritania, exchanges in Ségou are unknown now.
    expect(cell(matrix, MAURITANIA, "Reintegration of ex-combatants").value).toBe("unknown");
    expect(cell(matrix, MALI, "Hostage or detainee exchange or release").value).toBe("unknown");
  });

  it("lists the tagged passages behind a present cell, with their section", () => {
    const { matrix } = open(demo.editor);
    expect(cell(matrix, MALI, "Local channel (communities, militias)").passages).toEqual([
      { text: "between Katiba Macina and local militias", section: "Process" },
    ]);
    expect(cell(matrix, MALI, "Temporary truce or ceasefire").passages).toEqual([
      { text: "a temporary truce", section: "Outcomes" },
    ]);
  });

  it("shows a trainer the approved cases only", () => {
    const { matrix, total } = open(demo.trainer);
    expect(total).toBe(6);
    expect(matrix.cases.map((c) => c.title)).toEqual(TRAINER_CASES);
  });

  it("applies the library filters to the rows and `col` to the columns", () => {
    const { matrix } = open(demo.editor, {
      region: "Mali",
      col: [code("Local channel (communities, militias)"), code("Temporary truce or ceasefire")],
    });
    expect(matrix.cases.map((c) => c.title)).toEqual([ALGIERS, MALI_2012, MALI]);
    expect(matrix.columns.map((c) => c.label)).toEqual([
      "Local channel (communities, militias)",
      "Temporary truce or ceasefire",
    ]);
    // The library's `code` filter keeps its meaning: cases that have the code.
    const withReduced = open(demo.editor, { code: code("Reduced threat or violence") }).matrix;
    expect(withReduced.cases.map((c) => c.title)).toEqual([ALGERIA, MAURITANIA]);
    expect(withReduced.columns).toHaveLength(19);
  });
});

describe("figures for an outcome (demo workspace, as a trainer sees it)", () => {
  // The trainer reads the six approved cases; values are stated only where a line of the article supports
  // them (db/seed-content.ts), everything else is unknown.
  it("Reduced threat or violence: each precondition known in one case at most", () => {
    const { matrix } = open(demo.trainer, { outcome: code("Reduced threat or violence") });
    expect(matrix.outcome?.label).toBe("Reduced threat or violence");
    const byLabel = new Map(matrix.measures!.map((m) => [m.label, m]));
    // Reduced is present in Mauritania (quiet channel present) and Algeria (groups excluded present).
    expect(byLabel.get("Quiet or back channel")).toMatchObject({
      considered: 1,
      leftOutUnknown: 5,
      xCount: 1,
      yCount: 1,
      xAndY: 1,
      sufficiencyConsistency: 1,
      necessityConsistency: 1,
      lowN: true,
    });
    expect(byLabel.get("Some armed groups excluded from the talks")).toMatchObject({
      considered: 1,
      xAndY: 1,
    });
    expect(byLabel.get("Local channel (communities, militias)")).toMatchObject({
      considered: 0,
      leftOutUnknown: 6,
      sufficiencyConsistency: null,
      necessityConsistency: null,
      lowN: true,
    });
    expect(matrix.largestN).toBe(1);
    // With every precondition, no case is fully known.
    expect(matrix.truthTable).toMatchObject({ considered: 0, rows: [] });
  });

  it("builds a non-empty truth table: reintegration after talks that excluded some groups", () => {
    const excluded = code("Some armed groups excluded from the talks");
    const { matrix } = open(demo.trainer, {
      outcome: code("Reintegration of ex-combatants"),
      pre: ["", excluded],
    });
    expect(matrix.selectedPreIds).toEqual([excluded]);
    const table = matrix.truthTable!;
    expect(table.considered).toBe(2);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]).toMatchObject({ key: "1", n: 2, outcomeShare: 1, contradiction: false });
    expect(table.rows[0].cases.map((c) => c.title).sort()).toEqual([ALGERIA, ALGIERS]);
    expect(table.leftOut.map((c) => c.title).sort()).toEqual([BURKINA, MALI_2012, MALI, MAURITANIA]);
    // The empty marker alone means "none ticked", not "all".
    const none = open(demo.trainer, { outcome: code("Reintegration of ex-combatants"), pre: "" }).matrix;
    expect(none.selectedPreIds).toEqual([]);
  });

  it("Temporary truce or ceasefire: Ségou's local, quiet, opposed and Burkina Faso's unstable leadership", () => {
    for (const who of [demo.trainer, demo.editor]) {
      const { matrix } = open(who, { outcome: code("Temporary truce or ceasefire") });
      const counted = matrix.measures!.filter((m) => m.considered > 0).map((m) => m.label);
      expect(counted.sort()).toEqual([
        "External partner opposes dialogue",
        "Local channel (communities, militias)",
        "Quiet or back channel",
        "Stable political leadership",
      ]);
      const byLabel = new Map(matrix.measures!.map((m) => [m.label, m]));
      expect(byLabel.get("Local channel (communities, militias)")).toMatchObject({
        xCount: 1,
        yCount: 1,
        xAndY: 1,
        sufficiencyConsistency: 1,
        lowN: true,
      });
      // Burkina Faso: stable leadership absent, truce present.
      expect(byLabel.get("Stable political leadership")).toMatchObject({ xCount: 0, yCount: 1, xAndY: 0 });
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
      code("Quiet or back channel"),
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
      '"case","LOCAL","QUIET","TRUCE"',
      // Text cells are quoted (so their commas stay in them); unknown is blank, never 0.
      `"${ALGERIA}",,,`,
      `"${ALGIERS}",,,`,
      `"${BURKINA}",,,1`,
      `"${MALI_2012}",,,`,
      `"${MALI}",1,1,1`,
      `"${MAURITANIA}",,1,`,
      "",
    ]);
    const audit = db.select().from(auditLog).where(eq(auditLog.action, "matrix.exported")).all();
    expect(audit.at(-1)).toMatchObject({ userId: demo.trainer.userId, workspaceId });
    expect(audit.at(-1)!.detail).toMatchObject({ format: "csv", cases: 6, codes: 3 });
  });

  it("writes Markdown with the symbols, and refuses an unknown format", async () => {
    const built = open(demo.editor, { region: "Algeria", col: code("Reduced threat or violence") });
    const file = exportMatrix(demo.editor, built, "md");
    expect(file.body).toBe(`| Case | Reduced threat or violence |\n| --- | :-: |\n| ${ALGERIA} | ✓ |\n`);
    const route = await import("../../app/routes/w.$workspaceId.matrix.export");
    const refused = await route.loader({
      request: new Request(`http://localhost/w/${workspaceId}/matrix/export?format=xlsx`, {
        headers: { Cookie: await sessionCookie(demo.editor.userId) },
      }),
      params: { workspaceId },
      context: { cspNonce: "" },
    });
    expect(refused.status).toBe(400);
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
        codeId: code("Quiet or back channel"),
        value: "unknown",
        note: "",
        seenSetAt: seen("Quiet or back channel"),
      },
    ]);
    const { matrix } = open(demo.editor);
    expect(cell(matrix, MALI, "Temporary truce or ceasefire")).toMatchObject({
      value: "absent",
      flag: "tagged-absent",
      setByName: "Eduardo Editor",
    });
    expect(cell(matrix, MALI, "Quiet or back channel")).toMatchObject({
      value: "unknown",
      flag: "tagged-unknown",
      setAt: null,
    });
  });

  it("gives a trainer the passages of the approved version, not of a newer draft", () => {
    const mauritania = caseId(open(demo.editor).matrix, MAURITANIA);
    const custody = code("Quiet or back channel");
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
    const draft = cell(open(demo.editor).matrix, MAURITANIA, "Quiet or back channel");
    expect(draft.passages.map((p) => p.text)).toEqual(["Draft wording"]);
    const approved = cell(open(demo.trainer).matrix, MAURITANIA, "Quiet or back channel");
    expect(approved.passages.map((p) => p.text)).toEqual([
      "quietly developed a programme of religious dialogue with jihadist prisoners",
    ]);
  });
});

describe("a cell opened from the grid", () => {
  it("opens one cell with its evidence, the approved version's for a trainer", () => {
    const mauritania = caseId(open(demo.editor).matrix, MAURITANIA);
    const custody = code("Quiet or back channel");
    const forTrainer = matrixCell(demo.trainer, mauritania, custody);
    expect(forTrainer.case.title).toBe(MAURITANIA);
    expect(forTrainer.code.label).toBe("Quiet or back channel");
    expect(forTrainer.cell).toMatchObject({ value: "present", setByName: "Rokia Reviewer" });
    expect(forTrainer.cell.passages.map((p) => p.text)).toEqual([
      "quietly developed a programme of religious dialogue with jihadist prisoners",
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
    const custody = code("Quiet or back channel");
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
      passageCount: 1,
    });
    expect(JSON.stringify(page.cells)).not.toContain("between Katiba Macina and local militias");
  });
});

describe("the analysis of an outcome", () => {
  const analysisQuery = () => ({
    col: [
      code("Local channel (communities, militias)"),
      code("Quiet or back channel"),
      code("Temporary truce or ceasefire"),
    ],
    outcome: code("Temporary truce or ceasefire"),
    not: code("Temporary truce or ceasefire"),
    qca: "",
    incl: "0,8",
    exp: `${code("Quiet or back channel")}:present`,
  });

  it("reads negations, thresholds and expectations from the address, and analyses the view", () => {
    const { matrix } = open(demo.trainer, analysisQuery());
    expect(matrix.qca.negated).toEqual([code("Temporary truce or ceasefire")]);
    expect(matrix.qca.thresholds).toEqual({ consistency: 0.8, contradictionBelow: 0.8, frequency: 1 });
    const analysis = matrix.analysis!;
    expect(analysis.outcome).toMatchObject({ shortName: "TRUCE", negated: true });
    expect(analysis.preconditions.map((c) => c.shortName)).toEqual(["LOCAL", "QUIET"]);
    expect(analysis.considered + analysis.leftOut.length).toBe(TRAINER_CASES.length);
    expect(analysis.combinations).toBe(4);
  });

  it("writes the CSV for R without blank cells, an R script with the same settings, and the analysis as JSON", () => {
    const built = open(demo.trainer, analysisQuery());
    const analysis = built.matrix.analysis!;
    const csv = exportMatrix(demo.trainer, built, "rcsv");
    expect(csv.filename).toMatch(/^matrix-for-r-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.body.trimEnd().split("\r\n");
    expect(lines[0]).toBe('"case","LOCAL","QUIET","TRUCE"');
    expect(lines).toHaveLength(analysis.considered + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(/^".*",[01],[01],[01]$/);

    const script = exportMatrix(demo.trainer, built, "r");
    expect(script.filename).toMatch(/^matrix-analysis-\d{4}-\d{2}-\d{2}\.R$/);
    expect(script.body).toContain(`read.csv("${csv.filename}", row.names = 1)`);
    expect(script.body).toContain('outcome = "~TRUCE"');
    expect(script.body).toContain('conditions = "LOCAL, QUIET"');
    expect(script.body).toContain("incl.cut = 0.8,");
    expect(script.body).toContain("dir.exp = c(QUIET)");
    for (const c of analysis.leftOut) expect(script.body).toContain(`#   ${c.title}`);

    const json = JSON.parse(exportMatrix(demo.trainer, built, "json").body);
    expect(json.format).toBe("mediation-casebook/qca-analysis@1");
    expect(json.outcome).toMatchObject({ code: "TRUCE", negated: true });
    expect(json.truthTable.rows.length).toBe(analysis.rows.length);
    for (const row of json.truthTable.rows) expect(Object.keys(row.values)).toEqual(["LOCAL", "QUIET"]);
    for (const kind of ["conservative", "parsimonious", "intermediate"])
      for (const model of json.solutions?.[kind]?.models ?? [])
        for (const term of model.terms)
          for (const condition of term.conditions)
            expect(Object.keys(condition).sort()).toEqual(["code", "negated"]);
  });

  it("draws the truth table as a Venn diagram in SVG", () => {
    const built = open(demo.trainer, analysisQuery());
    const file = exportMatrix(demo.trainer, built, "svg");
    expect(file.filename).toMatch(/^matrix-venn-\d{4}-\d{2}-\d{2}\.svg$/);
    expect(file.contentType).toBe("image/svg+xml; charset=utf-8");
    expect(file.body).toContain("<title>LOCAL, QUIET -&gt; ~TRUCE</title>");
    expect(file.body.match(/<clipPath /g)).toHaveLength(2);
  });

  it("refuses the files of an analysis when no outcome is chosen", () => {
    const built = open(demo.trainer, { col: code("Quiet or back channel") });
    expect(() => exportMatrix(demo.trainer, built, "rcsv")).toThrow(expect.objectContaining({ status: 400 }));
  });
});
