// ISO dates as people type them and files carry them: "2021", "2021-05", "2021-05-03".

const ISO_DATE = /^(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

/** [year, month?, day?] from "2021", "2021-05" or "2021-05-03"; null when the text is not shaped like one. */
export function parseIsoDate(value: string): number[] | null {
  const m = ISO_DATE.exec(value.trim());
  if (!m) return null;
  const parts = [Number(m[1])];
  if (m[2] !== undefined) parts.push(Number(m[2]));
  if (m[3] !== undefined) parts.push(Number(m[3]));
  return parts;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A whole calendar day "YYYY-MM-DD" (a filter's date): its start in UTC, or null. */
export function parseIsoDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const parts = parseIsoDate(value);
  if (!parts) return null;
  const [year, month, day] = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return new Date(Date.UTC(year, month - 1, day));
}
