// The one definition of a case document. The browser editor, the server validator, the renderer and
// derive.ts all build on `caseExtensions`/`caseSchema`, so adding a node or mark here is the only
// change needed for all of them to know it (the validator and renderer refuse anything else).
import { Extension, type Extensions, getSchema, type JSONContent, Mark, mergeAttributes } from "@tiptap/core";
import { TableKit } from "@tiptap/extension-table";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
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
    CaseSections,
  ];
}

export const caseExtensions: Extensions = createCaseExtensions();

export const caseSchema = getSchema(caseExtensions);

/** Accepts the editor's JSON or an existing ProseMirror node; throws on types outside the case schema. */
export function toCaseNode(doc: JSONContent | ProseMirrorNode): ProseMirrorNode {
  return doc instanceof ProseMirrorNode ? doc : caseSchema.nodeFromJSON(doc);
}
