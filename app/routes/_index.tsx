import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { listWorkspacesForUser } from "~/models/workspaces.server";
import { getUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (!user) throw redirect("/sign-in");
  const workspaces = listWorkspacesForUser(user.id);
  if (workspaces.length === 1) throw redirect(`/w/${workspaces[0].id}/cases`);
  throw redirect("/workspaces");
}
