import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, updateCaseFields } from "~/models/cases.server";
import { SNIPPET_END, SNIPPET_START, searchLibrary } from "~/models/library.server";
import { parseLibraryQuery } from "~/queries/library";
import { db } from "~/utils/db.server";
import { findMember, type Member } from "~/utils/permissions.server";
import { memberships, workspaces } from "../../db/schema";
import { DEMO_WORKSPACE_NAME, seedDemo } from "../../db/seed";
import { makeTeam, sampleFields } from "../helpers/fixtures";

const query = (params: Record<string, string | string[]>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) search.append(key, v);
  return parseLibraryQuery(search).query;
};

let editor: Member;
let codeId: (label: string) => string;

beforeAll(async () => {
  await seedDemo(db);
  const workspace = db.select().from(workspaces).where(eq(workspaces.name, DEMO_WORKSPACE_NAME)).get()!;
  const membership = db
    .select()
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.role, "editor")))
    .get()!;
  editor = findMember(membership.userId, workspace.id)!;
  const codes = searchLibrary(editor, query({})).facets.codes;
  codeId = (label) => codes.find((code) => code.label === label)!.id;
});

describe("case library", () => {
  it("finds Ségou when searching Segou, with the match marked in the snippet", () => {
    const found = searchLibrary(editor, query({ q: "Segou" }));
    expect(found.results.map((r) => r.title)).toEqual([
      "Mali, Ségou — local truce between Katiba Macina and local militias",
    ]);
    expect(found.results[0].snippet).toContain(`${SNIPPET_START}Ségou${SNIPPET_END}`);
  });

  it("searches source titles and body text, all words required", () => {
    expect(searchLibrary(editor, query({ q: "opinion piece" })).results).toHaveLength(8);
    expect(searchLibrary(editor, query({ q: "hostage exchanges" })).results.map((r) => r.regions[0])).toEqual(
      ["Mali"],
    );
    expect(searchLibrary(editor, query({ q: "hostage Mauritania" })).results).toHaveLength(0);
  });

  it("filters by code (all / any), region and period, and counts per facet", () => {
    const truce = codeId("Temporary truce or ceasefire");
    const reduced = codeId("Reduced threat or violence");
    expect(
      searchLibrary(editor, query({ code: truce }))
        .results.map((r) => r.regions[0])
        .sort(),
    ).toEqual(["Burkina Faso", "Mali"]);
    expect(searchLibrary(editor, query({ code: [truce, reduced], match: "all" })).results).toHaveLength(0);
    expect(searchLibrary(editor, query({ code: [truce, reduced], match: "any" })).results).toHaveLength(4);
    const inAlgeria = searchLibrary(editor, query({ code: reduced, region: "Algeria" }));
    expect(inAlgeria.results.map((r) => r.regions[0])).toEqual(["Algeria"]);
    // Region counts ignore the region filter itself but respect the code filter.
    expect(inAlgeria.facets.regions.find((f) => f.value === "Mauritania")?.count).toBe(1);
    expect(inAlgeria.facets.regions.find((f) => f.value === "Somalia")?.count).toBe(0);
    // Open ends reach as far as they can: Algeria 1997– (open), Burkina Faso (open)–2022…
    const period = searchLibrary(editor, query({ from: "2010", to: "2015" }));
    expect(period.results.map((r) => r.regions[0]).sort()).toEqual([
      "Algeria",
      "Burkina Faso",
      "Mali",
      "Mali",
      "Mauritania",
      "Niger",
    ]);
    const open = searchLibrary(editor, query({ from: "2024" }));
    expect(open.results.map((r) => r.regions[0]).sort()).toEqual(["Algeria", "Mali", "Mali"]);
  });

  it("sorts by title and period", () => {
    expect(searchLibrary(editor, query({ sort: "title" })).results[0].title).toMatch(/^Algeria/);
    expect(searchLibrary(editor, query({ sort: "period" })).results[0].title).toMatch(/^Algeria/);
  });

  it("keeps the index in step with edits and never shows another workspace's case", async () => {
    const team = await makeTeam();
    updateCaseFields(team.people.editor.member, team.caseStudy.id, 1, {
      ...sampleFields,
      title: "Quelque négociation à Tombouctou",
    });
    expect(
      searchLibrary(team.people.reviewer.member, query({ q: "tombouctou negociation" })).results,
    ).toHaveLength(1);
    expect(searchLibrary(team.people.reviewer.member, query({ q: "Segou" })).results).toHaveLength(0);
    expect(searchLibrary(editor, query({ q: "Tombouctou" })).results).toHaveLength(0);
  });

  it("shows trainers the approved version only: no draft title, text or case", async () => {
    const team = await makeTeam();
    const trainer = team.people.trainer.member;
    updateCaseFields(team.people.editor.member, team.caseStudy.id, 1, {
      ...sampleFields,
      title: "Draft title about Kidal",
    });
    expect(searchLibrary(trainer, query({ q: "Kidal" })).results).toHaveLength(0);
    const approved = searchLibrary(trainer, query({ q: "local talks" }));
    expect(approved.results.map((r) => r.title)).toEqual([sampleFields.title]);
    expect(approved.results[0].snippet).toContain(`${SNIPPET_START}local${SNIPPET_END}`);
    createCase(team.people.editor.member, { ...sampleFields, title: "Never approved" });
    expect(searchLibrary(trainer, query({})).results.map((r) => r.title)).toEqual([sampleFields.title]);
    expect(searchLibrary(team.people.reviewer.member, query({})).results).toHaveLength(2);
  });

  it("reads an empty filter value (a select's first option) as no filter", () => {
    const { query: parsed, problems } = parseLibraryQuery(
      new URLSearchParams("q=Segou&actor=&mediator=&region=&code=&linked="),
    );
    expect(problems).toEqual([]);
    expect(parsed).toMatchObject({ actor: [], mediator: [], region: [], code: [], linked: "" });
    expect(searchLibrary(editor, parsed).results).toHaveLength(1);
  });

  it("never passes user input through as FTS syntax", () => {
    for (const q of [
      'NEAR("a" b) OR * -x',
      '"unbalanced',
      "title:Mali",
      "{body}: x",
      "a AND OR b",
      "^Mali",
      "x NOT",
      ")(",
      "***",
    ])
      expect(() => searchLibrary(editor, query({ q }))).not.toThrow();
    expect(searchLibrary(editor, query({ q: '"unbalanced' })).results).toHaveLength(0);
    expect(searchLibrary(editor, query({ q: '"hostage exchanges' })).search.problem).toBe("quote");
    expect(parseLibraryQuery(new URLSearchParams("from=abc")).problems[0]).toMatch(
      /^cases\.list\.yearsRange\|/,
    );
  });

  it("finds the word forms, phrases, operators and joined words the issue names", () => {
    const titles = (q: string) =>
      searchLibrary(editor, query({ q }))
        .results.map((r) => r.title.split(/[ ,]/)[0])
        .sort();
    expect(titles("negotiate")).toEqual(titles("negotiations"));
    expect(titles("negotiate").length).toBeGreaterThan(0);
    expect(titles("truces")).toEqual(["Mali"]);
    expect(titles("jihadists")).toEqual(titles("jihadist"));
    expect(titles("deradicalization")).toEqual(["Mauritania"]);
    expect(titles('"hostage exchange"')).toEqual(["Mali"]);
    expect(titles("truce OR deradicalise")).toEqual(["Mali", "Mauritania"]);
    expect(titles("negotiations -Algeria")).not.toContain("Algeria");
    expect(titles("negot*")).toContain("Algeria");
  });
});
