import { Form, useNavigation } from "@remix-run/react";
import { Field } from "~/components/field";
import { SET_NAME_MAX } from "~/components/matrix/rules";
import type { ScrollMode } from "./scroll-mode";

type Props = { workspaceId: string; caseIds: string[]; codeIds: string[]; mode: ScrollMode };

/**
 * Saves these cases and highlighted codes as a comparison set (view "side"), through the comparison sets
 * page, which comes back here; its link then reopens this page as it is now.
 */
export function SaveComparisonSet({ workspaceId, caseIds, codeIds, mode }: Props) {
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("view") === "side";
  const here = new URLSearchParams([
    ...caseIds.map((id) => ["case", id]),
    ...codeIds.map((id) => ["code", id]),
    ...(mode === "independent" ? [["scroll", "independent"]] : []),
  ]);
  return (
    <details className="menu compare-save">
      <summary className="button button-secondary button-small">Save as a set</summary>
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
            label="Name of the set"
            name="name"
            required
            maxLength={SET_NAME_MAX}
            placeholder="e.g. Workshop — local truces"
            hint="Everyone in the workspace can open it from Comparison sets."
          />
          <button type="submit" className="button button-small" disabled={saving}>
            {saving ? "Saving…" : "Save set"}
          </button>
        </Form>
      </div>
    </details>
  );
}
