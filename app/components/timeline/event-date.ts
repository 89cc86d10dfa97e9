import { useTranslation } from "react-i18next";
import { type CaseEvent, formatEventDate } from "~/models/event-fields";
import { useLocale } from "~/utils/format";

const INTL_LOCALE = { en: "en-GB", fr: "fr-FR" } as const;

/** formatEventDate in the reader's language: const eventDate = useEventDate(); eventDate(event). */
export function useEventDate() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (event: Pick<CaseEvent, "start" | "end" | "circa" | "wording">) =>
    formatEventDate(event, (key, params) => t(key, params ?? {}), INTL_LOCALE[locale]);
}
