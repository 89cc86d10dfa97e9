/**
 * "Export this case: Markdown · JSON" for the case page, styled with the shared classes only (and hidden
 * when printing, like every `.actions` row). The downloads are plain links: no prefetch, and they work
 * without JavaScript. `withPrint` adds a Print button for pages that do not have one already; printing
 * uses the case page's print stylesheet, and the browser's "Save as PDF" makes a PDF.
 */
import { useTranslation } from "react-i18next";

export function CaseExportLinks({
  workspaceId,
  caseId,
  withPrint = false,
}: {
  workspaceId: string;
  caseId: string;
  withPrint?: boolean;
}) {
  const { t } = useTranslation();
  const base = `/w/${workspaceId}/cases/${caseId}/export`;
  return (
    <div className="actions case-export">
      <span className="muted">{t("cases.exportLinks.label")}</span>
      <a className="button button-secondary button-small" href={`${base}?format=md`} download>
        {t("cases.exportLinks.markdown")}
      </a>
      <a className="button button-secondary button-small" href={`${base}?format=json`} download>
        {t("cases.exportLinks.json")}
      </a>
      {withPrint ? (
        <button type="button" className="button button-secondary button-small" onClick={() => window.print()}>
          {t("cases.exportLinks.print")}
        </button>
      ) : null}
    </div>
  );
}
