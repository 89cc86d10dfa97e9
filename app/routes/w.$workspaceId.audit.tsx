import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { AUDIT_KINDS, type AuditKind, listAuditLog } from "~/models/audit.server";
import { requireWorkspaceMember } from "~/utils/guards.server";

export const meta: MetaFunction = () => [{ title: "Audit log · Mediation Casebook" }];

const kinds = Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]];
const filterSchema = z.object({
  kind: z.enum(kinds).nullable().catch(null),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
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
  return {
    workspaceName: member.workspaceName,
    filters,
    kinds: kinds.map((kind) => ({ value: kind, label: AUDIT_KINDS[kind].label })),
    ...log,
  };
}

function formatWhen(value: Date | string) {
  return new Date(value).toLocaleString("en-GB", {
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
      <h1>Audit log</h1>
      <p className="muted">
        Security record of {workspaceName}: sign-ins and failed sign-ins of its members, role changes,
        invites, deletions, exports and reviews, with who, when (UTC) and from where. Only owners see it.
      </p>
      <Form method="get" className="form-inline audit-filters">
        <div className="field">
          <label htmlFor="audit-kind">Kind</label>
          <select id="audit-kind" name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">Everything</option>
            {kinds.map((kind) => (
              <option key={kind.value} value={kind.value}>
                {kind.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-date">On (UTC date)</label>
          <input id="audit-date" type="date" name="date" defaultValue={filters.date ?? ""} />
        </div>
        <button type="submit" className="button button-secondary">
          Filter
        </button>
        {filtered ? <Link to=".">Clear filters</Link> : null}
      </Form>
      <p className="muted" aria-live="polite">
        {total === 1 ? "1 entry" : `${total} entries`}
        {filtered ? " match" : ""}.
      </p>
      {entries.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{filtered ? "Nothing matches these filters." : "Nothing recorded yet."}</strong>
          </p>
          <p>
            {filtered ? (
              <Link to=".">Show everything</Link>
            ) : (
              "Sign-ins, role changes, invites, deletions and exports are recorded here as they happen."
            )}
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="audit-table">
            <caption className="visually-hidden">Audit log entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Detail</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id} className={entry.action.includes("fail") ? "audit-failed" : undefined}>
                  <td data-label="When">
                    <div>
                      <time dateTime={new Date(entry.at).toISOString()}>{formatWhen(entry.at)}</time>
                    </div>
                  </td>
                  <td data-label="Who">
                    {entry.who ? (
                      <div>
                        {entry.who.name}
                        <br />
                        <span className="muted">{entry.who.email}</span>
                      </div>
                    ) : (
                      <div className="muted">unknown</div>
                    )}
                  </td>
                  <td data-label="What">
                    <div>{entry.actionWords}</div>
                  </td>
                  <td data-label="Detail">
                    <div>{entry.summary || <span className="muted">—</span>}</div>
                  </td>
                  <td data-label="From">
                    <div>
                      {entry.ip || <span className="muted">no IP</span>}
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
        <nav aria-label="Pages" className="pager">
          {page > 1 ? <Link to={pageLink(page - 1)}>← Newer</Link> : <span />}
          <span className="muted">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? <Link to={pageLink(page + 1)}>Older →</Link> : <span />}
        </nav>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
