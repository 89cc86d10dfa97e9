import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MatrixForPage } from "~/models/matrix.server";
import { LOW_N } from "~/models/qca";
import { intlLocale } from "~/rules/locale";
import { useLocale } from "~/utils/format";
import { SyncedCheckbox } from "./form-state";

/** 0.67 · 0,67; "—" when the figure divides by zero. */
function useRatio() {
  const locale = useLocale();
  const format = new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return (x: number | null) => (x === null ? "—" : format.format(x));
}

/** "3 cases" · "3 cas" */
function useCases() {
  const { t } = useTranslation();
  return (n: number) => t("matrix.qca.cases", { count: n });
}

function Ratio({ value, part, whole }: { value: number | null; part: number; whole: number }) {
  const formatRatio = useRatio();
  return (
    <>
      {formatRatio(value)}
      {/* One text node: React would put a comment between each part, in every cell of a long table. */}
      <span className="ratio-parts">{` (${part}/${whole})`}</span>
    </>
  );
}

function LowN() {
  const { t } = useTranslation();
  return (
    <span className="low-n">
      <span aria-hidden="true">⚠ </span>
      {t("matrix.qca.lowN", { n: LOW_N })}
    </span>
  );
}

export function SmallNBanner({ n }: { n: number }) {
  const { t } = useTranslation();
  const cases = useCases();
  return (
    <p className="qca-banner" role="note">
      <span aria-hidden="true">⚠ </span>
      <strong>{t("matrix.qca.smallN", { cases: cases(n) })}</strong> {t("matrix.qca.smallNRead")}
    </p>
  );
}

function Measures({ matrix }: { matrix: MatrixForPage }) {
  const { t } = useTranslation();
  const measures = matrix.measures ?? [];
  return (
    <section aria-labelledby="measures-heading">
      <h3 id="measures-heading">{t("matrix.qca.measuresHeading")}</h3>
      <p className="muted qca-note">{t("matrix.qca.measuresNote")}</p>
      <div className="table-wrap">
        <table className="qca-table measures-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {t("matrix.qca.precondition")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("matrix.qca.counted")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("matrix.qca.leftOut")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("matrix.qca.withX")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("matrix.qca.withY")}
              </th>
              <th scope="col" rowSpan={2}>
                {t("matrix.qca.withXY")}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t("matrix.qca.sufficiency")}
              </th>
              <th scope="colgroup" colSpan={2}>
                {t("matrix.qca.necessity")}
              </th>
            </tr>
            <tr>
              <th scope="col">{t("matrix.qca.consistency")}</th>
              <th scope="col">{t("matrix.qca.coverage")}</th>
              <th scope="col">{t("matrix.qca.consistency")}</th>
              <th scope="col">{t("matrix.qca.coverage")}</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((m) => (
              <tr key={m.codeId} className={m.lowN ? "row-low-n" : undefined}>
                <th scope="row">
                  {m.label}
                  {m.lowN ? (
                    <>
                      <br />
                      <LowN />
                    </>
                  ) : null}
                </th>
                <td>{m.considered}</td>
                <td>{m.leftOutUnknown}</td>
                <td>{m.xCount}</td>
                <td>{m.yCount}</td>
                <td>{m.xAndY}</td>
                {m.considered === 0 ? (
                  <td colSpan={4} className="muted">
                    {t("matrix.qca.noneKnown")}
                  </td>
                ) : (
                  <>
                    <td>
                      <Ratio value={m.sufficiencyConsistency} part={m.xAndY} whole={m.xCount} />
                    </td>
                    <td>
                      <Ratio value={m.sufficiencyCoverage} part={m.xAndY} whole={m.yCount} />
                    </td>
                    <td>
                      <Ratio value={m.necessityConsistency} part={m.xAndY} whole={m.yCount} />
                    </td>
                    <td>
                      <Ratio value={m.necessityCoverage} part={m.xAndY} whole={m.xCount} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="qca-help">
        <summary>{t("matrix.qca.help.summary")}</summary>
        <dl>
          <dt>{t("matrix.qca.help.sufficiencyConsistency")}</dt>
          <dd>{t("matrix.qca.help.sufficiencyConsistencyText")}</dd>
          <dt>{t("matrix.qca.help.sufficiencyCoverage")}</dt>
          <dd>{t("matrix.qca.help.sufficiencyCoverageText")}</dd>
          <dt>{t("matrix.qca.help.necessityConsistency")}</dt>
          <dd>{t("matrix.qca.help.necessityConsistencyText")}</dd>
          <dt>{t("matrix.qca.help.necessityCoverage")}</dt>
          <dd>{t("matrix.qca.help.necessityCoverageText")}</dd>
        </dl>
        <p>{t("matrix.qca.help.note")}</p>
      </details>
    </section>
  );
}

function TruthTableSection({ matrix, workspaceId }: { matrix: MatrixForPage; workspaceId: string }) {
  const { t } = useTranslation();
  const cases = useCases();
  const formatRatio = useRatio();
  const table = matrix.truthTable;
  if (!table) return null;
  const label = (codeId: string) =>
    matrix.codes.find((code) => code.id === codeId)?.label ?? t("matrix.qca.aCode");
  return (
    <section aria-labelledby="truth-table-heading">
      <h3 id="truth-table-heading">{t("matrix.qca.truthTable")}</h3>
      <p className="muted qca-note">{t("matrix.qca.truthTableNote")}</p>
      <fieldset className="pre-picker">
        <legend>{t("matrix.qca.truthTablePreconditions")}</legend>
        {/* Tells the server the ticks below were sent, so "none ticked" is not read as "all". */}
        <input type="hidden" name="pre" value="" />
        {matrix.preconditions.map((code) => (
          <SyncedCheckbox
            key={code.id}
            className="pre-option"
            name="pre"
            value={code.id}
            checked={matrix.selectedPreIds.includes(code.id)}
          >
            {code.label}
          </SyncedCheckbox>
        ))}
        <noscript>
          <button type="submit" className="button button-secondary button-small">
            {t("matrix.qca.updateTruthTable")}
          </button>
        </noscript>
      </fieldset>
      {table.rows.length === 0 ? (
        <p className="empty-state">
          {table.conditions.length ? t("matrix.qca.noRowsWithPre") : t("matrix.qca.noRows")}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="qca-table truth-table">
            <thead>
              <tr>
                {table.conditions.map((code) => (
                  <th key={code.id} scope="col">
                    {code.label}
                  </th>
                ))}
                <th scope="col">{t("matrix.qca.casesColumn")}</th>
                <th scope="col">n</th>
                <th scope="col">{t("matrix.qca.share")}</th>
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => {
                // The row may name only its first cases (large matrices): count from the share, not the list.
                const positive = Math.round(row.outcomeShare * row.n);
                return (
                  <tr key={row.key} className={row.contradiction ? "row-contradiction" : undefined}>
                    {table.conditions.map((code) => (
                      <td key={code.id} className={`tt-value tt-${row.combination[code.id]}`}>
                        <span aria-hidden="true">{row.combination[code.id] ? "✓ " : "✗ "}</span>
                        {row.combination[code.id] ? t("matrix.value.present") : t("matrix.value.absent")}
                      </td>
                    ))}
                    <td>
                      <ul className="tt-cases">
                        {row.cases.map((c) => (
                          <li key={c.id}>
                            <Link to={`/w/${workspaceId}/cases/${c.id}`}>{c.title}</Link>{" "}
                            <span className="muted">
                              ({c.outcome ? t("matrix.qca.outcomePresent") : t("matrix.qca.outcomeAbsent")})
                            </span>
                          </li>
                        ))}
                        {row.n > row.cases.length ? (
                          <li className="muted">
                            {t("matrix.qca.andMore", { cases: cases(row.n - row.cases.length) })}
                          </li>
                        ) : null}
                      </ul>
                    </td>
                    <td>
                      {row.n}
                      {row.n < LOW_N ? (
                        <span className="visually-hidden"> ({t("matrix.qca.lowN", { n: LOW_N })})</span>
                      ) : null}
                    </td>
                    <td>
                      {formatRatio(row.outcomeShare)}{" "}
                      <span className="ratio-parts">{`(${t("matrix.qca.partOf", { part: positive, whole: row.n })})`}</span>
                      {row.contradiction ? (
                        <p className="contradiction">
                          <span aria-hidden="true">⚠ </span>
                          {t("matrix.qca.contradiction")}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {matrix.leftOutCount ? (
        <details className="tt-left-out">
          <summary>
            {t("matrix.qca.leftOutSummary", {
              leftOut: cases(matrix.leftOutCount),
              counted: cases(table.considered),
            })}
          </summary>
          <ul>
            {table.leftOut.map((c) => (
              <li key={c.id}>
                <Link to={`/w/${workspaceId}/cases/${c.id}/conditions`}>{c.title}</Link>
                <span className="muted">
                  {t("matrix.qca.unknownCodes", { codes: c.unknownCodes.map(label).join(", ") })}
                </span>
              </li>
            ))}
            {matrix.leftOutCount > table.leftOut.length ? (
              <li className="muted">
                {t("matrix.qca.andMore", { cases: cases(matrix.leftOutCount - table.leftOut.length) })}
              </li>
            ) : null}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The figures for the chosen outcome; the truth-table ticks belong to the page's GET form. */
export function QcaFigures({ matrix, workspaceId }: { matrix: MatrixForPage; workspaceId: string }) {
  const { t } = useTranslation();
  if (!matrix.outcome) {
    return (
      <section className="qca qca-empty" aria-labelledby="qca-heading">
        <h2 id="qca-heading">{t("matrix.qca.emptyHeading")}</h2>
        <p className="empty-state">{t("matrix.qca.emptyBody")}</p>
      </section>
    );
  }
  return (
    <section className="qca" aria-labelledby="qca-heading">
      <h2 id="qca-heading">{t("matrix.qca.heading", { outcome: matrix.outcome.label })}</h2>
      {matrix.largestN < LOW_N ? <SmallNBanner n={matrix.largestN} /> : null}
      {matrix.preconditions.length === 0 ? (
        <p className="empty-state">{t("matrix.qca.noPreconditions")}</p>
      ) : (
        <>
          <Measures matrix={matrix} />
          <TruthTableSection matrix={matrix} workspaceId={workspaceId} />
        </>
      )}
    </section>
  );
}
