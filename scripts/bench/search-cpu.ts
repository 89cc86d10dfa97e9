// The CPU one search costs the server when no cache answers it (issue 22): searchLibrary() on the bench's
// workspace, in a process of its own on the bench database (DATABASE_URL), as the owner. The library's
// snapshot of the workspace is kept between calls as the server keeps it between writes; the full-text
// query, its ranking, the snippets, the codes and the discussions are worked out on every call.
// Prints one line of JSON for run.ts.
import { eq } from "drizzle-orm";
import { searchLibrary } from "~/models/library.server";
import { parseLibraryQuery } from "~/queries/library";
import { db } from "~/utils/db.server";
import { findMember } from "~/utils/permissions.server";
import { users } from "../../db/schema";

const [workspaceId, email, q, runsText] = process.argv.slice(2);
const runs = Number(runsText ?? 200);
const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
const member = user ? findMember(user.id, workspaceId) : null;
if (!member) throw new Error(`no member ${email} in ${workspaceId}`);
const query = parseLibraryQuery(new URLSearchParams({ q })).query;

const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
// The first call also builds the workspace's snapshot: what the first reader after a write pays.
let start = process.cpuUsage();
const first = searchLibrary(member, query);
const coldMs = cpuMs(start);
for (let i = 0; i < 20; i++) searchLibrary(member, query);
const samples: number[] = [];
for (let i = 0; i < runs; i++) {
  start = process.cpuUsage();
  searchLibrary(member, query);
  samples.push(cpuMs(start));
}
samples.sort((a, b) => a - b);
const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
console.log(
  JSON.stringify({
    query: q,
    matches: first.matchedIds.length,
    codes: first.search.codes.length,
    discussions: first.search.discussions.total,
    coldMs,
    p50: at(0.5),
    p99: at(0.99),
    mean: samples.reduce((sum, value) => sum + value, 0) / samples.length,
  }),
);
