import { Form, Link, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { PickerCode } from "~/models/comparison.server";
import type { ScrollMode } from "~/queries/compare";

type Props = {
  caseIds: string[];
  codes: PickerCode[];
  highlightedIds: string[];
  mode: ScrollMode;
};

/**
 * A GET form: ticking a code puts `code=ID` in the address, so a highlighted comparison can be shared,
 * saved and printed, and works without JavaScript (with the "Highlight" button).
 */
export function CodePicker({ caseIds, codes, highlightedIds, mode }: Props) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const groups = [
    ["precondition", codes.filter((code) => code.kind === "precondition")],
    ["outcome", codes.filter((code) => code.kind === "outcome")],
  ] as const;
  const clear = new URLSearchParams(caseIds.map((id) => ["case", id]));
  if (mode === "independent") clear.set("scroll", "independent");

  return (
    <Form
      method="get"
      className="code-picker"
      // Remount on navigation so the boxes follow the address (back and forward included).
      key={highlightedIds.join(",")}
      onChange={(event) => submit(event.currentTarget, { replace: true, preventScrollReset: true })}
    >
      {caseIds.map((id) => (
        <input key={id} type="hidden" name="case" value={id} />
      ))}
      {mode === "independent" ? <input type="hidden" name="scroll" value="independent" /> : null}
      <fieldset>
        <legend>{t("compare.picker.legend")}</legend>
        {codes.length === 0 ? (
          <p className="muted">{t("compare.picker.none")}</p>
        ) : (
          groups.map(([kind, list]) =>
            list.length ? (
              <div key={kind} className="code-chip-group">
                <span className="code-chip-kind">{t(`codebook.kindPlural.${kind}`)}</span>
                <div className="code-chips">
                  {list.map((code) => (
                    <label
                      key={code.id}
                      className="code-chip"
                      style={{ ["--tag-color" as string]: code.color }}
                    >
                      <input
                        type="checkbox"
                        name="code"
                        value={code.id}
                        defaultChecked={highlightedIds.includes(code.id)}
                      />
                      <span className="code-chip-swatch" aria-hidden="true" />
                      {code.label}{" "}
                      <span className="code-chip-count">
                        ({t("compare.picker.passages", { count: code.passages })})
                      </span>
                    </label>
                  ))}
                </div>
              </div>
            ) : null,
          )
        )}
      </fieldset>
      <div className="code-picker-actions">
        {hydrated || codes.length === 0 ? null : (
          <button type="submit" className="button button-small">
            {t("compare.picker.highlight")}
          </button>
        )}
        {highlightedIds.length ? (
          <Link to={`?${clear}`} replace preventScrollReset className="button button-secondary button-small">
            {t("compare.picker.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
