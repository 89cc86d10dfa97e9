import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RelativeDate } from "~/components/case-labels";
import { FormattedReference } from "~/components/sources/formatted-reference";
import { SourceDetails } from "~/components/sources/source-details";
import { SourceForm } from "~/components/sources/source-form";
import { requestOrigin } from "~/models/audit.server";
import { sourceFormSchema, sourceFormValues } from "~/models/source-fields";
import { deleteSource, getSource, SourceInUseError, updateSource } from "~/models/sources.server";
import styles from "~/styles/sources.css?url";
import { parseForm } from "~/utils/forms";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { msg, useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const source = getSource(member, requireId(params, "sourceId"), await getLocale(request));
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", { title: t("sources.page.metaTitle", { title: source.csl.title }) }),
    workspaceId: member.workspaceId,
    source,
    canEdit: can(member, "source.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const sourceId = requireId(params, "sourceId");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const page = `/w/${member.workspaceId}/sources/${sourceId}`;
  if (intent === "update") {
    const parsed = parseForm(formData, sourceFormSchema);
    if (!parsed.ok) {
      return data(
        { intent: "update" as const, errors: parsed.errors, values: parsed.values },
        { status: 400 },
      );
    }
    updateSource(member, sourceId, parsed.data, requestOrigin(request));
    return redirectWithToast(request, page, { kind: "success", message: msg("sources.page.saved") });
  }
  if (intent === "delete") {
    try {
      const result = deleteSource(member, sourceId, {
        confirmed: formData.get("confirm") === "yes",
        origin: requestOrigin(request),
      });
      if (!result.deleted) return { intent: "delete" as const, confirm: true };
      return redirectWithToast(request, `/w/${member.workspaceId}/sources`, {
        kind: "success",
        message: msg("sources.page.deleted", { title: result.title }),
      });
    } catch (error) {
      if (error instanceof SourceInUseError) {
        return data({ intent: "delete" as const, refused: error.message }, { status: 409 });
      }
      throw error;
    }
  }
  throw new Refusal(400, msg("errors.unknownAction"));
}

export default function SourcePage() {
  const { t } = useTranslation();
  const tm = useMessage();
  const locatorText = (locators: string[], citations: number) => {
    const times = t("sources.page.citations", { count: citations });
    return locators.length > 0 ? `${locators.join(", ")} · ${times}` : times;
  };
  const { source, workspaceId, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editErrors = actionData && "errors" in actionData ? actionData : null;
  const confirming = actionData && "confirm" in actionData;
  const refused = actionData && "refused" in actionData ? actionData.refused : null;
  const base = `/w/${workspaceId}/sources`;
  const page = `${base}/${source.id}`;
  const citing = source.citedIn.length + source.citedInTrash;
  return (
    <main id="main" className="page source-page">
      <nav aria-label={t("sources.breadcrumb")} className="breadcrumb">
        <Link to={base}>{t("sources.list.title")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <p className="eyebrow">{t(`sources.types.${source.csl.type}`)}</p>
      <h1>{source.csl.title}</h1>
      <p className="source-reference source-reference-main">
        <FormattedReference reference={source.reference} />
      </p>

      <div className="source-columns">
        <section aria-labelledby="source-details-heading">
          <h2 id="source-details-heading">{t("sources.page.details")}</h2>
          <SourceDetails item={source.csl} />
          <p className="muted source-added">
            {t("sources.page.addedBy", { name: source.createdByName || t("sources.page.formerMember") })}{" "}
            <RelativeDate date={source.createdAt} />
            {source.updatedAt.getTime() - source.createdAt.getTime() > 1000 ? (
              <>
                {t("sources.page.lastChanged")} <RelativeDate date={source.updatedAt} />
              </>
            ) : null}
            .
          </p>
        </section>

        <section aria-labelledby="cited-in-heading" className="source-cited">
          <h2 id="cited-in-heading">{t("sources.page.citedIn")}</h2>
          {source.citedIn.length === 0 ? (
            <p className="empty-state">{t("sources.page.notCited")}</p>
          ) : (
            <ul className="cited-list">
              {source.citedIn.map((entry) => (
                <li key={entry.caseId}>
                  <Link to={`/w/${workspaceId}/cases/${entry.caseId}`}>{entry.title}</Link>
                  <span className="cited-locators">{locatorText(entry.locators, entry.citations)}</span>
                </li>
              ))}
            </ul>
          )}
          {source.citedInTrash > 0 ? (
            <p className="muted">{t("sources.page.citedInTrash", { count: source.citedInTrash })}</p>
          ) : null}
        </section>
      </div>

      {canEdit ? (
        <>
          <details className="card source-edit" open={editErrors ? true : undefined}>
            <summary>{t("sources.page.edit")}</summary>
            <SourceForm
              key={editErrors ? "retry" : source.updatedAt.toISOString()}
              values={editErrors?.values ?? sourceFormValues(source.csl)}
              errors={editErrors?.errors ?? {}}
              submitLabel={t("sources.form.save")}
              cancelTo={page}
              hidden={{ intent: "update" }}
            />
          </details>

          <section className="source-delete" aria-labelledby="delete-heading">
            <h2 id="delete-heading" className="visually-hidden">
              {t("sources.page.deleteHeading")}
            </h2>
            {confirming ? (
              <div className="card source-confirm" role="alertdialog" aria-labelledby="confirm-text">
                <p id="confirm-text">
                  <strong>{t("sources.page.confirmTitle", { title: source.csl.title })}</strong>{" "}
                  {t("sources.page.confirmBody")}
                </p>
                <Form method="post" className="actions">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="confirm" value="yes" />
                  <button type="submit" className="button button-danger">
                    {t("sources.page.confirmYes")}
                  </button>
                  <Link to={page} className="button button-secondary">
                    {t("sources.page.confirmNo")}
                  </Link>
                </Form>
              </div>
            ) : (
              <Form method="post" className="danger-zone">
                <input type="hidden" name="intent" value="delete" />
                <button type="submit" className="button button-danger button-small">
                  {t("sources.page.delete")}
                </button>
                {citing > 0 ? (
                  <span className="muted">{t("sources.page.deleteBlocked", { count: citing })}</span>
                ) : null}
              </Form>
            )}
            {refused ? (
              <p className="form-error source-refused" role="alert">
                {tm(refused)}
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
