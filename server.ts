// One process serves everything: migrations and the demo seed at start, then the Remix app.
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { databasePath, openDatabase } from "./db/client";
import { migrationStatus, runMigrations } from "./db/migrate";
import { DEMO_PASSWORD, DEMO_USERS, isDatabaseEmpty, seedDemo } from "./db/seed";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
// Requests over these sizes are refused before they reach a route (case bodies are capped at 2 MB,
// source imports at 5 MB: those routes then answer with their own message).
const MAX_BODY_BYTES = 3 * 1024 * 1024;
const MAX_IMPORT_BODY_BYTES = 6 * 1024 * 1024;
const IMPORT_PATH = /^\/w\/[a-z0-9]+\/(sources\/import|import)\b/;
// A whole workspace export (cases with revisions) may be large; the import route checks its own 50 MB cap.
const MAX_WORKSPACE_IMPORT_BYTES = 50 * 1024 * 1024 + 64 * 1024;
const WORKSPACE_IMPORT_PATH = /^\/workspaces\/import(\.data)?$/;

const startedAt = performance.now();
const { db, sqlite } = openDatabase();
runMigrations(db);
let seeded = false;
if (process.env.SEED_DEMO !== "0" && isDatabaseEmpty(db)) {
  await seedDemo(db);
  seeded = true;
}

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY === "1") app.set("trust proxy", true);

app.use((req, res, next) => {
  // Routes read the client address from this header; whatever a client sent is overwritten.
  req.headers["x-casebook-client-ip"] = req.ip ?? req.socket.remoteAddress ?? "";
  res.locals.cspNonce = dev ? "" : randomBytes(16).toString("base64");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  next();
});

app.get("/healthz", (_req, res) => {
  try {
    const status = migrationStatus(sqlite);
    sqlite.prepare("select 1").get();
    const current = status.applied === status.expected;
    res.status(current ? 200 : 503).json({ ok: current, database: "reachable", migrations: status });
  } catch (error) {
    res.status(503).json({ ok: false, database: "unreachable", error: String(error) });
  }
});

app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const length = Number(req.headers["content-length"] || 0);
  const limit = WORKSPACE_IMPORT_PATH.test(req.path)
    ? MAX_WORKSPACE_IMPORT_BYTES
    : IMPORT_PATH.test(req.path)
      ? MAX_IMPORT_BODY_BYTES
      : MAX_BODY_BYTES;
  if (length > limit) {
    res
      .status(413)
      .type("text/plain")
      .send(`This request is too large (over ${Math.round(limit / 1024 / 1024)} MB). Nothing was saved.`);
    req.resume();
    return;
  }
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

app.all(
  "*",
  createRequestHandler({
    build,
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
  }),
);

app.listen(port, host, () => {
  const url = `http://localhost:${port}`;
  const status = migrationStatus(sqlite);
  console.log(
    `Mediation Casebook is ready on ${url} (started in ${Math.round(performance.now() - startedAt)} ms)`,
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
});
