import { Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Code } from "~/models/codes.server";
import type { CaseStatus } from "~/models/domain";
import type { LibraryQuery } from "~/queries/library";
import { SEARCH_MAX } from "~/rules/limits";
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
  const { t } = useTranslation();
  const [value, setValue] = useSynced(outcomeId ?? "");
  const outcomes = codes.filter((code) => code.kind === "outcome");
  return (
    <div className="field outcome-picker">
      <label htmlFor="matrix-outcome">{t("matrix.controls.outcome")}</label>
      <select
        id="matrix-outcome"
        name="outcome"
        value={value}
        onChange={(event) => setValue(event.currentTarget.value)}
      >
        <option value="">{t("matrix.controls.chooseOutcome")}</option>
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
  const { t } = useTranslation();
  const filtered =
    filters.q !== "" ||
    filters.region.length > 0 ||
    filters.status.length > 0 ||
    filters.code.length > 0 ||
    filters.from !== null ||
    filters.to !== null ||
    filters.author !== "";
  const groups = [
    ["precondition", facets.codes.filter((code) => code.kind === "precondition")],
    ["outcome", facets.codes.filter((code) => code.kind === "outcome")],
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
          {shown === total && !filtered
            ? t("matrix.controls.casesAll", { count: total })
            : t("matrix.controls.casesSome", { shown, count: total })}
          {filtered ? ` ${t("matrix.controls.filtered")}` : ""}
        </summary>
        <div className="matrix-picker-body">
          <div className="matrix-search">
            <label htmlFor="matrix-q">{t("matrix.controls.words")}</label>
            <div className="matrix-search-row">
              <input
                id="matrix-q"
                type="search"
                name="q"
                key={filters.q}
                defaultValue={filters.q}
                maxLength={SEARCH_MAX}
              />
              <button type="submit" className="button button-secondary">
                {t("matrix.controls.search")}
              </button>
            </div>
          </div>
          <fieldset>
            <legend>{t("matrix.controls.region")}</legend>
            {facets.regions.length === 0 ? <p className="muted">{t("matrix.controls.noRegions")}</p> : null}
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
            <legend>{t("matrix.controls.period")}</legend>
            <div className="matrix-period">
              <label>
                {t("matrix.controls.from")}{" "}
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
                {t("matrix.controls.to")}{" "}
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
            <legend>{t("matrix.controls.status")}</legend>
            {facets.statuses.map((facet) => (
              <SyncedCheckbox
                key={facet.value}
                className="facet"
                name="status"
                value={facet.value}
                checked={filters.status.includes(facet.value)}
              >
                {t(`cases.status.${facet.value}`)} <span className="count">{facet.count}</span>
              </SyncedCheckbox>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("matrix.controls.haveCodes")}</legend>
            <div className="match-choice">
              <label>
                <input
                  type="radio"
                  name="match"
                  value="all"
                  checked={match === "all"}
                  onChange={() => setMatch("all")}
                />{" "}
                {t("matrix.controls.allOf")}
              </label>
              <label>
                <input
                  type="radio"
                  name="match"
                  value="any"
                  checked={match === "any"}
                  onChange={() => setMatch("any")}
                />{" "}
                {t("matrix.controls.anyOf")}
              </label>
            </div>
            {groups.map(([kind, list]) => (
              <div key={kind}>
                <p className="facet-heading">{t(`codebook.kindPlural.${kind}`)}</p>
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
              <label htmlFor="matrix-author">{t("matrix.controls.author")}</label>
            </legend>
            <select
              id="matrix-author"
              name="author"
              value={author}
              onChange={(event) => setAuthor(event.currentTarget.value)}
            >
              <option value="">{t("matrix.controls.anyone")}</option>
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
                {t("matrix.controls.showAll")}
              </Link>
            </p>
          ) : null}
        </div>
      </details>
      <details className="matrix-picker">
        <summary>
          {columnIds.length && columnIds.length < codes.length
            ? t("matrix.controls.columnsSome", { shown: columnIds.length, count: codes.length })
            : t("matrix.controls.columnsAll", { count: codes.length })}
        </summary>
        <div className="matrix-picker-body">
          <p className="muted">{t("matrix.controls.columnsHint")}</p>
          {groups.map(([kind]) => (
            <fieldset key={kind}>
              <legend>{t(`codebook.kindPlural.${kind}`)}</legend>
              {codes
                .filter((code) => code.kind === kind)
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
