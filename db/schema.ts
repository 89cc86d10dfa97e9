import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

// Timestamps are stored as integer milliseconds, except sessions.expires_at,
// which Lucia's Drizzle adapter writes in seconds.
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

import {
  ACTIVITY_KINDS,
  ACTOR_KINDS,
  CASE_STATUSES,
  CODE_KINDS,
  CONDITION_VALUES,
  DIALOGUE_TYPES,
  LINK_KINDS,
  LOCALES,
  type Locale,
  type MailMode,
  NOTIFICATION_KINDS,
  type NotificationKind,
  ROLES,
  THREAD_STATUSES,
} from "../app/models/domain";
import type { CaseEvent } from "../app/models/event-fields";

export type {
  ActorKind,
  CaseStatus,
  CodeKind,
  ConditionValue,
  DialogueType,
  LinkKind,
  Locale,
  Role,
} from "../app/models/domain";
export {
  ACTOR_KINDS,
  CASE_STATUSES,
  CODE_KINDS,
  CONDITION_VALUES,
  DIALOGUE_TYPES,
  LINK_KINDS,
  LOCALES,
  NOTIFICATION_KINDS,
  ROLES,
  THREAD_STATUSES,
};

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
  // Interface language chosen by the user; null follows the workspace's default, then the browser's.
  locale: text("locale", { enum: LOCALES }),
  // The workspace "/" opens: the one the person used last (checked against their memberships when read).
  lastWorkspaceId: text("last_workspace_id"),
  // The language the sign-up page was shown in: mail goes out in it while `locale` is null.
  signupLocale: text("signup_locale", { enum: LOCALES }),
  // Set when the person followed a link sent to this address (or a reset or email invite proved it).
  emailVerifiedAt: integer("email_verified_at", { mode: "timestamp_ms" }),
  // Two-factor sign-in (TOTP, RFC 6238): the base32 secret while it is being set up, then in use.
  totpPendingSecret: text("totp_pending_secret"),
  totpSecret: text("totp_secret"),
  totpEnabledAt: integer("totp_enabled_at", { mode: "timestamp_ms" }),
  // The last time step a code was accepted for: a code is never accepted twice.
  totpLastStep: integer("totp_last_step"),
  // Which notifications reach this person by mail: kind → "instant" | "digest" | "off" (missing = default).
  mailPreferences: text("mail_preferences", { mode: "json" })
    .$type<Partial<Record<NotificationKind, MailMode>>>()
    .notNull()
    .default({}),
  // A deleted account keeps its row (cases, revisions and comments point at it) without name or address.
  deletedAt: integer("deleted_at", { mode: "timestamp_ms" }),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    // What the sessions page shows: when and from where the device signed in and was last seen
    // (0 for sessions older than these columns; SQLite cannot add a column defaulting to the clock).
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`0`),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }).notNull().default(sql`0`),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const workspaces = sqliteTable("workspaces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  // The style references are formatted in (app/models/sources/citation-styles.ts).
  citationStyle: text("citation_style").notNull().default("apa"),
  createdAt: createdAt(),
  // Settings (owners): the interface language of members who chose none; approval by a member other than
  // the case's last editor (the policy in permissions.server.ts).
  defaultLocale: text("default_locale", { enum: LOCALES }),
  reviewBySomeoneElse: integer("review_by_someone_else", { mode: "boolean" }).notNull().default(true),
  // Members without two-factor sign-in are sent to set it up before they see any case.
  requireTwoFactor: integer("require_two_factor", { mode: "boolean" }).notNull().default(false),
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
    // Set for an invite sent by mail: its token is made when the mail goes out (mail-queue.server.ts).
    email: text("email"),
  },
  (t) => [index("invites_workspace_idx").on(t.workspaceId)],
);

export const ACCOUNT_TOKEN_PURPOSES = ["reset", "verify"] as const;

/**
 * One-use links sent by mail (password reset, address confirmation). The token is made when the mail
 * goes out and only its hash is kept; until then token_hash and expires_at are null.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").unique(),
    // Where the link leads afterwards (a path of this site), e.g. the invite the person was joining.
    next: text("next").notNull().default(""),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose)],
);

/** Ten one-use codes that replace the authenticator app once each; only their hashes are kept. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull().unique(),
    createdAt: createdAt(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const MAIL_STATUSES = ["queued", "sent", "failed", "cancelled"] as const;

/**
 * Mail waiting to go out, and what became of it. A row holds what the message is about (ids), never its
 * text or a link's token: the message is written in the recipient's language when it is sent, with what
 * they may read then (mail-queue.server.ts). Owners see their workspace's rows (sent / failed and why).
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull(),
    recipient: text("recipient").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    workspaceId: text("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: MAIL_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull(),
    // A catalogue message (msg()) saying why the last attempt failed or why the mail was not sent.
    lastError: text("last_error").notNull().default(""),
    subject: text("subject").notNull().default(""),
    // The address a request for this mail came from (password resets are throttled by it).
    requestIp: text("request_ip").notNull().default(""),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("mail_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_outbox_workspace_idx").on(t.workspaceId, t.createdAt),
    index("mail_outbox_recipient_idx").on(t.recipient, t.kind, t.createdAt),
    index("mail_outbox_ip_idx").on(t.requestIp, t.kind, t.createdAt),
  ],
);

// Failed guesses (wrong passwords), counted by app/utils/throttle.server.ts. `kind` says what was guessed;
// `device` is the trusted device the guess came from (trusted_devices.token_hash), null for any other.
export const signInAttempts = sqliteTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind").notNull().default("password"),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    device: text("device"),
    at: integer("at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    index("sign_in_attempts_email_idx").on(t.email, t.at),
    index("sign_in_attempts_ip_idx").on(t.ip, t.at),
    index("sign_in_attempts_pair_idx").on(t.email, t.ip, t.at),
    index("sign_in_attempts_device_idx").on(t.device, t.at),
  ],
);

// Browsers someone signed in with (a random token in a cookie, only its hash stored): their wrong
// passwords are counted apart, so guesses from elsewhere never lock the person out (throttle.server.ts).
export const trustedDevices = sqliteTable(
  "trusted_devices",
  {
    tokenHash: text("token_hash").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenHash, t.userId] }), index("trusted_devices_user_idx").on(t.userId)],
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
    // Prison dialogue or negotiation with an active group; null = not stated.
    dialogueType: text("dialogue_type", { enum: DIALOGUE_TYPES }),
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

/**
 * The dated events of a case's current draft (app/models/event-fields.ts), all in one list. Each revision
 * keeps the list in its fields snapshot (fields.events): a trigger copies it there when a revision is
 * written without it (migrations, custom SQL), so every write path versions the events (ADR 0013). Kept
 * out of `cases` so that reading them never walks the body's overflow pages.
 */
export const caseEvents = sqliteTable("case_events", {
  caseId: text("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  events: text("events", { mode: "json" }).$type<CaseEvent[]>().notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

/**
 * The last change to each case, in commit order: what in-memory data derived from a workspace's cases (the
 * library's list, the matrix's stated values) reads to patch itself case by case instead of rebuilding
 * (models/derived-cache.server.ts). Written only by triggers (migration 0018), on every write to a case and
 * to the rows it owns (passages, conditions, events); `case_id` '' marks a change to the whole workspace
 * (sources, codes, a person's name). One row per case: a newer change replaces the older.
 */
export const caseMarks = sqliteTable(
  "case_marks",
  {
    workspaceId: text("workspace_id").notNull(),
    caseId: text("case_id").notNull(),
    seq: integer("seq").notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.caseId] }), uniqueIndex("case_marks_seq_idx").on(t.seq)],
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
    // Imported from a workspace file: the author the file names (shown as the file's claim, not as fact).
    claimedAuthor: text("claimed_author"),
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
    // The definition of the code (shown as "Definition").
    description: text("description").notNull().default(""),
    // The description in other interface languages, like labelTranslations; falls back to description.
    descriptionTranslations: text("description_translations", { mode: "json" })
      .$type<Partial<Record<Locale, string>>>()
      .notNull()
      .default({}),
    color: text("color").notNull(),
    parentId: text("parent_id"),
    createdAt: createdAt(),
    // ASCII name for CSV columns and formulas (DISTANCED, TRUCE): unique in the workspace, same in every
    // language. Null only until the start-up data step fills it (db/data-migrations.ts).
    shortName: text("short_name"),
    // Coding guidance: when to code the condition present, when absent (not the same as "no evidence").
    whenPresent: text("when_present").notNull().default(""),
    whenAbsent: text("when_absent").notNull().default(""),
    notes: text("notes").notNull().default(""),
    // An example passage: a case and the quoted text tagged with this code there (checked when shown: the
    // case may have been edited or deleted since, so no foreign key).
    exampleCaseId: text("example_case_id"),
    exampleQuote: text("example_quote").notNull().default(""),
  },
  (t) => [
    index("codes_workspace_idx").on(t.workspaceId),
    uniqueIndex("codes_short_name_idx").on(t.workspaceId, t.shortName),
  ],
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
  // The case's language (BCP 47): the stemmer of its words in the index's stem columns (ADR 0004).
  language: text("language").notNull().default("en"),
});

// Comments as the search index knows them: an integer id for the FTS5 table `comment_search` (comments'
// own ids are text). Kept by triggers (migrations/0015_search_index_words.sql) like case_search_docs.
export const commentSearchDocs = sqliteTable("comment_search_docs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  commentId: text("comment_id")
    .notNull()
    .unique()
    .references(() => comments.id, { onDelete: "cascade" }),
});

/**
 * Spellings that search treats as one (Qaeda / Qaida, ag Ghali / ag Ghaly), kept by a workspace's owners
 * (origin "list"). Other origins may feed groups later (the actors registry's aliases, with origin_id the
 * entry's id); search reads every group of the workspace alike.
 */
export const spellingVariantGroups = sqliteTable(
  "spelling_variant_groups",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    origin: text("origin").notNull().default("list"),
    originId: text("origin_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("spelling_variant_groups_workspace_idx").on(t.workspaceId, t.origin)],
);

export const spellingVariants = sqliteTable(
  "spelling_variants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: text("group_id")
      .notNull()
      .references(() => spellingVariantGroups.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // As written, and as search compares it (folded words joined by a space).
    spelling: text("spelling").notNull(),
    key: text("key").notNull(),
  },
  (t) => [
    index("spelling_variants_workspace_idx").on(t.workspaceId, t.key),
    index("spelling_variants_group_idx").on(t.groupId),
  ],
);

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
    // A thread on a dated event of the case (its id in cases.events) instead of a passage of the text.
    eventId: text("event_id"),
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
    // Imported from a workspace file: the author the file names (shown as the file's claim, not as fact).
    claimedAuthor: text("claimed_author"),
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
    // Waiting for the recipient's daily digest (set by notify(), cleared when the digest is queued).
    digestPending: integer("digest_pending", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.readAt),
    index("notifications_digest_idx").on(t.digestPending, t.userId),
  ],
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
 * The registry of actors and mediators: people, armed groups, governments, organisations. Cases and events
 * name them in their own words; a name resolves to an entry through actor_names (app/models/actors.server.ts).
 */
export const actors = sqliteTable(
  "actors",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: ACTOR_KINDS }).notNull().default("unspecified"),
    description: text("description").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("actors_workspace_idx").on(t.workspaceId)],
);

/** Every name of an entry (its own name among them): spellings, transliterations, forms in other languages. */
export const actorNames = sqliteTable(
  "actor_names",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: text("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    // The name folded (case, accents, spacing, apostrophes): one entry per folded name in a workspace.
    key: text("key").notNull(),
    // BCP 47 tag of the name's language ("ar", "fr"), "" when not said.
    language: text("language").notNull().default(""),
  },
  (t) => [
    uniqueIndex("actor_names_key_idx").on(t.workspaceId, t.key),
    index("actor_names_actor_idx").on(t.actorId),
  ],
);

/** An entry's place in a group or government over time (ag Ghali: Ansar al-Din in 2012, JNIM later). */
export const actorAffiliations = sqliteTable(
  "actor_affiliations",
  {
    id: text("id").primaryKey(),
    actorId: text("actor_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    groupId: text("group_id")
      .notNull()
      .references(() => actors.id, { onDelete: "cascade" }),
    role: text("role").notNull().default(""),
    startYear: integer("start_year"),
    startCirca: integer("start_circa", { mode: "boolean" }).notNull().default(false),
    endYear: integer("end_year"),
    endCirca: integer("end_circa", { mode: "boolean" }).notNull().default(false),
    // The period as the source words it ("at the time of the article"), beside or instead of years.
    wording: text("wording").notNull().default(""),
    sourceId: text("source_id").references(() => sources.id, { onDelete: "set null" }),
    locator: text("locator").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("actor_affiliations_actor_idx").on(t.actorId),
    index("actor_affiliations_group_idx").on(t.groupId),
  ],
);

/** A typed link from one case to another of the same workspace (app/models/case-links.server.ts). */
export const caseLinks = sqliteTable(
  "case_links",
  {
    id: text("id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    fromCaseId: text("from_case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    toCaseId: text("to_case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: LINK_KINDS }).notNull(),
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("case_links_from_idx").on(t.fromCaseId),
    index("case_links_to_idx").on(t.toCaseId),
    index("case_links_workspace_idx").on(t.workspaceId),
  ],
);

/**
 * Whole-workspace exports being made or ready to download (models/exports.server.ts). In the database, not
 * in memory, so that any server process can report progress and hand over the file (ADR 0017); the
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
