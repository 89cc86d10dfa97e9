import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { requestOrigin } from "~/models/audit.server";
import { acceptInvite, findInvite } from "~/models/workspaces.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { notFound } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

function parseToken(token: string | undefined) {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) throw notFound(msg("members.invite.linkInvalid"));
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = parseToken(params.token);
  const user = await getUser(request);
  const invite = findInvite(token);
  const pageTitle = await getPageTitle(request, "members.invite.metaTitle");
  const path = new URL(request.url).pathname;
  if (invite.status !== "valid") return { user, invite: null, reason: invite.status, path, pageTitle };
  return { user, invite, reason: null, path, pageTitle };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const token = parseToken(params.token);
  const result = acceptInvite(user.id, token, requestOrigin(request));
  if (!result.ok)
    return redirectWithToast(request, "/workspaces", {
      kind: "error",
      message: msg("members.invite.unusable"),
    });
  return redirectWithToast(request, `/w/${result.workspaceId}/cases`, {
    kind: "success",
    message: msg("members.invite.welcome"),
  });
}

export default function Invite() {
  const { t } = useTranslation();
  const { user, invite, reason, path } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("members.invite.title")}</h1>
      {!invite ? (
        <div className="card">
          <p>{reason ? t(`members.invite.${reason}`) : null}</p>
          <p>
            <Link to="/">{t("members.invite.goHome")}</Link>
          </p>
        </div>
      ) : (
        <div className="card">
          <p>
            {t("members.invite.invitesYou", { name: invite.invitedBy })}
            <strong>{invite.workspaceName}</strong>
            {t("members.invite.asRole")}
            <strong>{t(`common.roles.${invite.role}`)}</strong>
            {t("members.invite.end")}
          </p>
          {user ? (
            <Form method="post">
              <p className="muted">{t("members.invite.signedInAs", { email: user.email })}</p>
              <button type="submit" className="button">
                {t("members.invite.join", { workspace: invite.workspaceName })}
              </button>
            </Form>
          ) : (
            <p className="actions">
              <Link className="button" to={`/sign-up?redirectTo=${encodeURIComponent(path)}`}>
                {t("members.invite.signUp")}
              </Link>
              <Link
                className="button button-secondary"
                to={`/sign-in?redirectTo=${encodeURIComponent(path)}`}
              >
                {t("members.invite.signIn")}
              </Link>
            </p>
          )}
        </div>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
