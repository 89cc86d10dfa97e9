import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FileField } from "~/components/file-field";
import { useFormat } from "~/utils/format";
import { useMessage } from "~/utils/messages";
import { MAX_WORKSPACE_IMPORT_BYTES, MB } from "~/utils/upload-limits";

/**
 * The upload form. With JavaScript an oversized file is refused before it is sent (slow connections).
 * `error`: the server's answer, an encoded message or text already in the reader's language.
 */
export function WorkspaceImportForm({ error }: { error: string | null }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const format = useFormat();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [tooLarge, setTooLarge] = useState(false);
  const max = format.number(MAX_WORKSPACE_IMPORT_BYTES / MB);
  return (
    <Form method="post" encType="multipart/form-data" className="card form" noValidate>
      <FileField
        name="file"
        label={t("exports.import.fileLabel")}
        hint={t("exports.import.fileHint", { max })}
        accept=".json,application/json"
        maxBytes={MAX_WORKSPACE_IMPORT_BYTES}
        tooLargeMessage={t("exports.import.fileTooLargeHere", { max })}
        error={error ? tm(error) : null}
        onTooLargeChange={setTooLarge}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy || tooLarge}>
          {busy ? t("exports.import.importing") : t("exports.import.submit")}
        </button>
      </div>
    </Form>
  );
}
