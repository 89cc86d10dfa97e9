// Workspace settings for owners: the name, whether two-factor sign-in is required of every member (and who
// has not set it up), and the way to the mail the workspace sent.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormError } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import {
  membersWithoutTwoFactor,
  renameWorkspace,
  setRequireTwoFactor,
  TwoFactorFirstError,
  workspaceSettings,
} from "~/models/workspaces.server";
import accountStyles from "~/styles/account.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;
export const links = () => [{ rel: "stylesheet", href: accountStyles }];

const NAME_MAX = 100;

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("rename"),
    name: z
      .string()
      .trim()
      .min(2, msg("workspace.errors.nameTooShort"))
      .max(NAME_MAX, msg("workspace.errors.nameTooLong", { max: NAME_MAX })),
  }),
  z.object({ intent: z.literal("twoFactor"), required: z.literal("on").optional() }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "workspace.manage");
  return {
    settings: workspaceSettings(member),
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
  const parsed = actionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const asked = String(formData.get("intent") ?? "");
    const errors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === "name" ? "name" : "form";
      errors[key] = [...(errors[key] ?? []), issue.message];
    }
    if (!errors.name) errors.form = [msg("workspace.settings.notUnderstood")];
    return data({ intent: asked, errors, name: String(formData.get("name") ?? "") }, { status: 400 });
  }
  const origin = requestOrigin(request);
  const input = parsed.data;
  if (input.intent === "rename") {
    renameWorkspace(member, { name: input.name }, origin);
    return redirectWithToast(request, request.url, {
      kind: "success",
      message: msg("workspace.settings.renamed"),
    });
  }
  try {
    setRequireTwoFactor(member, input.required === "on", user.twoFactor, origin);
  } catch (error) {
    if (error instanceof TwoFactorFirstError)
      return data({ intent: input.intent, errors: { form: [error.message] }, name: "" }, { status: 409 });
    throw error;
  }
  return redirectWithToast(request, request.url, {
    kind: "success",
    message: msg(
      input.required === "on" ? "workspace.settings.twoFactorOn" : "workspace.settings.twoFactorOff",
    ),
  });
}

export default function WorkspaceSettings() {
  const { t } = useTranslation();
  const { settings, withoutTwoFactor, ownTwoFactor, workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: string): Record<string, string[] | undefined> =>
    actionData?.intent === intent ? actionData.errors : {};
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("workspace.settings.title")}</h1>
      <p className="muted">{t("workspace.settings.intro", { workspace: settings.name })}</p>
      <section className="card" aria-labelledby="name-heading">
        <h2 id="name-heading">{t("workspace.settings.nameHeading")}</h2>
        <Form method="post" className="form form-inline" noValidate>
          <input type="hidden" name="intent" value="rename" />
          <Field
            label={t("workspace.settings.nameLabel")}
            name="name"
            defaultValue={actionData?.intent === "rename" ? actionData.name : settings.name}
            errors={errorsFor("rename").name}
            maxLength={100}
            required
          />
          <button type="submit" className="button" disabled={busy}>
            {t("workspace.settings.saveName")}
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="two-factor-heading">
        <h2 id="two-factor-heading">{t("workspace.settings.twoFactorHeading")}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="twoFactor" />
          <FormError errors={errorsFor("twoFactor").form} />
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
              <Link to={`/account/two-factor`}>{t("workspace.settings.setUpOwn")}</Link>
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
