// A real redis-server (Debian's package) for the tests and benchmarks that run several server processes
// (ADR 0017): each starts its own on a free port, in a directory of its own, with nothing kept on disk.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./collab";

export const REDIS_SERVER_PATH = process.env.REDIS_SERVER_PATH || "/usr/bin/redis-server";

export type TestRedis = {
  url: string;
  port: number;
  /** Stops Redis (SIGKILL: nothing is saved, as after a crash) and resolves once it has exited. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  start(): Promise<void>;
  /** Stops it for good and removes its directory. */
  stop(): Promise<void>;
  output(): string;
};

export async function startTestRedis(): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER_PATH)) {
    throw new Error(
      `redis-server was not found at ${REDIS_SERVER_PATH}. Install it with: apt-get install redis-server (or set REDIS_SERVER_PATH).`,
    );
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "casebook-redis-"));
  let child: ChildProcess | null = null;
  let log = "";

  async function start() {
    const started = spawn(
      REDIS_SERVER_PATH,
      ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = started;
    started.stdout?.on("data", (chunk) => {
      log += chunk;
    });
    started.stderr?.on("data", (chunk) => {
      log += chunk;
    });
    const deadline = Date.now() + 10_000;
    while (!log.includes("Ready to accept connections")) {
      if (started.exitCode !== null) throw new Error(`redis-server exited early:\n${log}`);
      if (Date.now() > deadline) throw new Error(`redis-server did not start in 10 s:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async function kill() {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once("exit", () => resolve()));
    running.kill("SIGKILL");
    await exited;
  }

  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    start: async () => {
      log = "";
      await start();
    },
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
    output: () => log,
  };
}

/** Runs one command with redis-cli if it is there (for looking into a failing test). */
export function redisCli(port: number, ...args: string[]) {
  return spawnSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8" }).stdout;
}
