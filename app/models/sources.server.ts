import { and, asc, eq, inArray } from "drizzle-orm";
import { type CslItem, cslItemSchema } from "~/models/csl";
import { newId } from "~/models/ids.server";
import { db } from "~/utils/db.server";
import { type Executor, type Member, requireMember, requirePermission } from "~/utils/permissions.server";
import { sources } from "../../db/schema";

export type SourceSummary = { id: string; title: string; csl: CslItem };

export function listSources(member: Member): SourceSummary[] {
  requirePermission(member, "workspace.read");
  return db
    .select({ id: sources.id, title: sources.title, csl: sources.csl })
    .from(sources)
    .where(eq(sources.workspaceId, member.workspaceId))
    .orderBy(asc(sources.title))
    .all() as SourceSummary[];
}

/** Creates a source from a CSL-JSON item (its id is replaced by ours). Throws a ZodError on bad input. */
export function createSource(member: Member, input: Record<string, unknown>): { id: string } {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "source.edit");
    const id = newId();
    const csl = cslItemSchema.parse({ ...input, id });
    tx.insert(sources)
      .values({
        id,
        workspaceId: member.workspaceId,
        csl,
        title: csl.title,
        createdBy: member.userId,
        updatedAt: new Date(),
      })
      .run();
    return { id };
  });
}

/** Ids among `ids` that are NOT sources of this workspace. */
export function foreignSourceIds(executor: Executor, workspaceId: string, ids: string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Set(
    executor
      .select({ id: sources.id })
      .from(sources)
      .where(and(eq(sources.workspaceId, workspaceId), inArray(sources.id, ids)))
      .all()
      .map((row) => row.id),
  );
  return ids.filter((id) => !found.has(id));
}
