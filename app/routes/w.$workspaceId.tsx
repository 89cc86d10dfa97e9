import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { countUnread } from "~/models/notifications.server";
import { listWorkspacesForUser } from "~/models/workspaces.server";
import reviewStyles from "~/styles/review.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { capabilities } from "~/utils/permissions.server";

// The review styles hold the notifications bell of the header, shown on every workspace page.
export const links = () => [{ rel: "stylesheet", href: reviewStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, member } = await requireWorkspaceMember(request, params);
  const can = capabilities(member);
  const nav: Array<{ to: string; label: string }> = [
    ...(can["case.readDrafts"] ? [{ to: "reviews", label: "My reviews" }] : []),
    { to: "matrix", label: "Matrix" },
    { to: "comparisons", label: "Comparison sets" },
    { to: "codebook", label: "Codebook" },
    { to: "sources", label: "Sources" },
  ];
  if (can["case.trash"]) nav.push({ to: "trash", label: "Trash" });
  nav.push({ to: "members", label: "Members" });
  if (can["workspace.export"]) nav.push({ to: "export", label: "Export" });
  if (can["workspace.manage"]) nav.push({ to: "audit", label: "Audit log" });
  return {
    member,
    can,
    nav,
    workspaces: listWorkspacesForUser(user.id),
    unreadNotifications: countUnread(member),
  };
}

export default function WorkspaceLayout() {
  return <Outlet />;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
