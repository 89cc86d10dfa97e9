import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RelativeDate, StatusBadge } from "~/components/case-bits";
import { CaseBody } from "~/components/case-body";
import { requestOrigin } from "~/models/audit.server";
import { formatPeriod } from "~/models/case-fields";
import { getCase, trashCase } from "~/models/cases.server";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.caseStudy.title ?? "Case"} · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const caseStudy = getCase(member, requireId(params, "caseId"));
  return {
    workspaceId: member.workspaceId,
    caseStudy,
    canEdit: can(member, "case.edit"),
    canTrash: can(member, "case.trash"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const caseId = requireId(params, "caseId");
  const formData = await request.formData();
  if (formData.get("intent") !== "trash") throw new Response("Unknown action", { status: 400 });
  trashCase(member, caseId, requestOrigin(request));
  return redirectWithToast(request, `/w/${member.workspaceId}/cases`, {
    kind: "success",
    message: "Case moved to the trash. You can restore it from the Trash page.",
  });
}

export default function CaseView() {
  const { caseStudy, workspaceId, canEdit, canTrash } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>Cases</Link> <span aria-hidden="true">›</span>
      </nav>
      <div className="page-heading">
        <div>
          <h1>{caseStudy.title}</h1>
          <p className="case-meta">
            <StatusBadge status={caseStudy.status} /> {caseStudy.regions.join(", ")} ·{" "}
            {formatPeriod(caseStudy)} · updated <RelativeDate date={caseStudy.updatedAt} />
          </p>
        </div>
        {canEdit ? (
          <div className="actions">
            <Link to={`/w/${workspaceId}/cases/${caseStudy.id}/details`} className="button button-secondary">
              Edit details
            </Link>
          </div>
        ) : null}
      </div>
      {caseStudy.summary ? <p className="lead">{caseStudy.summary}</p> : null}
      <dl className="case-fields">
        <div>
          <dt>Armed groups and state actors</dt>
          <dd>
            {caseStudy.actors.length ? (
              caseStudy.actors.join("; ")
            ) : (
              <span className="muted">Not recorded</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Mediators and intermediaries</dt>
          <dd>
            {caseStudy.mediators.length ? (
              caseStudy.mediators.join("; ")
            ) : (
              <span className="muted">Not recorded</span>
            )}
          </dd>
        </div>
      </dl>
      <article className="case-body" aria-label="Case study">
        <CaseBody doc={caseStudy.body} />
      </article>
      {canTrash ? (
        <Form method="post" className="danger-zone">
          <input type="hidden" name="intent" value="trash" />
          <button type="submit" className="button button-danger button-small">
            Move to trash
          </button>
          <span className="muted"> Nothing is deleted: the case can be restored from the Trash.</span>
        </Form>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
