import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Add, import and export for the library; exports are plain links so the browser downloads the file. */
export function SourceLibraryActions({
  base,
  canEdit,
  hasSources,
}: {
  base: string;
  canEdit: boolean;
  hasSources: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="source-library-actions">
      {canEdit ? (
        <div className="actions">
          <Link to={`${base}/new`} className="button">
            {t("sources.list.add")}
          </Link>
          <Link to={`${base}/import`} className="button button-secondary">
            {t("sources.list.import")}
          </Link>
        </div>
      ) : null}
      {hasSources ? (
        <p className="source-export">
          <span className="muted">{t("sources.list.download")}</span>{" "}
          <a href={`${base}/export?format=json`} download>
            CSL-JSON
          </a>{" "}
          <span aria-hidden="true">·</span>{" "}
          <a href={`${base}/export?format=bib`} download>
            BibTeX
          </a>{" "}
          <span aria-hidden="true">·</span>{" "}
          <a href={`${base}/export?format=ris`} download>
            RIS
          </a>
        </p>
      ) : null}
    </div>
  );
}
