import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { CASE_LANGUAGES, OTHER_LANGUAGE } from "~/models/case-fields";
import { CASE_SUMMARY_MAX, CASE_TITLE_MAX, LANGUAGE_TAG_MAX } from "~/rules/limits";
import { useMessage } from "~/utils/messages";

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
  /** Already translated. */
  submitLabel: string;
  cancelTo: string;
  hidden?: Record<string, string>;
};

/** The structured fields of a case; the same form creates and edits. */
export function CaseFieldsForm({ values, errors, submitLabel, cancelTo, hidden = {} }: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" className="card form" noValidate>
      <FormError errors={errors.form} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        label={t("cases.form.title")}
        name="title"
        defaultValue={values.title}
        errors={errors.title}
        required
        maxLength={CASE_TITLE_MAX}
      />
      <Field
        label={t("cases.form.regions")}
        name="regions"
        hint={t("cases.form.regionsHint")}
        defaultValue={values.regions}
        errors={errors.regions}
        required
      />
      <fieldset className="period">
        <legend>{t("cases.form.period")}</legend>
        <p className="field-hint">{t("cases.form.periodHint")}</p>
        <div className="period-row">
          <Field
            label={t("cases.form.from")}
            name="periodStart"
            inputMode="numeric"
            defaultValue={values.periodStart}
            errors={errors.periodStart}
          />
          <label className="checkbox">
            <input
              type="checkbox"
              name="periodStartCirca"
              defaultChecked={values.periodStartCirca === "on"}
            />{" "}
            {t("cases.form.circa")}
          </label>
        </div>
        <div className="period-row">
          <Field
            label={t("cases.form.to")}
            name="periodEnd"
            inputMode="numeric"
            defaultValue={values.periodEnd}
            errors={errors.periodEnd}
          />
          <label className="checkbox">
            <input type="checkbox" name="periodEndCirca" defaultChecked={values.periodEndCirca === "on"} />{" "}
            {t("cases.form.circa")}
          </label>
        </div>
      </fieldset>
      <Field
        label={t("cases.form.actors")}
        name="actors"
        multiline
        hint={t("cases.form.oneAPerLine")}
        defaultValue={values.actors}
        errors={errors.actors}
      />
      <Field
        label={t("cases.form.mediators")}
        name="mediators"
        multiline
        hint={t("cases.form.mediatorsHint")}
        defaultValue={values.mediators}
        errors={errors.mediators}
      />
      <Field
        label={t("cases.form.summary")}
        name="summary"
        defaultValue={values.summary}
        errors={errors.summary}
        maxLength={CASE_SUMMARY_MAX}
      />
      <LanguageField values={values} errors={errors} />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("cases.form.saving") : submitLabel}
        </button>
        <Link to={cancelTo} className="button button-secondary">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}

/**
 * The language the case is written in: a list of the usual ones, or any BCP 47 tag under "Other".
 * Passages in another script still read in their own direction (dir="auto" on every block).
 */
function LanguageField({
  values,
  errors,
}: {
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  const id = useId();
  const selectErrors = errors.language;
  // The language's name in the reader's language, then in its own ("Arabe (العربية)"); the value stays the tag.
  // Both come from fixed lists, not Intl.DisplayNames: browsers lack some names (Pashto, Somali) that the
  // server has, and the page would not hydrate the same.
  const optionLabel = (language: (typeof CASE_LANGUAGES)[number]) => {
    const name = t(`cases.form.languages.${language.tag}`);
    return name.toLowerCase() === language.native.toLowerCase()
      ? name
      : t("cases.form.languageOption", { name, native: language.native });
  };
  return (
    <div className={`field${selectErrors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{t("cases.form.language")}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t("cases.form.languageHint")}
      </p>
      <select
        id={id}
        name="language"
        defaultValue={values.language || "en"}
        aria-describedby={`${id}-hint${selectErrors?.length ? ` ${id}-error` : ""}`}
        aria-invalid={selectErrors?.length ? true : undefined}
      >
        {CASE_LANGUAGES.map((language) => (
          <option key={language.tag} value={language.tag} lang={language.tag}>
            {optionLabel(language)}
          </option>
        ))}
        <option value={OTHER_LANGUAGE}>{t("cases.form.languageOther")}</option>
      </select>
      {selectErrors?.length ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {selectErrors.map(tm).join(" ")}
        </p>
      ) : null}
      <Field
        label={t("cases.form.languageOtherTag")}
        name="languageOther"
        hint={t("cases.form.languageOtherHint")}
        defaultValue={values.languageOther}
        errors={errors.languageOther}
        maxLength={LANGUAGE_TAG_MAX}
      />
    </div>
  );
}
