import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/format";
import { isMessageUnder, translateMessage } from "~/utils/messages";

/** Date and time of a save, in UTC so the server and browser renders are identical. */
export function RevisionTime({ date }: { date: string | Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = new Date(date);
  return <time dateTime={value.toISOString()}>{`${format.dateTime(value)} ${t("common.utc")}`}</time>;
}

/**
 * The note of a revision in the reader's language. The notes the app writes are catalogue messages
 * (history.notes.*); older databases and files hold them in English ("Created", "Restored from revision
 * 3"). Anything else is what a person typed. An empty note is a save of the text.
 */
export function useRevisionNote() {
  const { t } = useTranslation();
  return (note: string, emptyAsTextEdited = true) => {
    if (note === "") return emptyAsTextEdited ? t("history.notes.textEdited") : "";
    if (isMessageUnder(note, "history.notes.")) return translateMessage(t, note);
    if (note === "Created") return t("history.notes.created");
    if (note === "Fields edited") return t("history.notes.fieldsEdited");
    const restored = /^Restored from revision (\d+)$/.exec(note);
    if (restored) return t("history.notes.restoredFrom", { number: restored[1] });
    return note;
  };
}
