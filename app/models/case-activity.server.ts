import { and, eq, inArray } from "drizzle-orm";
import { listActivity } from "~/models/activity.server";
import { getCase } from "~/models/cases.server";
import { db } from "~/utils/db.server";
import { type Member, requirePermission } from "~/utils/permissions.server";
import { codes, users } from "../../db/schema";

const stringList = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

/**
 * The timeline of one case as its page shows it: newest first, with the names of the reviewers asked and
 * the labels of the codes tagged. Drafts are visible in it, so readers of approved versions only get 403.
 */
export function getCaseActivity(member: Member, caseId: string, limit = 200) {
  requirePermission(member, "case.readDrafts");
  const caseStudy = getCase(member, caseId);
  const entries = listActivity(caseStudy.id, limit);
  const reviewerIds = new Set(entries.flatMap((entry) => stringList(entry.detail.reviewerIds)));
  const codeIds = new Set(entries.flatMap((entry) => stringList(entry.detail.codeIds)));
  const names = reviewerIds.size
    ? new Map(
        db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(inArray(users.id, [...reviewerIds]))
          .all()
          .map((row) => [row.id, row.name]),
      )
    : new Map<string, string>();
  // Only this workspace's codes: an id from elsewhere would never have been saved, but stays unnamed.
  const labels = codeIds.size
    ? new Map(
        db
          .select({ id: codes.id, label: codes.label })
          .from(codes)
          .where(and(eq(codes.workspaceId, member.workspaceId), inArray(codes.id, [...codeIds])))
          .all()
          .map((row) => [row.id, row.label]),
      )
    : new Map<string, string>();
  return {
    caseStudy: { id: caseStudy.id, title: caseStudy.title, status: caseStudy.status },
    entries: entries.map((entry) => ({
      ...entry,
      // null: named by the page in the reader's language ("a former member", "a deleted code").
      reviewerNames: stringList(entry.detail.reviewerIds).map((id) => names.get(id) ?? null),
      codeLabels: stringList(entry.detail.codeIds).map((id) => labels.get(id) ?? null),
    })),
  };
}
