import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type Command, EditorState, TextSelection } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import {
  addSectionAfter,
  addTag,
  caseSchema,
  deriveCaseRows,
  getSectionRanges,
  moveSection,
  newCaseDocument,
  removeTag,
  SECTION_TITLES,
} from "~/editor";
import { doc, paragraph, section, tag, text } from "./fixtures";

/** A state whose cursor is inside the first occurrence of `needle`. */
function stateAt(json: JSONContent, needle: string, offset = 1): EditorState {
  const node = caseSchema.nodeFromJSON(json);
  let found = -1;
  node.descendants((child, pos) => {
    if (found < 0 && child.isText && child.text?.includes(needle))
      found = pos + child.text.indexOf(needle) + offset;
    return found < 0;
  });
  if (found < 0) throw new Error(`"${needle}" not in document`);
  return EditorState.create({ doc: node, selection: TextSelection.create(node, found) });
}

function selectText(state: EditorState, needle: string): EditorState {
  const from = state.doc.textContent.indexOf(needle);
  if (from < 0) throw new Error(`"${needle}" not in document`);
  let start = -1;
  state.doc.descendants((child, pos) => {
    if (start < 0 && child.isText && child.text?.includes(needle)) start = pos + child.text.indexOf(needle);
    return start < 0;
  });
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, start, start + needle.length)));
}

function run(state: EditorState, command: Command): EditorState | null {
  let next: EditorState | null = null;
  const ok = command(state, (tr) => {
    next = state.apply(tr);
  });
  if (ok !== (next !== null)) throw new Error("command result and dispatch disagree");
  return next;
}

function titles(node: ProseMirrorNode): string[] {
  return getSectionRanges(node).map((range) => range.title);
}

function withBodies(): JSONContent {
  return doc(...SECTION_TITLES.flatMap((title) => [section(title), paragraph(`${title} body`)]));
}

describe("moveSection", () => {
  it("moves Actors, with its blocks, above Context and keeps the cursor in it", () => {
    const next = run(stateAt(withBodies(), "Actors body"), moveSection("up"));
    expect(next).not.toBeNull();
    expect(titles(next!.doc)).toEqual([
      "Actors",
      "Context",
      "Process",
      "Preconditions",
      "Outcomes",
      "Lessons",
    ]);
    expect(deriveCaseRows(next!.doc).plainText.split("\n").slice(0, 4)).toEqual([
      "Actors",
      "Actors body",
      "Context",
      "Context body",
    ]);
    expect(next!.selection.$from.parent.textContent).toBe("Actors body");
    // "Actors" heading (size 8), then the paragraph's opening (1), then 1 character into "Actors body".
    expect(next!.selection.from).toBe(8 + 1 + 1);
  });

  it("moves a section below the next one", () => {
    const next = run(stateAt(withBodies(), "Context"), moveSection("down"));
    expect(titles(next!.doc)).toEqual([
      "Actors",
      "Context",
      "Process",
      "Preconditions",
      "Outcomes",
      "Lessons",
    ]);
    expect(next!.selection.$from.parent.textContent).toBe("Context");
  });

  it("moves a section with several blocks and sub-headings as a whole", () => {
    const body = doc(
      section("Context"),
      paragraph("c1"),
      section("Actors"),
      { type: "heading", attrs: { level: 3 }, content: [text("Mediators")] },
      paragraph("a1"),
      paragraph("a2"),
      section("Process"),
      paragraph("p1"),
    );
    const next = run(stateAt(body, "Process"), moveSection("up"));
    expect(deriveCaseRows(next!.doc).plainText).toBe("Context\nc1\nProcess\np1\nActors\nMediators\na1\na2");
  });

  it("refuses to move the first section up, the last down, or text before the first section", () => {
    expect(run(stateAt(withBodies(), "Context body"), moveSection("up"))).toBeNull();
    expect(run(stateAt(withBodies(), "Lessons body"), moveSection("down"))).toBeNull();
    const withIntro = doc(paragraph("intro"), section("Context"), paragraph("c"));
    expect(run(stateAt(withIntro, "intro"), moveSection("down"))).toBeNull();
  });

  it("reports whether it can run without changing anything when not dispatched", () => {
    const state = stateAt(withBodies(), "Process body");
    expect(moveSection("up")(state)).toBe(true);
    expect(moveSection("up")(stateAt(withBodies(), "Context"))).toBe(false);
  });
});

describe("addSectionAfter", () => {
  it("adds a section after the current one and selects its title", () => {
    const next = run(stateAt(newCaseDocument(), "Process"), addSectionAfter("Ceasefire terms"));
    expect(titles(next!.doc)).toEqual([
      "Context",
      "Actors",
      "Process",
      "Ceasefire terms",
      "Preconditions",
      "Outcomes",
      "Lessons",
    ]);
    const { from, to } = next!.selection;
    expect(next!.doc.textBetween(from, to)).toBe("Ceasefire terms");
    const inserted = next!.doc.child(6);
    expect(inserted.type.name).toBe("heading");
    expect(inserted.attrs.level).toBe(2);
    expect(next!.doc.child(7).type.name).toBe("paragraph");
  });

  it("adds a section before the first one when the cursor is above it", () => {
    const next = run(stateAt(doc(paragraph("intro"), section("Context")), "intro"), addSectionAfter());
    expect(titles(next!.doc)).toEqual(["New section", "Context"]);
    expect(next!.doc.child(0).textContent).toBe("intro");
  });

  it("adds the first section at the end of a document without sections", () => {
    const next = run(stateAt(doc(paragraph("intro")), "intro"), addSectionAfter("Context"));
    expect(next!.doc.toJSON()).toEqual(doc(paragraph("intro"), section("Context"), paragraph()));
  });
});

describe("tag commands", () => {
  it("adds a second code over part of a tagged passage without removing the first", () => {
    let state = stateAt(doc(paragraph(text("the local truce held", tag("truce")))), "truce");
    state = run(selectText(state, "local truce"), addTag("local-channel"))!;
    const rows = deriveCaseRows(state.doc);
    expect(rows.passages.map(({ codeId, text }) => [codeId, text])).toEqual([
      ["truce", "the local truce held"],
      ["local-channel", "local truce"],
    ]);
  });

  it("removes one code from the whole passage around the cursor and leaves the others", () => {
    const body = doc(
      paragraph(text("the ", tag("a")), text("local", tag("a"), tag("b")), text(" truce", tag("a")), " held"),
    );
    const next = run(stateAt(body, "truce", 2), removeTag("a"))!;
    expect(deriveCaseRows(next.doc).passages.map(({ codeId, text }) => [codeId, text])).toEqual([
      ["b", "local"],
    ]);
  });

  it("does nothing without a selection", () => {
    expect(run(stateAt(doc(paragraph("text")), "text"), addTag("a"))).toBeNull();
  });
});
