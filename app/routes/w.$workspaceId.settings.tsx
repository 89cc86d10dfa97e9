// Workspace settings, for owners: the name, the interface language of members who chose none, and whether
// approving a case needs a member other than its last editor (the policy in permissions.server.ts).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { LocaleSelect } from "~/components/locale-select";
import { requestOrigin } from "~/models/audit.server";
import type { Locale } from "~/models/domain";
import { workspaceSettingsSchema } from "~/models/workspace-fields";
import { getWorkspaceSettings, updateWorkspaceSettings } from "~/models/workspaces.server";
import { WORKSPACE_NAME_MAX } from "~/rules/limits";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "workspace.manage");
  return {
    settings: getWorkspaceSettings(member),
    pageTitle: await getPageTitle(request, "workspace.settings.metaTitle"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "workspace.manage");
  const parsed = parseForm(await request.formData(), workspaceSettingsSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  updateWorkspaceSettings(member, parsed.data, requestOrigin(request));
  return redirectWithToast(request, request.url, {
    kind: "success",
    message: msg("workspace.settings.saved"),
  });
}

export default function WorkspaceSettings() {
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = failed?.values;
  const errors: Record<string, string[] | undefined> = failed?.errors ?? {};
  // After a refused form, what the owner chose stays chosen.
  const approvalChecked = values ? values.reviewBySomeoneElse === "on" : settings.reviewBySomeoneElse;
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("workspace.settings.title")}</h1>
      <Form method="post" className="card form" noValidate key={failed ? "failed" : "saved"}>
        <FormError errors={errors.form} />
        <Field
          label={t("workspace.settings.name")}
          name="name"
          defaultValue={values?.name ?? settings.name}
          maxLength={WORKSPACE_NAME_MAX}
          errors={errors.name}
          required
        />
        <LocaleSelect
          label={t("workspace.settings.language")}
          hint={t("workspace.settings.languageHint")}
          name="defaultLocale"
          defaultValue={(values?.defaultLocale as Locale | "" | undefined) ?? settings.defaultLocale}
          errors={errors.defaultLocale}
        />
        <fieldset className="field">
          <legend>{t("workspace.settings.review")}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              name="reviewBySomeoneElse"
              defaultChecked={approvalChecked}
              aria-describedby="workspace-review-hint"
            />{" "}
            {t("workspace.settings.reviewBySomeoneElse")}
          </label>
          <p className="field-hint" id="workspace-review-hint">
            {t("workspace.settings.reviewHint")}
          </p>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t("workspace.settings.saving") : t("workspace.settings.save")}
          </button>
        </div>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
