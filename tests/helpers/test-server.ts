import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type TestServer = {
  baseUrl: string;
  databaseFile: string;
  /** Stops the server (SIGTERM, then SIGKILL after 3 s) and removes its fresh database. */
  stop: () => Promise<void>;
  /** Kills the process with no chance to clean up (a crash) and resolves once it has exited. */
  kill: () => Promise<void>;
  output: () => string;
  /** The server's process id (with WORKERS, the supervisor's). */
  pid: number;
  /** With WORKERS: each worker's process id by worker number, as the supervisor announced them. */
  workerPids: () => Map<number, number>;
};

export type TestServerOptions = {
  /** Start on this database file (e.g. again after a crash) instead of a fresh one; stop() keeps it. */
  databaseFile?: string;
  /** Listen on this port (e.g. the same one again after a restart, so clients reconnect) instead of a free one. */
  port?: number;
};

/** Starts the production build (npm run build first) on a free port with its own fresh database. */
export async function startTestServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const port = options.port ?? (await freePort());
  const dir = options.databaseFile ? null : mkdtempSync(join(tmpdir(), "casebook-test-"));
  const databaseFile = options.databaseFile ?? join(dir as string, "casebook.db");
  let log = "";
  // The server compiled by `npm run build` (build/server.js), as `npm start` runs it.
  const buildDir = env.BUILD_DIR || process.env.BUILD_DIR || "build";
  const baseUrl = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [`${buildDir}/server.js`], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseFile,
      NODE_ENV: "production",
      // Links in mail lead back to this server; without SMTP_URL mail lands in <database folder>/outbox.
      APP_ORIGIN: baseUrl,
      SMTP_URL: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.stdout?.on("data", (chunk) => {
    log += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    log += chunk;
  });
  // Generous: on a machine busy with other work, migrating and seeding alone can take half a minute.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Test server exited early:\n${log}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Test server did not become healthy in 60 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  // With several workers, the first answers before the others listen: the supervisor says when all do.
  while (!log.includes("is ready on")) {
    if (child.exitCode !== null) throw new Error(`Test server exited early:\n${log}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`Test server's workers did not all start in 60 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    baseUrl,
    databaseFile,
    output: () => log,
    pid: child.pid ?? 0,
    workerPids: () => {
      const pids = new Map<number, number>();
      for (const [, id, pid] of log.matchAll(/Worker (\d+) \(pid (\d+)\) is serving/g))
        pids.set(Number(id), Number(pid));
      return pids;
    },
    stop: async () => {
      if (running()) {
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
        if (running()) child.kill("SIGKILL");
      }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    kill: async () => {
      if (running()) child.kill("SIGKILL");
      await exited;
    },
  };
}
