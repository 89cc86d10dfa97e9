// Not a Chromium test: it runs with the browser tests because it needs the production build.
// The server is killed with SIGKILL while saves are in flight, three times, on the same database file.
import { expect, it } from "vitest";
import { runCrashTest } from "../../scripts/crash-test";

it("a server killed in the middle of a burst of saves loses no acknowledged save", async () => {
  const report = await runCrashTest({ rounds: 3, writers: 4, saves: 40 });
  expect(report.rounds).toHaveLength(3);
  for (const round of report.rounds) {
    expect(round.integrity).toBe("ok");
    expect(round.missing).toEqual([]);
    expect(round.acknowledged).toBeGreaterThanOrEqual(40);
  }
  // The kills really happened mid-burst: other writers' saves were on the wire.
  expect(report.rounds.reduce((sum, round) => sum + round.inFlight, 0)).toBeGreaterThan(0);
  expect(report.ok).toBe(true);
}, 120_000);
