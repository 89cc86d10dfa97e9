import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FileField } from "~/components/file-field";
import { useFormat } from "~/utils/format";
import { useMessage } from "~/utils/messages";
import { MAX_SOURCE_IMPORT_BYTES, MB } from "~/utils/upload-limits";

type Report = {
  imported: Array<{ id: string; title: string }>;
  skipped: Array<{ index: number; id?: string; title?: string; reason: string }>;
};

const LISTED_IMPORTS = 50;

const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The upload form. With JavaScript an oversized file is refused before it is sent (slow connections). */
export function ImportForm({ error, done }: { error: string | null; done: object | null }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const form = useRef<HTMLFormElement>(null);
  // After an import the chosen file is cleared, so pressing Import again cannot send it twice by accident.
  useEffect(() => {
    if (done) form.current?.reset();
  }, [done]);
  const again = done !== null;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [tooLarge, setTooLarge] = useState(false);
  const mb = useFormat().number(MAX_SOURCE_IMPORT_BYTES / MB);
  return (
    <Form ref={form} method="post" encType="multipart/form-data" className="card form" noValidate>
      {again ? <h2>{t("sources.import.another")}</h2> : null}
      <FileField
        name="file"
        label={t("sources.import.fileLabel")}
        hint={t("sources.import.fileHint", { mb })}
        accept=".json,.csljson,.bib,.bibtex,.ris,application/json,application/vnd.citationstyles.csl+json,application/x-bibtex,application/x-research-info-systems"
        maxBytes={MAX_SOURCE_IMPORT_BYTES}
        tooLargeMessage={t("sources.import.tooLargeBefore", { mb })}
        error={error ? tm(error) : null}
        onTooLargeChange={setTooLarge}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy || tooLarge}>
          {busy ? t("sources.import.importing") : t("sources.import.submit")}
        </button>
      </div>
    </Form>
  );
}

/** What the import did: the sources it added and, for every item it left out, why. */
export function ImportReportView({ report, base }: { report: Report; base: string }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const format = useFormat();
  const count = report.imported.length;
  return (
    <section className="import-report" aria-labelledby="import-report-heading">
      <h2 id="import-report-heading" className={count > 0 ? "import-ok" : undefined} role="status">
        {count === 0
          ? t("sources.import.noneImported")
          : t("sources.import.imported", { count, n: format.number(count) })}
        {report.skipped.length > 0
          ? ` ${t("sources.import.skipped", { count: report.skipped.length, n: format.number(report.skipped.length) })}`
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
            <li className="muted">
              {t("sources.import.more", {
                count: count - LISTED_IMPORTS,
                n: format.number(count - LISTED_IMPORTS),
              })}
            </li>
          ) : null}
        </ul>
      ) : null}
      {report.skipped.length > 0 ? (
        <>
          <h3>{t("sources.import.skippedHeading")}</h3>
          <ul className="import-skipped">
            {report.skipped.map((entry) => (
              <li key={`${entry.index}-${entry.reason}`}>{sentence(tm(entry.reason))}</li>
            ))}
          </ul>
          <p className="muted">{t("sources.import.fixHint")}</p>
        </>
      ) : null}
      <p>
        <Link to={base}>{t("sources.import.back")}</Link>
      </p>
    </section>
  );
}
