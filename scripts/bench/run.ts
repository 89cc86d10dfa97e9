// `npm run bench`: builds the production app, generates a synthetic workspace in a fresh database, starts
// the server on loopback and measures it (autocannon for the pages, Chromium for the editor), then writes
// docs/BENCHMARKS.md and prints it. Flags: see README.md ("Benchmarks") or `npm run bench -- --help`.
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { type BrowserFigures, measureBrowser } from "./browser";
import {
  type CollabFigures,
  collabSectionOf,
  freePort,
  measureCollab,
  renderCollabSection,
  runCollabOnly,
  withCollabSection,
} from "./collab";
import { DEFAULT_GENERATE, type GeneratedWorkspace, generateWorkspace } from "./generate";
import { startTestRedis } from "./redis-server";
import { type LoadFigures, renderReport, type SearchCpuFigures } from "./report";
import { renderTeamSection, startTeam, type TeamRun } from "./team";
import { renderWorkersSection, type WorkersFigures, type WorkersRow } from "./workers";

type Flags = {
  cases: number;
  words: number;
  codes: number;
  sources: number;
  comments: number;
  duration: number;
  connections: number;
  warmup: number;
  keystrokes: number;
  longWords: number;
  build: boolean;
  browser: boolean;
  out: string | null;
  db: string | null;
  quick: boolean;
  /** "collab": only the co-editing figures (scripts/bench/collab.ts), written into their own section. */
  only: string | null;
  collab: boolean;
  /** WORKERS=1 against WORKERS=2 (cache off), and the co-editing run over 2 workers through Redis. */
  workers: boolean;
  /** Readers while co-editors type and conditions are saved, quiet against busy (issue 19). */
  team: boolean;
};

const HELP = `npm run bench -- [flags]
  --cases N         cases in the workspace (5000)
  --words N         words per case (2500)
  --codes N         codes in the codebook (60)
  --sources N       sources in the library (300)
  --comments N      comments in threads (20000)
  --long-words N    words of the long case the editor timings open (30000)
  --duration S      seconds of load per page (10)
  --warmup S        seconds of unmeasured load before each page (2)
  --connections N   concurrent connections (32)
  --keystrokes N    keystrokes timed in the editor (200)
  --quick           smoke run: 300 cases, 3 s per page, 50 keystrokes; prints, writes no file
  --out PATH        where to write the report (docs/BENCHMARKS.md; with --quick: nowhere)
  --db PATH         keep the generated database at PATH and reuse it when it exists
  --no-build        use the existing build (BUILD_DIR or build/)
  --no-browser      skip the Chromium timings
  --no-collab       skip the co-editing run (20 editors, 60 s)
  --no-workers      skip WORKERS=1 against WORKERS=2 and the co-editing run over 2 workers (needs redis-server);
                    the team-at-work part then runs on one process only
  --no-team         skip the team-at-work part (readers while 5 co-editors type and conditions are saved)
  --only=collab     only the co-editing run, on a fresh demo database; updates its section of --out
  --only=workers    only the workers part, on the generated workspace (use --db to keep it); updates its
                    two sections of --out
  --only=team       only the team-at-work part (WORKERS=1, then WORKERS=2 unless --no-workers), on the
                    generated workspace; updates its section of --out`;

function parseFlags(argv: string[]): Flags {
  const quick = argv.includes("--quick");
  const flags: Flags = {
    cases: quick ? 300 : DEFAULT_GENERATE.cases,
    words: DEFAULT_GENERATE.words,
    codes: DEFAULT_GENERATE.codes,
    sources: DEFAULT_GENERATE.sources,
    comments: quick ? 1200 : DEFAULT_GENERATE.comments,
    duration: quick ? 3 : 10,
    connections: 32,
    warmup: quick ? 1 : 2,
    keystrokes: quick ? 50 : 200,
    longWords: DEFAULT_GENERATE.longCaseWords,
    build: true,
    browser: true,
    out: quick ? null : "docs/BENCHMARKS.md",
    db: null,
    quick,
    only: null,
    collab: true,
    workers: true,
    team: true,
  };
  const numeric: Record<string, keyof Flags> = {
    "--cases": "cases",
    "--words": "words",
    "--codes": "codes",
    "--sources": "sources",
    "--comments": "comments",
    "--duration": "duration",
    "--connections": "connections",
    "--warmup": "warmup",
    "--keystrokes": "keystrokes",
    "--long-words": "longWords",
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") {
      console.log(HELP);
      process.exit(0);
    } else if (arg in numeric) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0) throw new Error(`${arg} needs a number`);
      (flags as Record<string, unknown>)[numeric[arg]] = value;
    } else if (arg === "--out") flags.out = argv[++i];
    else if (arg === "--db") flags.db = argv[++i];
    else if (arg === "--no-build") flags.build = false;
    else if (arg === "--no-browser") flags.browser = false;
    else if (arg === "--no-collab") flags.collab = false;
    else if (arg === "--no-workers") flags.workers = false;
    else if (arg === "--no-team") flags.team = false;
    else if (arg.startsWith("--only")) flags.only = arg.includes("=") ? arg.split("=")[1] : argv[++i];
    else if (arg !== "--quick") throw new Error(`Unknown flag ${arg}\n${HELP}`);
  }
  if (flags.codes < 4) throw new Error("--codes must be at least 4 (the matrix needs an outcome)");
  if (flags.cases < 4) throw new Error("--cases must be at least 4 (the side-by-side shows 4)");
  return flags;
}

const log = (line: string) => console.log(`[bench] ${line}`);

// The measured search (issue 22): a word of the long tail (in about one case in six, as before) with a
// word found through its stem (negotiated → negotiation) and a phrase found through its stems
// ("armed groups" → armed group).
const searchQuery = (workspace: GeneratedWorkspace) =>
  `${workspace.searchWords[0]} negotiated "armed groups"`;

/** searchLibrary()'s own CPU per query, without the response cache (scripts/bench/search-cpu.ts). */
function measureSearchCpu(dbPath: string, workspace: GeneratedWorkspace): SearchCpuFigures {
  const out = execSync(
    `npx tsx scripts/bench/search-cpu.ts ${workspace.workspaceId} ${workspace.ownerEmail} '${searchQuery(workspace)}' 300`,
    { env: { ...process.env, DATABASE_URL: dbPath, SEED_DEMO: "0" }, encoding: "utf8" },
  );
  return JSON.parse(out.trim().split("\n").pop()!) as SearchCpuFigures;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function serverNodeFlags(): string {
  const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { config?: { server_node_flags?: string } };
  return pkg.config?.server_node_flags ?? "";
}

async function startServer(env: Record<string, string>, logFile: string) {
  const out = openSync(logFile, "a");
  const started = performance.now();
  // The compiled server, as `npm start` runs it (node build/server.js), so the pid is the server's.
  // The node flags `npm run serve` gives the server (package.json config.server_node_flags), and
  // BENCH_SERVER_NODE_FLAGS (say "--trace-gc") for looking into a figure.
  const nodeFlags = [serverNodeFlags(), process.env.BENCH_SERVER_NODE_FLAGS ?? ""]
    .join(" ")
    .split(" ")
    .filter(Boolean);
  const child = spawn(process.execPath, [...nodeFlags, `${env.BUILD_DIR}/server.js`], {
    env: { ...process.env, ...env },
    stdio: ["ignore", out, out],
  });
  const base = `http://127.0.0.1:${env.PORT}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}); see ${logFile}`);
    try {
      const response = await fetch(`${base}/healthz`);
      if (response.status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (performance.now() - started > 60_000) throw new Error(`The server did not start; see ${logFile}`);
    await sleep(10);
  }
  return { child, base, coldStartMs: performance.now() - started };
}

function stopServer(child: ChildProcess) {
  return new Promise<void>((done) => {
    if (child.exitCode !== null) return done();
    child.once("exit", () => done());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5000).unref();
  });
}

function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { peakMb: kb("VmHWM") / 1024, currentMb: kb("VmRSS") / 1024 };
}

async function signIn(base: string, email: string, password: string) {
  const response = await fetch(`${base}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed (${response.status})`);
  return cookie;
}

/** CPU time the server process has used so far (user + system), in ms: /proc/<pid>/stat, in clock ticks. */
function cpuMsOf(pid: number) {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / Number(execSync("getconf CLK_TCK").toString().trim());
}

type Target = { key: string; label: string; paths: string[]; expect: string };

/** One page under load: a short unmeasured warm-up, then the measured run. */
async function load(
  base: string,
  cookie: string,
  target: Target,
  flags: Flags,
  serverPid: number,
): Promise<LoadFigures> {
  // Each address must answer 200 with the page's content before it is measured.
  const first = await fetch(`${base}${target.paths[0]}`, { headers: { cookie } });
  const html = await first.text();
  if (first.status !== 200 || !html.includes(target.expect))
    throw new Error(
      `${target.label}: ${target.paths[0]} answered ${first.status} without "${target.expect}"`,
    );
  const run = (duration: number) =>
    autocannon({
      url: base,
      connections: flags.connections,
      duration,
      timeout: 120,
      headers: { cookie },
      requests: target.paths.map((path) => ({ method: "GET", path })),
    });
  // Every address once before the warm-up: with the response cache on, the measured run is then the steady
  // state of pages read again (the "cache off" run measures what a render costs).
  for (const path of target.paths.slice(1))
    await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  if (flags.warmup > 0) await run(flags.warmup);
  const cpuBefore = cpuMsOf(serverPid);
  const result = await run(flags.duration);
  const cpuMs = cpuMsOf(serverPid) - cpuBefore;
  const figures: LoadFigures = {
    key: target.key,
    label: target.label,
    path: target.paths[0],
    requests: result.requests.total,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    bytes: Buffer.byteLength(html),
    // The server's own CPU per answered request: what the page costs, whatever else the machine is doing.
    cpuMsPerRequest: result.requests.total ? cpuMs / result.requests.total : Number.NaN,
    errors: result.errors + result.timeouts + result.non2xx,
  };
  log(
    `${target.label}: ${figures.rps.toFixed(0)} req/s, p50 ${figures.p50} ms, p99 ${figures.p99} ms, ` +
      `${figures.cpuMsPerRequest.toFixed(1)} ms of server CPU per request` +
      (figures.errors ? `, ${figures.errors} errors` : ""),
  );
  return figures;
}

/** The first worker answers /healthz before the second listens: the supervisor says when all do. */
async function everyWorkerListening(count: number, logFile: string, logStart: number) {
  const deadline = Date.now() + 60_000;
  while (count > 1 && !readFileSync(logFile, "utf8").slice(logStart).includes(`with ${count} workers`)) {
    if (Date.now() > deadline) throw new Error(`WORKERS=${count}: not every worker started; see ${logFile}`);
    await sleep(50);
  }
}

/** Peak RSS of the server, or of its largest worker when it runs several (the supervisor's children). */
function peakRssOf(pid: number) {
  let children: number[] = [];
  try {
    children = execSync(`pgrep -P ${pid}`, { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  } catch {
    // No children: one process.
  }
  return Math.max(...[pid, ...children].map((id) => memoryOf(id).peakMb));
}

/**
 * The team at work (scripts/bench/team.ts): the five pages quiet, then while five co-editors type into other
 * cases and the owner saves conditions, on the production server (response cache on), with one process and,
 * unless --no-workers, with two through Redis.
 */
async function measureTeamPart(
  env: Record<string, string>,
  targets: Target[],
  workspace: GeneratedWorkspace,
  flags: Flags,
  logFile: string,
  dbPath: string,
) {
  const date = new Date();
  const pages = targets.filter((target) => target.key !== "bare");
  const runs: TeamRun[] = [];
  let problem: string | null = null;
  let redis: Awaited<ReturnType<typeof startTestRedis>> | null = null;
  try {
    for (const count of flags.workers ? [1, 2] : [1]) {
      if (count > 1) redis = await startTestRedis();
      const loadBefore = loadavg()[0];
      const logStart = existsSync(logFile) ? readFileSync(logFile, "utf8").length : 0;
      const server = await startServer(
        { ...env, PORT: String(await freePort()), WORKERS: String(count), REDIS_URL: redis?.url ?? "" },
        logFile,
      );
      try {
        await everyWorkerListening(count, logFile, logStart);
        const pid = server.child.pid!;
        const readers = await signIn(server.base, workspace.ownerEmail, workspace.password);
        const editors = [];
        for (let i = 0; i < 5; i++)
          editors.push({
            cookie: await signIn(server.base, `bench-editor-${i + 1}@example.org`, workspace.password),
            caseId: workspace.caseIds[60 + i],
          });
        log(`team at work, WORKERS=${count}: the pages quiet, ${flags.connections} readers`);
        const quiet: LoadFigures[] = [];
        for (const page of pages) quiet.push(await load(server.base, readers, page, flags, pid));
        const team = await startTeam({
          baseUrl: server.base,
          editors,
          conditions: {
            cookie: readers,
            workspaceId: workspace.workspaceId,
            caseId: workspace.caseIds[70],
            codeId: workspace.outcomeIds[0],
          },
          databaseFile: dbPath,
        });
        log(`team at work, WORKERS=${count}: the pages while 5 co-editors type and conditions are saved`);
        const busy: LoadFigures[] = [];
        for (const page of pages) busy.push(await load(server.base, readers, page, flags, pid));
        const activity = await team.stop();
        log(
          `team at work: ${activity.keystrokes} keystrokes, ${activity.conditionSaves} condition saves (${activity.conditionErrors} refused)`,
        );
        runs.push({
          workers: count,
          quiet,
          busy,
          activity,
          peakRssMb: peakRssOf(pid),
          loadAverage: [loadBefore, loadavg()[0]],
        });
      } finally {
        await stopServer(server.child);
        await redis?.stop();
        redis = null;
      }
    }
  } catch (error) {
    problem = error instanceof Error ? error.message.split("\n")[0] : String(error);
    log(`team-at-work part failed: ${problem}`);
  }
  return renderTeamSection(
    runs.length
      ? { runs, connections: flags.connections, seconds: flags.duration, cores: machine().cores }
      : null,
    problem,
    date,
  );
}

/**
 * WORKERS=1 against WORKERS=2 on the same pages with the response cache off (every request renders), then
 * 20 editors over the two workers through Redis (ADR 0017). Each part that fails says why in its section.
 */
async function measureWorkersPart(
  env: Record<string, string>,
  targets: Target[],
  workspace: GeneratedWorkspace,
  flags: Flags,
  logFile: string,
  dbPath: string,
) {
  const date = new Date();
  let workers: WorkersFigures | null = null;
  let workersProblem: string | null = null;
  let collab: CollabFigures | null = null;
  let collabProblem: string | null = null;
  const started: ChildProcess[] = [];
  let redis: Awaited<ReturnType<typeof startTestRedis>> | null = null;
  try {
    redis = await startTestRedis();
    log(`redis-server on port ${redis.port}`);
    // Both servers under the same load: enough connections to keep two processes rendering.
    const load2 = {
      ...flags,
      connections: Math.min(flags.connections, 8),
      duration: Math.max(2, Math.round(flags.duration / 2)),
      warmup: Math.max(1, Math.min(flags.warmup, 2)),
    };
    const loadBefore = loadavg()[0];
    // Both servers run side by side (the idle one costs nothing) and each page is measured on one, then the
    // other, then again in the other order: the load other work puts on the machine drifts, and this way it
    // weighs on both alike.
    const servers: Array<{ count: number; base: string; pid: number; cookie: string }> = [];
    for (const count of [1, 2]) {
      const logStart = existsSync(logFile) ? readFileSync(logFile, "utf8").length : 0;
      const server = await startServer(
        {
          ...env,
          PORT: String(await freePort()),
          RESPONSE_CACHE: "0",
          WORKERS: String(count),
          REDIS_URL: count > 1 ? redis.url : "",
        },
        logFile,
      );
      started.push(server.child);
      await everyWorkerListening(count, logFile, logStart);
      const cookie = await signIn(server.base, workspace.ownerEmail, workspace.password);
      servers.push({ count, base: server.base, pid: server.child.pid!, cookie });
    }
    const rows: WorkersRow[] = [];
    for (const target of targets) {
      const runs: Record<number, LoadFigures[]> = { 1: [], 2: [] };
      for (const order of [servers, [...servers].reverse()]) {
        for (const server of order) {
          log(`WORKERS=${server.count}, cache off, ${load2.connections} connections:`);
          runs[server.count].push(await load(server.base, server.cookie, target, load2, server.pid));
        }
      }
      const mean = (list: LoadFigures[]) => ({
        rps: list.reduce((sum, figures) => sum + figures.rps, 0) / list.length,
        p50: Math.round(list.reduce((sum, figures) => sum + figures.p50, 0) / list.length),
        errors: list.reduce((sum, figures) => sum + figures.errors, 0),
      });
      rows.push({ label: target.label, path: target.paths[0], one: mean(runs[1]), two: mean(runs[2]) });
    }
    const two = servers.find((server) => server.count === 2);
    const one = servers.find((server) => server.count === 1);
    if (two && one && flags.collab) {
      try {
        collab = await measureCollab({
          baseUrl: two.base,
          cookie: two.cookie,
          caseId: workspace.caseIds[2],
          seconds: flags.quick ? 10 : 60,
          databaseFile: dbPath,
          spreadOver: 2,
          log,
        });
        log(`collab over 2 workers: editors per worker ${JSON.stringify(collab.perWorker)}`);
        // The same run on the one-process server right after, on another case: what the machine's load
        // alone does to the figure.
        log("collab, the same on the WORKERS=1 server for comparison:");
        collab.control = await measureCollab({
          baseUrl: one.base,
          cookie: one.cookie,
          caseId: workspace.caseIds[3],
          seconds: flags.quick ? 10 : 60,
          databaseFile: dbPath,
          log,
        });
      } catch (error) {
        collabProblem = error instanceof Error ? error.message.split("\n")[0] : String(error);
        log(`co-editing over 2 workers failed: ${collabProblem}`);
      }
    }
    workers = {
      rows,
      connections: load2.connections,
      seconds: load2.duration,
      cores: machine().cores,
      loadAverage: [loadBefore, loadavg()[0]],
    };
  } catch (error) {
    workersProblem = error instanceof Error ? error.message.split("\n")[0] : String(error);
    log(`workers part failed: ${workersProblem}`);
  } finally {
    for (const child of started) await stopServer(child);
    await redis?.stop();
  }
  if (!flags.collab) collabProblem ??= "skipped (--no-collab)";
  return {
    workersSection: renderWorkersSection(workers, workersProblem, date),
    collabSection: renderCollabSection(
      collab,
      collabProblem ?? (workersProblem ? `the workers part failed: ${workersProblem}` : null),
      date,
      "collab-workers",
    ),
  };
}

/** The pages measured, on the generated workspace. */
function pageTargets(workspace: GeneratedWorkspace): Target[] {
  const ws = `/w/${workspace.workspaceId}`;
  // The case page rotates over 50 cases, so no single row sits in every cache.
  const casePaths = workspace.caseIds.slice(0, 50).map((id) => `${ws}/cases/${id}`);
  const [region] = workspace.regions;
  const outcome = workspace.outcomeIds[0];
  const compared = workspace.caseIds.slice(100, 104);
  return [
    { key: "bare", label: "Bare Remix route", paths: ["/bench/bare"], expect: "ok" },
    { key: "case", label: "Case page", paths: casePaths, expect: "Context" },
    {
      key: "library",
      label: "Library, two filters",
      paths: [`${ws}/cases?region=${encodeURIComponent(region)}&status=approved`],
      expect: "cases",
    },
    {
      key: "search",
      label: "Search",
      paths: [`${ws}/cases?q=${encodeURIComponent(searchQuery(workspace))}`],
      expect: "cases",
    },
    {
      key: "matrix",
      label: "Matrix, all cases, one outcome",
      paths: [`${ws}/matrix?outcome=${outcome}`],
      expect: "Matrix",
    },
    {
      key: "compare",
      label: "Side by side, 4 cases",
      paths: [`${ws}/compare?${compared.map((id) => `case=${id}`).join("&")}`],
      expect: "Context",
    },
  ];
}

function machine() {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? "unknown";
  const sqlite = new Database(":memory:");
  const sqliteVersion = (sqlite.prepare("select sqlite_version() as v").get() as { v: string }).v;
  sqlite.close();
  return {
    cores: Number(execSync("nproc").toString().trim()),
    cpu: model,
    ramGb: totalmem() / 1024 ** 3,
    node: process.version,
    sqlite: sqliteVersion,
  };
}

async function main() {
  const flags = parseFlags(process.argv.slice(2));
  const root = resolve(import.meta.dirname, "../..");
  process.chdir(root);
  const buildDir = process.env.BUILD_DIR || "build";
  const work = mkdtempSync(join(tmpdir(), "casebook-bench-"));
  const dbPath = flags.db ? resolve(flags.db) : join(work, "bench.db");
  const manifestPath = `${dbPath}.json`;
  const logFile = join(work, "server.log");
  const began = performance.now();
  if (flags.only === "collab")
    return runCollabOnly({ build: flags.build, out: flags.out, seconds: flags.quick ? 10 : 60 });
  if (flags.only && flags.only !== "workers" && flags.only !== "team")
    throw new Error(`--only knows "collab", "workers" and "team", not "${flags.only}"`);

  if (flags.build) {
    log(`building the production app into ${buildDir}/`);
    execSync("npm run build", { stdio: ["ignore", "ignore", "inherit"], env: process.env });
  }

  let workspace: GeneratedWorkspace;
  let generationSeconds: number | null = null;
  if (flags.db && existsSync(dbPath) && existsSync(manifestPath)) {
    log(`reusing ${dbPath}`);
    workspace = JSON.parse(readFileSync(manifestPath, "utf8"));
  } else {
    log(
      `generating ${flags.cases} cases of ${flags.words} words, ${flags.codes} codes, ${flags.sources} sources, ${flags.comments} comments`,
    );
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
    const t = performance.now();
    workspace = await generateWorkspace(
      dbPath,
      {
        ...DEFAULT_GENERATE,
        cases: flags.cases,
        words: flags.words,
        codes: flags.codes,
        sources: flags.sources,
        comments: flags.comments,
        longCaseWords: flags.longWords,
      },
      log,
    );
    generationSeconds = (performance.now() - t) / 1000;
    writeFileSync(manifestPath, JSON.stringify(workspace));
    log(`generated in ${generationSeconds.toFixed(1)} s`);
  }

  const port = await freePort();
  const env = {
    DATABASE_URL: dbPath,
    SEED_DEMO: "0",
    BENCH: "1",
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    BUILD_DIR: buildDir,
  };
  if (flags.only === "team") {
    const section = await measureTeamPart(env, pageTargets(workspace), workspace, flags, logFile, dbPath);
    const out = flags.out;
    const report = withCollabSection(
      out && existsSync(out) ? readFileSync(out, "utf8") : "# Benchmarks\n",
      section,
      "team",
    );
    if (out) {
      writeFileSync(out, report);
      log(`wrote the team-at-work section of ${out}`);
    }
    console.log(`\n${section}`);
    if (!flags.db) rmSync(work, { recursive: true, force: true });
    return;
  }
  if (flags.only === "workers") {
    const part = await measureWorkersPart(env, pageTargets(workspace), workspace, flags, logFile, dbPath);
    const out = flags.out;
    let report = out && existsSync(out) ? readFileSync(out, "utf8") : "# Benchmarks\n";
    report = withCollabSection(report, part.workersSection, "workers");
    report = withCollabSection(report, part.collabSection, "collab-workers");
    if (out) {
      writeFileSync(out, report);
      log(`wrote the workers sections of ${out}`);
    }
    console.log(`\n${part.workersSection}\n\n${part.collabSection}`);
    if (!flags.db) rmSync(work, { recursive: true, force: true });
    return;
  }

  const { child, base, coldStartMs } = await startServer(env, logFile);
  log(`server ready in ${coldStartMs.toFixed(0)} ms (pid ${child.pid})`);
  const servers = [child];

  try {
    const cookie = await signIn(base, workspace.ownerEmail, workspace.password);
    const targets = pageTargets(workspace);
    const ws = `/w/${workspace.workspaceId}`;
    const pages: LoadFigures[] = [];
    const loadBefore = loadavg()[0];
    for (const target of targets) {
      pages.push(await load(base, cookie, target, flags, child.pid!));
      // Where the peak comes from, in the log: after each page, the browser part and the co-editing part.
      log(`server memory after ${target.key}: peak ${memoryOf(child.pid!).peakMb.toFixed(0)} MB`);
    }

    let browserFigures: BrowserFigures | null = null;
    let browserProblem: string | null = null;
    if (flags.browser) {
      log(`Chromium: opening the ${flags.longWords}-word case in the editor`);
      try {
        browserFigures = await measureBrowser({
          baseUrl: base,
          email: workspace.ownerEmail,
          password: workspace.password,
          editPath: `${ws}/cases/${workspace.longCaseId}/edit`,
          keystrokes: flags.keystrokes,
        });
        log(
          `editable in ${browserFigures.editableMs.toFixed(0)} ms; keystroke p50 ${browserFigures.keystrokeP50.toFixed(1)} ms, p95 ${browserFigures.keystrokeP95.toFixed(1)} ms`,
        );
      } catch (error) {
        // The page figures are still worth writing down; the report says why these are missing.
        browserProblem = error instanceof Error ? error.message.split("\n")[0] : String(error);
        log(`Chromium timings failed: ${browserProblem}`);
      }
    }
    log(`server memory after the editor: peak ${memoryOf(child.pid!).peakMb.toFixed(0)} MB`);
    let collab: CollabFigures | null = null;
    let collabProblem: string | null = null;
    if (flags.collab) {
      try {
        collab = await measureCollab({
          baseUrl: base,
          cookie,
          caseId: workspace.caseIds[1],
          seconds: flags.quick ? 10 : 60,
          databaseFile: dbPath,
          log,
        });
      } catch (error) {
        collabProblem = error instanceof Error ? error.message.split("\n")[0] : String(error);
        log(`co-editing run failed: ${collabProblem}`);
      }
    }
    const memory = memoryOf(child.pid!);
    log(`server memory: peak ${memory.peakMb.toFixed(0)} MB, now ${memory.currentMb.toFixed(0)} MB`);
    await stopServer(child);

    // What the response cache hides: the same pages on a server without it (RESPONSE_CACHE=0). Fewer
    // connections and shorter runs: only the CPU each render costs is wanted here, and uncached pages
    // under 32 connections may not answer within a run at all.
    const uncachedFlags = {
      ...flags,
      connections: Math.min(flags.connections, 4),
      duration: Math.max(2, Math.round(flags.duration / 2)),
      warmup: Math.min(flags.warmup, 1),
    };
    const uncached = await startServer(
      { ...env, PORT: String(await freePort()), RESPONSE_CACHE: "0" },
      logFile,
    );
    servers.push(uncached.child);
    const uncachedCookie = await signIn(uncached.base, workspace.ownerEmail, workspace.password);
    log(`cache off (RESPONSE_CACHE=0), ${uncachedFlags.connections} connections:`);
    for (const page of pages) {
      const target = targets.find((t) => t.key === page.key)!;
      const figures = await load(uncached.base, uncachedCookie, target, uncachedFlags, uncached.child.pid!);
      page.uncachedCpuMsPerRequest = figures.requests ? figures.cpuMsPerRequest : Number.NaN;
      page.uncachedP50 = figures.p50;
    }
    const uncachedMemory = memoryOf(uncached.child.pid!);
    log(`cache off: server memory peak ${uncachedMemory.peakMb.toFixed(0)} MB`);
    const searchCpu = measureSearchCpu(dbPath, workspace);
    log(
      `search query alone: CPU p50 ${searchCpu.p50.toFixed(2)} ms, p99 ${searchCpu.p99.toFixed(2)} ms, first ${searchCpu.coldMs.toFixed(0)} ms (${searchCpu.matches} cases)`,
    );
    await stopServer(uncached.child);
    const part = flags.workers
      ? await measureWorkersPart(env, targets, workspace, flags, logFile, dbPath)
      : null;

    const teamSection = flags.team
      ? await measureTeamPart(env, targets, workspace, flags, logFile, dbPath)
      : null;
    const previous = flags.out && existsSync(flags.out) ? readFileSync(flags.out, "utf8") : null;
    const collabSection =
      collab || collabProblem
        ? renderCollabSection(collab, collabProblem, new Date())
        : collabSectionOf(previous);
    const pagesReport = renderReport({
      date: new Date(),
      machine: machine(),
      flags,
      workspace,
      generationSeconds,
      coldStartMs,
      pages,
      browser: browserFigures,
      browserProblem,
      peakRssMb: memory.peakMb,
      uncachedPeakRssMb: uncachedMemory.peakMb,
      uncachedConnections: uncachedFlags.connections,
      searchCpu,
      loadAverage: [loadBefore, loadavg()[0]],
      previous,
    });
    let report = collabSection ? withCollabSection(pagesReport, collabSection) : pagesReport;
    const workersSection = part?.workersSection ?? collabSectionOf(previous, "workers");
    const collabWorkersSection = part?.collabSection ?? collabSectionOf(previous, "collab-workers");
    if (workersSection) report = withCollabSection(report, workersSection, "workers");
    if (collabWorkersSection) report = withCollabSection(report, collabWorkersSection, "collab-workers");
    const team = teamSection ?? collabSectionOf(previous, "team");
    if (team) report = withCollabSection(report, team, "team");
    if (flags.out) {
      writeFileSync(flags.out, report);
      log(`wrote ${flags.out}`);
    }
    console.log(`\n${report}`);
    log(`done in ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    for (const server of servers) await stopServer(server);
    if (!flags.db) rmSync(work, { recursive: true, force: true });
    else log(`server log: ${logFile}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
