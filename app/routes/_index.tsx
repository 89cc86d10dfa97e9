import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { listWorkspacesForUser } from "~/models/workspaces.server";
import { getUser } from "~/utils/auth.server";

// "/" opens the workspace the person used last (if they still belong to it), else their only one, else the list.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) throw redirect("/sign-in");
  const workspaces = listWorkspacesForUser(user.id);
  const last = workspaces.find((workspace) => workspace.id === user.lastWorkspaceId);
  const landing = last ?? (workspaces.length === 1 ? workspaces[0] : null);
  throw redirect(landing ? `/w/${landing.id}/cases` : "/workspaces");
}
