import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LOCALES } from "~/models/domain";
import { useLocale } from "~/utils/format";

/** For visitors (sign-in, sign-up): one button per language, posting to /locale. Works without JavaScript. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLocale();
  const location = useLocation();
  return (
    <Form
      method="post"
      action="/locale"
      className="language-switch"
      aria-label={t("common.language.switchTo")}
    >
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          className="button button-secondary button-small"
          aria-pressed={locale === current}
        >
          {t(`common.language.${locale}`)}
        </button>
      ))}
    </Form>
  );
}
