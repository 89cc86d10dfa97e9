// What the library shows around its case list when a search ran: how to write a query, how the query
// was read, and the results of other kinds (codes, discussions), each with its snippet.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Snippet } from "~/components/library/snippet";
import type { searchLibrary } from "~/models/library.server";
import { MAX_QUERY_WORDS } from "~/models/search/query";
import { useFormat } from "~/utils/format";

type SearchData = ReturnType<typeof searchLibrary>["search"];

const EXAMPLES = ["phrase", "or", "exclude", "prefix", "group"] as const;

/** The query syntax in a few lines, next to the search box. */
export function SearchHelp({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  return (
    <details className="search-help">
      <summary>{t("search.help.summary")}</summary>
      <p>{t("search.help.intro")}</p>
      <dl>
        {EXAMPLES.map((key) => (
          <div key={key}>
            <dt>
              <code>{t(`search.help.examples.${key}`)}</code>
            </dt>
            <dd>{t(`search.help.${key}`)}</dd>
          </div>
        ))}
      </dl>
      <p>
        {t("search.help.variantsBefore")}
        <Link to={`/w/${workspaceId}/variants`}>{t("search.help.variantsLink")}</Link>
        {t("search.help.variantsAfter")}
      </p>
    </details>
  );
}

/** Why the query was searched as plain words, when it was. */
export function QueryNote({ problem }: { problem: SearchData["problem"] }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p className="query-note" role="status">
      {t(`search.problem.${problem}`, { max: MAX_QUERY_WORDS })}
    </p>
  );
}

/** "Also: 2 codes · 3 discussions", linking to their groups below. */
export function OtherKinds({ search }: { search: SearchData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const kinds = [
    search.codes.length
      ? {
          href: "#code-results",
          text: t("search.groups.codes", {
            count: search.codes.length,
            n: format.number(search.codes.length),
          }),
        }
      : null,
    search.discussions.total
      ? {
          href: "#discussion-results",
          text: t("search.groups.discussions", {
            count: search.discussions.total,
            n: format.number(search.discussions.total),
          }),
        }
      : null,
  ].filter((kind) => kind !== null);
  if (kinds.length === 0) return null;
  return (
    <nav className="other-kinds" aria-label={t("search.groups.label")}>
      {kinds.map((kind, index) => (
        <span key={kind.href}>
          {index > 0 ? " · " : null}
          <a href={kind.href}>{kind.text}</a>
        </span>
      ))}
    </nav>
  );
}

export function CodeResults({ codes, workspaceId }: { codes: SearchData["codes"]; workspaceId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (codes.length === 0) return null;
  return (
    <section className="search-group" aria-labelledby="code-results">
      <h3 id="code-results">
        {t("search.groups.codes", { count: codes.length, n: format.number(codes.length) })}
      </h3>
      <ul className="group-results">
        {codes.map((code) => (
          <li key={code.id}>
            <p className="group-result-title">
              <span className="swatch" style={{ ["--tag-color" as string]: code.color }} aria-hidden="true" />
              <Link to={`/w/${workspaceId}/codebook/${code.id}`}>{code.label}</Link>{" "}
              <span className="muted">· {t(`search.groups.${code.kind}`)}</span>
            </p>
            {code.snippet ? <Snippet text={code.snippet} /> : null}
            <p className="group-result-meta">
              {code.caseCount === 0 ? (
                t("search.groups.codeNoCase")
              ) : (
                <>
                  {t("search.groups.codeCases", { count: code.caseCount, n: format.number(code.caseCount) })}{" "}
                  {code.cases.map((item, index) => (
                    <span key={item.id}>
                      {index > 0 ? ", " : null}
                      <Link to={`/w/${workspaceId}/cases/${item.id}`} lang={item.language}>
                        {item.title}
                      </Link>
                    </span>
                  ))}
                  {code.caseCount > code.cases.length ? (
                    <>
                      {" · "}
                      <Link to={`/w/${workspaceId}/cases?code=${code.id}`}>
                        {t("search.groups.codeAllCases")}
                      </Link>
                    </>
                  ) : null}
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function DiscussionResults({
  discussions,
  workspaceId,
}: {
  discussions: SearchData["discussions"];
  workspaceId: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  if (discussions.total === 0) return null;
  return (
    <section className="search-group" aria-labelledby="discussion-results">
      <h3 id="discussion-results">
        {t("search.groups.discussions", { count: discussions.total, n: format.number(discussions.total) })}
      </h3>
      <ul className="group-results">
        {discussions.threads.map((thread) => (
          <li key={thread.threadId}>
            <p className="group-result-title">
              <Link
                to={`/w/${workspaceId}/cases/${thread.caseId}#thread-${thread.threadId}`}
                lang={thread.caseLanguage}
              >
                {t("search.groups.threadOn", { quote: thread.quote })}
              </Link>{" "}
              <span className="muted">
                {t("search.groups.inCase")} <span lang={thread.caseLanguage}>{thread.caseTitle}</span> ·{" "}
                {t(`search.groups.${thread.status}`)}
              </span>
            </p>
            {thread.comments.map((comment) => (
              <div key={comment.id} className="group-comment">
                {comment.snippet ? <Snippet text={comment.snippet} /> : null}
                <p className="group-result-meta">
                  {t("search.groups.commentBy", {
                    author: comment.authorName || t("search.groups.formerMember"),
                    date: format.date(comment.createdAt),
                  })}
                </p>
              </div>
            ))}
            {thread.more ? (
              <p className="group-result-meta">{t("search.groups.moreComments", { count: thread.more })}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {discussions.total > discussions.threads.length ? (
        <p className="group-result-meta">
          {t("search.groups.moreDiscussions", {
            shown: format.number(discussions.threads.length),
            total: format.number(discussions.total),
          })}
        </p>
      ) : null}
    </section>
  );
}
