// The one definition of a case document. The browser editor, the server validator, the renderer and
// derive.ts all build on `caseExtensions`/`caseSchema`, so adding a node or mark here is the only
// change needed for all of them to know it (the validator and renderer refuse anything else).
import { Extension, type Extensions, getSchema, type JSONContent, Mark, mergeAttributes } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import StarterKit from "@tiptap/starter-kit";
import {
  addCitation,
  addSectionAfter,
  addTag,
  moveSection,
  removeCitation,
  removeTag,
  type SectionDirection,
} from "./commands";
import { isSafeLinkHref } from "./links";

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    tag: {
      /** Tag the selected passage with a code of the workspace codebook. */
      addTag: (codeId: string) => ReturnType;
      /** Remove one code from the selection, or from the tagged passage around the cursor. */
      removeTag: (codeId: string) => ReturnType;
    };
    citation: {
      /** Cite a source of the workspace library on the selected passage. */
      addCitation: (citation: { sourceId: string; locator?: string }) => ReturnType;
      removeCitation: (citation: { sourceId: string; locator?: string }) => ReturnType;
    };
    sensitive: {
      /** Mark the selection as sensitive (names, channels of contact): redacted exports leave it out. */
      toggleSensitive: () => ReturnType;
    };
    caseSections: {
      /** Insert a new section (heading + paragraph) after the current one. */
      addSectionAfter: (title?: string) => ReturnType;
      /** Move the current section (heading and its blocks) above the previous or below the next section. */
      moveSection: (direction: SectionDirection) => ReturnType;
    };
  }
}

export const LINK_REL = "noopener noreferrer nofollow";

/**
 * A passage tagged with a code. Several codes may overlap on the same text (`excludes: ""`), and
 * typing at the end of a tagged passage does not extend it (`inclusive: false`).
 */
export const TagMark = Mark.create({
  name: "tag",
  // Higher priority = outer mark, so a tagged passage stays one <span> across bold/italic/link changes.
  priority: 1200,
  inclusive: false,
  excludes: "",
  addAttributes() {
    return {
      codeId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-tag"),
        renderHTML: (attributes) => ({ "data-tag": attributes.codeId }),
      },
    };
  },
  parseHTML() {
    return [
      { tag: "span[data-tag]", getAttrs: (element) => (element.getAttribute("data-tag") ? null : false) },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "tag" }, HTMLAttributes), 0];
  },
  addCommands() {
    return {
      addTag:
        (codeId) =>
        ({ state, dispatch }) =>
          addTag(codeId)(state, dispatch),
      removeTag:
        (codeId) =>
        ({ state, dispatch }) =>
          removeTag(codeId)(state, dispatch),
    };
  },
});

/** A passage citing a source of the workspace library; `locator` is "p. 4", "para. 12", ... or "". */
export const CitationMark = Mark.create({
  name: "citation",
  priority: 1100,
  inclusive: false,
  excludes: "",
  addAttributes() {
    return {
      sourceId: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-citation"),
        renderHTML: (attributes) => ({ "data-citation": attributes.sourceId }),
      },
      locator: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-locator") ?? "",
        renderHTML: (attributes) => ({ "data-locator": attributes.locator ?? "" }),
      },
    };
  },
  parseHTML() {
    return [
      {
        tag: "span[data-citation]",
        getAttrs: (element) => (element.getAttribute("data-citation") ? null : false),
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ["span", mergeAttributes({ class: "citation" }, HTMLAttributes), 0];
  },
  addCommands() {
    return {
      addCitation:
        (citation) =>
        ({ state, dispatch }) =>
          addCitation(citation)(state, dispatch),
      removeCitation:
        (citation) =>
        ({ state, dispatch }) =>
          removeCitation(citation)(state, dispatch),
    };
  },
});

/**
 * A sensitive passage (a name, a channel of contact): shown to members with a dotted underline and
 * replaced by "[redacted]" in redacted exports (app/editor/redact.ts). The outermost mark, so that one
 * sensitive run stays one span across tags, citations and formatting inside it.
 */
export const SensitiveMark = Mark.create({
  name: "sensitive",
  priority: 1300,
  excludes: "",
  parseHTML() {
    return [{ tag: "span[data-sensitive]" }];
  },
  renderHTML() {
    return ["span", { class: "sensitive", "data-sensitive": "" }, 0];
  },
  addCommands() {
    return {
      toggleSensitive:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    };
  },
  addKeyboardShortcuts() {
    return { "Mod-Shift-x": () => this.editor.commands.toggleSensitive() };
  },
});

/** The blocks that carry `dir="auto"`: each takes its direction from its own first strong letter. */
export const DIRECTIONAL_BLOCKS = [
  "paragraph",
  "heading",
  "blockquote",
  "bulletList",
  "orderedList",
  "listItem",
  "tableCell",
  "tableHeader",
] as const;

/**
 * Right-to-left passages (Arabic, Hebrew, Persian…) in a case written in a left-to-right language, and
 * the other way round: every block of DIRECTIONAL_BLOCKS gets `dir="auto"`, so the browser sets each
 * block's direction from its own first strong letter. Nothing is stored in the document: the editor adds
 * the attribute as a node decoration and the renderer (render.ts) writes it on the same blocks.
 */
export const TextDirection = Extension.create({
  // Not "textDirection": Tiptap 3 has a core extension of that name (the editor's textDirection option).
  name: "blockDirection",
  addProseMirrorPlugins() {
    const blocks = new Set<string>(DIRECTIONAL_BLOCKS);
    const decorate = (doc: ProseMirrorNode) => {
      const decorations: Decoration[] = [];
      doc.descendants((node, pos) => {
        if (blocks.has(node.type.name))
          decorations.push(Decoration.node(pos, pos + node.nodeSize, { dir: "auto" }));
        return !node.isTextblock;
      });
      return DecorationSet.create(doc, decorations);
    };
    const key = new PluginKey<DecorationSet>("blockDirection");
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_config, state) => decorate(state.doc),
          apply: (tr, previous) => (tr.docChanged ? decorate(tr.doc) : previous),
        },
        props: { decorations: (state) => key.getState(state) },
      }),
    ];
  },
});

/** Section commands for the editor toolbar; no schema of its own. */
export const CaseSections = Extension.create({
  name: "caseSections",
  addCommands() {
    return {
      addSectionAfter:
        (title) =>
        ({ state, dispatch }) =>
          addSectionAfter(title)(state, dispatch),
      moveSection:
        (direction) =>
        ({ state, dispatch }) =>
          moveSection(direction)(state, dispatch),
    };
  },
});

/**
 * A fresh list of the case document's extensions (Tiptap extensions are configured per list). With
 * `collaboration`, undo/redo comes from Yjs (the Collaboration extension), so ProseMirror's own is left out.
 */
export function createCaseExtensions(options: { collaboration?: boolean } = {}): Extensions {
  return [
    StarterKit.configure({
      ...(options.collaboration ? { undoRedo: false as const } : {}),
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      strike: false,
      horizontalRule: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: "https",
        protocols: [],
        isAllowedUri: (url) => isSafeLinkHref(url),
        // Autolinking does not pass through isAllowedUri: refuse any typed scheme other than ours.
        // Bare addresses ("example.org", "someone@example.org") get https:/mailto: from linkify.
        shouldAutoLink: (url) => !/^[a-z][a-z0-9+.-]*:/i.test(url) || isSafeLinkHref(url),
        HTMLAttributes: { rel: LINK_REL, target: null, class: null },
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
    TagMark,
    CitationMark,
    SensitiveMark,
    TextDirection,
    CaseSections,
  ];
}

export const caseExtensions: Extensions = createCaseExtensions();

export const caseSchema = getSchema(caseExtensions);

/** Accepts the editor's JSON or an existing ProseMirror node; throws on types outside the case schema. */
export function toCaseNode(doc: JSONContent | ProseMirrorNode): ProseMirrorNode {
  return doc instanceof ProseMirrorNode ? doc : caseSchema.nodeFromJSON(doc);
}
