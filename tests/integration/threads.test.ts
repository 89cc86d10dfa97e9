import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseAnchorText, describePassage } from "~/models/anchors";
import { createCase, getCase, saveCaseBody, trashCase, updateCaseFields } from "~/models/cases.server";
import {
  CASE_TRASHED_MESSAGE,
  createThread,
  deleteComment,
  editComment,
  listCaseThreads,
  replyToThread,
  setThreadStatus,
} from "~/models/threads.server";
import * as caseRoute from "~/routes/w.$workspaceId.cases.$caseId";
import { db } from "~/utils/db.server";
import type { Member } from "~/utils/permissions.server";
import { caseActivity, commentMentions, notifications, threads } from "../../db/schema";
import { addMember, makeTeam, makeUser, sampleFields, sessionCookie } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

type Team = Awaited<ReturnType<typeof makeTeam>>;

const CONTEXT =
  "Local leaders in Ségou asked the militias to stop. Negotiations led to a temporary truce between the Katiba and the militias.";
const PROCESS = "Talks with the army enabled hostage exchanges. The truce did not last.";

function body(context = CONTEXT, process = PROCESS) {
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Context" }] },
      { type: "paragraph", content: [{ type: "text", text: context }] },
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Process" }] },
      { type: "paragraph", content: [{ type: "text", text: process }] },
    ],
  };
}

/** A case of the team with text in it, written by the editor. */
function caseWithText(team: Team, context = CONTEXT) {
  const { id } = createCase(team.people.editor.member, sampleFields);
  saveCaseBody(team.people.editor.member, id, { baseRevision: 1, doc: body(context) });
  return id;
}

/** What a browser sends for a selection of `quote` in the case as `member` reads it. */
function selection(member: Member, caseId: string, quote: string) {
  const { text } = caseAnchorText(getCase(member, caseId).body);
  const at = text.indexOf(quote);
  const anchor = describePassage(text, at, at + quote.length)!;
  return {
    exact: anchor.exact,
    prefix: anchor.prefix,
    suffix: anchor.suffix,
    start: anchor.start,
    end: anchor.end,
  };
}

function threadsOf(member: Member, caseId: string) {
  return listCaseThreads(member, getCase(member, caseId)).threads;
}

function notificationsOf(userId: string) {
  return db.select().from(notifications).where(eq(notifications.userId, userId)).all();
}

let team: Team;
let otherEditor: { id: string; member: Member; cookie: string };

beforeAll(async () => {
  team = await makeTeam();
  const user = await makeUser("Second editor");
  otherEditor = {
    id: user.id,
    member: addMember(team.workspace.id, user.id, "editor"),
    cookie: await sessionCookie(user.id),
  };
});

describe("threads on passages", () => {
  it("lets a reviewer comment on a passage without touching the case body", () => {
    const caseId = caseWithText(team);
    const before = getCase(team.people.reviewer.member, caseId);
    const reviewer = team.people.reviewer.member;
    const { threadId } = createThread(reviewer, caseId, {
      ...selection(reviewer, caseId, "a temporary truce"),
      body: "  Which date? See https://example.org/report  ",
    });
    const after = getCase(team.people.reviewer.member, caseId);
    expect(after.revision).toBe(before.revision);
    expect(after.body).toEqual(before.body);

    const [thread] = threadsOf(team.people.editor.member, caseId);
    expect(thread).toMatchObject({
      id: threadId,
      status: "open",
      quote: "a temporary truce",
      section: "Context",
      authorName: "reviewer",
      quoteEdited: false,
    });
    const { text } = caseAnchorText(after.body);
    expect(text.slice(thread.range!.start, thread.range!.end)).toBe("a temporary truce");
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]).toMatchObject({
      body: "Which date? See https://example.org/report",
      mine: false,
    });
    const activity = db.select().from(caseActivity).where(eq(caseActivity.caseId, caseId)).all();
    expect(activity.some((entry) => entry.kind === "commented")).toBe(true);
  });

  it("lists threads in document order, passage-removed threads last", () => {
    const caseId = caseWithText(team);
    const editor = team.people.editor.member;
    createThread(editor, caseId, { ...selection(editor, caseId, "hostage exchanges"), body: "Second" });
    createThread(editor, caseId, { ...selection(editor, caseId, "Local leaders"), body: "First" });
    createThread(editor, caseId, { ...selection(editor, caseId, "The truce did not last."), body: "Gone" });
    const current = getCase(editor, caseId);
    saveCaseBody(editor, caseId, {
      baseRevision: current.revision,
      doc: body(CONTEXT, "Talks with the army enabled hostage exchanges."),
    });
    expect(threadsOf(editor, caseId).map((thread) => thread.quote)).toEqual([
      "Local leaders",
      "hostage exchanges",
      "The truce did not last.",
    ]);
    expect(threadsOf(editor, caseId)[2].range).toBeNull();
  });

  it("stays on its passage when text is added before it, and lists 'passage removed' with its quote when it is deleted", () => {
    const caseId = caseWithText(team);
    const editor = team.people.editor.member;
    createThread(editor, caseId, { ...selection(editor, caseId, "a temporary truce"), body: "Check this." });

    const longer = `A new first sentence about the region and its history. ${CONTEXT}`;
    saveCaseBody(editor, caseId, { baseRevision: 2, doc: body(longer) });
    let [thread] = threadsOf(editor, caseId);
    const { text } = caseAnchorText(getCase(editor, caseId).body);
    expect(text.slice(thread.range!.start, thread.range!.end)).toBe("a temporary truce");

    saveCaseBody(editor, caseId, {
      baseRevision: 3,
      doc: body("Local leaders in Ségou asked the militias to stop."),
    });
    [thread] = threadsOf(editor, caseId);
    expect(thread.range).toBeNull();
    expect(thread.quote).toBe("a temporary truce");
    expect(thread.section).toBe("Context");
    expect(thread.comments[0].body).toBe("Check this.");
  });

  it("refuses a selection whose text is no longer in the case (409)", () => {
    const caseId = caseWithText(team);
    const editor = team.people.editor.member;
    const stale = selection(editor, caseId, "a temporary truce");
    saveCaseBody(editor, caseId, {
      baseRevision: 2,
      doc: body(CONTEXT.replace("a temporary truce", "a pause")),
    });
    expect(() => createThread(editor, caseId, { ...stale, body: "Hm" })).toThrow(
      /threads.errors.textChanged/,
    );
  });

  it("refuses a quote over 2,000 characters", () => {
    const caseId = caseWithText(team, "word ".repeat(600));
    const editor = team.people.editor.member;
    const quote = "word ".repeat(450).trim();
    expect(() => createThread(editor, caseId, { ...selection(editor, caseId, quote), body: "Long" })).toThrow(
      /threads.errors.quoteTooLong/,
    );
  });
});

describe("replies, edits, deletions", () => {
  it("replies, edits one's own comment and deletes it; others' comments are off limits (403)", () => {
    const caseId = caseWithText(team);
    const { reviewer, editor } = team.people;
    const { threadId, commentId } = createThread(reviewer.member, caseId, {
      ...selection(reviewer.member, caseId, "hostage exchanges"),
      body: "Source?",
    });
    const reply = replyToThread(editor.member, caseId, threadId, { body: "Paragraph 28." });

    editComment(reviewer.member, caseId, commentId, { body: "Which source?" });
    expect(() =>
      editComment(editor.member, caseId, commentId, { body: "Changed by someone else" }),
    ).toThrow();
    expect(() => deleteComment(reviewer.member, caseId, reply.commentId)).toThrow();

    let [thread] = threadsOf(editor.member, caseId);
    expect(thread.comments.map((comment) => comment.body)).toEqual(["Which source?", "Paragraph 28."]);
    expect(thread.comments[0].editedAt).not.toBeNull();

    deleteComment(reviewer.member, caseId, commentId);
    [thread] = threadsOf(editor.member, caseId);
    expect(thread.comments[0]).toMatchObject({ deleted: true, body: "" });
    expect(thread.comments[1].body).toBe("Paragraph 28.");

    // The last comment gone, the thread goes too.
    deleteComment(editor.member, caseId, reply.commentId);
    expect(threadsOf(editor.member, caseId)).toEqual([]);
  });

  it("answers 403 to editing or deleting another person's comment through the page", async () => {
    const caseId = caseWithText(team);
    const { reviewer, editor } = team.people;
    const { commentId } = createThread(reviewer.member, caseId, {
      ...selection(reviewer.member, caseId, "hostage exchanges"),
      body: "Mine",
    });
    const params = { workspaceId: team.workspace.id, caseId };
    for (const form of <Array<Record<string, string>>>[
      { intent: "comment.edit", commentId, body: "Not mine" },
      { intent: "comment.delete", commentId },
    ]) {
      const result = await callRoute(caseRoute, {
        method: "POST",
        path: "/c",
        params,
        cookie: editor.cookie,
        form,
      });
      expect(result.status).toBe(403);
      expect(result.body).toMatchObject({ ok: false, message: "threads.errors.notYourComment" });
    }
  });
});

describe("resolving", () => {
  it("lets the author, reviewers and owners resolve and reopen; not another editor (403)", () => {
    const caseId = caseWithText(team);
    const { editor, reviewer, owner } = team.people;
    const { threadId } = createThread(editor.member, caseId, {
      ...selection(editor.member, caseId, "Local leaders"),
      body: "Who exactly?",
    });
    expect(() => setThreadStatus(otherEditor.member, caseId, threadId, "resolved")).toThrow();

    setThreadStatus(editor.member, caseId, threadId, "resolved");
    let [thread] = threadsOf(owner.member, caseId);
    expect(thread).toMatchObject({ status: "resolved", resolvedByName: "editor" });
    expect(thread.canResolve).toBe(true);
    expect(threadsOf(otherEditor.member, caseId)[0].canResolve).toBe(false);

    setThreadStatus(reviewer.member, caseId, threadId, "open");
    setThreadStatus(owner.member, caseId, threadId, "resolved");
    setThreadStatus(owner.member, caseId, threadId, "open");
    [thread] = threadsOf(owner.member, caseId);
    expect(thread).toMatchObject({ status: "open", resolvedByName: null, resolvedAt: null });
  });
});

describe("who may comment", () => {
  it("refuses trainers (403) and shows them no threads", async () => {
    const { trainer, editor } = team.people;
    const caseId = team.caseStudy.id; // approved, so the trainer can read it
    expect(() =>
      createThread(trainer.member, caseId, { ...selection(trainer.member, caseId, "Context"), body: "Hi" }),
    ).toThrow();
    createThread(editor.member, caseId, {
      ...selection(editor.member, caseId, "Context"),
      body: "Internal note",
    });
    expect(threadsOf(trainer.member, caseId)).toEqual([]);
    expect(threadsOf(editor.member, caseId)).toHaveLength(1);

    const result = await callRoute(caseRoute, {
      method: "POST",
      path: "/c",
      params: { workspaceId: team.workspace.id, caseId },
      cookie: trainer.cookie,
      form: { intent: "thread.create", ...stringify(selection(editor.member, caseId, "Actors")), body: "Hi" },
    });
    expect(result.status).toBe(403);
    const page = await callRoute(caseRoute, {
      path: "/c",
      params: { workspaceId: team.workspace.id, caseId },
      cookie: trainer.cookie,
    });
    expect(page.status).toBe(200);
    expect((page.body as { discussion: { threads: unknown[] } }).discussion.threads).toEqual([]);
  });

  it("keeps reviewers from changing the case body or fields (403)", () => {
    const caseId = caseWithText(team);
    const reviewer = team.people.reviewer.member;
    expect(() => saveCaseBody(reviewer, caseId, { baseRevision: 2, doc: body("Changed") })).toThrow();
    expect(() => updateCaseFields(reviewer, caseId, 2, { ...sampleFields, title: "Changed" })).toThrow();
    expect(getCase(reviewer, caseId).revision).toBe(2);
  });

  it("answers 404 to a thread or comment of another workspace, by id", async () => {
    const outsiderCase = createCase(team.outsider.member, sampleFields).id;
    saveCaseBody(team.outsider.member, outsiderCase, { baseRevision: 1, doc: body() });
    const foreign = createThread(team.outsider.member, outsiderCase, {
      ...selection(team.outsider.member, outsiderCase, "hostage exchanges"),
      body: "Theirs",
    });
    const caseId = caseWithText(team);
    const params = { workspaceId: team.workspace.id, caseId };
    for (const form of <Array<Record<string, string>>>[
      { intent: "thread.resolve", threadId: foreign.threadId },
      { intent: "thread.reopen", threadId: foreign.threadId },
      { intent: "comment.reply", threadId: foreign.threadId, body: "Reply" },
      { intent: "comment.edit", commentId: foreign.commentId, body: "Edit" },
      { intent: "comment.delete", commentId: foreign.commentId },
    ]) {
      const result = await callRoute(caseRoute, {
        method: "POST",
        path: "/c",
        params,
        cookie: team.people.owner.cookie,
        form,
      });
      expect(result.status, form.intent).toBe(404);
    }
    // Nor through the outsider's own case URL with our workspace's thread.
    const ours = createThread(team.people.editor.member, caseId, {
      ...selection(team.people.editor.member, caseId, "Local leaders"),
      body: "Ours",
    });
    const result = await callRoute(caseRoute, {
      method: "POST",
      path: "/c",
      params: { workspaceId: team.otherWorkspace.id, caseId: outsiderCase },
      cookie: team.outsider.cookie,
      form: { intent: "thread.resolve", threadId: ours.threadId },
    });
    expect(result.status).toBe(404);
    const thread = db.select().from(threads).where(eq(threads.id, ours.threadId)).get();
    expect(thread?.status).toBe("open");
  });
});

function stringify(values: Record<string, string | number>) {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
}

describe("bad input", () => {
  it("answers 400 with a clear message to an empty or over-long comment, and gives the text back", async () => {
    const caseId = caseWithText(team);
    const { reviewer } = team.people;
    const params = { workspaceId: team.workspace.id, caseId };
    const picked = stringify(selection(reviewer.member, caseId, "a temporary truce"));
    const empty = await callRoute(caseRoute, {
      method: "POST",
      path: "/c",
      params,
      cookie: reviewer.cookie,
      form: { intent: "thread.create", formKey: "new-thread", ...picked, body: "   \n " },
    });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      ok: false,
      formKey: "new-thread",
      message: "threads.errors.empty",
    });

    const long = "x".repeat(10_001);
    const tooLong = await callRoute(caseRoute, {
      method: "POST",
      path: "/c",
      params,
      cookie: reviewer.cookie,
      form: { intent: "thread.create", formKey: "new-thread", ...picked, body: long },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({
      ok: false,
      message: 'threads.errors.tooLong|{"max":10000,"length":10001}',
      body: long,
    });
    const exactly = await callRoute(caseRoute, {
      method: "POST",
      path: "/c",
      params,
      cookie: reviewer.cookie,
      form: { intent: "thread.create", ...picked, body: "y".repeat(10_000) },
    });
    expect(exactly.status).toBe(200);
    expect(exactly.body).toMatchObject({ ok: true, threadId: expect.any(String) });
  });

  it("answers 404 with a clear message to a comment on a case moved to the trash meanwhile, and gives the text back", async () => {
    const caseId = caseWithText(team);
    const { reviewer, editor } = team.people;
    const picked = stringify(selection(reviewer.member, caseId, "hostage exchanges"));
    const { threadId } = createThread(reviewer.member, caseId, {
      ...selection(reviewer.member, caseId, "Local leaders"),
      body: "x",
    });
    trashCase(editor.member, caseId);
    const params = { workspaceId: team.workspace.id, caseId };
    for (const form of <Array<Record<string, string>>>[
      { intent: "thread.create", ...picked, body: "My careful comment" },
      { intent: "comment.reply", threadId, body: "My careful comment" },
    ]) {
      const result = await callRoute(caseRoute, {
        method: "POST",
        path: "/c",
        params,
        cookie: reviewer.cookie,
        form,
      });
      expect(result.status).toBe(404);
      expect(result.body).toMatchObject({
        ok: false,
        message: CASE_TRASHED_MESSAGE,
        body: "My careful comment",
      });
    }
  });

  it("answers 409 when the selected text changed meanwhile", async () => {
    const caseId = caseWithText(team);
    const { reviewer, editor } = team.people;
    const picked = stringify(selection(reviewer.member, caseId, "a temporary truce"));
    saveCaseBody(editor.member, caseId, { baseRevision: 2, doc: body("Rewritten entirely.") });
    const result = await callRoute(caseRoute, {
      method: "POST",
      path: "/c",
      params: { workspaceId: team.workspace.id, caseId },
      cookie: reviewer.cookie,
      form: { intent: "thread.create", ...picked, body: "Comment" },
    });
    expect(result.status).toBe(409);
    expect(result.body).toMatchObject({ message: "threads.errors.textChanged" });
  });
});

describe("mentions and notifications", () => {
  it("notifies mentioned members of the workspace only, and earlier participants of replies", async () => {
    const caseId = caseWithText(team);
    const { owner, editor, reviewer, trainer } = team.people;
    const outsiderName = "Outsider";
    const start = new Map(
      [owner.id, editor.id, reviewer.id, trainer.id, team.outsider.id].map((id) => [
        id,
        notificationsOf(id).length,
      ]),
    );
    const fresh = (userId: string) => notificationsOf(userId).slice(start.get(userId));

    // The reviewer opens a thread mentioning the owner, the trainer (who does not take part in
    // discussions) and someone of another workspace.
    const { threadId, commentId } = createThread(reviewer.member, caseId, {
      ...selection(reviewer.member, caseId, "a temporary truce"),
      body: `@Owner can you check? cc @trainer @${outsiderName}`,
      mentionIds: [team.outsider.id, trainer.id],
    });
    expect(fresh(owner.id).map((n) => [n.kind, n.threadId])).toEqual([["mentioned", threadId]]);
    expect(fresh(trainer.id)).toEqual([]);
    expect(fresh(team.outsider.id)).toEqual([]);
    const mentions = db.select().from(commentMentions).where(eq(commentMentions.commentId, commentId)).all();
    expect(mentions.map((m) => m.userId)).toEqual([owner.id]);
    expect(fresh(owner.id)[0].detail).toMatchObject({
      quote: "a temporary truce",
      excerpt: expect.stringContaining("@Owner"),
    });

    // The editor replies mentioning the reviewer (picked in the autocomplete): the reviewer gets one
    // "mentioned", not a "reply" as well; nobody is notified of their own comment.
    replyToThread(editor.member, caseId, threadId, {
      body: "@reviewer it is in para. 28",
      mentionIds: [reviewer.id],
    });
    expect(fresh(reviewer.id).map((n) => n.kind)).toEqual(["mentioned"]);
    expect(fresh(editor.id)).toEqual([]);

    // The owner replies: the thread's author and the earlier commenter hear of it.
    replyToThread(owner.member, caseId, threadId, { body: "Thanks both." });
    expect(fresh(reviewer.id).map((n) => n.kind)).toEqual(["mentioned", "reply"]);
    expect(fresh(editor.id).map((n) => n.kind)).toEqual(["reply"]);
    expect(fresh(owner.id).map((n) => n.kind)).toEqual(["mentioned"]);

    // Editing a comment notifies only people it newly mentions.
    editComment(reviewer.member, caseId, commentId, { body: "@Owner and @editor can you check?" });
    expect(fresh(owner.id).map((n) => n.kind)).toEqual(["mentioned"]);
    expect(fresh(editor.id).map((n) => n.kind)).toEqual(["reply", "mentioned"]);

    // A thread's notifications go with it.
    const rows = db
      .select()
      .from(notifications)
      .where(and(eq(notifications.threadId, threadId)))
      .all();
    expect(rows.length).toBeGreaterThan(0);
    const [thread] = threadsOf(owner.member, caseId);
    expect(thread.comments[0].mentions.map((m) => m.name).sort()).toEqual(["Owner", "editor"]);
  });
});
