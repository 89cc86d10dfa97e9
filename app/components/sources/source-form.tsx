import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { Field, FormError } from "~/components/field";
import { CONFIDENTIALITY_LEVELS, CSL_TYPES, RELIABILITY_LEVELS } from "~/models/csl";
import {
  CONFIDENTIALITY_LABELS,
  RELIABILITY_LABELS,
  SOURCE_TYPE_LABELS,
  type SourceFormValues,
} from "~/models/source-fields";

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
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const typeOptions = CSL_TYPES.map((type) => [type, SOURCE_TYPE_LABELS[type]] as [string, string]).sort(
  (a, b) => a[1].localeCompare(b[1], "en"),
);

/** The fields of a source (a CSL-JSON item in people's words); the same form creates and edits. */
export function SourceForm({ values, errors, submitLabel, cancelTo, hidden = {} }: Props) {
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
      <Field label="Title" name="title" defaultValue={values.title} errors={errors.title} required />
      <Field
        label="Authors"
        name="authors"
        multiline
        rows={3}
        hint="One per line: “Family, Given” for a person, or an organisation's name on its own."
        defaultValue={values.authors}
        errors={errors.authors}
      />
      <div className="source-form-row">
        <SelectField
          label="Type"
          name="type"
          options={typeOptions}
          defaultValue={values.type ?? "report"}
          errors={errors.type}
        />
        <Field
          label="Year or date published"
          name="issued"
          hint="2021, or 2021-05-03. “c. 2020” is kept as written."
          defaultValue={values.issued}
          errors={errors.issued}
        />
      </div>
      <div className="source-form-row">
        <Field
          label="Journal, website or collection"
          name="container"
          defaultValue={values.container}
          errors={errors.container}
        />
        <Field label="Publisher" name="publisher" defaultValue={values.publisher} errors={errors.publisher} />
      </div>
      <Field
        label="Web address (URL)"
        name="url"
        type="url"
        placeholder="https://"
        defaultValue={values.url}
        errors={errors.url}
      />
      <div className="source-form-row">
        <Field
          label="Consulted on"
          name="accessed"
          hint="The date you read the web page, e.g. 2024-03-05."
          defaultValue={values.accessed}
          errors={errors.accessed}
        />
        <Field
          label="Language"
          name="language"
          hint="e.g. en, fr, ar"
          defaultValue={values.language}
          errors={errors.language}
        />
        <Field
          label="DOI"
          name="doi"
          hint="e.g. 10.1234/abcd"
          defaultValue={values.doi}
          errors={errors.doi}
        />
      </div>
      <div className="source-form-row">
        <SelectField
          label="Reliability"
          name="reliability"
          options={RELIABILITY_LEVELS.map((level) => [level, RELIABILITY_LABELS[level]])}
          defaultValue={values.reliability ?? "unknown"}
          errors={errors.reliability}
        />
        <SelectField
          label="Confidentiality"
          name="confidentiality"
          options={CONFIDENTIALITY_LEVELS.map((level) => [level, CONFIDENTIALITY_LABELS[level]])}
          defaultValue={values.confidentiality ?? "public"}
          errors={errors.confidentiality}
        />
      </div>
      <Field
        label="Notes"
        name="note"
        multiline
        rows={4}
        hint="What the team should know: how you obtained it, what it covers, caveats."
        defaultValue={values.note}
        errors={errors.note}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </button>
        <Link to={cancelTo} className="button button-secondary">
          Cancel
        </Link>
      </div>
    </Form>
  );
}
