import { Form } from "@remix-run/react";
import { useState } from "react";
import type { ExportJobView } from "~/models/exports.server";

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const count = (n: number) => n.toLocaleString("en-GB");

/** Progress of a workspace export, then its download; a failed export says why and offers to start again. */
export function ExportProgress({ job, downloadUrl }: { job: ExportJobView; downloadUrl: string }) {
  const [downloaded, setDownloaded] = useState(false);
  if (job.status === "failed") {
    return (
      <div className="export-status export-failed">
        <p role="alert">{job.error}</p>
        <StartExportForm label="Start the export again" />
      </div>
    );
  }
  if (job.status === "running") {
    const message =
      job.total === 0 && job.done === 0
        ? "Preparing the export…"
        : `Exported ${count(job.done)} of ${count(job.total)} ${job.total === 1 ? "case" : "cases"}`;
    return (
      <div className="export-status">
        <label className="export-progress-label" htmlFor={`progress-${job.id}`}>
          Building the file
        </label>
        <progress id={`progress-${job.id}`} max={Math.max(job.total, 1)} value={job.done} />
        <p role="status" className="export-progress-text">
          {message}
        </p>
        <p className="muted">You can keep working in another tab meanwhile; this page updates by itself.</p>
      </div>
    );
  }
  return (
    <div className="export-status export-done">
      <p role="status">
        <strong>Your export is ready:</strong> {count(job.total)} {job.total === 1 ? "case" : "cases"},{" "}
        {formatBytes(job.bytes)}.
      </p>
      {downloaded ? (
        <p>
          Downloaded. Keep the file somewhere safe: it holds drafts and internal comments. It has been removed
          from the server.
        </p>
      ) : (
        <>
          <p>
            <a
              href={downloadUrl}
              className="button"
              download={job.filename}
              onClick={() => setDownloaded(true)}
            >
              Download {job.filename}
            </a>
          </p>
          <p className="muted">
            Only you can download it. It is removed from the server once downloaded, or after a day.
          </p>
        </>
      )}
      <StartExportForm label="Export again" secondary />
    </div>
  );
}

export function StartExportForm({ label, secondary = false }: { label: string; secondary?: boolean }) {
  return (
    <Form method="post" className="export-start">
      <input type="hidden" name="intent" value="start" />
      <label className="checkbox">
        <input type="checkbox" name="redacted" /> Redacted: sensitive passages replaced by “[redacted]”, their
        citations' locators and the comment threads left out
      </label>
      <button type="submit" className={secondary ? "button button-secondary" : "button"}>
        {label}
      </button>
    </Form>
  );
}
