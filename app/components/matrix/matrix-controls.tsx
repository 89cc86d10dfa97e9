import { Link } from "@remix-run/react";
import { useState } from "react";
import { CASE_STATUS_LABELS } from "~/models/case-fields";
import type { Code } from "~/models/codes.server";
import type { CaseStatus } from "~/models/domain";
import type { LibraryQuery } from "~/models/library.server";
import { SyncedCheckbox, useSynced } from "./form-state";

type Facets = {
  regions: Array<{ value: string; count: number }>;
  statuses: Array<{ value: CaseStatus; count: number }>;
  codes: Array<Code & { count: number }>;
  authors: Array<{ id: string; name: string; count: number }>;
};

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** The outcome whose figures are shown; "" = none. Part of the page's GET form. */
export function OutcomePicker({ codes, outcomeId }: { codes: Code[]; outcomeId: string | null }) {
  const [value, setValue] = useSynced(outcomeId ?? "");
  const outcomes = codes.filter((code) => code.kind === "outcome");
  return (
    <div className="field outcome-picker">
      <label htmlFor="matrix-outcome">Outcome for the figures</label>
      <select
        id="matrix-outcome"
        name="outcome"
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
      >
        <option value="">Choose an outcome…</option>
        {outcomes.map((code) => (
          <option key={code.id} value={code.id}>
            {code.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The library's filters (same names: q, region, status, code + match, from/to, author) and the columns. */
export function MatrixFilters({
  facets,
  filters,
  columnIds,
  codes,
  shown,
  total,
  clearTo,
}: {
  facets: Facets;
  filters: LibraryQuery;
  columnIds: string[];
  codes: Code[];
  shown: number;
  total: number;
  clearTo: string;
}) {
  const filtered =
    filters.q !== "" ||
    filters.region.length > 0 ||
    filters.status.length > 0 ||
    filters.code.length > 0 ||
    filters.from !== null ||
    filters.to !== null ||
    filters.author !== "";
  const groups = [
    ["Preconditions", facets.codes.filter((code) => code.kind === "precondition")],
    ["Outcomes", facets.codes.filter((code) => code.kind === "outcome")],
  ] as const;
  // Open at first when a filter is on; after that the person decides (React never touches it again).
  const [openAtFirst] = useState(filtered);
  const columnShown = (id: string) => columnIds.length === 0 || columnIds.includes(id);
  const [author, setAuthor] = useSynced(filters.author);
  const [match, setMatch] = useSynced(filters.match);
  return (
    <div className="matrix-pickers">
      <details className="matrix-picker" open={openAtFirst || undefined}>
        <summary>
          Cases: {shown === total && !filtered ? `all ${total}` : `${shown} of ${total}`}
          {filtered ? " (filtered)" : ""}
        </summary>
        <div className="matrix-picker-body">
          <div className="matrix-search">
            <label htmlFor="matrix-q">Words in the case</label>
            <div className="matrix-search-row">
              <input
                id="matrix-q"
                type="search"
                name="q"
                key={filters.q}
                defaultValue={filters.q}
                maxLength={200}
              />
              <button type="submit" className="button button-secondary">
                Search
              </button>
            </div>
          </div>
          <fieldset>
            <legend>Country or region</legend>
            {facets.regions.length === 0 ? <p className="muted">No regions yet.</p> : null}
            {facets.regions.map((facet) => (
              <SyncedCheckbox
                key={facet.value}
                className="facet"
                name="region"
                value={facet.value}
                checked={filters.region.includes(facet.value)}
              >
                {facet.value} <span className="count">{facet.count}</span>
              </SyncedCheckbox>
            ))}
          </fieldset>
          <fieldset>
            <legend>Period overlapping</legend>
            <div className="matrix-period">
              <label>
                From{" "}
                <input
                  type="number"
                  name="from"
                  min={1800}
                  max={2100}
                  inputMode="numeric"
                  key={`from-${filters.from}`}
                  defaultValue={filters.from ?? ""}
                />
              </label>
              <label>
                to{" "}
                <input
                  type="number"
                  name="to"
                  min={1800}
                  max={2100}
                  inputMode="numeric"
                  key={`to-${filters.to}`}
                  defaultValue={filters.to ?? ""}
                />
              </label>
            </div>
          </fieldset>
          <fieldset>
            <legend>Status</legend>
            {facets.statuses.map((facet) => (
              <SyncedCheckbox
                key={facet.value}
                className="facet"
                name="status"
                value={facet.value}
                checked={filters.status.includes(facet.value)}
              >
                {CASE_STATUS_LABELS[facet.value]} <span className="count">{facet.count}</span>
              </SyncedCheckbox>
            ))}
          </fieldset>
          <fieldset>
            <legend>Cases that have these codes</legend>
            <div className="match-choice">
              <label>
                <input
                  type="radio"
                  name="match"
                  value="all"
                  checked={match === "all"}
                  onChange={() => setMatch("all")}
                />{" "}
                all of
              </label>
              <label>
                <input
                  type="radio"
                  name="match"
                  value="any"
                  checked={match === "any"}
                  onChange={() => setMatch("any")}
                />{" "}
                any of
              </label>
            </div>
            {groups.map(([heading, list]) => (
              <div key={heading}>
                <p className="facet-heading">{heading}</p>
                {list.map((code) => (
                  <SyncedCheckbox
                    key={code.id}
                    className="facet"
                    name="code"
                    value={code.id}
                    checked={filters.code.includes(code.id)}
                  >
                    {code.label} <span className="count">{code.count}</span>
                  </SyncedCheckbox>
                ))}
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend>
              <label htmlFor="matrix-author">Author</label>
            </legend>
            <select
              id="matrix-author"
              name="author"
              value={author}
              onChange={(event) => setAuthor(event.currentTarget.value)}
            >
              <option value="">Anyone</option>
              {facets.authors.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name} ({person.count})
                </option>
              ))}
            </select>
          </fieldset>
          {filtered ? (
            <p>
              <Link to={clearTo} className="clear-filters">
                Show all cases
              </Link>
            </p>
          ) : null}
        </div>
      </details>
      <details className="matrix-picker">
        <summary>
          Columns:{" "}
          {columnIds.length && columnIds.length < codes.length
            ? `${columnIds.length} of ${codes.length} codes`
            : `all ${codes.length} codes`}
        </summary>
        <div className="matrix-picker-body">
          <p className="muted">Untick the codes to hide. Unticking them all shows every code again.</p>
          {groups.map(([heading]) => (
            <fieldset key={heading}>
              <legend>{heading}</legend>
              {codes
                .filter((code) => (heading === "Preconditions") === (code.kind === "precondition"))
                .map((code) => (
                  <SyncedCheckbox
                    key={code.id}
                    className="facet"
                    name="col"
                    value={code.id}
                    checked={columnShown(code.id)}
                  >
                    <span
                      className="swatch"
                      style={HEX_COLOR.test(code.color) ? { background: code.color } : undefined}
                      aria-hidden="true"
                    />
                    {code.label}
                  </SyncedCheckbox>
                ))}
            </fieldset>
          ))}
        </div>
      </details>
    </div>
  );
}
