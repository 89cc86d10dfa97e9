import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { usePeriod } from "~/components/case-labels";
import { whoMediatedWhere } from "~/models/actors.server";
import timelineStyles from "~/styles/timeline.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const links = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  return {
    pageTitle: await getPageTitle(request, "actors.mediators.metaTitle"),
    workspaceId: member.workspaceId,
    ...whoMediatedWhere(member),
  };
}

/** Who mediated where: each mediator with the countries and cases they mediated in. */
export default function WhoMediatedWhere() {
  const { t } = useTranslation();
  const period = usePeriod();
  const { rows, workspaceId } = useLoaderData<typeof loader>();
  const base = `/w/${workspaceId}`;
  return (
    <main id="main" className="page mediators-page">
      <nav aria-label={t("actors.entry.breadcrumb")} className="breadcrumb">
        <Link to={`${base}/actors`}>{t("common.nav.actors")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("actors.mediators.title")}</h1>
      <p className="muted">{t("actors.mediators.intro")}</p>
      {rows.length === 0 ? (
        <p className="empty-state">{t("actors.mediators.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table mediators-table">
            <thead>
              <tr>
                <th scope="col">{t("actors.mediators.mediator")}</th>
                <th scope="col">{t("actors.mediators.where")}</th>
                <th scope="col">{t("actors.mediators.cases")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.flatMap((row) =>
                row.places.map((place, index) => (
                  <tr key={`${row.id}-${place.region}`}>
                    {index === 0 ? (
                      <th scope="row" rowSpan={row.places.length}>
                        <Link to={`${base}/actors/${row.id}`} dir="auto">
                          {row.name}
                        </Link>{" "}
                        <span className="actor-kind">{t(`actors.kinds.${row.kind}`)}</span>
                      </th>
                    ) : null}
                    <td>{place.region || t("events.cross.noCountry")}</td>
                    <td>
                      <ul>
                        {place.cases.map((item) => (
                          <li key={item.id}>
                            <Link to={`${base}/cases/${item.id}`}>{item.title}</Link>{" "}
                            <span className="muted">· {period(item)}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <Link to={`${base}/actors`}>{t("actors.mediators.backToRegistry")}</Link>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
