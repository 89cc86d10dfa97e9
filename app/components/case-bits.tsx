import { CASE_STATUS_LABELS } from "~/models/case-fields";
import { useFormat } from "~/utils/format";

export function StatusBadge({ status }: { status: keyof typeof CASE_STATUS_LABELS }) {
  return <span className={`status status-${status}`}>{CASE_STATUS_LABELS[status]}</span>;
}

export function RelativeDate({ date }: { date: string | Date }) {
  const format = useFormat();
  const value = new Date(date);
  // Locale from the page and UTC (utils/format.ts): server and browser renders are identical.
  return <time dateTime={value.toISOString()}>{format.date(value)}</time>;
}
