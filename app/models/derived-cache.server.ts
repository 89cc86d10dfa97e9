// Data derived from many rows (the library's list of a workspace, its codes and sources) kept in memory
// until the database changes. "Changes" is judged by SQLite itself, not by each write path remembering to
// say so: total_changes() counts every row this connection has written, PRAGMA data_version moves when
// another connection (a backup restore, a script, a second process) commits. Either moving drops every
// entry, so a reader never gets data older than the last write, whoever made it.
import { type Code, listCodes } from "~/models/codes.server";
import { listSources, type SourceSummary } from "~/models/sources.server";
import { databaseGeneration } from "~/utils/db.server";
import { type LocalizedMember, type Member, requirePermission } from "~/utils/permissions.server";

const MAX_ENTRIES = 32;

const entries = new Map<string, unknown>();
let currentState: string | null = null;

/**
 * `compute()` once per database state for this key. The value is shared between requests: callers treat
 * it as read-only. Keys must hold everything the value depends on besides the data (workspace, what the
 * reader may see).
 */
export function cachedDerived<T>(key: string, compute: () => T): T {
  const state = databaseGeneration();
  if (state === null) return compute();
  // The state only moves forward: whatever was kept for an earlier one can never be used again.
  if (state !== currentState) {
    entries.clear();
    currentState = state;
  }
  if (entries.has(key)) {
    const hit = entries.get(key) as T;
    // Most recently used last, so the oldest entry is the one dropped when the cache is full.
    entries.delete(key);
    entries.set(key, hit);
    return hit;
  }
  const value = compute();
  entries.set(key, value);
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return value;
}

/** The workspace's codebook (listCodes) in the reader's language, kept until the database changes. Read-only. */
export function cachedCodes(member: LocalizedMember): Code[] {
  requirePermission(member, "workspace.read");
  return cachedDerived(`codes:${member.workspaceId}:${member.locale ?? ""}`, () => listCodes(member));
}

/** The workspace's sources library (listSources), kept until the database changes. Read-only. */
export function cachedSources(member: Member): SourceSummary[] {
  requirePermission(member, "workspace.read");
  return cachedDerived(`sources:${member.workspaceId}`, () => listSources(member));
}
