import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/case-bits";
import { TimeAgo } from "~/components/review/time-ago";
import { listMyReviews } from "~/models/reviews.server";
import { requireWorkspaceMember } from "~/utils/guards.server";

export const meta: MetaFunction = () => [{ title: "My reviews · Mediation Casebook" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  return { workspaceId: member.workspaceId, now: new Date(), ...listMyReviews(member) };
}

const quote = (anchor: { exact: string }) =>
  anchor.exact.length > 90 ? `“${anchor.exact.slice(0, 90)}…”` : `“${anchor.exact}”`;

export default function MyReviews() {
  const { workspaceId, now, waiting, submitted, mentions, replies, canApprove, isOwner } =
    useLoaderData<typeof loader>();
  const caseUrl = (caseId: string) => `/w/${workspaceId}/cases/${caseId}`;
  return (
    <main id="main" className="page my-reviews">
      <h1>My reviews</h1>
      <p className="muted">
        What waits for you in this workspace: cases waiting longest come first, threads with the newest
        comments first.
      </p>

      {canApprove ? (
        <section className="card review-section" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">
            Waiting for your review <span className="count">{waiting.length}</span>
          </h2>
          {isOwner ? (
            <p className="muted">
              As an owner you may decide on every case in review; those you were not asked to review are
              marked.
            </p>
          ) : null}
          {waiting.length === 0 ? (
            <p className="empty-state">
              No case is waiting for your review. When an editor submits a case to you, it appears here and in
              your notifications.
            </p>
          ) : (
            <ul className="review-list">
              {waiting.map((item) => (
                <li key={item.caseId}>
                  <Link to={`${caseUrl(item.caseId)}/review`} className="review-list-title">
                    {item.title}
                  </Link>
                  {item.nobodyAsked ? (
                    <span className="tag-label">No reviewer picked</span>
                  ) : item.askedMe ? null : (
                    <span className="tag-label">Not asked: owner</span>
                  )}
                  <p className="muted">
                    Submitted by {item.submittedByName} <TimeAgo date={item.submittedAt} now={now} />{" "}
                    (revision {item.submittedRevision}
                    {item.revision !== item.submittedRevision ? `, now ${item.revision}` : ""})
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
            Your submissions <span className="count">{submitted.length}</span>
          </h2>
          <ul className="review-list">
            {submitted.map((item) => (
              <li key={item.caseId}>
                <Link to={`${caseUrl(item.caseId)}/review`} className="review-list-title">
                  {item.title}
                </Link>{" "}
                <StatusBadge status={item.status} />
                <p className="muted">
                  Submitted <TimeAgo date={item.submittedAt} now={now} />
                  {item.status === "changes_requested" ? " · read the note, make the changes, resubmit" : ""}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="card review-section" aria-labelledby="mentions-heading">
        <h2 id="mentions-heading">
          Threads that mention you <span className="count">{mentions.length}</span>
        </h2>
        {mentions.length === 0 ? (
          <p className="empty-state">
            Nobody has mentioned you in a comment yet. Colleagues mention you by typing @ and your name in a
            thread on a passage.
          </p>
        ) : (
          <ul className="review-list">
            {mentions.map((item) => (
              <li key={item.threadId}>
                <Link to={`${caseUrl(item.caseId)}#thread-${item.threadId}`} className="review-list-title">
                  {item.title}
                </Link>
                {item.threadStatus === "resolved" ? <span className="tag-label">Resolved</span> : null}
                <p className="review-list-message">{quote(item.anchor)}</p>
                <p className="muted">
                  {item.mentionedByName} mentioned you <TimeAgo date={item.mentionedAt} now={now} />
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="card review-section" aria-labelledby="replies-heading">
        <h2 id="replies-heading">
          New replies on your cases <span className="count">{replies.length}</span>
        </h2>
        {replies.length === 0 ? (
          <p className="empty-state">
            No unanswered replies. Threads on cases you created or submitted show here when someone writes
            after your last comment.
          </p>
        ) : (
          <ul className="review-list">
            {replies.map((item) => (
              <li key={item.threadId}>
                <Link to={`${caseUrl(item.caseId)}#thread-${item.threadId}`} className="review-list-title">
                  {item.title}
                </Link>
                {item.threadStatus === "resolved" ? <span className="tag-label">Resolved</span> : null}
                <p className="review-list-message">{quote(item.anchor)}</p>
                <p className="muted">
                  {item.newReplies} new {item.newReplies === 1 ? "reply" : "replies"}, latest{" "}
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
