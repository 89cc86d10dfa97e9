import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useAutoSubmit } from "~/components/matrix/form-state";
import { MatrixFilters, OutcomePicker } from "~/components/matrix/matrix-controls";
import { MatrixGrid, MatrixLegend } from "~/components/matrix/matrix-grid";
import { QcaFigures } from "~/components/matrix/qca-figures";
import { SaveSetForm } from "~/components/matrix/set-parts";
import { requestOrigin } from "~/models/audit.server";
import { SetRejectedError, saveMatrixAsSet, setNameSchema } from "~/models/comparison-sets.server";
import { filteredMatrix, matrixSearchParams, parseMatrixQuery } from "~/models/matrix.server";
import styles from "~/styles/matrix.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Matrix · ${data?.workspaceName ?? "Workspace"} · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const searchParams = new URL(request.url).searchParams;
  const query = parseMatrixQuery(searchParams);
  // The grid shows a page of rows; the figures below it count every case of the view.
  const rowPage = Number.parseInt(searchParams.get("page") ?? "1", 10);
  const { matrix, total, facets } = filteredMatrix(member, query, {
    rowPage: Number.isFinite(rowPage) ? rowPage : 1,
  });
  return {
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    query,
    search: matrixSearchParams(query).toString(),
    matrix,
    total,
    facets,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const formData = await request.formData();
  if (formData.get("intent") !== "save-set")
    throw data({ message: "This form sent an action the page does not know." }, { status: 400 });
  const name = setNameSchema.safeParse(formData.get("name") ?? "");
  if (!name.success)
    return data(
      { errors: name.error.issues.map((issue) => issue.message), name: String(formData.get("name") ?? "") },
      { status: 400 },
    );
  try {
    // The rows are worked out again from the page's URL, never taken from the form.
    const saved = saveMatrixAsSet(
      member,
      name.data,
      parseMatrixQuery(new URL(request.url).searchParams),
      requestOrigin(request),
    );
    return redirectWithToast(request, `/w/${member.workspaceId}/comparisons/${saved.id}`, {
      kind: "success",
      message: `Saved “${name.data}”. Copy its link from this page to share it with your workspace.`,
    });
  } catch (error) {
    if (error instanceof SetRejectedError)
      return data({ errors: Object.values(error.errors).flat(), name: name.data }, { status: 400 });
    throw error;
  }
}

export default function MatrixPage() {
  const { workspaceId, workspaceName, query, search, matrix, total, facets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/w/${workspaceId}/matrix`;
  const autoSubmit = useAutoSubmit(["col", "pre"]);
  const exportHref = (format: string) => `${base}/export?${search ? `${search}&` : ""}format=${format}`;
  const pageLink = (page: number) => `${base}?${search ? `${search}&` : ""}page=${page}`;

  return (
    <main id="main" className="page matrix-page">
      <div className="page-heading">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>Matrix</h1>
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
      <p className="lead matrix-lead">
        Cases as rows, codes as columns: what each case states for each code. Open a cell for the passages
        behind it, or for who set it and when.
      </p>
      {matrix.problems.length ? (
        <p className="form-error" role="alert">
          {matrix.problems.join(" ")}
        </p>
      ) : null}

      {total === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No cases to compare yet.</strong>
          </p>
          <p>
            When cases are written and their conditions stated, they appear here as rows.{" "}
            <Link to={`/w/${workspaceId}/cases`}>Go to the cases</Link>.
          </p>
        </div>
      ) : (
        <Form method="get" className="matrix-form" onChange={autoSubmit} aria-label="Matrix view">
          <div className="matrix-controls">
            <MatrixFilters
              facets={facets}
              filters={query.filters}
              columnIds={query.columnIds}
              codes={matrix.codes}
              shown={matrix.caseCount}
              total={total}
              clearTo={base}
            />
            <OutcomePicker codes={matrix.codes} outcomeId={matrix.outcome?.id ?? null} />
            <noscript>
              <button type="submit" className="button">
                Show
              </button>
            </noscript>
          </div>
          <MatrixLegend />
          {matrix.cases.length === 0 ? (
            <div className="empty-state">
              <p>
                <strong>No case matches these filters.</strong>
              </p>
              <p>
                Loosen them, or <Link to={base}>show all cases</Link>.
              </p>
            </div>
          ) : (
            <>
              <MatrixGrid matrix={matrix} workspaceId={workspaceId} />
              {matrix.rowPageCount > 1 ? (
                <nav aria-label="Pages of cases" className="pager">
                  {matrix.rowPage > 1 ? (
                    <Link to={pageLink(matrix.rowPage - 1)}>← Previous cases</Link>
                  ) : (
                    <span />
                  )}
                  <span className="muted">
                    Cases {matrix.firstRow}–{matrix.firstRow + matrix.cases.length - 1} of {matrix.caseCount}
                  </span>
                  {matrix.rowPage < matrix.rowPageCount ? (
                    <Link to={pageLink(matrix.rowPage + 1)}>Next cases →</Link>
                  ) : (
                    <span />
                  )}
                </nav>
              ) : null}
              <QcaFigures matrix={matrix} workspaceId={workspaceId} />
            </>
          )}
        </Form>
      )}

      {matrix.cases.length ? (
        <SaveSetForm
          caseCount={matrix.caseCount}
          codeCount={matrix.columns.length}
          outcomeLabel={matrix.outcome?.label ?? null}
          errors={actionData?.errors}
          name={actionData?.name}
        />
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
