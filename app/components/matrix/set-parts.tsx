import { Form, useNavigation } from "@remix-run/react";
import { useId, useState } from "react";
import { Field } from "~/components/field";
import { SET_NAME_MAX } from "./rules";

/** Saves the matrix as shown (rows, columns, outcome, filters) under a name; posts to the page's own URL. */
export function SaveSetForm({
  caseCount,
  codeCount,
  outcomeLabel,
  errors,
  name,
}: {
  caseCount: number;
  codeCount: number;
  outcomeLabel: string | null;
  errors?: string[];
  name?: string;
}) {
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save-set";
  return (
    <section className="card save-set" aria-labelledby="save-set-heading">
      <h2 id="save-set-heading">Save this view as a set</h2>
      <p className="muted">
        Keeps these {caseCount === 1 ? "1 case" : `${caseCount} cases`} and {codeCount} codes
        {outcomeLabel ? <>, with the outcome “{outcomeLabel}”</> : null}. Everyone in the workspace can open
        the set from its link; cases a reader may not see are left out for them.
      </p>
      <Form method="post" className="form-inline" key={errors ? "retry" : "new"}>
        <input type="hidden" name="intent" value="save-set" />
        <Field
          label="Name of the set"
          name="name"
          required
          maxLength={SET_NAME_MAX}
          defaultValue={name}
          errors={errors}
          placeholder="e.g. Workshop — truce"
        />
        <button type="submit" className="button" disabled={saving || caseCount === 0}>
          {saving ? "Saving…" : "Save set"}
        </button>
      </Form>
    </section>
  );
}

/** The set's address, to paste into a message to colleagues. */
export function ShareLink({ url }: { url: string }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field share-link">
      <label htmlFor={id}>Link to share with your workspace</label>
      <div className="copy-row">
        <input id={id} readOnly value={url} onFocus={(event) => event.currentTarget.select()} />
        <button
          type="button"
          className="button button-secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(url).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p className="field-hint">Only members of this workspace can open it.</p>
    </div>
  );
}
