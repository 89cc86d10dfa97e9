import { type ReactNode, useEffect, useId, useRef, useState } from "react";

/**
 * A file input for an upload form that refuses a file over `maxBytes` before a byte of it is sent (staff on
 * slow connections would otherwise wait for the whole upload to be refused). The file is checked when chosen,
 * when the page takes over a file chosen before it had loaded, and again when the form is submitted.
 * `tooLargeMessage` is what the person reads, in their language; `error` is the server's answer.
 */
export function FileField({
  name,
  label,
  hint,
  accept,
  maxBytes,
  tooLargeMessage,
  error,
  onTooLargeChange,
}: {
  name: string;
  label: ReactNode;
  hint: ReactNode;
  accept: string;
  maxBytes: number;
  tooLargeMessage: string;
  error: string | null;
  onTooLargeChange: (tooLarge: boolean) => void;
}) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const message = tooLarge ? tooLargeMessage : error;

  useEffect(() => {
    const field = input.current;
    if (!field) return;
    const check = () => {
      const file = field.files?.[0];
      const over = Boolean(file && file.size > maxBytes);
      setTooLarge(over);
      onTooLargeChange(over);
      return over;
    };
    check();
    const form = field.form;
    const refuseOversized = (event: SubmitEvent) => {
      if (check()) {
        event.preventDefault();
        event.stopImmediatePropagation();
        field.focus();
      }
    };
    field.addEventListener("change", check);
    // Capture: runs before Remix's own submit handler, which would otherwise send the file.
    form?.addEventListener("submit", refuseOversized, { capture: true });
    return () => {
      field.removeEventListener("change", check);
      form?.removeEventListener("submit", refuseOversized, { capture: true });
    };
  }, [maxBytes, onTooLargeChange]);

  return (
    <div className={`field${message ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        ref={input}
        id={id}
        type="file"
        name={name}
        accept={accept}
        required
        aria-invalid={message ? true : undefined}
        aria-describedby={`${id}-hint${message ? ` ${id}-error` : ""}`}
      />
      {message ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}
