import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";
import type { ScrollMode } from "~/queries/compare";
import { SET_NAME_MAX } from "~/rules/limits";

type Props = { workspaceId: string; caseIds: string[]; codeIds: string[]; mode: ScrollMode };

/**
 * Saves these cases and highlighted codes as a comparison set (view "side"), through the comparison sets
 * page, which comes back here; its link then reopens this page as it is now.
 */
export function SaveComparisonSet({ workspaceId, caseIds, codeIds, mode }: Props) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("view") === "side";
  const here = new URLSearchParams([
    ...caseIds.map((id) => ["case", id]),
    ...codeIds.map((id) => ["code", id]),
    ...(mode === "independent" ? [["scroll", "independent"]] : []),
  ]);
  return (
    <details className="menu compare-save">
      <summary className="button button-secondary button-small">{t("compare.saveSet.summary")}</summary>
      <div className="menu-panel menu-panel-right">
        <Form method="post" action={`/w/${workspaceId}/comparisons`} className="form">
          <input type="hidden" name="intent" value="create" />
          <input type="hidden" name="view" value="side" />
          {caseIds.map((id) => (
            <input key={id} type="hidden" name="case" value={id} />
          ))}
          {codeIds.map((id) => (
            <input key={id} type="hidden" name="code" value={id} />
          ))}
          <input type="hidden" name="settings" value={JSON.stringify({ scroll: mode })} />
          <input type="hidden" name="returnTo" value={`/w/${workspaceId}/compare?${here}`} />
          <Field
            label={t("matrix.saveSet.name")}
            name="name"
            required
            maxLength={SET_NAME_MAX}
            placeholder={t("compare.saveSet.placeholder")}
            hint={t("compare.saveSet.hint")}
          />
          <button type="submit" className="button button-small" disabled={saving}>
            {saving ? t("matrix.saveSet.saving") : t("matrix.saveSet.submit")}
          </button>
        </Form>
      </div>
    </details>
  );
}
