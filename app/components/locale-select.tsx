import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES, type Locale } from "~/models/domain";
import { useMessage } from "~/utils/messages";

/** A choice of interface language, "" for none (the browser's, or the workspace's default). */
export function LocaleSelect({
  label,
  hint,
  name,
  defaultValue,
  errors,
}: {
  label: string;
  hint: string;
  name: string;
  defaultValue: Locale | "" | null | undefined;
  errors?: string[];
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  const id = useId();
  return (
    <div className={`field${errors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <select id={id} name={name} defaultValue={defaultValue ?? ""} aria-describedby={`${id}-hint`}>
        <option value="">{t("common.language.browser")}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`common.language.${locale}`)}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p className="field-error" role="alert">
          {errors.map(tm).join(" ")}
        </p>
      ) : null}
    </div>
  );
}
