import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import { workspaceNameSchema } from "~/models/workspace-fields";
import { createWorkspace, listWorkspacesForUser } from "~/models/workspaces.server";
import { WORKSPACE_NAME_MAX } from "~/rules/limits";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

const workspaceSchema = z.object({ name: workspaceNameSchema });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return {
    email: user.email,
    emailVerified: user.emailVerified,
    workspaces: listWorkspacesForUser(user.id).map((workspace) => ({
      ...workspace,
      canExport: can(workspace, "workspace.export"),
    })),
    pageTitle: await getPageTitle(request, "workspace.list.metaTitle"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(await request.formData(), workspaceSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const workspace = createWorkspace(user.id, parsed.data, requestOrigin(request));
  return redirectWithToast(request, `/w/${workspace.id}/cases`, {
    kind: "success",
    message: msg("workspace.list.created", { name: workspace.name }),
  });
}

export default function Workspaces() {
  const { t } = useTranslation();
  const { workspaces, email, emailVerified } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("workspace.list.title")}</h1>
      {emailVerified ? null : (
        <p className="notice">
          {t("workspace.list.unconfirmed", { email })}{" "}
          <Link to="/account">{t("workspace.list.unconfirmedLink")}</Link>
        </p>
      )}
      {workspaces.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("workspace.list.emptyTitle")}</strong>
          </p>
          <p>{t("workspace.list.emptyBody")}</p>
        </div>
      ) : (
        <ul className="card-list">
          {workspaces.map((workspace) => (
            <li key={workspace.id} className="card card-link">
              <Link to={`/w/${workspace.id}/cases`}>{workspace.name}</Link>
              <span>
                {workspace.canExport ? (
                  <>
                    <Link to={`/w/${workspace.id}/export`} className="button button-secondary button-small">
                      {t("workspace.list.export")}
                      <span className="visually-hidden"> {workspace.name}</span>
                    </Link>{" "}
                  </>
                ) : null}
                <span className="role-badge">{t(`common.roles.${workspace.role}`)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="new-workspace">
        <h2 id="new-workspace">{t("workspace.list.newHeading")}</h2>
        <Form method="post" className="form form-inline">
          <Field
            label={t("workspace.list.nameLabel")}
            name="name"
            placeholder={t("workspace.list.namePlaceholder")}
            defaultValue={actionData?.values.name}
            errors={actionData?.errors.name}
            maxLength={WORKSPACE_NAME_MAX}
          />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("workspace.list.create")}
          </button>
        </Form>
      </section>
      <p className="muted">
        {t("workspace.list.importPrompt")}{" "}
        <Link to="/workspaces/import">{t("workspace.list.importLink")}</Link> {t("workspace.list.importRest")}
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
