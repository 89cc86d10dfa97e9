import { TimeAgo } from "~/components/review/time-ago";

export type ActivityEntry = {
  id: number;
  kind:
    | "created"
    | "saved"
    | "fields_edited"
    | "tagged"
    | "commented"
    | "submitted"
    | "approved"
    | "changes_requested"
    | "restored";
  detail: Record<string, unknown>;
  at: Date | string;
  actorName: string | null;
  reviewerNames: string[];
  codeLabels: string[];
};

function list(items: string[], max = 3) {
  if (items.length === 0) return "";
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest} more`;
  if (shown.length === 1) return shown[0];
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}

const num = (value: unknown) => (typeof value === "number" ? value : null);
const str = (value: unknown) => (typeof value === "string" ? value : "");

/** The entry in words: "saved (12 times)", "submitted revision 5 for review to Rokia Reviewer". */
export function activityInWords(entry: ActivityEntry): { text: string; note: string } {
  const d = entry.detail;
  const revision = num(d.revision);
  switch (entry.kind) {
    case "created":
      return { text: "created the case", note: "" };
    case "saved": {
      const count = num(d.count) ?? 1;
      const upTo = revision ? `, up to revision ${revision}` : "";
      return {
        text:
          count > 1
            ? `saved the text (${count} times${upTo})`
            : `saved the text${upTo ? ` (revision ${revision})` : ""}`,
        note: "",
      };
    }
    case "fields_edited":
      return { text: `edited the details${revision ? ` (revision ${revision})` : ""}`, note: "" };
    case "tagged":
      return { text: `tagged ${list(entry.codeLabels) || "passages"}`, note: "" };
    case "commented":
      return { text: d.reply ? "replied in a thread" : "commented on a passage", note: str(d.excerpt) };
    case "submitted":
      if (d.withdrawn) return { text: "withdrew the case from review", note: "" };
      return {
        text: `submitted ${revision ? `revision ${revision} ` : ""}for review to ${list(entry.reviewerNames, 5) || "the reviewers"}`,
        note: str(d.message),
      };
    case "approved": {
      const submitted = num(d.submittedRevision);
      const edited =
        submitted && revision && submitted !== revision ? ` (submitted as revision ${submitted})` : "";
      return { text: `approved revision ${revision ?? "?"}${edited}`, note: str(d.note) };
    }
    case "changes_requested":
      return { text: "requested changes", note: str(d.note) };
    case "restored": {
      const from = num(d.from) ?? num(d.number);
      return { text: from ? `restored revision ${from}` : "restored an earlier revision", note: "" };
    }
  }
}

export function ActivityTimeline({ entries, now }: { entries: ActivityEntry[]; now: Date | string }) {
  return (
    <ol className="activity-timeline">
      {entries.map((entry) => {
        const words = activityInWords(entry);
        return (
          <li key={entry.id} className={`activity activity-${entry.kind}`}>
            <p>
              <strong>{entry.actorName ?? "Someone"}</strong> {words.text}
              {words.note && entry.kind === "changes_requested" ? ":" : ""}
            </p>
            {words.note ? <blockquote className="review-note">{words.note}</blockquote> : null}
            <p className="muted activity-when">
              <TimeAgo date={entry.at} now={now} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
