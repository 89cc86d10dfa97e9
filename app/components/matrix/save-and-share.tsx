import { Form, useNavigation } from "@remix-run/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";
import { SET_NAME_MAX } from "~/rules/limits";

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
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "save-set";
  return (
    <section className="card save-set" aria-labelledby="save-set-heading">
      <h2 id="save-set-heading">{t("matrix.saveSet.heading")}</h2>
      <p className="muted">
        {outcomeLabel
          ? t("matrix.saveSet.keepsWithOutcome", {
              cases: t("matrix.saveSet.cases", { count: caseCount }),
              codes: t("matrix.saveSet.codes", { count: codeCount }),
              outcome: outcomeLabel,
            })
          : t("matrix.saveSet.keeps", {
              cases: t("matrix.saveSet.cases", { count: caseCount }),
              codes: t("matrix.saveSet.codes", { count: codeCount }),
            })}{" "}
        {t("matrix.saveSet.who")}
      </p>
      <Form method="post" className="form-inline" key={errors ? "retry" : "new"}>
        <input type="hidden" name="intent" value="save-set" />
        <Field
          label={t("matrix.saveSet.name")}
          name="name"
          required
          maxLength={SET_NAME_MAX}
          defaultValue={name}
          errors={errors}
          placeholder={t("matrix.saveSet.placeholder")}
        />
        <button type="submit" className="button" disabled={saving || caseCount === 0}>
          {saving ? t("matrix.saveSet.saving") : t("matrix.saveSet.submit")}
        </button>
      </Form>
    </section>
  );
}

/** The set's address, to paste into a message to colleagues. */
export function ShareLink({ url }: { url: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field share-link">
      <label htmlFor={id}>{t("matrix.share.label")}</label>
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
          {copied ? t("matrix.share.copied") : t("matrix.share.copy")}
        </button>
      </div>
      <p className="field-hint">{t("matrix.share.hint")}</p>
    </div>
  );
}
