import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ExportJobView } from "~/models/exports.server";
import { useFormat } from "~/utils/format";
import { useMessage } from "~/utils/messages";

/** "512 bytes", "12 KB", "3.4 MB" in the reader's language. */
export function formatBytes(bytes: number, t: TFunction, format: ReturnType<typeof useFormat>) {
  if (bytes < 1024) return t("exports.progress.bytes", { n: format.number(bytes) });
  if (bytes < 1024 * 1024)
    return t("exports.progress.kilobytes", { n: format.number(Math.max(1, Math.round(bytes / 1024))) });
  return t("exports.progress.megabytes", { n: format.number(Math.round((bytes / 1024 / 1024) * 10) / 10) });
}

/** Progress of a workspace export, then its download; a failed export says why and offers to start again. */
export function ExportProgress({ job, downloadUrl }: { job: ExportJobView; downloadUrl: string }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const format = useFormat();
  const [downloaded, setDownloaded] = useState(false);
  if (job.status === "failed") {
    return (
      <div className="export-status export-failed">
        <p role="alert">{job.error ? tm(job.error) : null}</p>
        <StartExportForm label={t("exports.progress.again")} />
      </div>
    );
  }
  if (job.status === "running") {
    const message =
      job.total === 0 && job.done === 0
        ? t("exports.progress.preparing")
        : t("exports.progress.exported", {
            count: job.total,
            done: format.number(job.done),
            n: format.number(job.total),
          });
    return (
      <div className="export-status">
        <label className="export-progress-label" htmlFor={`progress-${job.id}`}>
          {t("exports.progress.building")}
        </label>
        <progress id={`progress-${job.id}`} max={Math.max(job.total, 1)} value={job.done} />
        <p role="status" className="export-progress-text">
          {message}
        </p>
        <p className="muted">{t("exports.progress.keepWorking")}</p>
      </div>
    );
  }
  return (
    <div className="export-status export-done">
      <p role="status">
        <strong>{t("exports.progress.ready")}</strong>
        {t("exports.progress.readyCount", {
          count: job.total,
          n: format.number(job.total),
          size: formatBytes(job.bytes, t, format),
        })}
      </p>
      {downloaded ? (
        <p>{t("exports.progress.downloaded")}</p>
      ) : (
        <>
          <p>
            <a
              href={downloadUrl}
              className="button"
              download={job.filename}
              onClick={() => setDownloaded(true)}
            >
              {t("exports.progress.download", { file: job.filename })}
            </a>
          </p>
          <p className="muted">{t("exports.progress.onlyYou")}</p>
        </>
      )}
      <StartExportForm label={t("exports.progress.exportAgain")} secondary />
    </div>
  );
}

export function StartExportForm({ label, secondary = false }: { label: string; secondary?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="export-start">
      <input type="hidden" name="intent" value="start" />
      <label className="checkbox">
        <input type="checkbox" name="redacted" /> {t("exports.progress.redacted")}
      </label>
      <button type="submit" className={secondary ? "button button-secondary" : "button"}>
        {label}
      </button>
    </Form>
  );
}
