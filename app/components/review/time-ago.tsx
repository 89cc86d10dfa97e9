import { useTranslation } from "react-i18next";
import { useFormat } from "~/utils/format";

/**
 * A relative date ("5 minutes ago", "il y a 5 minutes"). `now` comes from the loader, so the server and the
 * browser render the same words (no hydration mismatch); the exact time (UTC) is in the tooltip and the
 * datetime attribute.
 */
export function TimeAgo({ date, now }: { date: Date | string; now: Date | string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const value = new Date(date);
  return (
    <time dateTime={value.toISOString()} title={format.dateTime(value, true)}>
      {format.relative(value, now) ?? t("common.justNow")}
    </time>
  );
}
