// A hostile co-editor (issue 13): a connection that sends what the case schema refuses must not stop anybody
// else's text from being stored. Its change is refused before anyone receives it, its connection is closed
// with the reason, and the other editor's text is stored, is reported stored, and survives a restart.
import type { JSONContent } from "@tiptap/core";
import { eq } from "drizzle-orm";
import * as encoding from "lib0/encoding";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createCase } from "~/models/cases.server";
import { COLLAB_FIELD } from "~/models/collab.server";
import { CHANGE_REFUSED_CODE, RESYNC_CODE } from "~/utils/collab-server.server";
import { db } from "~/utils/db.server";
import { caseDocuments, cases } from "../../db/schema";
import {
  appendParagraph,
  plain,
  startCollabServer,
  type TestCollabServer,
  type TestEditor,
  until,
} from "../helpers/collab-server";
import { makeTeam, sampleFields } from "../helpers/fixtures";
import { firstParagraphText, HOSTILE_CHANGES } from "../helpers/hostile-changes";

let team: Awaited<ReturnType<typeof makeTeam>>;
let live: TestCollabServer;

beforeAll(async () => {
  team = await makeTeam();
  live = await startCollabServer();
});
afterAll(async () => {
  await live.stop();
});

const storedCase = (id: string) => db.select().from(cases).where(eq(cases.id, id)).get()!;

/** Sends a Yjs update as a Hocuspocus sync message, as it is, past the provider's own document. */
function sendRawUpdate(editor: TestEditor, caseId: string, update: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, caseId);
  encoding.writeVarUint(encoder, 0); // sync message
  encoding.writeVarUint(encoder, 2); // carrying an update
  encoding.writeVarUint8Array(encoder, update);
  editor.provider.configuration.websocketProvider.send(encoding.toUint8Array(encoder));
}

/** Types a paragraph, asks the server to say when it is stored (as the editor does) and waits for that. */
async function typeAndWaitStored(editor: TestEditor, text: string, version: number) {
  appendParagraph(editor.document, text);
  await until(() => editor.provider.unsyncedChanges === 0, "the server to acknowledge");
  editor.provider.sendStateless(JSON.stringify({ type: "storedUpTo", version }));
  await until(
    () => editor.received("stored").some((message) => message.version === version),
    "the server to say the text is stored",
  );
}

describe("a hostile co-editor", () => {
  for (const { what, make: poison, trace } of HOSTILE_CHANGES) {
    it(`is refused when it sends ${what}; the other editor's text is stored and survives a restart`, async () => {
      const caseId = createCase(team.people.editor.member, { ...sampleFields, title: `Hostile: ${what}` }).id;
      const honest = live.connect(team.people.editor.cookie, caseId);
      const hostile = live.connect(team.people.owner.cookie, caseId);
      await until(() => honest.provider.isSynced && hostile.provider.isSynced, "both synced");

      poison(hostile.document);
      await until(
        () => hostile.events.includes(`closed:${CHANGE_REFUSED_CODE}`),
        "the hostile connection closed",
      );
      const [refusal] = hostile.received("changeRefused");
      expect(refusal?.errors).toEqual(
        expect.arrayContaining([expect.stringMatching(/^editor\.validation\./)]),
      );
      hostile.destroy();

      await typeAndWaitStored(honest, `Harmless text beside ${what}.`, 1);
      // Stored means in the database, right now: a crash at this point would lose nothing.
      expect(storedCase(caseId).bodyText).toContain(`Harmless text beside ${what}.`);
      expect(JSON.stringify(storedCase(caseId).body)).not.toContain(trace);
      expect(plain(honest.document)).not.toContain(trace);
      honest.destroy();

      // A restart: a new server on the same database serves the text to the next editor.
      await live.stop();
      live = await startCollabServer();
      const next = live.connect(team.people.reviewer.cookie, caseId);
      await until(() => next.provider.isSynced, "synced after the restart");
      expect(plain(next.document)).toContain(`Harmless text beside ${what}.`);
      expect(plain(next.document)).not.toContain(trace);
      next.destroy();
    });
  }

  it("refuses a refused element sent in parts, the first waiting for the other editor's next change", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Hostile in parts" }).id;
    const honest = live.connect(team.people.editor.cookie, caseId);
    const hostile = live.connect(team.people.owner.cookie, caseId);
    await until(() => honest.provider.isSynced && hostile.provider.isSynced, "both synced");
    // The hostile editor builds, on a copy, a link that hangs on a change the honest editor has not made yet.
    const future = new Y.Doc();
    Y.applyUpdate(future, Y.encodeStateAsUpdate(honest.document));
    const honestNext = new Y.Doc({ gc: false });
    honestNext.clientID = honest.document.clientID;
    Y.applyUpdate(honestNext, Y.encodeStateAsUpdate(honest.document));
    const before = Y.encodeStateVector(honestNext);
    firstParagraphText(honestNext).insert(0, "Typed next. ");
    Y.applyUpdate(future, Y.encodeStateAsUpdate(honestNext, before));
    const seen = Y.encodeStateVector(future);
    firstParagraphText(future).insert("Typed next. ".length, "evil", {
      link: { href: "javascript:alert(1)" },
    });
    // Yjs keeps such a part aside until what it hangs on arrives; the hostile client sends it as it is.
    sendRawUpdate(hostile, caseId, Y.encodeStateAsUpdate(future, seen));
    hostile.provider.sendStateless(JSON.stringify({ type: "storedUpTo", version: 7 }));
    await until(() => hostile.received("stored").length > 0, "the waiting part handled");

    // The honest editor now makes exactly that change: it is accepted, the waiting part is not.
    firstParagraphText(honest.document).insert(0, "Typed next. ");
    await until(() => honest.provider.unsyncedChanges === 0, "the honest change acknowledged");
    expect(honest.events.filter((event) => event.startsWith("closed:"))).toEqual([]);
    // The waiting part was dropped; the others sync again (and the hostile part is refused if sent again).
    await until(
      () => hostile.events.includes(`closed:${RESYNC_CODE}`),
      "the other connections to sync again",
    );
    hostile.destroy();
    await typeAndWaitStored(honest, "And more after it.", 1);
    expect(storedCase(caseId).bodyText).toContain("Typed next.");
    expect(JSON.stringify(storedCase(caseId).body)).not.toContain("javascript:");
    expect(plain(honest.document)).not.toContain("javascript:");
    honest.destroy();
  });

  it("repairs a document stored before changes were checked, and then stores the editors' text", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Poisoned earlier" }).id;
    const poisoned = new Y.Doc();
    const bad = new Y.XmlElement("paragraph");
    bad.insert(0, [new Y.XmlText("")]);
    poisoned.getXmlFragment(COLLAB_FIELD).push([bad]);
    (bad.get(0) as Y.XmlText).insert(0, "Old link", { link: { href: "javascript:alert(1)" } });
    const script = new Y.XmlElement("script");
    script.insert(0, [new Y.XmlText("alert(2)")]);
    poisoned.getXmlFragment(COLLAB_FIELD).push([script]);
    db.insert(caseDocuments)
      .values({ caseId, state: Buffer.from(Y.encodeStateAsUpdate(poisoned)), updatedAt: new Date() })
      .run();

    const honest = live.connect(team.people.editor.cookie, caseId);
    await until(() => honest.provider.isSynced, "synced");
    expect(plain(honest.document)).not.toContain("javascript:");
    expect(plain(honest.document)).not.toContain('"script"');
    expect(plain(honest.document)).toContain("Old link");
    await typeAndWaitStored(honest, "Typed after the repair.", 1);
    expect(storedCase(caseId).bodyText).toContain("Typed after the repair.");
    honest.destroy();
  });

  it("repairs at the next store a change that breaks what may contain what, and tells the editors", async () => {
    const caseId = createCase(team.people.editor.member, { ...sampleFields, title: "Broken list" }).id;
    const honest = live.connect(team.people.editor.cookie, caseId);
    const other = live.connect(team.people.owner.cookie, caseId);
    await until(() => honest.provider.isSynced && other.provider.isSynced, "both synced");
    // A list item without its paragraph (the schema requires one): Yjs can merge two honest edits into this.
    const emptyItem = new Y.XmlElement("listItem");
    const list = new Y.XmlElement("bulletList");
    list.insert(0, [emptyItem]);
    other.document.getXmlFragment(COLLAB_FIELD).push([list]);
    await until(() => other.provider.unsyncedChanges === 0, "accepted");
    await typeAndWaitStored(honest, "Stored despite the broken list.", 1);
    expect(storedCase(caseId).bodyText).toContain("Stored despite the broken list.");
    const body = storedCase(caseId).body as JSONContent;
    const storedList = body.content?.find((node) => node.type === "bulletList");
    expect(storedList?.content?.[0]?.content?.[0]?.type).toBe("paragraph");
    await until(() => honest.received("textRepaired").length > 0, "the editors told of the repair");
    await until(() => plain(other.document) === JSON.stringify(body), "the repair shared");
    honest.destroy();
    other.destroy();
  });
});
