import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type Database from "better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { type DB, openDatabase } from "./client";
import { runDataMigrations } from "./data-migrations";

export const migrationsFolder = resolve(process.env.MIGRATIONS_DIR || "migrations");

export function runMigrations(db: DB) {
  migrate(db, { migrationsFolder });
  runDataMigrations(db);
}

/** Compares applied migrations with the journal shipped in migrations/meta. */
export function migrationStatus(sqlite: Database.Database): { applied: number; expected: number } {
  const journal = JSON.parse(readFileSync(resolve(migrationsFolder, "meta/_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  let applied = 0;
  try {
    const row = sqlite.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number };
    applied = row.n;
  } catch {
    applied = 0;
  }
  return { applied, expected: journal.entries.length };
}

// Run as a script (`tsx db/migrate.ts`), not when bundled into build/server.js, whose own file is argv[1].
if (
  import.meta.url.endsWith("/db/migrate.ts") &&
  import.meta.url === pathToFileURL(process.argv[1] ?? "").href
) {
  const { db, sqlite } = openDatabase();
  runMigrations(db);
  console.log("Migrations applied:", migrationStatus(sqlite));
  sqlite.close();
}
