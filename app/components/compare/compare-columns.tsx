import { Link } from "@remix-run/react";
import { type CSSProperties, type KeyboardEvent, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { StatusBadge, usePeriod } from "~/components/case-labels";
import { RenderedCaseBody } from "~/components/rendered-case-body";
import { FormattedReference } from "~/components/sources/formatted-reference";
import type { ComparedCase, Comparison, ConditionRow } from "~/models/comparison.server";
import type { ConditionValue } from "~/models/domain";
import type { ScrollMode } from "~/queries/compare";

/** Below this width the columns become tabs (with JavaScript) or stack (without). */
const NARROW = "(max-width: 44.99rem)";

function useMediaQuery(query: string) {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

const tagColor = (color: string) => ({ ["--tag-color" as string]: color }) as CSSProperties;

const VALUE_ICON: Record<ConditionValue, string> = { present: "✓", absent: "✗", unknown: "?" };

function ConditionValueBadge({ value }: { value: ConditionValue }) {
  const { t } = useTranslation();
  return (
    <span className={`condition-value condition-value-${value}`}>
      <span aria-hidden="true">{VALUE_ICON[value]}</span> {t(`matrix.value.${value}`)}
    </span>
  );
}

function ConditionGroup({ title, rows, column }: { title: string; rows: ConditionRow[]; column: number }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <>
      <h4 className="compare-cell compare-subhead">{title}</h4>
      <ul className="compare-conditions" style={{ gridRow: `span ${rows.length}` }}>
        {rows.map((row) => (
          <li key={row.code.id} className="compare-condition">
            <span className="compare-code" style={tagColor(row.code.color)}>
              <span className="code-chip-swatch" aria-hidden="true" />
              {row.code.label}
            </span>
            <span className="compare-condition-value">
              <ConditionValueBadge value={row.values[column]} />
              {row.passages[column] ? (
                <span className="muted">
                  {" "}
                  · {t("compare.columns.tagged", { count: row.passages[column] })}
                </span>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

function ListField({ label, values }: { label: string; values: string[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {values.length ? (
          values.join("; ")
        ) : (
          <span className="muted">{t("compare.columns.notRecorded")}</span>
        )}
      </dd>
    </div>
  );
}

type Props = { comparison: Comparison; workspaceId: string; mode: ScrollMode };

function Column({
  caseStudy,
  index,
  props,
  rowCount,
  tabs,
  selected,
}: {
  caseStudy: ComparedCase;
  index: number;
  props: Props;
  rowCount: number;
  tabs: boolean;
  selected: boolean;
}) {
  const { t } = useTranslation();
  const period = usePeriod();
  const { comparison, workspaceId } = props;
  const { highlighted, sections, conditions } = comparison;
  const hasSources = comparison.cases.some((entry) => entry.bibliography.length > 0);
  const noConditions = conditions.preconditions.length + conditions.outcomes.length === 0;
  // Rows the server names itself (comparison.server.ts): text before the first heading, a heading left empty.
  const sectionTitle = (row: { key: string; title: string }) =>
    row.key === "\u0000introduction"
      ? t("compare.columns.introduction")
      : row.key === ""
        ? t("compare.columns.untitled")
        : row.title;
  return (
    <section
      id={`compare-column-${index}`}
      className="compare-column"
      aria-labelledby={tabs ? `compare-tab-${index}` : `compare-title-${index}`}
      role={tabs ? "tabpanel" : undefined}
      hidden={tabs && !selected}
      style={{ gridRow: `span ${rowCount}` }}
    >
      <header className="compare-column-header">
        <h2 id={`compare-title-${index}`}>
          <Link to={`/w/${workspaceId}/cases/${caseStudy.id}`}>{caseStudy.title}</Link>
        </h2>
        {highlighted.length ? (
          <ul className="compare-counts">
            {highlighted.map((code, k) => (
              <li key={code.id} style={tagColor(code.color)} data-code={code.id}>
                <span className="code-chip-swatch" aria-hidden="true" />
                {highlighted.length > 1 ? `${code.label}: ` : null}
                <strong>{t("compare.picker.passages", { count: caseStudy.highlightCounts[k] })}</strong>
                {highlighted.length === 1 ? (
                  <span className="visually-hidden">
                    {" "}
                    {t("compare.columns.taggedWith", { label: code.label })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </header>
      <div className="compare-cell compare-fields">
        <p className="compare-status">
          <StatusBadge status={caseStudy.status} />
        </p>
        {caseStudy.summary ? <p className="compare-summary">{caseStudy.summary}</p> : null}
        <dl>
          <div>
            <dt>{t("compare.columns.region")}</dt>
            <dd>{caseStudy.regions.join(", ")}</dd>
          </div>
          <div>
            <dt>{t("compare.columns.period")}</dt>
            <dd>{period(caseStudy.period)}</dd>
          </div>
          <ListField label={t("compare.columns.actors")} values={caseStudy.actors} />
          <ListField label={t("compare.columns.mediators")} values={caseStudy.mediators} />
        </dl>
      </div>
      {sections.map((row, r) => {
        const html = caseStudy.sections[r];
        return (
          <div key={row.key} className="compare-cell compare-section" data-section={row.title}>
            <h3>{sectionTitle(row)}</h3>
            {html === null ? (
              <p className="compare-missing">
                <span aria-hidden="true">—</span> {t("compare.columns.notWritten")}
              </p>
            ) : (
              <RenderedCaseBody html={html} />
            )}
          </div>
        );
      })}
      <h3 className="compare-cell compare-conditions-heading">{t("compare.columns.conditions")}</h3>
      {noConditions ? <p className="compare-cell muted">{t("compare.columns.noConditions")}</p> : null}
      <ConditionGroup
        title={t("codebook.kindPlural.precondition")}
        rows={conditions.preconditions}
        column={index}
      />
      <ConditionGroup title={t("codebook.kindPlural.outcome")} rows={conditions.outcomes} column={index} />
      {hasSources ? (
        <div className="compare-cell compare-sources">
          <h3>{t("sources.list.title")}</h3>
          {caseStudy.bibliography.length ? (
            <ol>
              {caseStudy.bibliography.map((entry) => (
                <li key={entry.sourceId} id={`c${index}-ref-${entry.number}`} value={entry.number}>
                  <Link to={`/w/${workspaceId}/sources/${entry.sourceId}`}>
                    {entry.reference ? (
                      <FormattedReference reference={entry.reference} />
                    ) : (
                      t("compare.columns.sourceGone")
                    )}
                  </Link>
                  {entry.locators.length ? (
                    <span className="muted">
                      {" "}
                      — {t("compare.columns.citedAt", { locators: entry.locators.join("; ") })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted">{t("compare.columns.noSource")}</p>
          )}
        </div>
      ) : null}
    </section>
  );
}

/**
 * One column per case. The columns share the rows of the grid (CSS subgrid) so Context sits next to
 * Context; with "scroll separately" each column becomes its own scroll box; on a narrow screen only the
 * chosen column shows, under a row of tabs.
 */
export function CompareColumns(props: Props) {
  const { t } = useTranslation();
  const { comparison, mode } = props;
  const { cases, sections, conditions, highlighted } = comparison;
  const tabs = useMediaQuery(NARROW);
  const [selected, setSelected] = useState(0);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);

  const groupRows = (rows: ConditionRow[]) => (rows.length ? 1 + rows.length : 0);
  const conditionRows = groupRows(conditions.preconditions) + groupRows(conditions.outcomes) || 1;
  const hasSources = cases.some((entry) => entry.bibliography.length > 0);
  // Header, fields, sections, the "Conditions" heading and its rows, sources.
  const rowCount = 2 + sections.length + 1 + conditionRows + (hasSources ? 1 : 0);

  const choose = (index: number) => {
    setSelected(index);
    tabRefs.current[index]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const last = cases.length - 1;
    const next =
      event.key === "ArrowRight"
        ? selected === last
          ? 0
          : selected + 1
        : event.key === "ArrowLeft"
          ? selected === 0
            ? last
            : selected - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    choose(next);
  };

  return (
    <>
      {tabs ? (
        <div
          className="compare-tabs"
          role="tablist"
          aria-label={t("compare.columns.tabs")}
          onKeyDown={onKeyDown}
        >
          {cases.map((caseStudy, index) => (
            <button
              key={caseStudy.id}
              ref={(element) => {
                tabRefs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={`compare-tab-${index}`}
              aria-selected={selected === index}
              aria-controls={`compare-column-${index}`}
              tabIndex={selected === index ? 0 : -1}
              title={caseStudy.title}
              onClick={() => setSelected(index)}
            >
              {caseStudy.title}
            </button>
          ))}
        </div>
      ) : null}
      <div
        className={`compare-grid${highlighted.length ? " is-highlighting" : ""}`}
        data-scroll={mode}
        style={{ ["--columns" as string]: cases.length }}
      >
        {cases.map((caseStudy, index) => (
          <Column
            key={caseStudy.id}
            caseStudy={caseStudy}
            index={index}
            props={props}
            rowCount={rowCount}
            tabs={tabs}
            selected={selected === index}
          />
        ))}
      </div>
    </>
  );
}
