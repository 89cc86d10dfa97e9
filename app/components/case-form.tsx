import { Form, Link, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/components/field";

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
  submitLabel: string;
  cancelTo: string;
  hidden?: Record<string, string>;
};

/** The structured fields of a case; the same form creates and edits. */
export function CaseFieldsForm({ values, errors, submitLabel, cancelTo, hidden = {} }: Props) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" className="card form" noValidate>
      <FormError errors={errors.form} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field
        label="Title"
        name="title"
        defaultValue={values.title}
        errors={errors.title}
        required
        maxLength={200}
      />
      <Field
        label="Countries or regions"
        name="regions"
        hint="Separate several with commas, e.g. “Mali, Ségou region”."
        defaultValue={values.regions}
        errors={errors.regions}
        required
      />
      <fieldset className="period">
        <legend>Period</legend>
        <p className="field-hint">Leave a year empty when that end is open or unknown.</p>
        <div className="period-row">
          <Field
            label="From (year)"
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
            circa
          </label>
        </div>
        <div className="period-row">
          <Field
            label="To (year)"
            name="periodEnd"
            inputMode="numeric"
            defaultValue={values.periodEnd}
            errors={errors.periodEnd}
          />
          <label className="checkbox">
            <input type="checkbox" name="periodEndCirca" defaultChecked={values.periodEndCirca === "on"} />{" "}
            circa
          </label>
        </div>
      </fieldset>
      <Field
        label="Armed groups and state actors"
        name="actors"
        multiline
        hint="One per line."
        defaultValue={values.actors}
        errors={errors.actors}
      />
      <Field
        label="Mediators and intermediaries"
        name="mediators"
        multiline
        hint="One per line. Think twice before naming people whose safety depends on discretion."
        defaultValue={values.mediators}
        errors={errors.mediators}
      />
      <Field
        label="One-line summary"
        name="summary"
        defaultValue={values.summary}
        errors={errors.summary}
        maxLength={500}
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
