// Several server processes (ADR 0017) in `npm run bench`: the same pages, with the response cache off so
// every request renders, on a server of one process (WORKERS=1) and then of two (WORKERS=2, with Redis), in
// the same run and with the same load; and the 20-editor co-editing run on the two-process server (collab.ts).
import { marks } from "./collab";

export const WORKERS_SPEEDUP_GOAL = 1.6;

export type WorkersRow = {
  label: string;
  path: string;
  one: { rps: number; p50: number; errors: number };
  two: { rps: number; p50: number; errors: number };
};

export type WorkersFigures = {
  rows: WorkersRow[];
  connections: number;
  seconds: number;
  /** Cores the machine has; the load generator (autocannon, in this process) runs on the same ones. */
  cores: number;
  loadAverage: [number, number];
};

const speedup = (row: WorkersRow) => (row.one.rps > 0 ? row.two.rps / row.one.rps : Number.NaN);

export function renderWorkersSection(figures: WorkersFigures | null, problem: string | null, date: Date) {
  const { start, end } = marks("workers");
  const when = `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const lines = [start, "## Workers: one process against two", ""];
  if (!figures) {
    lines.push(`Not measured on ${when}: ${problem}`, "", end);
    return lines.join("\n");
  }
  const rendered = figures.rows.filter((row) => row.path !== "/bench/bare");
  const overall =
    rendered.reduce((sum, row) => sum + row.two.rps, 0) / rendered.reduce((sum, row) => sum + row.one.rps, 0);
  lines.push(
    `Written by \`npm run bench\` (alone, on a kept database: \`npm run bench -- --only=workers --db PATH\`) on ${when}. ` +
      `The same pages with the response cache off (\`RESPONSE_CACHE=0\`: every request renders) on a server started with \`WORKERS=1\` and one started with \`WORKERS=2\` ` +
      `and \`REDIS_URL\` (a redis-server the bench starts), side by side: each page is loaded on one, the other, the other again, then the first (${figures.seconds} s each after a warm-up, ${figures.connections} connections), and the figures are the means, so that load from other work weighs on both alike. ` +
      `**The load generator (autocannon, one Node process) runs on the same ${figures.cores} cores as the servers**, so two workers never have both cores to themselves, and with other work on the machine (see the load average below) the ratio says more about that work than about the workers.`,
    "",
    `| Page | WORKERS=1 req/s | WORKERS=2 req/s | × | p50 ms (1 → 2) | Goal ≥ ${WORKERS_SPEEDUP_GOAL}× |`,
    "| --- | ---: | ---: | ---: | ---: | --- |",
  );
  for (const row of figures.rows) {
    const ratio = speedup(row);
    const bare = row.path === "/bench/bare";
    const errors = row.one.errors + row.two.errors;
    lines.push(
      `| ${row.label} | ${row.one.rps.toFixed(0)} | ${row.two.rps.toFixed(0)} | ${ratio.toFixed(2)} | ${row.one.p50} → ${row.two.p50} | ${
        bare ? "— (no render)" : ratio >= WORKERS_SPEEDUP_GOAL ? "met" : "**miss**"
      }${errors ? ` (${errors} errors)` : ""} |`,
    );
  }
  lines.push(
    "",
    `Rendered pages together: ${overall.toFixed(2)}× (${overall >= WORKERS_SPEEDUP_GOAL ? "met" : "**miss**"}). ` +
      `Machine load average (1 min) before / after: ${figures.loadAverage[0].toFixed(2)} / ${figures.loadAverage[1].toFixed(2)} ` +
      `(${figures.cores} cores; above ${figures.cores}, other work was sharing them).`,
    "",
    end,
  );
  return lines.join("\n");
}
