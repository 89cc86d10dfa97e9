import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, type ShouldRevalidateFunction, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CompareForm, ComparisonView } from "~/components/history/revision-compare";
import { RevisionList } from "~/components/history/revision-list";
import { RevisionView } from "~/components/history/revision-view";
import { requestOrigin } from "~/models/audit.server";
import type { PeriodWords } from "~/models/case-fields";
import { DocumentRejectedError, StaleRevisionError } from "~/models/cases.server";
import {
  compareRevisions,
  listRevisions,
  RevisionAlreadyCurrentError,
  restoreRevision,
  viewRevision,
} from "~/models/revisions.server";
import styles from "~/styles/history.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg, translateMessage, useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can, notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

const revisionNumber = z.coerce.number().int().positive().max(1_000_000_000);

/** A revision number from the query string; anything that cannot be one is a revision this case lacks. */
function queryNumber(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  const parsed = revisionNumber.safeParse(raw);
  if (!parsed.success) throw notFound(msg("history.errors.noSuchRevision", { number: raw.slice(0, 20) }));
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const caseId = requireId(params, "caseId");
  const url = new URL(request.url);
  const before = queryNumber(url, "before");
  const view = queryNumber(url, "view");
  const history = listRevisions(member, caseId, { before });
  const latest = history.choices[0]?.number ?? history.caseStudy.revision;
  const asked = { from: queryNumber(url, "from"), to: queryNumber(url, "to") };
  // A number this case lacks, or one this member may not open (a draft, for trainers), is a 404.
  for (const number of [asked.from, asked.to])
    if (number !== undefined && !history.choices.some((choice) => choice.number === number))
      throw notFound(msg("history.errors.noSuchRevision", { number }));
  const from = asked.from ?? history.choices[1]?.number ?? latest;
  const to = asked.to ?? latest;
  const t = await getT(request);
  const periodWords: PeriodWords = (key, values) => t(key, values ?? {});
  return {
    pageTitle: t("common.pageTitle", {
      title: t("history.page.metaTitle", { title: history.caseStudy.title }),
    }),
    workspaceId: member.workspaceId,
    ...history,
    canRestore: can(member, "case.edit"),
    before: before ?? null,
    selected: { from, to, view: view ?? null },
    viewed: view ? viewRevision(member, caseId, view, periodWords) : null,
    comparison:
      !view && history.choices.length > 1 && from !== to
        ? compareRevisions(member, caseId, from, to, periodWords)
        : null,
  };
}

const restoreSchema = z.object({
  intent: z.literal("restore"),
  number: revisionNumber,
  revision: revisionNumber,
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseId = requireId(params, "caseId");
  const parsed = restoreSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return data({ error: msg("history.errors.pickRevision") }, { status: 400 });
  }
  const { number, revision } = parsed.data;
  let restored: ReturnType<typeof restoreRevision>;
  try {
    restored = restoreRevision(member, caseId, { number, baseRevision: revision }, requestOrigin(request));
  } catch (error) {
    if (error instanceof StaleRevisionError) {
      return data(
        {
          error: msg("history.errors.stale", { current: error.currentRevision, number }),
        },
        { status: 409 },
      );
    }
    if (error instanceof RevisionAlreadyCurrentError) return data({ error: error.message }, { status: 400 });
    if (error instanceof DocumentRejectedError) {
      // The document's problems are catalogue keys too: written out here in the reader's language.
      const t = await getT(request);
      const reason = error.errors.map((problem) => translateMessage(t, problem)).join(" ");
      return data(
        { error: msg("history.errors.cannotRestore", { number, reason }) },
        { status: error.tooLarge ? 413 : 400 },
      );
    }
    throw error;
  }
  return redirectWithToast(request, `/w/${member.workspaceId}/cases/${caseId}/history`, {
    kind: "success",
    message: restored.droppedReferences
      ? msg("history.toasts.restoredDropped", {
          number,
          revision: restored.revision,
          count: restored.droppedReferences,
        })
      : msg("history.toasts.restored", { number, revision: restored.revision }),
  });
}

// After a refused restore (someone saved in between) the list must show their revision.
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 ? true : defaultShouldRevalidate;

export default function CaseHistory() {
  const { t } = useTranslation();
  const tm = useMessage();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { caseStudy, workspaceId, choices, selected, comparison, viewed, canRestore } = loaderData;
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  const historyUrl = `${caseUrl}/history`;
  const oldestShown = loaderData.revisions[loaderData.revisions.length - 1]?.number;
  return (
    <main id="main" className="page history-page">
      <nav aria-label={t("history.page.breadcrumb")} className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>{t("history.page.cases")}</Link>{" "}
        <span aria-hidden="true">›</span> <Link to={caseUrl}>{caseStudy.title}</Link>{" "}
        <span aria-hidden="true">›</span>
      </nav>
      <div className="page-heading">
        <div>
          <h1>{t("history.page.title")}</h1>
          <p className="muted history-lead">
            {t("history.page.leadBefore")}
            <strong>{caseStudy.title}</strong>
            {canRestore ? t("history.page.leadAfterRestore") : t("history.page.leadAfter")}
          </p>
        </div>
        <div className="actions">
          <Link to={caseUrl} className="button button-secondary">
            {t("history.page.back")}
          </Link>
        </div>
      </div>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {tm(actionData.error)}
        </p>
      ) : null}
      <div className="history-layout">
        <div className="history-panel">
          {viewed ? (
            <>
              <p>
                <Link to={historyUrl}>{t("history.page.compareRevisions")}</Link>
              </p>
              <RevisionView
                revision={viewed}
                currentRevision={caseStudy.revision}
                canRestore={canRestore}
                historyUrl={historyUrl}
              />
            </>
          ) : !loaderData.seesDrafts ? (
            <div className="empty-state">
              <p>
                <strong>{t("history.page.approvedOnly", { revision: caseStudy.revision })}</strong>
              </p>
              <p>{t("history.page.approvedOnlyHint")}</p>
            </div>
          ) : choices.length < 2 ? (
            <div className="empty-state">
              <p>
                <strong>{t("history.page.onlyOne")}</strong>
              </p>
              <p>{t("history.page.onlyOneHint")}</p>
            </div>
          ) : (
            <>
              <section aria-labelledby="compare-heading" className="card compare-card">
                <h2 id="compare-heading">{t("history.page.compareHeading")}</h2>
                <CompareForm choices={choices} from={selected.from} to={selected.to} />
              </section>
              {comparison ? (
                <ComparisonView comparison={comparison} />
              ) : (
                <p className="muted">{t("history.page.pickTwo")}</p>
              )}
            </>
          )}
        </div>
        <section className="history-list" aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">{t("history.page.revisions", { count: choices.length })}</h2>
          <RevisionList
            revisions={loaderData.revisions}
            currentRevision={caseStudy.revision}
            approvedRevision={caseStudy.approvedRevision}
            canRestore={canRestore}
            historyUrl={historyUrl}
            olderUrl={loaderData.hasOlder && oldestShown ? `${historyUrl}?before=${oldestShown}` : null}
            newerUrl={loaderData.before ? historyUrl : null}
            selected={{
              from: viewed ? undefined : selected.from,
              to: viewed ? undefined : selected.to,
              view: selected.view ?? undefined,
            }}
          />
        </section>
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
