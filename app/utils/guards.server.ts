import { redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { isRecordId } from "~/rules/ids";
import { requireUser } from "~/utils/auth.server";
import { getLocale } from "~/utils/i18n.server";
import { mustSetUpTwoFactor, notFound, requireMember } from "~/utils/permissions.server";

/** Parses an id from the URL; anything that cannot be one of ours is a 404. */
export function requireId(params: Params, name: string): string {
  const id = params[name];
  if (!isRecordId(id)) throw notFound();
  return id;
}

/**
 * The signed-in user and their membership of the workspace in the URL (404 when not a member). The member
 * carries the request's language, so models show code labels in it (codes.server.ts listCodes). In a
 * workspace that requires two-factor sign-in, a member without it is sent to set it up first, from every
 * page and every action of the workspace.
 */
export async function requireWorkspaceMember(request: Request, params: Params) {
  const user = await requireUser(request);
  const workspaceId = requireId(params, "workspaceId");
  const member = { ...requireMember(user.id, workspaceId), locale: await getLocale(request) };
  if (mustSetUpTwoFactor(user.twoFactor, workspaceId))
    throw redirect(`/account/two-factor?for=${encodeURIComponent(workspaceId)}`);
  return { user, member };
}
