import { Form, Link, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { PickerCode } from "~/models/comparison.server";
import type { ScrollMode } from "./scroll-mode";

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
  const submit = useSubmit();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const groups = [
    ["Preconditions", codes.filter((code) => code.kind === "precondition")],
    ["Outcomes", codes.filter((code) => code.kind === "outcome")],
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
        <legend>Highlight the passages tagged with a code</legend>
        {codes.length === 0 ? (
          <p className="muted">
            No passage of these cases is tagged yet. Editors tag passages with the codebook in the editor.
          </p>
        ) : (
          groups.map(([label, list]) =>
            list.length ? (
              <div key={label} className="code-chip-group">
                <span className="code-chip-kind">{label}</span>
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
                        ({code.passages} {code.passages === 1 ? "passage" : "passages"})
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
            Highlight
          </button>
        )}
        {highlightedIds.length ? (
          <Link to={`?${clear}`} replace preventScrollReset className="button button-secondary button-small">
            Clear highlight
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
