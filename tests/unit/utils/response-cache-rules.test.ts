// The response cache keeps a page until the database changes (ADR 0009). Pages that also depend on the clock
// (relative dates, expiring invites) must be kept for a minute only, and pages showing in-memory state (export
// jobs) not at all: this holds the rules against the route files, so a new such page cannot be forgotten.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TIME_DEPENDENT, UNCACHEABLE } from "~/utils/response-cache-rules";

const ROUTES = join(import.meta.dirname, "../../../app/routes");

/** An address the route file answers: `w.$workspaceId.cases.$caseId_.activity.tsx` → `/w/x/cases/x/activity`. */
function sampleAddress(file: string) {
  const segments = file
    .replace(/\.tsx?$/, "")
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) => segment.replace(/_$/, ""))
    .map((segment) => (segment.startsWith("$") ? "x" : segment));
  return `/${segments.join("/")}`;
}

const CLOCK =
  /TimeAgo|ActivityTimeline|NotificationItem|new Date\(\)|Date\.now\(\)|listOpenInvites|findInvite/;
const IN_MEMORY = /ExportJob|exportJob|getExport|startExport/;

describe("response cache rules", () => {
  const files = readdirSync(ROUTES).filter((file) => /\.tsx?$/.test(file));

  it("reads sample addresses the way the routes are named", () => {
    expect(sampleAddress("w.$workspaceId.cases.$caseId_.activity.tsx")).toBe("/w/x/cases/x/activity");
    expect(sampleAddress("w.$workspaceId.cases._index.tsx")).toBe("/w/x/cases");
  });

  it("keeps pages that show the clock for a minute only", () => {
    const clockPages = files.filter((file) => CLOCK.test(readFileSync(join(ROUTES, file), "utf8")));
    expect(clockPages.length).toBeGreaterThanOrEqual(4);
    for (const file of clockPages) {
      const address = sampleAddress(file);
      expect(TIME_DEPENDENT.test(address) || UNCACHEABLE.test(address), `${file} (${address})`).toBe(true);
      if (TIME_DEPENDENT.test(address)) expect(TIME_DEPENDENT.test(`${address}.data`), file).toBe(true);
    }
  });

  it("never keeps pages showing in-memory jobs", () => {
    const jobPages = files.filter((file) => IN_MEMORY.test(readFileSync(join(ROUTES, file), "utf8")));
    expect(jobPages.length).toBeGreaterThanOrEqual(1);
    for (const file of jobPages) {
      const address = sampleAddress(file);
      expect(UNCACHEABLE.test(address), `${file} (${address})`).toBe(true);
      expect(UNCACHEABLE.test(`${address}.data`), file).toBe(true);
    }
  });

  it("keeps ordinary pages until the database changes", () => {
    expect(TIME_DEPENDENT.test("/w/x/cases/x")).toBe(false);
    expect(UNCACHEABLE.test("/w/x/cases/x")).toBe(false);
    expect(UNCACHEABLE.test("/w/x/matrix")).toBe(false);
    expect(UNCACHEABLE.test("/w/x/exports-of-something")).toBe(false);
  });
});
