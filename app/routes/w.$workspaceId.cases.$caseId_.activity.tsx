import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/case-bits";
import { ActivityTimeline } from "~/components/review/activity-timeline";
import { getCaseActivity } from "~/models/activity.server";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Activity · ${data?.caseStudy.title ?? "Case"} · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const activity = getCaseActivity(member, requireId(params, "caseId"));
  return { workspaceId: member.workspaceId, now: new Date(), ...activity };
}

export default function CaseActivity() {
  const { workspaceId, caseStudy, entries, now } = useLoaderData<typeof loader>();
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  return (
    <main id="main" className="page page-narrow activity-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>Cases</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={caseUrl}>{caseStudy.title}</Link> <span aria-hidden="true">›</span>
      </nav>
      <div className="page-heading">
        <div>
          <h1>Activity</h1>
          <p className="muted">
            {caseStudy.title} <StatusBadge status={caseStudy.status} />
          </p>
        </div>
        <div className="actions">
          <Link to={`${caseUrl}/review`} className="button button-secondary">
            Review
          </Link>
          <Link to={`${caseUrl}/history`} className="button button-secondary">
            History
          </Link>
        </div>
      </div>
      <p className="muted">
        Who did what on this case, newest first. Consecutive saves by one person are counted together; every
        save is in the History.
      </p>
      {entries.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>Nothing recorded yet.</strong>
          </p>
          <p>
            Saves, tags, comments and review decisions appear here. <Link to={caseUrl}>Back to the case</Link>
          </p>
        </div>
      ) : (
        <ActivityTimeline entries={entries} now={now} />
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
