import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { type CodeOption, codesInTreeOrder } from "./code-form";

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

/** Merging one code into another of the same kind: what moves is said before the button. */
export function MergeCode({
  code,
  targets,
  errors,
}: {
  code: CodeOption;
  targets: CodeOption[];
  errors?: string[];
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "merge";
  const id = useId();
  return (
    <details className="card code-tool" open={Boolean(errors?.length)}>
      <summary>Merge into another code</summary>
      {targets.length === 0 ? (
        <p className="muted">
          There is no other {code.kind} in this codebook to merge “{code.label}” into.
        </p>
      ) : (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="merge" />
          <p>
            Merging “{code.label}” into another {code.kind}:
          </p>
          <ul className="merge-effects">
            <li>
              retags every passage tagged “{code.label}” with the other code, in every case (each changed case
              gets a new revision);
            </li>
            <li>
              moves its present / absent / unknown values to the other code, except in cases where the other
              code already has a value: there the other code's value is kept;
            </li>
            <li>moves its sub-codes under the other code, then deletes “{code.label}”.</li>
          </ul>
          <div className={`field${errors?.length ? " field-invalid" : ""}`}>
            <label htmlFor={id}>Merge into</label>
            <select
              id={id}
              name="targetId"
              defaultValue=""
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={errors?.length ? `${id}-error` : undefined}
            >
              <option value="" disabled>
                Choose {code.kind === "outcome" ? "an" : "a"} {code.kind}…
              </option>
              {codesInTreeOrder(targets).map(({ code: target, depth }) => (
                <option key={target.id} value={target.id}>
                  {`${"\u00a0\u00a0\u00a0".repeat(depth)}${target.label}`}
                </option>
              ))}
            </select>
            {errors?.length ? (
              <p className="field-error" id={`${id}-error`} role="alert">
                {errors.join(" ")}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button button-secondary" disabled={busy}>
              {busy ? "Merging…" : `Merge “${code.label}”`}
            </button>
          </div>
        </Form>
      )}
    </details>
  );
}

type UsageCase = { caseId: string; title: string; passageCount: number; trashed: boolean };

/**
 * Deleting a code. When the code is in use, the form lists where and needs a ticked confirmation that
 * names what will be removed; the server refuses the deletion without it (no JavaScript needed).
 */
export function DeleteCode({
  workspaceId,
  code,
  usage,
  usedIn,
  childCount,
  parentLabel,
  errors,
}: {
  workspaceId: string;
  code: CodeOption;
  usage: { tagCount: number; caseCount: number; conditionCount: number };
  usedIn: UsageCase[];
  childCount: number;
  parentLabel: string | null;
  errors?: string[];
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "delete";
  const confirmId = useId();
  const inUse = usage.tagCount > 0 || usage.conditionCount > 0;
  const removal = [
    usage.tagCount > 0
      ? `remove its ${plural(usage.tagCount, "tag", "tags")} from ${plural(usage.caseCount, "case", "cases")}`
      : null,
    usage.conditionCount > 0
      ? `forget its ${plural(usage.conditionCount, "recorded condition value", "recorded condition values")}`
      : null,
  ].filter(Boolean);
  return (
    <details className="card code-tool code-delete" open={Boolean(errors?.length)}>
      <summary>Delete this code</summary>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="expectedTags" value={usage.tagCount} />
        {inUse ? (
          <>
            <p>
              <strong>“{code.label}” is in use.</strong> Deleting it removes the tags from the case text (each
              changed case gets a new revision) and forgets whether the condition was present or absent.
            </p>
            {usedIn.length > 0 ? (
              <ul className="usage-list">
                {usedIn.map((item) => (
                  <li key={item.caseId}>
                    {item.trashed ? (
                      <>
                        {item.title} <span className="muted">(in the trash)</span>
                      </>
                    ) : (
                      <Link to={`/w/${workspaceId}/cases/${item.caseId}`}>{item.title}</Link>
                    )}{" "}
                    <span className="muted">— {plural(item.passageCount, "passage", "passages")}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {usage.conditionCount > 0 ? (
              <p className="muted">
                {plural(usage.conditionCount, "case has", "cases have")} a value recorded for this condition.
              </p>
            ) : null}
            <div className={`field${errors?.length ? " field-invalid" : ""}`}>
              <label className="checkbox confirm-check" htmlFor={confirmId}>
                <input
                  id={confirmId}
                  type="checkbox"
                  name="confirm"
                  value="yes"
                  aria-invalid={errors?.length ? true : undefined}
                  aria-describedby={errors?.length ? `${confirmId}-error` : undefined}
                />
                {removal.length === 2
                  ? `Delete the code, ${removal[0]} and ${removal[1]}`
                  : `Delete the code and ${removal[0]}`}
              </label>
              {errors?.length ? (
                <p className="field-error" id={`${confirmId}-error`} role="alert">
                  {errors.join(" ")}
                </p>
              ) : null}
            </div>
          </>
        ) : (
          <p>“{code.label}” is not used in any case. Deleting it cannot be undone.</p>
        )}
        {childCount > 0 ? (
          <p className="muted">
            Its {plural(childCount, "sub-code moves", "sub-codes move")}{" "}
            {parentLabel ? `under “${parentLabel}”` : "to the top level"}.
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={busy}>
            {busy ? "Deleting…" : `Delete “${code.label}”`}
          </button>
        </div>
      </Form>
    </details>
  );
}
