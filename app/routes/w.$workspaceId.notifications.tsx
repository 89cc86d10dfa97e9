import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { NotificationItem } from "~/components/review/notification-item";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "~/models/notifications.server";
import { useFormat } from "~/utils/format";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const page = pageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  const list = listNotifications(member, { page });
  const t = await getT(request);
  const title = list.unread
    ? t("notifications.metaTitleUnread", { count: list.unread })
    : t("notifications.metaTitle");
  return {
    workspaceId: member.workspaceId,
    // Notifications are about reviews and comments: members who take no part in them are told so.
    takesPartInReviews: can(member, "case.comment"),
    now: new Date(),
    ...list,
    pageTitle: t("common.pageTitle", { title }),
  };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data({ ok: false, message: msg("notifications.notUnderstood") }, { status: 400 });
  if (parsed.data.intent === "read") {
    // Answered in place (the page reloads its list), so marking one item read keeps the reader's position.
    markNotificationRead(member, parsed.data.id);
    return { ok: true, message: "" };
  }
  const changed = markAllNotificationsRead(member);
  return redirectWithToast(request, `/w/${member.workspaceId}/notifications`, {
    kind: "success",
    message: changed ? msg("notifications.allMarked") : msg("notifications.nothingWasUnread"),
  });
}

export default function Notifications() {
  const { t } = useTranslation();
  const format = useFormat();
  const { items, unread, page, pageCount, workspaceId, now, takesPartInReviews } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const base = `/w/${workspaceId}/notifications`;
  return (
    <main id="main" className="page page-narrow notifications-page">
      <div className="page-heading">
        <div>
          <h1>{t("notifications.title")}</h1>
          <p className="muted">
            {unread === 0 ? t("notifications.nothingUnread") : t("notifications.unread", { count: unread })}
            {t("notifications.intro")}
          </p>
        </div>
        {unread > 0 ? (
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="button button-secondary" disabled={navigation.state !== "idle"}>
              {t("notifications.markAll")}
            </button>
          </Form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("notifications.emptyTitle")}</strong>
          </p>
          {takesPartInReviews ? (
            <p>
              {t("notifications.emptyBody")}
              <Link to={`/w/${workspaceId}/reviews`}>{t("common.nav.reviews")}</Link>
              {t("notifications.emptyRest")}
            </p>
          ) : (
            <p>{t("notifications.emptyReader")}</p>
          )}
        </div>
      ) : (
        <ul className="notification-list">
          {items.map((item) => (
            <NotificationItem key={item.id} entry={item} workspaceId={workspaceId} now={now} />
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("notifications.pages")} className="pager">
          {page > 1 ? <Link to={`${base}?page=${page - 1}`}>{t("notifications.newer")}</Link> : <span />}
          <span className="muted">
            {t("notifications.pageOf", { page: format.number(page), pages: format.number(pageCount) })}
          </span>
          {page < pageCount ? (
            <Link to={`${base}?page=${page + 1}`}>{t("notifications.older")}</Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
