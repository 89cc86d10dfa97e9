// The gate in front of a live case document: changes that would put into it what the schema refuses are
// refused before anyone receives them; everything else passes, including shapes only a store can repair.
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { COLLAB_FIELD } from "~/editor/live-json";
import { yDocFromBody } from "~/models/collab.server";
import { LiveDocumentGate } from "~/models/collab-gate.server";
import { doc, heading, paragraph } from "../editor/fixtures";

/**
 * A live document with its gate; `send` makes a change on an editor's copy of the live document (a fresh
 * copy each time: an editor whose change was refused is disconnected) and runs it through the gate.
 */
function setUp() {
  const live = yDocFromBody(doc(heading(2, "Context"), paragraph("Shared text.")));
  const gate = new LiveDocumentGate(live);
  const send = (change: (body: Y.XmlFragment, doc: Y.Doc) => void) => {
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(live));
    const before = Y.encodeStateVector(editor);
    change(editor.getXmlFragment(COLLAB_FIELD), editor);
    const update = Y.encodeStateAsUpdate(editor, before);
    const verdict = gate.check(update);
    // As Hocuspocus does: only what passed is applied.
    if (verdict.ok) Y.applyUpdate(live, update);
    return verdict;
  };
  const paragraphText = (body: Y.XmlFragment) => (body.get(1) as Y.XmlElement).get(0) as Y.XmlText;
  return { live, gate, send, paragraphText };
}

describe("LiveDocumentGate", () => {
  it("lets typing, formatting, new paragraphs and deletions through", () => {
    const { live, send, paragraphText } = setUp();
    expect(send((body) => paragraphText(body).insert(0, "More. ")).ok).toBe(true);
    expect(send((body) => paragraphText(body).format(0, 4, { bold: {} })).ok).toBe(true);
    expect(
      send((body) => paragraphText(body).format(0, 4, { link: { href: "https://example.org" } })).ok,
    ).toBe(true);
    expect(
      send((body) => {
        const added = new Y.XmlElement("paragraph");
        added.insert(0, [new Y.XmlText("A new paragraph.")]);
        body.push([added]);
      }).ok,
    ).toBe(true);
    expect(send((body) => body.delete(0, 1)).ok).toBe(true);
    expect(live.getXmlFragment(COLLAB_FIELD).toString()).toContain("A new paragraph.");
  });

  it("refuses unsafe links, unknown elements and marks, bad attributes and deep nesting, applying none", () => {
    const { live, send, paragraphText } = setUp();
    const before = live.getXmlFragment(COLLAB_FIELD).toJSON();
    const refusals = [
      send((body) => paragraphText(body).format(0, 6, { link: { href: "javascript:alert(1)" } })),
      send((body) => paragraphText(body).insert(0, "x", { onclick: { code: "alert(1)" } })),
      send((body) => body.push([new Y.XmlElement("script")])),
      send((body) => (body.get(0) as Y.XmlElement).setAttribute("level", 1 as unknown as string)),
      send((body) => (body.get(0) as Y.XmlElement).setAttribute("onclick", "alert(1)")),
      send((body, editor) =>
        editor.transact(() => {
          let parent: Y.XmlFragment = body;
          for (let i = 0; i < 70; i++) {
            const quote = new Y.XmlElement("blockquote");
            parent.push([quote]);
            parent = quote;
          }
        }),
      ),
      send((_body, editor) => editor.getMap("elsewhere").set("x", 1)),
      send((body) => paragraphText(body).insert(0, "x".repeat(2.1 * 1024 * 1024))),
    ];
    expect(refusals.map((verdict) => verdict.ok)).toEqual(refusals.map(() => false));
    expect(refusals.every((verdict) => verdict.errors.length > 0)).toBe(true);
    expect(live.getXmlFragment(COLLAB_FIELD).toJSON()).toEqual(before);
  });

  it("keeps checking correctly after a refusal", () => {
    const { live, send, paragraphText } = setUp();
    expect(send((body) => body.push([new Y.XmlElement("script")])).ok).toBe(false);
    expect(send((body) => paragraphText(body).insert(0, "Still typing. ")).ok).toBe(true);
    expect(send((body) => paragraphText(body).format(0, 5, { link: { href: "javascript:x" } })).ok).toBe(
      false,
    );
    expect(send((body) => paragraphText(body).insert(0, "And typing. ")).ok).toBe(true);
    expect(live.getXmlFragment(COLLAB_FIELD).toString()).toContain("And typing. Still typing. ");
    expect(live.getXmlFragment(COLLAB_FIELD).toString()).not.toContain("script");
  });

  it("lets through what may contain what (two honest edits can merge into it): a store repairs it", () => {
    const { send } = setUp();
    const verdict = send((body) => {
      const list = new Y.XmlElement("bulletList");
      list.insert(0, [new Y.XmlElement("listItem")]);
      body.push([list]);
    });
    expect(verdict.ok).toBe(true);
  });
});
