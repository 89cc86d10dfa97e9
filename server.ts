// The server: migrations and the demo seed at start, then the Remix app and co-editing on one port. With
// WORKERS=N this process only supervises N worker processes that share the port (ADR 0017).
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type Database from "better-sqlite3";
import express from "express";
import { bodyLimits } from "./app/utils/body-limit.server";
import { createCollabServer } from "./app/utils/collab-server.server";
import { outboxDir } from "./app/utils/mailer.server";
import { bodyLimitFor } from "./app/utils/upload-limits";
import {
  checkRedis,
  isClusterWorker,
  requireRedisForWorkers,
  StartRefusal,
  superviseWorkers,
  workerCount,
  workerId,
} from "./app/utils/workers.server";
import { databasePath, openDatabase } from "./db/client";
import { migrationStatus, runMigrations } from "./db/migrate";
import { DEMO_PASSWORD, DEMO_USERS, isDatabaseEmpty, seedDemo } from "./db/seed";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const redisUrl = process.env.REDIS_URL || "";

const startedAt = performance.now();
let workers = 1;
try {
  // Vite's dev server is one process; WORKERS is for the production build.
  workers = dev ? 1 : workerCount();
  requireRedisForWorkers(workers, redisUrl);
  if (redisUrl && !isClusterWorker()) await checkRedis(redisUrl);
} catch (error) {
  if (!(error instanceof StartRefusal)) throw error;
  console.error(`Mediation Casebook did not start: ${error.message}`);
  process.exit(1);
}

/** Migrations and the demo seed run once, in the first process: never in each worker. */
function prepareDatabase() {
  const opened = openDatabase();
  runMigrations(opened.db);
  return opened;
}

async function seedIfEmpty(opened: ReturnType<typeof openDatabase>) {
  if (process.env.SEED_DEMO === "0" || !isDatabaseEmpty(opened.db)) return false;
  await seedDemo(opened.db);
  return true;
}

function sayReady(sqlite: Database.Database, seeded: boolean) {
  const url = `http://localhost:${port}`;
  const status = migrationStatus(sqlite);
  const processes = workers > 1 ? ` with ${workers} workers` : "";
  console.log(
    `Mediation Casebook is ready on ${url}${processes} (started in ${Math.round(performance.now() - startedAt)} ms)`,
  );
  console.log(
    `Database: ${databasePath()} · migrations ${status.applied}/${status.expected}${seeded ? " · demo workspace created" : ""}`,
  );
  const hasDemo = sqlite.prepare("select 1 from users where email = ?").get(DEMO_USERS[0].email);
  if (hasDemo) {
    console.log(
      `Demo sign-in (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(", ")}`,
    );
  }
  console.log(
    process.env.SMTP_URL
      ? "Mail: sent through SMTP_URL."
      : `Mail: no SMTP_URL, so messages are written to ${outboxDir()} and their subject and link printed here.`,
  );
}

if (workers > 1 && !isClusterWorker()) {
  const opened = prepareDatabase();
  const seeded = await seedIfEmpty(opened);
  superviseWorkers(workers, () => {
    sayReady(opened.sqlite, seeded);
    // The workers have their own connections; the last to close at a stop merges the -wal into the file.
    opened.sqlite.close();
  });
} else {
  await serve();
}

async function serve() {
  const { db, sqlite } = isClusterWorker() ? openDatabase() : prepareDatabase();
  const seeded = isClusterWorker() ? false : await seedIfEmpty({ db, sqlite });

  const app = express();
  app.disable("x-powered-by");
  // TRUST_PROXY is the number of proxies in front (usually 1). The client address is the one the nearest of
  // them saw: trusting every hop would let a client pick its own address with X-Forwarded-For, and so slip
  // past the per-address sign-in throttle and write what it likes in the audit log.
  const trustedProxies = Number(process.env.TRUST_PROXY || 0);
  if (Number.isInteger(trustedProxies) && trustedProxies > 0) app.set("trust proxy", trustedProxies);

  let requestsInProgress = 0;
  let stopping = false;
  app.use((_req, res, next) => {
    requestsInProgress++;
    res.once("close", () => {
      requestsInProgress--;
      if (stopping && requestsInProgress === 0) closeAndExit();
    });
    next();
  });

  app.use((req, res, next) => {
    // Routes read the client address from this header; whatever a client sent is overwritten.
    req.headers["x-casebook-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "";
    res.locals.cspNonce = dev ? "" : randomBytes(16).toString("base64");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    // Which process answered (WORKERS): for operators, and for the tests that pin a request to a worker.
    if (isClusterWorker()) res.setHeader("X-Casebook-Worker", String(workerId()));
    next();
  });

  app.get("/healthz", (_req, res) => {
    try {
      const status = migrationStatus(sqlite);
      sqlite.prepare("select 1").get();
      const current = status.applied === status.expected;
      res
        .status(current ? 200 : 503)
        .json({ ok: current, database: "reachable", migrations: status, worker: workerId() });
    } catch (error) {
      res.status(503).json({ ok: false, database: "unreachable", error: String(error) });
    }
  });

  // Bodies over the limit of their address are refused before any route reads them (413, lingering close).
  app.use(bodyLimits(bodyLimitFor));

  app.use((req, res, next) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    // Cross-site request forgery: a write must come from one of our own pages.
    const origin = req.headers.origin;
    if (origin) {
      let originHost = "";
      try {
        originHost = new URL(origin).host;
      } catch {
        originHost = "";
      }
      const allowed = new Set([
        req.headers.host,
        ...(process.env.APP_ORIGIN ? [new URL(process.env.APP_ORIGIN).host] : []),
      ]);
      if (!allowed.has(originHost)) {
        res.status(403).type("text/plain").send("This request came from another site and was refused.");
        return;
      }
    }
    next();
  });

  let build: ServerBuild | (() => Promise<ServerBuild>);
  if (dev) {
    const vite = await import("vite");
    const viteDevServer = await vite.createServer({ server: { middlewareMode: true } });
    app.use(viteDevServer.middlewares);
    build = () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
  } else {
    const buildDir = process.env.BUILD_DIR || "build";
    app.use("/assets", express.static(`${buildDir}/client/assets`, { immutable: true, maxAge: "1y" }));
    app.use(express.static(`${buildDir}/client`, { maxAge: "1h" }));
    build = (await import(pathToFileURL(`${process.cwd()}/${buildDir}/server/index.js`).href)) as ServerBuild;
  }

  // The mail queue's worker (models/mail-delivery.server.ts): sending never happens inside a request. Each
  // process runs one; a mail is claimed by one process before it is written (deliverDueMail).
  type MailWorker = { start: () => () => void } | undefined;
  const entryModule = dev
    ? (await (build as () => Promise<ServerBuild>)()).entry.module
    : (build as ServerBuild).entry.module;
  const stopMailWorker = (entryModule as { mailWorker?: MailWorker }).mailWorker?.start();

  // Co-editing server of this process. With REDIS_URL, every process holding a case open meets the others
  // through Redis (ADR 0017), and a request about a case (its page, a review, an export) is answered only
  // once the other processes holding it open have stored what they acknowledged (2 s at most).
  const collab = createCollabServer({ redisUrl: redisUrl || null });
  if (redisUrl) {
    const casePath = /^\/w\/[^/]+\/cases\/([A-Za-z0-9]+)(?:[/.]|$)/;
    app.use((req, _res, next) => {
      const caseId = casePath.exec(req.path)?.[1];
      if (!caseId || caseId === "new") return next();
      collab.settleElsewhere(caseId).then(() => next(), next);
    });
  }

  // Per-member cache of rendered pages (ADR 0009), checked after the session; RESPONSE_CACHE=0 turns it off.
  type ResponseCache = { middleware: express.RequestHandler } | null;
  const responseCache = dev
    ? null
    : ((build as ServerBuild).entry.module as { responseCache?: ResponseCache }).responseCache;
  if (responseCache) app.get("*", responseCache.middleware);

  // At most RENDER_CONCURRENCY pages render at once (2 by default), the others wait their turn: one process
  // renders one page at a time anyway, so more at once only interleave them while each holds its memory
  // (32 matrix renders side by side took the server past 400 MB). Writes are not held back, and an answer
  // still streaming after 5 s (a large download to a slow client) gives its slot up.
  const renderSlots = Math.max(1, Number(process.env.RENDER_CONCURRENCY) || 2);
  let rendering = 0;
  const waitingToRender: Array<() => void> = [];
  app.get("*", (_req, res, next) => {
    // A client gone before its turn (or before it got here) takes no slot: its 'close' would never come again.
    if (res.closed) return;
    let state: "waiting" | "rendering" | "done" = "waiting";
    const release = () => {
      if (state !== "rendering") return;
      state = "done";
      rendering--;
      waitingToRender.shift()?.();
    };
    const render = () => {
      state = "rendering";
      rendering++;
      setTimeout(release, 5_000).unref();
      next();
    };
    res.once("close", () => {
      if (state === "rendering") return release();
      const at = waitingToRender.indexOf(render);
      if (at !== -1) waitingToRender.splice(at, 1);
    });
    if (rendering < renderSlots) render();
    else waitingToRender.push(render);
  });

  const remixHandler = createRequestHandler({
    build,
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
  });
  app.all("*", (req, res, next) =>
    remixHandler(req, res, (error?: unknown) => {
      // The 413 has already gone out; Remix failing to answer a second time is expected.
      if (res.locals.bodyRefused) return;
      next(error);
    }),
  );

  const server = app.listen(port, host, () => {
    // Workers stay quiet: the supervisor says once that all of them are ready.
    if (!isClusterWorker()) sayReady(sqlite, seeded);
  });

  // Co-editing (ADR 0007): Hocuspocus answers WebSocket upgrades on /collab; Vite's own upgrades pass by.
  collab.attach(server);

  /** Closing every connection merges the write-ahead log into the database file and removes the -wal. */
  function closeAndExit() {
    const appConnection = (globalThis as { casebookDb?: { sqlite: typeof sqlite } }).casebookDb?.sqlite;
    for (const connection of new Set([appConnection, sqlite])) {
      if (connection?.open) connection.close();
    }
    process.exit(0);
  }

  // A stop (Ctrl-C, systemd, docker stop) lets saves in progress finish and be acknowledged first.
  // A crash or SIGKILL loses nothing acknowledged either: each commit is in the -wal before the answer.
  function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    console.log(
      `${signal}: finishing ${requestsInProgress} request(s) in progress, then closing the database.`,
    );
    server.close();
    server.closeIdleConnections();
    // Open documents are stored now (with a revision if their text changed), then their sockets close.
    stopMailWorker?.();
    collab.storeAll();
    if (requestsInProgress === 0) closeAndExit();
    setTimeout(closeAndExit, 10_000).unref();
  }
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  // A worker whose supervisor is gone (killed) stops too rather than serve on unsupervised.
  if (isClusterWorker()) process.once("disconnect", () => stop("SIGTERM"));
}
