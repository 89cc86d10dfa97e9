import { Link, useFetcher } from "@remix-run/react";
import { useTranslation } from "react-i18next";
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

type Verb = "review_requested" | "approved" | "withdrawn" | "changes_requested" | "mentioned" | "reply";

/** Which verb, whether the revision is said, and the quoted text (words come from the catalogue). */
function sentence(entry: NotificationEntry): { verb: Verb; revision: number | null; quote: string } {
  const decision = entry.detail.decision;
  const revision = typeof entry.detail.revision === "number" ? entry.detail.revision : null;
  switch (entry.kind) {
    case "review_requested":
      return { verb: "review_requested", revision, quote: excerpt(entry.detail.message) };
    case "review_done":
      if (decision === "approved") return { verb: "approved", revision, quote: excerpt(entry.detail.note) };
      if (decision === "withdrawn") return { verb: "withdrawn", revision: null, quote: "" };
      return { verb: "changes_requested", revision: null, quote: excerpt(entry.detail.note) };
    case "mentioned":
      return { verb: "mentioned", revision: null, quote: excerpt(entry.detail.excerpt) };
    case "reply":
      return { verb: "reply", revision: null, quote: excerpt(entry.detail.excerpt) };
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
  const { t } = useTranslation();
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
          {unread ? <span className="visually-hidden">{t("notifications.item.unread")}</span> : null}
          <span className="notification-actor">
            {entry.actorName === ""
              ? t("common.formerMember")
              : (entry.actorName ?? t("notifications.item.someone"))}
          </span>{" "}
          {t(`notifications.item.verb.${words.verb}`)}{" "}
          {target ? (
            <Link to={target}>{entry.caseTitle || t("notifications.item.aCase")}</Link>
          ) : (
            t("notifications.item.aCase")
          )}
          {words.revision !== null ? t("notifications.item.revision", { revision: words.revision }) : null}
        </p>
        {words.quote ? <blockquote className="review-note">{words.quote}</blockquote> : null}
        <p className="notification-meta muted">
          <TimeAgo date={entry.createdAt} now={now} />
          {isReview && caseUrl ? (
            <>
              {" · "}
              <Link to={`${caseUrl}/review`}>
                {t("notifications.item.openReview")}
                <span className="visually-hidden">
                  {t("notifications.item.ofCase", { title: entry.caseTitle })}
                </span>
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
            {t("notifications.item.markRead")}
          </button>
        </fetcher.Form>
      ) : null}
    </li>
  );
}
