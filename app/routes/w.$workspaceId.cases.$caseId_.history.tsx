import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CompareForm, ComparisonView } from "~/components/history/revision-compare";
import { RevisionList } from "~/components/history/revision-list";
import { RevisionView } from "~/components/history/revision-view";
import { requestOrigin } from "~/models/audit.server";
import { DocumentRejectedError, StaleRevisionError } from "~/models/cases.server";
import {
  compareRevisions,
  listRevisions,
  RevisionAlreadyCurrentError,
  restoreRevision,
  viewRevision,
} from "~/models/revisions.server";
import styles from "~/styles/history.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { can, notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `History · ${data?.caseStudy.title ?? "Case"} · Mediation Casebook` },
];

const revisionNumber = z.coerce.number().int().positive().max(1_000_000_000);

/** A revision number from the query string; anything that cannot be one is a revision this case lacks. */
function queryNumber(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  const parsed = revisionNumber.safeParse(raw);
  if (!parsed.success) throw notFound(`This case has no revision “${raw.slice(0, 20)}”.`);
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const caseId = requireId(params, "caseId");
  const url = new URL(request.url);
  const before = queryNumber(url, "before");
  const view = queryNumber(url, "view");
  const history = listRevisions(member, caseId, { before });
  const latest = history.choices[0]?.number ?? history.caseStudy.revision;
  const asked = { from: queryNumber(url, "from"), to: queryNumber(url, "to") };
  // A number this case lacks, or one this member may not open (a draft, for trainers), is a 404.
  for (const number of [asked.from, asked.to])
    if (number !== undefined && !history.choices.some((choice) => choice.number === number))
      throw notFound(`This case has no revision ${number}.`);
  const from = asked.from ?? history.choices[1]?.number ?? latest;
  const to = asked.to ?? latest;
  return {
    workspaceId: member.workspaceId,
    ...history,
    canRestore: can(member, "case.edit"),
    before: before ?? null,
    selected: { from, to, view: view ?? null },
    viewed: view ? viewRevision(member, caseId, view) : null,
    comparison:
      !view && history.choices.length > 1 && from !== to ? compareRevisions(member, caseId, from, to) : null,
  };
}

const restoreSchema = z.object({
  intent: z.literal("restore"),
  number: revisionNumber,
  revision: revisionNumber,
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseId = requireId(params, "caseId");
  const parsed = restoreSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ error: "Pick a revision to restore from the list, then try again." }, { status: 400 });
  }
  const { number, revision } = parsed.data;
  let restored: ReturnType<typeof restoreRevision>;
  try {
    restored = restoreRevision(member, caseId, { number, baseRevision: revision }, requestOrigin(request));
  } catch (error) {
    if (error instanceof StaleRevisionError) {
      return data(
        {
          error: `Someone saved this case (now revision ${error.currentRevision}) after you opened this page. The list below is up to date: check their changes, then restore again if you still want revision ${number}.`,
        },
        { status: 409 },
      );
    }
    if (error instanceof RevisionAlreadyCurrentError) return data({ error: error.message }, { status: 400 });
    if (error instanceof DocumentRejectedError) {
      return data(
        { error: `Revision ${number} cannot be restored: ${error.message}` },
        { status: error.tooLarge ? 413 : 400 },
      );
    }
    throw error;
  }
  const dropped = restored.droppedReferences
    ? ` Tags or citations of ${restored.droppedReferences} code(s) or source(s) removed since then were left out.`
    : "";
  return redirectWithToast(request, `/w/${member.workspaceId}/cases/${caseId}/history`, {
    kind: "success",
    message: `Revision ${number} restored as revision ${restored.revision}.${dropped}`,
  });
}

// After a refused restore (someone saved in between) the list must show their revision.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export default function CaseHistory() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { caseStudy, workspaceId, choices, selected, comparison, viewed, canRestore } = loaderData;
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  const historyUrl = `${caseUrl}/history`;
  const oldestShown = loaderData.revisions[loaderData.revisions.length - 1]?.number;
  return (
    <main id="main" className="page history-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>Cases</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={caseUrl}>{caseStudy.title}</Link> <span aria-hidden="true">›</span>
      </nav>
      <div className="page-heading">
        <div>
          <h1>History</h1>
          <p className="muted history-lead">
            Every save of <strong>{caseStudy.title}</strong> is kept: compare any two, view any one
            {canRestore ? ", or restore one as a new revision" : ""}.
          </p>
        </div>
        <div className="actions">
          <Link to={caseUrl} className="button button-secondary">
            Back to the case
          </Link>
        </div>
      </div>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <div className="history-layout">
        <div className="history-panel">
          {viewed ? (
            <>
              <p>
                <Link to={historyUrl}>← Compare revisions</Link>
              </p>
              <RevisionView
                revision={viewed}
                currentRevision={caseStudy.revision}
                canRestore={canRestore}
                historyUrl={historyUrl}
              />
            </>
          ) : !loaderData.seesDrafts ? (
            <div className="empty-state">
              <p>
                <strong>You read the approved version of this case (revision {caseStudy.revision}).</strong>
              </p>
              <p>
                Its drafts and their changes are visible to editors and reviewers. Use “View” below to read
                the approved revision with its date and author.
              </p>
            </div>
          ) : choices.length < 2 ? (
            <div className="empty-state">
              <p>
                <strong>Only one revision so far.</strong>
              </p>
              <p>
                Each time someone saves the text or edits the details, a new revision appears here and you can
                compare them.
              </p>
            </div>
          ) : (
            <>
              <section aria-labelledby="compare-heading" className="card compare-card">
                <h2 id="compare-heading">Compare two revisions</h2>
                <CompareForm choices={choices} from={selected.from} to={selected.to} />
              </section>
              {comparison ? (
                <ComparisonView comparison={comparison} />
              ) : (
                <p className="muted">Pick two different revisions to see what changed between them.</p>
              )}
            </>
          )}
        </div>
        <section className="history-list" aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">Revisions ({choices.length})</h2>
          <RevisionList
            revisions={loaderData.revisions}
            currentRevision={caseStudy.revision}
            approvedRevision={caseStudy.approvedRevision}
            canRestore={canRestore}
            historyUrl={historyUrl}
            olderUrl={loaderData.hasOlder && oldestShown ? `${historyUrl}?before=${oldestShown}` : null}
            newerUrl={loaderData.before ? historyUrl : null}
            selected={{
              from: viewed ? undefined : selected.from,
              to: viewed ? undefined : selected.to,
              view: selected.view ?? undefined,
            }}
          />
        </section>
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
