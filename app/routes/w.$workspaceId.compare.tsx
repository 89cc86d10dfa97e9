import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CodePicker } from "~/components/compare/code-picker";
import { CompareColumns } from "~/components/compare/compare-columns";
import { HighlightStyle } from "~/components/compare/highlight-style";
import { SaveComparisonSet } from "~/components/compare/save-set";
import { ScrollToggle, useScrollMode } from "~/components/compare/scroll-mode";
import { type Comparison, getComparison } from "~/models/comparison.server";
import { parseCompareQuery } from "~/queries/compare";
import { MAX_HIGHLIGHTED } from "~/rules/limits";
import compareStyles from "~/styles/compare.css?url";
import readingStyles from "~/styles/reading.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";

export const links = () => [
  { rel: "stylesheet", href: readingStyles },
  { rel: "stylesheet", href: compareStyles },
];

export const meta = titleMeta;

type LoaderData = {
  pageTitle: string;
  workspaceId: string;
  problem: string | null;
  comparison: Comparison | null;
  highlightLimit: number;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const parsed = parseCompareQuery(new URL(request.url).searchParams);
  const t = await getT(request);
  const pageTitle = (titles: string[]) =>
    t("common.pageTitle", {
      title: titles.length
        ? t("compare.page.metaTitleCases", { titles: titles.join(" · ") })
        : t("compare.page.title"),
    });
  if (!parsed.ok) {
    return data<LoaderData>(
      {
        pageTitle: pageTitle([]),
        workspaceId: member.workspaceId,
        problem: parsed.problem,
        comparison: null,
        highlightLimit: MAX_HIGHLIGHTED,
      },
      { status: 400 },
    );
  }
  const comparison = getComparison(member, parsed.query, await getLocale(request));
  return data<LoaderData>({
    pageTitle: pageTitle(comparison.cases.map((caseStudy) => caseStudy.title)),
    workspaceId: member.workspaceId,
    problem: null,
    comparison,
    highlightLimit: MAX_HIGHLIGHTED,
  });
}

export default function CompareCases() {
  const { t } = useTranslation();
  const tm = useMessage();
  const leftOutNote = (count: number) => t("compare.page.leftOut", { count });
  const { workspaceId, problem, comparison, highlightLimit } = useLoaderData<typeof loader>();
  const [mode, setMode] = useScrollMode();
  const library = `/w/${workspaceId}/cases`;
  const back = (
    <Link to={library} className="compare-back">
      <span aria-hidden="true">←</span> {t("compare.page.back")}
    </Link>
  );

  if (!comparison || comparison.cases.length === 0) {
    return (
      <main id="main" className="page page-narrow">
        {back}
        <h1>{t("compare.page.title")}</h1>
        <div className="empty-state" role={problem ? "alert" : undefined}>
          <p>
            <strong>{problem ? tm(problem) : t("compare.page.pickTwo")}</strong>
          </p>
          {comparison?.leftOut ? <p>{leftOutNote(comparison.leftOut)}</p> : null}
          <p>
            {t("compare.page.howStart")} <Link to={library}>{t("compare.page.library")}</Link>
            {t("compare.page.howEnd")}
          </p>
        </div>
      </main>
    );
  }

  const caseIds = comparison.cases.map((caseStudy) => caseStudy.id);
  const highlightedIds = comparison.highlighted.map((code) => code.id);
  return (
    <main id="main" className="page compare-page">
      <HighlightStyle codeIds={highlightedIds} />
      <div className="compare-heading">
        {back}
        <h1>{t("compare.page.heading", { count: comparison.cases.length })}</h1>
        <div className="compare-view-options">
          <ScrollToggle mode={mode} onChange={setMode} />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => window.print()}
          >
            {t("compare.page.print")}
          </button>
          <SaveComparisonSet
            workspaceId={workspaceId}
            caseIds={caseIds}
            codeIds={highlightedIds}
            mode={mode}
          />
        </div>
      </div>
      {comparison.leftOut || comparison.ignoredCodes || comparison.codesOverLimit ? (
        <div className="compare-notes" role="status">
          {comparison.leftOut ? <p>{leftOutNote(comparison.leftOut)}</p> : null}
          {comparison.ignoredCodes ? (
            <p>{t("compare.page.ignoredCodes", { count: comparison.ignoredCodes })}</p>
          ) : null}
          {comparison.codesOverLimit ? (
            <p>{t("compare.page.overLimit", { limit: highlightLimit, count: comparison.codesOverLimit })}</p>
          ) : null}
        </div>
      ) : null}
      <CodePicker
        caseIds={caseIds}
        codes={comparison.pickerCodes}
        highlightedIds={highlightedIds}
        mode={mode}
      />
      <CompareColumns comparison={comparison} workspaceId={workspaceId} mode={mode} />
      {comparison.unknownEverywhere.length ? (
        <p className="compare-unknown muted">
          {t("compare.page.unknownEverywhere", {
            count: comparison.cases.length,
            codes: comparison.unknownEverywhere.map((code) => code.label).join("; "),
          })}
        </p>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
