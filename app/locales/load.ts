// The browser's way to a catalogue: one chunk per language, fetched only for the language the page is in.
import type { BackendModule, ReadCallback } from "i18next";
import type en from "./en";

const loaders: Record<string, () => Promise<{ default: typeof en }>> = {
  en: () => import("./en"),
  fr: () => import("./fr"),
};

/** An i18next backend that imports the language's chunk (only namespace: "translation"). */
export const catalogueBackend: BackendModule = {
  type: "backend",
  init() {},
  read(language: string, _namespace: string, callback: ReadCallback) {
    const load = loaders[language];
    if (!load) return callback(null, {});
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error.message : String(error), null),
    );
  },
};
