// Data derived from many rows (the library's list of a workspace, its codes and sources) kept in memory
// until the database changes. "Changes" is judged by SQLite itself, not by each write path remembering to
// say so: total_changes() counts every row this connection has written, PRAGMA data_version moves when
// another connection (a backup restore, a script, a second process) commits. Either moving drops every
// entry, so a reader never gets data older than the last write, whoever made it. Values that cost a pass
// over every case are kept instead and patched for the cases written (maintainedDerived, ADR 0018).
import { actorNameMap } from "~/models/actor-registry.server";
import { type Code, listCodes } from "~/models/codes.server";
import { listSources, type SourceSummary } from "~/models/sources.server";
import { databaseGeneration, db, sqlite } from "~/utils/db.server";
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

/** What a maintained entry holds: the value, the database state it was checked at, the last mark it has. */
type Maintained = { value: unknown; state: string; seq: number };

const maintained = new Map<string, Maintained>();
// Above this many changed cases a rebuild is cheaper than patching case by case.
const MAX_PATCHED_CASES = 200;

let markStatements: {
  head: () => number;
  since: (seq: number) => Array<{ workspaceId: string; caseId: string; seq: number }>;
} | null = null;

function marks() {
  if (!markStatements) {
    const head = sqlite.prepare("SELECT coalesce(max(seq), 0) FROM case_marks").pluck();
    const since = sqlite.prepare(
      "SELECT workspace_id AS workspaceId, case_id AS caseId, seq FROM case_marks WHERE seq > ? ORDER BY seq",
    );
    markStatements = {
      head: () => head.get() as number,
      since: (seq) => since.all(seq) as Array<{ workspaceId: string; caseId: string; seq: number }>,
    };
  }
  return markStatements;
}

/**
 * Like cachedDerived, for data derived from a workspace's cases that is costly to build (a pass over every
 * case) but cheap to correct for one case: after a write, `patch(old, caseIds)` gets the cases marked since
 * the value was made (case_marks, written by triggers in the writing transaction, whichever process wrote),
 * and returns a corrected value. A change to the whole workspace (sources, codes, a person's name), or
 * more than MAX_PATCHED_CASES cases, rebuilds. A write elsewhere (another workspace, rows the value does not
 * read) keeps the value as it is. `patch` must not change `old`: readers may still hold it.
 */
export function maintainedDerived<T>(
  key: string,
  workspaceId: string,
  build: () => T,
  patch: (old: T, caseIds: string[]) => T,
): T {
  const state = databaseGeneration();
  if (state === null) return build();
  const entry = maintained.get(key);
  let value: T;
  let seq: number;
  if (entry && entry.state === state) {
    value = entry.value as T;
    seq = entry.seq;
  } else if (entry) {
    // One statement: the marks and the new high-water mark come from the same snapshot of the database, so
    // no mark committed in between can be skipped. Rows read after it may be newer still: patched again later.
    const rows = marks().since(entry.seq);
    seq = rows.length ? rows[rows.length - 1].seq : entry.seq;
    const changed = [
      ...new Set(rows.filter((row) => row.workspaceId === workspaceId).map((row) => row.caseId)),
    ];
    if (changed.length === 0) value = entry.value as T;
    else if (changed.includes("") || changed.length > MAX_PATCHED_CASES) value = build();
    else value = patch(entry.value as T, changed);
  } else {
    // The mark is read before the rows: a write in between is patched in on the next read.
    seq = marks().head();
    value = build();
  }
  maintained.delete(key);
  maintained.set(key, { value, state, seq });
  if (maintained.size > MAX_ENTRIES) maintained.delete(maintained.keys().next().value as string);
  return value;
}

/** Drops every maintained value, so the next read builds it whole: for tests that compare the two. */
export function forgetMaintained() {
  maintained.clear();
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

/**
 * Folded name → registry entry of the workspace (actor-registry.server.ts), kept until the database changes.
 * Read-only; says nothing of who may see an entry (actors.server.ts decides that).
 */
export function cachedActorNames(member: Member): ReadonlyMap<string, string> {
  requirePermission(member, "workspace.read");
  return cachedDerived(`actor-names:${member.workspaceId}`, () => actorNameMap(db, member.workspaceId));
}
