import { useTranslation } from "react-i18next";
import { commentSegments, type Person } from "~/models/comment-text";
import { useFormat } from "~/utils/format";

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

/** Date and time in one fixed format and zone, so the server and browser renders agree. */
export function CommentTime({ date }: { date: string | Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = new Date(date);
  return (
    <time dateTime={value.toISOString()}>
      {format.dateTime(value)} {t("common.utc")}
    </time>
  );
}
