import { useId } from "react";
import { RelativeDate } from "~/components/case-bits";

export type ConditionValue = "present" | "absent" | "unknown";

export type ConditionRow = {
  code: { id: string; kind: string; label: string; description: string; color: string; depth: number };
  value: ConditionValue;
  note: string;
  setByName: string | null;
  setAt: string | Date | null;
  passages: Array<{ text: string; section: string }>;
  flag: "tagged-absent" | "tagged-unknown" | null;
};

export type ConditionConflictRow = {
  codeId: string;
  value: ConditionValue;
  note: string;
  setByName: string | null;
  setAt: string | Date;
};

export const VALUE_LABELS: Record<ConditionValue, string> = {
  present: "Present",
  absent: "Absent",
  unknown: "Unknown",
};

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function codeStyle(color: string) {
  return HEX_COLOR.test(color) ? ({ "--tag-color": color } as React.CSSProperties) : undefined;
}

function Meta({ condition }: { condition: ConditionRow }) {
  if (!condition.setAt) return <p className="condition-meta muted">Not stated yet (unknown by default).</p>;
  return (
    <p className="condition-meta muted">
      Set by {condition.setByName ?? "a former member"} on <RelativeDate date={condition.setAt} />
    </p>
  );
}

function Flag({ condition }: { condition: ConditionRow }) {
  if (condition.flag === "tagged-absent") {
    return (
      <p className="condition-flag condition-flag-absent">
        <span aria-hidden="true">⚠ </span>Tagged in the text but set absent
      </p>
    );
  }
  if (condition.flag === "tagged-unknown") {
    return <p className="condition-flag condition-flag-hint">Tagged in the text — mark as present?</p>;
  }
  return null;
}

function Evidence({ condition }: { condition: ConditionRow }) {
  const count = condition.passages.length;
  if (count === 0) return null;
  return (
    <details className="evidence" open={count <= 3}>
      <summary>
        Evidence in the text: {count} tagged {count === 1 ? "passage" : "passages"}
      </summary>
      <ul>
        {condition.passages.map((passage, index) => (
          <li key={`${index}-${passage.section}`}>
            <blockquote>
              “{passage.text}”{passage.section ? <cite>in {passage.section}</cite> : null}
            </blockquote>
          </li>
        ))}
      </ul>
    </details>
  );
}

function itemClass(condition: ConditionRow) {
  const depth = Math.min(condition.code.depth, 2);
  return `condition${depth ? ` condition-depth-${depth}` : ""}${condition.flag === "tagged-absent" ? " condition-flagged" : ""}`;
}

/** One code, read-only: what the case states for it and the passages behind it. */
export function ConditionReadOnly({ condition }: { condition: ConditionRow }) {
  return (
    <li
      id={`code-${condition.code.id}`}
      className={itemClass(condition)}
      style={codeStyle(condition.code.color)}
    >
      <div className="condition-head">
        <span className="condition-label">
          <span className="swatch" aria-hidden="true" />
          <h3>{condition.code.label}</h3>
        </span>
        <span className={`condition-value condition-value-${condition.value}`}>
          {VALUE_LABELS[condition.value]}
        </span>
      </div>
      {condition.code.description ? (
        <p className="condition-description">{condition.code.description}</p>
      ) : null}
      {condition.note ? <p className="condition-note-text">{condition.note}</p> : null}
      <Meta condition={condition} />
      <Flag condition={condition} />
      <Evidence condition={condition} />
    </li>
  );
}

type EditableProps = {
  condition: ConditionRow;
  value: string;
  note: string;
  seenSetAt: number;
  noteErrors?: string[];
  conflict?: ConditionConflictRow;
  maxNote: number;
};

/** One code as a group of three radios and a note; names carry the code id so one form saves all codes. */
export function ConditionEditor({
  condition,
  value,
  note,
  seenSetAt,
  noteErrors,
  conflict,
  maxNote,
}: EditableProps) {
  const id = useId();
  const codeId = condition.code.id;
  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  return (
    <li id={`code-${codeId}`} className={itemClass(condition)} style={codeStyle(condition.code.color)}>
      <fieldset>
        <legend className="condition-label">
          <span className="swatch" aria-hidden="true" />
          {condition.code.label}
        </legend>
        {condition.code.description ? (
          <p className="condition-description">{condition.code.description}</p>
        ) : null}
        <input type="hidden" name="code" value={codeId} />
        <input type="hidden" name={`seen:${codeId}`} value={String(seenSetAt)} />
        <div className="condition-values">
          {(["present", "absent", "unknown"] as const).map((option) => (
            <label key={option} className={`value-${option}`}>
              <input type="radio" name={`value:${codeId}`} value={option} defaultChecked={value === option} />
              {VALUE_LABELS[option]}
            </label>
          ))}
        </div>
        <Flag condition={condition} />
        {conflict ? (
          <p className="condition-conflict" role="alert">
            {conflict.setByName ? `${conflict.setByName} set this to` : "Someone set this back to"}{" "}
            {VALUE_LABELS[conflict.value].toLowerCase()}
            {conflict.note ? ` (“${conflict.note}”)` : ""} after you opened the page. Your choice is kept:
            save again to replace theirs.
          </p>
        ) : null}
        <div className={`field condition-note${noteErrors?.length ? " field-invalid" : ""}`}>
          <label htmlFor={noteId}>
            Note<span className="visually-hidden"> on {condition.code.label}</span>{" "}
            <span className="muted">(optional: why, and on what basis)</span>
          </label>
          <textarea
            id={noteId}
            name={`note:${codeId}`}
            rows={2}
            maxLength={maxNote}
            defaultValue={note}
            aria-invalid={noteErrors?.length ? true : undefined}
            aria-describedby={noteErrors?.length ? errorId : undefined}
          />
          {noteErrors?.length ? (
            <p className="field-error" id={errorId} role="alert">
              {noteErrors.join(" ")}
            </p>
          ) : null}
        </div>
        <Meta condition={condition} />
        <Evidence condition={condition} />
      </fieldset>
    </li>
  );
}
