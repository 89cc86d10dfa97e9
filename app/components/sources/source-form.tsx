import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import type { SourceFormValues } from "~/models/source-fields";
import { CONFIDENTIALITY_LEVELS, CSL_TYPES, RELIABILITY_LEVELS } from "~/models/sources/csl-item";
import { useLocale } from "~/utils/format";
import { useMessage } from "~/utils/messages";

type Props = {
  values: Partial<SourceFormValues>;
  errors: Record<string, string[] | undefined>;
  submitLabel: string;
  cancelTo: string;
  hidden?: Record<string, string>;
};

function SelectField({
  label,
  name,
  options,
  defaultValue,
  errors,
  hint,
}: {
  label: string;
  name: string;
  options: Array<[string, string]>;
  defaultValue?: string;
  errors?: string[];
  hint?: string;
}) {
  const tm = useMessage();
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div className={`field${errors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
      >
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errors.map(tm).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The fields of a source (a CSL-JSON item in people's words); the same form creates and edits. */
export function SourceForm({ values, errors, submitLabel, cancelTo, hidden = {} }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const typeOptions = CSL_TYPES.map((type) => [type, t(`sources.types.${type}`)] as [string, string]).sort(
    (a, b) => a[1].localeCompare(b[1], locale),
  );
  const navigation = useNavigation();
  // The source page holds other forms too (delete): only this one's submission shows "Saving…".
  const busy =
    navigation.state === "submitting" &&
    (hidden.intent === undefined || navigation.formData?.get("intent") === hidden.intent);
  return (
    <Form method="post" className="form source-form" noValidate>
      <FormError errors={errors.form} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        label={t("sources.fields.title")}
        name="title"
        defaultValue={values.title}
        errors={errors.title}
        required
      />
      <Field
        label={t("sources.form.authors")}
        name="authors"
        multiline
        rows={3}
        hint={t("sources.form.authorsHint")}
        defaultValue={values.authors}
        errors={errors.authors}
      />
      <div className="source-form-row">
        <SelectField
          label={t("sources.fields.type")}
          name="type"
          options={typeOptions}
          defaultValue={values.type ?? "report"}
          errors={errors.type}
        />
        <Field
          label={t("sources.form.issued")}
          name="issued"
          hint={t("sources.form.issuedHint")}
          defaultValue={values.issued}
          errors={errors.issued}
        />
      </div>
      <Field
        label={t("sources.form.editors")}
        name="editors"
        multiline
        rows={2}
        hint={t("sources.form.authorsHint")}
        defaultValue={values.editors}
        errors={errors.editors}
      />
      <div className="source-form-row">
        <Field
          label={t("sources.fields.container")}
          name="container"
          defaultValue={values.container}
          errors={errors.container}
        />
        <Field
          label={t("sources.fields.publisher")}
          name="publisher"
          defaultValue={values.publisher}
          errors={errors.publisher}
        />
      </div>
      <fieldset className="source-form-details">
        <legend>{t("sources.form.details")}</legend>
        <div className="source-form-row">
          <Field
            label={t("sources.fields.volume")}
            name="volume"
            defaultValue={values.volume}
            errors={errors.volume}
          />
          <Field
            label={t("sources.fields.issue")}
            name="issue"
            defaultValue={values.issue}
            errors={errors.issue}
          />
          <Field
            label={t("sources.fields.page")}
            name="page"
            defaultValue={values.page}
            errors={errors.page}
          />
          <Field
            label={t("sources.fields.edition")}
            name="edition"
            defaultValue={values.edition}
            errors={errors.edition}
          />
        </div>
        <div className="source-form-row">
          <Field
            label={t("sources.fields.number")}
            name="number"
            defaultValue={values.number}
            errors={errors.number}
          />
          <Field
            label={t("sources.fields.genre")}
            name="genre"
            defaultValue={values.genre}
            errors={errors.genre}
          />
          <Field
            label={t("sources.fields.place")}
            name="place"
            defaultValue={values.place}
            errors={errors.place}
          />
        </div>
      </fieldset>
      <Field
        label={t("sources.form.url")}
        name="url"
        type="url"
        placeholder="https://"
        defaultValue={values.url}
        errors={errors.url}
      />
      <div className="source-form-row">
        <Field
          label={t("sources.fields.accessed")}
          name="accessed"
          hint={t("sources.form.accessedHint")}
          defaultValue={values.accessed}
          errors={errors.accessed}
        />
        <Field
          label={t("sources.fields.language")}
          name="language"
          hint={t("sources.form.languageHint")}
          defaultValue={values.language}
          errors={errors.language}
        />
        <Field
          label={t("sources.fields.doi")}
          name="doi"
          hint={t("sources.form.doiHint")}
          defaultValue={values.doi}
          errors={errors.doi}
        />
      </div>
      <div className="source-form-row">
        <SelectField
          label={t("sources.fields.reliability")}
          name="reliability"
          options={RELIABILITY_LEVELS.map((level) => [level, t(`sources.reliability.${level}`)])}
          defaultValue={values.reliability ?? "unknown"}
          errors={errors.reliability}
        />
        <SelectField
          label={t("sources.fields.confidentiality")}
          name="confidentiality"
          options={CONFIDENTIALITY_LEVELS.map((level) => [level, t(`sources.confidentiality.${level}`)])}
          defaultValue={values.confidentiality ?? "public"}
          errors={errors.confidentiality}
        />
      </div>
      <Field
        label={t("sources.fields.notes")}
        name="note"
        multiline
        rows={4}
        hint={t("sources.form.notesHint")}
        defaultValue={values.note}
        errors={errors.note}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("sources.form.saving") : submitLabel}
        </button>
        <Link to={cancelTo} className="button button-secondary">
          {t("common.cancel")}
        </Link>
      </div>
    </Form>
  );
}
