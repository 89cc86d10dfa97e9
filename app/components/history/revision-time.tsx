import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/format";

/** Date and time of a save, in UTC so the server and browser renders are identical. */
export function RevisionTime({ date }: { date: string | Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = new Date(date);
  return <time dateTime={value.toISOString()}>{`${format.dateTime(value)} ${t("common.utc")}`}</time>;
}

/**
 * The note of a revision in the reader's language. The notes the app writes are stored in English
 * ("Created", "Fields edited", "Restored from revision 3"); an empty note is a save of the text.
 */
export function useRevisionNote() {
  const { t } = useTranslation();
  return (note: string, emptyAsTextEdited = true) => {
    if (note === "") return emptyAsTextEdited ? t("history.notes.textEdited") : "";
    if (note === "Created") return t("history.notes.created");
    if (note === "Fields edited") return t("history.notes.fieldsEdited");
    const restored = /^Restored from revision (\d+)$/.exec(note);
    if (restored) return t("history.notes.restoredFrom", { number: restored[1] });
    const event = /^Event (added|edited|removed): (.*)$/s.exec(note);
    if (event)
      return t(`history.notes.event.${event[1] as "added" | "edited" | "removed"}`, { title: event[2] });
    return note;
  };
}
