// Dated events of a case: adding, editing and removing them (each a new revision of the case, like an
// edit of its fields), and the case's timeline as a reader sees it (ADR 0013).
import { eq } from "drizzle-orm";
import { recordActivity } from "~/models/activity.server";
import { ensureActorEntries } from "~/models/actor-registry.server";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { foreignCodeIds, statusAfterEdit } from "~/models/case-body.server";
import { caseFieldsSnapshot } from "~/models/case-fields";
import { findCase, getCase } from "~/models/cases.server";
import { cachedActorNames, cachedCodes, cachedSources } from "~/models/derived-cache.server";
import {
  type CaseEvent,
  type EventInput,
  eventReferences,
  MAX_EVENTS,
  orderingFlags,
  sortEvents,
  type TimelineEvent,
} from "~/models/event-fields";
import { readCaseEvents, writeCaseEvents } from "~/models/event-store.server";
import { newId } from "~/models/ids.server";
import { foreignSourceIds } from "~/models/sources.server";
import { nameKey } from "~/rules/actor-names";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  type Executor,
  type LocalizedMember,
  type Member,
  notFound,
  requireMember,
  requirePermission,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { caseRevisions, cases } from "../../db/schema";

/** An event the server will not store: messages per form field (400), or a newer version (409). */
export class EventRejectedError extends Refusal {
  constructor(
    public errors: Record<string, Message[]>,
    status: 400 | 404 | 409 = 400,
  ) {
    super(status, Object.values(errors).flat()[0] ?? msg("events.errors.gone"));
  }
}

/**
 * A short fingerprint of an event as the form was filled from it: saving an edit checks that nobody
 * changed the same event since (edits of other events or of the text do not get in the way).
 */
export function eventStamp(event: CaseEvent): string {
  const text = JSON.stringify(event);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

function checkReferences(tx: Executor, workspaceId: string, events: readonly CaseEvent[]) {
  const references = eventReferences(events);
  const errors: Record<string, Message[]> = {};
  if (foreignCodeIds(tx, workspaceId, references.codeIds).length)
    errors.codeId = [msg("events.errors.codeUnknown")];
  if (foreignSourceIds(tx, workspaceId, references.sourceIds).length)
    errors.citations = [msg("events.errors.sourceUnknown")];
  if (Object.keys(errors).length) throw new EventRejectedError(errors);
}

/** Writes the case's new list of events as a new revision, in the caller's transaction. */
function writeEventRevision(
  tx: Executor,
  member: Member,
  current: typeof cases.$inferSelect,
  events: CaseEvent[],
  note: Message,
  detail: Record<string, unknown>,
) {
  checkReferences(tx, member.workspaceId, events);
  ensureActorEntries(
    tx,
    member.workspaceId,
    events.flatMap((event) => event.actors),
  );
  writeCaseEvents(tx, current.id, events);
  const number = current.revision + 1;
  const now = new Date();
  tx.update(cases)
    .set({
      revision: number,
      status: statusAfterEdit(current.status),
      updatedBy: member.userId,
      updatedAt: now,
    })
    .where(eq(cases.id, current.id))
    .run();
  tx.insert(caseRevisions)
    .values({
      id: newId(),
      caseId: current.id,
      number,
      baseNumber: current.revision,
      body: current.body,
      fields: { ...caseFieldsSnapshot(current), events },
      note,
      authorId: member.userId,
      createdAt: now,
    })
    .run();
  recordActivity(tx, {
    caseId: current.id,
    actorId: member.userId,
    kind: "events_edited",
    detail: { revision: number, ...detail },
  });
  return number;
}

function writableCase(tx: Executor, member: Member, caseId: string) {
  const fresh = requireMember(member.userId, member.workspaceId, tx);
  requirePermission(fresh, "case.edit");
  const current = findCase(tx, fresh, caseId);
  if (!current || current.deletedAt) throw notFound(msg("cases.errors.notFoundOrTrashed"));
  return { fresh, current };
}

/**
 * Adds an event (`eventId` absent) or replaces one. `stamp` is eventStamp() of the event as the form was
 * filled: if someone changed or removed that event since, nothing is written (409).
 */
export function saveEvent(
  member: Member,
  caseId: string,
  input: { eventId?: string; stamp?: string; event: EventInput },
  origin?: RequestOrigin,
): { eventId: string; revision: number } {
  return db.transaction((tx) => {
    const { current } = writableCase(tx, member, caseId);
    const events = readCaseEvents(tx, caseId);
    const { event } = input;
    let next: CaseEvent[];
    let eventId: string;
    if (input.eventId) {
      const at = events.findIndex((existing) => existing.id === input.eventId);
      if (at === -1) throw new EventRejectedError({ form: [msg("events.errors.gone")] }, 404);
      if (input.stamp !== eventStamp(events[at]))
        throw new EventRejectedError({ form: [msg("events.errors.changedMeanwhile")] }, 409);
      eventId = input.eventId;
      next = events.map((existing, index) => (index === at ? { ...event, id: eventId } : existing));
    } else {
      if (events.length >= MAX_EVENTS)
        throw new EventRejectedError({ form: [msg("events.errors.tooMany", { max: MAX_EVENTS })] });
      eventId = newId();
      next = [...events, { ...event, id: eventId }];
    }
    const revision = writeEventRevision(
      tx,
      member,
      current,
      next,
      msg(input.eventId ? "history.notes.event.edited" : "history.notes.event.added", { title: event.title }),
      { eventTitle: event.title, change: input.eventId ? "edited" : "added" },
    );
    recordAudit(
      {
        action: input.eventId ? "case.event_edited" : "case.event_added",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, eventId, revision },
        origin,
      },
      tx,
    );
    return { eventId, revision };
  });
}

export function deleteEvent(
  member: Member,
  caseId: string,
  input: { eventId: string; stamp?: string },
  origin?: RequestOrigin,
): { revision: number; title: string } {
  return db.transaction((tx) => {
    const { current } = writableCase(tx, member, caseId);
    const events = readCaseEvents(tx, caseId);
    const gone = events.find((event) => event.id === input.eventId);
    if (!gone) throw new EventRejectedError({ form: [msg("events.errors.gone")] }, 404);
    if (input.stamp !== undefined && input.stamp !== eventStamp(gone))
      throw new EventRejectedError({ form: [msg("events.errors.changedMeanwhile")] }, 409);
    const revision = writeEventRevision(
      tx,
      member,
      current,
      events.filter((event) => event.id !== input.eventId),
      msg("history.notes.event.removed", { title: gone.title }),
      { eventTitle: gone.title, change: "removed" },
    );
    recordAudit(
      {
        action: "case.event_removed",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, eventId: input.eventId, revision },
        origin,
      },
      tx,
    );
    return { revision, title: gone.title };
  });
}

/**
 * The events of a case as this member reads them (the approved version's for trainers), in time order,
 * with actor names linked to their registry entry, codes and sources named, and the ordering flags.
 */
export function caseTimeline(
  member: LocalizedMember,
  caseStudy: { id: string; events: readonly CaseEvent[] },
): TimelineEvent[] {
  if (caseStudy.events.length === 0) return [];
  const codes = new Map(cachedCodes(member).map((code) => [code.id, code]));
  const sources = new Map(cachedSources(member).map((source) => [source.id, source]));
  // Every name of this case resolves for whoever reads the case: the entry is visible to them through it.
  const names = cachedActorNames(member);
  const sorted = sortEvents(caseStudy.events);
  const titles = new Map(sorted.map((event) => [event.id, event.title]));
  const flags = orderingFlags(sorted, (codeId) => codes.get(codeId)?.kind);
  return sorted.map((event) => ({
    id: event.id,
    start: event.start,
    end: event.end,
    circa: event.circa,
    wording: event.wording,
    title: event.title,
    description: event.description,
    actors: event.actors.map((name) => ({ name, actorId: names.get(nameKey(name)) ?? null })),
    codes: event.codeIds.flatMap((id) => {
      const code = codes.get(id);
      return code
        ? [{ id, label: code.label, shortName: code.shortName, kind: code.kind, color: code.color }]
        : [];
    }),
    citations: event.citations.map((citation) => ({
      sourceId: citation.sourceId,
      title: sources.get(citation.sourceId)?.title ?? null,
      locator: citation.locator,
    })),
    flags: [
      ...flags
        .filter((flag) => flag.outcomeEventId === event.id)
        .map((flag) => ({
          role: "outcome" as const,
          codeLabel: codes.get(flag.outcomeCodeId)?.label ?? "",
          otherCodeLabel: codes.get(flag.preconditionCodeId)?.label ?? "",
          otherEventId: flag.preconditionEventId,
          otherEventTitle: titles.get(flag.preconditionEventId) ?? "",
        })),
      ...flags
        .filter((flag) => flag.preconditionEventId === event.id)
        .map((flag) => ({
          role: "precondition" as const,
          codeLabel: codes.get(flag.preconditionCodeId)?.label ?? "",
          otherCodeLabel: codes.get(flag.outcomeCodeId)?.label ?? "",
          otherEventId: flag.outcomeEventId,
          otherEventTitle: titles.get(flag.outcomeEventId) ?? "",
        })),
    ],
  }));
}

/** The events page of a case (editors): the events, the codes and sources to pick from, known names. */
export function getEventsPage(member: LocalizedMember, caseId: string) {
  requirePermission(member, "case.edit");
  const caseStudy = getCase(member, caseId);
  const stamps = Object.fromEntries(caseStudy.events.map((event) => [event.id, eventStamp(event)]));
  return {
    caseStudy: {
      id: caseStudy.id,
      title: caseStudy.title,
      revision: caseStudy.revision,
      language: caseStudy.language,
    },
    events: caseStudy.events,
    timeline: caseTimeline(member, caseStudy),
    stamps,
    codes: cachedCodes(member).map(({ id, kind, label, shortName, color }) => ({
      id,
      kind,
      label,
      shortName,
      color,
    })),
    sources: cachedSources(member).map(({ id, title }) => ({ id, title })),
  };
}
