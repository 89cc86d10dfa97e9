import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/case-labels";
import { TimeAgo } from "~/components/review/time-ago";
import { listMyReviews } from "~/models/my-reviews.server";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  return {
    workspaceId: member.workspaceId,
    now: new Date(),
    ...listMyReviews(member),
    pageTitle: await getPageTitle(request, "review.mine.metaTitle"),
  };
}

const excerpt = (anchor: { exact: string }) =>
  anchor.exact.length > 90 ? `${anchor.exact.slice(0, 90)}…` : anchor.exact;

export default function MyReviews() {
  const { t } = useTranslation();
  const quote = (anchor: { exact: string }) => t("review.mine.quoted", { text: excerpt(anchor) });
  const { workspaceId, now, waiting, submitted, mentions, replies, canApprove, isOwner } =
    useLoaderData<typeof loader>();
  const caseUrl = (caseId: string) => `/w/${workspaceId}/cases/${caseId}`;
  return (
    <main id="main" className="page my-reviews">
      <h1>{t("review.mine.title")}</h1>
      <p className="muted">{t("review.mine.intro")}</p>

      {canApprove ? (
        <section className="card review-section" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">
            {t("review.mine.waiting")} <span className="count">{waiting.length}</span>
          </h2>
          {isOwner ? <p className="muted">{t("review.mine.ownerNote")}</p> : null}
          {waiting.length === 0 ? (
            <p className="empty-state">{t("review.mine.waitingEmpty")}</p>
          ) : (
            <ul className="review-list">
              {waiting.map((item) => (
                <li key={item.caseId}>
                  <Link to={`${caseUrl(item.caseId)}/review`} className="review-list-title">
                    {item.title}
                  </Link>
                  {item.nobodyAsked ? (
                    <span className="tag-label">{t("review.mine.noReviewerPicked")}</span>
                  ) : item.askedMe ? null : (
                    <span className="tag-label">{t("review.mine.notAsked")}</span>
                  )}
                  <p className="muted">
                    {t("review.mine.submittedBy", { name: item.submittedByName })}
                    <TimeAgo date={item.submittedAt} now={now} />{" "}
                    {item.revision !== item.submittedRevision
                      ? t("review.mine.revisionNow", {
                          revision: item.submittedRevision,
                          current: item.revision,
                        })
                      : t("review.mine.revision", { revision: item.submittedRevision })}
                  </p>
                  {item.message ? <p className="review-list-message">{item.message}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {submitted.length > 0 ? (
        <section className="card review-section" aria-labelledby="submitted-heading">
          <h2 id="submitted-heading">
            {t("review.mine.submissions")} <span className="count">{submitted.length}</span>
          </h2>
          <ul className="review-list">
            {submitted.map((item) => (
              <li key={item.caseId}>
                <Link to={`${caseUrl(item.caseId)}/review`} className="review-list-title">
                  {item.title}
                </Link>{" "}
                <StatusBadge status={item.status} />
                <p className="muted">
                  {t("review.mine.submitted")}
                  <TimeAgo date={item.submittedAt} now={now} />
                  {item.status === "changes_requested" ? t("review.mine.readTheNote") : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <ThreadList
        id="mentions-heading"
        heading={t("review.mine.mentions")}
        empty={t("review.mine.mentionsEmpty")}
        items={mentions}
        caseUrl={caseUrl}
        quote={quote}
        when={(item) => (
          <>
            {t("review.mine.mentionedYou", { name: item.mentionedByName })}
            <TimeAgo date={item.mentionedAt} now={now} />
          </>
        )}
      />
      <ThreadList
        id="replies-heading"
        heading={t("review.mine.replies")}
        empty={t("review.mine.repliesEmpty")}
        items={replies}
        caseUrl={caseUrl}
        quote={quote}
        when={(item) => (
          <>
            {t("review.mine.newReplies", { count: item.newReplies })}
            <TimeAgo date={item.latestReplyAt} now={now} />
          </>
        )}
      />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";

type ThreadItem = {
  threadId: string;
  caseId: string;
  title: string;
  threadStatus: string;
  anchor: { exact: string };
};

/** Threads that call for this member: where they were mentioned, or where replies came. */
function ThreadList<T extends ThreadItem>(props: {
  id: string;
  heading: string;
  empty: string;
  items: T[];
  caseUrl: (caseId: string) => string;
  quote: (anchor: { exact: string }) => string;
  when: (item: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section className="card review-section" aria-labelledby={props.id}>
      <h2 id={props.id}>
        {props.heading} <span className="count">{props.items.length}</span>
      </h2>
      {props.items.length === 0 ? (
        <p className="empty-state">{props.empty}</p>
      ) : (
        <ul className="review-list">
          {props.items.map((item) => (
            <li key={item.threadId}>
              <Link
                to={`${props.caseUrl(item.caseId)}#thread-${item.threadId}`}
                className="review-list-title"
              >
                {item.title}
              </Link>
              {item.threadStatus === "resolved" ? (
                <span className="tag-label">{t("review.mine.resolved")}</span>
              ) : null}
              <p className="review-list-message">{props.quote(item.anchor)}</p>
              <p className="muted">{props.when(item)}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
