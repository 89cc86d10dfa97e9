import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
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
import { can, forbidden } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: reviewStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Review · ${data?.state.title ?? "Case"} · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const state = getReviewState(member, requireId(params, "caseId"));
  return {
    workspaceId: member.workspaceId,
    state,
    showActivity: can(member, "case.readDrafts"),
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
      errors[key].push(
        field === "intent" ? "That action was not understood. Reload the page and try again." : issue.message,
      );
    }
    return data({ errors, values: kept }, { status: 400 });
  }
  const origin = requestOrigin(request);
  const caseUrl = `/w/${member.workspaceId}/cases/${caseId}`;
  let message: string;
  try {
    const form = parsed.data;
    switch (form.intent) {
      case "submit": {
        const result = submitForReview(member, caseId, form, origin);
        message = `Revision ${result.revision} submitted for review. The reviewers are notified.`;
        break;
      }
      case "approve": {
        const result = approveCase(member, caseId, form, origin);
        message = result.editedSinceRead
          ? `Approved revision ${result.revision}. It includes text edited after you opened the case (revision ${form.revision}): the current text is what you approved.`
          : result.editedSinceSubmission
            ? `Approved revision ${result.revision}. It was edited after it was submitted (revision ${result.submittedRevision}): the current revision is what you approved.`
            : `Approved revision ${result.revision}. Trainers now read this version.`;
        break;
      }
      case "request_changes":
        requestChanges(member, caseId, form, origin);
        message = "Changes requested. The editors are notified and see your note.";
        break;
      case "withdraw":
        withdrawReview(member, caseId, origin);
        message = "Withdrawn from review: the case is a draft again.";
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
  const { workspaceId, state, showActivity } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const caseUrl = `/w/${workspaceId}/cases/${state.caseId}`;
  return (
    <main id="main" className="page page-narrow review-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>Cases</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={caseUrl}>{state.title}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>Review of “{state.title}”</h1>
      <ReviewPanel
        state={state}
        action={`${caseUrl}/review`}
        errors={actionData?.errors}
        values={actionData?.values}
        activityHref={showActivity ? `${caseUrl}/activity` : undefined}
      />
      <p>
        <Link to={caseUrl}>Back to the case</Link>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
