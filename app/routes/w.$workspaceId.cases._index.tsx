import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { useState } from "react";
import { ConfidentialBadge, RelativeDate, StatusBadge } from "~/components/case-bits";
import { Snippet } from "~/components/library/snippet";
import { CASE_STATUS_LABELS, formatPeriod } from "~/models/case-fields";
import { parseLibraryQuery, searchLibrary } from "~/models/library.server";
import libraryStyles from "~/styles/library.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { can } from "~/utils/permissions.server";

export const links = () => [{ rel: "stylesheet", href: libraryStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Cases · ${data?.workspaceName ?? "Workspace"} · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const { query, problems } = parseLibraryQuery(new URL(request.url).searchParams);
  // Only this page's cases go to the browser; the ids of every match are for the matrix.
  const { matchedIds, ...library } = searchLibrary(member, query);
  return {
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    canCreate: can(member, "case.create"),
    query,
    problems,
    matched: matchedIds.length,
    ...library,
  };
}

const SORTS = [
  ["relevance", "Best match"],
  ["updated", "Last update"],
  ["title", "Title"],
  ["period", "Period"],
] as const;

export default function CaseLibrary() {
  const {
    results,
    matched,
    total,
    page,
    pageCount,
    pageSize,
    facets,
    query,
    problems,
    canCreate,
    workspaceId,
    workspaceName,
    sort,
  } = useLoaderData<typeof loader>();
  const location = useLocation();
  const pageLink = (to: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(to));
    return `${location.pathname}?${params}`;
  };
  const navigation = useNavigation();
  const submit = useSubmit();
  const [selected, setSelected] = useState<string[]>([]);
  const filtered =
    query.q !== "" ||
    query.region.length ||
    query.status.length ||
    query.code.length ||
    query.from !== null ||
    query.to !== null ||
    query.author !== "";
  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));
  // Ticking a filter applies it at once; typed fields (search words, years) wait for Enter or "Search".
  const autoSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const field = event.target as HTMLInputElement;
    if (field.form !== event.currentTarget || field.type === "search" || field.type === "number") return;
    submit(event.currentTarget, { replace: true, preventScrollReset: true });
  };
  const preconditions = facets.codes.filter((code) => code.kind === "precondition");
  const outcomes = facets.codes.filter((code) => code.kind === "outcome");

  return (
    <main id="main" className="page">
      <div className="page-heading">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>Cases</h1>
        </div>
        {canCreate ? (
          <Link to={`/w/${workspaceId}/cases/new`} className="button">
            New case
          </Link>
        ) : null}
      </div>
      {total === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No cases yet.</strong>
          </p>
          {canCreate ? (
            <p>
              Start with a process you know well:{" "}
              <Link to={`/w/${workspaceId}/cases/new`}>write the first case</Link>. You can fill in the
              structured fields now and the sections later.
            </p>
          ) : (
            <p>When editors add case studies to this workspace, they appear here.</p>
          )}
        </div>
      ) : (
        <Form method="get" className="library" onChange={autoSubmit} role="search" aria-label="Find cases">
          <div className="library-search">
            <label htmlFor="library-q" className="visually-hidden">
              Search cases
            </label>
            <input
              id="library-q"
              type="search"
              name="q"
              defaultValue={query.q}
              placeholder="Search titles, fields, text and sources (accents optional)"
              maxLength={200}
            />
            <button type="submit" className="button">
              Search
            </button>
          </div>
          {problems.length ? (
            <p className="form-error" role="alert">
              {problems.join(" ")}
            </p>
          ) : null}
          <div className="library-layout">
            <details className="library-filters" open>
              <summary>Filters</summary>
              <fieldset>
                <legend>Country or region</legend>
                {facets.regions.map((facet) => (
                  <label key={facet.value} className="facet">
                    <input
                      type="checkbox"
                      name="region"
                      value={facet.value}
                      defaultChecked={query.region.includes(facet.value)}
                    />
                    {facet.value} <span className="count">{facet.count}</span>
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>Period overlapping</legend>
                <div className="period-filter">
                  <label>
                    From{" "}
                    <input
                      type="number"
                      name="from"
                      min={1800}
                      max={2100}
                      defaultValue={query.from ?? ""}
                      inputMode="numeric"
                    />
                  </label>
                  <label>
                    to{" "}
                    <input
                      type="number"
                      name="to"
                      min={1800}
                      max={2100}
                      defaultValue={query.to ?? ""}
                      inputMode="numeric"
                    />
                  </label>
                </div>
              </fieldset>
              <fieldset>
                <legend>Status</legend>
                {facets.statuses.map((facet) => (
                  <label key={facet.value} className="facet">
                    <input
                      type="checkbox"
                      name="status"
                      value={facet.value}
                      defaultChecked={query.status.includes(facet.value)}
                    />
                    {CASE_STATUS_LABELS[facet.value]} <span className="count">{facet.count}</span>
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>Codes</legend>
                <div className="match-toggle">
                  <label>
                    <input type="radio" name="match" value="all" defaultChecked={query.match === "all"} /> all
                    of
                  </label>
                  <label>
                    <input type="radio" name="match" value="any" defaultChecked={query.match === "any"} /> any
                    of
                  </label>
                </div>
                {[
                  ["Preconditions", preconditions],
                  ["Outcomes", outcomes],
                ].map(([heading, codes]) => (
                  <div key={heading as string} className="facet-group">
                    <p className="facet-heading">{heading as string}</p>
                    {(codes as typeof preconditions).map((code) => (
                      <label key={code.id} className="facet">
                        <input
                          type="checkbox"
                          name="code"
                          value={code.id}
                          defaultChecked={query.code.includes(code.id)}
                        />
                        <span
                          className="swatch"
                          style={{ ["--tag-color" as string]: code.color }}
                          aria-hidden="true"
                        />
                        {code.label} <span className="count">{code.count}</span>
                      </label>
                    ))}
                  </div>
                ))}
              </fieldset>
              <fieldset>
                <legend>Author</legend>
                <label htmlFor="library-author" className="visually-hidden">
                  Author
                </label>
                <select id="library-author" name="author" defaultValue={query.author}>
                  <option value="">Anyone</option>
                  {facets.authors.map((author) => (
                    <option key={author.id} value={author.id}>
                      {author.name} ({author.count})
                    </option>
                  ))}
                </select>
              </fieldset>
              <noscript>
                <button type="submit" className="button">
                  Apply filters
                </button>
              </noscript>
              {filtered ? (
                <Link to={`/w/${workspaceId}/cases`} className="clear-filters">
                  Clear search and filters
                </Link>
              ) : null}
            </details>
            <section
              className="library-results"
              aria-labelledby="results-heading"
              aria-busy={navigation.state === "loading"}
            >
              <div className="results-bar">
                <h2 id="results-heading" aria-live="polite">
                  {matched === total && !filtered ? `${total} cases` : `${matched} of ${total} cases`}
                  {pageCount > 1
                    ? ` · ${(page - 1) * pageSize + 1}–${(page - 1) * pageSize + results.length} shown`
                    : null}
                </h2>
                <label className="sort">
                  Sort by{" "}
                  <select name="sort" defaultValue={sort}>
                    {SORTS.filter(([value]) => value !== "relevance" || query.q).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {results.length === 0 ? (
                <div className="empty-state">
                  <p>
                    <strong>No case matches.</strong>
                  </p>
                  <p>
                    Try fewer words or filters, or <Link to={`/w/${workspaceId}/cases`}>clear them all</Link>.
                  </p>
                </div>
              ) : (
                <ul className="case-results">
                  {results.map((item) => (
                    <li key={item.id} className="case-result">
                      <label className="compare-pick">
                        <input
                          type="checkbox"
                          form="compare-form"
                          name="case"
                          value={item.id}
                          checked={selected.includes(item.id)}
                          onChange={() => toggle(item.id)}
                          disabled={!selected.includes(item.id) && selected.length >= 4}
                        />
                        <span className="visually-hidden">Compare {item.title}</span>
                      </label>
                      <div className="case-result-main">
                        <Link to={`/w/${workspaceId}/cases/${item.id}`} className="case-title-link">
                          {item.title}
                        </Link>
                        <p className="case-result-meta">
                          <StatusBadge status={item.status} />{" "}
                          {item.confidential ? (
                            <>
                              <ConfidentialBadge />{" "}
                            </>
                          ) : null}
                          {item.regions.join(", ")} · {formatPeriod(item)} · by {item.createdByName} · updated{" "}
                          <RelativeDate date={item.updatedAt} />
                        </p>
                        {item.snippet ? (
                          <Snippet text={item.snippet} />
                        ) : item.summary ? (
                          <p className="case-summary" dir="auto">
                            {item.summary}
                          </p>
                        ) : null}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {pageCount > 1 ? (
                <nav aria-label="Pages of results" className="pager">
                  {page > 1 ? <Link to={pageLink(page - 1)}>← Previous</Link> : <span />}
                  <span className="muted">
                    Page {page} of {pageCount}
                  </span>
                  {page < pageCount ? <Link to={pageLink(page + 1)}>Next →</Link> : <span />}
                </nav>
              ) : null}
            </section>
          </div>
        </Form>
      )}
      {total > 0 ? (
        <form
          id="compare-form"
          method="get"
          action={`/w/${workspaceId}/compare`}
          className={`compare-bar${selected.length ? " compare-bar-active" : ""}`}
        >
          <span aria-live="polite">
            {selected.length === 0
              ? "Tick 2 to 4 cases to compare them side by side."
              : selected.length === 1
                ? "1 case selected: tick at least one more."
                : `${selected.length} cases selected`}
          </span>
          <button
            type="submit"
            className="button"
            disabled={selected.length > 0 && (selected.length < 2 || selected.length > 4)}
          >
            Compare side by side
          </button>
        </form>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
