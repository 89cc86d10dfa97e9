// i18next options shared by the server (entry.server.tsx, i18n.server.ts) and the browser (entry.client.tsx).
import type { InitOptions } from "i18next";
import { LOCALES, type Locale } from "~/models/domain";

export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The marker a missing key renders as: tests/browser/i18n.test.ts fails on any page showing it. */
export const missingKeyMarker = (key: string) => `⟦${key}⟧`;

export const i18nOptions = {
  supportedLngs: [...LOCALES],
  // No fallback: fr and en have the same keys (type + tests/unit/locales.test.ts), and the browser loads only
  // its own language, so a fallback would render differently on the server and in the browser.
  fallbackLng: false,
  defaultNS: "translation",
  ns: ["translation"],
  interpolation: { escapeValue: false }, // React escapes
  returnEmptyString: false,
  parseMissingKeyHandler: missingKeyMarker,
  react: { useSuspense: false },
} satisfies InitOptions;
