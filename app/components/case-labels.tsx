import { useTranslation } from "react-i18next";
import { formatPeriod, type Period } from "~/models/case-fields";
import type { CaseStatus } from "~/models/domain";
import { useFormat } from "~/utils/format";

/** The status name in the reader's language; the class keeps the stored value. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <span className={`status status-${status}`}>{t(`cases.status.${status}`)}</span>;
}

/** Shown to those who may see a confidential case (ADR 0008); nobody else learns it exists. */
export function ConfidentialBadge() {
  const { t } = useTranslation();
  return (
    <span className="confidential-badge" title={t("cases.confidential.badgeTitle")}>
      {t("cases.confidential.badge")}
    </span>
  );
}

export function RelativeDate({ date }: { date: string | Date }) {
  const format = useFormat();
  const value = new Date(date);
  // Locale from the page and UTC (utils/format.ts): server and browser renders are identical.
  return <time dateTime={value.toISOString()}>{format.date(value)}</time>;
}

/** formatPeriod in the reader's language: const period = usePeriod(); period(caseStudy). */
export function usePeriod() {
  const { t } = useTranslation();
  return (value: Period) => formatPeriod(value, (key, params) => t(key, params ?? {}));
}
