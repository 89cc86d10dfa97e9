import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import type { WorkspaceHeaderData } from "~/components/app-header";
import { countUnread } from "~/models/notifications.server";
import { listWorkspacesForUser } from "~/models/workspaces.server";
import reviewStyles from "~/styles/review.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import type { MessageKey } from "~/utils/messages";
import { capabilities } from "~/utils/permissions.server";

// The review styles hold the notifications bell of the header, shown on every workspace page.
export const links = () => [{ rel: "stylesheet", href: reviewStyles }];

type NavItem = { to: string; label: MessageKey };
const item = (to: string, label: MessageKey): NavItem => ({ to, label });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, member } = await requireWorkspaceMember(request, params);
  const can = capabilities(member);
  const nav: NavItem[] = [
    ...(can["case.readDrafts"] ? [item("reviews", "common.nav.reviews")] : []),
    item("matrix", "common.nav.matrix"),
    item("comparisons", "common.nav.comparisons"),
    item("codebook", "common.nav.codebook"),
    item("sources", "common.nav.sources"),
  ];
  if (can["case.trash"]) nav.push(item("trash", "common.nav.trash"));
  nav.push(item("members", "common.nav.members"));
  if (can["workspace.export"]) nav.push(item("export", "common.nav.export"));
  if (can["workspace.manage"]) nav.push(item("audit", "common.nav.audit"));
  if (can["workspace.manage"]) nav.push(item("settings", "common.nav.settings"));
  const header = {
    member,
    nav,
    workspaces: listWorkspacesForUser(user.id),
    unreadNotifications: countUnread(member),
  } satisfies WorkspaceHeaderData;
  return { ...header, can };
}

export default function WorkspaceLayout() {
  return <Outlet />;
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
