// npm run restore -- FILE [--yes]
// Replaces the database (DATABASE_URL, default data/casebook.db) with a backup made by `npm run backup`.
// The server must be stopped. The current database is first copied next to it as
// <name>.before-restore-YYYYMMDD-HHMMSS, so a restore can itself be undone.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { createInterface } from "node:readline";
import {
  backupTimestamp,
  type CasebookDatabaseInfo,
  copyDatabase,
  describeCasebookDatabase,
  processesUsingDatabase,
} from "../db/backup";
import { databasePath } from "../db/client";

// Set once the confirmed restore starts touching files, so a failure says what is where.
let keptCopy: string | null | undefined;

const USAGE = "Usage: npm run restore -- FILE [--yes]   (FILE: a backup written by npm run backup)";

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

function summary(info: CasebookDatabaseInfo): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const last = info.lastSave
    ? `, last save ${info.lastSave.toISOString().slice(0, 16).replace("T", " ")} UTC`
    : "";
  return `${plural(info.workspaces, "workspace")}, ${plural(info.cases, "case")}, ${plural(info.revisions, "revision")}${last}`;
}

function ask(question: string): Promise<string> {
  return new Promise((resolvePromise) => {
    const rl = createInterface({
      input: process.stdin,
      output: process.stdout,
      terminal: process.stdin.isTTY,
    });
    let answered = false;
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolvePromise(answer.trim());
    });
    // No terminal and nothing typed (stdin closed): that is not a yes.
    rl.on("close", () => {
      if (!answered) resolvePromise("");
    });
  });
}

/** The current database, with what its -wal still holds, copied aside before anything is replaced. */
async function keepSafetyCopy(target: string): Promise<string> {
  const safety = `${target}.before-restore-${backupTimestamp()}`;
  try {
    await copyDatabase(target, safety);
  } catch (error) {
    // A damaged database may not be readable through SQLite: keep its files as they are.
    console.log(
      `The current database could not be read (${error instanceof Error ? error.message : String(error)}); its files are copied as they are.`,
    );
    rmSync(safety, { force: true });
    copyFileSync(target, safety);
    if (existsSync(`${target}-wal`)) copyFileSync(`${target}-wal`, `${safety}-wal`);
  }
  return safety;
}

async function main() {
  const args = process.argv.slice(2);
  const yes = args.includes("--yes");
  const files = args.filter((arg) => !arg.startsWith("--"));
  if (args.includes("--help") || files.length !== 1) {
    console.log(USAGE);
    if (files.length !== 1) process.exitCode = 1;
    return;
  }
  const backup = resolve(files[0]);
  const target = databasePath();
  const incoming = describeCasebookDatabase(backup);
  if (incoming.migrations.applied > incoming.migrations.expected) {
    throw new Error(
      `${shown(backup)} was made by a newer version of Mediation Casebook (${incoming.migrations.applied} migrations; this version knows ${incoming.migrations.expected}). Update the app first.`,
    );
  }
  if (backup === target) throw new Error("That file is the current database itself.");
  const users = processesUsingDatabase(target);
  if (users.length) {
    throw new Error(
      `The database is open in ${users.map((p) => `process ${p.pid} (${p.command || "unknown"})`).join(", ")}. ` +
        "Stop the server first, then run the restore again.",
    );
  }

  console.log(`Restore  ${shown(backup)}`);
  console.log(`         ${summary(incoming)}`);
  console.log(`into     ${target}`);
  if (existsSync(target)) {
    let current = "it could not be read";
    try {
      current = summary(describeCasebookDatabase(target));
    } catch (error) {
      current = error instanceof Error ? error.message : String(error);
    }
    console.log(`         which now holds: ${current}`);
    console.log("The current database is replaced; a copy of it is kept next to it first.");
    const wal = `${target}-wal`;
    if (existsSync(wal) && statSync(wal).size > 0) {
      console.log(
        "Its write-ahead log (-wal) still holds changes (the server was killed rather than stopped). The kept copy includes them.",
      );
    }
  }
  console.log("The server must be stopped during the restore (no process has the database open now).");

  if (!yes) {
    const answer = await ask('Type "restore" to replace the database: ');
    if (answer !== "restore") {
      console.log("Nothing was changed.");
      process.exitCode = 1;
      return;
    }
  }

  keptCopy = null;
  const safety = existsSync(target) ? await keepSafetyCopy(target) : null;
  keptCopy = safety;
  // Written next to the target and renamed over it, so the database file is never half-written.
  mkdirSync(dirname(target), { recursive: true });
  const incomingCopy = `${target}.restoring-${process.pid}`;
  try {
    const { integrity } = await copyDatabase(backup, incomingCopy);
    if (integrity !== "ok")
      throw new Error(`The copy of the backup failed its integrity check: ${integrity}`);
    // A -wal left by the replaced database would be replayed onto the restored one.
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    renameSync(incomingCopy, target);
  } finally {
    rmSync(incomingCopy, { force: true });
  }
  const restored = describeCasebookDatabase(target);
  console.log(`Restored. The database now holds ${summary(restored)} (integrity ok).`);
  if (safety) console.log(`The database it replaced is kept as ${shown(safety)}.`);
  console.log(
    "Start the server again (npm run serve, or npm start). It applies any newer migrations at start.",
  );
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  if (keptCopy === undefined) {
    console.error(`Restore refused: ${message}`);
    console.error("Nothing was changed.");
  } else {
    console.error(`Restore failed: ${message}`);
    if (keptCopy) console.error(`The database as it was before is kept as ${shown(keptCopy)}.`);
  }
  process.exitCode = 1;
});
