import { CASE_STATUS_LABELS } from "~/models/case-fields";

export function StatusBadge({ status }: { status: keyof typeof CASE_STATUS_LABELS }) {
  return <span className={`status status-${status}`}>{CASE_STATUS_LABELS[status]}</span>;
}

/** Shown to those who may see a confidential case (ADR 0008); nobody else learns it exists. */
export function ConfidentialBadge() {
  return (
    <span className="confidential-badge" title="Only owners and the members listed on this case can see it">
      Confidential
    </span>
  );
}

export function RelativeDate({ date }: { date: string | Date }) {
  const value = new Date(date);
  // A fixed format and zone keep server and browser renders identical (no hydration mismatch).
  const text = value.toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  return <time dateTime={value.toISOString()}>{text}</time>;
}
