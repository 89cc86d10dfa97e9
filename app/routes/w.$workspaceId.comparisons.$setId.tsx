import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RelativeDate } from "~/components/case-bits";
import { Field } from "~/components/field";
import { useAutoSubmit } from "~/components/matrix/form-state";
import { OutcomePicker } from "~/components/matrix/matrix-controls";
import { MatrixGrid, MatrixLegend } from "~/components/matrix/matrix-grid";
import { QcaFigures } from "~/components/matrix/qca-figures";
import { SET_NAME_MAX, VIEW_LABELS } from "~/components/matrix/rules";
import { ShareLink } from "~/components/matrix/set-parts";
import { requestOrigin } from "~/models/audit.server";
import {
  deleteComparisonSet,
  openComparisonSet,
  renameComparisonSet,
  setNameSchema,
  setViewOverrides,
} from "~/models/comparison-sets.server";
import styles from "~/styles/matrix.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.set.name ?? "Comparison set"} · Comparison sets · Mediation Casebook` },
];

const unavailable = (missing: number) =>
  missing === 1
    ? "1 case in this set is no longer available to you."
    : `${missing} cases in this set are no longer available to you.`;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const url = new URL(request.url);
  const opened = openComparisonSet(member, requireId(params, "setId"), setViewOverrides(url.searchParams));
  if (opened.view === "side") {
    const compare = new URLSearchParams();
    for (const id of opened.caseIds) compare.append("case", id);
    for (const id of opened.set.codeIds) compare.append("code", id);
    compare.set("scroll", opened.scroll);
    const target = `/w/${member.workspaceId}/compare?${compare}`;
    if (opened.missing === 0) throw redirect(target);
    throw await redirectWithToast(request, target, { kind: "error", message: unavailable(opened.missing) });
  }
  const { set, matrix, missing, changed } = opened;
  return {
    workspaceId: member.workspaceId,
    set: {
      id: set.id,
      name: set.name,
      view: set.view,
      createdByName: set.createdByName,
      createdAt: set.createdAt,
      updatedAt: set.updatedAt,
      canManage: set.canManage,
      caseCount: set.caseIds.length,
    },
    shareUrl: `${url.origin}/w/${member.workspaceId}/comparisons/${set.id}`,
    matrix,
    missing,
    changed,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const setId = requireId(params, "setId");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const page = `/w/${member.workspaceId}/comparisons/${setId}`;
  if (intent === "rename") {
    const name = setNameSchema.safeParse(formData.get("name") ?? "");
    if (!name.success)
      return data(
        {
          errors: name.error.issues.map((issue) => issue.message),
          name: String(formData.get("name") ?? ""),
        },
        { status: 400 },
      );
    renameComparisonSet(member, setId, name.data, requestOrigin(request));
    return redirectWithToast(request, page, { kind: "success", message: `Renamed to “${name.data}”.` });
  }
  if (intent === "delete") {
    if (formData.get("confirm") !== "yes")
      return data(
        { deleteError: "Tick the box to confirm that the set goes for everyone." },
        { status: 400 },
      );
    const deleted = deleteComparisonSet(member, setId, requestOrigin(request));
    return redirectWithToast(request, `/w/${member.workspaceId}/comparisons`, {
      kind: "success",
      message: `Deleted the set “${deleted.name}”. The cases themselves are unchanged.`,
    });
  }
  throw data({ message: "This form sent an action the page does not know." }, { status: 400 });
}

export default function ComparisonSetPage() {
  const { workspaceId, set, shareUrl, matrix, missing, changed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = `/w/${workspaceId}/comparisons/${set.id}`;
  // No "all ticked" shortcut here: without `pre` the set's saved preconditions apply, not all of them.
  const autoSubmit = useAutoSubmit([]);
  const exportHref = (format: string) =>
    `/w/${workspaceId}/matrix/export?set=${set.id}${matrix.outcome ? `&outcome=${matrix.outcome.id}` : ""}&format=${format}`;

  return (
    <main id="main" className="page matrix-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/w/${workspaceId}/comparisons`}>Comparison sets</Link> <span aria-hidden="true">›</span>
      </nav>
      <div className="page-heading">
        <div>
          <p className="eyebrow">Comparison set · {VIEW_LABELS[set.view]}</p>
          <h1>{set.name}</h1>
          <p className="muted set-meta">
            Saved by {set.createdByName} on <RelativeDate date={set.createdAt} /> ·{" "}
            {matrix.cases.length === 1 ? "1 case" : `${matrix.cases.length} cases`} · {matrix.columns.length}{" "}
            codes
          </p>
        </div>
        {matrix.cases.length ? (
          <div className="actions">
            <a href={exportHref("csv")} className="button button-secondary" download>
              Download CSV
            </a>
            <a href={exportHref("md")} className="button button-secondary" download>
              Download Markdown
            </a>
          </div>
        ) : null}
      </div>

      <ShareLink url={shareUrl} />

      {missing > 0 ? (
        <p className="set-missing" role="note">
          <span aria-hidden="true">⚠ </span>
          {unavailable(missing)} They were deleted, or you may not read them; the figures leave them out.
        </p>
      ) : null}
      {matrix.problems.length ? (
        <p className="form-error" role="alert">
          {matrix.problems.join(" ")}
        </p>
      ) : null}

      {matrix.cases.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>None of this set's cases is available to you.</strong>
          </p>
          <p>
            Make a new set from the <Link to={`/w/${workspaceId}/matrix`}>matrix</Link>.
          </p>
        </div>
      ) : (
        <Form method="get" className="matrix-form" onChange={autoSubmit} aria-label="Set view">
          <div className="matrix-controls">
            <OutcomePicker codes={matrix.codes} outcomeId={matrix.outcome?.id ?? null} />
            <noscript>
              <button type="submit" className="button">
                Show
              </button>
            </noscript>
            {changed ? (
              <p className="set-changed">
                You changed the saved view. <Link to={page}>Back to the saved view</Link>
              </p>
            ) : null}
          </div>
          <MatrixLegend />
          <MatrixGrid matrix={matrix} workspaceId={workspaceId} />
          <QcaFigures matrix={matrix} workspaceId={workspaceId} />
        </Form>
      )}

      {set.canManage ? (
        <details className="card set-manage" open={actionData ? true : undefined}>
          <summary>Rename or delete this set</summary>
          <Form
            method="post"
            className="form-inline"
            key={actionData && "name" in actionData ? "retry" : set.name}
          >
            <input type="hidden" name="intent" value="rename" />
            <Field
              label="Name of the set"
              name="name"
              required
              maxLength={SET_NAME_MAX}
              defaultValue={actionData && "name" in actionData ? actionData.name : set.name}
              errors={actionData && "errors" in actionData ? actionData.errors : undefined}
            />
            <button type="submit" className="button button-secondary">
              Rename
            </button>
          </Form>
          <Form method="post" className="set-delete">
            <input type="hidden" name="intent" value="delete" />
            <p className="muted">
              Deleting the set removes its link for everyone. The cases are not touched.
            </p>
            <label className="checkbox">
              <input type="checkbox" name="confirm" value="yes" required /> Yes, delete this set for everyone
            </label>
            {actionData && "deleteError" in actionData ? (
              <p className="field-error" role="alert">
                {actionData.deleteError}
              </p>
            ) : null}
            <button type="submit" className="button button-danger">
              Delete this set
            </button>
          </Form>
        </details>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
