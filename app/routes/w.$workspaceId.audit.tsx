import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AUDIT_KINDS, type AuditKind, listAuditLog } from "~/models/audit.server";
import { type Locale, ROLES } from "~/models/domain";
import { parseIsoDay } from "~/rules/dates";
import { intlLocale } from "~/rules/locale";
import { formatNumber, useLocale } from "~/utils/format";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { decodeMessage, type MessageParams } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

const kinds = Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]];
const filterSchema = z.object({
  kind: z.enum(kinds).nullable().catch(null),
  date: z
    .string()
    .refine((value) => parseIsoDay(value) !== null)
    .nullable()
    .catch(null),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const search = new URL(request.url).searchParams;
  const filters = filterSchema.parse({
    kind: search.get("kind") || null,
    date: search.get("date") || null,
    page: search.get("page") ?? 1,
  });
  const log = listAuditLog(member, filters);
  const t = await getT(request);
  const words = auditWords(t, await getLocale(request));
  return {
    workspaceName: member.workspaceName,
    filters,
    kinds: kinds.map((kind) => ({ value: kind, label: words(AUDIT_KINDS[kind].label) })),
    ...log,
    // The model's messages in the reader's language (role names and numbers included).
    entries: log.entries.map((entry) => ({
      ...entry,
      actionWords: words(entry.actionWords),
      summary: words(entry.summary),
      browser: words(entry.browser),
    })),
    pageTitle: t("common.pageTitle", { title: t("audit.metaTitle") }),
  };
}

const isRole = (value: unknown): value is (typeof ROLES)[number] =>
  typeof value === "string" && (ROLES as readonly string[]).includes(value);

/** Translates an audit message; values named role / *Role are role names, other numbers are formatted. */
function auditWords(t: TFunction, locale: Locale) {
  return (message: string) => {
    const decoded = decodeMessage(message);
    if (!decoded) return message;
    const params: MessageParams = {};
    for (const [name, value] of Object.entries(decoded.params ?? {})) {
      if (name === "role" || name.endsWith("Role"))
        params[name] = isRole(value) ? t(`common.roles.${value}`) : value;
      else if (name !== "count" && typeof value === "number") params[name] = formatNumber(value, locale);
      else params[name] = value;
    }
    return (t as unknown as (key: string, params: MessageParams) => string)(decoded.key, params);
  };
}

/** To the second, in UTC (the audit log's reference time). */
function formatWhen(value: Date | string, locale: Locale) {
  return new Date(value).toLocaleString(intlLocale(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: "UTC",
  });
}

export default function AuditLog() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { entries, filters, kinds, page, pageCount, total, workspaceName } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => {
    const search = new URLSearchParams();
    if (filters.kind) search.set("kind", filters.kind);
    if (filters.date) search.set("date", filters.date);
    search.set("page", String(n));
    return `?${search}`;
  };
  const filtered = Boolean(filters.kind || filters.date);
  return (
    <main id="main" className="page audit-page">
      <h1>{t("audit.title")}</h1>
      <p className="muted">{t("audit.intro", { workspace: workspaceName })}</p>
      <Form method="get" className="form-inline audit-filters">
        <div className="field">
          <label htmlFor="audit-kind">{t("audit.kind")}</label>
          <select id="audit-kind" name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">{t("audit.everything")}</option>
            {kinds.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-date">{t("audit.date")}</label>
          <input id="audit-date" type="date" name="date" defaultValue={filters.date ?? ""} />
        </div>
        <button type="submit" className="button button-secondary">
          {t("audit.filter")}
        </button>
        {filtered ? <Link to=".">{t("audit.clearFilters")}</Link> : null}
      </Form>
      <p className="muted" aria-live="polite">
        {filtered
          ? t("audit.matching", { count: total, n: formatNumber(total, locale) })
          : t("audit.entries", { count: total, n: formatNumber(total, locale) })}
      </p>
      {entries.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{filtered ? t("audit.noMatch") : t("audit.emptyTitle")}</strong>
          </p>
          <p>{filtered ? <Link to=".">{t("audit.showEverything")}</Link> : t("audit.emptyBody")}</p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">{t("audit.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.when")}</th>
                <th scope="col">{t("audit.who")}</th>
                <th scope="col">{t("audit.what")}</th>
                <th scope="col">{t("audit.detail")}</th>
                <th scope="col">{t("audit.from")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className={entry.action.includes("fail") ? "audit-failed" : undefined}>
                  <td data-label={t("audit.whenShort")}>
                    <div>
                      <time dateTime={new Date(entry.at).toISOString()}>{formatWhen(entry.at, locale)}</time>
                    </div>
                  </td>
                  <td data-label={t("audit.who")}>
                    {entry.who ? (
                      <div>
                        {entry.who.name || t("common.formerMember")}
                        <br />
                        <span className="muted">{entry.who.email}</span>
                      </div>
                    ) : (
                      <div className="muted">{t("audit.unknown")}</div>
                    )}
                  </td>
                  <td data-label={t("audit.what")}>
                    <div>{entry.actionWords}</div>
                  </td>
                  <td data-label={t("audit.detail")}>
                    <div>{entry.summary || <span className="muted">—</span>}</div>
                  </td>
                  <td data-label={t("audit.from")}>
                    <div>
                      {entry.ip || <span className="muted">{t("audit.noIp")}</span>}
                      {entry.browser ? (
                        <>
                          <br />
                          <span className="muted" title={entry.userAgent}>
                            {entry.browser}
                          </span>
                        </>
                      ) : null}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pageCount > 1 ? (
        <nav aria-label={t("audit.pages")} className="pager">
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("audit.newer")}</Link> : <span />}
          <span className="muted">
            {t("audit.pageOf", { page: formatNumber(page, locale), pages: formatNumber(pageCount, locale) })}
          </span>
          {page < pageCount ? <Link to={pageLink(page + 1)}>{t("audit.older")}</Link> : <span />}
        </nav>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
