import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase, saveCaseBody } from "~/models/cases.server";
import { ConditionsConflictError, listCaseConditions, saveCaseConditions } from "~/models/conditions.server";
import { newId } from "~/models/ids.server";
import { db } from "~/utils/db.server";
import { caseConditions, cases, codes } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";
import { doc, heading, paragraph, tag, text } from "../unit/editor/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let channel: string; // precondition
let subChannel: string; // precondition under `channel`
let truce: string; // outcome
let foreignCode: string; // a code of the other workspace

function addCode(workspaceId: string, label: string, kind: "precondition" | "outcome", parentId?: string) {
  const id = newId();
  db.insert(codes)
    .values({ id, workspaceId, kind, label, color: "#2ca02c", parentId: parentId ?? null })
    .run();
  return id;
}

const route = () => import("../../app/routes/w.$workspaceId.cases.$caseId_.conditions");
const freshCase = () => createCase(team.people.editor.member, sampleFields).id;

beforeAll(async () => {
  team = await makeTeam();
  channel = addCode(team.workspace.id, "Local channel (communities, militias)", "precondition");
  subChannel = addCode(team.workspace.id, "A militia channel", "precondition", channel);
  truce = addCode(team.workspace.id, "Temporary truce or ceasefire", "outcome");
  foreignCode = addCode(team.otherWorkspace.id, "Foreign code", "outcome");
});

/** The form the page posts: one code, value, note and seen timestamp per code. */
function formFor(values: Record<string, { value: string; note?: string; seen?: number }>) {
  const form = new URLSearchParams();
  for (const [codeId, entry] of Object.entries(values)) {
    form.append("code", codeId);
    form.append(`value:${codeId}`, entry.value);
    form.append(`note:${codeId}`, entry.note ?? "");
    form.append(`seen:${codeId}`, String(entry.seen ?? 0));
  }
  return form;
}

async function post(caseId: string, cookie: string, form: URLSearchParams) {
  const module = await route();
  const request = new Request("http://localhost/conditions", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: form,
  });
  try {
    const result = await module.action({
      request,
      params: { workspaceId: team.workspace.id, caseId },
      context: { cspNonce: "" },
    });
    if (result instanceof Response) return { status: result.status, body: null };
    const init = (result as { init?: { status?: number } }).init;
    return { status: init?.status ?? 200, body: (result as { data?: unknown }).data };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    const init = (thrown as { init?: { status?: number } }).init;
    if (init?.status) return { status: init.status, body: null };
    throw thrown;
  }
}

describe("case conditions", () => {
  it("lists every code as unknown by default, parents before their sub-codes", () => {
    const caseId = freshCase();
    const conditions = listCaseConditions(team.people.reviewer.member, caseId);
    expect(conditions.map((c) => [c.code.label, c.code.depth, c.value])).toEqual([
      ["Local channel (communities, militias)", 0, "unknown"],
      ["A militia channel", 1, "unknown"],
      ["Temporary truce or ceasefire", 0, "unknown"],
    ]);
    expect(conditions.every((c) => c.setAt === null && c.passages.length === 0 && c.flag === null)).toBe(
      true,
    );
  });

  it("saves values and notes, and records who set them only for what changed", async () => {
    const caseId = freshCase();
    const editor = team.people.editor.member;
    saveCaseConditions(editor, caseId, [
      { codeId: channel, value: "present", note: "  Local militias talked.  ", seenSetAt: 0 },
      { codeId: truce, value: "unknown", note: "", seenSetAt: 0 },
    ]);
    let rows = listCaseConditions(editor, caseId);
    const channelRow = rows.find((c) => c.code.id === channel)!;
    expect(channelRow).toMatchObject({
      value: "present",
      note: "Local militias talked.",
      setByName: "editor",
    });
    // Unknown without a note stores nothing: a missing row is unknown.
    expect(db.select().from(caseConditions).where(eq(caseConditions.caseId, caseId)).all()).toHaveLength(1);

    // The owner saves the whole form again, changing only the outcome: the precondition keeps its author.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = await post(
      caseId,
      team.people.owner.cookie,
      formFor({
        [channel]: { value: "present", note: "Local militias talked.", seen: channelRow.setAt!.getTime() },
        [subChannel]: { value: "unknown" },
        [truce]: { value: "absent", note: "No truce is reported." },
      }),
    );
    expect(result.status).toBe(302);
    rows = listCaseConditions(editor, caseId);
    expect(rows.find((c) => c.code.id === channel)).toMatchObject({
      setByName: "editor",
      setAt: channelRow.setAt,
    });
    expect(rows.find((c) => c.code.id === truce)).toMatchObject({ value: "absent", setByName: "Owner" });

    // Back to unknown with no note: the row goes.
    saveCaseConditions(editor, caseId, [
      {
        codeId: truce,
        value: "unknown",
        note: "",
        seenSetAt: rows.find((c) => c.code.id === truce)!.setAt!.getTime(),
      },
    ]);
    const stored = db
      .select()
      .from(caseConditions)
      .where(and(eq(caseConditions.caseId, caseId), eq(caseConditions.codeId, truce)))
      .get();
    expect(stored).toBeUndefined();
  });

  it("shows tagged passages as evidence and flags a code tagged but set absent", () => {
    const caseId = freshCase();
    const editor = team.people.editor.member;
    saveCaseBody(editor, caseId, {
      baseRevision: 1,
      doc: doc(
        heading(2, "Outcomes"),
        paragraph("Negotiations led to ", text("a temporary truce", tag(truce)), "."),
        heading(2, "Actors"),
        paragraph(text("local militias", tag(channel)), " took part."),
      ),
    });
    let rows = listCaseConditions(team.people.reviewer.member, caseId);
    expect(rows.find((c) => c.code.id === truce)).toMatchObject({
      value: "unknown",
      flag: "tagged-unknown",
      passages: [{ text: "a temporary truce", section: "Outcomes" }],
    });
    saveCaseConditions(editor, caseId, [
      { codeId: truce, value: "absent", note: "Disputed by the source.", seenSetAt: 0 },
      { codeId: channel, value: "present", note: "", seenSetAt: 0 },
    ]);
    rows = listCaseConditions(team.people.reviewer.member, caseId);
    expect(rows.find((c) => c.code.id === truce)?.flag).toBe("tagged-absent");
    expect(rows.find((c) => c.code.id === channel)?.flag).toBeNull();
    // A missing tag never turns into "absent" by itself.
    expect(rows.find((c) => c.code.id === subChannel)).toMatchObject({ value: "unknown", flag: null });
  });

  it("lets only owners and editors save (trainer and reviewer: 403, outsider: 404)", async () => {
    const caseId = freshCase();
    const form = formFor({ [channel]: { value: "present", note: "Should not be saved" } });
    expect((await post(caseId, team.people.trainer.cookie, form)).status).toBe(403);
    expect((await post(caseId, team.people.reviewer.cookie, form)).status).toBe(403);
    expect((await post(caseId, team.outsider.cookie, form)).status).toBe(404);
    expect(() =>
      saveCaseConditions(team.people.trainer.member, caseId, [
        { codeId: channel, value: "present", note: "", seenSetAt: 0 },
      ]),
    ).toThrow();
    expect(db.select().from(caseConditions).where(eq(caseConditions.caseId, caseId)).all()).toEqual([]);
  });

  it("refuses a code of another workspace in the form and saves nothing", async () => {
    const caseId = freshCase();
    const result = await post(
      caseId,
      team.people.editor.cookie,
      formFor({ [channel]: { value: "present" }, [foreignCode]: { value: "absent" } }),
    );
    expect(result.status).toBe(404);
    expect(db.select().from(caseConditions).where(eq(caseConditions.caseId, caseId)).all()).toEqual([]);
    const outsiderCase = await callRoute(await route(), {
      path: "/conditions",
      params: { workspaceId: team.workspace.id, caseId: team.otherCase.id },
      cookie: team.people.owner.cookie,
    });
    expect(outsiderCase.status).toBe(404);
  });

  it("answers 400 with the message next to the note, keeping what was typed", async () => {
    const caseId = freshCase();
    const long = "x".repeat(1001);
    const result = await post(
      caseId,
      team.people.editor.cookie,
      formFor({ [channel]: { value: "present", note: long }, [truce]: { value: "maybe" } }),
    );
    expect(result.status).toBe(400);
    const body = result.body as {
      errors: Record<string, string[]>;
      values: { note: Record<string, string> };
    };
    expect(body.errors[`note:${channel}`]?.[0]).toBe('conditions.errors.noteTooLong|{"max":1000}');
    expect(body.errors.form?.[0]).toBe("conditions.errors.valueInvalid");
    expect(body.values.note[channel]).toBe(long);
    expect(db.select().from(caseConditions).where(eq(caseConditions.caseId, caseId)).all()).toEqual([]);
  });

  it("does not silently replace a colleague's change made after the form was opened", async () => {
    const caseId = freshCase();
    saveCaseConditions(team.people.owner.member, caseId, [
      { codeId: truce, value: "present", note: "Owner says so.", seenSetAt: 0 },
    ]);
    // The editor opened the page before the owner saved: they saw "unknown" (seen 0) and chose "absent".
    expect(() =>
      saveCaseConditions(team.people.editor.member, caseId, [
        { codeId: truce, value: "absent", note: "", seenSetAt: 0 },
        { codeId: channel, value: "present", note: "", seenSetAt: 0 },
      ]),
    ).toThrow(ConditionsConflictError);
    const result = await post(
      caseId,
      team.people.editor.cookie,
      formFor({ [truce]: { value: "absent" }, [channel]: { value: "present" } }),
    );
    expect(result.status).toBe(409);
    const rows = listCaseConditions(team.people.editor.member, caseId);
    expect(rows.find((c) => c.code.id === truce)).toMatchObject({ value: "present", setByName: "Owner" });
    expect(rows.find((c) => c.code.id === channel)?.value).toBe("unknown");
    // Having seen the owner's value, the editor can replace it.
    const seen = rows.find((c) => c.code.id === truce)!.setAt!.getTime();
    saveCaseConditions(team.people.editor.member, caseId, [
      { codeId: truce, value: "absent", note: "", seenSetAt: seen },
    ]);
    expect(
      listCaseConditions(team.people.editor.member, caseId).find((c) => c.code.id === truce)?.value,
    ).toBe("absent");
  });

  it("shows trainers the evidence of the approved version, not of a newer draft", () => {
    const caseId = freshCase();
    const editor = team.people.editor.member;
    const approved = saveCaseBody(editor, caseId, {
      baseRevision: 1,
      doc: doc(paragraph("Negotiations led to ", text("a temporary truce", tag(truce)), ".")),
    });
    db.update(cases)
      .set({ status: "approved", approvedRevision: approved.revision })
      .where(eq(cases.id, caseId))
      .run();
    saveCaseBody(editor, caseId, {
      baseRevision: approved.revision,
      doc: doc(paragraph("Draft: ", text("a draft-only passage", tag(truce)), ".")),
    });
    const forTrainer = listCaseConditions(team.people.trainer.member, caseId).find(
      (c) => c.code.id === truce,
    );
    expect(forTrainer?.passages).toEqual([{ text: "a temporary truce", section: "" }]);
    const forEditor = listCaseConditions(editor, caseId).find((c) => c.code.id === truce);
    expect(forEditor?.passages).toEqual([{ text: "a draft-only passage", section: "" }]);
  });
});

describe("the case's timeline", () => {
  it("records which values were stated, and to what, and says it in the reader's language", async () => {
    const { getCaseActivity } = await import("~/models/case-activity.server");
    const { activityInWords } = await import("~/components/review/activity-timeline");
    const { createInstance } = await import("i18next");
    const { catalogues } = await import("~/locales");
    const { i18nOptions } = await import("~/utils/i18n");
    const caseId = freshCase();
    const editor = team.people.editor.member;
    saveCaseConditions(editor, caseId, [
      { codeId: channel, value: "present", note: "", seenSetAt: 0 },
      { codeId: truce, value: "absent", note: "No truce.", seenSetAt: 0 },
      { codeId: subChannel, value: "unknown", note: "", seenSetAt: 0 },
    ]);
    const [entry] = getCaseActivity(editor, caseId).entries;
    expect(entry).toMatchObject({ kind: "conditions_set", actorName: "editor" });
    expect(entry.codeLabels).toEqual([
      "Local channel (communities, militias)",
      "Temporary truce or ceasefire",
    ]);
    for (const [lng, words] of [
      [
        "en",
        "stated the conditions: Local channel (communities, militias) present and Temporary truce or ceasefire absent",
      ],
      [
        "fr",
        "a renseigné les conditions : Local channel (communities, militias) présent et Temporary truce or ceasefire absent",
      ],
    ] as const) {
      const instance = createInstance();
      instance.init({
        ...i18nOptions,
        lng,
        resources: { [lng]: { translation: catalogues[lng] } },
        initImmediate: false,
      });
      expect(activityInWords(entry, instance.getFixedT(lng), lng).text).toBe(words);
    }
  });
});
