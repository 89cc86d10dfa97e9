// Spelling variants of a workspace (ADR 0004): groups of spellings search treats as one. Owners keep the
// list (origin "list"); other origins (the actors registry's aliases) may add groups, which search reads
// alike and this page shows without letting them be edited here.
import { and, asc, eq, inArray } from "drizzle-orm";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { cachedDerived } from "~/models/derived-cache.server";
import { newId } from "~/models/ids.server";
import type { VariantIndex } from "~/models/search/compile";
import { spellingKey, type VariantGroupInput } from "~/models/variant-fields";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { spellingVariantGroups, spellingVariants } from "../../../db/schema";

/** Spellings the server will not store as given (400), e.g. one already in another group of the list. */
export class VariantsRejectedError extends Refusal {
  constructor(public errors: Message[]) {
    super(400, errors[0]);
  }
}

export type VariantGroup = { id: string; origin: string; spellings: string[]; updatedAt: Date };

/** Every group of the workspace, the owners' list first, each group's spellings in the order written. */
export function listVariantGroups(member: Member): VariantGroup[] {
  requirePermission(member, "workspace.read");
  const groups = db
    .select()
    .from(spellingVariantGroups)
    .where(eq(spellingVariantGroups.workspaceId, member.workspaceId))
    .orderBy(asc(spellingVariantGroups.createdAt), asc(spellingVariantGroups.id))
    .all();
  const rows = groups.length
    ? db
        .select({ groupId: spellingVariants.groupId, spelling: spellingVariants.spelling })
        .from(spellingVariants)
        .where(
          inArray(
            spellingVariants.groupId,
            groups.map((group) => group.id),
          ),
        )
        .orderBy(asc(spellingVariants.id))
        .all()
    : [];
  return groups
    .map((group) => ({
      id: group.id,
      origin: group.origin,
      updatedAt: group.updatedAt,
      spellings: rows.filter((row) => row.groupId === group.id).map((row) => row.spelling),
    }))
    .sort((a, b) => Number(a.origin !== "list") - Number(b.origin !== "list"));
}

/**
 * What search reads: each spelling's key → the words of every spelling it is grouped with (groups that
 * share a spelling are joined). Kept until the database changes.
 */
export function variantIndex(workspaceId: string): VariantIndex {
  return cachedDerived(`variants:${workspaceId}`, () => {
    const rows = db
      .select({ groupId: spellingVariants.groupId, key: spellingVariants.key })
      .from(spellingVariants)
      .where(eq(spellingVariants.workspaceId, workspaceId))
      .all();
    const keysOfGroup = new Map<string, string[]>();
    for (const row of rows) keysOfGroup.set(row.groupId, [...(keysOfGroup.get(row.groupId) ?? []), row.key]);
    const alike = new Map<string, Set<string>>();
    for (const keys of keysOfGroup.values())
      for (const key of keys) {
        const set = alike.get(key) ?? new Set<string>();
        for (const other of keys) set.add(other);
        alike.set(key, set);
      }
    return new Map(
      [...alike].map(([key, keys]) => [key, [...keys].sort().map((each) => each.split(" "))] as const),
    );
  });
}

function checkSpellings(tx: Executor, member: Member, groupId: string | null, input: VariantGroupInput) {
  const keys = input.spellings.map(spellingKey);
  const taken = tx
    .select({ spelling: spellingVariants.spelling, groupId: spellingVariants.groupId })
    .from(spellingVariants)
    .innerJoin(spellingVariantGroups, eq(spellingVariantGroups.id, spellingVariants.groupId))
    .where(
      and(
        eq(spellingVariants.workspaceId, member.workspaceId),
        eq(spellingVariantGroups.origin, "list"),
        inArray(spellingVariants.key, keys),
      ),
    )
    .all()
    .filter((row) => row.groupId !== groupId);
  if (taken.length)
    throw new VariantsRejectedError(
      taken.map((row) => msg("search.variants.errors.alreadyListed", { spelling: row.spelling })),
    );
}

function writeSpellings(tx: Executor, groupId: string, workspaceId: string, input: VariantGroupInput) {
  tx.delete(spellingVariants).where(eq(spellingVariants.groupId, groupId)).run();
  for (const spelling of input.spellings)
    tx.insert(spellingVariants)
      .values({ groupId, workspaceId, spelling, key: spellingKey(spelling) })
      .run();
}

/** Adds a group to the owners' list (groupId null) or replaces the spellings of one of its groups. */
export function saveVariantGroup(
  member: Member,
  groupId: string | null,
  input: VariantGroupInput,
  origin?: RequestOrigin,
): { id: string } {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "search.editVariants");
    const now = new Date();
    let id = groupId;
    if (id) {
      const group = tx
        .select({ id: spellingVariantGroups.id })
        .from(spellingVariantGroups)
        .where(
          and(
            eq(spellingVariantGroups.id, id),
            eq(spellingVariantGroups.workspaceId, member.workspaceId),
            eq(spellingVariantGroups.origin, "list"),
          ),
        )
        .get();
      if (!group) throw notFound(msg("search.variants.errors.notFound"));
      checkSpellings(tx, member, id, input);
      tx.update(spellingVariantGroups).set({ updatedAt: now }).where(eq(spellingVariantGroups.id, id)).run();
    } else {
      checkSpellings(tx, member, null, input);
      id = newId();
      tx.insert(spellingVariantGroups)
        .values({ id, workspaceId: member.workspaceId, createdBy: member.userId, updatedAt: now })
        .run();
    }
    writeSpellings(tx, id, member.workspaceId, input);
    recordAudit(
      {
        action: "spelling_variants.saved",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { groupId: id, spellings: input.spellings },
        origin,
      },
      tx,
    );
    return { id };
  });
}

export function deleteVariantGroup(member: Member, groupId: string, origin?: RequestOrigin) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "search.editVariants");
    const deleted = tx
      .delete(spellingVariantGroups)
      .where(
        and(
          eq(spellingVariantGroups.id, groupId),
          eq(spellingVariantGroups.workspaceId, member.workspaceId),
          eq(spellingVariantGroups.origin, "list"),
        ),
      )
      .run();
    if (deleted.changes === 0) throw notFound(msg("search.variants.errors.notFound"));
    recordAudit(
      {
        action: "spelling_variants.deleted",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { groupId },
        origin,
      },
      tx,
    );
  });
}
