import { Link } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { usePeriod } from "~/components/case-labels";
import type { TimelineCase } from "~/models/event-fields";
import { eventSpan, yearTicks } from "./axis";
import { useEventDate } from "./event-date";

type TimelineEvent = TimelineCase["events"][number];
type LinkKind = "influenced" | "same_conflict" | "earlier_phase" | "contrasting";

export type CrossTimelineData = {
  axis: { from: number; to: number } | null;
  groups: Array<{ country: string; cases: TimelineCase[] }>;
  unplaced: TimelineCase[];
  links: Array<{ id: string; fromId: string; toId: string; kind: LinkKind }>;
};

// Each case: its title on a line of its own, its bar under it; so the axis gets the whole width.
const LABEL_WIDTH = 16;
const ROW = 44;
const BAR = 31;
const GROUP_ROW = 28;
const AXIS = 30;
const LANE = 14;
const MAX_LABEL = 90;

// Cut at a word's end: the link's name is the whole title, and a name must hold the words shown whole
// (a person using speech input says what they see; WCAG 2.5.3).
const clip = (text: string) =>
  text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1).replace(/\s+\S*$/, "")}…` : text;

type Detail = { heading: string; lines: string[] };

/**
 * Cases on one time axis, grouped by country: each period a bar (an open end fades out with an arrow, a
 * "circa" end is dashed), each dated event a point (a range of dates a short thick bar), links between
 * cases as brackets in the right margin. Every bar and point is a link (keyboard: Tab); hovering or
 * focusing one shows its details under the drawing. The list after it says the same in words.
 */
export function CrossTimeline({ data, workspaceId }: { data: CrossTimelineData; workspaceId: string }) {
  const { t } = useTranslation();
  const period = usePeriod();
  const eventDate = useEventDate();
  const [detail, setDetail] = useState<Detail | null>(null);
  if (!data.axis) return null;
  const { from, to } = data.axis;
  const span = to + 1 - from;
  // About 1,150 px of axis, whatever the span: the drawing scales to the page and scrolls below 1,000 px.
  const perYear = Math.max(22, Math.min(120, 1150 / span));
  const plot = span * perYear;
  const lanes = data.links.length;
  const width = LABEL_WIDTH + plot + 16 + lanes * LANE + (lanes ? 12 : 0);
  const x = (year: number) => LABEL_WIDTH + (year - from) * perYear;
  const plotLeft = x(from);
  const plotRight = x(to + 1);

  // Rows from the top: a heading row per country, a row per case.
  const rows: Array<
    { kind: "group"; country: string; y: number } | { kind: "case"; item: TimelineCase; y: number }
  > = [];
  let y = AXIS + 6;
  for (const group of data.groups) {
    rows.push({ kind: "group", country: group.country, y });
    y += GROUP_ROW;
    for (const item of group.cases) {
      rows.push({ kind: "case", item, y });
      y += ROW;
    }
  }
  const height = y + 24;
  const rowOf = new Map(
    rows.flatMap((row) => (row.kind === "case" ? [[row.item.id, row.y + BAR] as const] : [])),
  );
  const titleOf = new Map(
    rows.flatMap((row) => (row.kind === "case" ? [[row.item.id, row.item.title] as const] : [])),
  );
  const ticks = yearTicks(from, to + 1, Math.max(4, Math.floor(plot / 70)));
  const show = (next: Detail) => () => setDetail(next);
  const caseUrl = (id: string) => `/w/${workspaceId}/cases/${id}`;

  return (
    <>
      <div className="timeline-scroll" tabIndex={-1}>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing that groups its links under one name */}
        <svg
          className="timeline-svg cross-timeline"
          width={width}
          height={height}
          style={{ minWidth: Math.min(width, 1000) }}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={t("events.cross.drawingLabel", {
            count: rowOf.size,
            from,
            to,
          })}
          data-chart="cross-timeline"
          onMouseLeave={() => setDetail(null)}
        >
          <defs>
            <linearGradient id="fade-right" x1="0" x2="1" y1="0" y2="0">
              <stop offset="0" stopColor="currentColor" stopOpacity="0.55" />
              <stop offset="1" stopColor="currentColor" stopOpacity="0" />
            </linearGradient>
            <linearGradient id="fade-left" x1="1" x2="0" y1="0" y2="0">
              <stop offset="0" stopColor="currentColor" stopOpacity="0.55" />
              <stop offset="1" stopColor="currentColor" stopOpacity="0" />
            </linearGradient>
          </defs>
          <g className="axis">
            {ticks.map((year) => (
              <g key={year}>
                <line x1={x(year)} x2={x(year)} y1={AXIS - 6} y2={height - 20} className="grid-line" />
                <text x={x(year)} y={AXIS - 12} textAnchor="middle" className="axis-label">
                  {year}
                </text>
                <text x={x(year)} y={height - 6} textAnchor="middle" className="axis-label">
                  {year}
                </text>
              </g>
            ))}
          </g>
          {rows.map((row) =>
            row.kind === "group" ? (
              <g key={`group-${row.country}`} className="timeline-group">
                <rect x={0} y={row.y + 2} width={plotRight} height={GROUP_ROW - 4} className="group-band" />
                <text x={8} y={row.y + GROUP_ROW / 2 + 5} className="group-label">
                  {row.country || t("events.cross.noCountry")}
                </text>
              </g>
            ) : (
              <CaseRow
                key={row.item.id}
                item={row.item}
                y={row.y}
                x={x}
                plotLeft={plotLeft}
                plotRight={plotRight}
                href={caseUrl(row.item.id)}
                periodText={period(row.item)}
                eventDate={eventDate}
                onShow={show}
                eventWord={t("events.cross.event")}
              />
            ),
          )}
          {data.links.map((link, lane) => {
            const a = rowOf.get(link.fromId);
            const b = rowOf.get(link.toId);
            if (a === undefined || b === undefined) return null;
            const gutter = plotRight + 16 + lane * LANE;
            const label = t("events.cross.linkLabel", {
              kind: t(`links.kinds.${link.kind}`),
              from: titleOf.get(link.fromId),
              to: titleOf.get(link.toId),
            });
            return (
              <g key={link.id} className={`timeline-link link-${link.kind}`}>
                <title>{label}</title>
                <path d={`M ${plotRight + 4} ${a} H ${gutter} V ${b} H ${plotRight + 4}`} />
                <circle cx={plotRight + 4} cy={a} r={2.5} />
                <circle cx={plotRight + 4} cy={b} r={2.5} />
              </g>
            );
          })}
        </svg>
      </div>
      <p className="timeline-scroll-hint muted">{t("events.cross.scrollHint")}</p>
      <p className="timeline-detail" aria-live="polite">
        {detail ? (
          <>
            <strong dir="auto">{detail.heading}</strong>
            {detail.lines.map((line) => (
              <span key={line} dir="auto">
                {" · "}
                {line}
              </span>
            ))}
          </>
        ) : (
          <span className="muted">{t("events.cross.hoverHint")}</span>
        )}
      </p>
      <TimelineKey />
    </>
  );
}

function CaseRow({
  item,
  y,
  x,
  plotLeft,
  plotRight,
  href,
  periodText,
  eventDate,
  onShow,
  eventWord,
}: {
  item: TimelineCase;
  y: number;
  x: (year: number) => number;
  plotLeft: number;
  plotRight: number;
  href: string;
  periodText: string;
  eventDate: (event: TimelineEvent) => string;
  onShow: (detail: Detail) => () => void;
  eventWord: string;
}) {
  const mid = y + BAR;
  const hasPeriod = item.periodStart !== null || item.periodEnd !== null;
  // What is known of the case's time: its period's years and its dated events. An open end is drawn as
  // a short fade after the last known year (an open start: before the first), never as far as the axis
  // goes, which would claim more than the case says.
  const known = [
    item.periodStart,
    item.periodEnd,
    ...item.events.flatMap((event) => [event.start?.year ?? null, event.end?.year ?? null]),
  ].filter((year): year is number => year !== null);
  const firstKnown = Math.min(...known);
  const lastKnown = Math.max(...known);
  const stub = Math.max(36, x(2) - x(0));
  const solidStart = x(item.periodStart ?? firstKnown);
  const solidEnd = x((item.periodEnd ?? lastKnown) + 1);
  const fadeStart = Math.max(plotLeft - 8, solidStart - stub);
  const fadeEnd = Math.min(plotRight + 8, solidEnd + stub);
  const caseDetail = onShow({
    heading: item.title,
    lines: [periodText, item.regions.join(", ")].filter(Boolean),
  });
  return (
    <g className="timeline-case">
      <a
        href={href}
        aria-label={`${item.title}, ${periodText}`}
        onMouseEnter={caseDetail}
        onFocus={caseDetail}
      >
        <rect x={0} y={y} width={plotRight} height={ROW} className="row-hit" />
        <text x={LABEL_WIDTH} y={y + 15} className="case-label">
          {clip(item.title)}
        </text>
        {hasPeriod ? (
          <g className="period-bar">
            <rect
              x={solidStart}
              y={mid - 5}
              width={Math.max(3, solidEnd - solidStart)}
              height={10}
              rx={item.periodStart !== null && item.periodEnd !== null ? 3 : 0}
              className="bar"
            />
            {item.periodStart === null ? (
              <rect
                x={fadeStart}
                y={mid - 5}
                width={solidStart - fadeStart}
                height={10}
                className="bar-open-start"
              />
            ) : null}
            {item.periodEnd === null ? (
              <>
                <rect
                  x={solidEnd}
                  y={mid - 5}
                  width={fadeEnd - solidEnd}
                  height={10}
                  className="bar-open-end"
                />
                <path
                  d={`M ${fadeEnd - 2} ${mid - 6} L ${fadeEnd + 4} ${mid} L ${fadeEnd - 2} ${mid + 6}`}
                  className="open-arrow"
                />
              </>
            ) : null}
            {item.periodStartCirca && item.periodStart !== null ? (
              <line x1={solidStart - 12} x2={solidStart + 6} y1={mid} y2={mid} className="circa-end" />
            ) : null}
            {item.periodEndCirca && item.periodEnd !== null ? (
              <line x1={solidEnd - 6} x2={solidEnd + 12} y1={mid} y2={mid} className="circa-end" />
            ) : null}
          </g>
        ) : null}
      </a>
      {item.events.map((event) => {
        const span = eventSpan(event);
        if (!span) return null;
        const date = eventDate(event);
        const show = onShow({ heading: event.title, lines: [date, item.title] });
        return (
          <a
            key={event.id}
            href={`${href}#event-${event.id}`}
            aria-label={`${eventWord}: ${date}, ${event.title} (${item.title})`}
            className="timeline-event"
            onMouseEnter={show}
            onFocus={show}
          >
            <title>{`${date}: ${event.title}`}</title>
            {span.kind === "range" ? (
              <rect
                x={x(span.from)}
                y={mid - 7}
                width={Math.max(6, x(span.to) - x(span.from))}
                height={14}
                rx={4}
                className={`event-range${event.circa ? " is-circa" : ""}`}
              />
            ) : (
              <circle
                cx={x(span.at)}
                cy={mid}
                r={6}
                className={`event-point${event.circa ? " is-circa" : ""}${event.start ? "" : " is-until"}`}
              />
            )}
          </a>
        );
      })}
    </g>
  );
}

/** What the marks mean: each drawn as it is in the drawing. */
function TimelineKey() {
  const { t } = useTranslation();
  const marks = [
    ["keyPeriod", 28, <rect key="m" x="1" y="1" width="26" height="10" rx="3" className="bar" />],
    ["keyOpen", 28, <rect key="m" x="1" y="1" width="26" height="10" className="bar-open-end" />],
    ["keyCirca", 28, <line key="m" x1="1" x2="27" y1="6" y2="6" className="circa-end" />],
    ["keyEvent", 16, <circle key="m" cx="8" cy="7" r="5" className="event-point" />],
    ["keyEventCirca", 16, <circle key="m" cx="8" cy="7" r="5" className="event-point is-circa" />],
    [
      "keyLink",
      20,
      <g key="m" className="timeline-link link-same_conflict">
        <path d="M 2 2 H 14 V 12 H 2" />
      </g>,
    ],
  ] as const;
  return (
    <ul className="timeline-key" aria-label={t("events.cross.keyLabel")}>
      {marks.map(([key, width, mark]) => (
        <li key={key}>
          <svg width={width} height="14" aria-hidden="true" className="timeline-svg">
            {mark}
          </svg>
          {t(`events.cross.${key}`)}
        </li>
      ))}
    </ul>
  );
}

/** The timeline in words: the text alternative, also what a printout keeps legible. */
export function TimelineInWords({ data, workspaceId }: { data: CrossTimelineData; workspaceId: string }) {
  const { t } = useTranslation();
  const period = usePeriod();
  const eventDate = useEventDate();
  const titles = new Map(
    [...data.groups.flatMap((group) => group.cases), ...data.unplaced].map((item) => [item.id, item.title]),
  );
  const caseItem = (item: TimelineCase) => (
    <li key={item.id}>
      <Link to={`/w/${workspaceId}/cases/${item.id}`}>{item.title}</Link>{" "}
      <span className="muted">— {period(item)}</span>
      {item.events.length ? (
        <ol className="words-events">
          {item.events.map((event) => (
            <li key={event.id}>
              <span className="event-date">{eventDate(event)}</span>: <span dir="auto">{event.title}</span>
            </li>
          ))}
        </ol>
      ) : null}
    </li>
  );
  return (
    <section className="timeline-words" aria-labelledby="timeline-words-heading">
      <h2 id="timeline-words-heading">{t("events.cross.inWords")}</h2>
      {data.groups.map((group) => (
        <div key={group.country} className="words-group">
          <h3>{group.country || t("events.cross.noCountry")}</h3>
          <ul>{group.cases.map(caseItem)}</ul>
        </div>
      ))}
      {data.unplaced.length ? (
        <div className="words-group">
          <h3>{t("events.cross.unplaced")}</h3>
          <ul>{data.unplaced.map(caseItem)}</ul>
        </div>
      ) : null}
      {data.links.length ? (
        <div className="words-group">
          <h3>{t("events.cross.links")}</h3>
          <ul>
            {data.links.map((link) => (
              <li key={link.id}>
                {t("events.cross.linkLabel", {
                  kind: t(`links.kinds.${link.kind}`),
                  from: titles.get(link.fromId) ?? "",
                  to: titles.get(link.toId) ?? "",
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
