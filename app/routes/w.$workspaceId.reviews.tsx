import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/case-bits";
import { TimeAgo } from "~/components/review/time-ago";
import { listMyReviews } from "~/models/reviews.server";
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

      <section className="card review-section" aria-labelledby="mentions-heading">
        <h2 id="mentions-heading">
          {t("review.mine.mentions")} <span className="count">{mentions.length}</span>
        </h2>
        {mentions.length === 0 ? (
          <p className="empty-state">{t("review.mine.mentionsEmpty")}</p>
        ) : (
          <ul className="review-list">
            {mentions.map((item) => (
              <li key={item.threadId}>
                <Link to={`${caseUrl(item.caseId)}#thread-${item.threadId}`} className="review-list-title">
                  {item.title}
                </Link>
                {item.threadStatus === "resolved" ? (
                  <span className="tag-label">{t("review.mine.resolved")}</span>
                ) : null}
                <p className="review-list-message">{quote(item.anchor)}</p>
                <p className="muted">
                  {t("review.mine.mentionedYou", { name: item.mentionedByName })}
                  <TimeAgo date={item.mentionedAt} now={now} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card review-section" aria-labelledby="replies-heading">
        <h2 id="replies-heading">
          {t("review.mine.replies")} <span className="count">{replies.length}</span>
        </h2>
        {replies.length === 0 ? (
          <p className="empty-state">{t("review.mine.repliesEmpty")}</p>
        ) : (
          <ul className="review-list">
            {replies.map((item) => (
              <li key={item.threadId}>
                <Link to={`${caseUrl(item.caseId)}#thread-${item.threadId}`} className="review-list-title">
                  {item.title}
                </Link>
                {item.threadStatus === "resolved" ? (
                  <span className="tag-label">{t("review.mine.resolved")}</span>
                ) : null}
                <p className="review-list-message">{quote(item.anchor)}</p>
                <p className="muted">
                  {t("review.mine.newReplies", { count: item.newReplies })}
                  <TimeAgo date={item.latestReplyAt} now={now} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
