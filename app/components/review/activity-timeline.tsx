import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { TimeAgo } from "~/components/review/time-ago";
import type { ActivityKind, Locale } from "~/models/domain";
import { formatList } from "~/rules/locale";
import { useLocale } from "~/utils/format";

export type ActivityEntry = {
  id: number;
  kind: ActivityKind;
  detail: Record<string, unknown>;
  at: Date | string;
  actorName: string | null;
  /** null: a former member, a deleted code (named in the reader's language). */
  reviewerNames: Array<string | null>;
  codeLabels: Array<string | null>;
};

const num = (value: unknown) => (typeof value === "number" ? value : null);
const str = (value: unknown) => (typeof value === "string" ? value : "");

/** "A, B and 2 more" in the reader's language. */
function list(t: TFunction, locale: Locale, items: string[], max = 3) {
  if (items.length === 0) return "";
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  const parts = rest > 0 ? [...shown, t("activity.andMore", { count: rest })] : shown;
  return formatList(parts, locale);
}

/** The entry in words: "saved the text (12 times)", "submitted revision 5 for review to Rokia Reviewer". */
export function activityInWords(
  entry: ActivityEntry,
  t: TFunction,
  locale: Locale = "en",
): { text: string; note: string } {
  const d = entry.detail;
  const revision = num(d.revision);
  switch (entry.kind) {
    case "created":
      return { text: t("activity.created"), note: "" };
    case "saved": {
      const count = num(d.count) ?? 1;
      const text =
        count > 1
          ? revision
            ? t("activity.savedTimesUpTo", { count, revision })
            : t("activity.savedTimes", { count })
          : revision
            ? t("activity.savedRevision", { revision })
            : t("activity.saved");
      return { text, note: "" };
    }
    case "fields_edited":
      return {
        text: revision ? t("activity.fieldsEditedRevision", { revision }) : t("activity.fieldsEdited"),
        note: "",
      };
    case "events_edited": {
      const title = str(d.eventTitle);
      const change = d.change === "removed" ? "removed" : d.change === "edited" ? "edited" : "added";
      return { text: t(`activity.event.${change}`, { title, revision: revision ?? "" }), note: "" };
    }
    case "tagged": {
      const labels = entry.codeLabels.map((label) => label ?? t("activity.deletedCode"));
      return {
        text: labels.length
          ? t("activity.tagged", { codes: list(t, locale, labels) })
          : t("activity.taggedPassages"),
        note: "",
      };
    }
    case "commented":
      return { text: d.reply ? t("activity.replied") : t("activity.commented"), note: str(d.excerpt) };
    case "withdrawn":
      return { text: t("activity.withdrew"), note: "" };
    case "submitted": {
      // Before the "withdrawn" kind, a withdrawal was a "submitted" entry marked withdrawn.
      if (d.withdrawn) return { text: t("activity.withdrew"), note: "" };
      const names = entry.reviewerNames.map((name) => name ?? t("activity.formerMember"));
      const reviewers = list(t, locale, names, 5) || t("activity.theReviewers");
      return {
        text: revision
          ? t("activity.submittedRevision", { revision, reviewers })
          : t("activity.submitted", { reviewers }),
        note: str(d.message),
      };
    }
    case "approved": {
      const submitted = num(d.submittedRevision);
      const shown = revision ?? "?";
      return {
        text:
          submitted && revision && submitted !== revision
            ? t("activity.approvedEdited", { revision: shown, submitted })
            : t("activity.approved", { revision: shown }),
        note: str(d.note),
      };
    }
    case "changes_requested":
      return { text: t("activity.changesRequested"), note: str(d.note) };
    case "conditions_set": {
      const values = Array.isArray(d.values) ? d.values : [];
      const items = entry.codeLabels.map((label, i) => {
        const value: "present" | "absent" | "unknown" =
          values[i] === "present" ? "present" : values[i] === "absent" ? "absent" : "unknown";
        return t(`activity.conditionValue.${value}`, { code: label ?? t("activity.deletedCode") });
      });
      return { text: t("activity.conditionsSet", { values: list(t, locale, items, 4) }), note: "" };
    }
    case "restored": {
      const from = num(d.from) ?? num(d.number);
      return { text: from ? t("activity.restoredRevision", { from }) : t("activity.restored"), note: "" };
    }
  }
}

export function ActivityTimeline({ entries, now }: { entries: ActivityEntry[]; now: Date | string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ol className="activity-timeline">
      {entries.map((entry) => {
        const words = activityInWords(entry, t, locale);
        return (
          <li key={entry.id} className={`activity activity-${entry.kind}`}>
            <p>
              <strong>
                {entry.actorName === ""
                  ? t("common.formerMember")
                  : (entry.actorName ?? t("activity.someone"))}
              </strong>{" "}
              {words.text}
              {words.note && entry.kind === "changes_requested" ? t("activity.noteColon") : ""}
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
