// What became of the mail this workspace sent (invitations, notifications to its members): for owners, who
// need to know an invitation never arrived and why. A failed mail can be tried again.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { TimeAgo } from "~/components/review/time-ago";
import { listWorkspaceMail, retryMail } from "~/models/mail-queue.server";
import accountStyles from "~/styles/account.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { msg, useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;
export const links = () => [{ rel: "stylesheet", href: accountStyles }];

const retrySchema = z.object({ intent: z.literal("retry"), mailId: z.coerce.number().int().positive() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "mail.view");
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  return {
    ...listWorkspaceMail(member, { page }),
    smtp: Boolean(process.env.SMTP_URL?.trim()),
    workspaceName: member.workspaceName,
    now: new Date(),
    pageTitle: await getPageTitle(request, "mail.page.metaTitle"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "mail.view");
  const parsed = retrySchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: msg("workspace.settings.notUnderstood") }, { status: 400 });
  if (!retryMail(member, parsed.data.mailId))
    return data({ error: msg("mail.page.notRetriable") }, { status: 409 });
  return redirectWithToast(request, request.url, { kind: "success", message: msg("mail.page.retried") });
}

const KIND_WORDS = { invite: "invite", notification: "notification", digest: "digest" } as const;

export default function WorkspaceMail() {
  const { t } = useTranslation();
  const tm = useMessage();
  const { rows, page, pageCount, smtp, workspaceName, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <main id="main" className="page">
      <h1>{t("mail.page.title")}</h1>
      <p className="muted">{t("mail.page.intro", { workspace: workspaceName })}</p>
      <p className="notice">{smtp ? t("mail.page.transportSmtp") : t("mail.page.transportOutbox")}</p>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {tm(actionData.error)}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("mail.page.emptyTitle")}</strong>
          </p>
          <p>{t("mail.page.emptyBody")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="record-table">
            <caption className="visually-hidden">{t("mail.page.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("mail.page.queuedAt")}</th>
                <th scope="col">{t("mail.page.to")}</th>
                <th scope="col">{t("mail.page.what")}</th>
                <th scope="col">{t("mail.page.status")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("members.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td data-label={t("mail.page.queuedAt")}>
                    <TimeAgo date={row.createdAt} now={now} />
                  </td>
                  <td data-label={t("mail.page.to")}>{row.recipient}</td>
                  <td data-label={t("mail.page.what")}>
                    {t(`mail.page.kinds.${KIND_WORDS[row.kind as keyof typeof KIND_WORDS] ?? "other"}`)}
                    {row.subject ? <div className="muted">{row.subject}</div> : null}
                  </td>
                  <td data-label={t("mail.page.status")}>
                    <span className={`mail-status-${row.status}`}>
                      {t(`mail.page.statuses.${row.status}`)}
                    </span>
                    {row.attempts > 1 || row.status === "failed" ? (
                      <span className="muted"> · {t("mail.page.attempts", { count: row.attempts })}</span>
                    ) : null}
                    {row.status === "queued" && row.attempts > 0 ? (
                      <div className="muted">
                        {t("mail.page.nextAttempt")}
                        <TimeAgo date={row.nextAttemptAt} now={now} />
                      </div>
                    ) : null}
                    {row.lastError ? <div className="muted">{tm(row.lastError)}</div> : null}
                  </td>
                  <td className="record-actions">
                    {row.status === "failed" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="retry" />
                        <input type="hidden" name="mailId" value={row.id} />
                        <button type="submit" className="button button-secondary button-small">
                          {t("mail.page.retry")}
                          <span className="visually-hidden"> {row.recipient}</span>
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("mail.page.pages")} className="actions">
          {page > 1 ? <Link to={`?page=${page - 1}`}>{t("mail.page.newer")}</Link> : null}
          <span>{t("mail.page.pageOf", { page, pages: pageCount })}</span>
          {page < pageCount ? <Link to={`?page=${page + 1}`}>{t("mail.page.older")}</Link> : null}
        </nav>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
