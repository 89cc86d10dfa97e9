import { Form, useNavigation } from "@remix-run/react";
import { useId, useState } from "react";

/** The upload form. With JavaScript an oversized file is refused before it is sent (slow connections). */
export function WorkspaceImportForm({ error, maxBytes }: { error: string | null; maxBytes: number }) {
  const id = useId();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [tooLarge, setTooLarge] = useState(false);
  const megabytes = maxBytes / 1024 / 1024;
  const message = tooLarge
    ? `This file is larger than ${megabytes} MB, more than a workspace export can be. Check that you chose the right file.`
    : error;
  return (
    <Form method="post" encType="multipart/form-data" className="card form" noValidate>
      <div className={`field${message ? " field-invalid" : ""}`}>
        <label htmlFor={id}>Workspace export file</label>
        <p className="field-hint" id={`${id}-hint`}>
          The .json file from “Export this workspace”, up to {megabytes} MB.
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
          {busy ? "Importing… (large files take a minute)" : "Import as a new workspace"}
        </button>
      </div>
    </Form>
  );
}
