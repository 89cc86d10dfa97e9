import type { Executor } from "~/utils/permissions.server";
import { notifications } from "../../db/schema";

type Kind = (typeof notifications.$inferInsert)["kind"];

/**
 * Queues an in-app notification, in the caller's transaction. Nobody is notified of their own action.
 * Callers make sure the recipient may see the case (a notification must not reveal a case to someone
 * who may not read it).
 */
export function notify(
  executor: Executor,
  entry: {
    userIds: string[];
    workspaceId: string;
    kind: Kind;
    actorId: string;
    caseId?: string | null;
    threadId?: string | null;
    detail?: Record<string, unknown>;
  },
) {
  for (const userId of new Set(entry.userIds)) {
    if (userId === entry.actorId) continue;
    executor
      .insert(notifications)
      .values({
        userId,
        workspaceId: entry.workspaceId,
        kind: entry.kind,
        actorId: entry.actorId,
        caseId: entry.caseId ?? null,
        threadId: entry.threadId ?? null,
        detail: entry.detail ?? {},
      })
      .run();
  }
}
