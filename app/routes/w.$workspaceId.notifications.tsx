import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { NotificationItem } from "~/components/review/notification-item";
import {
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "~/models/notifications.server";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.unread ? `(${data.unread}) ` : ""}Notifications · Mediation Casebook` },
];

const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const page = pageSchema.parse(new URL(request.url).searchParams.get("page") ?? 1);
  return { workspaceId: member.workspaceId, now: new Date(), ...listNotifications(member, { page }) };
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.coerce.number().int().positive() }),
  z.object({ intent: z.literal("read-all") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data({ ok: false, message: "That request was not understood. Reload the page." }, { status: 400 });
  if (parsed.data.intent === "read") {
    // Answered in place (the page reloads its list), so marking one item read keeps the reader's position.
    markNotificationRead(member, parsed.data.id);
    return { ok: true, message: "" };
  }
  const changed = markAllNotificationsRead(member);
  return redirectWithToast(request, `/w/${member.workspaceId}/notifications`, {
    kind: "success",
    message: changed ? "All notifications marked read." : "Nothing was unread.",
  });
}

export default function Notifications() {
  const { items, unread, page, pageCount, workspaceId, now } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const base = `/w/${workspaceId}/notifications`;
  return (
    <main id="main" className="page page-narrow notifications-page">
      <div className="page-heading">
        <div>
          <h1>Notifications</h1>
          <p className="muted">
            {unread === 0 ? "Nothing unread." : `${unread} unread.`} Reviews requested and done, mentions, and
            replies in this workspace.
          </p>
        </div>
        {unread > 0 ? (
          <Form method="post" className="actions">
            <input type="hidden" name="intent" value="read-all" />
            <button type="submit" className="button button-secondary" disabled={navigation.state !== "idle"}>
              Mark all read
            </button>
          </Form>
        ) : null}
      </div>
      {items.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No notifications.</strong>
          </p>
          <p>
            You are told here when someone asks you to review a case, decides on a case you submitted,
            mentions you or replies to your thread. Meanwhile,{" "}
            <Link to={`/w/${workspaceId}/reviews`}>My reviews</Link> lists what waits for you.
          </p>
        </div>
      ) : (
        <ul className="notification-list">
          {items.map((item) => (
            <NotificationItem key={item.id} entry={item} workspaceId={workspaceId} now={now} />
          ))}
        </ul>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pages" className="pager">
          {page > 1 ? <Link to={`${base}?page=${page - 1}`}>← Newer</Link> : <span />}
          <span className="muted">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? <Link to={`${base}?page=${page + 1}`}>Older →</Link> : <span />}
        </nav>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
