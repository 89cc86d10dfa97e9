// Several server processes on one port (ADR 0017). Imported by server.ts only. WORKERS=N (or "auto", one per
// core) makes the first process a small supervisor: it migrates and seeds once, then starts N workers with
// node:cluster, which share the listening port (the supervisor hands each new connection to the next
// worker). Workers are the ordinary server; one that dies is replaced. Unset or 1: one process, as before.
import cluster, { type Worker } from "node:cluster";
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import { Redis } from "ioredis";

/** Why the server refuses to start; printed as it is, then the process exits with status 1. */
export class StartRefusal extends Error {}

/** The number of processes WORKERS asks for: 1 when unset, the number of cores for "auto". */
export function workerCount(value = process.env.WORKERS): number {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "") return 1;
  if (text === "auto") return availableParallelism();
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 256)
    throw new StartRefusal(`WORKERS must be a whole number from 1 to 256, or "auto"; it is "${value}".`);
  return count;
}

/**
 * Co-editing keeps each open case in the memory of the processes its editors are connected to; two
 * processes without Redis between them would each hold a copy that the other never sees.
 */
export function requireRedisForWorkers(workers: number, redisUrl = process.env.REDIS_URL) {
  if (workers > 1 && !redisUrl)
    throw new StartRefusal(
      `WORKERS=${process.env.WORKERS} starts ${workers} processes, and co-editing needs Redis between them: ` +
        "without it, two editors of one case on different processes would edit two copies that never meet. " +
        "Set REDIS_URL (for example redis://127.0.0.1:6379), or leave WORKERS unset for one process.",
    );
}

/** Refuses to start when REDIS_URL is set but Redis does not answer within a few seconds. */
export async function checkRedis(url: string) {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 5000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new StartRefusal(
      `REDIS_URL is ${redactedUrl(url)}, but Redis did not answer (${error instanceof Error ? error.message : error}). ` +
        "Start Redis (Debian: apt-get install redis-server) or correct REDIS_URL.",
    );
  } finally {
    client.disconnect();
  }
}

/** A Redis address without its password, for messages and logs. */
export function redactedUrl(url: string) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "…";
    return parsed.toString();
  } catch {
    return "(not a URL)";
  }
}

/** This process's worker number (1…N), or 0 when the server runs as one process. */
export function workerId(): number {
  return cluster.isWorker ? (cluster.worker?.id ?? 0) : 0;
}

export const isClusterWorker = () => cluster.isWorker;

/**
 * The supervisor: starts `count` workers, says once when all of them listen (`onReady`), replaces a worker
 * that exits without being asked to, and on SIGTERM/SIGINT asks every worker to stop (each finishes its
 * requests and stores its open documents), then exits.
 */
export function superviseWorkers(count: number, onReady: () => void) {
  let stopping = false;
  let ready = false;
  const listening = new Set<number>();
  /** Exits of unasked workers in the last minute: a worker that dies at once must not be restarted in a loop. */
  const recentExits: number[] = [];

  const start = (): Worker => {
    const worker = cluster.fork();
    const id = worker.id;
    worker.once("listening", () => {
      listening.add(id);
      console.log(`Worker ${id} (pid ${worker.process.pid}) is serving.`);
      if (!ready && listening.size >= count) {
        ready = true;
        onReady();
      }
    });
    worker.once("exit", (code, signal) => {
      listening.delete(id);
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
        return;
      }
      const now = Date.now();
      recentExits.push(now);
      while (recentExits.length && now - recentExits[0] > 60_000) recentExits.shift();
      console.error(`Worker ${id} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}).`);
      if (recentExits.length > count * 3) {
        console.error("Workers keep exiting; stopping the server. See the messages above.");
        stop("SIGTERM");
        return;
      }
      // Editors connected to it reconnect to another worker meanwhile and send what it had not stored.
      setTimeout(start, recentExits.length > count ? 2000 : 0).unref();
    });
    return worker;
  };

  function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => !!worker);
    console.log(`${signal}: asking ${workers.length} worker(s) to finish their requests and stop.`);
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker.process.kill("SIGTERM");
    // Each worker gives itself 10 s; past that it is ended.
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(0);
    }, 12_000).unref();
  }

  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // The one-shot message cookie (toast.server.ts) is signed with SESSION_SECRET, random per process when
  // unset: a message set by one worker would fail the check in the next. Workers inherit this environment.
  process.env.SESSION_SECRET ||= randomBytes(32).toString("hex");
  for (let i = 0; i < count; i++) start();
}
