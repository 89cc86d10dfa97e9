import { useId } from "react";
import { useTranslation } from "react-i18next";
import { RelativeDate } from "~/components/case-labels";
import { useMessage } from "~/utils/messages";

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

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

function codeStyle(color: string) {
  return HEX_COLOR.test(color) ? ({ "--tag-color": color } as React.CSSProperties) : undefined;
}

function Meta({ condition }: { condition: ConditionRow }) {
  const { t } = useTranslation();
  if (!condition.setAt) return <p className="condition-meta muted">{t("conditions.item.notStated")}</p>;
  return (
    <p className="condition-meta muted">
      {t("conditions.item.setBy", { name: condition.setByName ?? t("conditions.item.formerMember") })}
      <RelativeDate date={condition.setAt} />
    </p>
  );
}

function Flag({ condition }: { condition: ConditionRow }) {
  const { t } = useTranslation();
  if (condition.flag === "tagged-absent") {
    return (
      <p className="condition-flag condition-flag-absent">
        <span aria-hidden="true">⚠ </span>
        {t("conditions.item.taggedAbsent")}
      </p>
    );
  }
  if (condition.flag === "tagged-unknown") {
    return <p className="condition-flag condition-flag-hint">{t("conditions.item.taggedUnknown")}</p>;
  }
  return null;
}

function Evidence({ condition }: { condition: ConditionRow }) {
  const { t } = useTranslation();
  const count = condition.passages.length;
  if (count === 0) return null;
  return (
    <details className="evidence" open={count <= 3}>
      <summary>{t("conditions.item.evidence", { count })}</summary>
      <ul>
        {condition.passages.map((passage, index) => (
          <li key={`${index}-${passage.section}`}>
            <blockquote>
              {t("conditions.item.quoted", { text: passage.text })}
              {passage.section ? (
                <cite>{t("conditions.item.inSection", { section: passage.section })}</cite>
              ) : null}
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
  const { t } = useTranslation();
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
          {t(`conditions.values.${condition.value}`)}
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
  const { t } = useTranslation();
  const tm = useMessage();
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
              {t(`conditions.values.${option}`)}
            </label>
          ))}
        </div>
        <Flag condition={condition} />
        {conflict ? (
          <p className="condition-conflict" role="alert">
            {t(
              conflict.setByName
                ? conflict.note
                  ? "conditions.item.conflictByWithNote"
                  : "conditions.item.conflictBy"
                : conflict.note
                  ? "conditions.item.conflictSomeoneWithNote"
                  : "conditions.item.conflictSomeone",
              {
                name: conflict.setByName ?? "",
                value: t(`conditions.item.valuesLower.${conflict.value}`),
                note: conflict.note,
              },
            )}
          </p>
        ) : null}
        <div className={`field condition-note${noteErrors?.length ? " field-invalid" : ""}`}>
          <label htmlFor={noteId}>
            {t("conditions.item.note")}
            <span className="visually-hidden">
              {t("conditions.item.noteOn", { label: condition.code.label })}
            </span>{" "}
            <span className="muted">{t("conditions.item.noteHint")}</span>
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
              {noteErrors.map(tm).join(" ")}
            </p>
          ) : null}
        </div>
        <Meta condition={condition} />
        <Evidence condition={condition} />
      </fieldset>
    </li>
  );
}
