// The co-editing server in-process: access rules, persistence through the save logic, limits.
import { createServer, request, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo, Socket } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { JSONContent } from "@tiptap/core";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { caseAnchorText, describePassage } from "~/models/anchors";
import { setCaseConfidentiality } from "~/models/case-access.server";
import { createCase, getCase, saveCaseBody, trashCase } from "~/models/cases.server";
import { createCode } from "~/models/codebook-edits.server";
import { applyBodyToYDoc, bodyFromYDoc, loadCaseState, storeCaseState } from "~/models/collab.server";
import { approveCase, submitForReview } from "~/models/reviews.server";
import { restoreRevision } from "~/models/revisions.server";
import { createSource } from "~/models/sources.server";
import { createThread, listCaseThreads } from "~/models/threads.server";
import * as reviewRoute from "~/routes/w.$workspaceId.cases.$caseId_.review";
import { endSession } from "~/utils/auth.server";
import {
  ACCESS_CHANGED_CODE,
  createCollabServer,
  SIGNED_OUT_CODE,
  TOO_LARGE_CODE,
} from "~/utils/collab-server.server";
import { db } from "~/utils/db.server";
import { caseDocuments, caseRevisions, cases, citations, memberships, passages } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { callRoute } from "../helpers/routes";

// `ws` comes with Hocuspocus; Node 20 has no WebSocket client of its own.
const WebSocket = createRequire(import.meta.url)("ws") as new (
  url: string,
  options?: { headers?: Record<string, string> },
) => unknown;

let team: Awaited<ReturnType<typeof makeTeam>>;
let server: Server;
let collab: ReturnType<typeof createCollabServer>;
let url: string;

function withCookie(cookie: string | null, origin?: string) {
  return class extends (WebSocket as unknown as new (url: string, options?: unknown) => object) {
    constructor(address: string) {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (origin) headers.origin = origin;
      super(address, { headers });
    }
  };
}

function connect(cookie: string | null, caseId: string, options: { origin?: string } = {}) {
  const document = new Y.Doc();
  const events: string[] = [];
  const websocketProvider = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: withCookie(cookie, options.origin),
    // Retries never give up: a refused retry after the server has closed would be an unhandled rejection.
    maxAttempts: 0,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: caseId,
    document,
    onAuthenticationFailed: ({ reason }) => events.push(`refused:${reason}`),
    onClose: ({ event }) => events.push(`closed:${event.code}`),
    onStateless: ({ payload }) => events.push(`stateless:${payload}`),
  });
  // A provider given its own socket object starts only when attached.
  provider.attach();
  return {
    document,
    provider,
    events,
    destroy: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

async function until(check: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function appendParagraph(document: Y.Doc, text: string, marks?: JSONContent["marks"]) {
  const body = bodyFromYDoc(document);
  body.content = [...(body.content ?? []), { type: "paragraph", content: [{ type: "text", text, marks }] }];
  applyBodyToYDoc(document, body, "test");
}

/** The HTTP status a WebSocket handshake to /collab is answered with (101 when accepted). */
function upgradeStatus(headers: Record<string, string>): Promise<number> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({
      port,
      host: "127.0.0.1",
      path: "/collab",
      headers: {
        connection: "Upgrade",
        upgrade: "websocket",
        "sec-websocket-version": "13",
        "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==",
        ...headers,
      },
    });
    req.on("response", (res) => {
      resolve(res.statusCode ?? 0);
      res.resume();
    });
    req.on("upgrade", (_res, socket) => {
      socket.destroy();
      resolve(101);
    });
    req.on("error", reject);
    req.end();
  });
}

const plain = (document: Y.Doc) => JSON.stringify(bodyFromYDoc(document));
const storedCase = (id: string) => db.select().from(cases).where(eq(cases.id, id)).get()!;

const sockets = new Set<Socket>();

beforeAll(async () => {
  team = await makeTeam();
  collab = createCollabServer();
  server = createServer((_req, res) => res.end());
  // Upgraded sockets leave the HTTP server's own bookkeeping: keep them to close them at the end.
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  collab.attach(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab`;
});

afterAll(async () => {
  // Providers destroyed in the tests may still be finishing a reconnection attempt: let them settle.
  await new Promise((resolve) => setTimeout(resolve, 500));
  collab.hocuspocus.closeConnections();
  server.closeAllConnections();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe("co-editing server", () => {
  it("seeds the Yjs state from the JSON body exactly once", () => {
    const first = loadCaseState(team.caseStudy.id);
    const second = loadCaseState(team.caseStudy.id);
    expect(first).not.toBeNull();
    expect(Buffer.from(second!).equals(Buffer.from(first!))).toBe(true);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, first!);
    expect(bodyFromYDoc(doc)).toEqual(storedCase(team.caseStudy.id).body);
  });

  it("lets two editors see each other's text, then stores it with derived rows and a revision", async () => {
    const caseId = team.caseStudy.id;
    const revisionBefore = storedCase(caseId).revision;
    const a = connect(team.people.editor.cookie, caseId);
    const b = connect(team.people.owner.cookie, caseId);
    await until(() => a.provider.isSynced && b.provider.isSynced, "both synced");
    const code = team.workspace.id;
    expect(code).toBeTruthy();
    appendParagraph(a.document, "Typed by the editor.");
    appendParagraph(b.document, "Typed by the owner.");
    await until(
      () =>
        plain(a.document).includes("Typed by the owner.") &&
        plain(b.document).includes("Typed by the editor."),
      "both texts on both sides",
    );
    expect(plain(a.document)).toEqual(plain(b.document));
    await until(() => a.provider.unsyncedChanges === 0 && b.provider.unsyncedChanges === 0, "acknowledged");
    a.destroy();
    b.destroy();
    // The last one out stores the document and keeps a revision of what changed.
    await until(() => storedCase(caseId).bodyText.includes("Typed by the owner."), "stored body");
    const stored = storedCase(caseId);
    expect(stored.bodyText).toContain("Typed by the editor.");
    expect(stored.revision).toBe(revisionBefore + 1);
    const revision = db
      .select()
      .from(caseRevisions)
      .where(eq(caseRevisions.caseId, caseId))
      .all()
      .find((row) => row.number === stored.revision);
    expect(JSON.stringify(revision?.body)).toContain("Typed by the owner.");
    expect(db.select().from(caseDocuments).where(eq(caseDocuments.caseId, caseId)).get()).toBeTruthy();
  });

  it("keeps a reviewer read-only and refuses trainers, outsiders and anonymous connections", async () => {
    const caseId = team.caseStudy.id;
    const reviewer = connect(team.people.reviewer.cookie, caseId);
    await until(() => reviewer.provider.isSynced, "reviewer synced");
    appendParagraph(reviewer.document, "Reviewer tried to write this.");
    const editor = connect(team.people.editor.cookie, caseId);
    await until(() => editor.provider.isSynced, "editor synced");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(plain(editor.document)).not.toContain("Reviewer tried");
    reviewer.destroy();
    editor.destroy();

    for (const cookie of [team.people.trainer.cookie, team.outsider.cookie]) {
      const refused = connect(cookie, caseId);
      await until(() => refused.events.some((e) => e.startsWith("refused")), "refusal");
      refused.destroy();
    }
    const otherCase = connect(team.people.editor.cookie, team.otherCase.id);
    await until(() => otherCase.events.some((e) => e.startsWith("refused")), "refusal for another workspace");
    otherCase.destroy();

    expect(await upgradeStatus({})).toBe(401);
    expect(await upgradeStatus({ cookie: team.people.editor.cookie, origin: "https://evil.example" })).toBe(
      403,
    );
  });

  it("closes only the connection that sends garbage, and refuses an oversized update with a message", async () => {
    const caseId = team.caseStudy.id;
    const good = connect(team.people.editor.cookie, caseId);
    const bad = connect(team.people.owner.cookie, caseId);
    await until(() => good.provider.isSynced && bad.provider.isSynced, "synced");
    const socket = (
      bad.provider.configuration.websocketProvider as unknown as { webSocket: { send(d: unknown): void } }
    ).webSocket;
    socket.send(new Uint8Array([1, 200, 255, 255, 255, 255, 3, 4]));
    await until(() => bad.events.some((e) => e.startsWith("closed")), "bad connection closed");
    appendParagraph(good.document, "Still working after garbage.");
    await until(() => good.provider.unsyncedChanges === 0, "good connection acknowledged");
    bad.destroy();

    const big = connect(team.people.owner.cookie, caseId);
    await until(() => big.provider.isSynced, "synced");
    appendParagraph(big.document, "x".repeat(4.5 * 1024 * 1024));
    await until(() => big.events.some((e) => e.startsWith("closed")), "oversized update refused");
    expect(big.events.join(" ")).toMatch(new RegExp(`closed:(${TOO_LARGE_CODE}|1009)`));
    big.destroy();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(plain(good.document)).not.toContain("xxxxxxxxxx");
    good.destroy();
  });

  it("keeps serving the others while one connection floods updates", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Flood check" }).id;
    const flooder = connect(team.people.owner.cookie, caseId);
    const other = connect(team.people.editor.cookie, caseId);
    await until(() => flooder.provider.isSynced && other.provider.isSynced, "synced");
    // 2,000 separate updates at once, each a message of its own (with the role read again for each).
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [text]);
    flooder.document.getXmlFragment("default").push([paragraph]);
    for (let i = 0; i < 2000; i++) text.insert(text.length, "x");
    appendParagraph(other.document, "Typed during the flood.");
    await until(() => other.provider.unsyncedChanges === 0, "the other editor acknowledged", 30_000);
    await until(
      () =>
        plain(flooder.document).includes("Typed during the flood.") &&
        plain(other.document).includes("x".repeat(2000)),
      "both sides converge",
      30_000,
    );
    expect(plain(flooder.document)).toEqual(plain(other.document));
    flooder.destroy();
    other.destroy();
  }, 60_000);

  it("keeps tags, citations and comment anchors through concurrent edits around and inside them", async () => {
    const editorMember = team.people.editor.member;
    const caseId = createCase(editorMember, { ...sampleFields, title: "Marks check" }).id;
    const codeId = createCode(team.people.owner.member, {
      kind: "precondition",
      label: `Truce ${Math.random()}`,
      description: "",
      color: "#2563eb",
      parentId: null,
    }).id;
    const sourceId = createSource(editorMember, { type: "report", title: "Field notes" }).id;
    saveCaseBody(editorMember, caseId, {
      baseRevision: 1,
      doc: {
        type: "doc",
        content: [
          { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Context" }] },
          {
            type: "paragraph",
            content: [
              { type: "text", text: "Local leaders asked the militias to stop. " },
              {
                type: "text",
                text: "A temporary truce followed.",
                marks: [{ type: "tag", attrs: { codeId } }],
              },
              { type: "text", text: " " },
              {
                type: "text",
                text: "Hostages were exchanged.",
                marks: [{ type: "citation", attrs: { sourceId, locator: "p. 4" } }],
              },
            ],
          },
        ],
      },
    });
    const { text } = caseAnchorText(getCase(editorMember, caseId).body);
    const quote = "Hostages were exchanged.";
    const at = text.indexOf(quote);
    const anchor = describePassage(text, at, at + quote.length)!;
    createThread(team.people.reviewer.member, caseId, { ...anchor, body: "Which hostages?" });

    const a = connect(team.people.editor.cookie, caseId);
    const b = connect(team.people.owner.cookie, caseId);
    await until(() => a.provider.isSynced && b.provider.isSynced, "synced");
    // At the same time: one writes before the passages, the other inside the tagged one and after them.
    const paragraphText = (doc: Y.Doc) =>
      (doc.getXmlFragment("default").get(1) as Y.XmlElement).get(0) as Y.XmlText;
    paragraphText(a.document).insert(0, "In 2019, ");
    const tagged = paragraphText(b.document);
    const plainText = (tagged.toDelta() as Array<{ insert: string }>).map((part) => part.insert).join("");
    const inside = plainText.indexOf("truce");
    tagged.insert(inside, "fragile ", { tag: { codeId } });
    tagged.insert(tagged.length, " Talks went on.");
    await until(() => plain(a.document) === plain(b.document), "converged");
    await until(() => a.provider.unsyncedChanges === 0 && b.provider.unsyncedChanges === 0, "acknowledged");
    a.destroy();
    b.destroy();
    await until(() => storedCase(caseId).bodyText.includes("Talks went on."), "stored");

    expect(storedCase(caseId).bodyText).toContain("In 2019, Local leaders");
    const tags = db.select().from(passages).where(eq(passages.caseId, caseId)).all();
    expect(tags.map((row) => [row.codeId, row.text])).toEqual([
      [codeId, "A temporary fragile truce followed."],
    ]);
    const cited = db.select().from(citations).where(eq(citations.caseId, caseId)).all();
    expect(cited.map((row) => row.sourceId)).toEqual([sourceId]);
    const [thread] = listCaseThreads(editorMember, getCase(editorMember, caseId)).threads;
    expect(thread.range).not.toBeNull();
    expect(thread.quoteEdited).toBe(false);
    const after = caseAnchorText(getCase(editorMember, caseId).body).text;
    expect(after.slice(thread.range!.start, thread.range!.end)).toBe(quote);
  });

  it("closes the editing of a case moved to the trash, and refuses to open it again", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Trash check" }).id;
    const editor = connect(team.people.editor.cookie, caseId);
    await until(() => editor.provider.isSynced, "synced");
    trashCase(team.people.owner.member, caseId);
    appendParagraph(editor.document, "Written after the case went to the trash.");
    await until(() => editor.events.includes(`closed:${ACCESS_CHANGED_CODE}`), "connection closed");
    editor.destroy();
    expect(storedCase(caseId).bodyText).not.toContain("Written after the case went to the trash.");
    const again = connect(team.people.editor.cookie, caseId);
    await until(() => again.events.some((event) => event.startsWith("refused")), "refusal");
    again.destroy();
  });

  it("refuses a confidential case to an editor not listed on it, and closes their open editing when it becomes confidential", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Confidential check" }).id;
    const editor = connect(team.people.editor.cookie, caseId);
    await until(() => editor.provider.isSynced, "synced");
    // The owner restricts it to themselves: the editor is no longer listed.
    setCaseConfidentiality(team.people.owner.member, caseId, { confidential: true, userIds: [] });
    appendParagraph(editor.document, "Written after the case became confidential.");
    await until(() => editor.events.includes(`closed:${ACCESS_CHANGED_CODE}`), "connection closed");
    editor.destroy();
    expect(storedCase(caseId).bodyText).not.toContain("Written after the case became confidential.");
    const again = connect(team.people.editor.cookie, caseId);
    await until(() => again.events.some((event) => event.startsWith("refused")), "refusal");
    again.destroy();
  });

  it("drops tags of codes from another workspace when storing", async () => {
    const caseId = team.caseStudy.id;
    // Stored directly, so wait until the server has let go of its copy.
    await until(() => collab.hocuspocus.getDocumentsCount() === 0, "document unloaded");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loadCaseState(caseId)!);
    appendParagraph(doc, "Tagged with a foreign code.", [{ type: "tag", attrs: { codeId: "foreign-code" } }]);
    const result = storeCaseState(caseId, doc, { authorId: team.people.editor.id, note: "with foreign tag" });
    expect(result.kind).toBe("stored");
    expect(JSON.stringify(bodyFromYDoc(doc))).not.toContain("foreign-code");
    expect(JSON.stringify(storedCase(caseId).body)).not.toContain("foreign-code");
    expect(storedCase(caseId).bodyText).toContain("Tagged with a foreign code.");
    expect(db.select().from(passages).where(eq(passages.codeId, "foreign-code")).all()).toHaveLength(0);
  });

  it("sends a restore to the people editing as a normal change", async () => {
    const caseId = team.caseStudy.id;
    const editor = connect(team.people.editor.cookie, caseId);
    await until(() => editor.provider.isSynced, "synced");
    expect(plain(editor.document)).toContain("Tagged with a foreign code.");
    restoreRevision(team.people.owner.member, caseId, {
      number: 1,
      baseRevision: storedCase(caseId).revision,
    });
    await until(() => !plain(editor.document).includes("Tagged with a foreign code."), "restore arrives");
    expect(plain(editor.document)).toEqual(JSON.stringify(storedCase(caseId).body));
    editor.destroy();
  });

  it("lets another member submit right after an edit, and a reviewer decide while the text moves on", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Race check" }).id;
    const editor = connect(team.people.editor.cookie, caseId);
    await until(() => editor.provider.isSynced, "synced");
    appendParagraph(editor.document, "Typed just before the submission.");
    await until(() => editor.provider.unsyncedChanges === 0, "acknowledged");
    // At once, before the debounced store: the owner submits; nothing is stale and the edit is in it.
    const submitted = await callRoute(reviewRoute, {
      method: "POST",
      path: "/review",
      params: { workspaceId: team.workspace.id, caseId },
      cookie: team.people.owner.cookie,
      form: { intent: "submit", reviewerIds: team.people.reviewer.id },
    });
    expect(submitted.status).toBe(302);
    const afterSubmit = storedCase(caseId);
    expect(afterSubmit.status).toBe("in_review");
    const submittedRow = db
      .select()
      .from(caseRevisions)
      .where(eq(caseRevisions.caseId, caseId))
      .all()
      .find((row) => row.number === afterSubmit.revision);
    expect(JSON.stringify(submittedRow?.body)).toContain("Typed just before the submission.");

    // The reviewer opens the case (revision N); the editor keeps typing, then leaves (a revision is cut).
    const read = getCase(team.people.reviewer.member, caseId).revision;
    appendParagraph(editor.document, "Typed while the reviewer reads.");
    await until(() => editor.provider.unsyncedChanges === 0, "acknowledged");
    editor.destroy();
    await until(() => storedCase(caseId).revision > read, "revision cut when the editor left");
    const approved = await callRoute(reviewRoute, {
      method: "POST",
      path: "/review",
      params: { workspaceId: team.workspace.id, caseId },
      cookie: team.people.reviewer.cookie,
      form: { intent: "approve", revision: String(read) },
    });
    expect(approved.status).toBe(302);
    const final = storedCase(caseId);
    expect(final.status).toBe("approved");
    expect(final.approvedRevision).toBe(final.revision);
    expect(final.bodyText).toContain("Typed while the reviewer reads.");
  });

  it("keeps trainers on the approved text while the draft is edited live", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Trainer check" }).id;
    submitForReview(team.people.editor.member, caseId, { reviewerIds: [team.people.reviewer.id] });
    approveCase(team.people.reviewer.member, caseId);
    const editor = connect(team.people.editor.cookie, caseId);
    await until(() => editor.provider.isSynced, "synced");
    appendParagraph(editor.document, "A draft sentence trainers must not read yet.");
    await until(() => editor.provider.unsyncedChanges === 0, "acknowledged");
    // A page read stores what the server has acknowledged.
    expect(JSON.stringify(getCase(team.people.editor.member, caseId).body)).toContain("A draft sentence");
    const trainerView = getCase(team.people.trainer.member, caseId);
    expect(JSON.stringify(trainerView.body)).not.toContain("A draft sentence");
    expect(storedCase(caseId).status).toBe("draft");
    editor.destroy();
  });

  it("stops a member demoted while connected from writing, and closes the sockets of a session that signs out", async () => {
    const caseId = team.caseStudy.id;
    const editor = connect(team.people.editor.cookie, caseId);
    const owner = connect(team.people.owner.cookie, caseId);
    await until(() => editor.provider.isSynced && owner.provider.isSynced, "synced");
    db.update(memberships)
      .set({ role: "reviewer" })
      .where(eq(memberships.userId, team.people.editor.id))
      .run();
    try {
      appendParagraph(editor.document, "Written after the demotion.");
      await until(() => editor.events.includes(`closed:${ACCESS_CHANGED_CODE}`), "connection closed");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(plain(owner.document)).not.toContain("Written after the demotion.");
    } finally {
      db.update(memberships)
        .set({ role: "editor" })
        .where(eq(memberships.userId, team.people.editor.id))
        .run();
      editor.destroy();
    }

    await endSession(
      new Request("http://localhost/sign-out", { headers: { cookie: team.people.owner.cookie } }),
    );
    await until(() => owner.events.includes(`closed:${SIGNED_OUT_CODE}`), "signed-out socket closed");
    owner.destroy();
    // The session is gone: a new handshake with it is refused.
    expect(await upgradeStatus({ cookie: team.people.owner.cookie })).toBe(401);
  });

  it("cuts no revision when people open and leave a case without changing it", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Quiet visit" }).id;
    // Bodies from the seed or an import order their keys differently from the editor's.
    const reorder = (node: JSONContent): JSONContent =>
      Object.fromEntries(
        Object.entries({ ...node, content: node.content?.map(reorder) })
          .filter(([, v]) => v !== undefined)
          .reverse(),
      ) as JSONContent;
    const seeded = reorder(storedCase(caseId).body as JSONContent);
    db.update(cases).set({ body: seeded }).where(eq(cases.id, caseId)).run();
    db.update(caseRevisions).set({ body: seeded }).where(eq(caseRevisions.caseId, caseId)).run();
    const before = storedCase(caseId).revision;
    const visitor = connect(team.people.editor.cookie, caseId);
    await until(() => visitor.provider.isSynced, "synced");
    visitor.destroy();
    await until(() => collab.hocuspocus.getDocumentsCount() === 0, "document unloaded");
    expect(storedCase(caseId).revision).toBe(before);
  });
});
