import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "~/utils/db.server";
import { type Executor, type Member, requirePermission } from "~/utils/permissions.server";
import { codes } from "../../db/schema";

export type Code = {
  id: string;
  kind: "precondition" | "outcome";
  label: string;
  description: string;
  color: string;
  parentId: string | null;
};

/** The workspace codebook, preconditions first, then by label. */
export function listCodes(member: Member): Code[] {
  requirePermission(member, "workspace.read");
  return db
    .select({
      id: codes.id,
      kind: codes.kind,
      label: codes.label,
      description: codes.description,
      color: codes.color,
      parentId: codes.parentId,
    })
    .from(codes)
    .where(eq(codes.workspaceId, member.workspaceId))
    .orderBy(asc(codes.kind), asc(codes.label))
    .all()
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "precondition" ? -1 : 1));
}

/** Ids among `ids` that are NOT codes of this workspace (a guessed or foreign id). */
export function foreignCodeIds(executor: Executor, workspaceId: string, ids: string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Set(
    executor
      .select({ id: codes.id })
      .from(codes)
      .where(and(eq(codes.workspaceId, workspaceId), inArray(codes.id, ids)))
      .all()
      .map((row) => row.id),
  );
  return ids.filter((id) => !found.has(id));
}
