const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });

/** "5 minutes ago", "yesterday", "3 weeks ago". */
export function timeAgo(date: Date, now: Date) {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return "just now";
}

/**
 * A relative date. `now` comes from the loader, so the server and the browser render the same words (no
 * hydration mismatch); the exact time (UTC) is in the tooltip and the datetime attribute.
 */
export function TimeAgo({ date, now }: { date: Date | string; now: Date | string }) {
  const value = new Date(date);
  const exact = value.toLocaleString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });
  return (
    <time dateTime={value.toISOString()} title={exact}>
      {timeAgo(value, new Date(now))}
    </time>
  );
}
