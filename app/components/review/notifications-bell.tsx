import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/format";

/** The header's link to the notifications page, with the unread count in its accessible name. */
export function NotificationsBell({ href, unread }: { href: string; unread: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const label =
    unread === 0 ? t("notifications.bell.none") : t("notifications.bell.unread", { count: unread });
  return (
    <NavLink to={href} className="notifications-bell" aria-label={label} title={label}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.5L4.5 15v1.5h15V15L18 12.5V9a6 6 0 0 0-6-6Zm0 18a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 21Z"
          fill="currentColor"
        />
      </svg>
      {unread > 0 ? (
        <span className="notifications-count" aria-hidden="true">
          {unread > 99 ? `${format.number(99)}+` : format.number(unread)}
        </span>
      ) : null}
    </NavLink>
  );
}
