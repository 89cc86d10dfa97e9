import { Form, Link, useNavigation } from "@remix-run/react";
import { RenderedCaseBody } from "~/components/rendered-case-body";
import { RevisionTime } from "./revision-time";

export type ViewedRevision = {
  number: number;
  note: string;
  authorName: string;
  createdAt: string | Date;
  fields: {
    title: string;
    regions: string[];
    period: string;
    actors: string[];
    mediators: string[];
    summary: string;
  };
  html: string;
  bibliographyHtml: string;
};

function listOrNone(values: string[]) {
  return values.length ? values.join("; ") : <span className="muted">Not recorded</span>;
}

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
  const navigation = useNavigation();
  const restoring = navigation.state !== "idle" && navigation.formData?.get("intent") === "restore";
  const isCurrent = revision.number === currentRevision;
  const { fields } = revision;
  return (
    <section className="revision-view" aria-labelledby="revision-view-heading">
      <div className="revision-view-heading">
        <div>
          <h2 id="revision-view-heading">
            Revision {revision.number}
            {isCurrent ? " (current)" : ""}
          </h2>
          <p className="muted">
            {revision.note ? `${revision.note} · ` : ""}
            {revision.authorName} · <RevisionTime date={revision.createdAt} />
          </p>
        </div>
        <div className="actions">
          {!isCurrent ? (
            <Link
              to={`${historyUrl}?from=${revision.number}&to=${currentRevision}`}
              className="button button-secondary button-small"
            >
              Compare with current
            </Link>
          ) : null}
          {canRestore && !isCurrent ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="intent" value="restore" />
              <input type="hidden" name="number" value={revision.number} />
              <input type="hidden" name="revision" value={currentRevision} />
              <button type="submit" className="button button-small" disabled={restoring}>
                {restoring ? "Restoring…" : "Restore this revision"}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
      {isCurrent ? null : (
        <p className="revision-banner">
          You are reading an earlier version of this case.{" "}
          {canRestore ? "Restoring it adds a new revision: nothing in the history is deleted." : null}
        </p>
      )}
      <h3 className="revision-title">{fields.title}</h3>
      <dl className="case-fields">
        <div>
          <dt>Countries or regions</dt>
          <dd>{listOrNone(fields.regions)}</dd>
        </div>
        <div>
          <dt>Period</dt>
          <dd>{fields.period}</dd>
        </div>
        <div>
          <dt>Armed groups and state actors</dt>
          <dd>{listOrNone(fields.actors)}</dd>
        </div>
        <div>
          <dt>Mediators and intermediaries</dt>
          <dd>{listOrNone(fields.mediators)}</dd>
        </div>
        {fields.summary ? (
          <div>
            <dt>One-line summary</dt>
            <dd>{fields.summary}</dd>
          </div>
        ) : null}
      </dl>
      <article className="case-body revision-body" aria-label={`Text of revision ${revision.number}`}>
        {revision.html ? (
          <RenderedCaseBody html={revision.html + revision.bibliographyHtml} className="case-body-html" />
        ) : (
          <p className="muted">This revision has no text.</p>
        )}
      </article>
    </section>
  );
}
