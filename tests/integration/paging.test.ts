// Large workspaces: the library lists a page of cases and the matrix a page of rows, while counts, facets
// and figures still cover every case.
import { beforeAll, describe, expect, it } from "vitest";
import { createCase } from "~/models/cases.server";
import { createCode } from "~/models/codebook-edits.server";
import { LIBRARY_PAGE_SIZE, searchLibrary } from "~/models/library.server";
import { filteredMatrix, MATRIX_PAGE_SIZE } from "~/models/matrix.server";
import { parseLibraryQuery } from "~/queries/library";
import { parseMatrixQuery } from "~/queries/matrix";
import { makeTeam, sampleFields } from "../helpers/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let outcomeId: string;
const EXTRA_CASES = 60;

beforeAll(async () => {
  team = await makeTeam();
  const editor = team.people.editor.member;
  for (let i = 0; i < EXTRA_CASES; i++) createCase(editor, { ...sampleFields, title: `Paged case ${i}` });
  outcomeId = createCode(editor, {
    kind: "outcome",
    label: "Talks held",
    description: "",
    color: "#16a34a",
    parentId: null,
  }).id;
});

describe("paging", () => {
  it("lists the library 50 cases at a time, counting every match", () => {
    const member = team.people.editor.member;
    const first = searchLibrary(member, parseLibraryQuery(new URLSearchParams()).query);
    const total = EXTRA_CASES + 1;
    expect(first.total).toBe(total);
    expect(first.matchedIds).toHaveLength(total);
    expect(first.results).toHaveLength(LIBRARY_PAGE_SIZE);
    expect(first.pageCount).toBe(2);

    const second = searchLibrary(member, parseLibraryQuery(new URLSearchParams("page=2")).query);
    expect(second.page).toBe(2);
    expect(second.results).toHaveLength(total - LIBRARY_PAGE_SIZE);
    const seen = new Set([...first.results, ...second.results].map((item) => item.id));
    expect(seen.size).toBe(total);

    // A page past the end shows the last one; an unreadable page number is ignored.
    expect(searchLibrary(member, parseLibraryQuery(new URLSearchParams("page=99")).query).page).toBe(2);
    const unreadable = parseLibraryQuery(new URLSearchParams("page=abc"));
    expect(unreadable.query.page).toBe(1);
  });

  it("shows the matrix 25 rows at a time while its figures count every case", () => {
    const member = team.people.editor.member;
    const query = parseMatrixQuery(new URLSearchParams(`outcome=${outcomeId}`));
    const { matrix } = filteredMatrix(member, query, { rowPage: 2 });
    expect(matrix.caseCount).toBe(EXTRA_CASES + 1);
    expect(matrix.cases).toHaveLength(MATRIX_PAGE_SIZE);
    expect(matrix.firstRow).toBe(MATRIX_PAGE_SIZE + 1);
    expect(Object.keys(matrix.cells)).toEqual(matrix.cases.map((c) => c.id));
    // Nothing is stated: every case is left out of the truth table, and the page names only the first ones.
    expect(matrix.leftOutCount).toBe(EXTRA_CASES + 1);
    expect(matrix.truthTable?.leftOut.length).toBeLessThan(matrix.leftOutCount);

    // Without paging (exports, saved sets) every row is there.
    const whole = filteredMatrix(member, query).matrix;
    expect(whole.cases).toHaveLength(EXTRA_CASES + 1);
    expect(whole.truthTable?.leftOut).toHaveLength(EXTRA_CASES + 1);
  });
});
