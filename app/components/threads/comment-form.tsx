import { useFetcher } from "@remix-run/react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_COMMENT_LENGTH } from "~/models/comment-text";
import { useMessage } from "~/utils/messages";
import { type MentionPerson, MentionTextarea } from "./mention-textarea";

/** What the case page's action answers to a thread form (fetchers read it; without JS, useActionData). */
export type ThreadActionResult =
  | { ok: true; formKey: string; threadId?: string }
  | { ok: false; formKey: string; message: string; body?: string };

/**
 * One comment form (new thread, reply, edit). On an error the message is shown under the box and the text
 * stays as typed; on success `onDone` runs and the box is emptied.
 */
export function CommentForm({
  formKey,
  intent,
  hidden,
  label,
  submitLabel,
  people,
  defaultValue,
  autoFocus,
  onDone,
  onCancel,
  noJsResult,
  children,
}: {
  formKey: string;
  intent: string;
  hidden: Record<string, string | number>;
  label: string;
  submitLabel: string;
  people: MentionPerson[];
  defaultValue?: string;
  autoFocus?: boolean;
  onDone?: (result: Extract<ThreadActionResult, { ok: true }>) => void;
  onCancel?: () => void;
  /** The action's answer to this form when it was posted without JavaScript. */
  noJsResult?: ThreadActionResult | null;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  const fetcher = useFetcher<ThreadActionResult>();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const [generation, setGeneration] = useState(0);
  const [length, setLength] = useState(defaultValue?.length ?? 0);
  const handled = useRef<unknown>(null);
  // The server's message stands until the text is changed; then the live count speaks for itself.
  const [editedSinceAnswer, setEditedSinceAnswer] = useState(false);
  const result = fetcher.data ?? (noJsResult?.formKey === formKey ? noJsResult : null);
  const error = result && !result.ok && !editedSinceAnswer ? tm(result.message) : null;

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data || handled.current === fetcher.data) return;
    handled.current = fetcher.data;
    setEditedSinceAnswer(false);
    if (fetcher.data.ok) {
      setGeneration((n) => n + 1);
      setLength(defaultValue?.length ?? 0);
      onDone?.(fetcher.data);
    }
  }, [fetcher.state, fetcher.data, onDone, defaultValue]);

  const busy = fetcher.state !== "idle";
  const tooLong = length > MAX_COMMENT_LENGTH && !error;
  const errorId = `${id}-error`;
  const countId = `${id}-count`;
  return (
    <fetcher.Form
      method="post"
      ref={form}
      className="comment-form"
      onInput={(event) => {
        const target = event.target as HTMLTextAreaElement;
        if (target.name !== "body") return;
        setLength(target.value.length);
        setEditedSinceAnswer(true);
      }}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="formKey" value={formKey} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <label htmlFor={id} className="comment-label">
        {label}
      </label>
      <MentionTextarea
        key={generation}
        id={id}
        name="body"
        people={people}
        // After a save the box starts again from the saved text (an edit) or empty (a reply).
        defaultValue={generation === 0 && result && !result.ok ? (result.body ?? defaultValue) : defaultValue}
        autoFocus={autoFocus}
        invalid={Boolean(error) || tooLong}
        describedBy={
          [error ? errorId : null, tooLong ? countId : null].filter(Boolean).join(" ") || undefined
        }
        placeholder={t("threads.form.placeholder")}
        onSubmitShortcut={() => form.current?.requestSubmit()}
      />
      {tooLong ? (
        <p className="field-error" id={countId}>
          {t("threads.form.tooLong", { length, max: MAX_COMMENT_LENGTH })}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button-small" disabled={busy}>
          {busy ? t("threads.form.sending") : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary button-small" onClick={onCancel}>
            {t("threads.form.cancel")}
          </button>
        ) : null}
      </div>
    </fetcher.Form>
  );
}
