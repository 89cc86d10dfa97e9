import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { catalogueBackend } from "~/locales/load";
import { DEFAULT_LOCALE, i18nOptions, isLocale } from "~/utils/i18n";

// The server rendered the page in <html lang>: load that language's catalogue (one chunk), then hydrate,
// so the first browser render says exactly what the server did.
const lang = document.documentElement.lang;

i18next
  .use(initReactI18next)
  .use(catalogueBackend)
  .init({ ...i18nOptions, lng: isLocale(lang) ? lang : DEFAULT_LOCALE })
  .then(() => {
    startTransition(() => {
      hydrateRoot(
        document,
        <I18nextProvider i18n={i18next}>
          <StrictMode>
            <RemixBrowser />
          </StrictMode>
        </I18nextProvider>,
      );
    });
  });
