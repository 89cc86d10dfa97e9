import { Form } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useEventDate } from "~/components/timeline/event-date";
import type { CaseEvent, EventChanges } from "~/models/event-fields";
import { useFormat } from "~/utils/format";
import { RevisionTime, useRevisionNote } from "./revision-time";

type TextChange = { kind: "same" | "added" | "removed"; value: string };
type TagChange = { codeLabel: string; kind: string; text: string; section: string };
type CitationChange = { sourceTitle: string; locator: string; text: string; section: string };
type RevisionMeta = { number: number; note: string; authorName: string; createdAt: string | Date };

export type Comparison = {
  from: RevisionMeta;
  to: RevisionMeta;
  fields: Array<{ field: string; label: string; before: string; after: string }>;
  text: TextChange[];
  tagsAdded: TagChange[];
  tagsRemoved: TagChange[];
  citationsAdded: CitationChange[];
  citationsRemoved: CitationChange[];
  events: EventChanges;
};

type Choice = { number: number; note: string; createdAt: string | Date };

function useChoiceLabel() {
  const { t } = useTranslation();
  const format = useFormat();
  const noteText = useRevisionNote();
  return (choice: Choice) => {
    const date = format.date(choice.createdAt);
    const full = noteText(choice.note, false);
    const note = full.length > 40 ? `${full.slice(0, 40)}…` : full;
    return note
      ? t("history.compare.choiceWithNote", { number: choice.number, date, note })
      : t("history.compare.choice", { number: choice.number, date });
  };
}

/** Two revision pickers in a GET form: the comparison is a plain URL that works without JavaScript. */
export function CompareForm({ choices, from, to }: { choices: Choice[]; from: number; to: number }) {
  const { t } = useTranslation();
  const choiceLabel = useChoiceLabel();
  const id = useId();
  return (
    <Form method="get" className="compare-form">
      <div className="field">
        <label htmlFor={`${id}-from`}>{t("history.compare.older")}</label>
        <select id={`${id}-from`} name="from" defaultValue={String(from)} key={`from-${from}`}>
          {choices.map((choice) => (
            <option key={choice.number} value={choice.number}>
              {choiceLabel(choice)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>{t("history.compare.newer")}</label>
        <select id={`${id}-to`} name="to" defaultValue={String(to)} key={`to-${to}`}>
          {choices.map((choice) => (
            <option key={choice.number} value={choice.number}>
              {choiceLabel(choice)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        {t("history.compare.submit")}
      </button>
    </Form>
  );
}

const CONTEXT_LINES = 2;

/** Unchanged text far from any change folds into a <details>, so long cases stay readable. */
function SameText({ value, first, last }: { value: string; first: boolean; last: boolean }) {
  const { t } = useTranslation();
  const lines = value.split("\n");
  // The first and last pieces continue the lines where the neighbouring changes sit: keep them whole.
  const keepBefore = first ? 0 : CONTEXT_LINES + 1;
  const keepAfter = last ? 0 : CONTEXT_LINES + 1;
  if (lines.length <= keepBefore + keepAfter + 2) return <span>{value}</span>;
  const head = lines.slice(0, keepBefore).join("\n");
  const middle = lines.slice(keepBefore, lines.length - keepAfter).join("\n");
  const tail = lines.slice(lines.length - keepAfter).join("\n");
  const hidden = middle.split("\n").length;
  return (
    <>
      {head ? <span>{head}</span> : null}
      <details className="diff-context">
        <summary>{t("history.compare.unchangedLines", { count: hidden })}</summary>
        <span>{middle}</span>
      </details>
      {tail ? <span>{tail}</span> : null}
    </>
  );
}

export function DiffText({ changes }: { changes: TextChange[] }) {
  const { t } = useTranslation();
  if (!changes.some((change) => change.kind !== "same")) {
    return <p className="muted">{t("history.compare.sameText")}</p>;
  }
  return (
    <div className="diff-text">
      {changes.map((change, index) => {
        const key = `${index}-${change.kind}`;
        if (change.kind === "added")
          return (
            <ins key={key}>
              <span className="visually-hidden">{t("history.compare.addedHidden")}</span>
              {change.value}
              <span className="visually-hidden">{t("history.compare.closeHidden")}</span>
            </ins>
          );
        if (change.kind === "removed")
          return (
            <del key={key}>
              <span className="visually-hidden">{t("history.compare.removedHidden")}</span>
              {change.value}
              <span className="visually-hidden">{t("history.compare.closeHidden")}</span>
            </del>
          );
        return (
          <SameText key={key} value={change.value} first={index === 0} last={index === changes.length - 1} />
        );
      })}
    </div>
  );
}

function Where({ section }: { section: string }) {
  const { t } = useTranslation();
  return section ? <span className="muted">{t("history.compare.inSection", { section })}</span> : null;
}

function TagList({ title, tags, kind }: { title: string; tags: TagChange[]; kind: "added" | "removed" }) {
  const { t } = useTranslation();
  if (tags.length === 0) return null;
  return (
    <div className={`change-group change-${kind}`}>
      <h4>{title}</h4>
      <ul>
        {tags.map((tag, index) => (
          <li key={`${index}-${tag.codeLabel}`}>
            <strong>{tag.codeLabel || t("history.compare.codeRemoved")}</strong>
            {tag.kind === "precondition" || tag.kind === "outcome" ? (
              <span className="muted"> ({t(`history.compare.kinds.${tag.kind}`)})</span>
            ) : null}
            : {t("history.compare.quoted", { text: tag.text })}
            <Where section={tag.section} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function CitationList({
  title,
  citations,
  kind,
}: {
  title: string;
  citations: CitationChange[];
  kind: "added" | "removed";
}) {
  const { t } = useTranslation();
  if (citations.length === 0) return null;
  return (
    <div className={`change-group change-${kind}`}>
      <h4>{title}</h4>
      <ul>
        {citations.map((citation, index) => (
          <li key={`${index}-${citation.sourceTitle}`}>
            <strong>{citation.sourceTitle || t("history.compare.sourceRemoved")}</strong>
            {citation.locator ? `, ${citation.locator}` : ""}:{" "}
            {t("history.compare.quoted", { text: citation.text })}
            <Where section={citation.section} />
          </li>
        ))}
      </ul>
    </div>
  );
}

const FIELD_NAMES = ["title", "regions", "period", "actors", "mediators", "summary", "dialogueType"] as const;

function EventLine({ event }: { event: CaseEvent }) {
  const eventDate = useEventDate();
  return (
    <>
      <strong dir="auto">{event.title}</strong> <span className="muted">· {eventDate(event)}</span>
    </>
  );
}

/** Events added, removed or changed between the two revisions (ADR 0013). */
function EventChangesView({ changes }: { changes: EventChanges }) {
  const { t } = useTranslation();
  if (changes.added.length + changes.removed.length + changes.changed.length === 0)
    return <p className="muted">{t("history.compare.noEvents")}</p>;
  return (
    <>
      {changes.added.length ? (
        <div className="change-group change-added">
          <h4>{t("history.compare.eventsAdded")}</h4>
          <ul>
            {changes.added.map((event) => (
              <li key={event.id}>
                <ins>
                  <EventLine event={event} />
                </ins>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {changes.removed.length ? (
        <div className="change-group change-removed">
          <h4>{t("history.compare.eventsRemoved")}</h4>
          <ul>
            {changes.removed.map((event) => (
              <li key={event.id}>
                <del>
                  <EventLine event={event} />
                </del>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {changes.changed.length ? (
        <div className="change-group">
          <h4>{t("history.compare.eventsChanged")}</h4>
          <ul>
            {changes.changed.map((change) => (
              <li key={change.after.id}>
                {change.before.title !== change.after.title ? (
                  <>
                    <del dir="auto">{change.before.title}</del> <ins dir="auto">{change.after.title}</ins>
                  </>
                ) : (
                  <strong dir="auto">{change.after.title}</strong>
                )}{" "}
                <span className="muted">
                  {t("history.compare.eventChangedFields", {
                    fields: change.fields
                      .map((field) => t(`history.compare.eventFields.${field}`))
                      .join(", "),
                  })}
                </span>
                {change.fields.includes("date") ? (
                  <span className="event-date-change">
                    {" "}
                    <del>
                      <EventDateText event={change.before} />
                    </del>{" "}
                    <ins>
                      <EventDateText event={change.after} />
                    </ins>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}

function EventDateText({ event }: { event: CaseEvent }) {
  const eventDate = useEventDate();
  return <>{eventDate(event)}</>;
}

export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const fieldLabel = (change: { field: string; label: string }) => {
    const known = FIELD_NAMES.find((name) => name === change.field);
    return known ? t(`history.fields.${known}`) : change.label;
  };
  // The dialogue type is stored as a value ("prison"): shown in the reader's words.
  const fieldValue = (field: string, value: string) =>
    field === "dialogueType" && (value === "prison" || value === "active_group")
      ? t(`cases.dialogueType.${value}`)
      : value;
  const { from, to } = comparison;
  const tagChanges = comparison.tagsAdded.length + comparison.tagsRemoved.length;
  const citationChanges = comparison.citationsAdded.length + comparison.citationsRemoved.length;
  const textChanged = comparison.text.some((change) => change.kind !== "same");
  const eventChanges =
    comparison.events.added.length + comparison.events.removed.length + comparison.events.changed.length;
  const nothing =
    !textChanged &&
    tagChanges === 0 &&
    citationChanges === 0 &&
    eventChanges === 0 &&
    comparison.fields.length === 0;
  return (
    <section className="comparison" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">{t("history.compare.heading", { from: from.number, to: to.number })}</h2>
      <p className="muted comparison-meta">
        {t("history.compare.meta", {
          number: from.number,
          name: from.authorName || t("history.list.formerMember"),
        })}
        <RevisionTime date={from.createdAt} />
        {t("history.compare.metaEnd")}
        {t("history.compare.meta", {
          number: to.number,
          name: to.authorName || t("history.list.formerMember"),
        })}
        <RevisionTime date={to.createdAt} />.
      </p>
      {nothing ? (
        <p className="empty-state">{t("history.compare.nothing")}</p>
      ) : (
        <>
          <p className="diff-legend">
            <ins>{t("history.compare.added")}</ins> <del>{t("history.compare.removed")}</del>
          </p>
          {comparison.fields.length ? (
            <>
              <h3>{t("history.compare.details")}</h3>
              <div className="table-wrap">
                <table className="field-changes">
                  <thead>
                    <tr>
                      <th scope="col">{t("history.compare.field")}</th>
                      <th scope="col">{t("history.compare.revision", { number: from.number })}</th>
                      <th scope="col">{t("history.compare.revision", { number: to.number })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {comparison.fields.map((change) => (
                      <tr key={change.field}>
                        <th scope="row">{fieldLabel(change)}</th>
                        <td data-label={t("history.compare.revision", { number: from.number })}>
                          {change.before ? (
                            <del>
                              <span className="visually-hidden">{t("history.compare.removedHidden")}</span>
                              {fieldValue(change.field, change.before)}
                              <span className="visually-hidden">{t("history.compare.closeHidden")}</span>
                            </del>
                          ) : (
                            <span className="muted">{t("history.compare.empty")}</span>
                          )}
                        </td>
                        <td data-label={t("history.compare.revision", { number: to.number })}>
                          {change.after ? (
                            <ins>
                              <span className="visually-hidden">{t("history.compare.addedHidden")}</span>
                              {fieldValue(change.field, change.after)}
                              <span className="visually-hidden">{t("history.compare.closeHidden")}</span>
                            </ins>
                          ) : (
                            <span className="muted">{t("history.compare.empty")}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          <h3>{t("history.compare.text")}</h3>
          <DiffText changes={comparison.text} />
          <h3>{t("history.compare.events")}</h3>
          <EventChangesView changes={comparison.events} />
          <h3>{t("history.compare.tags")}</h3>
          {tagChanges ? (
            <>
              <TagList title={t("history.compare.tagsAdded")} tags={comparison.tagsAdded} kind="added" />
              <TagList
                title={t("history.compare.tagsRemoved")}
                tags={comparison.tagsRemoved}
                kind="removed"
              />
            </>
          ) : (
            <p className="muted">{t("history.compare.noTags")}</p>
          )}
          <h3>{t("history.compare.citations")}</h3>
          {citationChanges ? (
            <>
              <CitationList
                title={t("history.compare.citationsAdded")}
                citations={comparison.citationsAdded}
                kind="added"
              />
              <CitationList
                title={t("history.compare.citationsRemoved")}
                citations={comparison.citationsRemoved}
                kind="removed"
              />
            </>
          ) : (
            <p className="muted">{t("history.compare.noCitations")}</p>
          )}
        </>
      )}
    </section>
  );
}
