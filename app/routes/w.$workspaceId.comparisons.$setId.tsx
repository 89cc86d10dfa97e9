import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RelativeDate } from "~/components/case-labels";
import { Field } from "~/components/field";
import { useAutoSubmit } from "~/components/matrix/form-state";
import { OutcomePicker } from "~/components/matrix/matrix-controls";
import { MatrixCellForm, MatrixGrid, MatrixLegend } from "~/components/matrix/matrix-grid";
import { QcaAnalysis } from "~/components/matrix/qca-analysis";
import { QcaFigures } from "~/components/matrix/qca-figures";
import { ShareLink } from "~/components/matrix/save-and-share";
import { requestOrigin } from "~/models/audit.server";
import {
  deleteComparisonSet,
  openComparisonSet,
  renameComparisonSet,
  setNameSchema,
} from "~/models/comparison-sets.server";
import { matrixForPage } from "~/models/matrix.server";
import { qcaSearchParams, setViewOverrides } from "~/queries/matrix";
import { SET_NAME_MAX } from "~/rules/limits";
import styles from "~/styles/matrix.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg, useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { Refusal } from "~/utils/refusal";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

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
    throw await redirectWithToast(request, target, {
      kind: "error",
      message: msg("compare.set.unavailable", { count: opened.missing }),
    });
  }
  const { set, matrix, missing, changed } = opened;
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", { title: t("compare.set.metaTitle", { name: set.name }) }),
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
    matrix: matrixForPage(matrix),
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
    return redirectWithToast(request, page, {
      kind: "success",
      message: msg("compare.set.renamed", { name: name.data }),
    });
  }
  if (intent === "delete") {
    if (formData.get("confirm") !== "yes")
      return data({ deleteError: msg("compare.set.confirmDelete") }, { status: 400 });
    const deleted = deleteComparisonSet(member, setId, requestOrigin(request));
    return redirectWithToast(request, `/w/${member.workspaceId}/comparisons`, {
      kind: "success",
      message: msg("compare.set.deleted", { name: deleted.name }),
    });
  }
  throw new Refusal(400, msg("errors.unknownAction"));
}

export default function ComparisonSetPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const tm = useMessage();
  const { workspaceId, set, shareUrl, matrix, missing, changed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const page = `/w/${workspaceId}/comparisons/${set.id}`;
  // No "all ticked" shortcut here: without `pre` the set's saved preconditions apply, not all of them.
  const autoSubmit = useAutoSubmit([]);
  const exportHref = (format: string) =>
    `/w/${workspaceId}/matrix/export?set=${set.id}${matrix.outcome ? `&outcome=${matrix.outcome.id}` : ""}&${qcaSearchParams(matrix.qca)}&format=${format}`;

  return (
    <main id="main" className="page matrix-page">
      <nav aria-label={t("compare.set.breadcrumb")} className="breadcrumb">
        <Link to={`/w/${workspaceId}/comparisons`}>{t("compare.sets.title")}</Link>{" "}
        <span aria-hidden="true">›</span>
      </nav>
      <div className="page-heading">
        <div>
          <p className="eyebrow">
            {t("compare.set.eyebrow")} · {t(`compare.views.${set.view}`)}
          </p>
          <h1>{set.name}</h1>
          <p className="muted set-meta">
            {t("compare.set.savedBy", { name: set.createdByName || t("common.formerMember") })}{" "}
            <RelativeDate date={set.createdAt} /> ·{" "}
            {t("matrix.saveSet.cases", { count: matrix.cases.length })} ·{" "}
            {t("matrix.saveSet.codes", { count: matrix.columns.length })}
          </p>
        </div>
        {matrix.cases.length ? (
          <div className="actions">
            <Link to={`/w/${workspaceId}/timeline?set=${set.id}`} className="button button-secondary">
              {t("events.cross.openSet")}
            </Link>
            <a href={exportHref("csv")} className="button button-secondary">
              {t("matrix.page.downloadCsv")}
            </a>
            <a href={exportHref("md")} className="button button-secondary">
              {t("matrix.page.downloadMarkdown")}
            </a>
          </div>
        ) : null}
      </div>

      <ShareLink url={shareUrl} />

      {missing > 0 ? (
        <p className="set-missing" role="note">
          <span aria-hidden="true">⚠ </span>
          {t("compare.set.unavailable", { count: missing })} {t("compare.set.unavailableWhy")}
        </p>
      ) : null}
      {matrix.problems.length ? (
        <p className="form-error" role="alert">
          {matrix.problems.map(tm).join(" ")}
        </p>
      ) : null}

      {matrix.cases.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("compare.set.noneAvailable")}</strong>
          </p>
          <p>
            {t("compare.set.makeNew")} <Link to={`/w/${workspaceId}/matrix`}>{t("compare.set.matrix")}</Link>.
          </p>
        </div>
      ) : (
        <Form
          method="get"
          className="matrix-form"
          onChange={autoSubmit}
          aria-label={t("compare.set.formLabel")}
        >
          <div className="matrix-controls">
            <OutcomePicker codes={matrix.codes} outcomeId={matrix.outcome?.id ?? null} />
            <noscript>
              <button type="submit" className="button">
                {t("matrix.page.show")}
              </button>
            </noscript>
            {changed ? (
              <p className="set-changed">
                {t("compare.set.changed")} <Link to={page}>{t("compare.set.backToSaved")}</Link>
              </p>
            ) : null}
          </div>
          <MatrixLegend />
          <MatrixGrid matrix={matrix} workspaceId={workspaceId} />
          <QcaFigures matrix={matrix} workspaceId={workspaceId} />
          <QcaAnalysis matrix={matrix} workspaceId={workspaceId} exportHref={exportHref} />
        </Form>
      )}
      {matrix.cases.length ? (
        <MatrixCellForm workspaceId={workspaceId} back={location.pathname + location.search} />
      ) : null}

      {set.canManage ? (
        <details className="card set-manage" open={actionData ? true : undefined}>
          <summary>{t("compare.set.manage")}</summary>
          <Form
            method="post"
            className="form-inline"
            key={actionData && "name" in actionData ? "retry" : set.name}
          >
            <input type="hidden" name="intent" value="rename" />
            <Field
              label={t("matrix.saveSet.name")}
              name="name"
              required
              maxLength={SET_NAME_MAX}
              defaultValue={actionData && "name" in actionData ? actionData.name : set.name}
              errors={actionData && "errors" in actionData ? actionData.errors : undefined}
            />
            <button type="submit" className="button button-secondary">
              {t("compare.set.rename")}
            </button>
          </Form>
          <Form method="post" className="set-delete">
            <input type="hidden" name="intent" value="delete" />
            <p className="muted">{t("compare.set.deleteNote")}</p>
            <label className="checkbox">
              <input type="checkbox" name="confirm" value="yes" required /> {t("compare.set.deleteConfirm")}
            </label>
            {actionData && "deleteError" in actionData ? (
              <p className="field-error" role="alert">
                {tm(actionData.deleteError)}
              </p>
            ) : null}
            <button type="submit" className="button button-danger">
              {t("compare.set.delete")}
            </button>
          </Form>
        </details>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
