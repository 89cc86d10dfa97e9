import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

/** Where a typed "?" is text, not a request for help. */
function typesText(target: EventTarget | null) {
  const element = target as HTMLElement | null;
  return Boolean(
    element?.closest?.("input, textarea, select, [contenteditable=''], [contenteditable='true']"),
  );
}

type Row = { keys: string; what: string };

/**
 * The keyboard shortcuts, on a dialog opened by "?" anywhere outside a field (and by a button that shows
 * when focused, after the skip link). A native modal dialog: the browser keeps the focus in it, Escape
 * closes it, and the focus goes back where it was.
 */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey || typesText(event.target))
        return;
      if (document.querySelector("dialog[open]")) return;
      event.preventDefault();
      setOpen(true);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
  }, [open]);

  const groups: Array<{ title: string; rows: Row[] }> = [
    {
      title: t("common.shortcuts.everywhere"),
      rows: [
        { keys: "?", what: t("common.shortcuts.help") },
        { keys: "Tab · Shift+Tab", what: t("common.shortcuts.tab") },
        { keys: "Enter", what: t("common.shortcuts.enter") },
        { keys: "Escape", what: t("common.shortcuts.escape") },
      ],
    },
    {
      title: t("common.shortcuts.reading"),
      rows: [
        { keys: "Shift+← →  ·  Ctrl+Shift+← →", what: t("common.shortcuts.select") },
        { keys: "Enter", what: t("common.shortcuts.comment") },
        { keys: "Ctrl+Enter", what: t("common.shortcuts.send") },
      ],
    },
    {
      title: t("common.shortcuts.editor"),
      rows: [
        { keys: t("editor.toolbar.tagShortcut"), what: t("editor.toolbar.tag") },
        { keys: "Ctrl+S", what: t("common.shortcuts.keepVersion") },
        { keys: "← →", what: t("common.shortcuts.toolbar") },
        { keys: "Ctrl+B", what: t("editor.toolbar.bold") },
        { keys: "Ctrl+I", what: t("editor.toolbar.italic") },
        { keys: "Ctrl+U", what: t("editor.toolbar.underline") },
        { keys: "Ctrl+Shift+X", what: t("editor.toolbar.sensitiveLabel") },
        { keys: "Ctrl+Z · Ctrl+Shift+Z", what: `${t("editor.toolbar.undo")} · ${t("editor.toolbar.redo")}` },
        {
          keys: "Ctrl+Alt+2 · Ctrl+Alt+3",
          what: `${t("editor.toolbar.sectionHeading")} · ${t("editor.toolbar.subheading")}`,
        },
        {
          keys: "Ctrl+Shift+8 · Ctrl+Shift+7",
          what: `${t("editor.toolbar.bulletList")} · ${t("editor.toolbar.orderedList")}`,
        },
        { keys: "Ctrl+Shift+B", what: t("editor.toolbar.quotation") },
      ],
    },
  ];

  return (
    <>
      <button type="button" className="skip-link shortcuts-link" onClick={() => setOpen(true)}>
        {t("common.shortcuts.open")}
      </button>
      {open ? (
        <dialog
          ref={dialog}
          className="modal shortcuts-dialog"
          aria-labelledby="shortcuts-title"
          onClose={() => setOpen(false)}
        >
          <div className="modal-header">
            <h2 id="shortcuts-title">{t("common.shortcuts.title")}</h2>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => dialog.current?.close()}
            >
              {t("common.shortcuts.close")}
            </button>
          </div>
          {groups.map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h3>{group.title}</h3>
              <dl className="shortcuts-list">
                {group.rows.map((row) => (
                  <div key={`${row.keys} ${row.what}`}>
                    <dt>
                      <kbd>{row.keys}</kbd>
                    </dt>
                    <dd>{row.what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </dialog>
      ) : null}
    </>
  );
}
