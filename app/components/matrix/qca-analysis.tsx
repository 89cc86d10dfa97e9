// The crisp-set analysis below the matrix's figures: its settings (part of the page's GET form), the
// truth table it minimizes, the three solutions with their figures, necessity, and the files for R.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MatrixForPage } from "~/models/matrix.server";
import type { Analysis, AnalysisCode, Model, Solution } from "~/models/qca/analysis";
import { MAX_CONDITIONS, NECESSITY_THRESHOLD } from "~/models/qca/analysis";
import { codeText, literalText, modelText, termText } from "~/models/qca/formula";
import { VENN_FILLS, VENN_MAX, vennOf, vennSvgText } from "~/models/qca/venn";
import { intlLocale } from "~/rules/locale";
import { EXPECTATIONS } from "~/rules/qca-settings";
import { useLocale } from "~/utils/format";
import { SyncedCheckbox } from "./form-state";

/** Most remainders listed by number on a page. */
const REMAINDERS_SHOWN = 64;

function useRatio() {
  const locale = useLocale();
  const format = new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return (x: number | null) => (x === null ? "—" : format.format(x));
}

/** A combination as a term: "DEV*~URB*LIT". */
function rowText(values: ReadonlyArray<0 | 1>, preconditions: readonly AnalysisCode[]) {
  return preconditions
    .map((code, i) => (values[i] ? codeText(code) : `~${codeText(code)}`.replace(/^~~/, "")))
    .join("*");
}

function bitsOf(number: number, k: number): Array<0 | 1> {
  return Array.from({ length: k }, (_, i) => (((number - 1) >> (k - 1 - i)) & 1) as 0 | 1);
}

function Settings({ matrix, analysis }: { matrix: MatrixForPage; analysis: Analysis }) {
  const { t } = useTranslation();
  const { thresholds } = analysis;
  const codes = [...analysis.preconditions, analysis.outcome];
  // Number fields keep what was typed until the page reloads with new settings.
  const key = JSON.stringify(matrix.qca);
  return (
    <fieldset className="qca-settings">
      <legend>{t("matrix.analysis.settings")}</legend>
      {/* Tells the server the analysis's fields were sent: nothing ticked means nothing negated. */}
      <input type="hidden" name="qca" value="" />
      <fieldset className="qca-negate">
        <legend>{t("matrix.analysis.negate")}</legend>
        <p className="muted qca-note">{t("matrix.analysis.negateHint")}</p>
        <div className="qca-fields">
          {codes.map((code) => (
            <SyncedCheckbox
              key={code.id}
              className="pre-option"
              name="not"
              value={code.id}
              checked={matrix.qca.negated.includes(code.id)}
            >
              <span title={code.label}>~{code.shortName}</span>
            </SyncedCheckbox>
          ))}
        </div>
      </fieldset>
      <fieldset className="qca-thresholds" key={key}>
        <legend>{t("matrix.analysis.thresholds")}</legend>
        <p className="muted qca-note">{t("matrix.analysis.thresholdsHint")}</p>
        <div className="qca-fields">
          <div className="field">
            <label htmlFor="qca-incl">{t("matrix.analysis.consistency")}</label>
            <input
              id="qca-incl"
              name="incl"
              type="number"
              min={0}
              max={1}
              step={0.01}
              defaultValue={thresholds.consistency}
            />
          </div>
          <div className="field">
            <label htmlFor="qca-incl0">{t("matrix.analysis.contradictionBelow")}</label>
            <input
              id="qca-incl0"
              name="incl0"
              type="number"
              min={0}
              max={1}
              step={0.01}
              defaultValue={thresholds.contradictionBelow}
            />
          </div>
          <div className="field">
            <label htmlFor="qca-ncut">{t("matrix.analysis.frequency")}</label>
            <input
              id="qca-ncut"
              name="ncut"
              type="number"
              min={1}
              step={1}
              defaultValue={thresholds.frequency}
            />
          </div>
        </div>
      </fieldset>
      {analysis.preconditions.length ? (
        <fieldset className="qca-expectations" key={`exp-${key}`}>
          <legend>{t("matrix.analysis.expectations")}</legend>
          <div className="qca-fields">
            {analysis.preconditions.map((code) => (
              <div className="field" key={code.id}>
                <label htmlFor={`qca-exp-${code.id}`}>
                  {t("matrix.analysis.expectationOf", { code: codeText(code) })}
                </label>
                <select
                  id={`qca-exp-${code.id}`}
                  name="exp"
                  defaultValue={`${code.id}:${analysis.expectations[code.id] ?? "either"}`}
                >
                  {EXPECTATIONS.map((value) => (
                    <option key={value} value={`${code.id}:${value}`}>
                      {t(`matrix.analysis.${value}`)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}
      <button type="submit" className="button button-secondary button-small">
        {t("matrix.analysis.apply")}
      </button>
    </fieldset>
  );
}

function AnalysisTruthTable({ analysis, workspaceId }: { analysis: Analysis; workspaceId: string }) {
  const { t } = useTranslation();
  const ratio = useRatio();
  const outcomeText: Record<string, string> = {
    "1": t("matrix.analysis.outcome1"),
    "0": t("matrix.analysis.outcome0"),
    C: t("matrix.analysis.outcomeC"),
    "?": t("matrix.analysis.outcomeRemainder"),
  };
  const k = analysis.preconditions.length;
  return (
    <section aria-labelledby="analysis-tt-heading">
      <h4 id="analysis-tt-heading">{t("matrix.analysis.truthTable")}</h4>
      <div className="table-wrap">
        <table className="qca-table analysis-truth-table">
          <thead>
            <tr>
              <th scope="col">{t("matrix.analysis.row")}</th>
              {analysis.preconditions.map((code) => (
                <th key={code.id} scope="col" title={code.label}>
                  {codeText(code)}
                </th>
              ))}
              <th scope="col">{codeText(analysis.outcome)}</th>
              <th scope="col">{t("matrix.analysis.n")}</th>
              <th scope="col">{t("matrix.analysis.consistencyColumn")}</th>
              <th scope="col">{t("matrix.analysis.casesColumn")}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.rows.map((row) => (
              <tr
                key={row.number}
                className={`analysis-row analysis-row-${row.outcome === "?" ? "r" : row.outcome}`}
              >
                <th scope="row">{row.number}</th>
                {row.values.map((value, i) => (
                  <td key={analysis.preconditions[i].id} className={`tt-value tt-${value}`}>
                    {value}
                  </td>
                ))}
                <td className="analysis-out">{outcomeText[row.outcome]}</td>
                <td>{row.n}</td>
                <td>{ratio(row.consistency)}</td>
                <td>
                  <ul className="tt-cases">
                    {row.cases.map((c) => (
                      <li key={c.id}>
                        <Link to={`/w/${workspaceId}/cases/${c.id}`}>{c.title}</Link>
                      </li>
                    ))}
                    {row.n > row.cases.length ? (
                      <li className="muted">
                        {t("matrix.analysis.andMoreRows", { count: row.n - row.cases.length })}
                      </li>
                    ) : null}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {analysis.remainders.length ? (
        <details className="analysis-remainders">
          <summary>{t("matrix.analysis.remainders", { count: analysis.remainders.length })}</summary>
          <ul className="remainder-list">
            {analysis.remainders.slice(0, REMAINDERS_SHOWN).map((number) => (
              <li key={number}>
                <code>
                  {number}: {rowText(bitsOf(number, k), analysis.preconditions)}
                </code>
              </li>
            ))}
            {analysis.remainders.length > REMAINDERS_SHOWN ? (
              <li className="muted">
                {t("matrix.analysis.andMoreRows", { count: analysis.remainders.length - REMAINDERS_SHOWN })}
              </li>
            ) : null}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function ModelView({
  model,
  index,
  analysis,
  workspaceId,
  id,
}: {
  model: Model;
  index: number;
  analysis: Analysis;
  workspaceId: string;
  id: string;
}) {
  const { t } = useTranslation();
  const ratio = useRatio();
  const k = analysis.preconditions.length;
  return (
    <div className="qca-model">
      <p className="qca-formula">
        <span className="visually-hidden">{t("matrix.analysis.model", { n: index + 1 })}: </span>
        <code data-testid={`${id}-formula`}>{modelText(model.terms, analysis.outcome)}</code>
      </p>
      <p className="muted">
        {t("matrix.analysis.solutionFigures", {
          consistency: ratio(model.consistency),
          coverage: ratio(model.coverage),
        })}
      </p>
      <div className="table-wrap">
        <table className="qca-table terms-table">
          <thead>
            <tr>
              <th scope="col">{t("matrix.analysis.term")}</th>
              <th scope="col">{t("matrix.analysis.necessityConsistency")}</th>
              <th scope="col">{t("matrix.analysis.rawCoverage")}</th>
              <th scope="col">{t("matrix.analysis.uniqueCoverage")}</th>
              <th scope="col">{t("matrix.analysis.termCases")}</th>
            </tr>
          </thead>
          <tbody>
            {model.terms.map((term) => (
              <tr key={termText(term.literals)}>
                <th scope="row">
                  <code>{termText(term.literals)}</code>
                </th>
                <td>{ratio(term.consistency)}</td>
                <td>{ratio(term.rawCoverage)}</td>
                <td>{ratio(term.uniqueCoverage)}</td>
                <td>
                  <details className="term-cases">
                    <summary>{t("matrix.qca.cases", { count: term.caseCount })}</summary>
                    <ul>
                      {term.cases.map((c) => (
                        <li key={c.id}>
                          <Link to={`/w/${workspaceId}/cases/${c.id}`}>{c.title}</Link>{" "}
                          <span className="muted">
                            (
                            {c.outcome
                              ? t("matrix.analysis.outcomeShown")
                              : t("matrix.analysis.outcomeNotShown")}
                            )
                          </span>
                        </li>
                      ))}
                      {term.caseCount > term.cases.length ? (
                        <li className="muted">
                          {t("matrix.analysis.andMoreRows", { count: term.caseCount - term.cases.length })}
                        </li>
                      ) : null}
                    </ul>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {id !== "conservative" ? (
        model.simplifyingAssumptions.length ? (
          <details className="analysis-assumptions">
            <summary>
              {t("matrix.analysis.assumptions", { count: model.simplifyingAssumptions.length })}
            </summary>
            <ul className="remainder-list">
              {model.simplifyingAssumptions.slice(0, REMAINDERS_SHOWN).map((number) => (
                <li key={number}>
                  <code>
                    {number}: {rowText(bitsOf(number, k), analysis.preconditions)}
                  </code>
                </li>
              ))}
            </ul>
          </details>
        ) : (
          <p className="muted">{t("matrix.analysis.noAssumptions")}</p>
        )
      ) : null}
    </div>
  );
}

function SolutionView({
  id,
  solution,
  analysis,
  workspaceId,
}: {
  id: "conservative" | "parsimonious" | "intermediate";
  solution: Solution;
  analysis: Analysis;
  workspaceId: string;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`${id}-heading`} className="qca-solution">
      <h4 id={`${id}-heading`}>{t(`matrix.analysis.${id}`)}</h4>
      <p className="muted qca-note">
        {t(`matrix.analysis.${id}Note`)} {t("matrix.analysis.models", { count: solution.modelCount })}
        {solution.modelCount > solution.models.length
          ? ` (${t("matrix.analysis.modelsShown", { shown: solution.models.length })})`
          : ""}
        {solution.complete ? "" : ` ${t("matrix.analysis.searchStopped")}`}
      </p>
      {solution.models.map((model, i) => (
        <ModelView
          key={model.terms.map((term) => termText(term.literals)).join("+")}
          model={model}
          index={i}
          analysis={analysis}
          workspaceId={workspaceId}
          id={id}
        />
      ))}
    </section>
  );
}

/** The diagram as an image of our own SVG (no user text but short names, escaped): one <img>, alt text. */
function VennFigure({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const venn = vennOf(analysis);
  if (!venn) return <p className="muted qca-note">{t("matrix.analysis.vennTooMany", { max: VENN_MAX })}</p>;
  const title = t("matrix.analysis.vennTitle", {
    conditions: analysis.preconditions.map(codeText).join(", "),
    outcome: codeText(analysis.outcome),
  });
  const svg = vennSvgText(venn, title, codeText(analysis.outcome));
  const legend = [
    ["positive", t("matrix.analysis.vennPositive")],
    ["negative", t("matrix.analysis.vennNegative")],
    ["contradiction", t("matrix.analysis.vennContradiction")],
    ["remainder", t("matrix.analysis.vennRemainder")],
  ] as const;
  return (
    <figure className="qca-venn" aria-labelledby="venn-heading">
      <h4 id="venn-heading">{t("matrix.analysis.venn")}</h4>
      <img
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`}
        alt={title}
        width={venn.size}
        height={venn.size}
      />
      <figcaption>
        <ul className="venn-legend">
          {legend.map(([fill, text]) => (
            <li key={fill}>
              <span className="venn-swatch" style={{ background: VENN_FILLS[fill] }} aria-hidden="true" />
              {text}
            </li>
          ))}
        </ul>
        <p className="muted qca-note">{t("matrix.analysis.vennNote")}</p>
      </figcaption>
    </figure>
  );
}

function Necessity({ analysis }: { analysis: Analysis }) {
  const { t } = useTranslation();
  const ratio = useRatio();
  return (
    <section aria-labelledby="necessity-heading">
      <h4 id="necessity-heading">{t("matrix.analysis.necessity")}</h4>
      <p className="muted qca-note">
        {t("matrix.analysis.necessityNote", { threshold: ratio(NECESSITY_THRESHOLD) })}
      </p>
      <div className="table-wrap">
        <table className="qca-table necessity-table">
          <thead>
            <tr>
              <th scope="col">{t("matrix.analysis.condition")}</th>
              <th scope="col">{t("matrix.analysis.necessityConsistency")}</th>
              <th scope="col">{t("matrix.analysis.necessityCoverage")}</th>
              <th scope="col">{t("matrix.analysis.relevance")}</th>
            </tr>
          </thead>
          <tbody>
            {analysis.necessity.map((n) => (
              <tr key={literalText(n.literal)} className={n.necessary ? "row-necessary" : undefined}>
                <th scope="row">
                  <code>{literalText(n.literal)}</code>
                  {n.necessary ? <span className="badge">{t("matrix.analysis.necessary")}</span> : null}
                </th>
                <td>{ratio(n.consistency)}</td>
                <td>{ratio(n.coverage)}</td>
                <td>{ratio(n.relevance)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The analysis of the chosen outcome; `exportHref` gives the address of a download in a format. */
export function QcaAnalysis({
  matrix,
  workspaceId,
  exportHref,
}: {
  matrix: MatrixForPage;
  workspaceId: string;
  exportHref: (format: string) => string;
}) {
  const { t } = useTranslation();
  const analysis = matrix.analysis;
  if (!analysis) return null;
  const observed = analysis.combinations - analysis.unobserved;
  return (
    <section className="qca qca-analysis" aria-labelledby="analysis-heading">
      <h3 id="analysis-heading">{t("matrix.analysis.heading", { outcome: codeText(analysis.outcome) })}</h3>
      <p className="muted qca-note">{t("matrix.analysis.lead")}</p>
      <Settings matrix={matrix} analysis={analysis} />
      {analysis.tooManyConditions ? (
        <p className="qca-banner" role="note">
          {t("matrix.analysis.tooMany", { max: MAX_CONDITIONS })}
        </p>
      ) : analysis.considered === 0 ? (
        <p className="empty-state">{t("matrix.analysis.noCases")}</p>
      ) : (
        <>
          <p className={analysis.diversityWarning ? "qca-banner" : "muted"} role="note">
            {t("matrix.analysis.diversity", {
              observed,
              combinations: analysis.combinations,
              unobserved: analysis.unobserved,
            })}{" "}
            {analysis.diversityWarning
              ? t("matrix.analysis.diversityWarning", {
                  combinations: analysis.combinations,
                  cases: analysis.considered,
                })
              : null}
          </p>
          <AnalysisTruthTable analysis={analysis} workspaceId={workspaceId} />
          <VennFigure analysis={analysis} />
          {analysis.solutions ? (
            <>
              <SolutionView
                id="conservative"
                solution={analysis.solutions.conservative}
                analysis={analysis}
                workspaceId={workspaceId}
              />
              <SolutionView
                id="parsimonious"
                solution={analysis.solutions.parsimonious}
                analysis={analysis}
                workspaceId={workspaceId}
              />
              <SolutionView
                id="intermediate"
                solution={analysis.solutions.intermediate}
                analysis={analysis}
                workspaceId={workspaceId}
              />
            </>
          ) : (
            <p className="empty-state">{t("matrix.analysis.noPositive")}</p>
          )}
          <Necessity analysis={analysis} />
        </>
      )}
      <section aria-labelledby="analysis-downloads-heading" className="qca-downloads">
        <h4 id="analysis-downloads-heading">{t("matrix.analysis.downloads")}</h4>
        <p className="muted qca-note">{t("matrix.analysis.downloadsNote")}</p>
        <div className="actions">
          <a href={exportHref("rcsv")} className="button button-secondary">
            {t("matrix.analysis.downloadRCsv")}
          </a>
          <a href={exportHref("r")} className="button button-secondary">
            {t("matrix.analysis.downloadRScript")}
          </a>
          <a href={exportHref("json")} className="button button-secondary">
            {t("matrix.analysis.downloadJson")}
          </a>
          {analysis.preconditions.length > 0 && analysis.preconditions.length <= VENN_MAX ? (
            <a href={exportHref("svg")} className="button button-secondary">
              {t("matrix.analysis.downloadSvg")}
            </a>
          ) : null}
        </div>
      </section>
    </section>
  );
}
