import { db } from "~/utils/db.server";
import type { Executor } from "~/utils/permissions.server";
import { auditLog } from "../../db/schema";

export type RequestOrigin = { ip: string; userAgent: string };

export function requestOrigin(request: Request): RequestOrigin {
  return {
    ip: request.headers.get("x-casebook-client-ip") ?? "",
    userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300),
  };
}

export function recordAudit(
  entry: {
    action: string;
    workspaceId?: string | null;
    userId?: string | null;
    detail?: Record<string, unknown>;
    origin?: RequestOrigin;
  },
  executor: Executor = db,
) {
  executor
    .insert(auditLog)
    .values({
      action: entry.action,
      workspaceId: entry.workspaceId ?? null,
      userId: entry.userId ?? null,
      detail: entry.detail ?? {},
      ip: entry.origin?.ip ?? "",
      userAgent: entry.origin?.userAgent ?? "",
      at: new Date(),
    })
    .run();
}
