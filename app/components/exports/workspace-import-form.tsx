import { Form, useNavigation } from "@remix-run/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/format";
import { useMessage } from "~/utils/messages";

/**
 * The upload form. With JavaScript an oversized file is refused before it is sent (slow connections).
 * `error`: the server's answer, an encoded message or text already in the reader's language.
 */
export function WorkspaceImportForm({ error, maxBytes }: { error: string | null; maxBytes: number }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const format = useFormat();
  const id = useId();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [tooLarge, setTooLarge] = useState(false);
  const megabytes = format.number(maxBytes / 1024 / 1024);
  const message = tooLarge
    ? t("exports.import.fileTooLargeHere", { max: megabytes })
    : error
      ? tm(error)
      : null;
  return (
    <Form method="post" encType="multipart/form-data" className="card form" noValidate>
      <div className={`field${message ? " field-invalid" : ""}`}>
        <label htmlFor={id}>{t("exports.import.fileLabel")}</label>
        <p className="field-hint" id={`${id}-hint`}>
          {t("exports.import.fileHint", { max: megabytes })}
        </p>
        <input
          id={id}
          type="file"
          name="file"
          accept=".json,application/json"
          required
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-hint${message ? ` ${id}-error` : ""}`}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setTooLarge(Boolean(file && file.size > maxBytes));
          }}
        />
        {message ? (
          <p className="field-error" id={`${id}-error`} role="alert">
            {message}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy || tooLarge}>
          {busy ? t("exports.import.importing") : t("exports.import.submit")}
        </button>
      </div>
    </Form>
  );
}
