// Changes no editor makes, built on a Yjs document as a hostile co-editor's client would send them: the
// co-editing tests (integration and browser) send each and check that nobody else's work suffers.
import * as Y from "yjs";

const BODY = "default";

/** The text of the body's first paragraph (made, when the paragraph is empty). */
export function firstParagraphText(doc: Y.Doc): Y.XmlText {
  const paragraph = doc
    .getXmlFragment(BODY)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph");
  if (!paragraph) throw new Error("no paragraph");
  const text = paragraph.get(0);
  if (text instanceof Y.XmlText) return text;
  const made = new Y.XmlText("");
  paragraph.insert(0, [made]);
  return made;
}

/**
 * Pushes bullet lists `levels` deep into the body in one change, built in place (Yjs integrates prepared
 * content recursively, which a thousand levels would overflow).
 */
export function pushDeepList(doc: Y.Doc, levels: number) {
  doc.transact(() => {
    let parent: Y.XmlFragment = doc.getXmlFragment(BODY);
    for (let i = 0; i < levels; i++) {
      const list = new Y.XmlElement("bulletList");
      parent.push([list]);
      const item = new Y.XmlElement("listItem");
      list.push([item]);
      const label = new Y.XmlElement("paragraph");
      item.push([label]);
      label.push([new Y.XmlText(`Hostile level ${i}`)]);
      parent = item;
    }
  });
}

/** Each hostile change, with a trace of it that must never appear in anyone's text. */
export const HOSTILE_CHANGES: Array<{ what: string; make: (doc: Y.Doc) => void; trace: string }> = [
  {
    what: "a javascript: link",
    make: (doc) =>
      firstParagraphText(doc).insert(0, "Hostile link", {
        link: { href: "javascript:alert(document.cookie)" },
      }),
    trace: "alert(document.cookie)",
  },
  {
    what: "a <script> element",
    make: (doc) => {
      const script = new Y.XmlElement("script");
      script.insert(0, [new Y.XmlText("alert(document.cookie)")]);
      doc.getXmlFragment(BODY).push([script]);
    },
    trace: "alert(document.cookie)",
  },
  { what: "lists a thousand deep", make: (doc) => pushDeepList(doc, 1000), trace: "Hostile level 999" },
];
