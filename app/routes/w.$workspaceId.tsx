import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { listWorkspacesForUser } from "~/models/workspaces.server";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { capabilities } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, member } = await requireWorkspaceMember(request, params);
  const can = capabilities(member);
  const nav: Array<{ to: string; label: string }> = [
    { to: "matrix", label: "Matrix" },
    { to: "comparisons", label: "Comparison sets" },
    { to: "codebook", label: "Codebook" },
    { to: "sources", label: "Sources" },
  ];
  if (can["case.trash"]) nav.push({ to: "trash", label: "Trash" });
  nav.push({ to: "members", label: "Members" });
  return { member, can, nav, workspaces: listWorkspacesForUser(user.id) };
}

export default function WorkspaceLayout() {
  return <Outlet />;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
