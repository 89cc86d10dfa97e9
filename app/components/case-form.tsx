import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";

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
        maxLength={200}
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
        maxLength={500}
      />
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
