// Derived data is kept only while the database is unchanged: any write, by this connection or another,
// and the next reader computes it again. Nothing read inside a transaction is kept.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase } from "~/models/cases.server";
import { cachedDerived } from "~/models/derived-cache.server";
import { searchLibrary } from "~/models/library.server";
import { parseLibraryQuery } from "~/queries/library";
import { db } from "~/utils/db.server";
import { databasePath } from "../../db/client";
import { workspaces } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;

beforeAll(async () => {
  team = await makeTeam();
});

let counters = 0;
function counter() {
  let calls = 0;
  const key = `test:counter:${++counters}`;
  const read = () => cachedDerived(key, () => ++calls);
  return { read, calls: () => calls };
}

describe("derived data cache", () => {
  it("computes once while nothing is written", () => {
    const { read, calls } = counter();
    expect(read()).toBe(1);
    expect(read()).toBe(1);
    expect(calls()).toBe(1);
  });

  it("computes again after a write through the app's connection", () => {
    const { read, calls } = counter();
    read();
    db.update(workspaces).set({ name: "Renamed" }).run();
    read();
    expect(calls()).toBe(2);
  });

  it("computes again after another connection commits", () => {
    const { read, calls } = counter();
    read();
    const other = new Database(databasePath());
    other.prepare("UPDATE workspaces SET name = name || '.'").run();
    other.close();
    read();
    expect(calls()).toBe(2);
  });

  it("keeps nothing read inside a transaction", () => {
    const { read, calls } = counter();
    db.transaction(() => {
      read();
      read();
    });
    expect(calls()).toBe(2);
    read();
    expect(calls()).toBe(3);
  });

  it("shows a new case in the library at once", () => {
    const member = team.people.editor.member;
    const query = parseLibraryQuery(new URLSearchParams()).query;
    const before = searchLibrary(member, query).total;
    createCase(member, { ...sampleFields, title: "Fresh case for the cache" });
    const after = searchLibrary(member, query);
    expect(after.total).toBe(before + 1);
    expect(after.results.map((item) => item.title)).toContain("Fresh case for the cache");
  });
});
