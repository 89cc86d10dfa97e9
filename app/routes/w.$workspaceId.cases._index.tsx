import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfidentialBadge, RelativeDate, StatusBadge, usePeriod } from "~/components/case-labels";
import {
  CodeResults,
  DiscussionResults,
  OtherKinds,
  QueryNote,
  SearchHelp,
} from "~/components/library/search-results";
import { Snippet } from "~/components/library/snippet";
import { searchLibrary } from "~/models/library.server";
import { parseLibraryQuery } from "~/queries/library";
import { SEARCH_MAX } from "~/rules/limits";
import libraryStyles from "~/styles/library.css?url";
import { useFormat } from "~/utils/format";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions.server";

export const links = () => [{ rel: "stylesheet", href: libraryStyles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const { query, problems } = parseLibraryQuery(new URL(request.url).searchParams);
  // Only this page's cases go to the browser; the ids of every match are for the matrix.
  const { matchedIds, ...library } = searchLibrary(member, query);
  return {
    pageTitle: await getPageTitle(request, "cases.list.metaTitle"),
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    canCreate: can(member, "case.create"),
    query,
    problems,
    matched: matchedIds.length,
    ...library,
  };
}

const SORTS = ["relevance", "updated", "title", "period"] as const;

export default function CaseLibrary() {
  const { t } = useTranslation();
  const tm = useMessage();
  const format = useFormat();
  const period = usePeriod();
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
    linkedFrom,
    search,
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
    query.author !== "" ||
    query.actor.length > 0 ||
    query.mediator.length > 0 ||
    query.linked !== "";
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
          <h1>{t("cases.list.title")}</h1>
        </div>
        {canCreate ? (
          <div className="actions">
            <Link to={`/w/${workspaceId}/import/word`} className="button button-secondary">
              {t("cases.importWord.link")}
            </Link>
            <Link to={`/w/${workspaceId}/cases/new`} className="button">
              {t("cases.list.newCase")}
            </Link>
          </div>
        ) : null}
      </div>
      {total === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("cases.list.emptyTitle")}</strong>
          </p>
          {canCreate ? (
            <p>
              {t("cases.list.emptyCreatePrompt")}
              <Link to={`/w/${workspaceId}/cases/new`}>{t("cases.list.emptyCreateLink")}</Link>
              {t("cases.list.emptyCreateRest")}
            </p>
          ) : (
            <p>{t("cases.list.emptyReader")}</p>
          )}
        </div>
      ) : (
        <Form
          method="get"
          className="library"
          onChange={autoSubmit}
          role="search"
          aria-label={t("cases.list.findCases")}
        >
          <div className="library-search">
            <label htmlFor="library-q" className="visually-hidden">
              {t("cases.list.searchLabel")}
            </label>
            <input
              id="library-q"
              type="search"
              name="q"
              defaultValue={query.q}
              placeholder={t("cases.list.searchPlaceholder")}
              maxLength={SEARCH_MAX}
            />
            <button type="submit" className="button">
              {t("cases.list.search")}
            </button>
          </div>
          <QueryNote problem={search.problem} />
          <SearchHelp workspaceId={workspaceId} />
          {problems.length ? (
            <p className="form-error" role="alert">
              {problems.map((problem) => tm(problem)).join(" ")}
            </p>
          ) : null}
          {query.linked ? (
            <p className="notice linked-notice">
              {linkedFrom ? (
                <>
                  {t("cases.list.linkedTo")}{" "}
                  <Link to={`/w/${workspaceId}/cases/${linkedFrom.id}`}>{linkedFrom.title}</Link>
                </>
              ) : (
                t("cases.list.linkedGone")
              )}{" "}
              · <Link to={`/w/${workspaceId}/cases`}>{t("cases.list.showAll")}</Link>
            </p>
          ) : null}
          <div className="library-layout">
            <details className="library-filters" open>
              <summary>{t("cases.list.filters")}</summary>
              <fieldset>
                <legend>{t("cases.list.region")}</legend>
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
                <legend>{t("cases.list.period")}</legend>
                <div className="period-filter">
                  <label>
                    {t("cases.list.periodFrom")}{" "}
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
                    {t("cases.list.periodTo")}{" "}
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
                <legend>{t("cases.list.status")}</legend>
                {facets.statuses.map((facet) => (
                  <label key={facet.value} className="facet">
                    <input
                      type="checkbox"
                      name="status"
                      value={facet.value}
                      defaultChecked={query.status.includes(facet.value)}
                    />
                    {t(`cases.status.${facet.value}`)} <span className="count">{facet.count}</span>
                  </label>
                ))}
              </fieldset>
              <fieldset>
                <legend>{t("cases.list.codes")}</legend>
                <div className="match-toggle">
                  <label>
                    <input type="radio" name="match" value="all" defaultChecked={query.match === "all"} />{" "}
                    {t("cases.list.matchAll")}
                  </label>
                  <label>
                    <input type="radio" name="match" value="any" defaultChecked={query.match === "any"} />{" "}
                    {t("cases.list.matchAny")}
                  </label>
                </div>
                {[
                  [t("cases.list.preconditions"), preconditions],
                  [t("cases.list.outcomes"), outcomes],
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
                <legend>{t("cases.list.author")}</legend>
                <label htmlFor="library-author" className="visually-hidden">
                  {t("cases.list.author")}
                </label>
                <select id="library-author" name="author" defaultValue={query.author}>
                  <option value="">{t("cases.list.anyone")}</option>
                  {facets.authors.map((author) => (
                    <option key={author.id} value={author.id}>
                      {author.name || t("common.formerMember")} ({author.count})
                    </option>
                  ))}
                </select>
              </fieldset>
              {(
                [
                  ["actor", t("cases.list.actorFacet"), facets.actors, query.actor],
                  ["mediator", t("cases.list.mediatorFacet"), facets.mediators, query.mediator],
                ] as const
              ).map(([name, legend, entries, chosen]) =>
                entries.length ? (
                  <fieldset key={name}>
                    <legend>{legend}</legend>
                    <label htmlFor={`library-${name}`} className="visually-hidden">
                      {legend}
                    </label>
                    <select id={`library-${name}`} name={name} defaultValue={chosen[0] ?? ""}>
                      <option value="">{t("cases.list.anyEntry")}</option>
                      {entries.map((entry) => (
                        <option key={entry.id} value={entry.id}>
                          {entry.name} ({entry.count})
                        </option>
                      ))}
                    </select>
                  </fieldset>
                ) : null,
              )}
              {query.linked ? <input type="hidden" name="linked" value={query.linked} /> : null}
              <noscript>
                <button type="submit" className="button">
                  {t("cases.list.applyFilters")}
                </button>
              </noscript>
              {filtered ? (
                <Link to={`/w/${workspaceId}/cases`} className="clear-filters">
                  {t("cases.list.clearFilters")}
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
                  {matched === total && !filtered
                    ? t("cases.list.total", { count: total, n: format.number(total) })
                    : t("cases.list.matched", {
                        count: total,
                        n: format.number(matched),
                        total: format.number(total),
                      })}
                  {pageCount > 1
                    ? t("cases.list.shown", {
                        from: format.number((page - 1) * pageSize + 1),
                        to: format.number((page - 1) * pageSize + results.length),
                      })
                    : null}
                </h2>
                <Link to={`/w/${workspaceId}/timeline${location.search}`} className="timeline-link-button">
                  {t("cases.list.onTimeline")}
                </Link>
                <label className="sort">
                  {t("cases.list.sortBy")}{" "}
                  <select name="sort" defaultValue={sort}>
                    {SORTS.filter((value) => value !== "relevance" || query.q).map((value) => (
                      <option key={value} value={value}>
                        {t(`cases.list.sort.${value}`)}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <OtherKinds search={search} />
              <CodeResults codes={search.codes} workspaceId={workspaceId} />
              {results.length === 0 ? (
                <div className="empty-state">
                  <p>
                    <strong>{t("cases.list.noMatchTitle")}</strong>
                  </p>
                  <p>
                    {t("cases.list.noMatchPrompt")}
                    <Link to={`/w/${workspaceId}/cases`}>{t("cases.list.noMatchLink")}</Link>
                    {t("cases.list.noMatchRest")}
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
                        <span className="visually-hidden">
                          {t("cases.list.compareCase", { title: item.title })}
                        </span>
                      </label>
                      <div className="case-result-main">
                        <Link
                          to={`/w/${workspaceId}/cases/${item.id}`}
                          className="case-title-link"
                          lang={item.language}
                        >
                          {item.title}
                        </Link>
                        <p className="case-result-meta">
                          <StatusBadge status={item.status} />{" "}
                          {item.confidential ? (
                            <>
                              <ConfidentialBadge />{" "}
                            </>
                          ) : null}
                          {item.regions.join(", ")} ·{" "}
                          {t("cases.list.meta", {
                            period: period(item),
                            author: item.createdByName || t("common.formerMember"),
                          })}
                          <RelativeDate date={item.updatedAt} />
                        </p>
                        {item.snippet ? (
                          <Snippet text={item.snippet} lang={item.language} />
                        ) : item.summary ? (
                          <p className="case-summary" dir="auto" lang={item.language}>
                            {item.summary}
                          </p>
                        ) : null}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {pageCount > 1 ? (
                <nav aria-label={t("cases.list.pages")} className="pager">
                  {page > 1 ? <Link to={pageLink(page - 1)}>{t("cases.list.previous")}</Link> : <span />}
                  <span className="muted">
                    {t("cases.list.pageOf", { page: format.number(page), pages: format.number(pageCount) })}
                  </span>
                  {page < pageCount ? <Link to={pageLink(page + 1)}>{t("cases.list.next")}</Link> : <span />}
                </nav>
              ) : null}
              <DiscussionResults discussions={search.discussions} workspaceId={workspaceId} />
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
              ? t("cases.list.compareHint")
              : selected.length === 1
                ? t("cases.list.compareOne")
                : t("cases.list.compareSelected", { count: selected.length })}
          </span>
          <button
            type="submit"
            className="button"
            disabled={selected.length > 0 && (selected.length < 2 || selected.length > 4)}
          >
            {t("cases.list.compare")}
          </button>
        </form>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
