import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { type KeyboardEvent, type ReactNode, useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

type ToolbarProps = {
  editor: Editor;
  onLink: () => void;
  onTag: () => void;
  onCite: () => void;
};

function ToolButton(props: {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick: () => void;
  className?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const title = props.shortcut
    ? t("editor.toolbar.withShortcut", {
        label: props.label,
        shortcut: props.shortcut.replace("Shift", t("editor.toolbar.shiftKey")),
      })
    : props.label;
  return (
    <button
      type="button"
      className={`tool${props.className ? ` ${props.className}` : ""}`}
      aria-label={props.label}
      aria-pressed={props.pressed}
      title={title}
      disabled={props.disabled}
      // Keep the selection in the editor: a click on a tool must not blur it first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** Tools on screen (hidden ones cannot take focus), in order. */
function visibleTools(toolbar: HTMLElement | null): HTMLButtonElement[] {
  return Array.from(toolbar?.querySelectorAll<HTMLButtonElement>("button.tool") ?? []).filter(
    (tool) => tool.offsetParent !== null,
  );
}

/**
 * Formatting and case tools. One tab stop for the whole toolbar; arrow keys move between tools
 * (the WAI-ARIA toolbar pattern), so keyboard users reach the text in one Tab.
 */
export function Toolbar({ editor, onLink, onTag, onCite }: ToolbarProps) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      underline: current.isActive("underline"),
      sensitive: current.isActive("sensitive"),
      section: current.isActive("heading", { level: 2 }),
      subheading: current.isActive("heading", { level: 3 }),
      bulletList: current.isActive("bulletList"),
      orderedList: current.isActive("orderedList"),
      blockquote: current.isActive("blockquote"),
      link: current.isActive("link"),
      inTable: current.isActive("table"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
      canMoveUp: current.can().moveSection("up"),
      canMoveDown: current.can().moveSection("down"),
    }),
  });
  const toolbar = useRef<HTMLDivElement>(null);
  // On narrow screens only Tag, Cite and text style show until "More tools" is opened (see editor.css).
  const [expanded, setExpanded] = useState(false);
  const activeIndex = useRef(0);

  // Exactly one enabled tool is in the tab order: the one last focused, or the first.
  useLayoutEffect(() => {
    const tools = visibleTools(toolbar.current);
    const enabled = tools.filter((tool) => !tool.disabled);
    const current = tools[activeIndex.current];
    const target = current && !current.disabled ? current : enabled[0];
    for (const tool of tools) tool.tabIndex = tool === target ? 0 : -1;
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const enabled = visibleTools(toolbar.current).filter((tool) => !tool.disabled);
    const at = enabled.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    let next = -1;
    if (event.key === "ArrowRight") next = (at + 1) % enabled.length;
    else if (event.key === "ArrowLeft") next = (at - 1 + enabled.length) % enabled.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = enabled.length - 1;
    if (next < 0) return;
    event.preventDefault();
    enabled[next].focus();
  };

  const onFocus = () => {
    const tools = visibleTools(toolbar.current);
    const at = tools.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    activeIndex.current = at;
    for (const tool of tools) tool.tabIndex = tool === tools[at] ? 0 : -1;
  };

  const { t } = useTranslation();
  const chain = () => editor.chain().focus();

  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label={t("editor.toolbar.label")}
      aria-controls="case-editor-text"
      className={`editor-toolbar${expanded ? " is-expanded" : ""}`}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <fieldset className="tool-group" aria-label={t("editor.toolbar.groupTags")}>
        <ToolButton
          label={t("editor.toolbar.tag")}
          shortcut={t("editor.toolbar.tagShortcut")}
          className="tool-primary"
          onClick={onTag}
        >
          {t("editor.toolbar.tag")}
        </ToolButton>
        <ToolButton label={t("editor.toolbar.cite")} className="tool-primary" onClick={onCite}>
          {t("editor.toolbar.cite")}
        </ToolButton>
      </fieldset>
      <fieldset className="tool-group" aria-label={t("editor.toolbar.groupStyle")}>
        <ToolButton
          label={t("editor.toolbar.bold")}
          shortcut="Ctrl+B"
          pressed={state.bold}
          onClick={() => chain().toggleBold().run()}
        >
          <b aria-hidden="true">B</b>
        </ToolButton>
        <ToolButton
          label={t("editor.toolbar.italic")}
          shortcut="Ctrl+I"
          pressed={state.italic}
          onClick={() => chain().toggleItalic().run()}
        >
          <i aria-hidden="true">I</i>
        </ToolButton>
        <ToolButton
          label={t("editor.toolbar.underline")}
          shortcut="Ctrl+U"
          pressed={state.underline}
          onClick={() => chain().toggleUnderline().run()}
        >
          <u aria-hidden="true">U</u>
        </ToolButton>
        <ToolButton
          label={t("editor.toolbar.sensitiveLabel")}
          shortcut="Ctrl+Shift+X"
          pressed={state.sensitive}
          className="tool-sensitive"
          onClick={() => chain().toggleSensitive().run()}
        >
          {t("editor.toolbar.sensitive")}
        </ToolButton>
      </fieldset>
      <fieldset className="tool-group tool-group-more" aria-label={t("editor.toolbar.groupHistory")}>
        <ToolButton
          label={t("editor.toolbar.undo")}
          shortcut="Ctrl+Z"
          disabled={!state.canUndo}
          onClick={() => chain().undo().run()}
        >
          <span aria-hidden="true">↶</span>
        </ToolButton>
        <ToolButton
          label={t("editor.toolbar.redo")}
          shortcut="Ctrl+Shift+Z"
          disabled={!state.canRedo}
          onClick={() => chain().redo().run()}
        >
          <span aria-hidden="true">↷</span>
        </ToolButton>
      </fieldset>
      <fieldset className="tool-group tool-group-more" aria-label={t("editor.toolbar.groupHeadings")}>
        <ToolButton
          label={t("editor.toolbar.sectionHeading")}
          shortcut="Ctrl+Alt+2"
          pressed={state.section}
          onClick={() => chain().toggleHeading({ level: 2 }).run()}
        >
          {t("editor.toolbar.sectionHeadingShort")}
        </ToolButton>
        <ToolButton
          label={t("editor.toolbar.subheading")}
          shortcut="Ctrl+Alt+3"
          pressed={state.subheading}
          onClick={() => chain().toggleHeading({ level: 3 }).run()}
        >
          {t("editor.toolbar.subheadingShort")}
        </ToolButton>
      </fieldset>
      <fieldset className="tool-group tool-group-more" aria-label={t("editor.toolbar.groupLists")}>
        <ToolButton
          label={t("editor.toolbar.bulletList")}
          shortcut="Ctrl+Shift+8"
          pressed={state.bulletList}
          onClick={() => chain().toggleBulletList().run()}
        >
          <span aria-hidden="true">{t("editor.toolbar.bulletListShort")}</span>
        </ToolButton>
        <ToolButton
          label={t("editor.toolbar.orderedList")}
          shortcut="Ctrl+Shift+7"
          pressed={state.orderedList}
          onClick={() => chain().toggleOrderedList().run()}
        >
          <span aria-hidden="true">{t("editor.toolbar.orderedListShort")}</span>
        </ToolButton>
        <ToolButton
          label={t("editor.toolbar.quotation")}
          shortcut="Ctrl+Shift+B"
          pressed={state.blockquote}
          onClick={() => chain().toggleBlockquote().run()}
        >
          <span aria-hidden="true">{t("editor.toolbar.quotationShort")}</span>
        </ToolButton>
      </fieldset>
      <fieldset className="tool-group tool-group-more" aria-label={t("editor.toolbar.groupLinkTable")}>
        <ToolButton
          label={state.link ? t("editor.toolbar.editLink") : t("editor.toolbar.link")}
          pressed={state.link}
          onClick={onLink}
        >
          {t("editor.toolbar.link")}
        </ToolButton>
        {state.inTable ? (
          <>
            <ToolButton label={t("editor.toolbar.addRow")} onClick={() => chain().addRowAfter().run()}>
              {t("editor.toolbar.addRowShort")}
            </ToolButton>
            <ToolButton label={t("editor.toolbar.addColumn")} onClick={() => chain().addColumnAfter().run()}>
              {t("editor.toolbar.addColumnShort")}
            </ToolButton>
            <ToolButton label={t("editor.toolbar.deleteRow")} onClick={() => chain().deleteRow().run()}>
              {t("editor.toolbar.deleteRowShort")}
            </ToolButton>
            <ToolButton label={t("editor.toolbar.deleteColumn")} onClick={() => chain().deleteColumn().run()}>
              {t("editor.toolbar.deleteColumnShort")}
            </ToolButton>
            <ToolButton label={t("editor.toolbar.deleteTable")} onClick={() => chain().deleteTable().run()}>
              {t("editor.toolbar.deleteTable")}
            </ToolButton>
          </>
        ) : (
          <ToolButton
            label={t("editor.toolbar.insertTable")}
            onClick={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
          >
            {t("editor.toolbar.insertTableShort")}
          </ToolButton>
        )}
      </fieldset>
      <fieldset className="tool-group tool-group-more" aria-label={t("editor.toolbar.groupSections")}>
        <ToolButton label={t("editor.toolbar.addSection")} onClick={() => chain().addSectionAfter().run()}>
          {t("editor.toolbar.addSectionShort")}
        </ToolButton>
        <ToolButton
          label={t("editor.toolbar.moveSectionUp")}
          disabled={!state.canMoveUp}
          onClick={() => chain().moveSection("up").run()}
        >
          <span aria-hidden="true">{t("editor.toolbar.moveSectionUpShort")}</span>
        </ToolButton>
        <ToolButton
          label={t("editor.toolbar.moveSectionDown")}
          disabled={!state.canMoveDown}
          onClick={() => chain().moveSection("down").run()}
        >
          <span aria-hidden="true">{t("editor.toolbar.moveSectionDownShort")}</span>
        </ToolButton>
      </fieldset>
      <button
        type="button"
        className="tool tool-toggle"
        aria-expanded={expanded}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setExpanded(!expanded)}
      >
        {expanded ? t("editor.toolbar.fewerTools") : t("editor.toolbar.moreTools")}
      </button>
    </div>
  );
}
