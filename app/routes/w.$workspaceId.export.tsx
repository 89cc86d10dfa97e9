// Export the whole workspace as one JSON file (owners and editors; see exports.server.ts). The file is
// built in the background: POST starts it and redirects here with ?job=…; the page then polls this loader
// every second (without JavaScript, the page refreshes itself) and offers the download when it is ready.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ExportProgress, StartExportForm } from "~/components/exports/export-progress";
import { requestOrigin } from "~/models/audit.server";
import {
  canExportWorkspace,
  getExportJob,
  latestExportJob,
  startWorkspaceExport,
  workspaceExportSummary,
} from "~/models/exports.server";
import styles from "~/styles/exports.css?url";
import { useFormat } from "~/utils/format";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const jobId = new URL(request.url).searchParams.get("job");
  const canExport = canExportWorkspace(member);
  const job = canExport ? (jobId ? getExportJob(member, jobId) : latestExportJob(member)) : null;
  return {
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    canExport,
    summary: workspaceExportSummary(member),
    job,
    // A job id that is not (or no longer) this member's: downloaded, older than a day, or someone else's.
    jobGone: Boolean(jobId) && job === null,
    pageTitle: await getPageTitle(request, "exports.workspace.metaTitle"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const formData = await request.formData();
  const job = startWorkspaceExport(member, requestOrigin(request), {
    redacted: formData.get("redacted") === "on",
  });
  return redirect(`/w/${member.workspaceId}/export?job=${job.id}`);
}

export default function ExportWorkspace() {
  const { t } = useTranslation();
  const format = useFormat();
  const loaded = useLoaderData<typeof loader>();
  const base = `/w/${loaded.workspaceId}`;
  const poll = useFetcher<typeof loader>();
  // The poll's answer counts only for the job this page shows (a new export replaces the old one).
  const job = poll.data?.job && poll.data.job.id === loaded.job?.id ? poll.data.job : loaded.job;
  const running = job?.status === "running";
  const pollState = useRef(poll.state);
  pollState.current = poll.state;
  const load = poll.load;
  const jobId = job?.id;
  useEffect(() => {
    if (!running || !jobId) return;
    const timer = setInterval(() => {
      if (pollState.current === "idle") load(`${base}/export?job=${jobId}`);
    }, 1000);
    return () => clearInterval(timer);
  }, [running, jobId, base, load]);

  const { summary } = loaded;
  return (
    <main id="main" className="page page-narrow exports-page">
      {running && job ? (
        <noscript>
          <meta httpEquiv="refresh" content={`2;url=${base}/export?job=${job.id}`} />
        </noscript>
      ) : null}
      <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
        <Link to={`${base}/cases`}>{t("common.nav.cases")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("exports.workspace.title")}</h1>
      <p className="lead">
        {t("exports.workspace.leadBefore", { workspace: loaded.workspaceName })}
        <Link to="/workspaces/import">{t("exports.workspace.leadLink")}</Link>
        {t("exports.workspace.leadAfter")}
      </p>
      <p className="export-summary">
        {summary.cases === 0
          ? t("exports.workspace.summaryEmpty")
          : t("exports.workspace.summary", {
              cases: t("exports.workspace.cases", { count: summary.cases, n: format.number(summary.cases) }),
              trashed: summary.trashed
                ? t("exports.workspace.trashed", { n: format.number(summary.trashed) })
                : "",
              codes: t("exports.workspace.codes", { count: summary.codes, n: format.number(summary.codes) }),
              sources: t("exports.workspace.sources", {
                count: summary.sources,
                n: format.number(summary.sources),
              }),
            })}
      </p>
      {loaded.canExport ? (
        <section className="card" aria-labelledby="export-heading">
          <h2 id="export-heading">{t("exports.workspace.wholeHeading")}</h2>
          {loaded.jobGone ? <p className="muted">{t("exports.workspace.jobGone")}</p> : null}
          {job ? (
            <ExportProgress job={job} downloadUrl={`${base}/export/${job.id}`} />
          ) : (
            <>
              <p>{t("exports.workspace.warning")}</p>
              <StartExportForm label={t("exports.workspace.start")} />
            </>
          )}
        </section>
      ) : (
        <section className="card" aria-labelledby="export-heading">
          <h2 id="export-heading">{t("exports.workspace.wholeHeading")}</h2>
          <p>{t("exports.workspace.notAllowed")}</p>
        </section>
      )}
      <section className="card" aria-labelledby="case-export-heading">
        <h2 id="case-export-heading">{t("exports.workspace.caseHeading")}</h2>
        <p>
          {t("exports.workspace.caseBefore")}
          <Link to={`${base}/cases`}>{t("exports.workspace.caseLink")}</Link>
          {t("exports.workspace.caseMiddle")}
          <strong>{t("exports.workspace.caseExport")}</strong>
          {t("exports.workspace.caseAfter")}
        </p>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
