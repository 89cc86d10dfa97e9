// Confidential cases (ADR 0008): one visibility rule, checked on every read path; redacted exports;
// the audit entry written when a confidential case is opened; Arabic text found by search.
import type { JSONContent } from "@tiptap/core";
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getCaseAccess, setCaseConfidentiality } from "~/models/case-access.server";
import { getCaseActivity } from "~/models/case-activity.server";
import { createCase, getCase, listCases, saveCaseBody, trashCase } from "~/models/cases.server";
import { createCode } from "~/models/codebook-edits.server";
import { getCodebook, getCodeDetail } from "~/models/codes.server";
import { getComparison } from "~/models/comparison.server";
import { createComparisonSet, openComparisonSet } from "~/models/comparison-sets.server";
import { saveCaseConditions } from "~/models/conditions.server";
import {
  exportCase,
  getExportJob,
  openWorkspaceExport,
  startWorkspaceExport,
  waitForExport,
  workspaceExportSummary,
} from "~/models/exports.server";
import { searchLibrary } from "~/models/library.server";
import { filteredMatrix, visibleCases } from "~/models/matrix.server";
import { listMyReviews } from "~/models/my-reviews.server";
import { listNotifications, notify } from "~/models/notifications.server";
import { getReviewState, submitForReview } from "~/models/reviews.server";
import { listRevisions } from "~/models/revisions.server";
import { createSource, getSource, searchSources } from "~/models/sources.server";
import { createThread, listCaseThreads } from "~/models/threads.server";
import { parseLibraryQuery } from "~/queries/library";
import { parseMatrixQuery } from "~/queries/matrix";
import * as caseRoute from "~/routes/w.$workspaceId.cases.$caseId";
import * as detailsRoute from "~/routes/w.$workspaceId.cases.$caseId_.details";
import { db } from "~/utils/db.server";
import { hiddenCaseIds, type Member } from "~/utils/permissions.server";
import { auditLog, cases, notifications } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let secretId: string;
let openId: string;
let codeId: string;
let sourceId: string;
let owner: Member;
let editor: Member;
let reviewer: Member;
let trainer: Member;

const SECRET_TITLE = "Secret channel to the katiba";
const NAME = "Sheikh Hamadoun";
const ARABIC = "مفاوضات";

const body = (code: string, source: string): JSONContent => ({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Context" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Talks through " },
        {
          type: "text",
          text: NAME,
          marks: [
            { type: "sensitive" },
            { type: "tag", attrs: { codeId: code } },
            { type: "citation", attrs: { sourceId: source, locator: "p. 77" } },
          ],
        },
        { type: "text", text: " in Mopti." },
      ],
    },
    { type: "paragraph", content: [{ type: "text", text: `${ARABIC} مع الجماعة المسلحة` }] },
  ],
});

async function readAll(stream: AsyncIterable<Buffer | string>) {
  let text = "";
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

const libraryQuery = (params: Record<string, string>) => parseLibraryQuery(new URLSearchParams(params)).query;

beforeAll(async () => {
  team = await makeTeam();
  owner = team.people.owner.member;
  editor = team.people.editor.member;
  reviewer = team.people.reviewer.member;
  trainer = team.people.trainer.member;
  codeId = createCode(owner, {
    kind: "precondition",
    label: "Trusted intermediary",
    description: "",
    color: "#2563eb",
    parentId: null,
  }).id;
  sourceId = createSource(editor, { type: "report", title: "Field notes" }).id;
  secretId = createCase(editor, { ...sampleFields, title: SECRET_TITLE }).id;
  saveCaseBody(editor, secretId, { baseRevision: 1, doc: body(codeId, sourceId) });
  saveCaseConditions(editor, secretId, [{ codeId, value: "present", note: "", seenSetAt: 0 }]);
  // Approved, so that trainers (who read approved versions only) would see it but for the mark.
  db.update(cases).set({ status: "approved", approvedRevision: 2 }).where(eq(cases.id, secretId)).run();
  openId = team.caseStudy.id;
  // The editor marks it confidential and lists the trainer; the reviewer is not listed.
  setCaseConfidentiality(editor, secretId, { confidential: true, userIds: [team.people.trainer.id] });
});

describe("the visibility rule", () => {
  it("lists the marker automatically, leaves owners off the list, and hides the case from the others", () => {
    const access = getCaseAccess(owner, secretId);
    expect(access.confidential).toBe(true);
    const listed = access.people.filter((person) => person.listed).map((person) => person.userId);
    expect(listed.sort()).toEqual(
      [team.people.owner.id, team.people.editor.id, team.people.trainer.id].sort(),
    );
    expect(hiddenCaseIds(owner).size).toBe(0);
    expect([...hiddenCaseIds(reviewer)]).toEqual([secretId]);
    expect(hiddenCaseIds(trainer).size).toBe(0);
  });

  it("answers 404 to a non-listed member on the case itself, its activity, history and export", () => {
    for (const read of [
      () => getCase(reviewer, secretId),
      () => getCaseActivity(reviewer, secretId),
      () => listRevisions(reviewer, secretId),
      () => exportCase(reviewer, secretId, "md"),
    ])
      expect(read).toThrow(expect.objectContaining({ init: expect.objectContaining({ status: 404 }) }));
    expect(getCase(owner, secretId).title).toBe(SECRET_TITLE);
    expect(getCase(trainer, secretId).title).toBe(SECRET_TITLE);
  });

  it("keeps it out of the case list, the trash and the library search of a non-listed member", () => {
    expect(listCases(reviewer).map((c) => c.id)).not.toContain(secretId);
    expect(listCases(editor).map((c) => c.id)).toContain(secretId);
    const hidden = searchLibrary(reviewer, libraryQuery({ q: "Mopti" }));
    expect(hidden.results).toEqual([]);
    expect(searchLibrary(reviewer, libraryQuery({})).total).toBe(1);
    expect(searchLibrary(owner, libraryQuery({ q: "Mopti" })).results.map((r) => r.id)).toEqual([secretId]);
  });

  it("finds a case by an Arabic word of its text, for those who may see it", () => {
    const found = searchLibrary(owner, libraryQuery({ q: ARABIC }));
    expect(found.results.map((r) => r.id)).toEqual([secretId]);
    expect(found.results[0].snippet).toContain(ARABIC);
    expect(searchLibrary(reviewer, libraryQuery({ q: ARABIC })).results).toEqual([]);
  });

  it("leaves it out of the matrix, its figures and the side-by-side comparison", () => {
    const matrix = filteredMatrix(reviewer, parseMatrixQuery(new URLSearchParams()));
    expect(matrix.matrix.cases.map((c) => c.id)).toEqual([openId]);
    expect(visibleCases(reviewer, [secretId, openId]).cases.map((c) => c.id)).toEqual([openId]);
    expect(filteredMatrix(owner, parseMatrixQuery(new URLSearchParams())).matrix.cases).toHaveLength(2);
    const compared = getComparison(reviewer, { caseIds: [secretId, openId], codeIds: [] });
    expect(compared.cases).toEqual([]);
    expect(compared.leftOut).toBe(1);
  });

  it("opens a comparison set without it", () => {
    const setId = createComparisonSet(editor, {
      name: "Both",
      view: "side",
      caseIds: [secretId, openId],
      codeIds: [],
      outcomeId: null,
      settings: {},
    }).id;
    const opened = openComparisonSet(reviewer, setId);
    expect(opened.view === "side" && opened.caseIds).toEqual([openId]);
    const ownerView = openComparisonSet(owner, setId);
    expect(ownerView.view === "side" && ownerView.caseIds).toEqual([secretId, openId]);
  });

  it("shows no passage or count of it on the code page and in the codebook", () => {
    expect(getCodeDetail(reviewer, codeId).taggedCases).toEqual([]);
    const entry = getCodebook(reviewer).find((code) => code.id === codeId)!;
    expect([entry.passageCount, entry.presentCount]).toEqual([0, 0]);
    expect(getCodeDetail(owner, codeId).taggedCases.map((group) => group.caseId)).toEqual([secretId]);
  });

  it("does not say a source is cited in it", () => {
    expect(getSource(reviewer, sourceId).citedIn).toEqual([]);
    expect(searchSources(reviewer).sources.find((s) => s.id === sourceId)?.citingCases).toBe(0);
    expect(getSource(editor, sourceId).citedIn.map((c) => c.caseId)).toEqual([secretId]);
  });

  it("never notifies someone who may not see it, and hides older notifications about it", () => {
    const before = listNotifications(reviewer).items.length;
    notify(db, {
      userIds: [team.people.reviewer.id, team.people.owner.id],
      workspaceId: team.workspace.id,
      kind: "mentioned",
      actorId: team.people.editor.id,
      caseId: secretId,
    });
    expect(listNotifications(reviewer).items).toHaveLength(before);
    expect(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, team.people.reviewer.id), eq(notifications.caseId, secretId)))
        .all(),
    ).toEqual([]);
    // One written before the case became confidential (inserted directly) is not shown either.
    db.insert(notifications)
      .values({
        userId: team.people.reviewer.id,
        workspaceId: team.workspace.id,
        kind: "mentioned",
        actorId: team.people.editor.id,
        caseId: secretId,
        detail: {},
      })
      .run();
    expect(listNotifications(reviewer).items.some((item) => item.caseId === secretId)).toBe(false);
    expect(listNotifications(owner).items.some((item) => item.caseId === secretId)).toBe(true);
  });

  it("offers only those who may see it for mentions and as reviewers", () => {
    const people = listCaseThreads(editor, getCase(editor, secretId)).people.map((person) => person.id);
    expect(people).toContain(team.people.owner.id);
    expect(people).not.toContain(team.people.reviewer.id);
    const thread = createThread(editor, secretId, {
      exact: "Talks",
      prefix: "",
      suffix: " through",
      start: 8,
      end: 13,
      body: "Ask @reviewer",
      mentionIds: [team.people.reviewer.id],
    });
    expect(thread.threadId).toBeTruthy();
    const mentions = db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.threadId, thread.threadId), eq(notifications.userId, team.people.reviewer.id)),
      )
      .all();
    expect(mentions).toEqual([]);
    const draft = createCase(editor, { ...sampleFields, title: "Draft secret" }).id;
    setCaseConfidentiality(editor, draft, { confidential: true, userIds: [] });
    const choices = getReviewState(editor, draft).reviewersChoices.map((person) => person.id);
    expect(choices).toEqual([team.people.owner.id]);
    expect(() => submitForReview(editor, draft, { reviewerIds: [team.people.reviewer.id] })).toThrow(
      /review.errors.notApprovers/,
    );
    expect(listMyReviews(reviewer).waiting.map((row) => row.caseId)).not.toContain(secretId);
  });

  it("leaves it out of a non-listed member's workspace export and its counts", async () => {
    // Reviewers do not export the workspace; make the check with an editor who is not listed.
    const other = createCase(owner, { ...sampleFields, title: "Owner-only case" }).id;
    setCaseConfidentiality(owner, other, { confidential: true, userIds: [] });
    expect(workspaceExportSummary(owner).cases).toBe(workspaceExportSummary(editor).cases + 1);
    const job = startWorkspaceExport(editor);
    await waitForExport(job.id);
    expect(getExportJob(editor, job.id)?.status).toBe("done");
    const opened = openWorkspaceExport(editor, job.id);
    const text = await readAll(opened.stream);
    expect(text).toContain(SECRET_TITLE);
    expect(text).not.toContain("Owner-only case");
  });

  it("leaves a trashed confidential case out of a non-listed member's trash", () => {
    const trashed = createCase(owner, { ...sampleFields, title: "Trashed secret" }).id;
    setCaseConfidentiality(owner, trashed, { confidential: true, userIds: [] });
    trashCase(owner, trashed);
    expect(listCases(editor, { trashed: true }).map((c) => c.id)).not.toContain(trashed);
    expect(listCases(owner, { trashed: true }).map((c) => c.id)).toContain(trashed);
  });

  it("refuses the mark to reviewers and trainers (403) and to a member who cannot see the case (404)", () => {
    expect(() => setCaseConfidentiality(reviewer, openId, { confidential: true, userIds: [] })).toThrow(
      expect.objectContaining({ init: expect.objectContaining({ status: 403 }) }),
    );
    const ownersOnly = createCase(owner, { ...sampleFields, title: "Owners only" }).id;
    setCaseConfidentiality(owner, ownersOnly, { confidential: true, userIds: [] });
    expect(() => setCaseConfidentiality(editor, ownersOnly, { confidential: false, userIds: [] })).toThrow(
      expect.objectContaining({ init: expect.objectContaining({ status: 404 }) }),
    );
  });
});

describe("the case page and the details form", () => {
  it("writes an audit entry each time a confidential case is opened, and none for other cases", async () => {
    const params = { workspaceId: team.workspace.id, caseId: secretId };
    const opened = await callRoute(caseRoute, { path: "/case", params, cookie: team.people.trainer.cookie });
    expect(opened.status).toBe(200);
    const entry = db.select().from(auditLog).orderBy(desc(auditLog.id)).get()!;
    expect(entry).toMatchObject({
      action: "case.confidential_opened",
      userId: team.people.trainer.id,
      detail: { caseId: secretId },
    });
    const hidden = await callRoute(caseRoute, { path: "/case", params, cookie: team.people.reviewer.cookie });
    expect(hidden.status).toBe(404);
    await callRoute(caseRoute, {
      path: "/case",
      params: { ...params, caseId: openId },
      cookie: team.people.trainer.cookie,
    });
    expect(db.select().from(auditLog).orderBy(desc(auditLog.id)).get()!.id).toBe(entry.id);
  });

  it("saves the language of the case, refusing a tag that is not BCP 47", async () => {
    const caseId = createCase(editor, sampleFields).id;
    const form = {
      title: "Talks in Arabic",
      regions: "Syria",
      periodStart: "2016",
      periodEnd: "",
      actors: "",
      mediators: "",
      summary: "",
      revision: "1",
    };
    const params = { workspaceId: team.workspace.id, caseId };
    const cookie = team.people.editor.cookie;
    const bad = await callRoute(detailsRoute, {
      method: "POST",
      path: "/details",
      params,
      cookie,
      form: { ...form, language: "other", languageOther: "not a tag!" },
    });
    expect(bad.status).toBe(400);
    expect(getCase(editor, caseId).language).toBe("en");
    const ok = await callRoute(detailsRoute, {
      method: "POST",
      path: "/details",
      params,
      cookie,
      form: { ...form, language: "other", languageOther: "AR-sy" },
    });
    expect(ok.status).toBe(302);
    expect(getCase(editor, caseId).language).toBe("ar-SY");
  });

  it("marks a case confidential from the details page", async () => {
    const caseId = createCase(editor, sampleFields).id;
    const result = await callRoute(detailsRoute, {
      method: "POST",
      path: "/details",
      params: { workspaceId: team.workspace.id, caseId },
      cookie: team.people.editor.cookie,
      form: { intent: "confidentiality", confidential: "on", readers: team.people.reviewer.id },
    });
    expect(result.status).toBe(302);
    expect(getCaseAccess(owner, caseId).confidential).toBe(true);
    expect(getCase(reviewer, caseId).id).toBe(caseId);
    expect(() => getCase(trainer, caseId)).toThrow();
  });
});

describe("redacted exports", () => {
  it("replace sensitive passages and drop their citations' locators in Markdown and JSON", () => {
    const full = exportCase(owner, secretId, "md").body;
    expect(full).toContain(NAME);
    expect(full).toContain("p. 77");
    for (const format of ["md", "json"] as const) {
      const redacted = exportCase(owner, secretId, format, undefined, undefined, { redacted: true }).body;
      expect(redacted).not.toContain(NAME);
      expect(redacted).not.toContain("Hamadoun");
      expect(redacted).not.toContain("p. 77");
      // Markdown escapes the brackets.
      expect(redacted).toMatch(/\\?\[redacted\\?\]/);
      expect(redacted).toContain("Field notes");
    }
  });

  it("are the only exports a trainer gets", () => {
    const asked = exportCase(trainer, secretId, "json").body;
    expect(asked).not.toContain(NAME);
    expect(JSON.parse(asked).redacted).toBe(true);
  });

  it("redact the workspace file's bodies and revisions and leave its threads out", async () => {
    const job = startWorkspaceExport(owner, undefined, { redacted: true });
    await waitForExport(job.id);
    expect(getExportJob(owner, job.id)?.filename).toMatch(/-redacted\.json$/);
    const opened = openWorkspaceExport(owner, job.id);
    const text = await readAll(opened.stream);
    expect(text).toContain(SECRET_TITLE);
    expect(text).not.toContain(NAME);
    expect(text).not.toContain("Ask @reviewer");
  });
});
