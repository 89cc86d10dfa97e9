// npm run backup [-- --out DIR]
// Writes a consistent copy of the live database (SQLite's online backup API) to
// DIR/casebook-YYYYMMDD-HHMMSS.db (UTC). Safe while the server runs: saves keep going during the copy.
import { existsSync, mkdirSync, statSync } from "node:fs";
import { relative, resolve } from "node:path";
import { backupFileName, copyDatabase } from "../db/backup";
import { databasePath } from "../db/client";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  if (index === -1) return undefined;
  const value = process.argv[index + 1];
  if (!value || value.startsWith("--")) throw new Error(`${name} needs a folder, e.g. ${name} backups`);
  return value;
}

function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main() {
  const source = databasePath();
  if (!existsSync(source)) {
    throw new Error(`There is no database at ${source} (set DATABASE_URL to the file the server uses).`);
  }
  const dir = resolve(option("--out") ?? process.env.BACKUP_DIR ?? "backups");
  mkdirSync(dir, { recursive: true });
  const file = backupFileName(dir);
  const started = performance.now();
  const { integrity } = await copyDatabase(source, file);
  const shown = relative(process.cwd(), file).startsWith("..") ? file : relative(process.cwd(), file);
  const size = formatSize(statSync(file).size);
  const took = Math.round(performance.now() - started);
  if (integrity !== "ok") {
    console.error(`Backup written to ${shown} (${size}), but its integrity check failed: ${integrity}`);
    console.error("The live database may be damaged: keep older backups and do not restore this one.");
    process.exitCode = 1;
    return;
  }
  console.log(`Backed up ${source}`);
  console.log(`to ${shown} (${size}, integrity ok, ${took} ms)`);
  console.log(`Restore it with: npm run restore -- ${shown}`);
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
