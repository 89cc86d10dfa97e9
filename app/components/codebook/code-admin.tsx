import { Form, Link, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "~/utils/messages";
import { type CodeOption, codesInTreeOrder } from "./code-form";

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
  const { t } = useTranslation();
  const tm = useMessage();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "merge";
  const label = code.label;
  const id = useId();
  return (
    <details className="card code-tool" open={Boolean(errors?.length)}>
      <summary>{t("codebook.merge.summary")}</summary>
      {targets.length === 0 ? (
        <p className="muted">{t(`codebook.merge.noTarget.${code.kind}`, { label })}</p>
      ) : (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="merge" />
          <p>{t(`codebook.merge.intro.${code.kind}`, { label })}</p>
          <ul className="merge-effects">
            <li>{t("codebook.merge.effectTags", { label })}</li>
            <li>{t("codebook.merge.effectConditions")}</li>
            <li>{t("codebook.merge.effectSubCodes", { label })}</li>
          </ul>
          <div className={`field${errors?.length ? " field-invalid" : ""}`}>
            <label htmlFor={id}>{t("codebook.merge.into")}</label>
            <select
              id={id}
              name="targetId"
              defaultValue=""
              aria-invalid={errors?.length ? true : undefined}
              aria-describedby={errors?.length ? `${id}-error` : undefined}
            >
              <option value="" disabled>
                {t(`codebook.merge.choose.${code.kind}`)}
              </option>
              {codesInTreeOrder(targets).map(({ code: target, depth }) => (
                <option key={target.id} value={target.id}>
                  {`${"\u00a0\u00a0\u00a0".repeat(depth)}${target.label}`}
                </option>
              ))}
            </select>
            {errors?.length ? (
              <p className="field-error" id={`${id}-error`} role="alert">
                {errors.map(tm).join(" ")}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button button-secondary" disabled={busy}>
              {busy ? t("codebook.merge.merging") : t("codebook.merge.submit", { label })}
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
  const { t } = useTranslation();
  const tm = useMessage();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "delete";
  const confirmId = useId();
  const inUse = usage.tagCount > 0 || usage.conditionCount > 0;
  const label = code.label;
  const tags = { count: usage.tagCount, cases: t("codebook.delete.caseCount", { count: usage.caseCount }) };
  const values = { values: usage.conditionCount };
  const confirmText =
    usage.tagCount > 0 && usage.conditionCount > 0
      ? t("codebook.delete.confirmTagsAndValues", { ...tags, ...values })
      : usage.tagCount > 0
        ? t("codebook.delete.confirmTags", tags)
        : t("codebook.delete.confirmValues", { count: usage.conditionCount });
  return (
    <details className="card code-tool code-delete" open={Boolean(errors?.length)}>
      <summary>{t("codebook.delete.summary")}</summary>
      <Form method="post" className="form">
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="expectedTags" value={usage.tagCount} />
        {inUse ? (
          <>
            <p>
              <strong>{t("codebook.delete.inUse", { label })}</strong> {t("codebook.delete.inUseBody")}
            </p>
            {usedIn.length > 0 ? (
              <ul className="usage-list">
                {usedIn.map((item) => (
                  <li key={item.caseId}>
                    {item.trashed ? (
                      <>
                        {item.title} <span className="muted">{t("codebook.delete.inTrash")}</span>
                      </>
                    ) : (
                      <Link to={`/w/${workspaceId}/cases/${item.caseId}`}>{item.title}</Link>
                    )}{" "}
                    <span className="muted">
                      — {t("codebook.delete.passages", { count: item.passageCount })}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {usage.conditionCount > 0 ? (
              <p className="muted">{t("codebook.delete.casesWithValue", { count: usage.conditionCount })}</p>
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
                {confirmText}
              </label>
              {errors?.length ? (
                <p className="field-error" id={`${confirmId}-error`} role="alert">
                  {errors.map(tm).join(" ")}
                </p>
              ) : null}
            </div>
          </>
        ) : (
          <p>{t("codebook.delete.unused", { label })}</p>
        )}
        {childCount > 0 ? (
          <p className="muted">
            {parentLabel
              ? t("codebook.delete.subCodesMoveUnder", { count: childCount, parent: parentLabel })
              : t("codebook.delete.subCodesMoveTop", { count: childCount })}
          </p>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={busy}>
            {busy ? t("codebook.delete.deleting") : t("codebook.delete.submit", { label })}
          </button>
        </div>
      </Form>
    </details>
  );
}
