// The devices signed in to the account: browser, address, when they signed in and were last used (to about
// ten minutes, see LAST_USED_PRECISION_MS). Sign one out, or all but this one. The page never holds another
// device's session id: each row is named by a digest of it.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { TimeAgo } from "~/components/review/time-ago";
import { recordAudit, requestOrigin, shortUserAgent } from "~/models/audit.server";
import accountStyles from "~/styles/account.css?url";
import {
  endDeviceSession,
  endOtherSessions,
  getAuth,
  listSessions,
  requireUser,
  sessionKeyOf,
} from "~/utils/auth.server";
import { useFormat } from "~/utils/format";
import { getPageTitle } from "~/utils/i18n.server";
import { msg, useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;
export const links = () => [{ rel: "stylesheet", href: accountStyles }];

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("end"), device: z.string().regex(/^[A-Za-z0-9_-]{10,40}$/) }),
  z.object({ intent: z.literal("endOthers") }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { sessionId } = await getAuth(request);
  const devices = listSessions(user.id, sessionId).map((session) => ({
    key: sessionKeyOf(session.id),
    current: session.current,
    // Sessions made before these columns were recorded show "unknown".
    createdAt: session.createdAt.getTime() > 0 ? session.createdAt : null,
    lastUsedAt: session.lastUsedAt.getTime() > 0 ? session.lastUsedAt : null,
    ip: session.ip,
    browser: session.userAgent ? shortUserAgent(session.userAgent) : "",
  }));
  return { devices, now: new Date(), pageTitle: await getPageTitle(request, "account.sessions.metaTitle") };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { sessionId } = await getAuth(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success || !sessionId) return data({ error: msg("errors.unknownAction") }, { status: 400 });
  const origin = requestOrigin(request);
  if (parsed.data.intent === "endOthers") {
    const count = endOtherSessions(user.id, sessionId);
    recordAudit({ action: "user.other_sessions_ended", userId: user.id, detail: { count }, origin });
    return redirectWithToast(request, "/account/sessions", {
      kind: "success",
      message: count ? msg("account.sessions.endedOthers", { count }) : msg("account.sessions.noOthers"),
    });
  }
  // This device signs out with the header's "Sign out"; here only the others.
  if (parsed.data.device === sessionKeyOf(sessionId) || !endDeviceSession(user.id, parsed.data.device))
    return data({ error: msg("account.sessions.notFound") }, { status: 404 });
  recordAudit({ action: "user.session_ended", userId: user.id, origin });
  return redirectWithToast(request, "/account/sessions", {
    kind: "success",
    message: msg("account.sessions.ended"),
  });
}

export default function Sessions() {
  const { t } = useTranslation();
  const tm = useMessage();
  const format = useFormat();
  const { devices, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const others = devices.filter((device) => !device.current).length;
  return (
    <main id="main" className="page">
      <p className="breadcrumb">
        <Link to="/account">{t("account.title")}</Link>
      </p>
      <h1>{t("account.sessions.title")}</h1>
      <p className="muted">{t("account.sessions.intro")}</p>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {tm(actionData.error)}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="record-table">
          <caption className="visually-hidden">{t("account.sessions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("account.sessions.device")}</th>
              <th scope="col">{t("account.sessions.lastUsed")}</th>
              <th scope="col">{t("account.sessions.signedIn")}</th>
              <th scope="col">{t("account.sessions.address")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("members.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => {
              const browser = device.browser ? tm(device.browser) : t("account.sessions.unknownBrowser");
              return (
                <tr key={device.key}>
                  <td data-label={t("account.sessions.device")}>
                    {browser}
                    {device.current ? (
                      <>
                        {" "}
                        <span className="role-badge">{t("account.sessions.thisDevice")}</span>
                      </>
                    ) : null}
                  </td>
                  <td data-label={t("account.sessions.lastUsed")}>
                    {device.lastUsedAt ? (
                      <TimeAgo date={device.lastUsedAt} now={now} />
                    ) : (
                      t("account.sessions.unknown")
                    )}
                  </td>
                  <td data-label={t("account.sessions.signedIn")}>
                    {device.createdAt ? (
                      <TimeAgo date={device.createdAt} now={now} />
                    ) : (
                      t("account.sessions.unknown")
                    )}
                  </td>
                  <td data-label={t("account.sessions.address")}>
                    {device.ip || t("account.sessions.unknown")}
                  </td>
                  <td className="record-actions">
                    {device.current ? null : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="end" />
                        <input type="hidden" name="device" value={device.key} />
                        <button type="submit" className="button button-secondary button-small">
                          {t("account.sessions.end")}
                          <span className="visually-hidden">
                            {t("account.sessions.endOf", {
                              browser,
                              when: device.lastUsedAt
                                ? (format.relative(device.lastUsedAt, now) ?? t("common.justNow"))
                                : t("account.sessions.unknown"),
                            })}
                          </span>
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <Form method="post" className="actions">
          <input type="hidden" name="intent" value="endOthers" />
          <button type="submit" className="button button-danger">
            {t("account.sessions.endOthers")}
          </button>
        </Form>
      ) : (
        <p className="muted">{t("account.sessions.noOthers")}</p>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
