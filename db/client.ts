import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { type BetterSQLite3Database, drizzle } from "drizzle-orm/better-sqlite3";
import { stemText } from "../app/models/search/words";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema>;

export function databasePath(): string {
  const url = process.env.DATABASE_URL || "data/casebook.db";
  return resolve(url.replace(/^file:/, ""));
}

/**
 * In WAL mode a commit is written to the -wal file before the save is acknowledged, so NORMAL loses nothing
 * when the process is killed; it only skips the fsync, so a power cut or OS crash may drop the last commits
 * (the database stays consistent). FULL also fsyncs every commit: slower saves, nothing lost on power loss.
 */
export function synchronousMode(): "NORMAL" | "FULL" {
  const value = (process.env.SQLITE_SYNCHRONOUS || "NORMAL").toUpperCase();
  if (value !== "NORMAL" && value !== "FULL") {
    throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, not "${process.env.SQLITE_SYNCHRONOUS}".`);
  }
  return value;
}

export function openDatabase(path = databasePath()): { sqlite: Database.Database; db: DB } {
  mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  // WAL lets readers proceed while a save is being written; busy_timeout makes a second
  // writer (the start script, a backup, a test) wait instead of failing with SQLITE_BUSY.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma(`synchronous = ${synchronousMode()}`);
  registerSearchFunctions(sqlite);
  const db = drizzle(sqlite, { schema });
  // Transactions take the write lock when they begin (BEGIN IMMEDIATE), not at their first write. With
  // more than one process on the file (WORKERS, a script), a transaction that read first and then wants to
  // write after another process committed fails at once with SQLITE_BUSY: busy_timeout cannot help it,
  // since what it read is stale. Taking the lock first makes such writers wait their turn instead.
  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) =>
    transaction(run, { behavior: "immediate", ...config })) as typeof db.transaction;
  return { sqlite, db };
}

/**
 * The search index's triggers stem what they index with casebook_stems(text, language) (ADR 0004): every
 * connection that writes cases, citations or comments needs it. openDatabase registers it; a connection
 * opened otherwise must call this before writing them.
 */
export function registerSearchFunctions(sqlite: Database.Database) {
  sqlite.function("casebook_stems", { deterministic: true }, (text: unknown, language: unknown) =>
    stemText(typeof text === "string" ? text : null, typeof language === "string" ? language : null),
  );
}
