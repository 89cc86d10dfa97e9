import { beforeAll, describe, expect, it } from "vitest";
import { addCaseLink, caseLinksOf, LinkRejectedError, removeCaseLink } from "~/models/case-links.server";
import { createCase } from "~/models/cases.server";
import { searchLibrary } from "~/models/library.server";
import { approveCase, submitForReview } from "~/models/reviews.server";
import { crossCaseTimeline } from "~/models/timeline.server";
import { parseLibraryQuery } from "~/queries/library";
import { msg } from "~/utils/messages";
import { makeTeam, sampleFields } from "../helpers/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;

const refusal = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof LinkRejectedError) return error.errors;
    return { status: (error as { init?: { status?: number } }).init?.status };
  }
};

beforeAll(async () => {
  team = await makeTeam();
});

describe("links between cases", () => {
  it("read from both cases, and the library and the timeline follow them", () => {
    const editor = team.people.editor.member;
    const earlier = createCase(editor, { ...sampleFields, title: "Earlier talks", periodStart: 2012 }).id;
    const later = createCase(editor, { ...sampleFields, title: "Later talks", periodStart: 2015 }).id;
    const unrelated = createCase(editor, { ...sampleFields, title: "Unrelated" }).id;
    addCaseLink(editor, earlier, { targetId: later, kind: "earlier_phase", note: "Same mediators" });
    addCaseLink(editor, later, { targetId: team.caseStudy.id, kind: "influenced", note: "" });
    expect(caseLinksOf(editor, earlier)).toEqual([
      expect.objectContaining({ reading: "earlierPhaseOf", otherId: later, note: "Same mediators" }),
    ]);
    expect(caseLinksOf(editor, later).map((link) => [link.reading, link.otherTitle])).toEqual([
      ["influenced", sampleFields.title],
      ["laterPhaseOf", "Earlier talks"],
    ]);
    expect(caseLinksOf(editor, team.caseStudy.id)[0].reading).toBe("influencedBy");
    const { query } = parseLibraryQuery(new URLSearchParams({ linked: later }));
    expect(searchLibrary(editor, query).matchedIds.sort()).toEqual([earlier, team.caseStudy.id].sort());
    expect(searchLibrary(editor, query).matchedIds).not.toContain(unrelated);
    const timeline = crossCaseTimeline(editor, { query });
    expect(timeline.groups.flatMap((group) => group.cases.map((item) => item.id)).sort()).toEqual(
      [earlier, later, team.caseStudy.id].sort(),
    );
    expect(timeline.links).toHaveLength(2);
  });

  it("refuses a link to itself, twice the same, to another workspace's case, by a reviewer", () => {
    const editor = team.people.editor.member;
    const a = createCase(editor, { ...sampleFields, title: "A" }).id;
    const b = createCase(editor, { ...sampleFields, title: "B" }).id;
    expect(refusal(() => addCaseLink(editor, a, { targetId: a, kind: "contrasting", note: "" }))).toEqual({
      targetId: [msg("links.errors.self")],
    });
    addCaseLink(editor, a, { targetId: b, kind: "same_conflict", note: "" });
    // "Same conflict" reads the same both ways: the reverse link is the same link.
    expect(refusal(() => addCaseLink(editor, b, { targetId: a, kind: "same_conflict", note: "" }))).toEqual({
      targetId: [msg("links.errors.exists")],
    });
    expect(
      refusal(() => addCaseLink(editor, a, { targetId: team.otherCase.id, kind: "influenced", note: "" })),
    ).toEqual({ targetId: [msg("links.errors.pickCase")] });
    expect(
      refusal(() =>
        addCaseLink(team.people.reviewer.member, a, { targetId: b, kind: "influenced", note: "" }),
      ),
    ).toEqual({ status: 403 });
    const link = caseLinksOf(editor, a)[0];
    expect(refusal(() => removeCaseLink(editor, team.caseStudy.id, link.id))).toEqual({ status: 404 });
    removeCaseLink(editor, b, link.id);
    expect(caseLinksOf(editor, a)).toEqual([]);
  });

  it("shows trainers a link only when they may read both cases", () => {
    const editor = team.people.editor.member;
    const trainer = team.people.trainer.member;
    const draft = createCase(editor, { ...sampleFields, title: "Unapproved" }).id;
    addCaseLink(editor, draft, { targetId: team.caseStudy.id, kind: "contrasting", note: "" });
    expect(caseLinksOf(trainer, team.caseStudy.id).map((link) => link.otherId)).not.toContain(draft);
    submitForReview(editor, draft, { reviewerIds: [team.people.reviewer.id] });
    approveCase(team.people.reviewer.member, draft);
    expect(caseLinksOf(trainer, team.caseStudy.id).map((link) => link.otherId)).toContain(draft);
  });
});
