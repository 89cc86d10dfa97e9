import { Link } from "@remix-run/react";

/**
 * "Export this case: Markdown · JSON · Word · PDF" for the case page, styled with the shared classes only (and hidden
 * when printing, like every `.actions` row). The downloads are plain links: no prefetch, and they work
 * without JavaScript. `withPrint` adds a Print button for pages that do not have one already; printing
 * uses the case page's print stylesheet, and the browser's "Save as PDF" makes a PDF.
 * The redacted copies replace sensitive passages by "[redacted]" (ADR 0008); members who may only take
 * redacted copies out (trainers) are offered those alone.
 */
import { useTranslation } from "react-i18next";

export function CaseExportLinks({
  workspaceId,
  caseId,
  withPrint = false,
  canExportUnredacted = true,
  pdfAvailable = true,
}: {
  workspaceId: string;
  caseId: string;
  withPrint?: boolean;
  canExportUnredacted?: boolean;
  /** Chromium is on the server (utils/pdf.server.ts); without it the PDF link says so and print stays. */
  pdfAvailable?: boolean;
}) {
  const { t } = useTranslation();
  const base = `/w/${workspaceId}/cases/${caseId}/export`;
  return (
    <>
      {canExportUnredacted ? (
        <div className="actions case-export">
          <span className="muted">{t("cases.exportLinks.label")}</span>
          <a className="button button-secondary button-small" href={`${base}?format=md`} download>
            {t("cases.exportLinks.markdown")}
          </a>
          <a className="button button-secondary button-small" href={`${base}?format=json`} download>
            {t("cases.exportLinks.json")}
          </a>
          <a className="button button-secondary button-small" href={`${base}?format=docx`} download>
            {t("cases.exportLinks.word")}
          </a>
          {pdfAvailable ? (
            <a className="button button-secondary button-small" href={`${base}?format=pdf`} download>
              {t("cases.exportLinks.pdf")}
            </a>
          ) : (
            <span className="muted">{t("cases.exportLinks.pdfMissing")}</span>
          )}
          {withPrint ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => window.print()}
            >
              {t("cases.exportLinks.print")}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="actions case-export">
        <span className="muted">{t("cases.exportLinks.redactedLabel")}</span>
        <a
          className="button button-secondary button-small"
          href={`${base}?format=md&redacted=1`}
          aria-label={t("cases.exportLinks.markdownRedacted")}
          download
        >
          {t("cases.exportLinks.markdown")}
        </a>
        <a
          className="button button-secondary button-small"
          href={`${base}?format=json&redacted=1`}
          aria-label={t("cases.exportLinks.jsonRedacted")}
          download
        >
          {t("cases.exportLinks.json")}
        </a>
        <a
          className="button button-secondary button-small"
          href={`${base}?format=docx&redacted=1`}
          aria-label={t("cases.exportLinks.wordRedacted")}
          download
        >
          {t("cases.exportLinks.word")}
        </a>
        {pdfAvailable ? (
          <a
            className="button button-secondary button-small"
            href={`${base}?format=pdf&redacted=1`}
            aria-label={t("cases.exportLinks.pdfRedacted")}
            download
          >
            {t("cases.exportLinks.pdf")}
          </a>
        ) : null}
        <Link
          className="button button-secondary button-small"
          to={`/w/${workspaceId}/cases/${caseId}?redacted=1`}
          aria-label={t("cases.exportLinks.printViewRedacted")}
        >
          {t("cases.exportLinks.printView")}
        </Link>
      </div>
    </>
  );
}
