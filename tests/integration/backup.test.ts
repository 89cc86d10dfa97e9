// npm run backup / npm run restore, run as the person would run them: child processes on real files.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { saveCaseBody } from "~/models/cases.server";
import { registerSearchFunctions } from "../../db/client";
import { makeTeam } from "../helpers/fixtures";

type Run = { code: number | null; stdout: string; stderr: string };

function run(
  script: "backup" | "restore",
  args: string[],
  env: Record<string, string>,
  input = "",
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Every table's rows, hashed in a stable order: two databases with equal digests hold the same data. */
function digest(file: string): Record<string, string> {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    const result: Record<string, string> = {};
    for (const { name } of tables) {
      let rows: unknown[];
      try {
        rows = sqlite.prepare(`select * from "${name}" order by rowid`).all();
      } catch {
        // WITHOUT ROWID tables (full-text index internals): order by every column.
        const columns = (sqlite.pragma(`table_info("${name}")`) as unknown[]).length;
        const order = Array.from({ length: columns }, (_, i) => i + 1).join(", ");
        rows = sqlite.prepare(`select * from "${name}" order by ${order}`).all();
      }
      result[name] = `${rows.length}:${createHash("sha256").update(JSON.stringify(rows)).digest("hex")}`;
    }
    return result;
  } finally {
    sqlite.close();
  }
}

function integrity(file: string): string {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (sqlite.pragma("integrity_check", { simple: true }) as string) ?? "";
  } finally {
    sqlite.close();
  }
}

function backupIn(stdout: string): string {
  const match = /^to (.+\.db) \(/m.exec(stdout);
  if (!match) throw new Error(`No backup path in: ${stdout}`);
  return resolve(match[1]);
}

const live = process.env.DATABASE_URL as string;
// Inside the run's temporary folder, which the test run removes at the end.
const dir = mkdtempSync(join(inject("testTmpDir"), "backup-"));
let team: Awaited<ReturnType<typeof makeTeam>>;
let firstBackup = "";
let liveBeforeBackup: Record<string, string> = {};

beforeAll(async () => {
  team = await makeTeam();
  saveCaseBody(team.people.editor.member, team.caseStudy.id, {
    baseRevision: 1,
    doc: {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Saved before the backup." }] }],
    },
  });
});

describe("npm run backup", () => {
  it("copies the live database while another connection is in the middle of a write", async () => {
    liveBeforeBackup = digest(live);
    const writer = new Database(live);
    // Another connection of the app: the search index's triggers stem what it writes (ADR 0004).
    registerSearchFunctions(writer);
    writer.pragma("busy_timeout = 5000");
    writer.exec("begin immediate");
    writer.prepare("update cases set title = 'Not committed when the backup ran'").run();
    let result: Run;
    try {
      result = await run("backup", ["--out", join(dir, "backups")], {});
    } finally {
      writer.exec("commit");
      writer.close();
    }
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^to .*casebook-\d{8}-\d{6}\.db \(\d+ KB, integrity ok, \d+ ms\)$/m);
    firstBackup = backupIn(result.stdout);
    expect(existsSync(firstBackup)).toBe(true);
    // A single self-contained file: no -wal to carry along.
    expect(existsSync(`${firstBackup}-wal`)).toBe(false);
    expect(integrity(firstBackup)).toBe("ok");
    // The snapshot is the committed state: the open transaction is not in it, nothing else is missing.
    expect(digest(firstBackup)).toEqual(liveBeforeBackup);
    expect(digest(live)).not.toEqual(liveBeforeBackup);
  });

  it("takes a consistent snapshot while saves keep being committed", async () => {
    const writer = new Database(live);
    // Another connection of the app: the search index's triggers stem what it writes (ADR 0004).
    registerSearchFunctions(writer);
    writer.pragma("busy_timeout = 5000");
    // Each write changes every case of the workspace in one transaction: a backup that caught half of
    // one would show cases with different summaries.
    const bump = writer.prepare("update cases set summary = ? where workspace_id = ?");
    let n = 0;
    const timer = setInterval(() => {
      n++;
      writer.transaction(() => bump.run(`write ${n}`, team.workspace.id))();
    }, 2);
    let result: Run;
    try {
      result = await run("backup", ["--out", join(dir, "backups")], {});
    } finally {
      clearInterval(timer);
      writer.close();
    }
    expect(result.code).toBe(0);
    expect(n).toBeGreaterThan(10);
    const copy = new Database(backupIn(result.stdout), { readonly: true });
    const summaries = copy
      .prepare("select distinct summary from cases where workspace_id = ?")
      .all(team.workspace.id) as { summary: string }[];
    copy.close();
    expect(summaries).toHaveLength(1);
  });
});

describe("npm run restore", () => {
  const target = join(dir, "restore-target", "casebook.db");

  beforeAll(async () => {
    // The database being replaced: the backup plus later changes, left in its -wal by a killed process.
    mkdirSync(join(dir, "restore-target"), { recursive: true });
    copyFileSync(firstBackup, target);
    const script = `
      const Database = require("better-sqlite3");
      const db = new Database(${JSON.stringify(target)});
      // The search index's triggers call casebook_stems (ADR 0004); what it returns does not matter here.
      db.function("casebook_stems", (_text, _language) => "");
      db.pragma("journal_mode = WAL");
      db.prepare("update cases set title = 'Changed after the backup'").run();
      process.kill(process.pid, "SIGKILL");
    `;
    await new Promise((resolve) => {
      const child = spawn(process.execPath, ["-e", script], { cwd: process.cwd(), stdio: "ignore" });
      child.on("close", resolve);
    });
    expect(statSync(`${target}-wal`).size).toBeGreaterThan(0);
  });

  it("changes nothing when the person does not type restore", async () => {
    const before = digest(target);
    const result = await run("restore", [firstBackup], { DATABASE_URL: target }, "no\n");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Type "restore" to replace the database');
    expect(result.stdout).toContain("still holds changes");
    expect(result.stdout).toContain("Nothing was changed.");
    expect(digest(target)).toEqual(before);
    expect(readdirSync(join(dir, "restore-target")).filter((f) => f.includes("before-restore"))).toEqual([]);
  });

  it("replaces the database with the backup and keeps the one it replaced", async () => {
    const before = digest(target);
    expect(before.cases).not.toEqual(digest(firstBackup).cases);
    const result = await run("restore", [firstBackup], { DATABASE_URL: target }, "restore\n");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Restored.");
    // The restored database equals the backup, table by table, row by row.
    expect(digest(target)).toEqual(digest(firstBackup));
    expect(integrity(target)).toBe("ok");
    expect(existsSync(`${target}-wal`)).toBe(false);
    const kept = readdirSync(join(dir, "restore-target")).filter((f) => f.includes(".before-restore-"));
    expect(kept).toHaveLength(1);
    // The kept copy includes what was only in the killed process's -wal.
    expect(digest(join(dir, "restore-target", kept[0]))).toEqual(before);
  });

  it("with --yes, restores without asking", async () => {
    const result = await run("restore", [firstBackup, "--yes"], { DATABASE_URL: target });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('Type "restore"');
    expect(digest(target)).toEqual(digest(firstBackup));
  });

  it("refuses a file that is not a backup of this app, and a database a running process holds open", async () => {
    const text = join(dir, "notes.db");
    writeFileSync(text, "these are not the droids");
    const other = join(dir, "other.db");
    new Database(other).exec("create table things (id integer)");
    const before = digest(target);
    for (const [file, message] of [
      [text, "is not a SQLite database"],
      [other, "not one of Mediation Casebook"],
      [join(dir, "missing.db"), "There is no file"],
    ]) {
      const result = await run("restore", [file, "--yes"], { DATABASE_URL: target });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      expect(result.stderr).toContain("Nothing was changed.");
    }
    expect(digest(target)).toEqual(before);
    // This test process has the live database open, as a running server would.
    const busy = await run("restore", [firstBackup, "--yes"], { DATABASE_URL: live });
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(`process ${process.pid}`);
    expect(busy.stderr).toContain("Stop the server first");
  });
});
