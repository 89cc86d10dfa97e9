// From the interface language to what Intl needs. One map, so dates, numbers and lists read the same
// on every page, on the server and in the browser.
import type { Locale } from "~/models/domain";

// "en" alone would give US order (Nov 26, 2026); the app has always shown day-month-year.
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", fr: "fr-FR" };

export function intlLocale(locale: Locale): string {
  return INTL_LOCALE[locale];
}

/** "A, B and C" · « A, B et C »; `type: "disjunction"` for "or". */
export function formatList(
  items: readonly string[],
  locale: Locale,
  type: "conjunction" | "disjunction" = "conjunction",
): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { type }).format(items);
}
