import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReviewPanel } from "~/components/review/review-panel";
import { requestOrigin } from "~/models/audit.server";
import { reviewActionSchema, reviewFormInput } from "~/models/review-fields";
import {
  approveCase,
  getReviewState,
  ReviewConflictError,
  ReviewInputError,
  requestChanges,
  submitForReview,
  withdrawReview,
} from "~/models/reviews.server";
import reviewStyles from "~/styles/review.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { type Message, msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can, forbidden } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: reviewStyles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const state = getReviewState(member, requireId(params, "caseId"));
  const t = await getT(request);
  return {
    workspaceId: member.workspaceId,
    state,
    showActivity: can(member, "case.readDrafts"),
    pageTitle: t("common.pageTitle", { title: t("review.page.metaTitle", { title: state.title }) }),
  };
}

type Errors = Record<string, string[]>;

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const caseId = requireId(params, "caseId");
  // Checked before the form is read: who may take no review action at all learns nothing from it.
  if (!can(member, "case.edit") && !can(member, "case.approve")) throw forbidden();
  const { values, input } = reviewFormInput(await request.formData());
  const kept = { ...values, reviewerIds: input.reviewerIds };
  const parsed = reviewActionSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Errors = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? String(issue.path[0]) : "intent";
      const key = field === "intent" ? "form" : field;
      errors[key] ??= [];
      errors[key].push(field === "intent" ? msg("review.errors.notUnderstood") : issue.message);
    }
    return data({ errors, values: kept }, { status: 400 });
  }
  const origin = requestOrigin(request);
  const caseUrl = `/w/${member.workspaceId}/cases/${caseId}`;
  let message: Message;
  try {
    const form = parsed.data;
    switch (form.intent) {
      case "submit": {
        const result = submitForReview(member, caseId, form, origin);
        message = msg("review.toasts.submitted", { revision: result.revision });
        break;
      }
      case "approve": {
        const result = approveCase(member, caseId, form, origin);
        message = result.editedSinceRead
          ? msg("review.toasts.approvedEditedSinceRead", { revision: result.revision, read: form.revision })
          : result.editedSinceSubmission
            ? msg("review.toasts.approvedEdited", {
                revision: result.revision,
                submitted: result.submittedRevision,
              })
            : msg("review.toasts.approved", { revision: result.revision });
        break;
      }
      case "request_changes":
        requestChanges(member, caseId, form, origin);
        message = msg("review.toasts.changesRequested");
        break;
      case "withdraw":
        withdrawReview(member, caseId, origin);
        message = msg("review.toasts.withdrawn");
        break;
    }
  } catch (error) {
    if (error instanceof ReviewConflictError)
      return data({ errors: { form: [error.message] } as Errors, values: kept }, { status: 409 });
    if (error instanceof ReviewInputError)
      return data({ errors: { [error.field]: [error.message] } as Errors, values: kept }, { status: 400 });
    throw error;
  }
  return redirectWithToast(request, caseUrl, { kind: "success", message });
}

export default function CaseReview() {
  const { t } = useTranslation();
  const { workspaceId, state, showActivity } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const caseUrl = `/w/${workspaceId}/cases/${state.caseId}`;
  return (
    <main id="main" className="page page-narrow review-page">
      <nav aria-label={t("review.page.breadcrumb")} className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>{t("review.page.cases")}</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={caseUrl}>{state.title}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("review.page.title", { title: state.title })}</h1>
      <ReviewPanel
        state={state}
        action={`${caseUrl}/review`}
        errors={actionData?.errors}
        values={actionData?.values}
        activityHref={showActivity ? `${caseUrl}/activity` : undefined}
      />
      <p>
        <Link to={caseUrl}>{t("review.page.back")}</Link>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
