import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/format";

/** Date and time of a save, in UTC so the server and browser renders are identical. */
export function RevisionTime({ date }: { date: string | Date }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = new Date(date);
  return <time dateTime={value.toISOString()}>{`${format.dateTime(value)} ${t("common.utc")}`}</time>;
}
