import { Link, useFetcher } from "@remix-run/react";
import { TimeAgo } from "~/components/review/time-ago";

export type NotificationEntry = {
  id: number;
  kind: "mentioned" | "review_requested" | "review_done" | "reply";
  caseId: string | null;
  threadId: string | null;
  detail: Record<string, unknown>;
  createdAt: Date | string;
  readAt: Date | string | null;
  actorName: string | null;
  caseTitle: string;
};

const excerpt = (value: unknown, max = 200) => {
  const text = typeof value === "string" ? value.trim() : "";
  return text.length > max ? `${text.slice(0, max)}…` : text;
};

function sentence(entry: NotificationEntry) {
  const decision = entry.detail.decision;
  const revision = typeof entry.detail.revision === "number" ? ` (revision ${entry.detail.revision})` : "";
  switch (entry.kind) {
    case "review_requested":
      return { verb: "asked you to review", after: revision, quote: excerpt(entry.detail.message) };
    case "review_done":
      if (decision === "approved")
        return { verb: "approved", after: revision, quote: excerpt(entry.detail.note) };
      if (decision === "withdrawn") return { verb: "withdrew from review", after: "", quote: "" };
      return { verb: "requested changes to", after: "", quote: excerpt(entry.detail.note) };
    case "mentioned":
      return { verb: "mentioned you in a comment on", after: "", quote: excerpt(entry.detail.excerpt) };
    case "reply":
      return { verb: "replied to a thread on", after: "", quote: excerpt(entry.detail.excerpt) };
  }
}

/** One notification: who did what on which case, a link there, and "Mark read" while it is unread. */
export function NotificationItem({
  entry,
  workspaceId,
  now,
}: {
  entry: NotificationEntry;
  workspaceId: string;
  now: Date | string;
}) {
  const fetcher = useFetcher();
  // Shown read as soon as the click is sent; the list reloads with the server's answer.
  const unread = entry.readAt === null && fetcher.state === "idle" && !fetcher.data;
  const caseUrl = entry.caseId ? `/w/${workspaceId}/cases/${entry.caseId}` : null;
  const target = caseUrl && entry.threadId ? `${caseUrl}#thread-${entry.threadId}` : caseUrl;
  const words = sentence(entry);
  const isReview = entry.kind === "review_requested" || entry.kind === "review_done";
  return (
    <li className={`notification${unread ? " notification-unread" : ""}`}>
      <div className="notification-text">
        <p>
          {unread ? <span className="visually-hidden">Unread: </span> : null}
          <span className="notification-actor">{entry.actorName ?? "Someone"}</span> {words.verb}{" "}
          {target ? <Link to={target}>{entry.caseTitle || "a case"}</Link> : "a case"}
          {words.after}
        </p>
        {words.quote ? <blockquote className="review-note">{words.quote}</blockquote> : null}
        <p className="notification-meta muted">
          <TimeAgo date={entry.createdAt} now={now} />
          {isReview && caseUrl ? (
            <>
              {" · "}
              <Link to={`${caseUrl}/review`}>
                Open the review <span className="visually-hidden">of {entry.caseTitle}</span>
              </Link>
            </>
          ) : null}
        </p>
      </div>
      {unread ? (
        <fetcher.Form method="post">
          <input type="hidden" name="intent" value="read" />
          <input type="hidden" name="id" value={entry.id} />
          <button type="submit" className="button button-secondary button-small">
            Mark read
          </button>
        </fetcher.Form>
      ) : null}
    </li>
  );
}
