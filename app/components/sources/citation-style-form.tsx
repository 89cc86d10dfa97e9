import { Form, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { CITATION_STYLES, type CitationStyle } from "~/models/sources/citation-styles";

/**
 * The workspace's citation style: a small form for owners, a line saying which style applies for everyone
 * else. References everywhere follow it, each in the reader's language.
 */
export function CitationStyleForm({ style, canChange }: { style: CitationStyle; canChange: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "citationStyle";
  const credit = (
    <a href="https://citationstyles.org/" rel="noopener noreferrer">
      {t("sources.style.credit")}
    </a>
  );
  if (!canChange) {
    return (
      <p className="muted citation-style-line">
        {t("sources.style.current", { style: t(`sources.style.names.${style}`) })} · {credit}
      </p>
    );
  }
  return (
    <Form method="post" className="citation-style-form">
      <input type="hidden" name="intent" value="citationStyle" />
      <label htmlFor={id}>{t("sources.style.label")}</label>
      <select id={id} name="style" defaultValue={style} aria-describedby={`${id}-hint`}>
        {CITATION_STYLES.map((value) => (
          <option key={value} value={value}>
            {t(`sources.style.names.${value}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary button-small" disabled={saving}>
        {saving ? t("sources.style.saving") : t("sources.style.save")}
      </button>
      <p className="field-hint" id={`${id}-hint`}>
        {t("sources.style.hint")} {credit}
      </p>
    </Form>
  );
}
