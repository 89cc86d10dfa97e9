import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, saveCaseBody, trashCase } from "~/models/cases.server";
import { getComparison } from "~/models/comparison.server";
import { newId } from "~/models/ids.server";
import { createSource } from "~/models/sources.server";
import { parseCompareQuery } from "~/queries/compare";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { caseConditions, cases, codes } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";
import { cite, doc, paragraph, section, tag, text } from "../unit/editor/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let truce: string;
let channel: string;

function addCode(label: string, kind: "precondition" | "outcome") {
  const id = newId();
  db.insert(codes).values({ id, workspaceId: team.workspace.id, kind, label, color: "#2ca02c" }).run();
  return id;
}

/** A case of the team with this body, saved by the editor (revision 2). */
function caseWith(title: string, body: ReturnType<typeof doc>) {
  const { id } = createCase(team.people.editor.member, { ...sampleFields, title });
  saveCaseBody(team.people.editor.member, id, { baseRevision: 1, doc: body });
  return id;
}

const approve = (caseId: string, revision: number) =>
  db.update(cases).set({ status: "approved", approvedRevision: revision }).where(eq(cases.id, caseId)).run();

const compare = (member: Team["people"]["editor"]["member"], caseIds: string[], codeIds: string[] = []) =>
  getComparison(member, { caseIds, codeIds });

beforeAll(async () => {
  team = await makeTeam();
  truce = addCode("Temporary truce or ceasefire", "outcome");
  channel = addCode("Local channel (communities, militias)", "precondition");
  addCode("Stable political leadership", "precondition");
});

describe("side-by-side comparison", () => {
  it("aligns sections by title: standard ones in their order, then the others as first seen", () => {
    const first = caseWith(
      "First",
      doc(
        section("Lessons"),
        paragraph("First lessons."),
        section("Funding"),
        paragraph("First funding."),
        section(" context "),
        paragraph("First context."),
      ),
    );
    const second = caseWith(
      "Second",
      doc(
        paragraph("Second opening words."),
        section("Context"),
        paragraph("Second context."),
        section("Actors"),
        paragraph(),
        section("Timeline"),
        paragraph("Second timeline."),
        section("FUNDING"),
        paragraph("Second funding."),
      ),
    );
    const comparison = compare(team.people.editor.member, [first, second]);
    expect(comparison.sections.map((row) => row.title)).toEqual([
      "Introduction",
      "Context",
      "Actors",
      "Lessons",
      "Funding",
      "Timeline",
    ]);
    const [a, b] = comparison.cases;
    expect(a.title).toBe("First");
    expect(a.sections[0]).toBeNull();
    expect(a.sections[1]).toContain("First context.");
    expect(b.sections[1]).toContain("Second context.");
    expect(b.sections[0]).toContain("Second opening words.");
    // An empty section reads as not written, like a missing one; headings are not repeated in the cells.
    expect(a.sections[2]).toBeNull();
    expect(b.sections[2]).toBeNull();
    expect(a.sections[4]).toContain("First funding.");
    expect(b.sections[4]).toContain("Second funding.");
    expect(a.sections[5]).toBeNull();
    expect(b.sections[1]).not.toContain("<h2");
  });

  it("lines up a case written with French section headings with an English one, titled in the reader's language", () => {
    const english = caseWith("English", doc(section("Context"), paragraph("English context.")));
    const french = caseWith(
      "French",
      doc(
        section("Contexte"),
        paragraph("Contexte français."),
        section("Enseignements"),
        paragraph("Leçons."),
      ),
    );
    const inEnglish = compare(team.people.editor.member, [english, french]);
    expect(inEnglish.sections.map((row) => row.title)).toEqual(["Context", "Lessons"]);
    expect(inEnglish.cases[0].sections[0]).toContain("English context.");
    expect(inEnglish.cases[1].sections[0]).toContain("Contexte français.");
    const inFrench = getComparison(
      { ...team.people.editor.member, locale: "fr" },
      { caseIds: [english, french], codeIds: [] },
    );
    expect(inFrench.sections.map((row) => row.title)).toEqual(["Contexte", "Enseignements"]);
  });

  it("numbers citations as in the whole case, with anchors of its own column", () => {
    const later = createSource(team.people.editor.member, { type: "report", title: "Cited second" }).id;
    const earlier = createSource(team.people.editor.member, { type: "report", title: "Cited first" }).id;
    const cited = caseWith(
      "Cited",
      doc(
        section("Context"),
        paragraph(text("Earlier claim", cite(earlier, "p. 1")), "."),
        section("Lessons"),
        paragraph(text("Later claim", cite(later, "p. 9")), " and ", text("again", cite(earlier))),
      ),
    );
    const plain = caseWith("Plain", doc(section("Context"), paragraph("Nothing cited.")));
    const comparison = compare(team.people.editor.member, [plain, cited]);
    const column = comparison.cases[1];
    const lessons = column.sections[comparison.sections.findIndex((row) => row.title === "Lessons")]!;
    expect(lessons).toContain('<a href="#c1-ref-2">[2]</a>');
    expect(lessons).toContain('<a href="#c1-ref-1">[1]</a>');
    expect(column.bibliography.map((entry) => [entry.number, entry.sourceId])).toEqual([
      [1, earlier],
      [2, later],
    ]);
    expect(comparison.cases[0].bibliography).toEqual([]);
  });

  it("leaves out, with a count, cases of another workspace, in the trash or unknown", async () => {
    const trashed = caseWith("Trashed", doc(section("Context"), paragraph("Gone.")));
    trashCase(team.people.editor.member, trashed);
    const kept = caseWith("Kept", doc(section("Context"), paragraph("Here.")));
    const comparison = compare(team.people.reviewer.member, [
      team.caseStudy.id,
      team.otherCase.id,
      trashed,
      kept,
    ]);
    expect(comparison.cases.map((entry) => entry.title)).toEqual([sampleFields.title, "Kept"]);
    expect(comparison.leftOut).toBe(2);
    expect(JSON.stringify(comparison)).not.toContain("Other workspace's case");

    const page = await import("../../app/routes/w.$workspaceId.compare");
    const tooFew = await callRoute(page, {
      path: `/compare?case=${team.caseStudy.id}&case=${team.otherCase.id}&case=${"x".repeat(20)}`,
      params: { workspaceId: team.workspace.id },
      cookie: team.people.editor.cookie,
    });
    expect(tooFew.status).toBe(200);
    const body = tooFew.body as { comparison: { cases: unknown[]; leftOut: number } };
    expect(body.comparison.cases).toEqual([]);
    expect(body.comparison.leftOut).toBe(2);
  });

  it("shows a trainer the approved version, and leaves out cases never approved", () => {
    const id = caseWith("Approved title", doc(section("Context"), paragraph("Approved wording.")));
    approve(id, 2);
    saveCaseBody(team.people.editor.member, id, {
      baseRevision: 2,
      doc: doc(section("Context"), paragraph("Draft wording, not yet reviewed.")),
    });
    const draftOnly = caseWith("Never approved", doc(section("Context"), paragraph("Draft only.")));

    const forTrainer = compare(team.people.trainer.member, [team.caseStudy.id, id, draftOnly]);
    expect(forTrainer.cases.map((entry) => entry.title)).toEqual([sampleFields.title, "Approved title"]);
    expect(forTrainer.leftOut).toBe(1);
    expect(forTrainer.cases[1].sections[0]).toContain("Approved wording.");
    expect(JSON.stringify(forTrainer)).not.toContain("Draft wording");

    const forEditor = compare(team.people.editor.member, [id, draftOnly]);
    expect(forEditor.cases[0].sections[0]).toContain("Draft wording, not yet reviewed.");
    expect(forEditor.leftOut).toBe(0);
  });

  it("counts the passages of highlighted codes per column and lists the conditions, unknown when unstated", () => {
    const tagged = caseWith(
      "Tagged",
      doc(
        section("Outcomes"),
        paragraph("They agreed ", text("a temporary truce", tag(truce)), " and later "),
        paragraph(text("a second truce", tag(truce)), "."),
        section("Process"),
        paragraph(text("Through local militias", tag(channel)), "."),
      ),
    );
    const untagged = caseWith("Untagged", doc(section("Outcomes"), paragraph("No truce.")));
    db.insert(caseConditions)
      .values([
        { caseId: tagged, codeId: truce, value: "present", setBy: team.people.editor.id, setAt: new Date() },
        { caseId: untagged, codeId: truce, value: "absent", setBy: team.people.editor.id, setAt: new Date() },
      ])
      .run();

    const comparison = compare(team.people.reviewer.member, [tagged, untagged], [truce, "zzzzzzzzzz"]);
    expect(comparison.highlighted.map((code) => code.id)).toEqual([truce]);
    expect(comparison.ignoredCodes).toBe(1);
    expect(comparison.cases.map((entry) => entry.highlightCounts)).toEqual([[2], [0]]);
    expect(comparison.pickerCodes.map((code) => [code.label, code.passages])).toEqual([
      ["Local channel (communities, militias)", 1],
      ["Temporary truce or ceasefire", 2],
    ]);
    const outcomes = comparison.conditions.outcomes;
    expect(outcomes.map((row) => [row.code.label, row.values, row.passages])).toEqual([
      ["Temporary truce or ceasefire", ["present", "absent"], [2, 0]],
    ]);
    // Tagged but never stated: shown, and unknown.
    expect(comparison.conditions.preconditions.map((row) => [row.code.label, row.values])).toEqual([
      ["Local channel (communities, militias)", ["unknown", "unknown"]],
    ]);
    expect(comparison.unknownEverywhere.map((code) => code.label)).toEqual(["Stable political leadership"]);
    const outcomesRow = comparison.sections.findIndex((row) => row.title === "Outcomes");
    expect(comparison.cases[0].sections[outcomesRow]).toContain(`data-tag="${truce}"`);
  });

  it("answers 400 for more than four cases or a malformed id, and reads repeated ids once", async () => {
    const page = await import("../../app/routes/w.$workspaceId.compare");
    const ids = Array.from({ length: 5 }, (_, i) => `case${i}aaaaaaaa`);
    const call = (query: string) =>
      callRoute(page, {
        path: `/compare?${query}`,
        params: { workspaceId: team.workspace.id },
        cookie: team.people.trainer.cookie,
      });
    const tooMany = await call(ids.map((id) => `case=${id}`).join("&"));
    expect(tooMany.status).toBe(400);
    expect((tooMany.body as { problem: string }).problem).toBe(
      msg("compare.errors.tooManyCases", { max: 4 }),
    );
    expect((await call(`case=${team.caseStudy.id}&case=<script>`)).status).toBe(400);
    expect((await call(`case=${team.caseStudy.id}&case=${team.caseStudy.id}&code=a"b`)).status).toBe(400);

    // A saved set may name many codes: the first twelve are highlighted, the others counted, no error.
    const many = Array.from({ length: 13 }, (_, i) => addCode(`Extra code ${i}`, "outcome"));
    const twoCases = [team.caseStudy.id, caseWith("Sixth", doc(section("Context")))];
    const crowded = compare(team.people.editor.member, twoCases, many);
    expect(crowded.highlighted.map((code) => code.id)).toEqual(many.slice(0, 12));
    expect(crowded.codesOverLimit).toBe(1);
    expect(parseCompareQuery(new URLSearchParams(many.map((id) => `code=${id}`).join("&"))).ok).toBe(true);

    const repeated = parseCompareQuery(
      new URLSearchParams(`case=${ids[0]}&case=${ids[0]}&case=${ids[1]}&code=${ids[2]}`),
    );
    expect(repeated).toEqual({ ok: true, query: { caseIds: [ids[0], ids[1]], codeIds: [ids[2]] } });

    const ok = await call(`case=${team.caseStudy.id}&case=${caseWith("Fifth", doc(section("Context")))}`);
    // The trainer may not see the new draft: one case left, explained rather than refused.
    expect(ok.status).toBe(200);
    expect((ok.body as { comparison: { leftOut: number } }).comparison.leftOut).toBe(1);
  });
});
