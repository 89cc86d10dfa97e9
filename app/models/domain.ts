// The domain's fixed vocabularies, importable by the browser and by db/schema.ts alike.
export const ROLES = ["owner", "editor", "reviewer", "trainer"] as const;
export type Role = (typeof ROLES)[number];

export const CASE_STATUSES = ["draft", "in_review", "changes_requested", "approved"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CODE_KINDS = ["precondition", "outcome"] as const;
export type CodeKind = (typeof CODE_KINDS)[number];

export const CONDITION_VALUES = ["present", "absent", "unknown"] as const;
export type ConditionValue = (typeof CONDITION_VALUES)[number];

export const THREAD_STATUSES = ["open", "resolved"] as const;

// What the per-case timeline records (case_activity.kind).
export const ACTIVITY_KINDS = [
  "created",
  "saved",
  "fields_edited",
  "tagged",
  "commented",
  "submitted",
  "withdrawn",
  "approved",
  "changes_requested",
  "restored",
  "events_edited",
  "conditions_set",
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

// Interface languages; the first is the fallback for missing translations.
export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];

// A kind of case, not a condition: prisoners in state custody, or an armed group still active (DOMAIN.md).
export const DIALOGUE_TYPES = ["prison", "active_group"] as const;
export type DialogueType = (typeof DIALOGUE_TYPES)[number];

// Entries of the registry of actors and mediators.
export const ACTOR_KINDS = ["person", "armed_group", "government", "organisation", "unspecified"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

// Typed links between cases. "influenced" and "earlier_phase" read from the first case to the second;
// the other two read the same both ways.
export const LINK_KINDS = ["influenced", "same_conflict", "earlier_phase", "contrasting"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_NOTE_MAX = 500;
// What a person is notified of (in the app, and by mail as they choose on the account page).
export const NOTIFICATION_KINDS = ["mentioned", "review_requested", "review_done", "reply"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

// How a kind of notification reaches a person by mail: at once, in a daily digest, or not at all.
export const MAIL_MODES = ["instant", "digest", "off"] as const;
export type MailMode = (typeof MAIL_MODES)[number];
