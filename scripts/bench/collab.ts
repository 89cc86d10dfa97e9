// Co-editing under load (ADR 0007): simulated editors (Hocuspocus providers in Node) type into one case at
// once; the figure is the fan-out latency, from a keystroke in one editor to its arrival in each other one,
// and every replica must end with the same text, holding every keystroke. Run by `npm run bench` after the
// page figures, or alone: `npm run bench -- --only=collab` (fresh demo database, no generated workspace).
import { type ChildProcess, execSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import Database from "better-sqlite3";
import * as Y from "yjs";

export type CollabFigures = {
  editors: number;
  /** Editors per server process (WORKERS), by the worker number the WebSocket handshake answered with. */
  perWorker: Record<string, number>;
  seconds: number;
  keystrokes: number;
  /** Keystroke arrivals measured (keystrokes × other editors). */
  samples: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  converged: boolean;
  /** Keystrokes missing from the final text of any replica (or of the stored case). */
  lost: number;
  storedMatches: boolean | null;
  loadAverage: [number, number];
  /** With WORKERS: the same run on a one-process server right after, for comparison. */
  control?: CollabFigures;
};

export const COLLAB_P95_GOAL_MS = 100;
const FIELD = "default";

// Node 20 has no WebSocket client of its own; `ws` comes with Hocuspocus.
const WebSocket = createRequire(import.meta.url)("ws") as new (
  url: string,
  options?: { headers?: Record<string, string> },
) => { on(event: "upgrade", listener: (response: { headers: Record<string, string> }) => void): void };

/**
 * A socket class that sends the session cookie and the app's origin, as a browser would, and notes which
 * server process answered (X-Casebook-Worker; 0 with one process).
 */
function socketWith(cookie: string, origin: string, seen: { worker: number }) {
  return class extends WebSocket {
    constructor(address: string) {
      super(address, { headers: { cookie, origin } });
      this.on("upgrade", (response) => {
        seen.worker = Number(response.headers["x-casebook-worker"] ?? 0);
      });
    }
  };
}

export type NodeEditor = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** The server process the editor's socket is on now (0 with one process). */
  worker(): number;
  destroy(): void;
};

/** One editor in Node: the same provider the browser uses, on the app's /collab address. */
export function openNodeEditor(baseUrl: string, cookie: string, caseId: string): NodeEditor {
  const doc = new Y.Doc();
  const seen = { worker: 0 };
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${baseUrl.replace(/^http/, "ws")}/collab`,
    WebSocketPolyfill: socketWith(cookie, baseUrl, seen),
    // Reconnect quickly (a restart test stops the server under it).
    delay: 100,
    minDelay: 100,
    maxDelay: 1000,
  });
  const provider = new HocuspocusProvider({ websocketProvider, name: caseId, document: doc });
  provider.attach();
  return {
    doc,
    provider,
    worker: () => seen.worker,
    destroy() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

export async function until(check: () => boolean, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Appends a paragraph starting with `label` and returns its text, to type into. */
export function addParagraph(doc: Y.Doc, label: string): Y.XmlText {
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  doc.transact(() => {
    doc.getXmlFragment(FIELD).push([paragraph]);
    text.insert(0, label);
  });
  return text;
}

function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment(FIELD)
    .toArray()
    .flatMap((node) =>
      node instanceof Y.XmlElement && node.nodeName === "paragraph"
        ? node.toArray().filter((child): child is Y.XmlText => child instanceof Y.XmlText)
        : [],
    );
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : Number.NaN;

/**
 * `editors` providers type into case `caseId` for `seconds`, one keystroke every ~`intervalMs` each (a fast
 * typist), each into a paragraph of its own. `databaseFile`, when given, is read at the end to check that
 * the stored case holds the same text.
 */
export async function measureCollab(options: {
  baseUrl: string;
  cookie: string;
  caseId: string;
  editors?: number;
  seconds?: number;
  intervalMs?: number;
  databaseFile?: string;
  /** With WORKERS: spread the editors evenly over this many server processes. */
  spreadOver?: number;
  log?: (line: string) => void;
}): Promise<CollabFigures> {
  const count = options.editors ?? 20;
  const seconds = options.seconds ?? 60;
  const interval = options.intervalMs ?? 200;
  const log = options.log ?? (() => {});
  const loadBefore = loadavg()[0];
  const editors: NodeEditor[] = [];
  if (options.spreadOver && options.spreadOver > 1) {
    // Several server processes: the supervisor hands a connection to whichever worker is free, so an even
    // spread is made by hand: an editor that lands on a worker with its share already is opened again.
    const share = Math.ceil(count / options.spreadOver);
    const on: Record<number, number> = {};
    for (let attempt = 0; editors.length < count; attempt++) {
      if (attempt > count * 20)
        throw new Error(`Could not spread ${count} editors over ${options.spreadOver} workers`);
      const editor = openNodeEditor(options.baseUrl, options.cookie, options.caseId);
      await until(() => editor.provider.isSynced, "an editor synced");
      const worker = editor.worker();
      if ((on[worker] ?? 0) >= share) {
        editor.destroy();
        continue;
      }
      on[worker] = (on[worker] ?? 0) + 1;
      editors.push(editor);
    }
  } else {
    for (let i = 0; i < count; i++)
      editors.push(openNodeEditor(options.baseUrl, options.cookie, options.caseId));
  }
  try {
    await until(() => editors.every((editor) => editor.provider.isSynced), "every editor synced");
    const perWorker: Record<string, number> = {};
    for (const editor of editors) perWorker[editor.worker()] = (perWorker[editor.worker()] ?? 0) + 1;
    // A tag of this run: a kept database (--db) holds the paragraphs of earlier runs.
    const run = Date.now().toString(36);
    const labels = editors.map((_, index) => `Bench editor ${String(index + 1).padStart(2, "0")} (${run}): `);
    const own = editors.map((editor, index) => addParagraph(editor.doc, labels[index]));
    // Each replica finds each editor's paragraph by its label, once. The case already has paragraphs of its
    // own, so wait for the labels themselves, not for a paragraph count.
    const findAll = () =>
      editors.map((editor) => {
        const byLabel = new Map(paragraphTexts(editor.doc).map((text) => [text.toString(), text]));
        return labels.map((label) => byLabel.get(label));
      });
    let found = findAll();
    try {
      await until(() => {
        found = findAll();
        return found.every((row) => row.every(Boolean));
      }, "every editor's paragraph in every replica");
    } catch {
      throw new Error("A replica misses a paragraph");
    }

    // sentAt[i][k]: when editor i typed its k-th character; seen[j][i]: how many of them j has.
    const sentAt: number[][] = editors.map(() => []);
    const typed: string[] = editors.map(() => "");
    const seen = editors.map(() => editors.map(() => 0));
    const latencies: number[] = [];
    editors.forEach((editor, j) => {
      editor.doc.on("update", (_update: Uint8Array, origin: unknown) => {
        if (origin !== editor.provider) return;
        const now = performance.now();
        for (let i = 0; i < count; i++) {
          if (i === j) continue;
          const have = (found[j][i] as Y.XmlText).length - labels[i].length;
          for (let k = seen[j][i]; k < have && k < sentAt[i].length; k++) latencies.push(now - sentAt[i][k]);
          if (have > seen[j][i]) seen[j][i] = Math.min(have, sentAt[i].length);
        }
      });
    });

    log(`collab: ${count} editors typing for ${seconds} s`);
    const stopAt = performance.now() + seconds * 1000;
    await Promise.all(
      editors.map(async (_, i) => {
        // Staggered starts, so the keystrokes do not all fall on the same tick.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * interval));
        while (performance.now() < stopAt) {
          const k = sentAt[i].length;
          const char = k % 6 === 5 ? " " : String.fromCharCode(97 + ((i + k) % 26));
          sentAt[i].push(performance.now());
          typed[i] += char;
          own[i].insert(own[i].length, char);
          await new Promise((resolve) => setTimeout(resolve, interval * (0.5 + Math.random())));
        }
      }),
    );
    const keystrokes = sentAt.reduce((sum, list) => sum + list.length, 0);
    log(`collab: ${keystrokes} keystrokes typed; waiting for every replica`);
    const textOf = (editor: NodeEditor) => paragraphTexts(editor.doc).map((text) => text.toString());
    let converged = true;
    try {
      await until(
        () =>
          editors.every((editor) => editor.provider.unsyncedChanges === 0) &&
          editors.every((editor) => JSON.stringify(textOf(editor)) === JSON.stringify(textOf(editors[0]))),
        "all replicas to converge",
      );
    } catch {
      converged = false;
    }
    const expected = labels.map((label, i) => label + typed[i]);
    let lost = 0;
    for (const editor of editors) {
      const texts = new Set(textOf(editor));
      lost += expected.filter((text) => !texts.has(text)).length;
    }
    const sorted = latencies.sort((a, b) => a - b);
    const figures: CollabFigures = {
      editors: count,
      perWorker,
      seconds,
      keystrokes,
      samples: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? Number.NaN,
      converged,
      lost,
      storedMatches: null,
      loadAverage: [loadBefore, loadavg()[0]],
    };
    for (const editor of editors) editor.destroy();
    if (options.databaseFile) {
      // The last editor out stores the text; read what the database holds.
      const database = new Database(options.databaseFile, { readonly: true });
      try {
        await until(
          () => {
            const row = database
              .prepare("select body_text as text from cases where id = ?")
              .get(options.caseId) as { text: string } | undefined;
            return !!row && expected.every((text) => row.text.includes(text));
          },
          "the stored case to hold every keystroke",
          15_000,
        );
        figures.storedMatches = true;
      } catch {
        figures.storedMatches = false;
      } finally {
        database.close();
      }
    }
    log(
      `collab: fan-out p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms over ${figures.samples} arrivals; ` +
        `${converged ? "converged" : "NOT converged"}, ${lost} keystroke runs missing`,
    );
    return figures;
  } finally {
    for (const editor of editors) editor.destroy();
  }
}

/** The co-editing sections of docs/BENCHMARKS.md: one process, and two processes through Redis (ADR 0017). */
export type CollabVariant = "collab" | "collab-workers";
/** The sections of docs/BENCHMARKS.md that one part of the bench rewrites alone. */
export type SectionKey = CollabVariant | "workers" | "team";
export const marks = (variant: SectionKey) => ({
  start: `<!-- ${variant}:start -->`,
  end: `<!-- ${variant}:end -->`,
});

export function renderCollabSection(
  figures: CollabFigures | null,
  problem: string | null,
  date: Date,
  variant: CollabVariant = "collab",
) {
  const { start: SECTION_START, end: SECTION_END } = marks(variant);
  const title = variant === "collab" ? "## Co-editing" : "## Co-editing over 2 workers (Redis)";
  const lines = [SECTION_START, title, ""];
  if (!figures) {
    lines.push(`Not measured on ${date.toISOString().slice(0, 16).replace("T", " ")} UTC: ${problem}`, "");
  } else {
    const met = figures.p95 <= COLLAB_P95_GOAL_MS;
    lines.push(
      `Written by \`npm run bench\` (\`scripts/bench/collab.ts\`; alone: \`npm run bench -- --only=collab\`) on ${date.toISOString().slice(0, 16).replace("T", " ")} UTC. ` +
        `${figures.editors} editors (Hocuspocus providers in one Node process, the same client as the browser's) type into one case for ${figures.seconds} s, ` +
        "each into a paragraph of its own, about five keystrokes a second each. Fan-out latency is the time from a keystroke in one editor to its arrival in each of the others (server and clients share the machine).",
      "",
      ...(variant === "collab-workers"
        ? [
            `The server runs with \`WORKERS=2\` and \`REDIS_URL\` (a redis-server started by the bench on the same machine): editors per worker ${Object.entries(
              figures.perWorker,
            )
              .sort()
              .map(([worker, n]) => `${worker}: ${n}`)
              .join(
                ", ",
              )}. A keystroke reaching an editor on the other worker goes through Redis; the two workers, Redis and the 20 clients share the 2 cores.`,
            "",
          ]
        : []),
      "| Figure | Goal | Measured | Result |",
      "| --- | --- | ---: | --- |",
      `| Fan-out latency p50 | — | ${figures.p50.toFixed(1)} ms | — |`,
      `| Fan-out latency p95 | ≤ ${COLLAB_P95_GOAL_MS} ms | ${figures.p95.toFixed(1)} ms | ${met ? "met" : "**miss**"} |`,
      `| Fan-out latency p99 / max | — | ${figures.p99.toFixed(1)} / ${figures.max.toFixed(0)} ms | — |`,
      `| Keystrokes / arrivals measured | — | ${figures.keystrokes} / ${figures.samples} | — |`,
      `| All replicas converge to the same text | yes | ${figures.converged ? "yes" : "no"} | ${figures.converged ? "met" : "**miss**"} |`,
      `| Keystrokes missing from any replica | 0 | ${figures.lost} | ${figures.lost === 0 ? "met" : "**miss**"} |`,
      `| Stored case holds every keystroke | yes | ${figures.storedMatches === null ? "not checked" : figures.storedMatches ? "yes" : "no"} | ${figures.storedMatches === false ? "**miss**" : figures.storedMatches ? "met" : "—"} |`,
      "",
      `Machine load average (1 min) before / after: ${figures.loadAverage[0].toFixed(2)} / ${figures.loadAverage[1].toFixed(2)} (2 cores; above 2, other work was sharing them).`,
      "",
    );
    const control = figures.control;
    if (control)
      lines.push(
        `For comparison, the same 20 editors on a one-process server (\`WORKERS=1\`, no Redis) right after, in the same run: ` +
          `fan-out p50 ${control.p50.toFixed(1)} ms, p95 ${control.p95.toFixed(1)} ms, p99 ${control.p99.toFixed(1)} ms; ` +
          `${control.converged ? "converged" : "did not converge"}, ${control.lost} keystroke runs missing; load average ${control.loadAverage[0].toFixed(2)} / ${control.loadAverage[1].toFixed(2)}.`,
        "",
      );
  }
  lines.push(SECTION_END);
  return lines.join("\n");
}

/** Puts a section into a report: in place of the previous one, or before the notes. */
export function withCollabSection(report: string, section: string, variant: SectionKey = "collab") {
  const { start: SECTION_START, end: SECTION_END } = marks(variant);
  const start = report.indexOf(SECTION_START);
  const end = report.indexOf(SECTION_END);
  if (start >= 0 && end > start)
    return report.slice(0, start) + section + report.slice(end + SECTION_END.length);
  const notes = report.indexOf("## What changed it");
  if (notes >= 0) return `${report.slice(0, notes)}${section}\n\n${report.slice(notes)}`;
  return `${report.trimEnd()}\n\n${section}\n`;
}

/** A section of a previous report, to carry over when this run does not measure it. */
export function collabSectionOf(report: string | null, variant: SectionKey = "collab") {
  const { start: SECTION_START, end: SECTION_END } = marks(variant);
  if (!report) return null;
  const start = report.indexOf(SECTION_START);
  const end = report.indexOf(SECTION_END);
  return start >= 0 && end > start ? report.slice(start, end + SECTION_END.length) : null;
}

/** A port nothing listens on now, for a server of the bench. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * `npm run bench -- --only=collab`: the production build on a fresh demo database, 20 editors on the demo's
 * first case as the demo editor, then the section is written into `out` (the rest of the file is kept).
 */
export async function runCollabOnly(options: { build: boolean; out: string | null; seconds?: number }) {
  const log = (line: string) => console.log(`[bench] ${line}`);
  if (options.build) {
    log("building the production app");
    execSync("npx remix vite:build", { stdio: ["ignore", "ignore", "inherit"], env: process.env });
  }
  const work = mkdtempSync(join(tmpdir(), "casebook-collab-bench-"));
  const databaseFile = join(work, "casebook.db");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: databaseFile,
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  try {
    await until(() => output.includes("is ready on"), "the server", 60_000);
    const response = await fetch(`${baseUrl}/sign-in`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "editor@example.org", password: "casebook-demo" }),
    });
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed (${response.status})`);
    const database = new Database(databaseFile, { readonly: true });
    const { id: caseId } = database
      .prepare("select id from cases where deleted_at is null order by created_at limit 1")
      .get() as { id: string };
    database.close();
    let figures: CollabFigures | null = null;
    let problem: string | null = null;
    try {
      figures = await measureCollab({ baseUrl, cookie, caseId, databaseFile, seconds: options.seconds, log });
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
      log(`collab failed: ${problem}`);
    }
    const section = renderCollabSection(figures, problem, new Date());
    if (options.out) {
      const previous = existsSync(options.out) ? readFileSync(options.out, "utf8") : "# Benchmarks\n";
      writeFileSync(options.out, withCollabSection(previous, section));
      log(`wrote the co-editing section of ${options.out}`);
    }
    console.log(`\n${section}`);
    if (!figures) process.exitCode = 1;
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    rmSync(work, { recursive: true, force: true });
  }
}
