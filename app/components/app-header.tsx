import { Form, Link, NavLink, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NotificationsBell } from "~/components/review/notifications-bell";
import type { Role } from "~/models/domain";
import { type MessageKey, useMessage } from "~/utils/messages";

/** What the workspace layout route (routes/w.$workspaceId.tsx) gives the header. */
export type WorkspaceHeaderData = {
  member: { workspaceId: string; workspaceName: string; role: Role };
  nav: Array<{ to: string; label: MessageKey }>;
  workspaces: Array<{ id: string; name: string; role: Role }>;
  unreadNotifications: number;
};

type User = { id: string; name: string; email: string } | null;

export function AppHeader({ user }: { user: User }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const workspace = useRouteLoaderData("routes/w.$workspaceId") as WorkspaceHeaderData | undefined;
  const base = workspace ? `/w/${workspace.member.workspaceId}` : null;
  return (
    <header className="app-header">
      <div className="app-header-row">
        <Link to="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ◧
          </span>{" "}
          {t("common.appName")}
        </Link>
        {user && workspace ? (
          <details className="menu workspace-switcher">
            <summary>
              <span className="visually-hidden">{t("common.header.workspaceLabel")}</span>
              {workspace.member.workspaceName}
              <span className="role-badge">{t(`common.roles.${workspace.member.role}`)}</span>
            </summary>
            <div className="menu-panel">
              <p className="menu-heading">{t("common.header.switchWorkspace")}</p>
              <ul>
                {workspace.workspaces.map((w) => (
                  <li key={w.id}>
                    <Link
                      to={`/w/${w.id}/cases`}
                      aria-current={w.id === workspace.member.workspaceId ? "page" : undefined}
                    >
                      {w.name} <span className="muted">({t(`common.roles.${w.role}`)})</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <Link to="/workspaces" className="menu-footer-link">
                {t("common.header.allWorkspaces")}
              </Link>
            </div>
          </details>
        ) : null}
        <span className="spacer" />
        {user && base && workspace ? (
          <NotificationsBell href={`${base}/notifications`} unread={workspace.unreadNotifications} />
        ) : null}
        {user ? (
          <details className="menu user-menu">
            <summary>
              <span className="visually-hidden">{t("common.header.signedInAs")}</span>
              {user.name}
            </summary>
            <div className="menu-panel menu-panel-right">
              <p className="menu-heading">{user.email}</p>
              <ul>
                <li>
                  <Link to="/account">{t("common.header.account")}</Link>
                </li>
                <li>
                  <Link to="/workspaces">{t("common.header.workspaces")}</Link>
                </li>
              </ul>
              <Form method="post" action="/sign-out">
                <button type="submit" className="button button-secondary button-small">
                  {t("common.header.signOut")}
                </button>
              </Form>
            </div>
          </details>
        ) : (
          <nav aria-label={t("common.header.accountNav")} className="auth-links">
            <NavLink to="/sign-in">{t("common.header.signIn")}</NavLink>
            <NavLink to="/sign-up">{t("common.header.signUp")}</NavLink>
          </nav>
        )}
      </div>
      {user && base && workspace ? (
        <nav aria-label={t("common.header.workspaceNav")} className="workspace-nav">
          <NavLink to={`${base}/cases`} end={false}>
            {t("common.nav.cases")}
          </NavLink>
          {workspace.nav.map((item) => (
            <NavLink key={item.to} to={`${base}/${item.to}`}>
              {tm(item.label)}
            </NavLink>
          ))}
        </nav>
      ) : null}
    </header>
  );
}
