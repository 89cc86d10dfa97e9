import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { SourceLibraryActions } from "~/components/sources/library-actions";
import { SOURCE_TYPE_LABELS } from "~/models/source-fields";
import { searchSources } from "~/models/sources.server";
import styles from "~/styles/sources.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { can } from "~/utils/permissions.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data?.q ? `“${data.q}” · ` : ""}Sources · ${data?.workspaceName ?? "Workspace"} · Mediation Casebook`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  const { sources, total } = searchSources(member, { q });
  return {
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    canEdit: can(member, "source.edit"),
    q,
    total,
    sources,
  };
}

function citedLabel(count: number) {
  if (count === 0) return "Not cited yet";
  return `Cited in ${count} ${count === 1 ? "case" : "cases"}`;
}

export default function SourceLibrary() {
  const { sources, q, total, canEdit, workspaceId, workspaceName } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname.endsWith("/sources");
  const base = `/w/${workspaceId}/sources`;
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>Sources</h1>
          <p className="muted source-intro">
            The library every case cites from: articles, reports, interviews, agreements.
          </p>
        </div>
        <SourceLibraryActions base={base} canEdit={canEdit} hasSources={total > 0} />
      </div>

      {total === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No sources yet.</strong>
          </p>
          {canEdit ? (
            <p>
              <Link to={`${base}/new`}>Add the first source</Link>, or{" "}
              <Link to={`${base}/import`}>import a CSL-JSON file</Link> exported from Zotero. Cases can then
              cite them with a page or paragraph.
            </p>
          ) : (
            <p>When editors add sources to the library, they appear here.</p>
          )}
        </div>
      ) : (
        <>
          <Form method="get" className="source-search" role="search">
            <label htmlFor="source-q">Search sources</label>
            <div className="source-search-row">
              <input
                id="source-q"
                type="search"
                name="q"
                defaultValue={q}
                key={q}
                placeholder="Title, author, journal or year"
                aria-describedby="source-search-summary"
              />
              <button type="submit" className="button button-secondary" disabled={searching}>
                {searching ? "Searching…" : "Search"}
              </button>
            </div>
            <p id="source-search-summary" className="muted source-search-summary" aria-live="polite">
              {q ? (
                <>
                  {sources.length} of {total} {total === 1 ? "source matches" : "sources match"} “{q}”.{" "}
                  <Link to={base}>Show all</Link>
                </>
              ) : (
                <>
                  {total} {total === 1 ? "source" : "sources"}
                </>
              )}
            </p>
          </Form>
          {sources.length === 0 ? (
            <div className="empty-state">
              <p>
                <strong>No source matches “{q}”.</strong>
              </p>
              <p>
                Try an author's family name, one word of the title, or a year.{" "}
                <Link to={base}>Show all sources</Link>
              </p>
            </div>
          ) : (
            <ul className="source-list" aria-label="Sources">
              {sources.map((source) => (
                <li key={source.id} className="source-item">
                  <Link to={`${base}/${source.id}`} className="source-item-title">
                    {source.title}
                  </Link>
                  <p className="source-reference">{source.reference}</p>
                  <p className="source-item-meta">
                    <span className="source-type">{SOURCE_TYPE_LABELS[source.type]}</span>
                    <span className={source.citingCases === 0 ? "muted" : undefined}>
                      {citedLabel(source.citingCases)}
                    </span>
                    {source.restricted ? <span className="source-restricted">Restricted</span> : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
