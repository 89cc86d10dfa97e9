import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConfidentialBadge, RelativeDate, StatusBadge } from "~/components/case-bits";
import { CaseExportLinks } from "~/components/exports/case-export-links";
import { RenderedCaseBody } from "~/components/rendered-case-body";
import { ReviewPanel } from "~/components/review/review-panel";
import { TaggedPassages } from "~/components/tagged-passages";
import type { ThreadActionResult } from "~/components/threads/comment-form";
import { ThreadColumn } from "~/components/threads/thread-column";
import { ThreadedCaseBody, useCaseThreads } from "~/components/threads/threaded-body";
import { requestOrigin } from "~/models/audit.server";
import { recordConfidentialOpened } from "~/models/case-access.server";
import { formatPeriod, languageName } from "~/models/case-fields";
import { getCaseReading, trashCase } from "~/models/cases.server";
import { getReviewState } from "~/models/reviews.server";
import {
  CommentRejectedError,
  createThread,
  deleteComment,
  editComment,
  listCaseThreads,
  replyToThread,
  setThreadStatus,
} from "~/models/threads.server";
import readingStyles from "~/styles/reading.css?url";
import threadStyles from "~/styles/threads.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [
  { rel: "stylesheet", href: readingStyles },
  { rel: "stylesheet", href: threadStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.caseStudy.title ?? "Case"} · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  // ?redacted=1: the print view with sensitive passages replaced by "[redacted]" (ADR 0008).
  const redacted = new URL(request.url).searchParams.get("redacted") === "1";
  const reading = getCaseReading(member, requireId(params, "caseId"), { redacted });
  recordConfidentialOpened(member, reading.caseStudy, requestOrigin(request));
  return {
    workspaceId: member.workspaceId,
    ...reading,
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
  };
}

const recordId = z.string().regex(/^[a-z0-9]{8,40}$/);
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

function failed(status: number, failure: Failure) {
  return data(failure, { status });
}

/** Refusals from the models (400/403/404/409) are answered to the form, which keeps what was typed. */
function refusal(error: unknown): { status: number; message: string } | null {
  if (error instanceof CommentRejectedError) return { status: error.status, message: error.message };
  const thrown = error as { type?: string; data?: { message?: string }; init?: { status?: number } | null };
  if (thrown?.type === "DataWithResponseInit" && thrown.init?.status)
    return { status: thrown.init.status, message: thrown.data?.message ?? "This could not be saved." };
  return null;
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
      message: "Case moved to the trash. You can restore it from the Trash page.",
    });
  }
  const formKey = String(formData.get("formKey") ?? intent ?? "");
  const typed = typeof formData.get("body") === "string" ? String(formData.get("body")) : undefined;
  if (!can(member, "case.comment"))
    return failed(403, {
      ok: false,
      formKey,
      message: "Your role in this workspace does not allow commenting.",
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
          message: "This comment does not exist in this workspace.",
          body: typed,
        })
      : failed(400, {
          ok: false,
          formKey,
          message: "This form is incomplete. Reload the page and try again.",
          body: typed,
        });
  }
  const form = parsed.data;
  try {
    const result =
      form.intent === "thread.create"
        ? createThread(member, caseId, form)
        : form.intent === "comment.reply"
          ? replyToThread(member, caseId, form.threadId, form)
          : form.intent === "comment.edit"
            ? editComment(member, caseId, form.commentId, form)
            : form.intent === "comment.delete"
              ? deleteComment(member, caseId, form.commentId)
              : setThreadStatus(
                  member,
                  caseId,
                  form.threadId,
                  form.intent === "thread.resolve" ? "resolved" : "open",
                );
    return { ok: true as const, formKey, threadId: result.threadId };
  } catch (error) {
    const refused = refusal(error);
    if (!refused) throw error;
    return failed(refused.status, { ok: false, formKey, message: refused.message, body: typed });
  }
}

export default function CaseView() {
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
    redacted,
  } = useLoaderData<typeof loader>();
  // Set only when a thread form was posted without JavaScript (fetchers keep their own answers).
  const noJsResult = useActionData<typeof action>() as ThreadActionResult | undefined;
  const threads = useCaseThreads(discussion.threads);
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  return (
    <main id="main" className="page case-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>Cases</Link> <span aria-hidden="true">›</span>
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
            {caseStudy.regions.join(", ")} · {formatPeriod(caseStudy)} · in {languageName(caseStudy.language)}{" "}
            · updated <RelativeDate date={caseStudy.updatedAt} />
          </p>
        </div>
        <div className="actions case-actions">
          {canEdit ? (
            <>
              <Link to={`${caseUrl}/edit`} className="button">
                Edit text
              </Link>
              <Link to={`${caseUrl}/details`} className="button button-secondary">
                Edit details
              </Link>
            </>
          ) : null}
          <Link to={`${caseUrl}/conditions`} className="button button-secondary">
            Conditions
          </Link>
          <Link to={`${caseUrl}/history`} className="button button-secondary">
            History
          </Link>
          {/* Trainers print the redacted copy only, from its print view (ADR 0008). */}
          {canExportUnredacted || redacted ? (
            <button type="button" className="button button-secondary" onClick={() => window.print()}>
              {redacted ? "Print redacted" : "Print"}
            </button>
          ) : null}
          <CaseExportLinks
            workspaceId={workspaceId}
            caseId={caseStudy.id}
            canExportUnredacted={canExportUnredacted}
          />
        </div>
      </div>
      {redacted ? (
        <p className="notice redacted-notice" role="status">
          Redacted view for printing: sensitive passages are replaced by “[redacted]” and the locators of
          their citations are left out. <Link to={caseUrl}>Back to the full case</Link>
        </p>
      ) : null}
      {caseStudy.summary ? <p className="lead">{caseStudy.summary}</p> : null}
      <dl className="case-fields">
        <div>
          <dt>Armed groups and state actors</dt>
          <dd>
            {caseStudy.actors.length ? (
              caseStudy.actors.join("; ")
            ) : (
              <span className="muted">Not recorded</span>
            )}
          </dd>
        </div>
        <div>
          <dt>Mediators and intermediaries</dt>
          <dd>
            {caseStudy.mediators.length ? (
              caseStudy.mediators.join("; ")
            ) : (
              <span className="muted">Not recorded</span>
            )}
          </dd>
        </div>
      </dl>
      <div className="reading-layout">
        <article className="case-body" aria-label="Case study" lang={caseStudy.language}>
          {canComment ? (
            <ThreadedCaseBody html={html} state={threads} canComment={canComment} />
          ) : (
            <RenderedCaseBody html={html} />
          )}
          {bibliography.length > 0 ? (
            <section className="bibliography" aria-labelledby="bibliography-heading">
              <h2 id="bibliography-heading">Sources</h2>
              <ol>
                {bibliography.map((entry) => (
                  <li key={entry.sourceId} id={`ref-${entry.number}`} value={entry.number}>
                    <Link to={`/w/${workspaceId}/sources/${entry.sourceId}`}>{entry.reference}</Link>
                    {entry.locators.length ? (
                      <span className="muted"> — cited at {entry.locators.join("; ")}</span>
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
            <h2 id="tagged-heading">Tagged passages</h2>
            <TaggedPassages groups={tagged} />
          </aside>
        </div>
      </div>
      {canTrash ? (
        <Form method="post" className="danger-zone">
          <input type="hidden" name="intent" value="trash" />
          <button type="submit" className="button button-danger button-small">
            Move to trash
          </button>
          <span className="muted"> Nothing is deleted: the case can be restored from the Trash.</span>
        </Form>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
