// Not a Chromium test: it runs with the browser tests because it needs the production build. Two editors
// (the Hocuspocus provider in Node, as in the load script) type while the server is killed (SIGKILL) and
// while it is stopped (SIGTERM); after each restart on the same port and database, no change is missing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import * as Y from "yjs";
import { addParagraph, type NodeEditor, openNodeEditor, until } from "../../scripts/bench/collab";
import { createCase, signIn, workspaceOf } from "../../scripts/crash-test";
import { startTestServer, type TestServer } from "../helpers/test-server";

const dir = mkdtempSync(join(tmpdir(), "casebook-collab-restart-"));
const databaseFile = join(dir, "casebook.db");
let server: TestServer | null = null;
const editors: NodeEditor[] = [];

afterAll(async () => {
  for (const editor of editors) editor.destroy();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const textOf = (doc: Y.Doc) =>
  doc
    .getXmlFragment("default")
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toString() : ""))
    .join("\n");

/** Types `count` paragraphs, one every few ms; returns their texts. */
async function type(editor: NodeEditor, label: string, count: number) {
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = `${label} ${i}.`;
    addParagraph(editor.doc, text);
    texts.push(text);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return texts;
}

it("loses no acknowledged change when the server is killed or stopped during an editing session", async () => {
  server = await startTestServer({}, { databaseFile });
  // One Yjs module for the co-editing server and the app's models: a second copy breaks its constructor
  // checks (the production build once bundled its own).
  expect(server.output()).not.toContain("Yjs was already imported");
  const port = Number(new URL(server.baseUrl).port);
  const cookie = await signIn(server.baseUrl);
  const caseId = await createCase(
    server.baseUrl,
    cookie,
    await workspaceOf(server.baseUrl, cookie),
    "Restart",
  );
  editors.push(
    openNodeEditor(server.baseUrl, cookie, caseId),
    openNodeEditor(server.baseUrl, cookie, caseId),
  );
  const [first, second] = editors;
  await until(() => first.provider.isSynced && second.provider.isSynced, "both editors synced");

  const written: string[] = [];
  for (const [round, how] of [
    [1, "kill"],
    [2, "stop"],
  ] as const) {
    const acknowledged = [
      ...(await type(first, `Round ${round}, first editor, acknowledged`, 20)),
      ...(await type(second, `Round ${round}, second editor, acknowledged`, 20)),
    ];
    await until(
      () => first.provider.unsyncedChanges === 0 && second.provider.unsyncedChanges === 0,
      "the server to acknowledge",
    );
    // More typing is on the wire when the server goes away, and goes on while it is away.
    const inFlight = type(first, `Round ${round}, first editor, in flight`, 20);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (how === "kill") await server.kill();
    else await server.stop();
    const whileDown = [
      ...(await inFlight),
      ...(await type(second, `Round ${round}, second editor, while the server is down`, 5)),
    ];
    server = await startTestServer({}, { databaseFile, port });
    await until(
      () =>
        first.provider.isSynced &&
        second.provider.isSynced &&
        first.provider.unsyncedChanges === 0 &&
        second.provider.unsyncedChanges === 0,
      "both editors back and acknowledged",
    );
    written.push(...acknowledged, ...whileDown);
    await until(
      () => written.every((text) => textOf(first.doc).includes(text) && textOf(second.doc).includes(text)),
      "every change in both editors",
    );
    expect(textOf(first.doc)).toEqual(textOf(second.doc));
  }

  // The last editor out stores the document: the database holds every change, once.
  for (const editor of editors) editor.destroy();
  const database = new Database(databaseFile, { readonly: true });
  try {
    const stored = () =>
      (database.prepare("select body_text as text from cases where id = ?").get(caseId) as { text: string })
        .text;
    await until(() => written.every((text) => stored().includes(text)), "the stored case to hold everything");
    for (const text of written) expect(stored().split(text).length - 1).toBe(1);
  } finally {
    database.close();
  }
}, 120_000);
