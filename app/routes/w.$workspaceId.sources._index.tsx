import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CitationStyleForm } from "~/components/sources/citation-style-form";
import { FormattedReference } from "~/components/sources/formatted-reference";
import { SourceLibraryActions } from "~/components/sources/library-actions";
import { requestOrigin } from "~/models/audit.server";
import { CITATION_STYLES } from "~/models/sources/citation-styles";
import { searchSources } from "~/models/sources.server";
import { setCitationStyle, workspaceCitationStyle } from "~/models/workspaces.server";
import styles from "~/styles/sources.css?url";
import { useFormat } from "~/utils/format";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  const { sources, total } = searchSources(member, { q, language: await getLocale(request) });
  const t = await getT(request);
  const title = t("sources.list.metaTitle", { workspace: member.workspaceName });
  return {
    pageTitle: t("common.pageTitle", { title: q ? t("sources.list.metaTitleSearch", { q, title }) : title }),
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    canEdit: can(member, "source.edit"),
    citationStyle: workspaceCitationStyle(member),
    canChangeStyle: can(member, "workspace.manage"),
    q,
    total,
    sources,
  };
}

const styleForm = z.object({ intent: z.literal("citationStyle"), style: z.enum(CITATION_STYLES) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const parsed = styleForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw data({ message: msg("sources.errors.badStyle") }, { status: 400 });
  setCitationStyle(member, parsed.data.style, requestOrigin(request));
  return redirectWithToast(request, `/w/${member.workspaceId}/sources`, {
    kind: "success",
    message: msg("sources.style.saved"),
  });
}

export default function SourceLibrary() {
  const { t } = useTranslation();
  const format = useFormat();
  const { sources, q, total, canEdit, workspaceId, workspaceName, citationStyle, canChangeStyle } =
    useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname.endsWith("/sources");
  const base = `/w/${workspaceId}/sources`;
  return (
    <main id="main" className="page">
      <div className="page-heading">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>{t("sources.list.title")}</h1>
          <p className="muted source-intro">{t("sources.list.intro")}</p>
        </div>
        <SourceLibraryActions base={base} canEdit={canEdit} hasSources={total > 0} />
      </div>
      <CitationStyleForm style={citationStyle} canChange={canChangeStyle} />

      {total === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("sources.list.emptyTitle")}</strong>
          </p>
          {canEdit ? (
            <p>
              <Link to={`${base}/new`}>{t("sources.list.emptyAdd")}</Link>
              {t("sources.list.emptyOr")}
              <Link to={`${base}/import`}>{t("sources.list.emptyImport")}</Link>
              {t("sources.list.emptyRest")}
            </p>
          ) : (
            <p>{t("sources.list.emptyReader")}</p>
          )}
        </div>
      ) : (
        <>
          <Form method="get" className="source-search" role="search">
            <label htmlFor="source-q">{t("sources.list.searchLabel")}</label>
            <div className="source-search-row">
              <input
                id="source-q"
                type="search"
                name="q"
                defaultValue={q}
                key={q}
                placeholder={t("sources.list.searchPlaceholder")}
                aria-describedby="source-search-summary"
              />
              <button type="submit" className="button button-secondary" disabled={searching}>
                {searching ? t("sources.list.searching") : t("sources.list.search")}
              </button>
            </div>
            <p id="source-search-summary" className="muted source-search-summary" aria-live="polite">
              {q ? (
                <>
                  {t("sources.list.matches", {
                    count: total,
                    shown: format.number(sources.length),
                    total: format.number(total),
                    q,
                  })}{" "}
                  <Link to={base}>{t("sources.list.showAll")}</Link>
                </>
              ) : (
                t("sources.list.count", { count: total, total: format.number(total) })
              )}
            </p>
          </Form>
          {sources.length === 0 ? (
            <div className="empty-state">
              <p>
                <strong>{t("sources.list.noMatch", { q })}</strong>
              </p>
              <p>
                {t("sources.list.noMatchHint")} <Link to={base}>{t("sources.list.showAllSources")}</Link>
              </p>
            </div>
          ) : (
            <ul className="source-list" aria-label={t("sources.list.title")}>
              {sources.map((source) => (
                <li key={source.id} className="source-item">
                  <Link to={`${base}/${source.id}`} className="source-item-title">
                    {source.title}
                  </Link>
                  <p className="source-reference">
                    <FormattedReference reference={source.reference} />
                  </p>
                  <p className="source-item-meta">
                    <span className="source-type">{t(`sources.types.${source.type}`)}</span>
                    <span className={source.citingCases === 0 ? "muted" : undefined}>
                      {source.citingCases === 0
                        ? t("sources.list.notCited")
                        : t("sources.list.citedIn", { count: source.citingCases })}
                    </span>
                    {source.restricted ? (
                      <span className="source-restricted">{t("sources.list.restricted")}</span>
                    ) : null}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
