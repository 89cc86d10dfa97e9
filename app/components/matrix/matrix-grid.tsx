import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { RelativeDate } from "~/components/case-bits";
import type { Matrix, MatrixCell } from "~/models/matrix.server";

export const VALUE_SYMBOL = { present: "✓", absent: "✗", unknown: "?" } as const;

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const codeStyle = (color: string) =>
  HEX_COLOR.test(color) ? ({ "--code-color": color } as React.CSSProperties) : undefined;

export function MatrixLegend() {
  const { t } = useTranslation();
  return (
    <ul className="matrix-legend" aria-label={t("matrix.legend.label")}>
      <li>
        <span className="legend-chip cell-present" aria-hidden="true">
          {VALUE_SYMBOL.present}
        </span>
        {t("matrix.legend.present")}
      </li>
      <li>
        <span className="legend-chip cell-absent" aria-hidden="true">
          {VALUE_SYMBOL.absent}
        </span>
        {t("matrix.legend.absent")}
      </li>
      <li>
        <span className="legend-chip cell-unknown" aria-hidden="true">
          {VALUE_SYMBOL.unknown}
        </span>
        {t("matrix.legend.unknown")}
      </li>
      <li>
        <span className="legend-chip legend-count" aria-hidden="true">
          2
        </span>
        {t("matrix.legend.count")}
      </li>
      <li>
        <span className="legend-chip legend-flag" aria-hidden="true">
          ⚠
        </span>
        {t("matrix.legend.flag")}
      </li>
    </ul>
  );
}

function Statement({ cell }: { cell: MatrixCell }) {
  const { t } = useTranslation();
  if (!cell.setAt) return <p className="cell-statement">{t("matrix.cell.notSet")}</p>;
  return (
    <p className="cell-statement">
      {t(`matrix.cell.setBy.${cell.value}`, { name: cell.setByName ?? t("matrix.cell.formerMember") })}{" "}
      <RelativeDate date={cell.setAt} />.
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
  const { t } = useTranslation();
  const caseUrl = `/w/${workspaceId}/cases/${caseId}`;
  return (
    <div className="cell-panel">
      <div className="cell-panel-head">
        <p>
          <strong>{codeLabel}</strong>
          <br />
          <span className="muted">{t("matrix.cell.in")} </span>
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
            {t("matrix.cell.close")}
          </button>
        ) : null}
      </div>
      <p className={`cell-value-line value-${cell.value}`}>
        <span aria-hidden="true">{VALUE_SYMBOL[cell.value]} </span>
        {t(`matrix.value.${cell.value}`)}
      </p>
      <Statement cell={cell} />
      {cell.note ? <p className="cell-note">{cell.note}</p> : null}
      {cell.flag === "tagged-absent" ? (
        <p className="cell-warning">
          <span aria-hidden="true">⚠ </span>
          {t("matrix.cell.taggedAbsent")}
        </p>
      ) : cell.flag === "tagged-unknown" ? (
        <p className="cell-warning">
          <span aria-hidden="true">⚠ </span>
          {t("matrix.cell.taggedUnknown")}
        </p>
      ) : null}
      {cell.passages.length ? (
        <>
          <p className="cell-passages-heading">
            {t("matrix.cell.passages", { count: cell.passages.length })}
          </p>
          <ul className="cell-passages">
            {cell.passages.map((passage, index) => (
              <li key={index}>
                <blockquote>“{passage.text}”</blockquote>
                {passage.section ? (
                  <p className="muted">{t("matrix.cell.inSection", { section: passage.section })}</p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : cell.value === "present" ? (
        <p className="muted">{t("matrix.cell.noPassage")}</p>
      ) : null}
      <p className="cell-links">
        <Link to={caseUrl}>{t("matrix.cell.readCase")}</Link> ·{" "}
        <Link to={`${caseUrl}/conditions`}>{t("matrix.cell.conditions")}</Link>
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
  const { t } = useTranslation();
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
          <span className="cell-word">{t(`matrix.value.${cell.value}`)}</span>
          {count ? (
            <span className="cell-count">
              {count}
              <span className="visually-hidden"> {t("matrix.cell.passagesWord", { count })}</span>
            </span>
          ) : null}
          {cell.flag ? (
            <span className="cell-flag">
              <span aria-hidden="true">⚠</span>
              <span className="visually-hidden">
                {cell.flag === "tagged-absent" ? t("matrix.cell.flagAbsent") : t("matrix.cell.flagUnknown")}
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
  const { t } = useTranslation();
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
      aria-label={t("matrix.grid.label")}
    >
      <table className="matrix">
        <caption className="visually-hidden">
          {t("matrix.grid.caption", { cases: matrix.cases.length, codes: matrix.columns.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {t("matrix.grid.case")}
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
                    ? t("matrix.grid.chosenOutcome")
                    : t(`codebook.kind.${code.kind}`)}
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
