import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { RelativeDate } from "~/components/case-bits";
import type { Matrix, MatrixCell } from "~/models/matrix.server";

export const VALUE_SYMBOL = { present: "✓", absent: "✗", unknown: "?" } as const;
export const VALUE_WORD = { present: "Present", absent: "Absent", unknown: "Unknown" } as const;

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const codeStyle = (color: string) =>
  HEX_COLOR.test(color) ? ({ "--code-color": color } as React.CSSProperties) : undefined;

export function MatrixLegend() {
  return (
    <ul className="matrix-legend" aria-label="Legend">
      <li>
        <span className="legend-chip cell-present" aria-hidden="true">
          {VALUE_SYMBOL.present}
        </span>
        Present: stated present
      </li>
      <li>
        <span className="legend-chip cell-absent" aria-hidden="true">
          {VALUE_SYMBOL.absent}
        </span>
        Absent: stated absent
      </li>
      <li>
        <span className="legend-chip cell-unknown" aria-hidden="true">
          {VALUE_SYMBOL.unknown}
        </span>
        Unknown: not stated, left out of the figures
      </li>
      <li>
        <span className="legend-chip legend-count" aria-hidden="true">
          2
        </span>
        Tagged passages in the text
      </li>
      <li>
        <span className="legend-chip legend-flag" aria-hidden="true">
          ⚠
        </span>
        Tagged in the text but set absent or not set
      </li>
    </ul>
  );
}

function Statement({ cell }: { cell: MatrixCell }) {
  if (!cell.setAt) return <p className="cell-statement">Not set: no one has stated this yet.</p>;
  return (
    <p className="cell-statement">
      Set {cell.value} by {cell.setByName ?? "a former member"} on <RelativeDate date={cell.setAt} />.
    </p>
  );
}

function CellPanel({
  cell,
  caseId,
  caseTitle,
  codeLabel,
  workspaceId,
  hydrated,
}: {
  cell: MatrixCell;
  caseId: string;
  caseTitle: string;
  codeLabel: string;
  workspaceId: string;
  hydrated: boolean;
}) {
  const caseUrl = `/w/${workspaceId}/cases/${caseId}`;
  return (
    <div className="cell-panel">
      <div className="cell-panel-head">
        <p>
          <strong>{codeLabel}</strong>
          <br />
          <span className="muted">in </span>
          <Link to={caseUrl}>{caseTitle}</Link>
        </p>
        {hydrated ? (
          <button
            type="button"
            className="button button-secondary button-small cell-close"
            onClick={(event) => {
              const details = event.currentTarget.closest("details");
              details?.removeAttribute("open");
              details?.querySelector("summary")?.focus();
            }}
          >
            Close
          </button>
        ) : null}
      </div>
      <p className={`cell-value-line value-${cell.value}`}>
        <span aria-hidden="true">{VALUE_SYMBOL[cell.value]} </span>
        {VALUE_WORD[cell.value]}
      </p>
      <Statement cell={cell} />
      {cell.note ? <p className="cell-note">{cell.note}</p> : null}
      {cell.flag === "tagged-absent" ? (
        <p className="cell-warning">
          <span aria-hidden="true">⚠ </span>Tagged in the text but set absent: check the passages or the
          value.
        </p>
      ) : cell.flag === "tagged-unknown" ? (
        <p className="cell-warning">
          <span aria-hidden="true">⚠ </span>Tagged in the text, not set: the figures count it as unknown.
        </p>
      ) : null}
      {cell.passages.length ? (
        <>
          <p className="cell-passages-heading">
            {cell.passages.length === 1 ? "1 tagged passage" : `${cell.passages.length} tagged passages`}
          </p>
          <ul className="cell-passages">
            {cell.passages.map((passage, index) => (
              <li key={index}>
                <blockquote>“{passage.text}”</blockquote>
                {passage.section ? <p className="muted">in {passage.section}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : cell.value === "present" ? (
        <p className="muted">No passage of the text is tagged with this code.</p>
      ) : null}
      <p className="cell-links">
        <Link to={caseUrl}>Read the case</Link> · <Link to={`${caseUrl}/conditions`}>Its conditions</Link>
      </p>
    </div>
  );
}

function Cell(props: {
  cell: MatrixCell;
  caseId: string;
  caseTitle: string;
  codeLabel: string;
  workspaceId: string;
  isOutcome: boolean;
  isFirstOutcome: boolean;
  hydrated: boolean;
}) {
  const { cell, isFirstOutcome, isOutcome, ...panel } = props;
  const count = cell.passages.length;
  return (
    <td
      className={`cell cell-${cell.value}${cell.flag ? " cell-flagged" : ""}${isOutcome ? " cell-outcome" : ""}${isFirstOutcome ? " matrix-first-outcome" : ""}`}
    >
      <details className="cell-details">
        <summary>
          <span className="cell-symbol" aria-hidden="true">
            {VALUE_SYMBOL[cell.value]}
          </span>{" "}
          <span className="cell-word">{VALUE_WORD[cell.value]}</span>
          {count ? (
            <span className="cell-count">
              {count}
              <span className="visually-hidden">{count === 1 ? " tagged passage" : " tagged passages"}</span>
            </span>
          ) : null}
          {cell.flag ? (
            <span className="cell-flag">
              <span aria-hidden="true">⚠</span>
              <span className="visually-hidden">
                {cell.flag === "tagged-absent" ? ", tagged but set absent" : ", tagged, not set"}
              </span>
            </span>
          ) : null}
        </summary>
        <CellPanel cell={cell} {...panel} />
      </details>
    </td>
  );
}

/**
 * Cases as rows, codes as columns. Each cell is a <details>: it opens without JavaScript; with it, only one
 * stays open and Escape closes it.
 */
export function MatrixGrid({ matrix, workspaceId }: { matrix: Matrix; workspaceId: string }) {
  const wrap = useRef<HTMLElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
    const root = wrap.current;
    if (!root) return;
    const onToggle = (event: Event) => {
      const opened = event.target as HTMLDetailsElement;
      if (!opened.open) return;
      for (const other of root.querySelectorAll<HTMLDetailsElement>("details[open]"))
        if (other !== opened) other.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      const open = root.querySelector<HTMLDetailsElement>("details[open]");
      if (!open) return;
      open.open = false;
      open.querySelector("summary")?.focus();
    };
    root.addEventListener("toggle", onToggle, true);
    root.addEventListener("keydown", onKey);
    return () => {
      root.removeEventListener("toggle", onToggle, true);
      root.removeEventListener("keydown", onKey);
    };
  }, []);

  // The chosen outcome comes first, next to the case names, so it is in view beside every precondition.
  const columns = matrix.outcome
    ? [
        ...matrix.columns.filter((code) => code.id === matrix.outcome?.id),
        ...matrix.columns.filter((code) => code.id !== matrix.outcome?.id),
      ]
    : matrix.columns;
  const firstOutcome = columns.findIndex((code) => code.kind === "outcome" && code.id !== matrix.outcome?.id);
  return (
    <section
      className="matrix-wrap"
      ref={wrap}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard
      tabIndex={0}
      aria-label="Matrix of cases and codes (scrolls sideways)"
    >
      <table className="matrix">
        <caption className="visually-hidden">
          {matrix.cases.length} cases as rows, {matrix.columns.length} codes as columns
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              Case
            </th>
            {columns.map((code, index) => (
              <th
                key={code.id}
                scope="col"
                className={`matrix-code matrix-code-${code.kind}${index === firstOutcome ? " matrix-first-outcome" : ""}${matrix.outcome?.id === code.id ? " matrix-chosen-outcome" : ""}`}
                style={codeStyle(code.color)}
              >
                <span className="matrix-code-kind">
                  {matrix.outcome?.id === code.id
                    ? "Chosen outcome"
                    : code.kind === "outcome"
                      ? "Outcome"
                      : "Precondition"}
                </span>
                <span className="matrix-code-label">{code.label}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.cases.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="matrix-case">
                <Link to={`/w/${workspaceId}/cases/${item.id}`}>{item.title}</Link>
              </th>
              {columns.map((code, index) => (
                <Cell
                  key={code.id}
                  cell={matrix.cells[item.id][code.id]}
                  caseId={item.id}
                  caseTitle={item.title}
                  codeLabel={code.label}
                  workspaceId={workspaceId}
                  isOutcome={matrix.outcome?.id === code.id}
                  isFirstOutcome={index === firstOutcome}
                  hydrated={hydrated}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
