// Crash test: editors keep saving, the server is killed with SIGKILL in the middle, then restarted on the
// same database file. The database must pass its integrity check and hold every save the client saw
// acknowledged. Saves go through the editor's own save path (the edit route's action, as Remix's fetcher
// posts it to the .data URL).
// Usage, after `npm run build`: npx tsx scripts/crash-test.ts [--rounds 3] [--writers 4] [--saves 60]
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { startTestServer, type TestServer } from "../tests/helpers/test-server";

export type CrashRound = {
  /** Saves acknowledged in this round before the kill. */
  acknowledged: number;
  /** Saves sent but not answered when the process died. */
  inFlight: number;
  /** Of those, how many were committed anyway (allowed: the answer was lost, not the save). */
  inFlightKept: number;
  walBytesAtKill: number;
  integrity: string;
  /** Acknowledged saves (from any round so far) not found after the restart: must stay empty. */
  missing: string[];
};

export type CrashReport = { ok: boolean; rounds: CrashRound[]; acknowledgedTotal: number };

type Save = { caseId: string; revision: number; marker: string };

const EDITOR = { email: "editor@example.org", password: "casebook-demo" };

/**
 * Reads a single-fetch answer (turbo-stream's flat JSON): objects are {"_<key index>": <value index>},
 * arrays hold value indexes, negative indexes are undefined/null/NaN/±Infinity/-0.
 */
export function decodeSingleFetch(text: string): unknown {
  const values = JSON.parse(text.split("\n")[0]) as unknown[];
  const specials: Record<number, unknown> = { [-1]: undefined, [-2]: null, [-3]: Number.NaN };
  Object.assign(specials, { [-4]: Number.POSITIVE_INFINITY, [-5]: Number.NEGATIVE_INFINITY, [-6]: -0 });
  const hydrate = (index: number): unknown => {
    if (index < 0) return specials[index];
    const value = values[index];
    if (Array.isArray(value)) {
      if (typeof value[0] === "string") return value[0] === "D" ? new Date(value[1] as number) : value;
      return value.map((item) => hydrate(item as number));
    }
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([key, at]) => [
          values[Number(key.slice(1))] as string,
          hydrate(at as number),
        ]),
      );
    }
    return value;
  };
  return hydrate(0);
}

export function caseDocument(marker: string) {
  // A few kilobytes per save, so the write-ahead log grows and checkpoints happen during the run.
  const filler =
    `Talks resumed after the ${marker} exchange; the mediators kept notes of every meeting. `.repeat(40);
  const section = (title: string, text: string) => [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] },
    { type: "paragraph", content: [{ type: "text", text }] },
  ];
  return {
    type: "doc",
    content: [...section("Context", marker), ...section("Process", filler), ...section("Lessons", filler)],
  };
}

export async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl },
    body: new URLSearchParams(EDITOR),
  });
  const cookie = response.headers.getSetCookie().find((value) => value.startsWith("casebook_session="));
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed with ${response.status}`);
  return cookie.split(";")[0];
}

export async function workspaceOf(baseUrl: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}/`, { redirect: "manual", headers: { Cookie: cookie } });
  const match = /^\/w\/([^/]+)/.exec(response.headers.get("location") ?? "");
  if (!match) throw new Error(`No workspace to write in (GET / answered ${response.status})`);
  return match[1];
}

export async function createCase(baseUrl: string, cookie: string, workspaceId: string, title: string) {
  const fields = {
    title,
    regions: "Mali",
    periodStart: "",
    periodEnd: "",
    actors: "",
    mediators: "",
    summary: "",
  };
  const response = await fetch(`${baseUrl}/w/${workspaceId}/cases/new`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, Origin: baseUrl },
    body: new URLSearchParams(fields),
  });
  const match = /\/cases\/([^/?]+)$/.exec(response.headers.get("location") ?? "");
  if (response.status !== 302 || !match) throw new Error(`Creating a case failed with ${response.status}`);
  return match[1];
}

/** One save as the editor sends it; the answer is what the person would see as "Saved". */
export async function saveCase(
  baseUrl: string,
  cookie: string,
  workspaceId: string,
  save: Save,
): Promise<{ kind: string; revision?: number }> {
  const response = await fetch(`${baseUrl}/w/${workspaceId}/cases/${save.caseId}/edit.data`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: baseUrl, "Content-Type": "application/json" },
    body: JSON.stringify({ baseRevision: save.revision - 1, doc: caseDocument(save.marker) }),
  });
  const answer = decodeSingleFetch(await response.text()) as { data?: { kind: string; revision?: number } };
  if (!answer.data) throw new Error(`Save answered ${response.status} without data`);
  return answer.data;
}

type Check = {
  integrity: string;
  missing: string[];
  revisions: Map<string, number>;
  inFlightKept: number;
};

function checkDatabase(
  databaseFile: string,
  caseIds: string[],
  acknowledged: Save[],
  unanswered: Save[],
): Check {
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const integrity = (sqlite.pragma("integrity_check") as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .join("; ");
    const revisionBody = sqlite.prepare("select body from case_revisions where case_id = ? and number = ?");
    const kept = (s: Save) => {
      const row = revisionBody.get(s.caseId, s.revision) as { body: string } | undefined;
      return Boolean(row?.body.includes(s.marker));
    };
    const revisions = new Map<string, number>();
    const missing: string[] = [];
    for (const caseId of caseIds) {
      const row = sqlite.prepare("select revision, body from cases where id = ?").get(caseId) as
        | { revision: number; body: string }
        | undefined;
      if (!row) {
        missing.push(`case ${caseId}`);
        continue;
      }
      revisions.set(caseId, row.revision);
      const current = revisionBody.get(caseId, row.revision) as { body: string } | undefined;
      if (current?.body !== row.body)
        missing.push(`case ${caseId}: body differs from its revision ${row.revision}`);
    }
    for (const s of acknowledged) {
      if ((revisions.get(s.caseId) ?? 0) < s.revision)
        missing.push(`${s.marker}: case is at an older revision`);
      else if (!kept(s)) missing.push(`${s.marker}: revision ${s.revision} not found with its text`);
    }
    return { integrity, missing, revisions, inFlightKept: unanswered.filter(kept).length };
  } finally {
    sqlite.close();
  }
}

export async function runCrashTest(
  options: { rounds?: number; writers?: number; saves?: number; log?: (line: string) => void } = {},
): Promise<CrashReport> {
  const rounds = options.rounds ?? 3;
  const writers = options.writers ?? 4;
  const savesBeforeKill = options.saves ?? 60;
  const log = options.log ?? (() => {});
  const dir = mkdtempSync(join(tmpdir(), "casebook-crash-"));
  const databaseFile = join(dir, "casebook.db");
  let server: TestServer = await startTestServer({}, { databaseFile });
  const report: CrashReport = { ok: true, rounds: [], acknowledgedTotal: 0 };
  try {
    const cookie = await signIn(server.baseUrl);
    const workspaceId = await workspaceOf(server.baseUrl, cookie);
    const caseIds: string[] = [];
    for (let w = 0; w < writers; w++) {
      caseIds.push(await createCase(server.baseUrl, cookie, workspaceId, `Crash test ${w + 1}`));
    }
    const revisions = new Map(caseIds.map((id) => [id, 1]));
    const acknowledged: Save[] = [];

    for (let round = 1; round <= rounds; round++) {
      const killAfter = savesBeforeKill + Math.floor(Math.random() * savesBeforeKill);
      let acknowledgedThisRound = 0;
      let killing: Promise<void> | null = null;
      const unanswered: Save[] = [];
      const current = server;
      const writer = async (caseId: string, w: number) => {
        for (let n = 1; ; n++) {
          const next: Save = {
            caseId,
            revision: (revisions.get(caseId) ?? 1) + 1,
            marker: `crash-marker-r${round}-w${w}-n${n}`,
          };
          let answer: { kind: string; revision?: number };
          try {
            answer = await saveCase(current.baseUrl, cookie, workspaceId, next);
          } catch (error) {
            if (!killing) throw error;
            unanswered.push(next);
            return;
          }
          if (answer.kind !== "saved" || answer.revision !== next.revision) {
            throw new Error(
              `${next.marker}: expected revision ${next.revision} saved, got ${JSON.stringify(answer)}`,
            );
          }
          acknowledged.push(next);
          revisions.set(caseId, next.revision);
          acknowledgedThisRound++;
          // Answered while the kill was under way: the client saw it, so it counts, and this writer stops.
          if (killing) return;
          if (acknowledgedThisRound >= killAfter) {
            killing = current.kill();
            await killing;
            return;
          }
        }
      };
      await Promise.all(caseIds.map((caseId, w) => writer(caseId, w)));
      let walBytesAtKill = 0;
      try {
        walBytesAtKill = statSync(`${databaseFile}-wal`).size;
      } catch {
        walBytesAtKill = 0;
      }
      server = await startTestServer({}, { databaseFile });
      const check = checkDatabase(databaseFile, caseIds, acknowledged, unanswered);
      // The next round starts from what the database holds (an unanswered save may have been committed).
      for (const [caseId, revision] of check.revisions) revisions.set(caseId, revision);
      const missing = [...check.missing];
      // The case page after the restart shows the text of the newest revision.
      for (const caseId of caseIds) {
        const page = await fetch(`${server.baseUrl}/w/${workspaceId}/cases/${caseId}`, {
          headers: { Cookie: cookie },
        });
        const html = await page.text();
        const newest = [...acknowledged, ...unanswered]
          .filter((s) => s.caseId === caseId && s.revision === check.revisions.get(caseId))
          .at(-1);
        if (page.status !== 200 || (newest && !html.includes(newest.marker))) {
          missing.push(`case page ${caseId} (${page.status}) does not show ${newest?.marker}`);
        }
      }
      const result: CrashRound = {
        acknowledged: acknowledgedThisRound,
        inFlight: unanswered.length,
        inFlightKept: check.inFlightKept,
        walBytesAtKill,
        integrity: check.integrity,
        missing,
      };
      report.rounds.push(result);
      if (result.integrity !== "ok" || result.missing.length) report.ok = false;
      log(
        `Round ${round}: ${result.acknowledged} saves acknowledged, SIGKILL with ${result.inFlight} in flight ` +
          `(${result.inFlightKept} of them committed anyway), -wal ${Math.round(walBytesAtKill / 1024)} KB; ` +
          `after restart: integrity ${result.integrity}, ${result.missing.length ? `MISSING ${result.missing.join(", ")}` : "every acknowledged save present"}`,
      );
    }
    report.acknowledgedTotal = acknowledged.length;
    return report;
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\nServer output:\n${server.output()}`,
      {
        cause: error,
      },
    );
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const option = (name: string) => {
    const index = process.argv.indexOf(name);
    return index === -1 ? undefined : Number(process.argv[index + 1]);
  };
  runCrashTest({
    rounds: option("--rounds"),
    writers: option("--writers"),
    saves: option("--saves"),
    log: console.log,
  })
    .then((report) => {
      console.log(
        report.ok
          ? `Nothing lost: ${report.acknowledgedTotal} acknowledged saves, all present after ${report.rounds.length} crashes.`
          : "FAILED: see the rounds above.",
      );
      process.exitCode = report.ok ? 0 : 1;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}
