import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CodePicker } from "~/components/compare/code-picker";
import { CompareColumns } from "~/components/compare/compare-columns";
import { HighlightStyle } from "~/components/compare/highlight-style";
import { SaveComparisonSet } from "~/components/compare/save-set";
import { ScrollToggle, useScrollMode } from "~/components/compare/scroll-mode";
import {
  type Comparison,
  getComparison,
  MAX_HIGHLIGHTED,
  parseCompareQuery,
} from "~/models/comparison.server";
import compareStyles from "~/styles/compare.css?url";
import readingStyles from "~/styles/reading.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";

export const links = () => [
  { rel: "stylesheet", href: readingStyles },
  { rel: "stylesheet", href: compareStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const titles = data?.comparison?.cases.map((caseStudy) => caseStudy.title) ?? [];
  return [
    { title: `${titles.length ? `Compare: ${titles.join(" · ")}` : "Compare cases"} · Mediation Casebook` },
  ];
};

type LoaderData = {
  workspaceId: string;
  problem: string | null;
  comparison: Comparison | null;
  highlightLimit: number;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const parsed = parseCompareQuery(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return data<LoaderData>(
      {
        workspaceId: member.workspaceId,
        problem: parsed.problem,
        comparison: null,
        highlightLimit: MAX_HIGHLIGHTED,
      },
      { status: 400 },
    );
  }
  return data<LoaderData>({
    workspaceId: member.workspaceId,
    problem: null,
    comparison: getComparison(member, parsed.query),
    highlightLimit: MAX_HIGHLIGHTED,
  });
}

function leftOutNote(count: number) {
  return count === 1
    ? "1 case could not be shown: it was deleted or you may not see it."
    : `${count} cases could not be shown: they were deleted or you may not see them.`;
}

export default function CompareCases() {
  const { workspaceId, problem, comparison, highlightLimit } = useLoaderData<typeof loader>();
  const [mode, setMode] = useScrollMode();
  const library = `/w/${workspaceId}/cases`;
  const back = (
    <Link to={library} className="compare-back">
      <span aria-hidden="true">←</span> Back to library
    </Link>
  );

  if (!comparison || comparison.cases.length === 0) {
    return (
      <main id="main" className="page page-narrow">
        {back}
        <h1>Compare cases</h1>
        <div className="empty-state" role={problem ? "alert" : undefined}>
          <p>
            <strong>{problem ?? "Pick at least two cases to compare them side by side."}</strong>
          </p>
          {comparison?.leftOut ? <p>{leftOutNote(comparison.leftOut)}</p> : null}
          <p>
            In the <Link to={library}>library</Link>, tick 2 to 4 cases and choose “Compare side by side”.
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
        <h1>Compare {comparison.cases.length} cases side by side</h1>
        <div className="compare-view-options">
          <ScrollToggle mode={mode} onChange={setMode} />
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => window.print()}
          >
            Print
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
            <p>
              {comparison.ignoredCodes === 1
                ? "1 code in this link is no longer in the codebook, so it is not highlighted."
                : `${comparison.ignoredCodes} codes in this link are no longer in the codebook, so they are not highlighted.`}
            </p>
          ) : null}
          {comparison.codesOverLimit ? (
            <p>
              Only the first {highlightLimit} codes of this link are highlighted ({comparison.codesOverLimit}{" "}
              more left out): untick some to pick others.
            </p>
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
          Unknown in all {comparison.cases.length} cases (no value stated, no passage tagged):{" "}
          {comparison.unknownEverywhere.map((code) => code.label).join("; ")}.
        </p>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
