// "Team at work" (issues 19 and 23): what readers live through while colleagues write. Readers load the five
// pages, first on a quiet server, then while five co-editors type into other cases through the real
// co-editing server (its stores as in production: 1 s after a pause, at least every 5 s while typing) and one
// member saves a case's conditions every 5 s. The server is the production one, response cache on.
import Database from "better-sqlite3";
import { addParagraph, marks, type NodeEditor, openNodeEditor, until } from "./collab";
import type { LoadFigures } from "./report";

export const TEAM_RATIO_GOAL = 0.5;
export const TEAM_P99_GOAL_MS = 100;

export type TeamActivity = { keystrokes: number; conditionSaves: number; conditionErrors: number };

export type TeamRun = {
  workers: number;
  quiet: LoadFigures[];
  busy: LoadFigures[];
  activity: TeamActivity;
  peakRssMb: number;
  loadAverage: [number, number];
};

export type TeamFigures = { runs: TeamRun[]; connections: number; seconds: number; cores: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts the team: each co-editor (its own session cookie) types into a case of its own, a fast typist's
 * keystroke every ~200 ms; `conditions` saves one condition of a case every 5 s, alternating its value, with
 * the stored time it last saw (as the form sends it). Resolves once every editor is synced; `stop()` ends
 * the typing, waits for the stores, and says what the team did.
 */
export async function startTeam(options: {
  baseUrl: string;
  editors: Array<{ cookie: string; caseId: string }>;
  conditions: { cookie: string; workspaceId: string; caseId: string; codeId: string };
  databaseFile: string;
}) {
  const editors: NodeEditor[] = options.editors.map(({ cookie, caseId }) =>
    openNodeEditor(options.baseUrl, cookie, caseId),
  );
  await until(() => editors.every((editor) => editor.provider.isSynced), "every co-editor synced");
  const run = Date.now().toString(36);
  const paragraphs = editors.map((editor, i) => addParagraph(editor.doc, `Team editor ${i + 1} (${run}): `));
  const activity: TeamActivity = { keystrokes: 0, conditionSaves: 0, conditionErrors: 0 };
  let typing = true;
  const typists = editors.map(async (_, i) => {
    await sleep(Math.random() * 200);
    for (let k = 0; typing; k++) {
      paragraphs[i].insert(
        paragraphs[i].length,
        k % 6 === 5 ? " " : String.fromCharCode(97 + ((i + k) % 26)),
      );
      activity.keystrokes++;
      await sleep(200 * (0.5 + Math.random()));
    }
  });
  const { cookie, workspaceId, caseId, codeId } = options.conditions;
  const stored = new Database(options.databaseFile, { readonly: true, fileMustExist: true });
  const seenSetAt = () =>
    (
      stored
        .prepare("SELECT set_at AS setAt FROM case_conditions WHERE case_id = ? AND code_id = ?")
        .get(caseId, codeId) as { setAt: number } | undefined
    )?.setAt ?? 0;
  const saver = (async () => {
    for (let k = 0; typing; k++) {
      const body = new URLSearchParams({
        code: codeId,
        [`value:${codeId}`]: k % 2 ? "absent" : "present",
        [`note:${codeId}`]: "",
        [`seen:${codeId}`]: String(seenSetAt()),
      });
      try {
        const response = await fetch(`${options.baseUrl}/w/${workspaceId}/cases/${caseId}/conditions`, {
          method: "POST",
          redirect: "manual",
          headers: {
            cookie,
            origin: options.baseUrl,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body,
        });
        await response.arrayBuffer();
        if (response.status === 302 || response.status === 303) activity.conditionSaves++;
        else activity.conditionErrors++;
      } catch {
        activity.conditionErrors++;
      }
      for (let waited = 0; typing && waited < 5000; waited += 100) await sleep(100);
    }
  })();
  return {
    activity,
    async stop(): Promise<TeamActivity> {
      typing = false;
      await Promise.all([...typists, saver]);
      // The last keystrokes are stored 1 s after the pause.
      await until(
        () => editors.every((editor) => editor.provider.unsyncedChanges === 0),
        "the team's stores",
      );
      await sleep(1500);
      for (const editor of editors) editor.destroy();
      stored.close();
      return { ...activity };
    },
  };
}

const ratioOf = (quiet: LoadFigures, busy: LoadFigures) =>
  quiet.rps > 0 ? busy.rps / quiet.rps : Number.NaN;

export function renderTeamSection(figures: TeamFigures | null, problem: string | null, date: Date) {
  const { start, end } = marks("team");
  const when = `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const lines = [start, "## Team at work: readers while others write", ""];
  if (!figures) {
    lines.push(`Not measured on ${when}: ${problem}`, "", end);
    return lines.join("\n");
  }
  lines.push(
    `Written by \`npm run bench\` (alone, on a kept database: \`npm run bench -- --only=team --db PATH\`) on ${when}. ` +
      `${figures.connections} readers load each page for ${figures.seconds} s after a warm-up, on the production server (response cache on): first with nobody writing, then while five co-editors (the bench's editors, each in a case of their own that no measured page shows) type a keystroke every ~200 ms through the co-editing server, which stores each case 1 s after a pause and at least every 5 s while typing, and the owner saves a condition of another case every 5 s. ` +
      `The load generator, the co-editors and the server share the machine's ${figures.cores} cores. Goals (issue 19): while the team works, every page keeps at least ${TEAM_RATIO_GOAL * 100} % of its quiet requests per second and a p99 of at most ${TEAM_P99_GOAL_MS} ms.`,
    "",
  );
  for (const run of figures.runs) {
    lines.push(
      `### ${run.workers === 1 ? "One process (WORKERS=1)" : `WORKERS=${run.workers}, co-editing through Redis`}`,
      "",
      "| Page | Quiet req/s | Quiet p50 / p99 ms | Team at work req/s | Team p50 / p99 ms | Kept | Goal |",
      "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    );
    for (const quiet of run.quiet) {
      const busy = run.busy.find((figures) => figures.key === quiet.key);
      if (!busy) continue;
      const ratio = ratioOf(quiet, busy);
      const met = ratio >= TEAM_RATIO_GOAL && busy.p99 <= TEAM_P99_GOAL_MS;
      const errors = quiet.errors + busy.errors;
      lines.push(
        `| ${quiet.label} | ${quiet.rps.toFixed(0)} | ${quiet.p50} / ${quiet.p99} | ${busy.rps.toFixed(0)} | ${busy.p50} / ${busy.p99} | ${(ratio * 100).toFixed(0)} % | ${met ? "met" : "**miss**"}${errors ? ` (${errors} errors)` : ""} |`,
      );
    }
    lines.push(
      "",
      `While the team worked: ${run.activity.keystrokes} keystrokes, ${run.activity.conditionSaves} condition saves` +
        `${run.activity.conditionErrors ? ` (${run.activity.conditionErrors} refused)` : ""}. ` +
        `Server peak RSS ${run.peakRssMb.toFixed(0)} MB${run.workers > 1 ? " (the largest worker)" : ""}. ` +
        `Load average (1 min) before / after: ${run.loadAverage[0].toFixed(2)} / ${run.loadAverage[1].toFixed(2)}.`,
      "",
    );
  }
  lines.push(end);
  return lines.join("\n");
}
