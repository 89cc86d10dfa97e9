import { Form } from "@remix-run/react";
import { useId } from "react";
import { RevisionTime } from "./revision-time";

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
};

type Choice = { number: number; note: string; createdAt: string | Date };

function choiceLabel(choice: Choice) {
  const date = new Date(choice.createdAt).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
  const note = choice.note.length > 40 ? `${choice.note.slice(0, 40)}…` : choice.note;
  return `Revision ${choice.number} · ${date}${note ? ` · ${note}` : ""}`;
}

/** Two revision pickers in a GET form: the comparison is a plain URL that works without JavaScript. */
export function CompareForm({ choices, from, to }: { choices: Choice[]; from: number; to: number }) {
  const id = useId();
  return (
    <Form method="get" className="compare-form">
      <div className="field">
        <label htmlFor={`${id}-from`}>Older revision</label>
        <select id={`${id}-from`} name="from" defaultValue={String(from)} key={`from-${from}`}>
          {choices.map((choice) => (
            <option key={choice.number} value={choice.number}>
              {choiceLabel(choice)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>Newer revision</label>
        <select id={`${id}-to`} name="to" defaultValue={String(to)} key={`to-${to}`}>
          {choices.map((choice) => (
            <option key={choice.number} value={choice.number}>
              {choiceLabel(choice)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Compare
      </button>
    </Form>
  );
}

const CONTEXT_LINES = 2;

/** Unchanged text far from any change folds into a <details>, so long cases stay readable. */
function SameText({ value, first, last }: { value: string; first: boolean; last: boolean }) {
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
        <summary>
          {hidden} unchanged {hidden === 1 ? "line" : "lines"}
        </summary>
        <span>{middle}</span>
      </details>
      {tail ? <span>{tail}</span> : null}
    </>
  );
}

export function DiffText({ changes }: { changes: TextChange[] }) {
  if (!changes.some((change) => change.kind !== "same")) {
    return <p className="muted">The text is the same in both revisions.</p>;
  }
  return (
    <div className="diff-text">
      {changes.map((change, index) => {
        const key = `${index}-${change.kind}`;
        if (change.kind === "added")
          return (
            <ins key={key}>
              <span className="visually-hidden">[added: </span>
              {change.value}
              <span className="visually-hidden">]</span>
            </ins>
          );
        if (change.kind === "removed")
          return (
            <del key={key}>
              <span className="visually-hidden">[removed: </span>
              {change.value}
              <span className="visually-hidden">]</span>
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
  return section ? <span className="muted"> · in {section}</span> : null;
}

function TagList({ title, tags, kind }: { title: string; tags: TagChange[]; kind: "added" | "removed" }) {
  if (tags.length === 0) return null;
  return (
    <div className={`change-group change-${kind}`}>
      <h4>{title}</h4>
      <ul>
        {tags.map((tag, index) => (
          <li key={`${index}-${tag.codeLabel}`}>
            <strong>{tag.codeLabel}</strong>
            {tag.kind ? <span className="muted"> ({tag.kind})</span> : null}: “{tag.text}”
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
  if (citations.length === 0) return null;
  return (
    <div className={`change-group change-${kind}`}>
      <h4>{title}</h4>
      <ul>
        {citations.map((citation, index) => (
          <li key={`${index}-${citation.sourceTitle}`}>
            <strong>{citation.sourceTitle}</strong>
            {citation.locator ? `, ${citation.locator}` : ""}: “{citation.text}”
            <Where section={citation.section} />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { from, to } = comparison;
  const tagChanges = comparison.tagsAdded.length + comparison.tagsRemoved.length;
  const citationChanges = comparison.citationsAdded.length + comparison.citationsRemoved.length;
  const textChanged = comparison.text.some((change) => change.kind !== "same");
  const nothing = !textChanged && tagChanges === 0 && citationChanges === 0 && comparison.fields.length === 0;
  return (
    <section className="comparison" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading">
        Changes from revision {from.number} to revision {to.number}
      </h2>
      <p className="muted comparison-meta">
        Revision {from.number}: {from.authorName}, <RevisionTime date={from.createdAt} />. Revision{" "}
        {to.number}: {to.authorName}, <RevisionTime date={to.createdAt} />.
      </p>
      {nothing ? (
        <p className="empty-state">
          No differences: the details, the text, the tags and the citations are the same in both revisions.
        </p>
      ) : (
        <>
          <p className="diff-legend">
            <ins>Added</ins> <del>Removed</del>
          </p>
          {comparison.fields.length ? (
            <>
              <h3>Details</h3>
              <div className="table-wrap">
                <table className="field-changes">
                  <thead>
                    <tr>
                      <th scope="col">Field</th>
                      <th scope="col">Revision {from.number}</th>
                      <th scope="col">Revision {to.number}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {comparison.fields.map((change) => (
                      <tr key={change.field}>
                        <th scope="row">{change.label}</th>
                        <td data-label={`Revision ${from.number}`}>
                          {change.before ? (
                            <del>
                              <span className="visually-hidden">[removed: </span>
                              {change.before}
                              <span className="visually-hidden">]</span>
                            </del>
                          ) : (
                            <span className="muted">empty</span>
                          )}
                        </td>
                        <td data-label={`Revision ${to.number}`}>
                          {change.after ? (
                            <ins>
                              <span className="visually-hidden">[added: </span>
                              {change.after}
                              <span className="visually-hidden">]</span>
                            </ins>
                          ) : (
                            <span className="muted">empty</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
          <h3>Text</h3>
          <DiffText changes={comparison.text} />
          <h3>Tags</h3>
          {tagChanges ? (
            <>
              <TagList title="Tags added" tags={comparison.tagsAdded} kind="added" />
              <TagList title="Tags removed" tags={comparison.tagsRemoved} kind="removed" />
            </>
          ) : (
            <p className="muted">No tag added or removed.</p>
          )}
          <h3>Citations</h3>
          {citationChanges ? (
            <>
              <CitationList title="Citations added" citations={comparison.citationsAdded} kind="added" />
              <CitationList
                title="Citations removed"
                citations={comparison.citationsRemoved}
                kind="removed"
              />
            </>
          ) : (
            <p className="muted">No citation added or removed.</p>
          )}
        </>
      )}
    </section>
  );
}
