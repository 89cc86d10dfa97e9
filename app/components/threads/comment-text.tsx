import { commentSegments, type Person } from "~/models/comment-text";

const LINK_REL = "noopener noreferrer nofollow";

/** A comment as typed, with its web addresses as links and its mentions in bold; React escapes the rest. */
export function CommentText({ body, mentions }: { body: string; mentions: Person[] }) {
  return (
    <p className="comment-text">
      {commentSegments(body, mentions).map((segment, index) => {
        const key = `${index}-${segment.kind}`;
        if (segment.kind === "link")
          return (
            <a key={key} href={segment.href} rel={LINK_REL} target="_blank">
              {segment.text}
            </a>
          );
        if (segment.kind === "mention")
          return (
            <strong key={key} className="mention">
              {segment.text}
            </strong>
          );
        return <span key={key}>{segment.text}</span>;
      })}
    </p>
  );
}

// One formatter for every comment (toLocaleString builds a new one per call).
const COMMENT_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** Date and time in one fixed format and zone, so the server and browser renders agree. */
export function CommentTime({ date }: { date: string | Date }) {
  const value = new Date(date);
  const text = COMMENT_TIME.format(value);
  return <time dateTime={value.toISOString()}>{text} UTC</time>;
}
