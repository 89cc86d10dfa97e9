import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CommentForm } from "~/components/threads/comment-form";
import type { MentionPerson } from "~/components/threads/mention-textarea";
import type { TimelineEvent } from "~/models/event-fields";
import { eventSpan, eventYears, yearTicks } from "./axis";
import { useEventDate } from "./event-date";

/** The events the case page passes in (from the loader: dates as plain objects). */
export type CaseTimelineEvent = TimelineEvent;

const HEX_COLOR = /^#[0-9a-f]{6}$/i;
const WIDTH = 320;
const PAD = 12;

/**
 * The case's dated events on one small axis: each point or range a link to the event in the list below
 * (which is also the text alternative). Undated events are only in the list.
 */
function Overview({ events }: { events: CaseTimelineEvent[] }) {
  const { t } = useTranslation();
  const eventDate = useEventDate();
  const years = eventYears(events);
  if (!years) return null;
  const from = years.from;
  const to = Math.max(years.to, from + 1);
  const x = (year: number) => PAD + ((year - from) / (to - from)) * (WIDTH - 2 * PAD);
  const ticks = yearTicks(from, to, 6);
  const dated = events.filter((event) => eventSpan(event));
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG drawing that groups its links under one name
    <svg
      className="timeline-svg case-timeline-overview"
      viewBox={`0 0 ${WIDTH} 46`}
      role="group"
      aria-label={t("events.panel.overview", { count: dated.length })}
      data-chart="case-timeline"
    >
      <line x1={PAD} x2={WIDTH - PAD} y1={22} y2={22} className="axis-line" />
      {ticks.map((year) => (
        <g key={year}>
          <line x1={x(year)} x2={x(year)} y1={18} y2={26} className="axis-tick" />
          <text x={x(year)} y={40} className="axis-label" textAnchor="middle">
            {year}
          </text>
        </g>
      ))}
      {dated.map((event, index) => {
        const span = eventSpan(event)!;
        const label = `${eventDate(event)}: ${event.title}`;
        const flagged = event.flags.length > 0;
        return (
          <a key={event.id} href={`#event-${event.id}`} aria-label={label} className="timeline-mark">
            <title>{label}</title>
            {span.kind === "range" ? (
              <rect
                x={x(span.from)}
                y={16 - (index % 2) * 4}
                width={Math.max(4, x(span.to) - x(span.from))}
                height={8}
                rx={3}
                className={`event-range${event.circa ? " is-circa" : ""}${flagged ? " is-flagged" : ""}`}
              />
            ) : (
              <circle
                cx={x(span.at)}
                cy={22}
                r={6}
                className={`event-point${event.circa ? " is-circa" : ""}${flagged ? " is-flagged" : ""}`}
              />
            )}
          </a>
        );
      })}
    </svg>
  );
}

/**
 * The case's events beside its text: an overview axis, then the events in time order with their date as
 * the source gives it, actors (linked to the registry), codes, sources, the ordering flags a reviewer
 * reads, and a comment form for those who comment.
 */
export function CaseTimeline({
  events,
  workspaceId,
  caseId,
  canEdit,
  canComment,
  people,
  eventThreads,
  language,
}: {
  events: CaseTimelineEvent[];
  workspaceId: string;
  caseId: string;
  canEdit: boolean;
  canComment: boolean;
  people: MentionPerson[];
  /** Thread ids on each event, for a link to the discussion. */
  eventThreads: Record<string, string[]>;
  /** BCP 47 tag of the case's language: titles and descriptions are the case's words. */
  language?: string;
}) {
  const { t } = useTranslation();
  const eventDate = useEventDate();
  const base = `/w/${workspaceId}`;
  const flagged = events.filter((event) => event.flags.some((flag) => flag.role === "outcome")).length;
  return (
    <section className="reading-aside case-timeline" aria-labelledby="timeline-heading">
      <div className="aside-heading">
        <h2 id="timeline-heading">{t("events.panel.heading")}</h2>
        {canEdit ? (
          <Link to={`${base}/cases/${caseId}/events`} className="button button-secondary button-small">
            {events.length ? t("events.panel.edit") : t("events.panel.add")}
          </Link>
        ) : null}
      </div>
      {events.length === 0 ? (
        <p className="muted">{t("events.panel.empty")}</p>
      ) : (
        <>
          {flagged ? (
            <p className="timeline-flag-summary" role="note">
              <span aria-hidden="true">⚠ </span>
              {t("events.panel.flagSummary", { count: flagged })}
            </p>
          ) : null}
          <Overview events={events} />
          <ol className="event-list">
            {events.map((event) => (
              <li
                key={event.id}
                id={`event-${event.id}`}
                tabIndex={-1}
                className={`event-item${event.flags.length ? " is-flagged" : ""}`}
              >
                <p className="event-date">{eventDate(event)}</p>
                <h3 className="event-title" dir="auto" lang={language}>
                  {event.title}
                </h3>
                {event.description ? (
                  <p className="event-description" dir="auto" lang={language}>
                    {event.description}
                  </p>
                ) : null}
                {event.actors.length ? (
                  <p className="event-actors">
                    <span className="muted">{t("events.panel.actors")} </span>
                    {event.actors.map((actor, index) => (
                      <span key={`${actor.name}-${index}`}>
                        {index > 0 ? "; " : ""}
                        {actor.actorId ? (
                          <Link to={`${base}/actors/${actor.actorId}`} dir="auto">
                            {actor.name}
                          </Link>
                        ) : (
                          <span dir="auto">{actor.name}</span>
                        )}
                      </span>
                    ))}
                  </p>
                ) : null}
                {event.codes.length ? (
                  <ul className="event-codes" aria-label={t("events.panel.codes")}>
                    {event.codes.map((code) => (
                      <li
                        key={code.id}
                        className="code-chip"
                        style={
                          HEX_COLOR.test(code.color) ? { ["--tag-color" as string]: code.color } : undefined
                        }
                      >
                        <span className="swatch" aria-hidden="true" /> {code.label}{" "}
                        <span className="muted">
                          ({code.kind === "outcome" ? t("cases.kind.outcome") : t("cases.kind.precondition")})
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {event.flags
                  .filter((flag) => flag.role === "outcome")
                  .map((flag) => (
                    <p
                      key={`${flag.otherEventId}-${flag.codeLabel}-${flag.otherCodeLabel}`}
                      className="event-flag"
                    >
                      <span aria-hidden="true">⚠ </span>
                      {t("events.panel.flagOutcome", {
                        outcome: flag.codeLabel,
                        precondition: flag.otherCodeLabel,
                      })}{" "}
                      <a href={`#event-${flag.otherEventId}`}>{flag.otherEventTitle}</a>
                    </p>
                  ))}
                {event.citations.length ? (
                  <p className="event-sources muted">
                    {t("events.panel.sources")}{" "}
                    {event.citations.map((citation, index) => (
                      <span key={`${citation.sourceId}-${index}`}>
                        {index > 0 ? "; " : ""}
                        <Link to={`${base}/sources/${citation.sourceId}`}>
                          {citation.title ?? t("cases.page.sourceGone")}
                        </Link>
                        {citation.locator ? `, ${citation.locator}` : ""}
                      </span>
                    ))}
                  </p>
                ) : null}
                {(eventThreads[event.id] ?? []).length ? (
                  <p className="event-threads">
                    <a href={`#thread-${eventThreads[event.id][0]}`}>
                      {t("events.panel.threads", { count: eventThreads[event.id].length })}
                    </a>
                  </p>
                ) : null}
                {canComment ? (
                  <details className="event-comment">
                    <summary className="text-button">{t("events.panel.comment")}</summary>
                    <CommentForm
                      formKey={`event-${event.id}`}
                      intent="event.comment"
                      hidden={{ eventId: event.id }}
                      label={t("events.panel.commentLabel", { title: event.title })}
                      submitLabel={t("events.panel.commentSubmit")}
                      people={people}
                    />
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
