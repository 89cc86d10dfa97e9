import { Link } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { RelativeDate } from "~/components/case-labels";
import type { MatrixCell, MatrixCellSummary, MatrixForPage } from "~/models/matrix.server";

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

function Statement({ cell }: { cell: Pick<CellData, "setAt" | "setByName" | "value"> }) {
  const { t } = useTranslation();
  if (!cell.setAt) return <p className="cell-statement">{t("matrix.cell.notSet")}</p>;
  return (
    <p className="cell-statement">
      {t(`matrix.cell.setBy.${cell.value}`, { name: cell.setByName ?? t("matrix.cell.formerMember") })}{" "}
      <RelativeDate date={cell.setAt} />.
    </p>
  );
}

/** A cell's evidence as the server sends it (dates as ISO strings when read as JSON). */
type CellData = Omit<MatrixCell, "setAt"> & { setAt: string | Date | null };

/** What a case states for a code, who stated it, and the tagged passages behind it. */
export function CellEvidence({ cell }: { cell: CellData }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** The frame of an opened cell: which code in which case, the evidence, and links to the case. */
export function CellPanel({
  caseId,
  caseTitle,
  codeLabel,
  workspaceId,
  onClose,
  children,
}: {
  caseId: string;
  caseTitle: string;
  codeLabel: string;
  workspaceId: string;
  onClose?: () => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const caseUrl = `/w/${workspaceId}/cases/${caseId}`;
  return (
    <div className="cell-panel-body">
      <div className="cell-panel-head">
        <p>
          <strong>{codeLabel}</strong>
          <br />
          <span className="muted">{t("matrix.cell.in")} </span>
          <Link to={caseUrl}>{caseTitle}</Link>
        </p>
        {onClose ? (
          <button type="button" className="button button-secondary button-small cell-close" onClick={onClose}>
            {t("matrix.cell.close")}
          </button>
        ) : null}
      </div>
      {children}
      <p className="cell-links">
        <Link to={caseUrl}>{t("matrix.cell.readCase")}</Link> ·{" "}
        <Link to={`${caseUrl}/conditions`}>{t("matrix.cell.conditions")}</Link>
      </p>
    </div>
  );
}

type OpenCell = { caseId: string; codeId: string; caseTitle: string; codeLabel: string };

type Evidence =
  | { state: "loading" }
  | { state: "failed"; message: string }
  | { state: "loaded"; cell: CellData };

/** Reads an opened cell's evidence; a newer cell cancels the request of the one before. */
function useCellEvidence(workspaceId: string, open: OpenCell | null) {
  const { t } = useTranslation();
  const [evidence, setEvidence] = useState<Evidence>({ state: "loading" });
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    setEvidence({ state: "loading" });
    const url = `/w/${workspaceId}/matrix/evidence?at=${open.caseId}.${open.codeId}`;
    fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } })
      .then(async (response) => {
        if (!response.ok) {
          const body = (await response.json().catch(() => null)) as { message?: string } | null;
          throw new Error(body?.message ?? t("matrix.cell.loadFailed"));
        }
        const body = (await response.json()) as { cell: CellData };
        setEvidence({ state: "loaded", cell: body.cell });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof Error && !(error instanceof TypeError) ? error.message : "";
        setEvidence({ state: "failed", message: message || t("matrix.cell.loadFailed") });
      });
    return () => controller.abort();
  }, [workspaceId, open, t]);
  return evidence;
}

/** The form every cell's button submits without JavaScript: `at=<case>.<code>` opens the cell's own page. */
const CELL_FORM = "matrix-cell";

/**
 * The form the cells submit without JavaScript. It must sit outside the page's other forms (a form inside
 * a form is dropped by the HTML parser), so the page renders it apart from the grid.
 */
export function MatrixCellForm({ workspaceId, back }: { workspaceId: string; back: string }) {
  return (
    <form id={CELL_FORM} method="get" action={`/w/${workspaceId}/matrix/cell`} hidden>
      {/* The page the cell's own page leads back to. */}
      <input type="hidden" name="back" value={back} />
    </form>
  );
}

/**
 * One cell: a button of the cell form (small markup: a page has hundreds). Its symbol comes from the
 * stylesheet; the word is for screen readers and wide screens.
 */
function Cell({
  cell,
  at,
  words,
  className,
  isOpen,
}: {
  cell: MatrixCellSummary;
  at: string;
  words: CellWords;
  className: string;
  isOpen: boolean;
}) {
  const count = cell.passageCount;
  return (
    <td className={`cell cell-${cell.value}${cell.flag ? " cell-flagged" : ""}${className}`}>
      {/* biome-ignore lint/a11y/useButtonType: a submit button (the default type), of the cell form */}
      <button
        form={CELL_FORM}
        name="at"
        value={at}
        aria-haspopup="dialog"
        aria-expanded={isOpen ? true : undefined}
      >
        <span className="cell-word">{words.value[cell.value]}</span>
        {count ? (
          <span className="cell-count">
            {count}
            <span className="visually-hidden">{` ${words.passages(count)}`}</span>
          </span>
        ) : null}
        {cell.flag ? (
          <span className="cell-flag">
            <span className="visually-hidden">{words.flag[cell.flag]}</span>
          </span>
        ) : null}
      </button>
    </td>
  );
}

type CellWords = {
  value: Record<MatrixCellSummary["value"], string>;
  flag: Record<NonNullable<MatrixCellSummary["flag"]>, string>;
  passages: (count: number) => string;
};

/** The opened cell, as a sheet at the bottom of the window; Escape or Close gives focus back to the cell. */
function CellSheet({
  open,
  workspaceId,
  onClose,
}: {
  open: OpenCell;
  workspaceId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const evidence = useCellEvidence(workspaceId, open);
  const sheet = useRef<HTMLElement>(null);
  // Focus moves to the sheet so its content is read next; opening another cell moves it again.
  useEffect(() => {
    if (open) sheet.current?.focus();
  }, [open]);
  return (
    <section
      ref={sheet}
      className="cell-panel"
      role="dialog"
      aria-label={t("matrix.cell.sheetLabel", { code: open.codeLabel, case: open.caseTitle })}
      aria-busy={evidence.state === "loading"}
      tabIndex={-1}
    >
      <CellPanel
        caseId={open.caseId}
        caseTitle={open.caseTitle}
        codeLabel={open.codeLabel}
        workspaceId={workspaceId}
        onClose={onClose}
      >
        {evidence.state === "loaded" ? (
          <CellEvidence cell={evidence.cell} />
        ) : evidence.state === "failed" ? (
          <p className="form-error" role="alert">
            {evidence.message}
          </p>
        ) : (
          <p className="muted" role="status">
            {t("matrix.cell.loading")}
          </p>
        )}
      </CellPanel>
    </section>
  );
}

/**
 * Cases as rows, codes as columns. Each cell is a link to its own page, so it opens without JavaScript;
 * with it, the cell opens in a sheet over the page, its evidence read then (the grid itself carries only
 * values and counts: with 60 codes, evidence for every cell made pages of ~800 KB).
 */
export function MatrixGrid({ matrix, workspaceId }: { matrix: MatrixForPage; workspaceId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<OpenCell | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const close = useCallback(() => {
    setOpen(null);
    opener.current?.focus();
  }, []);
  // Escape closes the sheet from anywhere on the page.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, close]);

  // The chosen outcome comes first, next to the case names, so it is in view beside every precondition.
  const columns = matrix.outcome
    ? [
        ...matrix.columns.filter((code) => code.id === matrix.outcome?.id),
        ...matrix.columns.filter((code) => code.id !== matrix.outcome?.id),
      ]
    : matrix.columns;
  const firstOutcome = columns.findIndex((code) => code.kind === "outcome" && code.id !== matrix.outcome?.id);
  const words: CellWords = {
    value: {
      present: t("matrix.value.present"),
      absent: t("matrix.value.absent"),
      unknown: t("matrix.value.unknown"),
    },
    flag: { "tagged-absent": t("matrix.cell.flagAbsent"), "tagged-unknown": t("matrix.cell.flagUnknown") },
    passages: (count) => t("matrix.cell.passagesWord", { count }),
  };
  const columnClass = columns.map(
    (code, index) =>
      `${matrix.outcome?.id === code.id ? " cell-outcome" : ""}${index === firstOutcome ? " matrix-first-outcome" : ""}`,
  );

  // One listener for every cell: with JavaScript a cell opens in the sheet instead of its page.
  const onClick = (event: React.MouseEvent<HTMLTableElement>) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>("td.cell > button");
    if (!button) return;
    const [caseId, codeId] = button.value.split(".");
    const item = matrix.cases.find((c) => c.id === caseId);
    const code = matrix.columns.find((c) => c.id === codeId);
    if (!item || !code) return;
    event.preventDefault();
    opener.current = button;
    setOpen({ caseId, codeId, caseTitle: item.title, codeLabel: code.label });
  };

  return (
    <>
      <section
        className="matrix-wrap"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling region must be reachable by keyboard
        tabIndex={0}
        aria-label={t("matrix.grid.label")}
      >
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: the cells are buttons; Enter and Space click them */}
        <table className="matrix" onClick={onClick}>
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
                    at={`${item.id}.${code.id}`}
                    words={words}
                    className={columnClass[index]}
                    isOpen={open?.caseId === item.id && open.codeId === code.id}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {open ? <CellSheet open={open} workspaceId={workspaceId} onClose={close} /> : null}
    </>
  );
}
