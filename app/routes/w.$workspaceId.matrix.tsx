import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useAutoSubmit } from "~/components/matrix/form-state";
import { MatrixFilters, OutcomePicker } from "~/components/matrix/matrix-controls";
import { MatrixCellForm, MatrixGrid, MatrixLegend } from "~/components/matrix/matrix-grid";
import { QcaAnalysis } from "~/components/matrix/qca-analysis";
import { QcaFigures } from "~/components/matrix/qca-figures";
import { SaveSetForm } from "~/components/matrix/save-and-share";
import { requestOrigin } from "~/models/audit.server";
import { SetRejectedError, saveMatrixAsSet, setNameSchema } from "~/models/comparison-sets.server";
import { filteredMatrix, matrixForPage } from "~/models/matrix.server";
import { matrixSearchParams, parseMatrixQuery } from "~/queries/matrix";
import styles from "~/styles/matrix.css?url";
import { useFormat } from "~/utils/format";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg, useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { Refusal } from "~/utils/refusal";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const searchParams = new URL(request.url).searchParams;
  const query = parseMatrixQuery(searchParams);
  // The grid shows a page of rows; the figures below it count every case of the view.
  const rowPage = Number.parseInt(searchParams.get("page") ?? "1", 10);
  const { matrix, total, facets } = filteredMatrix(member, query, {
    rowPage: Number.isFinite(rowPage) ? rowPage : 1,
  });
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", {
      title: t("matrix.page.metaTitle", { workspace: member.workspaceName }),
    }),
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    query,
    search: matrixSearchParams(query).toString(),
    matrix: matrixForPage(matrix),
    total,
    facets,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const formData = await request.formData();
  if (formData.get("intent") !== "save-set") throw new Refusal(400, msg("errors.unknownAction"));
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
      message: msg("matrix.saveSet.saved", { name: name.data }),
    });
  } catch (error) {
    if (error instanceof SetRejectedError)
      return data({ errors: Object.values(error.errors).flat(), name: name.data }, { status: 400 });
    throw error;
  }
}

export default function MatrixPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const tm = useMessage();
  const format = useFormat();
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
          <h1>{t("matrix.page.title")}</h1>
        </div>
        {matrix.cases.length ? (
          <div className="actions">
            <a href={exportHref("csv")} className="button button-secondary">
              {t("matrix.page.downloadCsv")}
            </a>
            <a href={exportHref("md")} className="button button-secondary">
              {t("matrix.page.downloadMarkdown")}
            </a>
          </div>
        ) : null}
      </div>
      <p className="lead matrix-lead">{t("matrix.page.lead")}</p>
      {matrix.problems.length ? (
        <p className="form-error" role="alert">
          {matrix.problems.map(tm).join(" ")}
        </p>
      ) : null}

      {total === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("matrix.page.emptyTitle")}</strong>
          </p>
          <p>
            {t("matrix.page.emptyBody")}{" "}
            <Link to={`/w/${workspaceId}/cases`}>{t("matrix.page.goToCases")}</Link>.
          </p>
        </div>
      ) : (
        <Form
          method="get"
          className="matrix-form"
          onChange={autoSubmit}
          aria-label={t("matrix.page.formLabel")}
        >
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
                {t("matrix.page.show")}
              </button>
            </noscript>
          </div>
          <MatrixLegend />
          {matrix.cases.length === 0 ? (
            <div className="empty-state">
              <p>
                <strong>{t("matrix.page.noMatch")}</strong>
              </p>
              <p>
                {t("matrix.page.loosen")} <Link to={base}>{t("matrix.page.showAll")}</Link>.
              </p>
            </div>
          ) : (
            <>
              <MatrixGrid matrix={matrix} workspaceId={workspaceId} />
              {matrix.rowPageCount > 1 ? (
                <nav aria-label={t("matrix.page.pages")} className="pager">
                  {matrix.rowPage > 1 ? (
                    <Link to={pageLink(matrix.rowPage - 1)}>{t("matrix.page.previous")}</Link>
                  ) : (
                    <span />
                  )}
                  <span className="muted">
                    {t("matrix.page.range", {
                      first: format.number(matrix.firstRow),
                      last: format.number(matrix.firstRow + matrix.cases.length - 1),
                      total: format.number(matrix.caseCount),
                    })}
                  </span>
                  {matrix.rowPage < matrix.rowPageCount ? (
                    <Link to={pageLink(matrix.rowPage + 1)}>{t("matrix.page.next")}</Link>
                  ) : (
                    <span />
                  )}
                </nav>
              ) : null}
              <QcaFigures matrix={matrix} workspaceId={workspaceId} />
              <QcaAnalysis matrix={matrix} workspaceId={workspaceId} exportHref={exportHref} />
            </>
          )}
        </Form>
      )}
      {matrix.cases.length ? (
        <MatrixCellForm workspaceId={workspaceId} back={location.pathname + location.search} />
      ) : null}

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
