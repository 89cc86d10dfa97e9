import { useId, useState } from "react";
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
  const [value, setValue] = useState(props.initialHref);
  const [error, setError] = useState("");
  const inputId = useId();
  const errorId = `${inputId}-error`;
  const hintId = `${inputId}-hint`;

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const href = linkHrefFromInput(value);
    if (!href) {
      setError(
        value.trim() === ""
          ? "Type the address to link to."
          : "Only web addresses (http:// or https://) and e-mail addresses (mailto:) can be links. This address was not added.",
      );
      return;
    }
    props.onApply(href);
  };

  return (
    <Modal
      title={props.isEditing ? "Edit link" : "Add a link"}
      onClose={props.onClose}
      className="link-dialog"
    >
      <form className="form" onSubmit={apply} noValidate>
        <div className={`field${error ? " field-invalid" : ""}`}>
          <label htmlFor={inputId}>Address</label>
          <p className="field-hint" id={hintId}>
            A web page (https://…) or an e-mail address.
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
            {props.isEditing ? "Update link" : "Add link"}
          </button>
          {props.isEditing ? (
            <button type="button" className="button button-danger" onClick={props.onRemove}>
              Remove link
            </button>
          ) : null}
        </div>
      </form>
    </Modal>
  );
}
