import { and, count, desc, eq, gte, inArray, isNull, like, lt, or, type SQL, sql } from "drizzle-orm";
import { db } from "~/utils/db.server";
import { type Executor, type Member, requirePermission } from "~/utils/permissions.server";
import { auditLog, cases, memberships, users } from "../../db/schema";

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

export const AUDIT_PAGE_SIZE = 50;

/** The filter menu of the audit page: each kind of entry an owner may look for. */
export const AUDIT_KINDS = {
  "sign-ins": { label: "Sign-ins", where: () => eq(auditLog.action, "user.signed_in") },
  "failed-sign-ins": {
    label: "Failed sign-ins",
    where: () => inArray(auditLog.action, ["user.sign_in_failed", "user.sign_in_throttled"]),
  },
  members: {
    label: "Roles and members",
    where: () => inArray(auditLog.action, ["member.role_changed", "member.removed", "invite.accepted"]),
  },
  invites: { label: "Invites", where: () => like(auditLog.action, "invite.%") },
  deletions: {
    label: "Deletions",
    where: () =>
      or(
        like(auditLog.action, "%.deleted"),
        like(auditLog.action, "%.trashed"),
        eq(auditLog.action, "member.removed"),
      ),
  },
  exports: { label: "Exports", where: () => like(auditLog.action, "%.exported") },
  reviews: {
    label: "Reviews",
    where: () =>
      inArray(auditLog.action, [
        "case.submitted",
        "case.approved",
        "case.changes_requested",
        "case.review_withdrawn",
      ]),
  },
  cases: { label: "Cases", where: () => like(auditLog.action, "case.%") },
  library: {
    label: "Codebook and sources",
    where: () =>
      or(
        like(auditLog.action, "code.%"),
        like(auditLog.action, "source%"),
        like(auditLog.action, "comparison_set.%"),
      ),
  },
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;

const ACTION_WORDS: Record<string, string> = {
  "user.signed_in": "Signed in",
  "user.sign_in_failed": "Failed sign-in",
  "user.sign_in_throttled": "Sign-in refused (too many failures)",
  "user.password_changed": "Changed their password",
  "user.signed_up": "Created an account",
  "workspace.created": "Created the workspace",
  "member.role_changed": "Changed a member's role",
  "member.removed": "Removed a member",
  "invite.created": "Created an invite link",
  "invite.revoked": "Revoked an invite link",
  "invite.accepted": "Joined with an invite link",
  "case.created": "Created a case",
  "case.trashed": "Moved a case to the trash",
  "case.restored": "Restored a case from the trash",
  "case.revision_restored": "Restored an earlier revision",
  "case.conditions_saved": "Set conditions of a case",
  "case.submitted": "Submitted a case for review",
  "case.approved": "Approved a case",
  "case.changes_requested": "Requested changes to a case",
  "case.review_withdrawn": "Withdrew a case from review",
  "case.confidential_set": "Marked a case confidential",
  "case.confidential_lifted": "Lifted a case's confidential mark",
  "case.confidential_opened": "Opened a confidential case",
  "case.exported": "Exported a case",
  "code.created": "Added a code",
  "code.updated": "Edited a code",
  "code.merged": "Merged codes",
  "code.deleted": "Deleted a code",
  "code.starter_added": "Added the starter codebook",
  "source.updated": "Edited a source",
  "source.deleted": "Deleted a source",
  "sources.imported": "Imported sources",
  "sources.exported": "Exported the sources library",
  "matrix.exported": "Exported the matrix",
  "comparison_set.created": "Saved a comparison set",
  "comparison_set.renamed": "Renamed a comparison set",
  "comparison_set.deleted": "Deleted a comparison set",
};

export function actionInWords(action: string) {
  return ACTION_WORDS[action] ?? action.replace(/[._]/g, " ");
}

/** "Chrome 126 on Windows" from a user-agent header; the full header stays available beside it. */
export function shortUserAgent(userAgent: string) {
  if (!userAgent) return "";
  const browser = (
    [
      [/Edg\/(\d+)/, "Edge"],
      [/OPR\/(\d+)/, "Opera"],
      [/Firefox\/(\d+)/, "Firefox"],
      [/Chrom(?:e|ium)\/(\d+)/, "Chrome"],
      [/Version\/(\d+)[.\d]* .*Safari\//, "Safari"],
    ] as const
  )
    .map(([pattern, name]) => {
      const match = userAgent.match(pattern);
      return match ? `${name} ${match[1]}` : null;
    })
    .find(Boolean);
  const system = (
    [
      [/Android/, "Android"],
      [/iPhone|iPad|iPod/, "iOS"],
      [/Windows/, "Windows"],
      [/Mac OS X|Macintosh/, "macOS"],
      [/CrOS/, "ChromeOS"],
      [/Linux/, "Linux"],
    ] as const
  ).find(([pattern]) => pattern.test(userAgent))?.[1];
  if (browser && system) return `${browser} on ${system}`;
  if (browser) return browser;
  return userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent;
}

const text = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : "";

/**
 * The owners' security record of this workspace: everything recorded in it, plus the sign-ins, failed
 * sign-ins and password changes of its current members since they joined (those entries belong to no
 * workspace; failed sign-ins for an account are found by its email when no user id was recorded).
 */
export function listAuditLog(
  member: Member,
  options: { kind?: AuditKind | null; date?: string | null; page?: number } = {},
) {
  requirePermission(member, "workspace.manage");
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const memberSince = (userColumn: SQL) =>
    sql`exists (select 1 from ${memberships} where ${memberships.workspaceId} = ${member.workspaceId} and ${memberships.userId} = ${userColumn} and ${memberships.createdAt} <= ${auditLog.at})`;
  const accountActions = [
    "user.signed_in",
    "user.sign_in_failed",
    "user.sign_in_throttled",
    "user.password_changed",
  ];
  const scope = or(
    eq(auditLog.workspaceId, member.workspaceId),
    and(
      isNull(auditLog.workspaceId),
      inArray(auditLog.action, accountActions),
      or(
        memberSince(sql`${auditLog.userId}`),
        and(
          isNull(auditLog.userId),
          memberSince(
            sql`(select ${users.id} from ${users} where ${users.email} = json_extract(${auditLog.detail}, '$.email'))`,
          ),
        ),
      ),
    ),
  );
  let day: SQL | undefined;
  if (options.date && /^\d{4}-\d{2}-\d{2}$/.test(options.date)) {
    const start = Date.parse(`${options.date}T00:00:00Z`);
    if (!Number.isNaN(start))
      day = and(gte(auditLog.at, new Date(start)), lt(auditLog.at, new Date(start + 86_400_000)));
  }
  const where = and(scope, options.kind ? AUDIT_KINDS[options.kind].where() : undefined, day);
  const total = db.select({ n: count() }).from(auditLog).where(where).get()!.n;
  const rows = db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      detail: auditLog.detail,
      ip: auditLog.ip,
      userAgent: auditLog.userAgent,
      at: auditLog.at,
      userId: auditLog.userId,
      userName: users.name,
      userEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();

  // Names for the people and cases the details refer to by id.
  const targetIds = [...new Set(rows.map((row) => text(row.detail.target)).filter(Boolean))];
  const emails = [...new Set(rows.filter((row) => !row.userId).map((row) => text(row.detail.email)))].filter(
    Boolean,
  );
  const people = targetIds.length
    ? new Map(
        db
          .select({ id: users.id, name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.id, targetIds))
          .all()
          .map((row) => [row.id, row]),
      )
    : new Map<string, { name: string; email: string }>();
  const byEmail = emails.length
    ? new Map(
        db
          .select({ name: users.name, email: users.email })
          .from(users)
          .where(inArray(users.email, emails))
          .all()
          .map((row) => [row.email, row]),
      )
    : new Map<string, { name: string; email: string }>();
  const caseIds = [...new Set(rows.map((row) => text(row.detail.caseId)).filter(Boolean))];
  const caseTitles = caseIds.length
    ? new Map(
        db
          .select({ id: cases.id, title: cases.title })
          .from(cases)
          .where(and(eq(cases.workspaceId, member.workspaceId), inArray(cases.id, caseIds)))
          .all()
          .map((row) => [row.id, row.title]),
      )
    : new Map<string, string>();

  const entries = rows.map((row) => {
    const d = row.detail;
    const byMail = row.userId ? undefined : byEmail.get(text(d.email));
    const who = row.userName
      ? { name: row.userName, email: row.userEmail ?? "" }
      : byMail
        ? { name: byMail.name, email: byMail.email }
        : null;
    const target = people.get(text(d.target));
    const targetName = target ? `${target.name} (${target.email})` : "a former member";
    const caseTitle = text(d.title) || caseTitles.get(text(d.caseId)) || "";
    let summary = "";
    switch (row.action) {
      case "user.sign_in_failed":
      case "user.sign_in_throttled":
        summary = d.email ? `as ${text(d.email)}` : "";
        break;
      case "member.role_changed":
        summary = `${targetName}: ${text(d.from)} → ${text(d.to)}`;
        break;
      case "member.removed":
        summary = targetName;
        break;
      case "invite.created":
      case "invite.accepted":
        summary = d.role ? `as ${text(d.role)}` : "";
        break;
      case "code.merged":
        summary = `${text(d.label)} into ${text(d.targetLabel)}`;
        break;
      case "code.updated":
        summary =
          d.previousLabel && d.previousLabel !== d.label
            ? `${text(d.previousLabel)} → ${text(d.label)}`
            : text(d.label);
        break;
      case "sources.exported":
        summary = `${text(d.format)}, ${text(d.count)} sources`;
        break;
      case "sources.imported":
        summary = `${text(d.imported)} imported, ${text(d.skipped)} skipped`;
        break;
      case "matrix.exported":
        summary = `${text(d.format)}, ${text(d.cases)} cases × ${text(d.codes)} codes`;
        break;
      case "comparison_set.renamed":
        summary = `${text(d.from)} → ${text(d.to)}`;
        break;
      case "case.revision_restored":
        summary = `${caseTitle}: revision ${text(d.from)} restored as ${text(d.revision)}`;
        break;
      case "case.submitted":
      case "case.approved":
      case "case.changes_requested":
        summary = d.revision ? `${caseTitle} (revision ${text(d.revision)})` : caseTitle;
        break;
      default:
        summary = caseTitle || text(d.label) || text(d.name) || text(d.email);
    }
    return {
      id: row.id,
      action: row.action,
      actionWords: actionInWords(row.action),
      who,
      triedEmail: !who && d.email ? text(d.email) : "",
      at: row.at,
      ip: row.ip,
      userAgent: row.userAgent,
      browser: shortUserAgent(row.userAgent),
      summary,
    };
  });
  return { entries, page, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), total };
}
