import { useBlocker } from "@remix-run/react";
import type { Editor } from "@tiptap/core";
import { Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, TextSelection } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { EditorContent, useEditor } from "@tiptap/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  createCaseExtensions,
  type DerivedCaseRows,
  type DerivedCitation,
  type DerivedPassage,
  deriveCaseRows,
  getSectionRanges,
  sectionIndexAt,
  sectionTitles,
} from "~/editor";
import { LOCALES } from "~/models/domain";
import { type MessageKey, translateMessage } from "~/utils/messages";
import { CiteDialog } from "./cite-dialog";
import {
  COLLAB_FIELD,
  CollabCarets,
  type CollabSession,
  type CollabUser,
  closeCollabSession,
  openCollabSession,
  useCollabState,
} from "./collab";
import { CaseHighlights, type HighlightLookup, refreshHighlights } from "./highlights";
import { LinkDialog } from "./link-dialog";
import { Modal } from "./modal";
import { PassagesPanel } from "./passages-panel";
import { SaveStatusBar } from "./save-status";
import { HEX_COLOR, TagPicker } from "./tag-picker";
import { Toolbar } from "./toolbar";
import type { CodeOption, SourceOption } from "./types";

export type { EditorActionResult } from "./types";

const DERIVE_DELAY_MS = 300;
const HINT_MS = 6000;
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

/**
 * What to write under each standard section while it is empty (shown, never saved), in the reader's
 * language; the section is recognised by its English or French heading.
 */
const SECTION_HINTS = ["context", "actors", "process", "preconditions", "outcomes", "lessons"] as const;
const HINT_BY_TITLE = new Map(
  LOCALES.flatMap((locale) =>
    sectionTitles(locale).map((title, index) => [title.toLowerCase(), SECTION_HINTS[index]] as const),
  ),
);

function sectionHint(t: Translate, title: string): string {
  const section = HINT_BY_TITLE.get(title.replace(/\s+/g, " ").trim().toLowerCase());
  return section ? t(`editor.text.hints.${section}`) : t("editor.text.writeHere");
}

/** The hint of each empty top-level block: a heading's kind, or what to write in a section still empty. */
function emptyBlockHints(doc: ProseMirrorNode, t: Translate): DecorationSet {
  const sections = getSectionRanges(doc);
  const decorations: Decoration[] = [];
  doc.forEach((node, pos) => {
    if (!node.isTextblock || node.content.size > 0) return;
    let hint = "";
    if (node.type.name === "heading")
      hint = node.attrs.level === 2 ? t("editor.text.sectionTitle") : t("editor.text.subheading");
    else {
      // A hint only in a section that is still empty, not on every blank line of the text.
      const section = sections[sectionIndexAt(sections, pos)];
      if (!section) hint = doc.childCount === 1 ? t("editor.text.writeCase") : "";
      else {
        const heading = doc.nodeAt(section.from);
        const alone = heading !== null && section.to - section.from === heading.nodeSize + node.nodeSize;
        hint = alone ? sectionHint(t, section.title) : "";
      }
    }
    if (hint)
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, { class: "is-empty", "data-placeholder": hint }),
      );
  });
  return DecorationSet.create(doc, decorations);
}

/** Translates a catalogue key in the page's current language. */
type Translate = (key: MessageKey) => string;

/**
 * Hints in empty blocks (shown, never saved). Tiptap's Placeholder asks for a hint with the editor's
 * previous state, so a text arriving from the co-editing server at once got the hints of an empty document;
 * these are worked out from the document being shown (top-level blocks only, kept per document).
 */
const EmptyBlockHints = Extension.create<{ t: Translate }>({
  name: "emptyBlockHints",
  addOptions() {
    return { t: (key) => key };
  },
  addProseMirrorPlugins() {
    const { editor, options } = this;
    let last: { doc: ProseMirrorNode; set: DecorationSet } | null = null;
    return [
      new Plugin({
        props: {
          decorations: (state) => {
            if (!editor.isEditable) return null;
            if (last?.doc !== state.doc)
              last = { doc: state.doc, set: emptyBlockHints(state.doc, options.t) };
            return last.set;
          },
        },
      }),
    ];
  },
});

type OpenDialog =
  | null
  | { kind: "tag" | "cite"; text: string }
  | { kind: "link"; href: string; editing: boolean };

/** Per-code highlight colours; ids and colours are checked before they go into CSS. */
function tagColourCss(codes: CodeOption[]): string {
  return codes
    .filter((code) => SAFE_ID.test(code.id) && HEX_COLOR.test(code.color))
    .map((code) => `.case-editor-text .tag[data-tag="${code.id}"]{--tag-color:${code.color}}`)
    .join("\n");
}

/**
 * The browser's selection, in case the editor has not read it yet: ProseMirror picks up a selection
 * made with keys like Shift+Home on the next "selectionchange" event, which a shortcut pressed right
 * after can beat.
 */
function syncSelectionFromDom(editor: Editor): void {
  const selection = window.getSelection();
  const { dom } = editor.view;
  if (!selection?.anchorNode || !selection.focusNode || selection.isCollapsed) return;
  if (!dom.contains(selection.anchorNode) || !dom.contains(selection.focusNode)) return;
  const anchor = editor.view.posAtDOM(selection.anchorNode, selection.anchorOffset);
  const head = editor.view.posAtDOM(selection.focusNode, selection.focusOffset);
  const current = editor.state.selection;
  if (current.anchor === anchor && current.head === head) return;
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, anchor, head)));
}

function clampRange(editor: Editor, range: { from: number; to: number }) {
  const size = editor.state.doc.content.size;
  const from = Math.max(1, Math.min(range.from, size));
  return { from, to: Math.max(from, Math.min(range.to, size)) };
}

export function CaseEditor(props: {
  caseId: string;
  workspaceId: string;
  actionUrl: string;
  user: CollabUser;
  /** BCP 47 tag of the case's language, for spelling, hyphenation and screen readers. */
  language?: string;
  codes: CodeOption[];
  sources: SourceOption[];
}) {
  const { codes, sources } = props;
  const { t } = useTranslation();
  // The placeholder is built when the editor is; it reads the current language through this ref.
  const tRef = useRef(t);
  tRef.current = t;
  const lookup = useRef<HighlightLookup>({ codes: new Map(), sources: new Map() });
  lookup.current.codes = new Map(codes.map((code) => [code.id, code]));
  lookup.current.sources = new Map(sources.map((source) => [source.id, source]));

  const [rows, setRows] = useState<DerivedCaseRows | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [hint, setHint] = useState("");
  const onChange = useRef<() => void>(() => {});
  const openTagPicker = useRef<() => void>(() => {});
  const deriveTimer = useRef<ReturnType<typeof setTimeout>>();
  const hintTimer = useRef<ReturnType<typeof setTimeout>>();
  const passagesHeading = useRef<HTMLDivElement>(null);

  // One Yjs session per page visit, opened in the browser only (the server renders the loading state).
  const [session, setSession] = useState<CollabSession | null>(null);
  useEffect(() => {
    const opened = openCollabSession(props.caseId, props.user);
    setSession(opened);
    return () => closeCollabSession(opened);
  }, [props.caseId, props.user]);
  const collab = useCollabState(session, props.user.id);
  // Edits made while offline count as not yet on the server until it acknowledges everything.
  const changedOffline = useRef(false);

  const editor = useEditor(
    {
      immediatelyRender: false,
      extensions: [
        ...createCaseExtensions({ collaboration: true }),
        ...(session
          ? [
              Collaboration.configure({ document: session.doc, field: COLLAB_FIELD }),
              CollabCarets.configure({
                awareness: session.provider.awareness,
                someone: t("editor.collab.someone"),
              }),
            ]
          : []),
        EmptyBlockHints.configure({ t: (key) => translateMessage(tRef.current, key) }),
        CaseHighlights.configure({ lookup }),
      ],
      editorProps: {
        attributes: {
          id: "case-editor-text",
          class: "case-editor-text",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": t("editor.text.label"),
          spellcheck: "true",
          lang: props.language ?? "en",
        },
        // Keep the cursor clear of the sticky toolbar when the editor scrolls to it.
        scrollMargin: { top: 140, bottom: 48, left: 0, right: 0 },
        scrollThreshold: { top: 140, bottom: 48, left: 0, right: 0 },
        handleKeyDown: (_view, event) => {
          // Desktop Chrome keeps Ctrl+Shift+T for itself (reopen tab), so Alt+Shift+T does the same.
          const modifier = event.ctrlKey || event.metaKey || event.altKey;
          if (modifier && event.shiftKey && event.code === "KeyT") {
            event.preventDefault();
            openTagPicker.current();
            return true;
          }
          return false;
        },
      },
      onCreate: ({ editor: created }) => setRows(deriveCaseRows(created.state.doc)),
      onUpdate: () => onChange.current(),
    },
    [session],
  );

  // The first editor instance exists before the session does; only the one bound to Yjs is shown.
  const bound = editor?.extensionManager.extensions.some((extension) => extension.name === "collaboration")
    ? editor
    : null;
  const dirty = collab.unsynced > 0 || (collab.connection !== "online" && changedOffline.current);

  const derive = useCallback(() => {
    if (!editor || editor.isDestroyed) return;
    setRows(deriveCaseRows(editor.state.doc));
  }, [editor]);

  onChange.current = () => {
    if (collab.connection !== "online") changedOffline.current = true;
    clearTimeout(deriveTimer.current);
    deriveTimer.current = setTimeout(derive, DERIVE_DELAY_MS);
  };

  useEffect(() => {
    if (collab.connection === "online" && collab.unsynced === 0) changedOffline.current = false;
  }, [collab.connection, collab.unsynced]);

  // Reviewers (and anyone the server made read-only) follow the text without changing it.
  useEffect(() => {
    // Nothing is typed before the text is there: typing into an empty document would add its structure
    // a second time once the server's copy arrives.
    if (editor && !editor.isDestroyed)
      editor.setEditable(collab.ready && !collab.readOnly && !collab.refused);
  }, [editor, collab.ready, collab.readOnly, collab.refused]);

  // Closing the tab before the server has the latest changes: the device keeps them, but warn anyway.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  useEffect(() => () => clearTimeout(deriveTimer.current), []);

  // A source created in the citation dialog arrives with the reloaded page data: name it in the text.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the lookup read by the redraw follows `sources`
  useEffect(() => {
    if (editor && !editor.isDestroyed) refreshHighlights(editor.view);
  }, [editor, sources]);

  const showHint = useCallback((text: string) => {
    setHint(text);
    clearTimeout(hintTimer.current);
    hintTimer.current = setTimeout(() => setHint(""), HINT_MS);
  }, []);
  useEffect(() => () => clearTimeout(hintTimer.current), []);

  const selectedText = useCallback(() => {
    if (!editor) return "";
    syncSelectionFromDom(editor);
    const { from, to, empty } = editor.state.selection;
    return empty ? "" : editor.state.doc.textBetween(from, to, " ", " ");
  }, [editor]);

  const openTag = useCallback(() => {
    const text = selectedText();
    if (!text.trim()) {
      showHint(t("editor.text.selectToTag"));
      return;
    }
    setDialog({ kind: "tag", text });
  }, [selectedText, showHint, t]);
  openTagPicker.current = openTag;

  const openCite = useCallback(() => {
    const text = selectedText();
    if (!text.trim()) {
      showHint(t("editor.text.selectToCite"));
      return;
    }
    setDialog({ kind: "cite", text });
  }, [selectedText, showHint, t]);

  const openLink = useCallback(() => {
    if (!editor) return;
    const href = editor.getAttributes("link").href;
    setDialog({ kind: "link", href: typeof href === "string" ? href : "", editing: editor.isActive("link") });
  }, [editor]);

  /** Closes the dialog, then gives the editor its focus back (it cannot take focus under a modal). */
  const closeDialog = useCallback(() => {
    setDialog(null);
    requestAnimationFrame(() => {
      if (editor && !editor.isDestroyed) editor.commands.focus();
    });
  }, [editor]);

  const saveVersion = useCallback(
    (note: string) => session?.provider.sendStateless(JSON.stringify({ type: "saveVersion", note })),
    [session],
  );

  // Ctrl/Cmd+S keeps a version instead of opening the browser's "Save page" (the text itself saves as typed).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        !event.altKey &&
        event.key.toLowerCase() === "s"
      ) {
        event.preventDefault();
        saveVersion("");
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [saveVersion]);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state === "blocked" && !dirty) blocker.proceed();
  }, [blocker, dirty]);

  const jumpTo = useCallback(
    (range: { from: number; to: number }) => {
      if (!editor) return;
      editor.chain().focus().setTextSelection(clampRange(editor, range)).scrollIntoView().run();
    },
    [editor],
  );

  const afterPanelRemoval = useCallback(() => {
    derive();
    passagesHeading.current?.focus();
  }, [derive]);

  const removeTag = useCallback(
    (passage: DerivedPassage) => {
      if (!editor) return;
      const range = clampRange(editor, {
        from: passage.position,
        to: passage.position + passage.text.length,
      });
      editor.chain().setTextSelection(range).removeTag(passage.codeId).run();
      afterPanelRemoval();
    },
    [editor, afterPanelRemoval],
  );

  const removeCitation = useCallback(
    (citation: DerivedCitation) => {
      if (!editor) return;
      const range = clampRange(editor, {
        from: citation.position,
        to: citation.position + citation.text.length,
      });
      editor
        .chain()
        .setTextSelection(range)
        .removeCitation({ sourceId: citation.sourceId, locator: citation.locator })
        .run();
      afterPanelRemoval();
    },
    [editor, afterPanelRemoval],
  );

  const tagCss = useMemo(() => tagColourCss(codes), [codes]);
  const codebookUrl = `/w/${props.workspaceId}/codebook`;

  return (
    <div className="case-editor">
      {tagCss ? (
        // Set as HTML because React escapes the quotes of text children on the server but not in the
        // browser (a hydration mismatch). Safe: every id and colour passed SAFE_ID / HEX_COLOR above.
        // biome-ignore lint/security/noDangerouslySetInnerHtml: built only from validated ids and colours
        <style dangerouslySetInnerHTML={{ __html: tagCss }} />
      ) : null}
      <div className="editor-bar">
        {bound ? (
          <Toolbar editor={bound} onLink={openLink} onTag={openTag} onCite={openCite} />
        ) : (
          <div className="editor-toolbar editor-toolbar-loading" aria-hidden="true" />
        )}
        <SaveStatusBar state={collab} onSaveVersion={saveVersion} />
        <p className="editor-hint" role="status" aria-live="polite">
          {hint}
        </p>
      </div>

      <div className="editor-columns">
        <div className="editor-column">
          {bound ? (
            <EditorContent editor={bound} />
          ) : (
            <div className="editor-loading">
              <p>{t("editor.text.loading")}</p>
              <noscript>{t("editor.text.needsJavaScript")}</noscript>
            </div>
          )}
        </div>
        <div className="editor-side-wrap" ref={passagesHeading} tabIndex={-1}>
          <PassagesPanel
            rows={rows}
            codes={codes}
            sources={sources}
            onJump={jumpTo}
            onRemoveTag={removeTag}
            onRemoveCitation={removeCitation}
          />
        </div>
      </div>

      {dialog?.kind === "tag" && editor ? (
        <TagPicker
          codes={codes}
          selectedText={dialog.text}
          codebookUrl={codebookUrl}
          onClose={closeDialog}
          onPick={(codeId) => {
            editor.chain().addTag(codeId).run();
            closeDialog();
          }}
        />
      ) : null}
      {dialog?.kind === "cite" && editor ? (
        <CiteDialog
          sources={sources}
          selectedText={dialog.text}
          actionUrl={props.actionUrl}
          onClose={closeDialog}
          onCite={(citation) => {
            editor.chain().addCitation(citation).run();
            closeDialog();
          }}
        />
      ) : null}
      {dialog?.kind === "link" && editor ? (
        <LinkDialog
          initialHref={dialog.href}
          isEditing={dialog.editing}
          onClose={closeDialog}
          onRemove={() => {
            editor.chain().extendMarkRange("link").unsetLink().run();
            closeDialog();
          }}
          onApply={(href) => {
            if (editor.state.selection.empty && !editor.isActive("link")) {
              editor
                .chain()
                .insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] })
                .run();
            } else {
              editor.chain().extendMarkRange("link").setLink({ href }).run();
            }
            closeDialog();
          }}
        />
      ) : null}
      {blocker.state === "blocked" ? (
        <Modal title={t("editor.leave.title")} onClose={() => blocker.reset()}>
          <p>{collab.connection === "online" ? t("editor.leave.onTheirWay") : t("editor.leave.offline")}</p>
          <div className="actions">
            <button type="button" className="button" onClick={() => blocker.reset()}>
              {t("editor.leave.stay")}
            </button>
            <button type="button" className="button button-secondary" onClick={() => blocker.proceed()}>
              {t("editor.leave.leave")}
            </button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}
