// The co-edited body as JSON: what y-tiptap gives for what honest editors write, and no stack overflow on
// what a hostile connection can build.
import { yDocToProsemirrorJSON } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { COLLAB_FIELD, liveBodyJSON } from "~/editor/live-json";
import { yDocFromBody } from "~/models/collab.server";
import { cite, doc, heading, link, paragraph, tag, text } from "./fixtures";

describe("liveBodyJSON", () => {
  it("reads a co-edited body as y-tiptap does, overlapping tags and citations included", () => {
    const body = doc(
      heading(2, "Context"),
      paragraph(
        text("Talks began ", link("https://example.org")),
        text("with a truce", tag("c1"), tag("c2"), cite("s1", "p. 4")),
        text("."),
      ),
      {
        type: "bulletList",
        content: [{ type: "listItem", content: [paragraph("One"), paragraph({ type: "hardBreak" })] }],
      },
      {
        type: "table",
        content: [{ type: "tableRow", content: [{ type: "tableCell", content: [paragraph("Cell")] }] }],
      },
    );
    const live = yDocFromBody(body);
    expect(liveBodyJSON(live)).toEqual(yDocToProsemirrorJSON(live, COLLAB_FIELD));
  });

  it("cuts what is nested deeper than any valid body, without overflowing the stack", () => {
    const live = new Y.Doc();
    live.transact(() => {
      let parent: Y.XmlFragment = live.getXmlFragment(COLLAB_FIELD);
      for (let i = 0; i < 20_000; i++) {
        const quote = new Y.XmlElement("blockquote");
        parent.push([quote]);
        parent = quote;
      }
    });
    const json = JSON.stringify(liveBodyJSON(live));
    expect(json.split('"blockquote"').length - 1).toBeLessThan(70);
  });

  it("turns shared types no editor makes into nodes without a type", () => {
    const live = new Y.Doc();
    live.getXmlFragment(COLLAB_FIELD).push([new Y.XmlHook("evil") as unknown as Y.XmlElement]);
    expect(liveBodyJSON(live)).toEqual({ type: "doc", content: [{}] });
  });
});
