import { Form, useNavigation } from "@remix-run/react";
import { useId, useState } from "react";
import { Field, FormError } from "~/components/field";
import type { CodeKind } from "~/models/domain";
import { CODE_DESCRIPTION_MAX, CODE_LABEL_MAX, CODE_PALETTE, KIND_LABELS } from "./rules";

export type CodeOption = { id: string; kind: CodeKind; label: string; parentId: string | null };

export type CodeFormValues = {
  kind?: string;
  label?: string;
  description?: string;
  color?: string;
  parentId?: string;
};

/** Codes in tree order with their depth, so a select can show the nesting. */
export function codesInTreeOrder<T extends CodeOption>(codes: T[]): Array<{ code: T; depth: number }> {
  const ids = new Set(codes.map((code) => code.id));
  const children = new Map<string | null, T[]>();
  for (const code of codes) {
    // A parent of another kind or outside the list is shown as top level rather than lost.
    const parent = code.parentId && ids.has(code.parentId) ? code.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), code]);
  }
  const ordered: Array<{ code: T; depth: number }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.label.localeCompare(b.label));
    for (const code of list) {
      if (seen.has(code.id)) continue;
      seen.add(code.id);
      ordered.push({ code, depth });
      walk(code.id, depth + 1);
    }
  };
  walk(null, 0);
  // Codes caught in a loop (which the server refuses to create) are still listed.
  for (const code of codes) if (!seen.has(code.id)) ordered.push({ code, depth: 0 });
  return ordered;
}

/** The code itself and every code under it: none of them can become its parent. */
export function selfAndDescendants(codes: CodeOption[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const code of codes) {
      if (code.parentId && result.has(code.parentId) && !result.has(code.id)) {
        result.add(code.id);
        grew = true;
      }
    }
  }
  return result;
}

function ColourField({ defaultValue, errors }: { defaultValue: string; errors?: string[] }) {
  const id = useId();
  const [colour, setColour] = useState(defaultValue);
  return (
    <div className={`field${errors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>Colour</label>
      <div className="colour-row">
        <input
          id={id}
          type="color"
          name="color"
          className="colour-input"
          value={colour}
          onChange={(event) => setColour(event.target.value)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
        />
        <fieldset className="palette">
          <legend className="visually-hidden">Suggested colours</legend>
          {CODE_PALETTE.map((swatch) => (
            <button
              key={swatch}
              type="button"
              className="palette-swatch"
              style={{ background: swatch }}
              aria-label={`Use colour ${swatch}`}
              aria-pressed={colour.toLowerCase() === swatch}
              onClick={() => setColour(swatch)}
            />
          ))}
        </fieldset>
      </div>
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/**
 * Creates or edits a code. Parent choices follow the chosen kind; `parentOptions` already leaves out the
 * code itself and its sub-codes. Everything works without JavaScript, the server re-checks it all.
 */
export function CodeForm({
  intent,
  values,
  errors,
  parentOptions,
  submitLabel,
  defaultColour,
  kindHint,
}: {
  intent: "create" | "update";
  values: CodeFormValues;
  errors: Record<string, string[] | undefined>;
  parentOptions: CodeOption[];
  submitLabel: string;
  defaultColour: string;
  kindHint?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const [kind, setKind] = useState<CodeKind>(values.kind === "outcome" ? "outcome" : "precondition");
  const parentId = useId();
  const kindErrorId = useId();
  const sameKind = codesInTreeOrder(parentOptions.filter((code) => code.kind === kind));
  return (
    <Form method="post" className="form code-form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <FormError errors={errors.form} />
      <fieldset
        className={`kind-choice${errors.kind?.length ? " field-invalid" : ""}`}
        aria-describedby={errors.kind?.length ? kindErrorId : undefined}
      >
        <legend>Kind</legend>
        {kindHint ? <p className="field-hint">{kindHint}</p> : null}
        {(["precondition", "outcome"] as const).map((option) => (
          <label key={option} className="checkbox">
            <input
              type="radio"
              name="kind"
              value={option}
              checked={kind === option}
              onChange={() => setKind(option)}
            />
            {KIND_LABELS[option]}
          </label>
        ))}
        {errors.kind?.length ? (
          <p className="field-error" id={kindErrorId} role="alert">
            {errors.kind.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field
        label="Label"
        name="label"
        defaultValue={values.label}
        errors={errors.label}
        required
        maxLength={CODE_LABEL_MAX}
      />
      <Field
        label="Description"
        name="description"
        hint="What counts as this code, so that colleagues tag passages the same way."
        defaultValue={values.description}
        errors={errors.description}
        multiline
        rows={3}
        maxLength={CODE_DESCRIPTION_MAX}
      />
      <ColourField defaultValue={values.color || defaultColour} errors={errors.color} />
      <div className={`field${errors.parentId?.length ? " field-invalid" : ""}`}>
        <label htmlFor={parentId}>Parent code</label>
        <p className="field-hint" id={`${parentId}-hint`}>
          Optional: nest this code under a broader {kind}.
        </p>
        <select
          // A new kind offers other parents: start again from "none" rather than keep a parent of the wrong kind.
          key={kind}
          id={parentId}
          name="parentId"
          defaultValue={values.kind === kind || !values.kind ? (values.parentId ?? "") : ""}
          aria-invalid={errors.parentId?.length ? true : undefined}
          aria-describedby={`${parentId}-hint${errors.parentId?.length ? ` ${parentId}-error` : ""}`}
        >
          <option value="">None (top level)</option>
          {sameKind.map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {`${"\u00a0\u00a0\u00a0".repeat(depth)}${code.label}`}
            </option>
          ))}
        </select>
        {errors.parentId?.length ? (
          <p className="field-error" id={`${parentId}-error`} role="alert">
            {errors.parentId.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Saving…" : submitLabel}
        </button>
      </div>
    </Form>
  );
}
