import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { runMigrations } from "../../db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    testTmpDir: string;
  }
}

// One migrated template per run; each test file copies it (much faster than migrating again).
// The folder is per run, so two runs at once do not delete each other's files.
export default function setup(project: TestProject) {
  const tmpDir = join(process.cwd(), "tests/.tmp", `run-${process.pid}`);
  rmSync(tmpDir, { recursive: true, force: true });
  mkdirSync(tmpDir, { recursive: true });
  const { db, sqlite } = openDatabase(join(tmpDir, "template.db"));
  runMigrations(db);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.pragma("journal_mode = DELETE");
  sqlite.close();
  project.provide("testTmpDir", tmpDir);
  return () => rmSync(tmpDir, { recursive: true, force: true });
}
