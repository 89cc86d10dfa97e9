import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RenderedCaseBody } from "~/components/rendered-case-body";
import { useEventDate } from "~/components/timeline/event-date";
import type { CaseEvent } from "~/models/event-fields";
import { RevisionTime, useRevisionNote } from "./revision-time";

export type ViewedRevision = {
  number: number;
  note: string;
  authorName: string;
  claimedAuthor?: string | null;
  createdAt: string | Date;
  fields: {
    title: string;
    regions: string[];
    period: string;
    actors: string[];
    mediators: string[];
    summary: string;
    dialogueType: "prison" | "active_group" | null;
  };
  events: CaseEvent[];
  html: string;
  bibliographyHtml: string;
};

/** A past revision, read-only, as the case read then. */
export function RevisionView({
  revision,
  currentRevision,
  canRestore,
  historyUrl,
}: {
  revision: ViewedRevision;
  currentRevision: number;
  canRestore: boolean;
  historyUrl: string;
}) {
  const { t } = useTranslation();
  const eventDate = useEventDate();
  const noteText = useRevisionNote();
  const listOrNone = (values: string[]) =>
    values.length ? values.join("; ") : <span className="muted">{t("history.view.notRecorded")}</span>;
  const navigation = useNavigation();
  const restoring = navigation.state !== "idle" && navigation.formData?.get("intent") === "restore";
  const isCurrent = revision.number === currentRevision;
  const { fields } = revision;
  return (
    <section className="revision-view" aria-labelledby="revision-view-heading">
      <div className="revision-view-heading">
        <div>
          <h2 id="revision-view-heading">
            {t(isCurrent ? "history.view.headingCurrent" : "history.view.heading", {
              number: revision.number,
            })}
          </h2>
          <p className="muted">
            {revision.note ? `${noteText(revision.note)} · ` : ""}
            {revision.authorName || t("history.list.formerMember")}
            {revision.claimedAuthor
              ? ` ${t("history.list.claimedAuthor", { name: revision.claimedAuthor })}`
              : ""}{" "}
            · <RevisionTime date={revision.createdAt} />
          </p>
        </div>
        <div className="actions">
          {!isCurrent ? (
            <Link
              to={`${historyUrl}?from=${revision.number}&to=${currentRevision}`}
              className="button button-secondary button-small"
            >
              {t("history.view.compareWithCurrent")}
            </Link>
          ) : null}
          {canRestore && !isCurrent ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="restore" />
              <input type="hidden" name="number" value={revision.number} />
              <input type="hidden" name="revision" value={currentRevision} />
              <button type="submit" className="button button-small" disabled={restoring}>
                {restoring ? t("history.view.restoring") : t("history.view.restore")}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {isCurrent ? null : (
        <p className="revision-banner">
          {t("history.view.earlier")}
          {canRestore ? t("history.view.restoreAdds") : null}
        </p>
      )}
      <h3 className="revision-title">{fields.title}</h3>
      <dl className="case-fields">
        <div>
          <dt>{t("history.fields.regions")}</dt>
          <dd>{listOrNone(fields.regions)}</dd>
        </div>
        <div>
          <dt>{t("history.fields.period")}</dt>
          <dd>{fields.period}</dd>
        </div>
        <div>
          <dt>{t("history.fields.actors")}</dt>
          <dd>{listOrNone(fields.actors)}</dd>
        </div>
        <div>
          <dt>{t("history.fields.mediators")}</dt>
          <dd>{listOrNone(fields.mediators)}</dd>
        </div>
        {fields.summary ? (
          <div>
            <dt>{t("history.fields.summary")}</dt>
            <dd>{fields.summary}</dd>
          </div>
        ) : null}
        {fields.dialogueType ? (
          <div>
            <dt>{t("history.fields.dialogueType")}</dt>
            <dd>{t(`cases.dialogueType.${fields.dialogueType}`)}</dd>
          </div>
        ) : null}
      </dl>
      <h4>{t("history.view.events")}</h4>
      {revision.events.length ? (
        <ol className="revision-events">
          {revision.events.map((event) => (
            <li key={event.id}>
              <span className="muted">{eventDate(event)}</span> — <span dir="auto">{event.title}</span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">{t("history.view.noEvents")}</p>
      )}
      <article
        className="case-body revision-body"
        aria-label={t("history.view.textOf", { number: revision.number })}
      >
        {revision.html ? (
          <RenderedCaseBody html={revision.html + revision.bibliographyHtml} className="case-body-html" />
        ) : (
          <p className="muted">{t("history.view.noText")}</p>
        )}
      </article>
    </section>
  );
}
