import { Form, useNavigation } from "@remix-run/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import type { CodeKind, Locale } from "~/models/domain";
import { CODE_PALETTE } from "~/rules/codebook";
import { CODE_DESCRIPTION_MAX, CODE_LABEL_MAX } from "~/rules/limits";
import { useLocale } from "~/utils/format";
import { useMessage } from "~/utils/messages";

export type CodeOption = { id: string; kind: CodeKind; label: string; parentId: string | null };

export type CodeFormValues = {
  kind?: string;
  label?: string;
  labelFr?: string;
  labelEn?: string;
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
  const { t } = useTranslation();
  const tm = useMessage();
  const id = useId();
  const [colour, setColour] = useState(defaultValue);
  return (
    <div className={`field${errors?.length ? " field-invalid" : ""}`}>
      <label htmlFor={id}>{t("codebook.form.colour")}</label>
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
          <legend className="visually-hidden">{t("codebook.form.suggestedColours")}</legend>
          {CODE_PALETTE.map((swatch) => (
            <button
              key={swatch}
              type="button"
              className="palette-swatch"
              style={{ background: swatch }}
              aria-label={t("codebook.form.useColour", { colour: swatch })}
              aria-pressed={colour.toLowerCase() === swatch}
              onClick={() => setColour(swatch)}
            />
          ))}
        </fieldset>
      </div>
      {errors?.length ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {errors.map(tm).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const TRANSLATION_FIELD: Record<Locale, "labelFr" | "labelEn"> = { fr: "labelFr", en: "labelEn" };

/**
 * Which stored label each of the two label fields edits. The first field is the label in the reader's
 * language, the second the label in the other language. A code whose label was written in the other
 * language and translated into the reader's (the starter codebook in French) edits its translation first
 * and its label second; otherwise the label first and its translation second.
 */
export function labelFields(
  locale: Locale,
  stored?: { labelTranslations: Partial<Record<Locale, string>> },
): { own: "label" | "labelFr" | "labelEn"; other: "label" | "labelFr" | "labelEn"; otherLocale: Locale } {
  const otherLocale: Locale = locale === "fr" ? "en" : "fr";
  if (stored?.labelTranslations[locale])
    return { own: TRANSLATION_FIELD[locale], other: "label", otherLocale };
  return { own: "label", other: TRANSLATION_FIELD[otherLocale], otherLocale };
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
  stored,
}: {
  intent: "create" | "update";
  values: CodeFormValues;
  errors: Record<string, string[] | undefined>;
  parentOptions: CodeOption[];
  submitLabel: string;
  defaultColour: string;
  kindHint?: string;
  /** The label and translations as stored (editing): decides which field edits which. */
  stored?: { label: string; labelTranslations: Partial<Record<Locale, string>> };
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  const locale = useLocale();
  const fields = labelFields(locale, stored);
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
        <legend>{t("codebook.form.kind")}</legend>
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
            {t(`codebook.kind.${option}`)}
          </label>
        ))}
        {errors.kind?.length ? (
          <p className="field-error" id={kindErrorId} role="alert">
            {errors.kind.map(tm).join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field
        label={t("codebook.form.label")}
        name={fields.own}
        defaultValue={values[fields.own]}
        errors={errors[fields.own]}
        required={fields.own === "label"}
        maxLength={CODE_LABEL_MAX}
      />
      <Field
        label={t(`codebook.form.labelIn.${fields.otherLocale}`)}
        name={fields.other}
        hint={t(`codebook.form.labelInHint.${fields.otherLocale}`)}
        defaultValue={values[fields.other]}
        errors={errors[fields.other]}
        required={fields.other === "label"}
        maxLength={CODE_LABEL_MAX}
      />
      <Field
        label={t("codebook.form.description")}
        name="description"
        hint={t("codebook.form.descriptionHint")}
        defaultValue={values.description}
        errors={errors.description}
        multiline
        rows={3}
        maxLength={CODE_DESCRIPTION_MAX}
      />
      <ColourField defaultValue={values.color || defaultColour} errors={errors.color} />
      <div className={`field${errors.parentId?.length ? " field-invalid" : ""}`}>
        <label htmlFor={parentId}>{t("codebook.form.parent")}</label>
        <p className="field-hint" id={`${parentId}-hint`}>
          {t(`codebook.form.parentHint.${kind}`)}
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
          <option value="">{t("codebook.form.parentNone")}</option>
          {sameKind.map(({ code, depth }) => (
            <option key={code.id} value={code.id}>
              {`${"\u00a0\u00a0\u00a0".repeat(depth)}${code.label}`}
            </option>
          ))}
        </select>
        {errors.parentId?.length ? (
          <p className="field-error" id={`${parentId}-error`} role="alert">
            {errors.parentId.map(tm).join(" ")}
          </p>
        ) : null}
      </div>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("codebook.form.saving") : submitLabel}
        </button>
      </div>
    </Form>
  );
}
