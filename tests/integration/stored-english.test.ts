// Migration 0007: what older databases hold in English (revision notes the app wrote, a withdrawal filed
// as "submitted") becomes catalogue messages and its own activity kind.
import { readFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createCase } from "~/models/cases.server";
import { newId } from "~/models/ids.server";
import { db, sqlite } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { caseActivity, caseRevisions } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";

let team: Awaited<ReturnType<typeof makeTeam>>;
beforeAll(async () => {
  team = await makeTeam();
});

function runMigration() {
  const sql = readFileSync(new URL("../../migrations/0007_activity_withdrawn.sql", import.meta.url), "utf8");
  for (const statement of sql.split("--> statement-breakpoint")) sqlite.exec(statement);
}

describe("migration 0007", () => {
  it("turns English revision notes and withdrawals filed as submissions into messages and their own kind", () => {
    const caseId = createCase(team.people.editor.member, sampleFields).id;
    const legacy = (number: number, note: string) =>
      db
        .insert(caseRevisions)
        .values({
          id: newId(),
          caseId,
          number,
          baseNumber: null,
          body: { type: "doc", content: [] },
          fields: {},
          note,
          authorId: team.people.editor.id,
        })
        .run();
    legacy(2, "Fields edited");
    legacy(3, "Restored from revision 12");
    legacy(4, "Restored from revision 2, then edited");
    legacy(5, "Created");
    db.insert(caseActivity)
      .values([
        {
          caseId,
          actorId: null,
          kind: "submitted",
          detail: { revision: 2, withdrawn: true },
          at: new Date(),
        },
        { caseId, actorId: null, kind: "submitted", detail: { revision: 2 }, at: new Date() },
      ])
      .run();

    runMigration();

    const notes = db
      .select({ number: caseRevisions.number, note: caseRevisions.note })
      .from(caseRevisions)
      .where(eq(caseRevisions.caseId, caseId))
      .all()
      .sort((a, b) => a.number - b.number)
      .map((row) => row.note);
    expect(notes).toEqual([
      msg("history.notes.created"),
      msg("history.notes.fieldsEdited"),
      msg("history.notes.restoredFrom", { number: 12 }),
      // A note a person typed stays as it was.
      "Restored from revision 2, then edited",
      msg("history.notes.created"),
    ]);
    const kinds = db
      .select({ kind: caseActivity.kind, detail: caseActivity.detail })
      .from(caseActivity)
      .where(eq(caseActivity.caseId, caseId))
      .all()
      .filter((row) => row.kind !== "created");
    expect(kinds).toEqual([
      { kind: "withdrawn", detail: { revision: 2 } },
      { kind: "submitted", detail: { revision: 2 } },
    ]);
  });
});
