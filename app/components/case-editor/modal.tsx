import { type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * A native modal <dialog>: the browser traps focus, closes it on Escape and restores focus on close.
 * Rendered only while open, so each opening starts from a clean form. Mark the element to focus
 * first with `data-autofocus`.
 */
export function Modal(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onClose = useRef(props.onClose);
  onClose.current = props.onClose;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    // showModal() focuses the first focusable element (the close button); React's autoFocus ran
    // before the dialog opened, so the field meant to be typed in is focused here instead.
    element.querySelector<HTMLElement>("[data-autofocus]")?.focus();
    const close = () => onClose.current();
    element.addEventListener("close", close);
    return () => {
      element.removeEventListener("close", close);
      if (element.open) element.close();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className={`modal${props.className ? ` ${props.className}` : ""}`}
      aria-labelledby={titleId}
      aria-describedby={props.describedBy}
    >
      <div className="modal-header">
        <h2 id={titleId}>{props.title}</h2>
        <button
          type="button"
          className="modal-close"
          aria-label={t("editor.modal.close")}
          onClick={() => dialog.current?.close()}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {props.children}
    </dialog>
  );
}
