import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CodeGuidanceView } from "~/rules/codebook";

export type GuidanceView = CodeGuidanceView;

export function hasGuidance(guidance: GuidanceView | undefined): guidance is GuidanceView {
  return Boolean(
    guidance &&
      (guidance.definition ||
        guidance.whenPresent ||
        guidance.whenAbsent ||
        guidance.notes ||
        guidance.example),
  );
}

/**
 * How to code a code: its definition, when it is present, when absent (not the same as "no evidence"),
 * an example passage and notes. Shown in the tag picker, the conditions panel and the code's page.
 */
export function CodeGuidance({
  guidance,
  workspaceId,
  withDefinition = true,
}: {
  guidance: GuidanceView;
  workspaceId: string;
  withDefinition?: boolean;
}) {
  const { t } = useTranslation();
  const rows: Array<[string, string]> = [
    ...(withDefinition && guidance.definition
      ? [[t("codebook.guidance.definition"), guidance.definition] as [string, string]]
      : []),
    ...(guidance.whenPresent
      ? [[t("codebook.guidance.present"), guidance.whenPresent] as [string, string]]
      : []),
    ...(guidance.whenAbsent
      ? [[t("codebook.guidance.absent"), guidance.whenAbsent] as [string, string]]
      : []),
  ];
  if (rows.length === 0 && !guidance.example && !guidance.notes)
    return <p className="muted guidance-none">{t("codebook.guidance.none")}</p>;
  return (
    <dl className="code-guidance">
      {rows.map(([term, text]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd dir="auto" lang="">
            {text}
          </dd>
        </div>
      ))}
      {guidance.example ? (
        <div>
          <dt>{t("codebook.guidance.example")}</dt>
          <dd>
            <q dir="auto">{guidance.example.quote}</q>{" "}
            <span className="muted">
              {t("codebook.guidance.exampleIn")}
              <Link to={`/w/${workspaceId}/cases/${guidance.example.caseId}`}>
                {guidance.example.caseTitle}
              </Link>
            </span>
          </dd>
        </div>
      ) : null}
      {guidance.notes ? (
        <div>
          <dt>{t("codebook.guidance.notes")}</dt>
          <dd dir="auto" lang="">
            {guidance.notes}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}
