import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";

// One migrated template per run; each test file copies it (much faster than migrating again).
export const TMP_DIR = join(process.cwd(), "tests/.tmp");
export const TEMPLATE_DB = join(TMP_DIR, "template.db");

export default function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true });
  mkdirSync(TMP_DIR, { recursive: true });
  const { db, sqlite } = openDatabase(TEMPLATE_DB);
  runMigrations(db);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  return () => rmSync(TMP_DIR, { recursive: true, force: true });
}
