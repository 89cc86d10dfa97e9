import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMessage } from "~/utils/messages";
import {
  type ConditionConflictRow,
  ConditionEditor,
  ConditionReadOnly,
  type ConditionRow,
  type ConditionValue,
} from "./condition-item";

export type ConditionsFormState = {
  errors: Record<string, string[]>;
  values: { value: Record<string, string>; note: Record<string, string> };
  conflicts: ConditionConflictRow[];
};

const GROUPS = ["precondition", "outcome"] as const;

function Counts({ conditions }: { conditions: ConditionRow[] }) {
  const { t } = useTranslation();
  const count = (value: ConditionValue) => conditions.filter((c) => c.value === value).length;
  return (
    <p className="conditions-summary">
      <span>{t("conditions.panel.present", { count: count("present") })}</span>
      <span>{t("conditions.panel.absent", { count: count("absent") })}</span>
      <span>{t("conditions.panel.unknown", { count: count("unknown") })}</span>
    </p>
  );
}

function FlaggedWarning({ conditions }: { conditions: ConditionRow[] }) {
  const { t } = useTranslation();
  const flagged = conditions.filter((condition) => condition.flag === "tagged-absent");
  if (flagged.length === 0) return null;
  return (
    <div className="conditions-warning" role="note">
      <strong>{t("conditions.panel.flagged", { count: flagged.length })}</strong>
      {t("conditions.panel.flaggedHint")}
      <ul>
        {flagged.map((condition) => (
          <li key={condition.code.id}>
            <a href={`#code-${condition.code.id}`}>{condition.code.label}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Every code of the codebook with this case's value. Editors get one form that saves all codes (it works
 * without JavaScript); everyone else reads the same panel without inputs.
 */
export function ConditionsPanel({
  conditions,
  editable,
  state,
  maxNote,
}: {
  conditions: ConditionRow[];
  editable: boolean;
  state?: ConditionsFormState;
  maxNote: number;
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formMethod?.toUpperCase() === "POST";
  const conflicts = new Map((state?.conflicts ?? []).map((conflict) => [conflict.codeId, conflict]));
  const groups = GROUPS.map((kind) => ({
    kind,
    title: t(kind === "precondition" ? "conditions.panel.preconditions" : "conditions.panel.outcomes"),
    empty: t(kind === "precondition" ? "conditions.panel.noPreconditions" : "conditions.panel.noOutcomes"),
    conditions: conditions.filter((condition) => condition.code.kind === kind),
  }));

  const sections = groups.map((group) => (
    <section key={group.kind} aria-labelledby={`group-${group.kind}`} className="condition-group">
      <h2 id={`group-${group.kind}`}>{group.title}</h2>
      {group.conditions.length === 0 ? (
        <p className="muted">{group.empty}</p>
      ) : (
        <>
          <Counts conditions={group.conditions} />
          <ul className="condition-list">
            {group.conditions.map((condition) => {
              if (!editable) return <ConditionReadOnly key={condition.code.id} condition={condition} />;
              const id = condition.code.id;
              const conflict = conflicts.get(id);
              return (
                <ConditionEditor
                  key={id}
                  condition={condition}
                  value={state?.values.value[id] ?? condition.value}
                  note={state?.values.note[id] ?? condition.note}
                  seenSetAt={
                    conflict
                      ? new Date(conflict.setAt).getTime()
                      : condition.setAt
                        ? new Date(condition.setAt).getTime()
                        : 0
                  }
                  noteErrors={state?.errors[`note:${id}`]}
                  conflict={conflict}
                  maxNote={maxNote}
                />
              );
            })}
          </ul>
        </>
      )}
    </section>
  ));

  if (!editable) {
    return (
      <>
        <FlaggedWarning conditions={conditions} />
        {sections}
      </>
    );
  }
  return (
    <Form method="post" className="conditions-form" noValidate>
      <FlaggedWarning conditions={conditions} />
      {state?.errors.form ? (
        <p className="form-error" role="alert">
          {state.errors.form.map(tm).join(" ")}
        </p>
      ) : null}
      {sections}
      <div className="save-bar">
        <button type="submit" className="button" disabled={saving}>
          {saving ? t("conditions.panel.saving") : t("conditions.panel.save")}
        </button>
        <span className="muted save-bar-hint">{t("conditions.panel.saveHint")}</span>
      </div>
    </Form>
  );
}
