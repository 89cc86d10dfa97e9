// The registry of actors and mediators (ADR 0014): people, armed groups, governments and organisations,
// with their names (spellings, transliterations, other languages) and affiliations over time. Cases and
// events name them in their own words; a name belongs to one entry (actor_names), so a case links to an
// entry through the name it uses. What an entry's page shows is built from the cases the reader may read.
import { and, asc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { z } from "zod";
import { actorNameMap, namesWrittenInCases } from "~/models/actor-registry.server";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { canonicalLanguageTag } from "~/models/case-fields";
import { cachedActorNames, cachedDerived, cachedSources } from "~/models/derived-cache.server";
import { type CaseEvent, sortEvents } from "~/models/event-fields";
import { newId } from "~/models/ids.server";
import { type LibraryCase, readableCases } from "~/models/library.server";
import {
  ACTOR_DESCRIPTION_MAX,
  ACTOR_KINDS,
  ACTOR_NAME_MAX,
  AFFILIATION_ROLE_MAX,
  nameKey,
  tidyName,
} from "~/rules/actor-names";
import { RECORD_ID, recordIdSchema } from "~/rules/ids";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
  seesAllCases,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { actorAffiliations, actorNames, actors, sources } from "../../db/schema";

const recordId = recordIdSchema();
const MIN_YEAR = 1800;
const MAX_YEAR = 2100;

const nameField = (required: string) =>
  z
    .string({ error: required })
    .transform(tidyName)
    .pipe(
      z
        .string()
        .min(1, required)
        .max(ACTOR_NAME_MAX, msg("actors.errors.nameTooLong", { max: ACTOR_NAME_MAX })),
    );

export const actorInputSchema = z.object({
  name: nameField(msg("actors.errors.nameRequired")),
  kind: z.enum(ACTOR_KINDS, { error: msg("actors.errors.kindRequired") }),
  description: z
    .string()
    .optional()
    .default("")
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(ACTOR_DESCRIPTION_MAX, msg("actors.errors.descriptionTooLong", { max: ACTOR_DESCRIPTION_MAX })),
    ),
});
export type ActorInput = z.output<typeof actorInputSchema>;

export const actorNameSchema = z.object({
  alias: nameField(msg("actors.errors.aliasRequired")),
  // "" = not said; otherwise a BCP 47 tag ("ar", "fr"): the name is shown in that language's direction.
  language: z
    .string()
    .optional()
    .default("")
    .transform((value, ctx) => {
      if (value.trim() === "") return "";
      const tag = canonicalLanguageTag(value);
      if (tag === null) {
        ctx.addIssue({ code: "custom", message: msg("actors.errors.languageTag") });
        return z.NEVER;
      }
      return tag;
    }),
});

const optionalYear = z
  .string()
  .optional()
  .default("")
  .transform((value, ctx) => {
    const text = value.trim();
    if (text === "") return null;
    const year = Number(text);
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      ctx.addIssue({ code: "custom", message: msg("actors.errors.year", { min: MIN_YEAR, max: MAX_YEAR }) });
      return z.NEVER;
    }
    return year;
  });
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");

export const affiliationSchema = z
  .object({
    groupId: z
      .string({ error: msg("actors.errors.pickGroup") })
      .regex(RECORD_ID, msg("actors.errors.pickGroup")),
    role: z
      .string()
      .optional()
      .default("")
      .transform(tidyName)
      .pipe(
        z.string().max(AFFILIATION_ROLE_MAX, msg("actors.errors.roleTooLong", { max: AFFILIATION_ROLE_MAX })),
      ),
    startYear: optionalYear,
    startCirca: checkbox,
    endYear: optionalYear,
    endCirca: checkbox,
    wording: z
      .string()
      .optional()
      .default("")
      .transform(tidyName)
      .pipe(z.string().max(200, msg("actors.errors.wordingTooLong", { max: 200 }))),
    sourceId: z
      .string()
      .optional()
      .transform((value) => value || null)
      .pipe(recordId.nullable()),
    locator: z
      .string()
      .optional()
      .default("")
      .transform((value) => value.trim())
      .pipe(z.string().max(100, msg("actors.errors.locatorTooLong", { max: 100 }))),
  })
  .superRefine((value, ctx) => {
    if (value.startYear !== null && value.endYear !== null && value.endYear < value.startYear)
      ctx.addIssue({ code: "custom", path: ["endYear"], message: msg("actors.errors.endBeforeStart") });
  });
export type AffiliationInput = z.output<typeof affiliationSchema>;

/** A change to the registry the server will not make: messages per form field (400), or a conflict (409). */
export class ActorRejectedError extends Refusal {
  constructor(
    public errors: Record<string, Message[]>,
    status: 400 | 409 = 400,
  ) {
    super(status, Object.values(errors).flat()[0] ?? msg("actors.errors.nameRequired"));
  }
}

// ---- Who reads what -------------------------------------------------------------------------------

export type ActorUse = {
  caseId: string;
  roles: Set<"actor" | "mediator" | "event">;
  events: CaseEvent[];
};

/**
 * Every entry named by a case this member may read, with the cases and events naming it: the version each
 * case is read in (the approved one for trainers), no confidential case they are not listed on.
 */
function readableUses(member: Member) {
  const { all, byId, eventsByCase } = readableCases(member);
  const names = cachedActorNames(member);
  const uses = new Map<string, Map<string, ActorUse>>();
  const use = (name: string, item: LibraryCase, role: "actor" | "mediator" | "event", event?: CaseEvent) => {
    const actorId = names.get(nameKey(name));
    if (!actorId) return;
    const byCase = uses.get(actorId) ?? new Map<string, ActorUse>();
    uses.set(actorId, byCase);
    const entry = byCase.get(item.id) ?? { caseId: item.id, roles: new Set(), events: [] };
    byCase.set(item.id, entry);
    entry.roles.add(role);
    if (event && !entry.events.includes(event)) entry.events.push(event);
  };
  for (const item of all) {
    for (const name of item.actors) use(name, item, "actor");
    for (const name of item.mediators) use(name, item, "mediator");
    for (const event of eventsByCase.get(item.id) ?? [])
      for (const name of event.actors) use(name, item, "event", event);
  }
  return { uses, byId };
}

/**
 * Entries named anywhere in the workspace (any case, any version kept as current, confidential or not).
 * An entry named only where this member may not read stays hidden from them: its name could say what a
 * confidential case or an unapproved draft holds.
 */
function entriesNamedAnywhere(workspaceId: string): ReadonlySet<string> {
  return cachedDerived(`actors-named:${workspaceId}`, () => {
    const names = actorNameMap(db, workspaceId);
    const named = new Set<string>();
    for (const written of namesWrittenInCases(db, workspaceId).values())
      for (const name of written) {
        const id = names.get(nameKey(name));
        if (id) named.add(id);
      }
    return named;
  });
}

/** The entries this member may see: named in a case they read, or named in no case at all. */
function visibility(member: Member) {
  const { uses, byId } = readableUses(member);
  const named = entriesNamedAnywhere(member.workspaceId);
  const sees = (actorId: string) => seesAllCases(member) || uses.has(actorId) || !named.has(actorId);
  return { uses, byId, sees };
}

function findActor(executor: Executor, workspaceId: string, id: string) {
  return executor
    .select()
    .from(actors)
    .where(and(eq(actors.id, id), eq(actors.workspaceId, workspaceId)))
    .get();
}

// ---- Reading -------------------------------------------------------------------------------------------

export type ActorListItem = {
  id: string;
  name: string;
  kind: (typeof ACTOR_KINDS)[number];
  aliases: string[];
  caseCount: number;
  mediatorCount: number;
  eventCount: number;
};

/** The registry as this member may see it, with how many cases they read name each entry. */
export function listActors(member: Member, query: { q?: string; kind?: string } = {}): ActorListItem[] {
  requirePermission(member, "case.read");
  const { uses, sees } = visibility(member);
  const allNames = db
    .select({ actorId: actorNames.actorId, name: actorNames.name, key: actorNames.key })
    .from(actorNames)
    .where(eq(actorNames.workspaceId, member.workspaceId))
    .orderBy(asc(actorNames.id))
    .all();
  const namesOf = new Map<string, Array<{ name: string; key: string }>>();
  for (const row of allNames) namesOf.set(row.actorId, [...(namesOf.get(row.actorId) ?? []), row]);
  const words = nameKey(query.q ?? "")
    .split(" ")
    .filter(Boolean);
  const collator = new Intl.Collator("en", { sensitivity: "base" });
  return db
    .select({ id: actors.id, name: actors.name, kind: actors.kind })
    .from(actors)
    .where(eq(actors.workspaceId, member.workspaceId))
    .all()
    .filter((entry) => sees(entry.id))
    .filter((entry) => !query.kind || entry.kind === query.kind)
    .filter((entry) => {
      if (words.length === 0) return true;
      const keys = (namesOf.get(entry.id) ?? []).map((row) => row.key).join(" | ");
      return words.every((word) => keys.includes(word));
    })
    .map((entry) => {
      const byCase = [...(uses.get(entry.id)?.values() ?? [])];
      return {
        ...entry,
        aliases: (namesOf.get(entry.id) ?? []).map((row) => row.name).filter((name) => name !== entry.name),
        caseCount: byCase.filter((use) => use.roles.has("actor") || use.roles.has("event")).length,
        mediatorCount: byCase.filter((use) => use.roles.has("mediator")).length,
        eventCount: byCase.reduce((sum, use) => sum + use.events.length, 0),
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** Names and ids of the entries this member may see, for pickers and suggestions. */
export function actorChoices(member: Member) {
  return listActors(member).map(({ id, name, kind }) => ({ id, name, kind }));
}

/**
 * One entry as this member may see it: its names, affiliations (both ways, with the other entry only when
 * visible), and the cases and events naming it among those they read. Hidden or unknown: 404.
 */
export function getActor(member: Member, id: string) {
  requirePermission(member, "case.read");
  const { uses, byId, sees } = visibility(member);
  const entry = findActor(db, member.workspaceId, id);
  if (!entry || !sees(entry.id)) throw notFound(msg("actors.errors.notFound"));
  const names = db
    .select({ id: actorNames.id, name: actorNames.name, language: actorNames.language })
    .from(actorNames)
    .where(eq(actorNames.actorId, id))
    .orderBy(asc(actorNames.id))
    .all();
  const affiliationRows = db
    .select()
    .from(actorAffiliations)
    .where(or(eq(actorAffiliations.actorId, id), eq(actorAffiliations.groupId, id)))
    .all();
  const otherIds = [
    ...new Set(affiliationRows.map((row) => (row.actorId === id ? row.groupId : row.actorId))),
  ];
  const others = new Map(
    (otherIds.length
      ? db
          .select({ id: actors.id, name: actors.name, kind: actors.kind })
          .from(actors)
          .where(inArray(actors.id, otherIds))
          .all()
      : []
    ).map((row) => [row.id, row]),
  );
  const sourceTitles = new Map(cachedSources(member).map((source) => [source.id, source.title]));
  const affiliations = affiliationRows
    .filter((row) => sees(row.actorId === id ? row.groupId : row.actorId))
    .map((row) => {
      const other = others.get(row.actorId === id ? row.groupId : row.actorId);
      return {
        id: row.id,
        direction: row.actorId === id ? ("memberOf" as const) : ("hasMember" as const),
        otherId: other?.id ?? "",
        otherName: other?.name ?? "",
        role: row.role,
        startYear: row.startYear,
        startCirca: row.startCirca,
        endYear: row.endYear,
        endCirca: row.endCirca,
        wording: row.wording,
        sourceId: row.sourceId,
        sourceTitle: row.sourceId ? (sourceTitles.get(row.sourceId) ?? null) : null,
        locator: row.locator,
      };
    })
    .sort((a, b) => (a.startYear ?? 9999) - (b.startYear ?? 9999) || a.otherName.localeCompare(b.otherName));
  const caseUses = [...(uses.get(id)?.values() ?? [])].flatMap((use) => {
    const item = byId.get(use.caseId);
    return item ? [{ use, item }] : [];
  });
  const casesNaming = caseUses
    .map(({ use, item }) => ({
      id: item.id,
      title: item.title,
      regions: item.regions,
      periodStart: item.periodStart,
      periodStartCirca: item.periodStartCirca,
      periodEnd: item.periodEnd,
      periodEndCirca: item.periodEndCirca,
      roles: [...use.roles].sort(),
    }))
    .sort((a, b) => (a.periodStart ?? a.periodEnd ?? 9999) - (b.periodStart ?? b.periodEnd ?? 9999));
  const events = sortEvents(
    caseUses.flatMap(({ use, item }) =>
      use.events.map((event) => ({ ...event, caseId: item.id, caseTitle: item.title })),
    ),
  ).map(({ id: eventId, start, end, circa, wording, title, caseId, caseTitle }) => ({
    id: eventId,
    start,
    end,
    circa,
    wording,
    title,
    caseId,
    caseTitle,
  }));
  return {
    entry: { id: entry.id, name: entry.name, kind: entry.kind, description: entry.description },
    names,
    affiliations,
    cases: casesNaming,
    events,
    /** Whether a case or event anywhere still names the entry (then it can be merged, not deleted). */
    named: entriesNamedAnywhere(member.workspaceId).has(id),
  };
}

/**
 * "Who mediated where": each entry named as a mediator in a case this member reads, with those cases by
 * country or region (a case with several is listed under each).
 */
export function whoMediatedWhere(member: Member) {
  requirePermission(member, "case.read");
  const { uses, byId, sees } = visibility(member);
  const entries = db
    .select({ id: actors.id, name: actors.name, kind: actors.kind })
    .from(actors)
    .where(eq(actors.workspaceId, member.workspaceId))
    .all();
  const collator = new Intl.Collator("en", { sensitivity: "base" });
  const regions = new Set<string>();
  const rows = entries
    .filter((entry) => sees(entry.id))
    .flatMap((entry) => {
      const mediated = [...(uses.get(entry.id)?.values() ?? [])].filter((use) => use.roles.has("mediator"));
      if (mediated.length === 0) return [];
      const byRegion = new Map<string, LibraryCase[]>();
      for (const use of mediated) {
        const item = byId.get(use.caseId);
        if (!item) continue;
        for (const region of item.regions.length ? item.regions : [""]) {
          regions.add(region);
          byRegion.set(region, [...(byRegion.get(region) ?? []), item]);
        }
      }
      return [
        {
          ...entry,
          places: [...byRegion.entries()]
            .sort(([a], [b]) => collator.compare(a, b))
            .map(([region, items]) => ({
              region,
              cases: items.map((item) => ({
                id: item.id,
                title: item.title,
                periodStart: item.periodStart,
                periodStartCirca: item.periodStartCirca,
                periodEnd: item.periodEnd,
                periodEndCirca: item.periodEndCirca,
              })),
            })),
        },
      ];
    })
    .sort((a, b) => collator.compare(a.name, b.name));
  return { rows, regions: [...regions].sort((a, b) => collator.compare(a, b)) };
}

// ---- Writing -------------------------------------------------------------------------------------------

function writable(tx: Executor, member: Member, id: string) {
  const fresh = requireMember(member.userId, member.workspaceId, tx);
  requirePermission(fresh, "registry.edit");
  const entry = findActor(tx, member.workspaceId, id);
  if (!entry || (fresh.role !== "owner" && !visibility(fresh).sees(entry.id)))
    throw notFound(msg("actors.errors.notFound"));
  return { fresh, entry };
}

/** Refuses a name another entry has; says which one when this member may see it. */
function checkNameFree(tx: Executor, member: Member, name: string, field: string, ownId?: string) {
  const key = nameKey(name);
  const holder = tx
    .select({ actorId: actorNames.actorId, name: actors.name })
    .from(actorNames)
    .innerJoin(actors, eq(actors.id, actorNames.actorId))
    .where(and(eq(actorNames.workspaceId, member.workspaceId), eq(actorNames.key, key)))
    .get();
  if (!holder || holder.actorId === ownId) return;
  throw new ActorRejectedError(
    {
      [field]: [
        visibility(member).sees(holder.actorId)
          ? msg("actors.errors.nameTaken", { name: holder.name })
          : msg("actors.errors.nameTakenHidden"),
      ],
    },
    409,
  );
}

function audit(
  tx: Executor,
  member: Member,
  action: string,
  detail: Record<string, unknown>,
  origin?: RequestOrigin,
) {
  recordAudit({ action, workspaceId: member.workspaceId, userId: member.userId, detail, origin }, tx);
}

export function createActor(member: Member, input: ActorInput, origin?: RequestOrigin): { id: string } {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "registry.edit");
    checkNameFree(tx, member, input.name, "name");
    const id = newId();
    tx.insert(actors)
      .values({ id, workspaceId: member.workspaceId, ...input, updatedAt: new Date() })
      .run();
    tx.insert(actorNames)
      .values({ actorId: id, workspaceId: member.workspaceId, name: input.name, key: nameKey(input.name) })
      .run();
    audit(tx, member, "actor.created", { actorId: id, name: input.name }, origin);
    return { id };
  });
}

/** Renames (the old name stays one of the entry's names, so cases using it still point here), retypes. */
export function updateActor(member: Member, id: string, input: ActorInput, origin?: RequestOrigin) {
  db.transaction((tx) => {
    const { entry } = writable(tx, member, id);
    checkNameFree(tx, member, input.name, "name", id);
    tx.update(actors)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(actors.id, id))
      .run();
    const key = nameKey(input.name);
    const existing = tx
      .select({ id: actorNames.id })
      .from(actorNames)
      .where(and(eq(actorNames.actorId, id), eq(actorNames.key, key)))
      .get();
    if (existing) tx.update(actorNames).set({ name: input.name }).where(eq(actorNames.id, existing.id)).run();
    else
      tx.insert(actorNames)
        .values({ actorId: id, workspaceId: member.workspaceId, name: input.name, key })
        .run();
    audit(tx, member, "actor.updated", { actorId: id, name: input.name, previousName: entry.name }, origin);
  });
}

export function addActorName(
  member: Member,
  id: string,
  input: z.output<typeof actorNameSchema>,
  origin?: RequestOrigin,
) {
  db.transaction((tx) => {
    writable(tx, member, id);
    checkNameFree(tx, member, input.alias, "alias", id);
    const key = nameKey(input.alias);
    const own = tx
      .select({ id: actorNames.id })
      .from(actorNames)
      .where(and(eq(actorNames.actorId, id), eq(actorNames.key, key)))
      .get();
    if (own) throw new ActorRejectedError({ alias: [msg("actors.errors.aliasExists")] }, 409);
    tx.insert(actorNames)
      .values({
        actorId: id,
        workspaceId: member.workspaceId,
        name: input.alias,
        key,
        language: input.language,
      })
      .run();
    audit(tx, member, "actor.name_added", { actorId: id, name: input.alias }, origin);
  });
}

/** How many cases of the workspace write this name (folded), in their fields or their events. */
function nameUses(tx: Executor, workspaceId: string, key: string): number {
  return [...namesWrittenInCases(tx, workspaceId).values()].filter((written) =>
    written.some((name) => nameKey(name) === key),
  ).length;
}

/**
 * Removes one of an entry's other names. Its own name stays; a name still written in a case or event
 * stays too (removing it would cut that case off the entry): the editor merges or edits the case first.
 */
export function removeActorName(member: Member, id: string, nameId: number, origin?: RequestOrigin) {
  db.transaction((tx) => {
    const { entry } = writable(tx, member, id);
    const row = tx
      .select()
      .from(actorNames)
      .where(and(eq(actorNames.id, nameId), eq(actorNames.actorId, id)))
      .get();
    if (!row) throw notFound(msg("actors.errors.nameNotFound"));
    if (row.key === nameKey(entry.name))
      throw new ActorRejectedError({ form: [msg("actors.errors.ownName")] }, 409);
    const used = nameUses(tx, member.workspaceId, row.key);
    if (used > 0)
      throw new ActorRejectedError({ form: [msg("actors.errors.nameInUse", { count: used })] }, 409);
    tx.delete(actorNames).where(eq(actorNames.id, nameId)).run();
    audit(tx, member, "actor.name_removed", { actorId: id, name: row.name }, origin);
  });
}

/**
 * Merges entry `id` into `targetId`: every name of the first becomes a name of the target (so every case
 * and event naming it now points to the target), its affiliations move over, and it is deleted.
 */
export function mergeActor(member: Member, id: string, targetId: string, origin?: RequestOrigin) {
  return db.transaction((tx) => {
    const { fresh, entry } = writable(tx, member, id);
    const target = findActor(tx, member.workspaceId, targetId);
    if (!target || (fresh.role !== "owner" && !visibility(fresh).sees(target.id)))
      throw new ActorRejectedError({ targetId: [msg("actors.errors.pickTarget")] });
    if (target.id === entry.id) throw new ActorRejectedError({ targetId: [msg("actors.errors.mergeSelf")] });
    tx.update(actorNames).set({ actorId: target.id }).where(eq(actorNames.actorId, entry.id)).run();
    tx.update(actorAffiliations)
      .set({ actorId: target.id })
      .where(eq(actorAffiliations.actorId, entry.id))
      .run();
    tx.update(actorAffiliations)
      .set({ groupId: target.id })
      .where(eq(actorAffiliations.groupId, entry.id))
      .run();
    // An entry affiliated with itself after the merge (ag Ghali in "ag Ghaly") says nothing.
    tx.delete(actorAffiliations)
      .where(and(eq(actorAffiliations.actorId, target.id), eq(actorAffiliations.groupId, target.id)))
      .run();
    tx.update(actors)
      .set({
        kind: target.kind === "unspecified" ? entry.kind : target.kind,
        description: target.description || entry.description,
        updatedAt: new Date(),
      })
      .where(eq(actors.id, target.id))
      .run();
    tx.delete(actors).where(eq(actors.id, entry.id)).run();
    audit(
      tx,
      member,
      "actor.merged",
      { actorId: id, name: entry.name, targetId, targetName: target.name },
      origin,
    );
    return { name: entry.name, targetName: target.name };
  });
}

/** Deletes an entry no case or event names (others are merged instead, so nothing loses its link). */
export function deleteActor(member: Member, id: string, origin?: RequestOrigin) {
  return db.transaction((tx) => {
    const { entry } = writable(tx, member, id);
    const keys = tx
      .select({ key: actorNames.key })
      .from(actorNames)
      .where(eq(actorNames.actorId, id))
      .all()
      .map((row) => row.key);
    const used = keys.reduce((sum, key) => sum + nameUses(tx, member.workspaceId, key), 0);
    if (used > 0) throw new ActorRejectedError({ form: [msg("actors.errors.inUse", { count: used })] }, 409);
    tx.delete(actors).where(eq(actors.id, id)).run();
    audit(tx, member, "actor.deleted", { actorId: id, name: entry.name }, origin);
    return { name: entry.name };
  });
}

export function addAffiliation(member: Member, id: string, input: AffiliationInput, origin?: RequestOrigin) {
  db.transaction((tx) => {
    const { fresh } = writable(tx, member, id);
    const group = findActor(tx, member.workspaceId, input.groupId);
    if (!group || (fresh.role !== "owner" && !visibility(fresh).sees(group.id)))
      throw new ActorRejectedError({ groupId: [msg("actors.errors.pickGroup")] });
    if (group.id === id) throw new ActorRejectedError({ groupId: [msg("actors.errors.groupSelf")] });
    if (input.sourceId) {
      const source = tx
        .select({ id: sources.id })
        .from(sources)
        .where(and(eq(sources.id, input.sourceId), eq(sources.workspaceId, member.workspaceId)))
        .get();
      if (!source) throw new ActorRejectedError({ sourceId: [msg("actors.errors.pickSource")] });
    }
    tx.insert(actorAffiliations)
      .values({ id: newId(), actorId: id, ...input, groupId: group.id })
      .run();
    audit(tx, member, "actor.affiliation_added", { actorId: id, groupId: group.id }, origin);
  });
}

export function removeAffiliation(member: Member, id: string, affiliationId: string, origin?: RequestOrigin) {
  db.transaction((tx) => {
    writable(tx, member, id);
    const row = tx
      .select()
      .from(actorAffiliations)
      .where(
        and(
          eq(actorAffiliations.id, affiliationId),
          or(eq(actorAffiliations.actorId, id), eq(actorAffiliations.groupId, id)),
        ),
      )
      .get();
    if (!row) throw notFound(msg("actors.errors.affiliationNotFound"));
    tx.delete(actorAffiliations).where(eq(actorAffiliations.id, affiliationId)).run();
    audit(tx, member, "actor.affiliation_removed", { actorId: id, affiliationId }, origin);
  });
}

/** Entries of the workspace other than `id` that this member may see: merge targets and groups. */
export function otherActors(member: Member, id: string) {
  const { sees } = visibility(member);
  return db
    .select({ id: actors.id, name: actors.name, kind: actors.kind })
    .from(actors)
    .where(and(eq(actors.workspaceId, member.workspaceId), ne(actors.id, id)))
    .orderBy(sql`${actors.name} COLLATE NOCASE`)
    .all()
    .filter((entry) => sees(entry.id));
}
