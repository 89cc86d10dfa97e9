// Both catalogues, for the server (one i18next instance per request) and the tests. The browser never imports
// this file: it loads only its own language through ./load.ts.
import type { Locale } from "~/models/domain";
import en from "./en";
import fr from "./fr";

export const catalogues: Record<Locale, typeof en> = { en, fr };

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
} as const;
