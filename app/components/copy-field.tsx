import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

export function CopyField({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
        <button
          type="button"
          className="button button-secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(value).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? t("members.copied") : t("members.copy")}
        </button>
      </div>
      <p className="field-hint">{t("members.linkShownOnce")}</p>
    </div>
  );
}
