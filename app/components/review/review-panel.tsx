import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { RelativeDate, StatusBadge } from "~/components/case-bits";
import { Field, FormError } from "~/components/field";
import { REVIEW_MESSAGE_MAX, REVIEW_NOTE_MAX } from "~/models/review-fields";
import type { ReviewState } from "~/models/reviews.server";

export type ReviewPanelProps = {
  /** `getReviewState(member, caseId)` as the loader returned it. */
  state: ReviewState;
  /** Where the forms post: the case's review route, `/w/<workspaceId>/cases/<caseId>/review`. */
  action: string;
  /** From the review route's action after a refused form (400/409): messages by field, `form` for the rest. */
  errors?: Record<string, string[] | undefined>;
  /** What the member typed in the refused form, and which form it was (`intent`). */
  values?: Record<string, string | string[] | undefined>;
  /** The level of the panel's own heading (2 on the review page, 2 or 3 inside the case page). */
  headingLevel?: 2 | 3;
  /** Link to the case's activity timeline (members who read drafts). */
  activityHref?: string;
};

const DECISION_WORDS = {
  approved: "Approved",
  changes_requested: "Changes requested",
  withdrawn: "Withdrawn from review",
} as const;

const IDLE_WORDS = {
  draft: "Not submitted for review. An editor submits it when it is ready.",
  changes_requested: "Waiting for the editors to make the changes and resubmit.",
  in_review: "Waiting for a decision from the reviewers.",
  approved:
    "Editing the case starts a new draft; this approved revision stays readable until the next approval.",
} as const;

function names(people: Array<{ name: string }>) {
  const list = people.map((person) => person.name);
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

/** Status, who was asked, the last decision and the actions this member may take on the case's review. */
export function ReviewPanel({
  state,
  action,
  errors = {},
  values = {},
  headingLevel = 2,
  activityHref,
}: ReviewPanelProps) {
  const navigation = useNavigation();
  const busyIntent =
    navigation.state !== "idle" && navigation.formAction === action
      ? String(navigation.formData?.get("intent") ?? "")
      : null;
  const headingId = useId();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  const { pendingReview, lastDecision, can } = state;
  const failed = (intent: string) => (values.intent === intent ? errors : {});
  const typed = (intent: string, name: string) =>
    values.intent === intent && typeof values[name] === "string" ? (values[name] as string) : undefined;
  const pickedBefore = Array.isArray(values.reviewerIds)
    ? values.reviewerIds
    : typeof values.reviewerIds === "string"
      ? [values.reviewerIds]
      : null;
  const anyAction = can.submit || can.approve || can.requestChanges || can.withdraw;

  return (
    <section className="review-panel card" aria-labelledby={headingId}>
      <div className="review-panel-head">
        <Heading id={headingId}>Review</Heading>
        <StatusBadge status={state.status} />
      </div>
      <FormError errors={[...(errors.form ?? []), ...(errors.revision ?? [])]} />

      {state.newerDraft ? (
        <p className="review-banner" role="note">
          <strong>A newer draft exists.</strong> Readers who see approved versions only still read revision{" "}
          {state.approvedRevision}; this draft is revision {state.currentRevision}.
        </p>
      ) : null}

      <p className="review-summary">
        {state.approvedRevision !== null ? (
          <>Approved revision: {state.approvedRevision}. </>
        ) : (
          <>Not approved yet: trainers do not see this case. </>
        )}
        {state.status !== "approved" || state.approvedRevision !== state.currentRevision ? (
          <>Current revision: {state.currentRevision}.</>
        ) : null}
      </p>

      {pendingReview ? (
        <div className="review-pending">
          <p>
            Submitted for review by <strong>{pendingReview.submittedBy.name}</strong>{" "}
            <RelativeDate date={pendingReview.submittedAt} /> (revision {pendingReview.revision})
            {pendingReview.reviewers.length > 0 ? (
              <>
                {" "}
                to <strong>{names(pendingReview.reviewers)}</strong>.
              </>
            ) : (
              ". No reviewer was picked: any reviewer or owner may decide."
            )}
            {pendingReview.youAreReviewer ? (
              <span className="review-you"> You were asked to review it.</span>
            ) : null}
          </p>
          {pendingReview.message ? (
            <blockquote className="review-note">{pendingReview.message}</blockquote>
          ) : null}
          {pendingReview.editedSinceSubmission ? (
            <p className="review-warning">
              Edited since it was submitted: it is now revision {state.currentRevision}. A decision applies to
              revision {state.currentRevision}.
            </p>
          ) : null}
        </div>
      ) : null}

      {lastDecision ? (
        <div className={`review-decision review-decision-${lastDecision.decision}`}>
          <Sub className="review-subheading">
            {pendingReview ? "Previous decision" : "Last decision"}: {DECISION_WORDS[lastDecision.decision]}
            {lastDecision.approvedRevision ? ` (revision ${lastDecision.approvedRevision})` : null}
          </Sub>
          <p className="muted">
            By {lastDecision.by.name}, <RelativeDate date={lastDecision.at} />
          </p>
          {lastDecision.note ? <blockquote className="review-note">{lastDecision.note}</blockquote> : null}
        </div>
      ) : null}

      {can.submit ? (
        <Form method="post" action={action} className="review-form" noValidate>
          <input type="hidden" name="intent" value="submit" />
          <Sub className="review-subheading">
            {state.status === "changes_requested" ? "Resubmit for review" : "Submit for review"}
          </Sub>
          {state.reviewersChoices.length === 0 ? (
            <p className="empty-state">
              Nobody in this workspace may approve cases yet. An owner can invite a reviewer from the Members
              page.
            </p>
          ) : (
            <fieldset
              className={`field review-reviewers${failed("submit").reviewerIds?.length ? " field-invalid" : ""}`}
              aria-describedby={
                failed("submit").reviewerIds?.length ? `${headingId}-reviewers-error` : undefined
              }
            >
              <legend>Reviewers</legend>
              <p className="field-hint">Pick who should read it and decide. Owners may also decide.</p>
              {state.reviewersChoices.map((person) => (
                <label key={person.id} className="checkbox">
                  <input
                    type="checkbox"
                    name="reviewerIds"
                    value={person.id}
                    defaultChecked={pickedBefore ? pickedBefore.includes(person.id) : person.suggested}
                  />{" "}
                  {person.name}{" "}
                  <span className="muted">
                    ({person.isYou ? "you, " : ""}
                    {person.role})
                  </span>
                </label>
              ))}
              {failed("submit").reviewerIds?.length ? (
                <p className="field-error" id={`${headingId}-reviewers-error`} role="alert">
                  {failed("submit").reviewerIds?.join(" ")}
                </p>
              ) : null}
            </fieldset>
          )}
          <Field
            label="Message to the reviewers (optional)"
            name="message"
            multiline
            rows={3}
            maxLength={REVIEW_MESSAGE_MAX}
            defaultValue={typed("submit", "message")}
            errors={failed("submit").message}
          />
          <div className="actions">
            <button
              type="submit"
              className="button"
              disabled={busyIntent === "submit" || state.reviewersChoices.length === 0}
            >
              {busyIntent === "submit"
                ? "Submitting…"
                : state.status === "changes_requested"
                  ? "Resubmit for review"
                  : "Submit for review"}
            </button>
          </div>
        </Form>
      ) : null}

      {can.approve || can.requestChanges ? (
        <div className="review-decide">
          {can.approve ? (
            <Form method="post" action={action} className="review-form" noValidate>
              <input type="hidden" name="intent" value="approve" />
              <input type="hidden" name="revision" value={state.currentRevision} />
              <Sub className="review-subheading">Approve</Sub>
              <Field
                label="Note (optional)"
                name="note"
                multiline
                rows={3}
                hint={`Trainers read revision ${state.currentRevision} from then on.`}
                maxLength={REVIEW_NOTE_MAX}
                defaultValue={typed("approve", "note")}
                errors={failed("approve").note}
              />
              <div className="actions">
                <button type="submit" className="button" disabled={busyIntent === "approve"}>
                  {busyIntent === "approve" ? "Approving…" : `Approve revision ${state.currentRevision}`}
                </button>
              </div>
            </Form>
          ) : null}
          {can.requestChanges ? (
            <Form method="post" action={action} className="review-form" noValidate>
              <input type="hidden" name="intent" value="request_changes" />
              <input type="hidden" name="revision" value={state.currentRevision} />
              <Sub className="review-subheading">Request changes</Sub>
              <Field
                label="What needs to change"
                name="note"
                multiline
                rows={4}
                required
                maxLength={REVIEW_NOTE_MAX}
                hint="The editors see this note with the case."
                defaultValue={typed("request_changes", "note")}
                errors={failed("request_changes").note}
              />
              <div className="actions">
                <button
                  type="submit"
                  className="button button-secondary"
                  disabled={busyIntent === "request_changes"}
                >
                  {busyIntent === "request_changes" ? "Sending…" : "Request changes"}
                </button>
              </div>
            </Form>
          ) : null}
        </div>
      ) : null}

      {can.withdraw ? (
        <Form method="post" action={action} className="review-withdraw">
          <input type="hidden" name="intent" value="withdraw" />
          <button
            type="submit"
            className="button button-secondary button-small"
            disabled={busyIntent === "withdraw"}
          >
            Withdraw from review
          </button>
          <span className="muted"> The case becomes a draft again; the reviewers are told.</span>
        </Form>
      ) : null}

      {anyAction ? null : (
        <p className="muted review-idle">
          {state.readsApprovedOnly ? "This is the version the reviewers approved." : IDLE_WORDS[state.status]}
        </p>
      )}
      {activityHref ? (
        <p className="review-links">
          <Link to={activityHref}>Activity of this case</Link>
        </p>
      ) : null}
    </section>
  );
}
