import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RelativeDate, StatusBadge } from "~/components/case-bits";
import { RenderedCaseBody } from "~/components/rendered-case-body";
import { TaggedPassages } from "~/components/tagged-passages";
import { requestOrigin } from "~/models/audit.server";
import { formatPeriod } from "~/models/case-fields";
import { getCaseReading, trashCase } from "~/models/cases.server";
import readingStyles from "~/styles/reading.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: readingStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.caseStudy.title ?? "Case"} · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const reading = getCaseReading(member, requireId(params, "caseId"));
  return {
    workspaceId: member.workspaceId,
    ...reading,
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
  const { caseStudy, html, bibliography, tagged, workspaceId, canEdit, canTrash } =
    useLoaderData<typeof loader>();
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  return (
    <main id="main" className="page case-page">
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
        <div className="actions case-actions">
          {canEdit ? (
            <>
              <Link to={`${caseUrl}/edit`} className="button">
                Edit text
              </Link>
              <Link to={`${caseUrl}/details`} className="button button-secondary">
                Edit details
              </Link>
            </>
          ) : null}
          <Link to={`${caseUrl}/conditions`} className="button button-secondary">
            Conditions
          </Link>
          <Link to={`${caseUrl}/history`} className="button button-secondary">
            History
          </Link>
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            Print
          </button>
        </div>
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
      <div className="reading-layout">
        <article className="case-body" aria-label="Case study">
          <RenderedCaseBody html={html} />
          {bibliography.length > 0 ? (
            <section className="bibliography" aria-labelledby="bibliography-heading">
              <h2 id="bibliography-heading">Sources</h2>
              <ol>
                {bibliography.map((entry) => (
                  <li key={entry.sourceId} id={`ref-${entry.number}`} value={entry.number}>
                    <Link to={`/w/${workspaceId}/sources/${entry.sourceId}`}>{entry.reference}</Link>
                    {entry.locators.length ? (
                      <span className="muted"> — cited at {entry.locators.join("; ")}</span>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </article>
        <aside className="reading-aside" aria-labelledby="tagged-heading">
          <h2 id="tagged-heading">Tagged passages</h2>
          <TaggedPassages groups={tagged} />
        </aside>
      </div>
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
