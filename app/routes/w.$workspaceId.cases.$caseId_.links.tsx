import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormError, SelectField } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import {
  addCaseLink,
  caseLinkSchema,
  caseLinksOf,
  LinkRejectedError,
  removeCaseLink,
} from "~/models/case-links.server";
import { getCase } from "~/models/cases.server";
import { LINK_KINDS, LINK_NOTE_MAX } from "~/models/domain";
import { readableCases } from "~/models/library.server";
import { recordIdSchema } from "~/rules/ids";
import timelineStyles from "~/styles/timeline.css?url";
import { parseForm } from "~/utils/forms";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseStudy = getCase(member, requireId(params, "caseId"));
  const collator = new Intl.Collator(member.locale ?? "en");
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", { title: t("links.page.metaTitle", { title: caseStudy.title }) }),
    workspaceId: member.workspaceId,
    caseStudy: { id: caseStudy.id, title: caseStudy.title },
    links: caseLinksOf(member, caseStudy.id),
    // Every other case this editor may see: what a link can point to.
    choices: readableCases(member)
      .all.filter((item) => item.id !== caseStudy.id)
      .map((item) => ({ id: item.id, title: item.title }))
      .sort((a, b) => collator.compare(a.title, b.title)),
  };
}

const removeSchema = z.object({ linkId: recordIdSchema() });

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseId = requireId(params, "caseId");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const back = `/w/${member.workspaceId}/cases/${caseId}/links`;
  if (intent === "link.remove") {
    const parsed = removeSchema.safeParse({ linkId: formData.get("linkId") });
    if (!parsed.success)
      return data({ errors: { form: [msg("links.errors.notFound")] }, values: {} }, { status: 404 });
    removeCaseLink(member, caseId, parsed.data.linkId, requestOrigin(request));
    return redirectWithToast(request, back, { kind: "success", message: msg("links.page.removed") });
  }
  if (intent !== "link.add")
    return data({ errors: { form: [msg("errors.unknownAction")] }, values: {} }, { status: 400 });
  const parsed = parseForm(formData, caseLinkSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    addCaseLink(member, caseId, parsed.data, requestOrigin(request));
  } catch (error) {
    if (error instanceof LinkRejectedError)
      return data(
        { errors: error.errors, values: Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])) },
        { status: 400 },
      );
    throw error;
  }
  return redirectWithToast(request, back, { kind: "success", message: msg("links.page.added") });
}

export default function CaseLinks() {
  const { t } = useTranslation();
  const { caseStudy, links, choices, workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors = (actionData?.errors ?? {}) as Record<string, string[] | undefined>;
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const base = `/w/${workspaceId}`;
  const caseUrl = `${base}/cases/${caseStudy.id}`;
  return (
    <main id="main" className="page page-narrow links-page">
      <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
        <Link to={`${base}/cases`}>{t("common.nav.cases")}</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={caseUrl}>{caseStudy.title}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("links.page.title")}</h1>
      <p className="muted">{t("links.page.intro")}</p>
      <section aria-labelledby="links-list-heading">
        <h2 id="links-list-heading">{t("links.page.listHeading", { count: links.length })}</h2>
        {links.length === 0 ? (
          <p className="empty-state">{t("links.page.empty")}</p>
        ) : (
          <ul className="link-list link-list-editing">
            {links.map((link) => (
              <li key={link.id}>
                <span>
                  <span className="link-kind">{t(`links.reading.${link.reading}`)}</span>{" "}
                  <Link to={`${base}/cases/${link.otherId}`}>{link.otherTitle}</Link>
                  {link.note ? (
                    <span className="muted" dir="auto">
                      {" "}
                      — {link.note}
                    </span>
                  ) : null}
                </span>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="link.remove" />
                  <input type="hidden" name="linkId" value={link.id} />
                  <button
                    type="submit"
                    className="button button-danger button-small"
                    aria-label={t("links.page.removeNamed", { title: link.otherTitle })}
                  >
                    {t("links.page.remove")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="link-form-heading" className="card">
        <h2 id="link-form-heading">{t("links.page.addHeading")}</h2>
        {choices.length === 0 ? (
          <p className="muted">{t("links.page.noOtherCases")}</p>
        ) : (
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="link.add" />
            <FormError errors={errors.form} />
            <SelectField
              label={t("links.page.kind")}
              name="kind"
              hint={t("links.page.kindHint", { title: caseStudy.title })}
              defaultValue={values.kind ?? "same_conflict"}
              errors={errors.kind}
              options={LINK_KINDS.map((kind) => ({ value: kind, label: t(`links.kinds.${kind}`) }))}
            />
            <SelectField
              label={t("links.page.target")}
              name="targetId"
              defaultValue={values.targetId ?? ""}
              errors={errors.targetId}
              placeholder={t("links.page.pickCase")}
              options={choices.map((choice) => ({ value: choice.id, label: choice.title }))}
            />
            <Field
              label={t("links.page.note")}
              name="note"
              hint={t("links.page.noteHint")}
              defaultValue={values.note}
              errors={errors.note}
              maxLength={LINK_NOTE_MAX}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t("links.page.submit")}
              </button>
              <Link to={caseUrl} className="button button-secondary">
                {t("links.page.backToCase")}
              </Link>
            </div>
          </Form>
        )}
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
