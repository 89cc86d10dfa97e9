import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConfidentialBadge, RelativeDate, StatusBadge, usePeriod } from "~/components/case-labels";
import { CaseExportLinks } from "~/components/exports/case-export-links";
import { PassagesByCode } from "~/components/passages-by-code";
import { RenderedCaseBody } from "~/components/rendered-case-body";
import { ReviewPanel } from "~/components/review/review-panel";
import { FormattedReference } from "~/components/sources/formatted-reference";
import type { ThreadActionResult } from "~/components/threads/comment-form";
import { ThreadColumn } from "~/components/threads/thread-column";
import { ThreadedCaseBody, useCaseThreads } from "~/components/threads/threaded-body";
import { requestOrigin } from "~/models/audit.server";
import { recordConfidentialOpened } from "~/models/case-access.server";
import { languageName } from "~/models/case-fields";
import { getCaseReading, trashCase } from "~/models/cases.server";
import { getReviewState } from "~/models/reviews.server";
import {
  createThread,
  deleteComment,
  editComment,
  listCaseThreads,
  replyToThread,
  setThreadStatus,
} from "~/models/threads.server";
import { recordIdSchema } from "~/rules/ids";
import readingStyles from "~/styles/reading.css?url";
import threadStyles from "~/styles/threads.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { chromiumPath } from "~/utils/pdf.server";
import { can, type Member } from "~/utils/permissions.server";
import { isRefusal } from "~/utils/refusal";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [
  { rel: "stylesheet", href: readingStyles },
  { rel: "stylesheet", href: threadStyles },
];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  // ?redacted=1: the print view with sensitive passages replaced by "[redacted]" (ADR 0008).
  const redacted = new URL(request.url).searchParams.get("redacted") === "1";
  const reading = getCaseReading(member, requireId(params, "caseId"), {
    redacted,
    language: await getLocale(request),
  });
  recordConfidentialOpened(member, reading.caseStudy, requestOrigin(request));
  const t = await getT(request);
  // The page shows the body as `html`: its Tiptap JSON and plain text (~45 KB for 2,500 words) stay here.
  const { body: _body, bodyText: _bodyText, ...caseStudy } = reading.caseStudy;
  return {
    pageTitle: t("common.pageTitle", { title: reading.caseStudy.title }),
    workspaceId: member.workspaceId,
    ...reading,
    caseStudy,
    redacted,
    // Placed on the version this member reads; trainers get none (ADR 0005). The redacted view has none:
    // the threads quote the passages it leaves out.
    discussion: redacted ? { threads: [], people: [] } : listCaseThreads(member, reading.caseStudy),
    reviewState: getReviewState(member, reading.caseStudy.id, reading.caseStudy),
    canReadDrafts: can(member, "case.readDrafts"),
    canEdit: can(member, "case.edit"),
    canTrash: can(member, "case.trash"),
    canComment: can(member, "case.comment") && !redacted,
    canExportUnredacted: can(member, "case.exportUnredacted"),
    pdfAvailable: chromiumPath() !== null,
  };
}

const recordId = recordIdSchema();
const commentFields = {
  body: z.string(),
  mentionIds: z
    .string()
    .optional()
    .transform((value) => (value ? value.split(",").filter(Boolean).slice(0, 50) : [])),
};
const offset = z.coerce.number().int().min(0).max(100_000_000);

const threadForm = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("thread.create"),
    exact: z.string().min(1).max(100_000),
    prefix: z.string().max(1_000),
    suffix: z.string().max(1_000),
    start: offset,
    end: offset,
    ...commentFields,
  }),
  z.object({ intent: z.literal("comment.reply"), threadId: recordId, ...commentFields }),
  z.object({ intent: z.literal("comment.edit"), commentId: recordId, ...commentFields }),
  z.object({ intent: z.literal("comment.delete"), commentId: recordId }),
  z.object({ intent: z.literal("thread.resolve"), threadId: recordId }),
  z.object({ intent: z.literal("thread.reopen"), threadId: recordId }),
]);

type Failure = Extract<ThreadActionResult, { ok: false }>;
type ThreadForm = z.output<typeof threadForm>;
type Intent = ThreadForm["intent"];

/** What each intent of the discussion form does: one model call each. */
const THREAD_INTENTS: {
  [I in Intent]: (
    member: Member,
    caseId: string,
    form: Extract<ThreadForm, { intent: I }>,
  ) => { threadId: string };
} = {
  "thread.create": (member, caseId, form) => createThread(member, caseId, form),
  "comment.reply": (member, caseId, form) => replyToThread(member, caseId, form.threadId, form),
  "comment.edit": (member, caseId, form) => editComment(member, caseId, form.commentId, form),
  "comment.delete": (member, caseId, form) => deleteComment(member, caseId, form.commentId),
  "thread.resolve": (member, caseId, form) => setThreadStatus(member, caseId, form.threadId, "resolved"),
  "thread.reopen": (member, caseId, form) => setThreadStatus(member, caseId, form.threadId, "open"),
};

function failed(status: number, failure: Failure) {
  return data(failure, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const caseId = requireId(params, "caseId");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "trash") {
    trashCase(member, caseId, requestOrigin(request));
    return redirectWithToast(request, `/w/${member.workspaceId}/cases`, {
      kind: "success",
      message: msg("cases.page.trashed"),
    });
  }
  const formKey = String(formData.get("formKey") ?? intent ?? "");
  const typed = typeof formData.get("body") === "string" ? String(formData.get("body")) : undefined;
  if (!can(member, "case.comment"))
    return failed(403, {
      ok: false,
      formKey,
      message: msg("cases.page.commentForbidden"),
    });
  const parsed = threadForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const badId = parsed.error.issues.some((issue) =>
      ["threadId", "commentId"].includes(String(issue.path[0])),
    );
    return badId
      ? failed(404, {
          ok: false,
          formKey,
          message: msg("cases.page.commentNotFound"),
          body: typed,
        })
      : failed(400, {
          ok: false,
          formKey,
          message: msg("cases.page.formIncomplete"),
          body: typed,
        });
  }
  const form = parsed.data;
  try {
    const run = THREAD_INTENTS[form.intent] as (
      member: Member,
      caseId: string,
      form: ThreadForm,
    ) => {
      threadId: string;
    };
    const result = run(member, caseId, form);
    return { ok: true as const, formKey, threadId: result.threadId };
  } catch (error) {
    // Refusals from the models (400/403/404/409) are answered to the form, which keeps what was typed.
    if (!isRefusal(error)) throw error;
    return failed(error.status, { ok: false, formKey, message: error.message, body: typed });
  }
}

export default function CaseView() {
  const { t, i18n } = useTranslation();
  const period = usePeriod();
  const {
    caseStudy,
    html,
    bibliography,
    tagged,
    discussion,
    reviewState,
    workspaceId,
    canEdit,
    canTrash,
    canComment,
    canReadDrafts,
    canExportUnredacted,
    pdfAvailable,
    redacted,
  } = useLoaderData<typeof loader>();
  // Set only when a thread form was posted without JavaScript (fetchers keep their own answers).
  const noJsResult = useActionData<typeof action>() as ThreadActionResult | undefined;
  const threads = useCaseThreads(discussion.threads);
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  return (
    <main id="main" className="page case-page">
      <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>{t("common.nav.cases")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <div className="page-heading">
        <div>
          <h1>{caseStudy.title}</h1>
          <p className="case-meta">
            <StatusBadge status={caseStudy.status} />{" "}
            {caseStudy.confidential ? (
              <>
                <ConfidentialBadge />{" "}
              </>
            ) : null}
            {caseStudy.regions.join(", ")} ·{" "}
            {t("cases.page.updated", {
              period: period(caseStudy),
              language: languageName(caseStudy.language, i18n.language),
            })}
            <RelativeDate date={caseStudy.updatedAt} />
          </p>
        </div>
        <div className="actions case-actions">
          {canEdit ? (
            <>
              <Link to={`${caseUrl}/edit`} className="button">
                {t("cases.page.editText")}
              </Link>
              <Link to={`${caseUrl}/details`} className="button button-secondary">
                {t("cases.page.editDetails")}
              </Link>
            </>
          ) : null}
          <Link to={`${caseUrl}/conditions`} className="button button-secondary">
            {t("cases.page.conditions")}
          </Link>
          <Link to={`${caseUrl}/history`} className="button button-secondary">
            {t("cases.page.history")}
          </Link>
          {/* Trainers print the redacted copy only, from its print view (ADR 0008). */}
          {canExportUnredacted || redacted ? (
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {redacted ? t("cases.page.printRedacted") : t("cases.page.print")}
            </button>
          ) : null}
          <CaseExportLinks
            workspaceId={workspaceId}
            caseId={caseStudy.id}
            canExportUnredacted={canExportUnredacted}
            pdfAvailable={pdfAvailable}
          />
        </div>
      </div>
      {redacted ? (
        <p className="notice redacted-notice" role="status">
          {t("cases.page.redactedNotice")} <Link to={caseUrl}>{t("cases.page.backToFullCase")}</Link>
        </p>
      ) : null}
      {caseStudy.summary ? <p className="lead">{caseStudy.summary}</p> : null}
      <dl className="case-fields">
        <div>
          <dt>{t("cases.form.actors")}</dt>
          <dd>
            {caseStudy.actors.length ? (
              caseStudy.actors.join("; ")
            ) : (
              <span className="muted">{t("cases.page.notRecorded")}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("cases.form.mediators")}</dt>
          <dd>
            {caseStudy.mediators.length ? (
              caseStudy.mediators.join("; ")
            ) : (
              <span className="muted">{t("cases.page.notRecorded")}</span>
            )}
          </dd>
        </div>
      </dl>
      <div className="reading-layout">
        <article className="case-body" aria-label={t("cases.page.caseStudy")} lang={caseStudy.language}>
          {canComment ? (
            <ThreadedCaseBody html={html} state={threads} canComment={canComment} />
          ) : (
            <RenderedCaseBody html={html} />
          )}
          {bibliography.length > 0 ? (
            <section className="bibliography" aria-labelledby="bibliography-heading">
              <h2 id="bibliography-heading">{t("cases.page.sources")}</h2>
              <ol>
                {bibliography.map((entry) => (
                  <li key={entry.sourceId} id={`ref-${entry.number}`} value={entry.number}>
                    <Link to={`/w/${workspaceId}/sources/${entry.sourceId}`}>
                      {entry.reference ? (
                        <FormattedReference reference={entry.reference} />
                      ) : (
                        t("cases.page.sourceGone")
                      )}
                    </Link>
                    {entry.locators.length ? (
                      <span className="muted">
                        {t("cases.page.citedAt", { locators: entry.locators.join("; ") })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
        </article>
        <div className="reading-side">
          <ReviewPanel
            state={reviewState}
            action={`${caseUrl}/review`}
            headingLevel={2}
            activityHref={canReadDrafts ? `${caseUrl}/activity` : undefined}
          />
          {canComment ? (
            <ThreadColumn
              threads={discussion.threads}
              people={discussion.people}
              draft={threads.draft}
              canStartThread={Boolean(threads.selected?.anchor)}
              activeId={threads.activeId}
              showResolved={threads.showResolved}
              onShowResolved={threads.setShowResolved}
              onCancelDraft={threads.cancelDraft}
              onCreated={threads.threadCreated}
              onCommentOnSelection={threads.startComment}
              onShowPassage={threads.showPassage}
              noJsResult={noJsResult}
            />
          ) : null}
          <aside className="reading-aside" aria-labelledby="tagged-heading">
            <h2 id="tagged-heading">{t("cases.page.tagged")}</h2>
            <PassagesByCode groups={tagged} />
          </aside>
        </div>
      </div>
      {canTrash ? (
        <Form method="post" className="danger-zone">
          <input type="hidden" name="intent" value="trash" />
          <button type="submit" className="button button-danger button-small">
            {t("cases.page.trash")}
          </button>
          <span className="muted">{t("cases.page.trashHint")}</span>
        </Form>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
