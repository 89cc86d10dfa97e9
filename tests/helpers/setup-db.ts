import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";

// Runs before each test file, before it imports the app: the app's db.server.ts then opens
// a fresh SQLite file of this file's own, made from the real migrations.
const tmpDir = inject("testTmpDir");
const file = join(tmpDir, `test-${randomUUID()}.db`);
copyFileSync(join(tmpDir, "template.db"), file);
process.env.DATABASE_URL = file;
(globalThis as { casebookDb?: unknown }).casebookDb = undefined;
