// Export the whole workspace as one JSON file (owners and editors; see exports.server.ts). The file is
// built in the background: POST starts it and redirects here with ?job=…; the page then polls this loader
// every second (without JavaScript, the page refreshes itself) and offers the download when it is ready.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef } from "react";
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
import { requireWorkspaceMember } from "~/utils/guards.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Export this workspace · Mediation Casebook" }];

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

const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

export default function ExportWorkspace() {
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
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`${base}/cases`}>Cases</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>Export this workspace</h1>
      <p className="lead">
        One JSON file with all of “{loaded.workspaceName}”: every case with its revisions, conditions and
        comment threads, cases in the trash (marked as such), the codebook and the sources library. Use it as
        a backup, or to move the team’s work: it can be{" "}
        <Link to="/workspaces/import">imported as a new workspace</Link>.
      </p>
      <p className="export-summary">
        {summary.cases === 0
          ? "This workspace has no cases yet: the file will hold its codebook and sources."
          : `The file will hold ${plural(summary.cases, "case", "cases")}${summary.trashed ? ` (${summary.trashed.toLocaleString("en-GB")} in the trash)` : ""}, ${plural(summary.codes, "code", "codes")} and ${plural(summary.sources, "source", "sources")}.`}
      </p>
      {loaded.canExport ? (
        <section className="card" aria-labelledby="export-heading">
          <h2 id="export-heading">Whole workspace</h2>
          {loaded.jobGone ? (
            <p className="muted">
              That export is no longer on the server: files are removed once downloaded, or after a day.
            </p>
          ) : null}
          {job ? (
            <ExportProgress job={job} downloadUrl={`${base}/export/${job.id}`} />
          ) : (
            <>
              <p>
                The file holds drafts and internal discussion: keep it as carefully as the workspace itself.
                The export is recorded in the workspace’s audit log.
              </p>
              <StartExportForm label="Export the workspace" />
            </>
          )}
        </section>
      ) : (
        <section className="card" aria-labelledby="export-heading">
          <h2 id="export-heading">Whole workspace</h2>
          <p>
            Only owners and editors export the whole workspace, because the file holds every draft and the
            review discussion. Ask an owner if your team needs a copy.
          </p>
        </section>
      )}
      <section className="card" aria-labelledby="case-export-heading">
        <h2 id="case-export-heading">One case</h2>
        <p>
          Open a case from the <Link to={`${base}/cases`}>case list</Link> and choose <strong>Export</strong>:
          Markdown (tags and citations kept as readable notes and footnotes), JSON (the full record), or Print
          (a clean page, or a PDF with your browser’s “Save as PDF”).
        </p>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
