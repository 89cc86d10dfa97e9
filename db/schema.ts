import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Timestamps are stored as integer milliseconds, except sessions.expires_at,
// which Lucia's Drizzle adapter writes in seconds.
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

import {
  ACTIVITY_KINDS,
  CASE_STATUSES,
  CODE_KINDS,
  CONDITION_VALUES,
  LOCALES,
  type Locale,
  ROLES,
  THREAD_STATUSES,
} from "../app/models/domain";

export type { CaseStatus, CodeKind, ConditionValue, Locale, Role } from "../app/models/domain";
export { CASE_STATUSES, CODE_KINDS, CONDITION_VALUES, LOCALES, ROLES, THREAD_STATUSES };

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
  // Interface language chosen by the user; null follows the browser's Accept-Language.
  locale: text("locale", { enum: LOCALES }),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  // The style references are formatted in (app/models/sources/citation-styles.ts).
  citationStyle: text("citation_style").notNull().default("apa"),
  createdAt: createdAt(),
});

export const memberships = sqliteTable(
  "memberships",
  {
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invites = sqliteTable(
  "invites",
  {
    id: text("id").primaryKey(),
    // Only a hash of the token is stored: a leaked database does not hand out live invite links.
    tokenHash: text("token_hash").notNull().unique(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    acceptedBy: text("accepted_by").references(() => users.id),
    acceptedAt: integer("accepted_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("invites_workspace_idx").on(t.workspaceId)],
);

export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at),
    index("sign_in_attempts_ip_idx").on(t.ip, t.at),
  ],
);

export const cases = sqliteTable(
  "cases",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    regions: text("regions", { mode: "json" }).$type<string[]>().notNull(),
    periodStart: integer("period_start"),
    periodStartCirca: integer("period_start_circa", { mode: "boolean" }).notNull().default(false),
    periodEnd: integer("period_end"),
    periodEndCirca: integer("period_end_circa", { mode: "boolean" }).notNull().default(false),
    actors: text("actors", { mode: "json" }).$type<string[]>().notNull(),
    mediators: text("mediators", { mode: "json" }).$type<string[]>().notNull(),
    summary: text("summary").notNull().default(""),
    status: text("status", { enum: CASE_STATUSES }).notNull().default("draft"),
    // The revision number readers without draft access see (trainers); null until first approval.
    approvedRevision: integer("approved_revision"),
    // Tiptap JSON of the current draft; plain text is derived from it on every save.
    body: text("body", { mode: "json" }).$type<unknown>().notNull(),
    bodyText: text("body_text").notNull().default(""),
    revision: integer("revision").notNull().default(1),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    updatedBy: text("updated_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
    deletedBy: text("deleted_by").references(() => users.id),
    // BCP 47 tag of the language the case is written in (passages in other scripts still carry dir="auto").
    language: text("language").notNull().default("en"),
    // Confidential cases are visible only to owners and the members listed in case_access.
    confidential: integer("confidential", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("cases_workspace_idx").on(t.workspaceId, t.deletedAt, t.updatedAt),
    // The list columns stored after the (large) body: reading them from this index avoids walking
    // each row's overflow pages when the library is built.
    index("cases_list_idx").on(
      t.workspaceId,
      t.deletedAt,
      t.confidential,
      t.revision,
      t.approvedRevision,
      t.updatedAt,
      t.createdBy,
      t.language,
    ),
  ],
);

// Members allowed to read a confidential case (owners always can).
export const caseAccess = sqliteTable(
  "case_access",
  {
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedBy: text("added_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.userId] }), index("case_access_user_idx").on(t.userId)],
);

// Yjs state of a case body for real-time co-editing; seeded once from cases.body.
export const caseDocuments = sqliteTable("case_documents", {
  caseId: text("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  state: blob("state", { mode: "buffer" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

export const caseRevisions = sqliteTable(
  "case_revisions",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    baseNumber: integer("base_number"),
    body: text("body", { mode: "json" }).$type<unknown>().notNull(),
    // Snapshot of the structured fields at this revision.
    fields: text("fields", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    note: text("note").notNull().default(""),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("case_revisions_number_idx").on(t.caseId, t.number)],
);

export const codes = sqliteTable(
  "codes",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: CODE_KINDS }).notNull(),
    label: text("label").notNull(),
    // The label in other interface languages, e.g. { "fr": "Médiateur crédible" }; falls back to label.
    labelTranslations: text("label_translations", { mode: "json" })
      .$type<Partial<Record<Locale, string>>>()
      .notNull()
      .default({}),
    description: text("description").notNull().default(""),
    color: text("color").notNull(),
    parentId: text("parent_id"),
    createdAt: createdAt(),
  },
  (t) => [index("codes_workspace_idx").on(t.workspaceId)],
);

export const sources = sqliteTable(
  "sources",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // The CSL-JSON item as stored; title is copied out for listing and search.
    csl: text("csl", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    title: text("title").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sources_workspace_idx").on(t.workspaceId)],
);

// Derived from case bodies on every save (see app/editor/derive.ts); never edited directly.
export const passages = sqliteTable(
  "passages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    codeId: text("code_id")
      .notNull()
      .references(() => codes.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    section: text("section").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("passages_case_idx").on(t.caseId), index("passages_code_idx").on(t.codeId)],
);

export const citations = sqliteTable(
  "citations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    sourceId: text("source_id")
      .notNull()
      .references(() => sources.id),
    locator: text("locator").notNull().default(""),
    text: text("text").notNull(),
    section: text("section").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("citations_case_idx").on(t.caseId), index("citations_source_idx").on(t.sourceId)],
);

export const caseConditions = sqliteTable(
  "case_conditions",
  {
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    codeId: text("code_id")
      .notNull()
      .references(() => codes.id, { onDelete: "cascade" }),
    value: text("value", { enum: CONDITION_VALUES }).notNull(),
    note: text("note").notNull().default(""),
    setBy: text("set_by").references(() => users.id),
    setAt: integer("set_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.codeId] }), index("case_conditions_code_idx").on(t.codeId)],
);

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    workspaceId: text("workspace_id"),
    userId: text("user_id"),
    action: text("action").notNull(),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("audit_log_workspace_idx").on(t.workspaceId, t.at)],
);

// The text that full-text search indexes, one row per case. Kept in step with cases, citations and
// sources by SQLite triggers (migrations/0001_search.sql), so every write path updates it in its own
// transaction; the FTS5 table `case_search` uses it as external content.
export const caseSearchDocs = sqliteTable("case_search_docs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  caseId: text("case_id")
    .notNull()
    .unique()
    .references(() => cases.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  fields: text("fields").notNull(),
  body: text("body").notNull(),
  sources: text("sources").notNull(),
});

export const COMPARISON_VIEWS = ["side", "matrix"] as const;

/** A trainer's saved selection of cases and codes, shared by link with the workspace. */
export const comparisonSets = sqliteTable(
  "comparison_sets",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    view: text("view", { enum: COMPARISON_VIEWS }).notNull(),
    caseIds: text("case_ids", { mode: "json" }).$type<string[]>().notNull(),
    codeIds: text("code_ids", { mode: "json" }).$type<string[]>().notNull(),
    outcomeId: text("outcome_id"),
    // The rest of the view (filters, selected preconditions, scroll mode): what reopening needs.
    settings: text("settings", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("comparison_sets_workspace_idx").on(t.workspaceId)],
);

/**
 * A comment thread on a passage. The anchor follows the W3C Web Annotation selectors (TextQuote with
 * prefix/suffix + TextPosition hint) over the case's anchor text (app/models/anchors.ts); it is re-anchored
 * when the case is shown, so commenting never changes the case body (ADR 0005).
 */
export const threads = sqliteTable(
  "threads",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    anchor: text("anchor", { mode: "json" })
      .$type<{
        exact: string;
        prefix: string;
        suffix: string;
        start: number;
        end: number;
        section?: string;
      }>()
      .notNull(),
    // The revision the thread was made on, to explain a "passage removed" thread.
    revision: integer("revision").notNull(),
    status: text("status", { enum: THREAD_STATUSES }).notNull().default("open"),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    resolvedBy: text("resolved_by").references(() => users.id),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("threads_case_idx").on(t.caseId), index("threads_workspace_idx").on(t.workspaceId)],
);

export const comments = sqliteTable(
  "comments",
  {
    id: text("id").primaryKey(),
    threadId: text("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id),
    // Plain text (links are recognised when shown); never HTML.
    body: text("body").notNull(),
    createdAt: createdAt(),
    editedAt: integer("edited_at", { mode: "timestamp_ms" }),
    deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("comments_thread_idx").on(t.threadId)],
);

export const commentMentions = sqliteTable(
  "comment_mentions",
  {
    commentId: text("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.commentId, t.userId] }), index("comment_mentions_user_idx").on(t.userId)],
);

export const REVIEW_DECISIONS = ["approved", "changes_requested", "withdrawn"] as const;

/** One submission of a case for review: who submitted which revision, to whom, and what was decided. */
export const caseReviews = sqliteTable(
  "case_reviews",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    submittedBy: text("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
    reviewerIds: text("reviewer_ids", { mode: "json" }).$type<string[]>().notNull(),
    message: text("message").notNull().default(""),
    decision: text("decision", { enum: REVIEW_DECISIONS }),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    note: text("note").notNull().default(""),
  },
  (t) => [index("case_reviews_case_idx").on(t.caseId)],
);

export const NOTIFICATION_KINDS = ["mentioned", "review_requested", "review_done", "reply"] as const;

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    caseId: text("case_id").references(() => cases.id, { onDelete: "cascade" }),
    threadId: text("thread_id").references(() => threads.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt)],
);

/** The per-case timeline shown to members (the audit log is the owners' security record). */
export const caseActivity = sqliteTable(
  "case_activity",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    caseId: text("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    actorId: text("actor_id").references(() => users.id),
    kind: text("kind", { enum: ACTIVITY_KINDS }).notNull(),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("case_activity_case_idx").on(t.caseId, t.at)],
);

/**
 * Whole-workspace exports being made or ready to download (models/exports.server.ts). In the database, not
 * in memory, so that any server process can report progress and hand over the file (ADR 0013); the
 * process making one beats `heartbeat_at`, and a running job whose heartbeat stopped was interrupted.
 */
export const exportJobs = sqliteTable(
  "export_jobs",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: ["running", "done", "failed"] }).notNull(),
    done: integer("done").notNull().default(0),
    total: integer("total").notNull().default(0),
    /** Where the file is, under data/exports/. */
    file: text("file").notNull(),
    filename: text("filename").notNull(),
    bytes: integer("bytes").notNull().default(0),
    /** A catalogue message (msg), shown in the reader's language. */
    error: text("error"),
    redacted: integer("redacted", { mode: "boolean" }).notNull().default(false),
    startedAt: integer("started_at", { mode: "timestamp_ms" }).notNull(),
    finishedAt: integer("finished_at", { mode: "timestamp_ms" }),
    heartbeatAt: integer("heartbeat_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("export_jobs_member_idx").on(t.workspaceId, t.userId, t.startedAt)],
);
