import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { normalizeLinkHref } from "~/editor";
import { Modal } from "./modal";

/**
 * The address to link to, or null when it is refused. Only http(s) and mailto are allowed (the
 * server refuses anything else too); a bare "example.org" or "name@example.org" gets its scheme added.
 */
export function linkHrefFromInput(raw: string): string | null {
  const trimmed = raw.trim();
  if (trimmed === "") return null;
  const direct = normalizeLinkHref(trimmed);
  if (direct) return direct;
  // Any other scheme ("javascript:", "data:", "file:") is refused, not repaired; "host:8080" is a port.
  if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(trimmed)) return null;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(trimmed)) return normalizeLinkHref(`mailto:${trimmed}`);
  if (/^[^\s/]+\.[^\s/]+/.test(trimmed) || /^[^\s/:]+:\d+(\/|$)/.test(trimmed)) {
    return normalizeLinkHref(`https://${trimmed}`);
  }
  return null;
}

export function LinkDialog(props: {
  initialHref: string;
  isEditing: boolean;
  onApply: (href: string) => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(props.initialHref);
  const [error, setError] = useState("");
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const href = linkHrefFromInput(value);
    if (!href) {
      setError(value.trim() === "" ? t("editor.link.empty") : t("editor.link.refused"));
      return;
    }
    props.onApply(href);
  };

  return (
    <Modal
      title={props.isEditing ? t("editor.link.editTitle") : t("editor.link.addTitle")}
      onClose={props.onClose}
      className="link-dialog"
    >
      <form className="form" onSubmit={apply} noValidate>
        <div className={`field${error ? " field-invalid" : ""}`}>
          <label htmlFor={inputId}>{t("editor.link.address")}</label>
          <p className="field-hint" id={hintId}>
            {t("editor.link.hint")}
          </p>
          <input
            id={inputId}
            type="text"
            inputMode="url"
            data-autofocus=""
            autoComplete="off"
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              setError("");
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          />
          {error ? (
            <p className="field-error" id={errorId} role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {props.isEditing ? t("editor.link.update") : t("editor.link.add")}
          </button>
          {props.isEditing ? (
            <button type="button" className="button button-danger" onClick={props.onRemove}>
              {t("editor.link.remove")}
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
