import type Database from "better-sqlite3";
import { type DB, openDatabase } from "../../db/client";

// One connection per process; kept on globalThis so Vite's dev reloads do not open more.
const globalForDb = globalThis as unknown as { casebookDb?: { db: DB; sqlite: Database.Database } };
const connection = globalForDb.casebookDb ?? openDatabase();
globalForDb.casebookDb = connection;

export const db = connection.db;
export const sqlite = connection.sqlite;
export type { DB };

let statements: { changes: () => number; dataVersion: () => number } | null = null;

/**
 * Where the database is: moves on every write by any connection (null inside a transaction). The derived
 * cache (models/derived-cache.server.ts) and the response cache key what they keep on it. total_changes()
 * counts every row this connection wrote; PRAGMA data_version moves when another connection commits.
 */
export function databaseGeneration(): string | null {
  // Inside a transaction the rows may still be rolled back: never keep what was read there.
  if (sqlite.inTransaction) return null;
  if (!statements) {
    const changes = sqlite.prepare("SELECT total_changes()").pluck();
    const dataVersion = sqlite.prepare("PRAGMA data_version").pluck();
    statements = {
      changes: () => changes.get() as number,
      dataVersion: () => dataVersion.get() as number,
    };
  }
  return `${statements.dataVersion()}:${statements.changes()}`;
}
