// Workspace settings, for owners: the name, the interface language of members who chose none, whether
// approving a case needs a member other than its last editor (the policy in permissions.server.ts), whether
// two-factor sign-in is required of every member (and who has not set it up), and the way to the mail the
// workspace sent.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormError } from "~/components/field";
import { LocaleSelect } from "~/components/locale-select";
import { requestOrigin } from "~/models/audit.server";
import type { Locale } from "~/models/domain";
import { workspaceSettingsSchema } from "~/models/workspace-fields";
import {
  getWorkspaceSettings,
  membersWithoutTwoFactor,
  setRequireTwoFactor,
  TwoFactorFirstError,
  updateWorkspaceSettings,
} from "~/models/workspaces.server";
import { WORKSPACE_NAME_MAX } from "~/rules/limits";
import accountStyles from "~/styles/account.css?url";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;
export const links = () => [{ rel: "stylesheet", href: accountStyles }];

const twoFactorSchema = z.object({ required: z.literal("on").optional() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "workspace.manage");
  return {
    settings: getWorkspaceSettings(member),
    withoutTwoFactor: membersWithoutTwoFactor(member),
    ownTwoFactor: user.twoFactor,
    workspaceId: member.workspaceId,
    pageTitle: await getPageTitle(request, "workspace.settings.metaTitle"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "workspace.manage");
  const formData = await request.formData();
  const origin = requestOrigin(request);
  if (formData.get("intent") === "twoFactor") {
    const parsed = twoFactorSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return data(
        {
          intent: "twoFactor",
          errors: { form: [msg("workspace.settings.notUnderstood")] },
          values: undefined,
        },
        { status: 400 },
      );
    const required = parsed.data.required === "on";
    try {
      setRequireTwoFactor(member, required, user.twoFactor, origin);
    } catch (error) {
      if (error instanceof TwoFactorFirstError)
        return data(
          { intent: "twoFactor", errors: { form: [error.message] }, values: undefined },
          { status: 409 },
        );
      throw error;
    }
    return redirectWithToast(request, request.url, {
      kind: "success",
      message: msg(required ? "workspace.settings.twoFactorOn" : "workspace.settings.twoFactorOff"),
    });
  }
  const parsed = parseForm(formData, workspaceSettingsSchema);
  if (!parsed.ok)
    return data({ intent: "settings", errors: parsed.errors, values: parsed.values }, { status: 400 });
  updateWorkspaceSettings(member, parsed.data, origin);
  return redirectWithToast(request, request.url, {
    kind: "success",
    message: msg("workspace.settings.saved"),
  });
}

export default function WorkspaceSettings() {
  const { t } = useTranslation();
  const { settings, withoutTwoFactor, ownTwoFactor, workspaceId } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const values = failed?.intent === "settings" ? failed.values : undefined;
  const errors: Record<string, string[] | undefined> =
    failed?.intent === "settings" ? (failed.errors ?? {}) : {};
  const twoFactorErrors: Record<string, string[] | undefined> =
    failed?.intent === "twoFactor" ? failed.errors : {};
  // After a refused form, what the owner chose stays chosen.
  const approvalChecked = values ? values.reviewBySomeoneElse === "on" : settings.reviewBySomeoneElse;
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("workspace.settings.title")}</h1>
      <p className="muted">{t("workspace.settings.intro", { workspace: settings.name })}</p>
      <section className="card" aria-labelledby="general-heading">
        <h2 id="general-heading">{t("workspace.settings.generalHeading")}</h2>
        <Form method="post" className="form" noValidate key={values ? "failed" : "saved"}>
          <input type="hidden" name="intent" value="settings" />
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
      </section>
      <section className="card" aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">{t("workspace.settings.twoFactorHeading")}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="twoFactor" />
          <FormError errors={twoFactorErrors.form} />
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                name="required"
                value="on"
                defaultChecked={settings.requireTwoFactor}
                aria-describedby="two-factor-hint"
              />
              {t("workspace.settings.twoFactorLabel")}
            </label>
            <p className="field-hint" id="two-factor-hint">
              {t("workspace.settings.twoFactorHint")}
            </p>
          </div>
          {!ownTwoFactor ? (
            <p>
              <Link to="/account/two-factor">{t("workspace.settings.setUpOwn")}</Link>
            </p>
          ) : null}
          <p>
            <button type="submit" className="button" disabled={busy}>
              {t("workspace.settings.saveTwoFactor")}
            </button>
          </p>
        </Form>
        {withoutTwoFactor.length > 0 ? (
          <>
            <p>{t("workspace.settings.without", { count: withoutTwoFactor.length })}</p>
            <ul>
              {withoutTwoFactor.map((person) => (
                <li key={person.userId}>
                  {person.name || t("common.formerMember")} <span className="muted">({person.email})</span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="muted">{t("workspace.settings.allSet")}</p>
        )}
      </section>
      <section className="card" aria-labelledby="mail-heading">
        <h2 id="mail-heading">{t("workspace.settings.mailHeading")}</h2>
        <p>
          <Link to={`/w/${workspaceId}/mail`}>{t("workspace.settings.mailLink")}</Link>
        </p>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
