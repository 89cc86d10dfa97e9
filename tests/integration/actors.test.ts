// The registry of actors and mediators (ADR 0014): entries made from the names cases write, merged
// spellings, aliases and affiliations, what each member may see, and the migration of free-text names.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import {
  ActorRejectedError,
  addActorName,
  addAffiliation,
  createActor,
  deleteActor,
  getActor,
  listActors,
  mergeActor,
  removeActorName,
  updateActor,
  whoMediatedWhere,
} from "~/models/actors.server";
import { setCaseConfidentiality } from "~/models/case-access.server";
import { createCase, getCase } from "~/models/cases.server";
import { saveEvent } from "~/models/events.server";
import { searchLibrary } from "~/models/library.server";
import { approveCase, submitForReview } from "~/models/reviews.server";
import { parseLibraryQuery } from "~/queries/library";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { fillShortNames, migrateFreeTextActors } from "../../db/data-migrations";
import { actorNames, actors, caseEvents, cases } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;

const entryNamed = (team: Team, name: string) =>
  listActors(team.people.owner.member).find((entry) => entry.name === name);

const refusal = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ActorRejectedError) return { status: error.status, errors: error.errors };
    return { status: (error as { init?: { status?: number } }).init?.status ?? 0, errors: {} };
  }
};

beforeAll(async () => {
  team = await makeTeam();
});

describe("names written in cases", () => {
  it("become entries, one per name however it is spelt up to case and accents", () => {
    const editor = team.people.editor.member;
    createCase(editor, {
      ...sampleFields,
      title: "Talks in 2012",
      actors: ["Iyad ag Ghali", "Ansar al-Din"],
    });
    createCase(editor, {
      ...sampleFields,
      title: "Later talks",
      actors: ["IYAD AG GHALI", "Ansar al Din"],
      mediators: ["Mahmoud Dicko"],
    });
    const names = listActors(team.people.owner.member).map((entry) => entry.name);
    expect(names.filter((name) => /ghali/i.test(name))).toEqual(["Iyad ag Ghali"]);
    expect(names.filter((name) => /ansar/i.test(name))).toEqual(["Ansar al-Din"]);
    const ghali = entryNamed(team, "Iyad ag Ghali")!;
    expect(
      getActor(team.people.reviewer.member, ghali.id)
        .cases.map((item) => item.title)
        .sort(),
    ).toEqual(["Later talks", "Talks in 2012"]);
  });

  it("merges two spellings of one person into one entry whose page lists both cases", () => {
    const editor = team.people.editor.member;
    const first = createCase(editor, {
      ...sampleFields,
      title: "Bamako channel",
      mediators: ["Djibril Bassolé"],
    }).id;
    const second = createCase(editor, {
      ...sampleFields,
      title: "Ouagadougou channel",
      mediators: ["Djibril Bassole (FM)"],
    }).id;
    const a = entryNamed(team, "Djibril Bassolé")!;
    const b = entryNamed(team, "Djibril Bassole (FM)")!;
    expect(a.id).not.toBe(b.id);
    mergeActor(editor, b.id, a.id);
    const merged = getActor(team.people.reviewer.member, a.id);
    expect(merged.names.map((name) => name.name)).toEqual(["Djibril Bassolé", "Djibril Bassole (FM)"]);
    expect(merged.cases.map((item) => item.id).sort()).toEqual([first, second].sort());
    expect(merged.cases.every((item) => item.roles.includes("mediator"))).toBe(true);
    // The case keeps its own spelling; it now points to the merged entry.
    expect(getCase(editor, second).mediators).toEqual(["Djibril Bassole (FM)"]);
    expect(refusal(() => getActor(editor, b.id))?.status).toBe(404);
    // The library follows the entry, under either spelling.
    const { query } = parseLibraryQuery(new URLSearchParams({ mediator: a.id }));
    expect(searchLibrary(editor, query).matchedIds.sort()).toEqual([first, second].sort());
    expect(whoMediatedWhere(editor).rows.find((row) => row.id === a.id)?.places).toEqual([
      { region: "Mali", cases: expect.arrayContaining([expect.objectContaining({ id: first })]) },
    ]);
  });

  it("lists the events naming an entry, and the library filters by actor through events too", () => {
    const editor = team.people.editor.member;
    const caseId = createCase(editor, { ...sampleFields, title: "Event only", actors: [] }).id;
    saveEvent(editor, caseId, {
      event: {
        title: "Meets the envoy",
        start: { year: 2012, month: 5 },
        end: null,
        circa: false,
        wording: "",
        description: "",
        actors: ["Iyad Ag Ghali"],
        codeIds: [],
        citations: [],
      },
    });
    const ghali = entryNamed(team, "Iyad ag Ghali")!;
    const page = getActor(editor, ghali.id);
    expect(page.events.map((event) => [event.title, event.caseTitle])).toEqual([
      ["Meets the envoy", "Event only"],
    ]);
    expect(page.cases.find((item) => item.id === caseId)?.roles).toEqual(["event"]);
    const { query } = parseLibraryQuery(new URLSearchParams({ actor: ghali.id }));
    expect(searchLibrary(editor, query).matchedIds).toContain(caseId);
  });
});

describe("editing the registry", () => {
  it("refuses a name another entry has, and says which one", () => {
    const editor = team.people.editor.member;
    const jnim = createActor(editor, { name: "JNIM", kind: "armed_group", description: "" }).id;
    addActorName(editor, jnim, { alias: "Jama’at Nusrat al-Islam wal-Muslimin", language: "" });
    addActorName(editor, jnim, { alias: "جماعة نصرة الإسلام والمسلمين", language: "ar" });
    const other = createActor(editor, { name: "Another group", kind: "armed_group", description: "" }).id;
    expect(
      refusal(() =>
        addActorName(editor, other, { alias: "jamaat nusrat al islam wal muslimin", language: "" }),
      ),
    ).toEqual({ status: 409, errors: { alias: [msg("actors.errors.nameTaken", { name: "JNIM" })] } });
    expect(
      refusal(() => createActor(editor, { name: "jnim", kind: "armed_group", description: "" }))?.status,
    ).toBe(409);
    expect(refusal(() => addActorName(editor, jnim, { alias: "JNIM ", language: "" }))?.status).toBe(409);
    const arabic = getActor(editor, jnim).names.find((name) => name.language === "ar");
    expect(arabic?.name).toBe("جماعة نصرة الإسلام والمسلمين");
  });

  it("keeps the old name when renaming, and will not cut a case off its entry", () => {
    const editor = team.people.editor.member;
    createCase(editor, { ...sampleFields, title: "Compaoré case", mediators: ["Blaise Compaore"] });
    const entry = entryNamed(team, "Blaise Compaore")!;
    updateActor(editor, entry.id, { name: "Blaise Compaoré", kind: "person", description: "President" });
    const page = getActor(editor, entry.id);
    expect(page.entry.name).toBe("Blaise Compaoré");
    expect(page.cases.map((item) => item.title)).toEqual(["Compaoré case"]);
    const old = page.names.find((name) => name.name === "Blaise Compaore");
    // "Blaise Compaore" and "Blaise Compaoré" fold to one name: the rename updated it in place.
    expect(old).toBeUndefined();
    addActorName(editor, entry.id, { alias: "Compaoré", language: "" });
    const alias = getActor(editor, entry.id).names.find((name) => name.name === "Compaoré")!;
    removeActorName(editor, entry.id, alias.id);
    const own = getActor(editor, entry.id).names[0];
    expect(refusal(() => removeActorName(editor, entry.id, own.id))?.errors).toEqual({
      form: [msg("actors.errors.ownName")],
    });
    expect(refusal(() => deleteActor(editor, entry.id))?.errors).toEqual({
      form: [msg("actors.errors.inUse", { count: 1 })],
    });
  });

  it("records affiliations over time, only with entries of the workspace", () => {
    const editor = team.people.editor.member;
    const person = createActor(editor, { name: "A leader", kind: "person", description: "" }).id;
    const group = createActor(editor, { name: "A group", kind: "armed_group", description: "" }).id;
    addAffiliation(editor, person, {
      groupId: group,
      role: "Leader",
      startYear: 2012,
      startCirca: false,
      endYear: null,
      endCirca: false,
      wording: "then led by",
      sourceId: null,
      locator: "",
    });
    expect(getActor(editor, group).affiliations).toEqual([
      expect.objectContaining({ direction: "hasMember", otherId: person, role: "Leader", startYear: 2012 }),
    ]);
    const foreign = createActor(team.outsider.member, {
      name: "Theirs",
      kind: "armed_group",
      description: "",
    }).id;
    expect(
      refusal(() =>
        addAffiliation(editor, person, {
          groupId: foreign,
          role: "",
          startYear: null,
          startCirca: false,
          endYear: null,
          endCirca: false,
          wording: "",
          sourceId: null,
          locator: "",
        }),
      )?.errors,
    ).toEqual({ groupId: [msg("actors.errors.pickGroup")] });
    expect(refusal(() => mergeActor(editor, person, person))?.errors).toEqual({
      targetId: [msg("actors.errors.mergeSelf")],
    });
    expect(
      refusal(() => createActor(team.people.reviewer.member, { name: "X", kind: "person", description: "" }))
        ?.status,
    ).toBe(403);
  });
});

describe("who sees an entry", () => {
  it("hides entries named only in a confidential case or an unapproved draft", async () => {
    const fresh = await makeTeam();
    const editor = fresh.people.editor.member;
    const secret = createCase(editor, { ...sampleFields, title: "Secret", actors: ["Cousin Kassim"] }).id;
    // Marked by the owner with nobody listed: only owners read it.
    setCaseConfidentiality(fresh.people.owner.member, secret, { confidential: true, userIds: [] });
    createCase(editor, { ...sampleFields, title: "Draft", actors: ["Draft-only name"] });
    const names = (who: "owner" | "editor" | "reviewer" | "trainer") =>
      listActors(fresh.people[who].member).map((entry) => entry.name);
    expect(names("owner")).toEqual(expect.arrayContaining(["Cousin Kassim", "Draft-only name"]));
    expect(names("editor")).not.toContain("Cousin Kassim");
    expect(names("editor")).toContain("Draft-only name");
    expect(names("reviewer")).not.toContain("Cousin Kassim");
    expect(names("trainer")).not.toContain("Cousin Kassim");
    expect(names("trainer")).not.toContain("Draft-only name");
    // An entry made in the registry and named in no case is there for everyone.
    const open = createActor(editor, { name: "Registry only", kind: "organisation", description: "" }).id;
    expect(names("trainer")).toContain("Registry only");
    // Once approved, the draft's names reach the trainer.
    const draft = db.select().from(cases).where(eq(cases.title, "Draft")).get()!.id;
    submitForReview(editor, draft, { reviewerIds: [fresh.people.reviewer.id] });
    approveCase(fresh.people.reviewer.member, draft);
    expect(names("trainer")).toContain("Draft-only name");
    // A name a hidden entry has is refused without saying whose it is.
    expect(refusal(() => addActorName(editor, open, { alias: "cousin kassim", language: "" }))).toEqual({
      status: 409,
      errors: { alias: [msg("actors.errors.nameTakenHidden")] },
    });
    const hidden = listActors(fresh.people.owner.member).find((entry) => entry.name === "Cousin Kassim")!;
    expect(refusal(() => getActor(editor, hidden.id))?.status).toBe(404);
    expect(refusal(() => mergeActor(editor, hidden.id, open))?.status).toBe(404);
  });
});

describe("the migration of free-text actors", () => {
  it("turns every name of every case and event into an entry, nothing lost, and does it once", async () => {
    const fresh = await makeTeam();
    const editor = fresh.people.editor.member;
    const one = createCase(editor, {
      ...sampleFields,
      title: "Before the registry",
      actors: ["Katiba Macina", "Local militias"],
      mediators: ["An imam"],
    }).id;
    const two = createCase(editor, {
      ...sampleFields,
      title: "Also before",
      actors: ["KATIBA MACINA", "Malian army"],
    }).id;
    db.insert(caseEvents)
      .values({
        caseId: two,
        updatedAt: new Date(),
        events: [
          {
            id: "event0000001",
            start: { year: 2020 },
            end: null,
            circa: true,
            wording: "",
            title: "Truce",
            description: "",
            actors: ["Ségou elders"],
            codeIds: [],
            citations: [],
          },
        ],
      })
      .run();
    // As a database from before the registry: cases with free text, no entries.
    db.delete(actors).where(eq(actors.workspaceId, fresh.workspace.id)).run();
    const before = db
      .select({ actors: cases.actors, mediators: cases.mediators })
      .from(cases)
      .where(eq(cases.id, one))
      .get();
    expect(migrateFreeTextActors(db)).toBeGreaterThanOrEqual(5);
    const entries = db
      .select({ name: actors.name, kind: actors.kind })
      .from(actors)
      .where(eq(actors.workspaceId, fresh.workspace.id))
      .all();
    expect(entries.map((entry) => entry.name).sort()).toEqual(
      ["An imam", "Group A", "Katiba Macina", "Local militias", "Malian army", "Ségou elders"].sort(),
    );
    expect(entries.every((entry) => entry.kind === "unspecified")).toBe(true);
    // The cases keep their text as written.
    expect(
      db
        .select({ actors: cases.actors, mediators: cases.mediators })
        .from(cases)
        .where(eq(cases.id, one))
        .get(),
    ).toEqual(before);
    const macina = listActors(fresh.people.owner.member).find((entry) => entry.name === "Katiba Macina")!;
    expect(
      getActor(fresh.people.owner.member, macina.id)
        .cases.map((item) => item.title)
        .sort(),
    ).toEqual(["Also before", "Before the registry"]);
    // Every name resolves to exactly one entry of its own workspace.
    const keys = db.select().from(actorNames).where(eq(actorNames.workspaceId, fresh.workspace.id)).all();
    expect(new Set(keys.map((row) => row.key)).size).toBe(keys.length);
    expect(migrateFreeTextActors(db)).toBe(0);
  });

  it("gives codes made before short names one from their English label, unique in the workspace", async () => {
    const fresh = await makeTeam();
    const owner = fresh.people.owner.member;
    const { createCode } = await import("~/models/codebook-edits.server");
    const { listCodes } = await import("~/models/codes.server");
    const a = createCode(owner, {
      kind: "outcome",
      label: "Truce",
      description: "",
      color: "#2563eb",
      parentId: null,
    }).id;
    const b = createCode(owner, {
      kind: "precondition",
      label: "Trêve locale",
      labelEn: "Truce",
      description: "",
      color: "#2563eb",
      parentId: null,
    }).id;
    const { codes } = await import("../../db/schema");
    db.update(codes).set({ shortName: null }).where(eq(codes.workspaceId, fresh.workspace.id)).run();
    expect(fillShortNames(db)).toBe(2);
    const names = new Map(listCodes(owner).map((code) => [code.id, code.shortName]));
    expect([names.get(a), names.get(b)].sort()).toEqual(["TRUCE", "TRUCE_2"]);
    expect(fillShortNames(db)).toBe(0);
  });
});
