import { Link } from "@remix-run/react";
import type { Matrix } from "~/models/matrix.server";
import { formatRatio, LOW_N } from "~/models/qca";
import { SyncedCheckbox } from "./form-state";

const cases = (n: number) => (n === 1 ? "1 case" : `${n} cases`);

function Ratio({ value, part, whole }: { value: number | null; part: number; whole: number }) {
  return (
    <>
      {formatRatio(value)}
      <span className="ratio-parts">
        {" "}
        ({part}/{whole})
      </span>
    </>
  );
}

function LowN() {
  return (
    <span className="low-n">
      <span aria-hidden="true">⚠ </span>fewer than {LOW_N} cases
    </span>
  );
}

export function SmallNBanner({ n }: { n: number }) {
  return (
    <p className="qca-banner" role="note">
      <span aria-hidden="true">⚠ </span>
      <strong>These figures rest on {cases(n)}:</strong> read them as description, not evidence.
    </p>
  );
}

function Measures({ matrix }: { matrix: Matrix }) {
  const measures = matrix.measures ?? [];
  return (
    <section aria-labelledby="measures-heading">
      <h3 id="measures-heading">Each precondition and the outcome</h3>
      <p className="muted qca-note">
        Counted over the cases where both the precondition (X) and the outcome (Y) are known; cases with an
        unknown value on either side are left out.
      </p>
      <div className="table-wrap">
        <table className="qca-table measures-table">
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Precondition (X)
              </th>
              <th scope="col" rowSpan={2}>
                Cases counted
              </th>
              <th scope="col" rowSpan={2}>
                Left out (unknown)
              </th>
              <th scope="col" rowSpan={2}>
                With X
              </th>
              <th scope="col" rowSpan={2}>
                With Y
              </th>
              <th scope="col" rowSpan={2}>
                With X and Y
              </th>
              <th scope="colgroup" colSpan={2}>
                Sufficiency
              </th>
              <th scope="colgroup" colSpan={2}>
                Necessity
              </th>
            </tr>
            <tr>
              <th scope="col">Consistency</th>
              <th scope="col">Coverage</th>
              <th scope="col">Consistency</th>
              <th scope="col">Coverage</th>
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
                    No case has both values known.
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
        <summary>How to read these figures</summary>
        <dl>
          <dt>Sufficiency consistency = |X and Y| / |X|</dt>
          <dd>When the precondition is present, how often is the outcome present too?</dd>
          <dt>Sufficiency coverage = |X and Y| / |Y|</dt>
          <dd>How many of the cases with the outcome does this precondition account for?</dd>
          <dt>Necessity consistency = |X and Y| / |Y|</dt>
          <dd>When the outcome is present, how often was the precondition present?</dd>
          <dt>Necessity coverage = |X and Y| / |X|</dt>
          <dd>Is the precondition much more common than the outcome (a trivially “necessary” one)?</dd>
        </dl>
        <p>
          “—” means the figure divides by zero. With crisp sets, sufficiency consistency equals necessity
          coverage and the other pair likewise; both are shown because they answer different questions.
        </p>
      </details>
    </section>
  );
}

function TruthTableSection({ matrix, workspaceId }: { matrix: Matrix; workspaceId: string }) {
  const table = matrix.truthTable;
  if (!table) return null;
  const label = (codeId: string) => matrix.codes.find((code) => code.id === codeId)?.label ?? "a code";
  return (
    <section aria-labelledby="truth-table-heading">
      <h3 id="truth-table-heading">Truth table</h3>
      <p className="muted qca-note">
        One row per combination of the chosen preconditions that occurs among the cases, with the share of
        them showing the outcome. A row with cases on both sides is a contradiction.
      </p>
      <fieldset className="pre-picker">
        <legend>Preconditions in the truth table</legend>
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
            Update the truth table
          </button>
        </noscript>
      </fieldset>
      {table.rows.length === 0 ? (
        <p className="empty-state">
          No case has all {table.conditions.length ? "the chosen preconditions and " : ""}the outcome known.
          Untick preconditions, or state the unknown values in the cases' conditions.
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
                <th scope="col">Cases</th>
                <th scope="col">n</th>
                <th scope="col">Share with the outcome</th>
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
                        {row.combination[code.id] ? "Present" : "Absent"}
                      </td>
                    ))}
                    <td>
                      <ul className="tt-cases">
                        {row.cases.map((c) => (
                          <li key={c.id}>
                            <Link to={`/w/${workspaceId}/cases/${c.id}`}>{c.title}</Link>{" "}
                            <span className="muted">
                              ({c.outcome ? "outcome present" : "outcome absent"})
                            </span>
                          </li>
                        ))}
                        {row.n > row.cases.length ? (
                          <li className="muted">and {cases(row.n - row.cases.length)} more</li>
                        ) : null}
                      </ul>
                    </td>
                    <td>
                      {row.n}
                      {row.n < LOW_N ? (
                        <span className="visually-hidden"> (fewer than {LOW_N} cases)</span>
                      ) : null}
                    </td>
                    <td>
                      {formatRatio(row.outcomeShare)}{" "}
                      <span className="ratio-parts">
                        ({positive} of {row.n})
                      </span>
                      {row.contradiction ? (
                        <p className="contradiction">
                          <span aria-hidden="true">⚠ </span>Contradiction: cases on both sides
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
            {cases(matrix.leftOutCount)} left out because a value is unknown ({cases(table.considered)}{" "}
            counted)
          </summary>
          <ul>
            {table.leftOut.map((c) => (
              <li key={c.id}>
                <Link to={`/w/${workspaceId}/cases/${c.id}/conditions`}>{c.title}</Link>
                <span className="muted">: unknown {c.unknownCodes.map(label).join(", ")}</span>
              </li>
            ))}
            {matrix.leftOutCount > table.leftOut.length ? (
              <li className="muted">and {cases(matrix.leftOutCount - table.leftOut.length)} more</li>
            ) : null}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

/** The figures for the chosen outcome; the truth-table ticks belong to the page's GET form. */
export function QcaFigures({ matrix, workspaceId }: { matrix: Matrix; workspaceId: string }) {
  if (!matrix.outcome) {
    return (
      <section className="qca qca-empty" aria-labelledby="qca-heading">
        <h2 id="qca-heading">Figures for an outcome</h2>
        <p className="empty-state">
          Choose an outcome above to see, for each precondition, how consistently it goes with that outcome
          (sufficiency and necessity), and a truth table of the combinations that occur.
        </p>
      </section>
    );
  }
  return (
    <section className="qca" aria-labelledby="qca-heading">
      <h2 id="qca-heading">Figures for “{matrix.outcome.label}”</h2>
      {matrix.largestN < LOW_N ? <SmallNBanner n={matrix.largestN} /> : null}
      {matrix.preconditions.length === 0 ? (
        <p className="empty-state">
          No precondition is among the columns. Show at least one precondition to compare it with the outcome.
        </p>
      ) : (
        <>
          <Measures matrix={matrix} />
          <TruthTableSection matrix={matrix} workspaceId={workspaceId} />
        </>
      )}
    </section>
  );
}
