import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/case-labels";
import { ActivityTimeline } from "~/components/review/activity-timeline";
import { getCaseActivity } from "~/models/case-activity.server";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const activity = getCaseActivity(member, requireId(params, "caseId"));
  const t = await getT(request);
  return {
    workspaceId: member.workspaceId,
    now: new Date(),
    ...activity,
    pageTitle: t("common.pageTitle", { title: t("activity.metaTitle", { title: activity.caseStudy.title }) }),
  };
}

export default function CaseActivity() {
  const { t } = useTranslation();
  const { workspaceId, caseStudy, entries, now } = useLoaderData<typeof loader>();
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  return (
    <main id="main" className="page page-narrow activity-page">
      <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>{t("common.nav.cases")}</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={caseUrl}>{caseStudy.title}</Link> <span aria-hidden="true">›</span>
      </nav>
      <div className="page-heading">
        <div>
          <h1>{t("activity.title")}</h1>
          <p className="muted">
            {caseStudy.title} <StatusBadge status={caseStudy.status} />
          </p>
        </div>
        <div className="actions">
          <Link to={`${caseUrl}/review`} className="button button-secondary">
            {t("activity.review")}
          </Link>
          <Link to={`${caseUrl}/history`} className="button button-secondary">
            {t("activity.history")}
          </Link>
        </div>
      </div>
      <p className="muted">{t("activity.intro")}</p>
      {entries.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("activity.emptyTitle")}</strong>
          </p>
          <p>
            {t("activity.emptyBody")}
            <Link to={caseUrl}>{t("activity.backToCase")}</Link>
          </p>
        </div>
      ) : (
        <ActivityTimeline entries={entries} now={now} />
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
