import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CrossTimeline, TimelineInWords } from "~/components/timeline/cross-timeline";
import { crossCaseTimeline } from "~/models/timeline.server";
import { parseLibraryQuery } from "~/queries/library";
import { recordIdSchema } from "~/rules/ids";
import timelineStyles from "~/styles/timeline.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { notFound } from "~/utils/permissions.server";

export const links = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta = titleMeta;

const setId = recordIdSchema();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const searchParams = new URL(request.url).searchParams;
  // ?set=<id>: a comparison set's cases; otherwise the library's filter, as in the case list's address.
  const set = searchParams.get("set");
  if (set !== null && !setId.safeParse(set).success) throw notFound();
  const { query, problems } = parseLibraryQuery(searchParams);
  const timeline = crossCaseTimeline(member, set ? { setId: set } : { query });
  const libraryParams = new URLSearchParams(searchParams);
  libraryParams.delete("set");
  return {
    pageTitle: await getPageTitle(request, "events.cross.metaTitle"),
    workspaceId: member.workspaceId,
    timeline,
    problems: set ? [] : problems,
    setId: set,
    filtered: !set && [...libraryParams.keys()].some((key) => key !== "page" && key !== "sort"),
    libraryQuery: libraryParams.toString(),
  };
}

export default function CrossCaseTimeline() {
  const { t } = useTranslation();
  const tm = useMessage();
  const {
    timeline,
    workspaceId,
    problems,
    setId: set,
    filtered,
    libraryQuery,
  } = useLoaderData<typeof loader>();
  const base = `/w/${workspaceId}`;
  const placed = timeline.groups.reduce((sum, group) => sum + group.cases.length, 0);
  return (
    <main id="main" className="page timeline-page">
      <div className="page-heading">
        <div>
          <h1>{t("events.cross.title")}</h1>
          <p className="muted">
            {timeline.setName !== null
              ? t("events.cross.fromSet", { name: timeline.setName, count: timeline.total })
              : filtered
                ? t("events.cross.fromFilter", { count: timeline.total })
                : t("events.cross.fromLibrary", { count: timeline.total })}
          </p>
        </div>
        <div className="actions">
          {set ? (
            <Link to={`${base}/comparisons/${set}`} className="button button-secondary">
              {t("events.cross.backToSet")}
            </Link>
          ) : (
            <Link
              to={`${base}/cases${libraryQuery ? `?${libraryQuery}` : ""}`}
              className="button button-secondary"
            >
              {filtered ? t("events.cross.backToFilter") : t("events.cross.toLibrary")}
            </Link>
          )}
          <button type="button" className="button button-secondary" onClick={() => window.print()}>
            {t("events.cross.print")}
          </button>
        </div>
      </div>
      {problems.length ? (
        <p className="form-error" role="alert">
          {problems.map((problem) => tm(problem)).join(" ")}
        </p>
      ) : null}
      {timeline.unavailable > 0 ? (
        <p className="notice">{t("events.cross.unavailable", { count: timeline.unavailable })}</p>
      ) : null}
      {timeline.total === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("events.cross.emptyTitle")}</strong>
          </p>
          <p>{t("events.cross.emptyBody")}</p>
        </div>
      ) : placed === 0 ? (
        <p className="empty-state">{t("events.cross.nothingDated")}</p>
      ) : (
        <CrossTimeline data={timeline} workspaceId={workspaceId} />
      )}
      {timeline.total > 0 ? <TimelineInWords data={timeline} workspaceId={workspaceId} /> : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
