// docs/BENCHMARKS.md: the machine, the workspace, each figure against its goal, and the notes on what
// changed the figures. The notes are written by hand between the markers and survive every new run.
import type { BrowserFigures } from "./browser";
import type { GeneratedWorkspace } from "./generate";

export type LoadFigures = {
  key: string;
  label: string;
  path: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  /** Size of the page's HTML. */
  bytes: number;
  cpuMsPerRequest: number;
  errors: number;
  /** The same page on a server with the response cache off (RESPONSE_CACHE=0): what a render costs. */
  uncachedCpuMsPerRequest?: number;
  uncachedP50?: number;
};

type Machine = { cores: number; cpu: string; ramGb: number; node: string; sqlite: string };

/** searchLibrary()'s CPU per query in a process of its own (scripts/bench/search-cpu.ts), in ms. */
export type SearchCpuFigures = {
  query: string;
  matches: number;
  codes: number;
  discussions: number;
  coldMs: number;
  p50: number;
  p99: number;
  mean: number;
};

export type ReportInput = {
  date: Date;
  machine: Machine;
  flags: { duration: number; connections: number; warmup: number; quick: boolean; keystrokes: number };
  workspace: GeneratedWorkspace;
  generationSeconds: number | null;
  coldStartMs: number;
  pages: LoadFigures[];
  browser: BrowserFigures | null;
  /** Why the Chromium timings are missing, when they failed. */
  browserProblem?: string | null;
  peakRssMb: number;
  uncachedPeakRssMb?: number;
  uncachedConnections?: number;
  /** One-minute load average before and after the page runs (other work on the machine skews latency). */
  loadAverage: [number, number];
  previous: string | null;
  searchCpu?: SearchCpuFigures;
};

const NOTES_START = "<!-- notes:start -->";
const NOTES_END = "<!-- notes:end -->";
const DEFAULT_NOTES = "No changes recorded yet.";

// The goals of issue 8, on this machine.
const PAGE_GOALS: Record<string, { p99?: number; ratio?: number }> = {
  case: { p99: 50, ratio: 0.5 },
  search: { p99: 30 },
  matrix: { p99: 100 },
};

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
const optional = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? "—" : ms(value);
const verdict = (ok: boolean | null) => (ok === null ? "—" : ok ? "pass" : "**miss**");

function notesOf(previous: string | null) {
  if (!previous) return DEFAULT_NOTES;
  const start = previous.indexOf(NOTES_START);
  const end = previous.indexOf(NOTES_END);
  if (start === -1 || end < start) return DEFAULT_NOTES;
  return previous.slice(start + NOTES_START.length, end).trim() || DEFAULT_NOTES;
}

export function renderReport(input: ReportInput): string {
  const { machine, workspace, pages, browser, flags } = input;
  const bare = pages.find((page) => page.key === "bare");
  const lines: string[] = [];
  lines.push("# Benchmarks", "");
  lines.push(
    "Written by `npm run bench` (scripts/bench/run.ts); the figures below are replaced on every run, the notes at the end are kept.",
    "",
  );
  if (flags.quick)
    lines.push("> Smoke run (`--quick`): small workspace and short runs, not comparable with the goals.", "");
  lines.push("## Machine and run", "");
  lines.push(`- Date: ${input.date.toISOString().replace("T", " ").slice(0, 16)} UTC`);
  lines.push(`- CPU: ${machine.cpu}, ${machine.cores} cores; RAM ${machine.ramGb.toFixed(0)} GB`);
  lines.push(`- Node ${machine.node}, SQLite ${machine.sqlite}`);
  lines.push(
    `- Workspace: ${workspace.caseIds.length.toLocaleString("en-GB")} cases plus one long case, ` +
      `${workspace.codeIds.length} codes, ${workspace.counts.passages.toLocaleString("en-GB")} tagged passages, ` +
      `${workspace.counts.citations.toLocaleString("en-GB")} citations, ${workspace.counts.threads.toLocaleString("en-GB")} threads with ` +
      `${workspace.counts.comments.toLocaleString("en-GB")} comments` +
      (input.generationSeconds !== null ? ` (generated in ${input.generationSeconds.toFixed(0)} s)` : ""),
  );
  lines.push(
    `- Load: autocannon over loopback, ${flags.connections} connections, ${flags.warmup} s warm-up then ${flags.duration} s per page, signed in as the workspace owner; load generator and server share the machine`,
  );
  lines.push(
    `- Machine load average (1 min) before / after the page runs: ${input.loadAverage[0].toFixed(2)} / ${input.loadAverage[1].toFixed(2)} (above ${machine.cores} the server was sharing its cores with other work, and latencies grow accordingly)`,
  );
  lines.push("");

  lines.push("## Pages under load", "");
  lines.push(
    "| Page | req/s | of bare route | p50 ms | p99 ms | server CPU ms/req | cache off: CPU ms/req | cache off: p50 ms | HTML | Goal | Result |",
  );
  lines.push("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |");
  for (const page of pages) {
    const goal = PAGE_GOALS[page.key] ?? {};
    const ratio = bare && page.key !== "bare" ? page.rps / bare.rps : null;
    const goalText = [
      goal.p99 !== undefined ? `p99 ≤ ${goal.p99} ms` : null,
      goal.ratio !== undefined ? `≥ ${goal.ratio * 100} % of bare` : null,
    ]
      .filter(Boolean)
      .join(", ");
    const checks: boolean[] = [];
    if (goal.p99 !== undefined) checks.push(page.p99 <= goal.p99);
    if (goal.ratio !== undefined && ratio !== null) checks.push(ratio >= goal.ratio);
    const done = page.requests > 0;
    const ok = checks.length ? done && checks.every(Boolean) && page.errors === 0 : null;
    const latency = (value: number) => (done ? ms(value) : `> ${flags.duration * 1000}`);
    lines.push(
      `| ${page.label}${page.errors ? ` (${page.errors} errors)` : ""}${done ? "" : " (no answer within the run)"} | ${page.rps.toFixed(page.rps < 10 ? 1 : 0)} | ${
        ratio === null ? "—" : `${(ratio * 100).toFixed(1)} %`
      } | ${latency(page.p50)} | ${latency(page.p99)} | ${done ? ms(page.cpuMsPerRequest) : "—"} | ${optional(page.uncachedCpuMsPerRequest)} | ${optional(page.uncachedP50)} | ${(page.bytes / 1024).toFixed(0)} KB | ${goalText || "—"} | ${verdict(ok)} |`,
    );
  }
  lines.push("");
  lines.push(
    "Server CPU ms/req is the server process's own CPU time during the measured run divided by the requests answered: the cost of a page, less sensitive than latency to other work on the machine. With one Node process and 32 connections kept busy, the average latency is about 32 × that cost (more when other work takes the cores), so a p99 of 50 ms needs a page that costs well under 1.5 ms.",
    "",
  );
  lines.push(
    `The figures are those of the production server, whose per-member response cache (ADR 0009) answers a page again without rendering it until the database changes; the bench's pages are read repeatedly by one member, so nearly every measured request is a cache hit. The "cache off" columns are the same pages on a server started with \`RESPONSE_CACHE=0\` (${input.uncachedConnections ?? "?"} connections, half the run): the CPU one render costs, which is what the first reader after every write pays.`,
    "",
  );
  lines.push("Addresses measured:", "");
  for (const page of pages) lines.push(`- ${page.label}: \`${page.path.replace(/[a-z0-9]{16}/g, ":id")}\``);
  lines.push("");

  lines.push("## Server and editor", "");
  lines.push("| Figure | Goal | Measured | Result |");
  lines.push("| --- | --- | ---: | --- |");
  lines.push(
    `| Cold start (spawn to /healthz 200) | ≤ 2 s | ${(input.coldStartMs / 1000).toFixed(2)} s | ${verdict(input.coldStartMs <= 2000)} |`,
  );
  lines.push(
    `| Server peak RSS (VmHWM, after all runs) | ≤ 400 MB | ${input.peakRssMb.toFixed(0)} MB | ${verdict(input.peakRssMb <= 400)} |`,
  );
  if (input.uncachedPeakRssMb !== undefined)
    lines.push(
      `| Server peak RSS, cache off (${input.uncachedConnections} connections) | — | ${input.uncachedPeakRssMb.toFixed(0)} MB | — |`,
    );
  const searchCpu = input.searchCpu;
  if (searchCpu) {
    lines.push(
      `| Search query alone, uncached: CPU per query, mean / p99 | ≤ 10 ms | ${ms(searchCpu.mean)} / ${ms(searchCpu.p99)} ms | ${verdict(searchCpu.mean <= 10)} |`,
    );
    lines.push(
      `| Search query alone, first call in a fresh process (builds the library snapshot) | — | ${ms(searchCpu.coldMs)} ms | — |`,
    );
  }
  if (browser) {
    lines.push(
      `| Navigation to an editable 30,000-word case | ≤ 1.5 s | ${(browser.editableMs / 1000).toFixed(2)} s | ${verdict(browser.editableMs <= 1500)} |`,
    );
    lines.push(
      `| Keystroke to paint, p50 (${browser.keystrokes} keys) | — | ${ms(browser.keystrokeP50)} ms | — |`,
    );
    lines.push(
      `| Keystroke to paint, p95 | ≤ 50 ms | ${ms(browser.keystrokeP95)} ms | ${verdict(browser.keystrokeP95 <= 50)} |`,
    );
  } else if (input.browserProblem)
    lines.push(`| Chromium timings | — | failed: ${input.browserProblem.replace(/\|/g, "/")} | **miss** |`);
  else lines.push("| Chromium timings | — | not run (`--no-browser`) | — |");
  lines.push("");
  lines.push(
    "Editable: from the start of the navigation (page clock) until a typed key shows in the text, on a second visit (scripts cached). Keystroke: from the keydown event's timestamp to the first animation frame after the editor's text changed.",
    "",
  );

  if (searchCpu)
    lines.push(
      `Search query alone: \`searchLibrary()\` for \`${searchCpu.query}\` (stemmed words and a phrase; ${searchCpu.matches} matching cases, ${searchCpu.codes} codes, ${searchCpu.discussions} discussions) as the workspace owner, in a process of its own on the same database, 300 calls after 20 unmeasured: the full-text query, its ranking, the page's snippets, the codes and the discussions, without the response cache; the library's snapshot of the workspace is kept between calls as the server keeps it between writes. The search page's "cache off" CPU above adds the page around it (rendering about 110 KB of HTML).`,
      "",
    );
  lines.push("## What changed it", "");
  lines.push(NOTES_START, notesOf(input.previous), NOTES_END, "");
  return lines.join("\n");
}
