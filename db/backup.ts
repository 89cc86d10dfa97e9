// Backups and restores of the SQLite file through SQLite's online backup API, shared by
// scripts/backup.ts and scripts/restore.ts.
import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { migrationStatus } from "./migrate";

/** "20261126-005800" in UTC: sorts by time and never depends on the server's time zone. */
export function backupTimestamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}-` +
    `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}`
  );
}

/** A free name in `dir` for a backup taken now (a second backup in the same second gets "-2"). */
export function backupFileName(dir: string, date = new Date()): string {
  const base = `casebook-${backupTimestamp(date)}`;
  let file = join(dir, `${base}.db`);
  for (let n = 2; existsSync(file); n++) file = join(dir, `${base}-${n}.db`);
  return file;
}

export function integrityCheck(sqlite: Database.Database): string {
  const rows = sqlite.pragma("integrity_check") as { integrity_check: string }[];
  return rows.map((row) => row.integrity_check).join("; ");
}

/**
 * Copies a live database to `destination` as one consistent snapshot: writers keep going (WAL), and the
 * copy never holds a half-written save. The copy is turned into a single self-contained file (no -wal).
 */
export async function copyDatabase(source: string, destination: string): Promise<{ integrity: string }> {
  const from = new Database(source, { readonly: true, fileMustExist: true });
  from.pragma("busy_timeout = 5000");
  try {
    // After the first step, copy all remaining pages at once: small steps would restart every time the
    // server writes in between, and one step is one read snapshot.
    await from.backup(destination, { progress: ({ remainingPages }) => Math.max(remainingPages, 100) });
  } finally {
    from.close();
  }
  const copy = new Database(destination);
  try {
    copy.pragma("journal_mode = DELETE");
    return { integrity: integrityCheck(copy) };
  } finally {
    copy.close();
  }
}

export type CasebookDatabaseInfo = {
  migrations: { applied: number; expected: number };
  workspaces: number;
  cases: number;
  revisions: number;
  lastSave: Date | null;
};

/** Refuses what is not a database of this app (or a damaged one), and says what it holds. */
export function describeCasebookDatabase(path: string): CasebookDatabaseInfo {
  if (!existsSync(path) || !statSync(path).isFile()) throw new Error(`There is no file at ${path}.`);
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  try {
    let tables: Set<string>;
    try {
      tables = new Set(
        (
          sqlite.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
        ).map((row) => row.name),
      );
    } catch {
      throw new Error(`${path} is not a SQLite database.`);
    }
    if (!tables.has("__drizzle_migrations") || !tables.has("cases")) {
      throw new Error(`${path} is a SQLite database, but not one of Mediation Casebook.`);
    }
    const integrity = integrityCheck(sqlite);
    if (integrity !== "ok") throw new Error(`${path} is damaged (integrity check: ${integrity}).`);
    const count = (table: string) =>
      (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const last = sqlite.prepare("select max(updated_at) as at from cases").get() as { at: number | null };
    return {
      migrations: migrationStatus(sqlite),
      workspaces: count("workspaces"),
      cases: count("cases"),
      revisions: count("case_revisions"),
      lastSave: last.at === null ? null : new Date(last.at),
    };
  } finally {
    sqlite.close();
  }
}

/**
 * Processes (other than this one) that hold the database or its -wal/-shm open: a running server does.
 * Linux only (/proc); elsewhere the answer is an empty list and the person's word is all we have.
 */
export function processesUsingDatabase(path: string): { pid: number; command: string }[] {
  const targets = new Set([path, `${path}-wal`, `${path}-shm`].map((file) => resolve(file)));
  const found: { pid: number; command: string }[] = [];
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return found;
  }
  for (const entry of entries) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    const holds = fds.some((fd) => {
      try {
        return targets.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    let command = "";
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").join(" ").trim();
    } catch {
      command = "";
    }
    found.push({ pid, command });
  }
  return found;
}
