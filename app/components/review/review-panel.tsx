import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { RelativeDate, StatusBadge } from "~/components/case-labels";
import { Field, FormError } from "~/components/field";
import { REVIEW_MESSAGE_MAX, REVIEW_NOTE_MAX } from "~/models/review-fields";
import type { ReviewState } from "~/models/reviews.server";
import { formatList } from "~/rules/locale";
import { useFormat } from "~/utils/format";
import { useMessage } from "~/utils/messages";

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

/** "Aïcha, Bintou and Chaka" · "Aïcha, Bintou et Chaka" */
function names(people: Array<{ name: string }>, locale: "en" | "fr") {
  const list = people.map((person) => person.name);
  return formatList(list, locale);
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
  const { t } = useTranslation();
  const tm = useMessage();
  const format = useFormat();
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
        <Heading id={headingId}>{t("review.panel.heading")}</Heading>
        <StatusBadge status={state.status} />
      </div>
      <FormError errors={[...(errors.form ?? []), ...(errors.revision ?? [])]} />

      {state.newerDraft ? (
        <p className="review-banner" role="note">
          <strong>{t("review.panel.newerDraftStrong")}</strong>
          {t("review.panel.newerDraft", {
            approved: state.approvedRevision ?? "",
            current: state.currentRevision,
          })}
        </p>
      ) : null}

      <p className="review-summary">
        {state.approvedRevision !== null
          ? t("review.panel.approvedRevision", { revision: state.approvedRevision })
          : t("review.panel.notApproved")}
        {state.status !== "approved" || state.approvedRevision !== state.currentRevision
          ? t("review.panel.currentRevision", { revision: state.currentRevision })
          : null}
      </p>

      {pendingReview ? (
        <div className="review-pending">
          <p>
            {t("review.panel.submittedBy")}
            <strong>{pendingReview.submittedBy.name || t("common.formerMember")}</strong>{" "}
            <RelativeDate date={pendingReview.submittedAt} />
            {t("review.panel.revisionInParens", { revision: pendingReview.revision })}
            {pendingReview.reviewers.length > 0 ? (
              <>
                {t("review.panel.to")}
                <strong>{names(pendingReview.reviewers, format.locale)}</strong>
                {t("review.panel.toEnd")}
              </>
            ) : (
              t("review.panel.noReviewer")
            )}
            {pendingReview.youAreReviewer ? (
              <span className="review-you">{t("review.panel.youAreReviewer")}</span>
            ) : null}
          </p>
          {pendingReview.message ? (
            <blockquote className="review-note">{pendingReview.message}</blockquote>
          ) : null}
          {pendingReview.editedSinceSubmission ? (
            <p className="review-warning">
              {t("review.panel.editedSince", { revision: state.currentRevision })}
            </p>
          ) : null}
        </div>
      ) : null}

      {lastDecision ? (
        <div className={`review-decision review-decision-${lastDecision.decision}`}>
          <Sub className="review-subheading">
            {t(pendingReview ? "review.panel.previousDecision" : "review.panel.lastDecision", {
              decision: t(`review.panel.decisions.${lastDecision.decision}`),
            })}
            {lastDecision.approvedRevision
              ? t("review.panel.decisionRevision", { revision: lastDecision.approvedRevision })
              : null}
          </Sub>
          <p className="muted">
            {t("review.panel.decisionBy", { name: lastDecision.by.name })}
            <RelativeDate date={lastDecision.at} />
          </p>
          {lastDecision.note ? <blockquote className="review-note">{lastDecision.note}</blockquote> : null}
        </div>
      ) : null}

      {can.submit ? (
        <Form method="post" action={action} className="review-form" noValidate>
          <input type="hidden" name="intent" value="submit" />
          <Sub className="review-subheading">
            {state.status === "changes_requested" ? t("review.panel.resubmit") : t("review.panel.submit")}
          </Sub>
          {state.reviewersChoices.length === 0 ? (
            <p className="empty-state">{t("review.panel.nobodyMayApprove")}</p>
          ) : (
            <fieldset
              className={`field review-reviewers${failed("submit").reviewerIds?.length ? " field-invalid" : ""}`}
              aria-describedby={
                failed("submit").reviewerIds?.length ? `${headingId}-reviewers-error` : undefined
              }
            >
              <legend>{t("review.panel.reviewers")}</legend>
              <p className="field-hint">{t("review.panel.reviewersHint")}</p>
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
                    {t(person.isYou ? "review.panel.personRoleYou" : "review.panel.personRole", {
                      role: t(`common.roles.${person.role}`),
                    })}
                  </span>
                </label>
              ))}
              {failed("submit").reviewerIds?.length ? (
                <p className="field-error" id={`${headingId}-reviewers-error`} role="alert">
                  {failed("submit").reviewerIds?.map(tm).join(" ")}
                </p>
              ) : null}
            </fieldset>
          )}
          <Field
            label={t("review.panel.message")}
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
                ? t("review.panel.submitting")
                : state.status === "changes_requested"
                  ? t("review.panel.resubmit")
                  : t("review.panel.submit")}
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
              <Sub className="review-subheading">{t("review.panel.approve")}</Sub>
              <Field
                label={t("review.panel.note")}
                name="note"
                multiline
                rows={3}
                hint={t("review.panel.approveHint", { revision: state.currentRevision })}
                maxLength={REVIEW_NOTE_MAX}
                defaultValue={typed("approve", "note")}
                errors={failed("approve").note}
              />
              <div className="actions">
                <button type="submit" className="button" disabled={busyIntent === "approve"}>
                  {busyIntent === "approve"
                    ? t("review.panel.approving")
                    : t("review.panel.approveRevision", { revision: state.currentRevision })}
                </button>
              </div>
            </Form>
          ) : null}
          {can.requestChanges ? (
            <Form method="post" action={action} className="review-form" noValidate>
              <input type="hidden" name="intent" value="request_changes" />
              <input type="hidden" name="revision" value={state.currentRevision} />
              <Sub className="review-subheading">{t("review.panel.requestChanges")}</Sub>
              <Field
                label={t("review.panel.whatToChange")}
                name="note"
                multiline
                rows={4}
                required
                maxLength={REVIEW_NOTE_MAX}
                hint={t("review.panel.requestHint")}
                defaultValue={typed("request_changes", "note")}
                errors={failed("request_changes").note}
              />
              <div className="actions">
                <button
                  type="submit"
                  className="button button-secondary"
                  disabled={busyIntent === "request_changes"}
                >
                  {busyIntent === "request_changes"
                    ? t("review.panel.sending")
                    : t("review.panel.requestChanges")}
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
            {t("review.panel.withdraw")}
          </button>
          <span className="muted">{t("review.panel.withdrawHint")}</span>
        </Form>
      ) : null}

      {state.approvalBySomeoneElse ? (
        <p className="review-note-rule">{t("review.panel.someoneElse")}</p>
      ) : null}

      {anyAction ? null : (
        <p className="muted review-idle">
          {state.readsApprovedOnly
            ? t("review.panel.readsApprovedOnly")
            : state.mayEdit
              ? t(`review.panel.idle.${state.status}`)
              : t(`review.panel.idleReader.${state.status}`)}
        </p>
      )}
      {activityHref ? (
        <p className="review-links">
          <Link to={activityHref}>{t("review.panel.activity")}</Link>
        </p>
      ) : null}
    </section>
  );
}
