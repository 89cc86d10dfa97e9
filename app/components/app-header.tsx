import { Form, Link, NavLink, useRouteLoaderData } from "@remix-run/react";
import { NotificationsBell } from "~/components/review/notifications-bell";
import type { loader as workspaceLoader } from "~/routes/w.$workspaceId";

type User = { id: string; name: string; email: string } | null;

export function AppHeader({ user }: { user: User }) {
  const workspace = useRouteLoaderData<typeof workspaceLoader>("routes/w.$workspaceId");
  const base = workspace ? `/w/${workspace.member.workspaceId}` : null;
  return (
    <header className="app-header">
      <div className="app-header-row">
        <Link to="/" className="brand">
          <span aria-hidden="true" className="brand-mark">
            ◧
          </span>{" "}
          Mediation Casebook
        </Link>
        {user && workspace ? (
          <details className="menu workspace-switcher">
            <summary>
              <span className="visually-hidden">Workspace: </span>
              {workspace.member.workspaceName}
              <span className="role-badge">{workspace.member.role}</span>
            </summary>
            <div className="menu-panel">
              <p className="menu-heading">Switch workspace</p>
              <ul>
                {workspace.workspaces.map((w) => (
                  <li key={w.id}>
                    <Link
                      to={`/w/${w.id}/cases`}
                      aria-current={w.id === workspace.member.workspaceId ? "page" : undefined}
                    >
                      {w.name} <span className="muted">({w.role})</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <Link to="/workspaces" className="menu-footer-link">
                All workspaces · new workspace
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
              <span className="visually-hidden">Signed in as </span>
              {user.name}
            </summary>
            <div className="menu-panel menu-panel-right">
              <p className="menu-heading">{user.email}</p>
              <ul>
                <li>
                  <Link to="/account">Account and password</Link>
                </li>
                <li>
                  <Link to="/workspaces">Workspaces</Link>
                </li>
              </ul>
              <Form method="post" action="/sign-out">
                <button type="submit" className="button button-secondary button-small">
                  Sign out
                </button>
              </Form>
            </div>
          </details>
        ) : (
          <nav aria-label="Account" className="auth-links">
            <NavLink to="/sign-in">Sign in</NavLink>
            <NavLink to="/sign-up">Sign up</NavLink>
          </nav>
        )}
      </div>
      {user && base && workspace ? (
        <nav aria-label="Workspace" className="workspace-nav">
          <NavLink to={`${base}/cases`} end={false}>
            Cases
          </NavLink>
          {workspace.nav.map((item) => (
            <NavLink key={item.to} to={`${base}/${item.to}`}>
              {item.label}
            </NavLink>
          ))}
        </nav>
      ) : null}
    </header>
  );
}
