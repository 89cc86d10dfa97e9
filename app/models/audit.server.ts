import { and, count, desc, eq, gte, inArray, isNull, like, lt, or, type SQL, sql } from "drizzle-orm";
import { parseIsoDay } from "~/rules/dates";
import { db } from "~/utils/db.server";
import { type MessageKey, msg } from "~/utils/messages";
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
  "sign-ins": {
    label: "audit.kinds.signIns" as MessageKey,
    where: () => eq(auditLog.action, "user.signed_in"),
  },
  "failed-sign-ins": {
    label: "audit.kinds.failedSignIns" as MessageKey,
    where: () => inArray(auditLog.action, ["user.sign_in_failed", "user.sign_in_throttled"]),
  },
  members: {
    label: "audit.kinds.members" as MessageKey,
    where: () =>
      inArray(auditLog.action, ["member.role_changed", "member.removed", "member.left", "invite.accepted"]),
  },
  invites: { label: "audit.kinds.invites" as MessageKey, where: () => like(auditLog.action, "invite.%") },
  deletions: {
    label: "audit.kinds.deletions" as MessageKey,
    where: () =>
      or(
        like(auditLog.action, "%.deleted"),
        like(auditLog.action, "%.trashed"),
        eq(auditLog.action, "member.removed"),
      ),
  },
  exports: { label: "audit.kinds.exports" as MessageKey, where: () => like(auditLog.action, "%.exported") },
  reviews: {
    label: "audit.kinds.reviews" as MessageKey,
    where: () =>
      inArray(auditLog.action, [
        "case.submitted",
        "case.approved",
        "case.changes_requested",
        "case.review_withdrawn",
      ]),
  },
  cases: { label: "audit.kinds.cases" as MessageKey, where: () => like(auditLog.action, "case.%") },
  library: {
    label: "audit.kinds.library" as MessageKey,
    where: () =>
      or(
        like(auditLog.action, "code.%"),
        like(auditLog.action, "source%"),
        like(auditLog.action, "comparison_set.%"),
      ),
  },
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;

// The words of each recorded action: catalogue keys (locales/*/audit.ts), translated by the audit page.
const ACTIONS = [
  "user.signed_in",
  "user.sign_in_failed",
  "user.sign_in_throttled",
  "user.password_changed",
  "user.signed_up",
  "workspace.created",
  "workspace.citation_style_set",
  "member.role_changed",
  "member.removed",
  "invite.created",
  "invite.revoked",
  "invite.accepted",
  "case.created",
  "case.imported",
  "case.trashed",
  "case.restored",
  "case.revision_restored",
  "case.conditions_saved",
  "case.submitted",
  "case.approved",
  "case.changes_requested",
  "case.review_withdrawn",
  "case.confidential_set",
  "case.confidential_lifted",
  "case.confidential_opened",
  "code.created",
  "code.updated",
  "code.merged",
  "code.deleted",
  "code.starter_added",
  "spelling_variants.saved",
  "spelling_variants.deleted",
  "source.updated",
  "source.deleted",
  "sources.imported",
  "sources.exported",
  "matrix.exported",
  "comparison_set.created",
  "comparison_set.renamed",
  "comparison_set.deleted",
  "case.exported",
  "workspace.exported",
  "workspace.imported",
  "workspace.settings_changed",
  "user.password_reset",
  "user.email_verified",
  "user.sign_up_existing",
  "user.two_factor_enabled",
  "user.two_factor_disabled",
  "user.recovery_codes_renewed",
  "user.session_ended",
  "user.other_sessions_ended",
  "user.deleted",
  "member.left",
  "member.exported",
  "workspace.two_factor_required",
  "workspace.two_factor_not_required",
  "workspace.deleted",
] as const;

/** The catalogue key of an action ("user.signed_in" → "audit.actions.userSignedIn"), or the action itself. */
export function actionInWords(action: string): string {
  if (!(ACTIONS as readonly string[]).includes(action))
    return msg("audit.summary.text", { text: action.replace(/[._]/g, " ") });
  const name = action.replace(/[._]([a-z])/g, (_, letter: string) => letter.toUpperCase());
  return msg(`audit.actions.${name}` as MessageKey);
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
  if (browser && system) return msg("audit.browserOn", { browser, system });
  if (browser) return msg("audit.summary.text", { text: browser });
  return msg("audit.summary.text", {
    text: userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent,
  });
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
    "user.password_reset",
    "user.two_factor_enabled",
    "user.two_factor_disabled",
    "user.recovery_codes_renewed",
    "user.session_ended",
    "user.other_sessions_ended",
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
  const start = options.date ? parseIsoDay(options.date) : null;
  if (start) day = and(gte(auditLog.at, start), lt(auditLog.at, new Date(start.getTime() + 86_400_000)));
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
    // Summaries are messages (keys + values) the page translates; names and titles stay as they were typed.
    // Values named *Role are role names, translated too.
    const target = people.get(text(d.target));
    const caseTitle = text(d.title) || caseTitles.get(text(d.caseId)) || "";
    const plain = (value: string) => (value ? msg("audit.summary.text", { text: value }) : "");
    let summary = "";
    switch (row.action) {
      case "user.sign_in_failed":
      case "user.sign_in_throttled":
        summary = !d.email
          ? ""
          : d.step === "code"
            ? msg("audit.summary.asCodeStep", { email: text(d.email) })
            : msg("audit.summary.as", { email: text(d.email) });
        break;
      case "user.signed_in":
        summary =
          d.with === "recovery code"
            ? msg("audit.summary.withRecoveryCode")
            : d.with === "app"
              ? msg("audit.summary.withApp")
              : "";
        break;
      case "member.role_changed":
        summary = target
          ? msg("audit.summary.roleChanged", {
              name: target.name,
              email: target.email,
              fromRole: text(d.from),
              toRole: text(d.to),
            })
          : msg("audit.summary.roleChangedFormer", { fromRole: text(d.from), toRole: text(d.to) });
        break;
      case "member.removed":
      case "member.exported":
        summary = target
          ? msg("audit.summary.person", { name: target.name, email: target.email })
          : msg("audit.summary.formerMember");
        break;
      case "invite.created":
      case "invite.accepted":
        summary = d.role ? msg("audit.summary.asRole", { role: text(d.role) }) : "";
        break;
      case "code.merged":
        summary = msg("audit.summary.merged", { label: text(d.label), target: text(d.targetLabel) });
        break;
      case "code.updated":
        summary =
          d.previousLabel && d.previousLabel !== d.label
            ? msg("audit.summary.renamed", { from: text(d.previousLabel), to: text(d.label) })
            : plain(text(d.label));
        break;
      case "sources.exported":
        summary = msg("audit.summary.sourcesExported", {
          format: text(d.format),
          count: Number(d.count) || 0,
        });
        break;
      case "sources.imported":
        summary = msg("audit.summary.sourcesImported", {
          imported: Number(d.imported) || 0,
          skipped: Number(d.skipped) || 0,
        });
        break;
      case "matrix.exported":
        summary = msg("audit.summary.matrixExported", {
          format: text(d.format),
          cases: Number(d.cases) || 0,
          codes: Number(d.codes) || 0,
        });
        break;
      case "workspace.settings_changed":
        if (d.from) summary = msg("audit.summary.renamed", { from: text(d.from), to: text(d.to) });
        break;
      case "comparison_set.renamed":
        summary = msg("audit.summary.renamed", { from: text(d.from), to: text(d.to) });
        break;
      case "case.revision_restored":
        summary = msg("audit.summary.revisionRestored", {
          title: caseTitle,
          from: text(d.from),
          revision: text(d.revision),
        });
        break;
      case "case.submitted":
      case "case.approved":
      case "case.changes_requested":
        summary = d.revision
          ? msg("audit.summary.titleRevision", { title: caseTitle, revision: text(d.revision) })
          : plain(caseTitle);
        break;
      default:
        summary = plain(caseTitle || text(d.label) || text(d.name) || text(d.email));
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
