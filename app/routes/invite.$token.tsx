import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { resendVerification } from "~/models/accounts.server";
import { requestOrigin } from "~/models/audit.server";
import { acceptInvite, findInvite, inviteNeedsConfirmation } from "~/models/workspaces.server";
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
  if (invite.status !== "valid")
    return { user, invite: null, reason: invite.status, path, pageTitle, unconfirmed: false };
  // Joining needs a confirmed address; the invite's own address is confirmed by following its mail.
  const unconfirmed = user ? inviteNeedsConfirmation(user.id, invite) : false;
  const { email: _email, ...shown } = invite;
  return { user, invite: shown, reason: null, path, pageTitle, unconfirmed };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const token = parseToken(params.token);
  const formData = await request.formData();
  const path = new URL(request.url).pathname;
  if (formData.get("intent") === "resend") {
    const sent = resendVerification(user.id, path);
    return redirectWithToast(request, path, {
      kind: sent.sent ? "success" : "error",
      message: sent.sent
        ? msg("members.invite.resent", { email: user.email })
        : msg("members.invite.resendThrottled"),
    });
  }
  const result = acceptInvite(user.id, token, requestOrigin(request));
  if (!result.ok && result.reason === "unconfirmed")
    return redirectWithToast(request, path, {
      kind: "error",
      message: msg("members.invite.unconfirmed", { email: user.email }),
    });
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
  const { user, invite, reason, path, unconfirmed } = useLoaderData<typeof loader>();
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
          {user && unconfirmed ? (
            <Form method="post">
              <input type="hidden" name="intent" value="resend" />
              <p className="notice">{t("members.invite.unconfirmed", { email: user.email })}</p>
              <button type="submit" className="button button-secondary">
                {t("members.invite.resend")}
              </button>
            </Form>
          ) : user ? (
            <Form method="post">
              <input type="hidden" name="intent" value="join" />
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
