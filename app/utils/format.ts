// Dates and numbers in the reader's language. Always UTC and always the page's locale (from the root
// loader), so the server render and the browser's hydration produce the same text.
import { useTranslation } from "react-i18next";
import type { Locale } from "~/models/domain";
import { intlLocale } from "~/rules/locale";
import { DEFAULT_LOCALE, isLocale } from "./i18n";

const TIME_ZONE = "UTC";

const toDate = (value: Date | string | number) => (value instanceof Date ? value : new Date(value));

// Building an Intl formatter costs ~0.1 ms; a matrix page formats thousands of dates, so keep one per shape.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** 26 Nov 2026 · 26 nov. 2026 */
export function formatDate(value: Date | string | number, locale: Locale) {
  return memo(
    `date:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: TIME_ZONE,
      }),
  ).format(toDate(value));
}

/** 26 November 2026 · 26 novembre 2026 */
export function formatLongDate(value: Date | string | number, locale: Locale) {
  return memo(
    `longDate:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: TIME_ZONE,
      }),
  ).format(toDate(value));
}

/** 26 Nov 2026, 14:05 · 26 nov. 2026, 14:05 (UTC) */
export function formatDateTime(value: Date | string | number, locale: Locale, withZone = false) {
  return memo(
    `dateTime:${locale}:${withZone}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        timeZone: TIME_ZONE,
        timeZoneName: withZone ? "short" : undefined,
      }),
  ).format(toDate(value));
}

/** 14:05 */
export function formatTime(value: Date | string | number, locale: Locale) {
  return memo(
    `time:${locale}`,
    () =>
      new Intl.DateTimeFormat(intlLocale(locale), {
        hour: "2-digit",
        minute: "2-digit",
        timeZone: TIME_ZONE,
      }),
  ).format(toDate(value));
}

/** 12,345 · 12 345 */
export function formatNumber(value: number, locale: Locale) {
  return memo(`number:${locale}`, () => new Intl.NumberFormat(intlLocale(locale))).format(value);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "5 minutes ago", "yesterday" · "il y a 5 minutes", "hier"; null under a minute (say "just now"). */
export function formatRelative(value: Date | string | number, now: Date | string | number, locale: Locale) {
  const seconds = Math.round((toDate(value).getTime() - toDate(now).getTime()) / 1000);
  const relative = memo(
    `relative:${locale}`,
    () => new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "auto" }),
  );
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit);
  }
  return null;
}

/** The page's locale, for components: const locale = useLocale(); formatDate(d, locale). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

/** Formatters bound to the page's locale. */
export function useFormat() {
  const locale = useLocale();
  return {
    locale,
    date: (value: Date | string | number) => formatDate(value, locale),
    dateTime: (value: Date | string | number, withZone = false) => formatDateTime(value, locale, withZone),
    time: (value: Date | string | number) => formatTime(value, locale),
    number: (value: number) => formatNumber(value, locale),
    relative: (value: Date | string | number, now: Date | string | number) =>
      formatRelative(value, now, locale),
  };
}
