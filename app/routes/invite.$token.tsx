import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requestOrigin } from "~/models/audit.server";
import { acceptInvite, findInvite } from "~/models/workspaces.server";
import { getUser, requireUser } from "~/utils/auth.server";
import { notFound } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Invitation · Mediation Casebook" }];

const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/);

function parseToken(token: string | undefined) {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) throw notFound("This invite link is not valid.");
  return parsed.data;
}

const REASONS = {
  invalid: "This invite link is not valid. Ask the workspace owner for a new one.",
  expired: "This invite link has expired. Ask the workspace owner for a new one.",
  used: "This invite link has already been used. Ask the workspace owner for a new one.",
  revoked: "This invite link was revoked by the workspace owner.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = parseToken(params.token);
  const user = await getUser(request);
  const invite = findInvite(token);
  if (invite.status !== "valid")
    return { user, invite: null, reason: REASONS[invite.status], path: new URL(request.url).pathname };
  return { user, invite, reason: null, path: new URL(request.url).pathname };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const token = parseToken(params.token);
  const result = acceptInvite(user.id, token, requestOrigin(request));
  if (!result.ok)
    return redirectWithToast(request, "/workspaces", {
      kind: "error",
      message: "This invite link can no longer be used.",
    });
  return redirectWithToast(request, `/w/${result.workspaceId}/cases`, {
    kind: "success",
    message: "Welcome to the workspace.",
  });
}

export default function Invite() {
  const { user, invite, reason, path } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page page-narrow">
      <h1>Invitation</h1>
      {!invite ? (
        <div className="card">
          <p>{reason}</p>
          <p>
            <Link to="/">Go to my workspaces</Link>
          </p>
        </div>
      ) : (
        <div className="card">
          <p>
            {invite.invitedBy} invites you to join <strong>{invite.workspaceName}</strong> as{" "}
            <strong>{invite.role}</strong>.
          </p>
          {user ? (
            <Form method="post">
              <p className="muted">Signed in as {user.email}.</p>
              <button type="submit" className="button">
                Join {invite.workspaceName}
              </button>
            </Form>
          ) : (
            <p className="actions">
              <Link className="button" to={`/sign-up?redirectTo=${encodeURIComponent(path)}`}>
                Create an account to join
              </Link>
              <Link
                className="button button-secondary"
                to={`/sign-in?redirectTo=${encodeURIComponent(path)}`}
              >
                I have an account
              </Link>
            </p>
          )}
        </div>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
