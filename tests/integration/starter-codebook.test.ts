// The starter codebook in the reader's language (issue 13): French pages show its descriptions in French,
// also in workspaces that added it before the translations existed (migration 0011), and a description
// rewritten by an owner never shows a translation of the old text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { addStarterCodes, updateCode } from "~/models/codebook-edits.server";
import { listCodes } from "~/models/codes.server";
import { createWorkspace } from "~/models/workspaces.server";
import { db, sqlite } from "~/utils/db.server";
import { findMember, type Member } from "~/utils/permissions.server";
import { codes } from "../../db/schema";
import { makeUser } from "../helpers/fixtures";

const LEADERSHIP = "Stable political leadership";
let owner: Member;

const leadership = (locale: "en" | "fr") =>
  listCodes({ ...owner, locale }).find(
    (code) => code.label === (locale === "fr" ? "Direction politique stable" : LEADERSHIP),
  );

beforeAll(async () => {
  const user = await makeUser("Owner");
  const workspace = createWorkspace(user.id, { name: "Starter check" });
  owner = findMember(user.id, workspace.id)!;
  addStarterCodes(owner);
});

describe("the starter codebook's descriptions", () => {
  it("are in French on French pages and in English on English pages", () => {
    expect(leadership("fr")?.description).toBe(
      "Aucun changement soudain de dirigeants avant ou pendant le processus.",
    );
    expect(leadership("en")?.description).toBe(
      "No sudden change of leadership before or during the process.",
    );
    for (const code of listCodes({ ...owner, locale: "fr" }))
      expect(code.description, code.label).not.toBe(
        listCodes({ ...owner, locale: "en" }).find((c) => c.id === code.id)?.description,
      );
  });

  it("are given their French text by the migration in workspaces that added the codebook earlier", () => {
    // Such a workspace has the first starter codebook's wording, without translations.
    db.update(codes)
      .set({ descriptionTranslations: {} })
      .where(eq(codes.workspaceId, owner.workspaceId))
      .run();
    db.update(codes)
      .set({ description: "No sudden change of leadership interrupts the process." })
      .where(eq(codes.id, leadership("en")!.id))
      .run();
    expect(leadership("fr")?.description).toBe("No sudden change of leadership interrupts the process.");
    const migration = readFileSync(
      join(process.cwd(), "migrations/0011_starter_descriptions_fr.sql"),
      "utf8",
    );
    for (const statement of migration.split("--> statement-breakpoint")) sqlite.exec(statement);
    expect(leadership("fr")?.description).toBe(
      "Aucun changement soudain de dirigeants n’interrompt le processus.",
    );
  });

  it("lose a translation the owner's rewritten description would contradict", () => {
    const code = leadership("en")!;
    updateCode(owner, code.id, {
      kind: code.kind,
      label: code.label,
      description: "No change of leader during the talks.",
      color: code.color,
      parentId: null,
    });
    expect(leadership("fr")?.description).toBe("No change of leader during the talks.");
  });
});
