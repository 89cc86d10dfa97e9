// One formatter for every revision (toLocaleString builds a new one per call).
const SAVE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** Date and time of a save, in UTC so the server and browser renders are identical. */
export function RevisionTime({ date }: { date: string | Date }) {
  const value = new Date(date);
  const text = SAVE_TIME.format(value);
  return <time dateTime={value.toISOString()}>{`${text} UTC`}</time>;
}
