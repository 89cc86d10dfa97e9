import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RelativeDate, StatusBadge } from "~/components/case-bits";
import { formatPeriod } from "~/models/case-fields";
import { listCases } from "~/models/cases.server";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { can } from "~/utils/permissions.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Cases · ${data?.workspaceName ?? "Workspace"} · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  return {
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    canCreate: can(member, "case.create"),
    cases: listCases(member),
  };
}

export default function CaseList() {
  const { cases, canCreate, workspaceId, workspaceName } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>Cases</h1>
        </div>
        {canCreate ? (
          <Link to={`/w/${workspaceId}/cases/new`} className="button">
            New case
          </Link>
        ) : null}
      </div>
      {cases.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No cases yet.</strong>
          </p>
          {canCreate ? (
            <p>
              Start with a process you know well:{" "}
              <Link to={`/w/${workspaceId}/cases/new`}>write the first case</Link>. You can fill in the
              structured fields now and the sections later.
            </p>
          ) : (
            <p>When editors add case studies to this workspace, they appear here.</p>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="case-table">
            <caption className="visually-hidden">Cases in {workspaceName}</caption>
            <thead>
              <tr>
                <th scope="col">Title</th>
                <th scope="col">Country / region</th>
                <th scope="col">Period</th>
                <th scope="col">Status</th>
                <th scope="col">Updated</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((item) => (
                <tr key={item.id}>
                  <td data-label="Title">
                    <Link to={`/w/${workspaceId}/cases/${item.id}`} className="case-title-link">
                      {item.title}
                    </Link>
                    {item.summary ? <p className="case-summary">{item.summary}</p> : null}
                  </td>
                  <td data-label="Country / region">{item.regions.join(", ")}</td>
                  <td data-label="Period">{formatPeriod(item)}</td>
                  <td data-label="Status">
                    <StatusBadge status={item.status} />
                  </td>
                  <td data-label="Updated">
                    <RelativeDate date={item.updatedAt} />{" "}
                    <span className="muted">by {item.updatedByName}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
