import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useId, useRef, useState } from "react";
import { MAX_IMPORT_BYTES } from "~/models/source-fields";

type Report = {
  imported: Array<{ id: string; title: string }>;
  skipped: Array<{ index: number; id?: string; title?: string; reason: string }>;
};

const LISTED_IMPORTS = 50;

/** The upload form. With JavaScript an oversized file is refused before it is sent (slow connections). */
export function ImportForm({ error, done }: { error: string | null; done: object | null }) {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  // After an import the chosen file is cleared, so pressing Import again cannot send it twice by accident.
  useEffect(() => {
    if (done) form.current?.reset();
  }, [done]);
  const again = done !== null;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [tooLarge, setTooLarge] = useState(false);
  const message = tooLarge
    ? `This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one by one.`
    : error;
  return (
    <Form ref={form} method="post" encType="multipart/form-data" className="card form" noValidate>
      {again ? <h2>Import another file</h2> : null}
      <div className={`field${message ? " field-invalid" : ""}`}>
        <label htmlFor={id}>CSL-JSON file</label>
        <p className="field-hint" id={`${id}-hint`}>
          A .json file, up to {MAX_IMPORT_BYTES / 1024 / 1024} MB.
        </p>
        <input
          id={id}
          type="file"
          name="file"
          accept=".json,.csljson,application/json,application/vnd.citationstyles.csl+json"
          required
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-hint${message ? ` ${id}-error` : ""}`}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            setTooLarge(Boolean(file && file.size > MAX_IMPORT_BYTES));
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
          {busy ? "Importing…" : "Import"}
        </button>
      </div>
    </Form>
  );
}

/** What the import did: the sources it added and, for every item it left out, why. */
export function ImportReportView({ report, base }: { report: Report; base: string }) {
  const count = report.imported.length;
  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <h2 id="import-report-heading" className={count > 0 ? "import-ok" : undefined} role="status">
        {count === 0 ? "No source was imported." : `Imported ${count} ${count === 1 ? "source" : "sources"}.`}
        {report.skipped.length > 0
          ? ` Skipped ${report.skipped.length} ${report.skipped.length === 1 ? "item" : "items"}.`
          : ""}
      </h2>
      {count > 0 ? (
        <ul className="import-list">
          {report.imported.slice(0, LISTED_IMPORTS).map((source) => (
            <li key={source.id}>
              <Link to={`${base}/${source.id}`}>{source.title}</Link>
            </li>
          ))}
          {count > LISTED_IMPORTS ? (
            <li className="muted">…and {count - LISTED_IMPORTS} more, all in the library.</li>
          ) : null}
        </ul>
      ) : null}
      {report.skipped.length > 0 ? (
        <>
          <h3>Skipped, and why</h3>
          <ul className="import-skipped">
            {report.skipped.map((entry) => (
              <li key={`${entry.index}-${entry.reason}`}>
                {entry.reason.charAt(0).toUpperCase() + entry.reason.slice(1)}
              </li>
            ))}
          </ul>
          <p className="muted">
            Fix these items in the file (or in Zotero) and import it again: items already in the library are
            skipped, so nothing is added twice.
          </p>
        </>
      ) : null}
      <p>
        <Link to={base}>Back to the library</Link>
      </p>
    </section>
  );
}
