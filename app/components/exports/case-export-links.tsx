import { Link } from "@remix-run/react";

/**
 * "Export this case: Markdown · JSON" for the case page, styled with the shared classes only (and hidden
 * when printing, like every `.actions` row). The downloads are plain links: no prefetch, and they work
 * without JavaScript. `withPrint` adds a Print button for pages that do not have one already; printing
 * uses the case page's print stylesheet, and the browser's "Save as PDF" makes a PDF.
 * The redacted copies replace sensitive passages by "[redacted]" (ADR 0008); members who may only take
 * redacted copies out (trainers) are offered those alone.
 */
export function CaseExportLinks({
  workspaceId,
  caseId,
  withPrint = false,
  canExportUnredacted = true,
}: {
  workspaceId: string;
  caseId: string;
  withPrint?: boolean;
  canExportUnredacted?: boolean;
}) {
  const base = `/w/${workspaceId}/cases/${caseId}/export`;
  return (
    <>
      {canExportUnredacted ? (
        <div className="actions case-export">
          <span className="muted">Export this case:</span>
          <a className="button button-secondary button-small" href={`${base}?format=md`} download>
            Markdown
          </a>
          <a className="button button-secondary button-small" href={`${base}?format=json`} download>
            JSON
          </a>
          {withPrint ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => window.print()}
            >
              Print
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="actions case-export">
        <span className="muted">Redacted copy (sensitive passages removed):</span>
        <a
          className="button button-secondary button-small"
          href={`${base}?format=md&redacted=1`}
          aria-label="Markdown, redacted"
          download
        >
          Markdown
        </a>
        <a
          className="button button-secondary button-small"
          href={`${base}?format=json&redacted=1`}
          aria-label="JSON, redacted"
          download
        >
          JSON
        </a>
        <Link
          className="button button-secondary button-small"
          to={`/w/${workspaceId}/cases/${caseId}?redacted=1`}
          aria-label="Print view, redacted"
        >
          Print view
        </Link>
      </div>
    </>
  );
}
