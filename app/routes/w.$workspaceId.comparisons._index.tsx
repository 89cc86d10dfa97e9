import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RelativeDate } from "~/components/case-labels";
import { Field, FormError } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import {
  createComparisonSet,
  listComparisonSets,
  readSetForm,
  SetRejectedError,
} from "~/models/comparison-sets.server";
import { SET_NAME_MAX } from "~/rules/limits";
import styles from "~/styles/matrix.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { Refusal } from "~/utils/refusal";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", {
      title: t("compare.sets.metaTitle", { workspace: member.workspaceName }),
    }),
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    sets: listComparisonSets(member),
  };
}

/** Where to go after saving: a page of this workspace the form names, else the new set. */
function returnPath(value: FormDataEntryValue | null, workspaceId: string) {
  if (typeof value !== "string") return null;
  return value.startsWith(`/w/${workspaceId}/`) && !value.includes("//") && !value.includes("\\")
    ? value
    : null;
}

/**
 * intent=create, from the matrix's retry form or from other pages (the side-by-side page): name, view
 * ("matrix" | "side"), case (repeated), code (repeated), outcome, settings (JSON object), returnTo.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const formData = await request.formData();
  if (formData.get("intent") !== "create") throw new Refusal(400, msg("errors.unknownAction"));
  const parsed = readSetForm(formData);
  const returnTo = returnPath(formData.get("returnTo"), member.workspaceId);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, returnTo }, { status: 400 });
  try {
    const saved = createComparisonSet(member, parsed.data, requestOrigin(request));
    // A side-by-side set opens the compare page itself, so its link is found in the list.
    const next =
      returnTo ??
      (parsed.data.view === "side"
        ? `/w/${member.workspaceId}/comparisons`
        : `/w/${member.workspaceId}/comparisons/${saved.id}`);
    return redirectWithToast(request, next, {
      kind: "success",
      message: msg("compare.sets.saved", { name: parsed.data.name }),
    });
  } catch (error) {
    if (error instanceof SetRejectedError)
      return data({ errors: error.errors, values: parsed.values, returnTo }, { status: 400 });
    throw error;
  }
}

function RetryForm({
  errors,
  values,
  returnTo,
}: {
  errors: Record<string, string[]>;
  values: ReturnType<typeof readSetForm>["values"];
  returnTo: string | null;
}) {
  const { t } = useTranslation();
  const other = Object.entries(errors)
    .filter(([key]) => key !== "name")
    .flatMap(([, messages]) => messages);
  return (
    <section className="card" aria-labelledby="retry-heading">
      <h2 id="retry-heading">{t("compare.sets.notSaved")}</h2>
      <FormError errors={other} />
      <Form method="post" className="form-inline">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="view" value={values.view} />
        {values.caseIds.map((id) => (
          <input key={`case-${id}`} type="hidden" name="case" value={id} />
        ))}
        {values.codeIds.map((id) => (
          <input key={`code-${id}`} type="hidden" name="code" value={id} />
        ))}
        <input type="hidden" name="outcome" value={values.outcomeId ?? ""} />
        <input type="hidden" name="settings" value={values.settings} />
        {returnTo ? <input type="hidden" name="returnTo" value={returnTo} /> : null}
        <Field
          label={t("matrix.saveSet.name")}
          name="name"
          required
          maxLength={SET_NAME_MAX}
          defaultValue={values.name}
          errors={errors.name}
        />
        <button type="submit" className="button">
          {t("matrix.saveSet.submit")}
        </button>
      </Form>
    </section>
  );
}

export default function ComparisonSets() {
  const { t } = useTranslation();
  const { workspaceId, workspaceName, sets } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/w/${workspaceId}`;
  return (
    <main id="main" className="page comparisons-page">
      <div className="page-heading">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>{t("compare.sets.title")}</h1>
        </div>
        <Link to={`${base}/matrix`} className="button button-secondary">
          {t("compare.sets.openMatrix")}
        </Link>
      </div>
      {actionData ? (
        <RetryForm errors={actionData.errors} values={actionData.values} returnTo={actionData.returnTo} />
      ) : null}
      {sets.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("compare.sets.emptyTitle")}</strong>
          </p>
          <p>
            {t("compare.sets.emptyOpen")} <Link to={`${base}/matrix`}>{t("compare.sets.emptyMatrix")}</Link>
            {t("compare.sets.emptyMatrixRest")}{" "}
            <Link to={`${base}/cases`}>{t("compare.sets.emptyCaseList")}</Link> {t("compare.sets.emptyRest")}
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="sets-table">
            <caption className="visually-hidden">{t("compare.sets.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("compare.sets.name")}</th>
                <th scope="col">{t("compare.sets.view")}</th>
                <th scope="col">{t("compare.sets.cases")}</th>
                <th scope="col">{t("compare.sets.savedBy")}</th>
                <th scope="col">{t("compare.sets.updated")}</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((set) => (
                <tr key={set.id}>
                  <th scope="row">
                    <Link to={`${base}/comparisons/${set.id}`}>{set.name}</Link>
                  </th>
                  <td>{t(`compare.views.${set.view}`)}</td>
                  <td>{set.caseCount}</td>
                  <td>{set.createdByName || t("common.formerMember")}</td>
                  <td>
                    <RelativeDate date={set.updatedAt} />
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
