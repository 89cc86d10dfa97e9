// The workspace file carries what issue 18 added: events (current and in every revision), the registry of
// actors with names and affiliations, links between cases, short names and coding guidance; an import
// gives them new ids and keeps what a reader sees the same.
import { beforeAll, describe, expect, it } from "vitest";
import { addActorName, addAffiliation, getActor, listActors } from "~/models/actors.server";
import { setCaseConfidentiality } from "~/models/case-access.server";
import { addCaseLink, caseLinksOf } from "~/models/case-links.server";
import { createCase, getCase } from "~/models/cases.server";
import { codeGuidance } from "~/models/code-guidance.server";
import { createCode } from "~/models/codebook-edits.server";
import { listCodes } from "~/models/codes.server";
import { saveEvent } from "~/models/events.server";
import {
  getExportJob,
  openWorkspaceExport,
  startWorkspaceExport,
  waitForExport,
} from "~/models/exports.server";
import { listRevisions, viewRevision } from "~/models/revisions.server";
import { createSource } from "~/models/sources.server";
import { importWorkspace } from "~/models/workspace-import.server";
import { findMember, type Member } from "~/utils/permissions.server";
import { makeTeam, makeUser, sampleFields } from "../helpers/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let fileText = "";

beforeAll(async () => {
  team = await makeTeam();
  const editor = team.people.editor.member;
  const owner = team.people.owner.member;
  const truce = createCode(owner, {
    kind: "outcome",
    label: "Temporary truce",
    description: "Fighting stops for a time.",
    color: "#ea580c",
    parentId: null,
    shortName: "TRUCE",
    whenPresent: "The source says a truce was reached.",
    whenAbsent: "The source says none was.",
    notes: "l. 29",
  }).id;
  const source = createSource(editor, { type: "report", title: "Field notes" }).id;
  const mali = createCase(editor, {
    ...sampleFields,
    title: "Mali talks",
    actors: ["Iyad ag Ghali"],
    mediators: ["Mahmoud Dicko"],
    dialogueType: "active_group",
  }).id;
  saveEvent(editor, mali, {
    event: {
      title: "Truce",
      start: { year: 2020 },
      end: null,
      circa: true,
      wording: "inferred",
      description: "",
      actors: ["Katiba Macina"],
      codeIds: [truce],
      citations: [{ sourceId: source, locator: "l. 29" }],
    },
  });
  const other = createCase(editor, { ...sampleFields, title: "Algiers process" }).id;
  addCaseLink(editor, mali, { targetId: other, kind: "same_conflict", note: "Both in Mali" });
  const ghali = listActors(owner).find((entry) => entry.name === "Iyad ag Ghali")!.id;
  addActorName(editor, ghali, { alias: "إياد أغ غالي", language: "ar" });
  const group = listActors(owner).find((entry) => entry.name === "Katiba Macina")!.id;
  addAffiliation(editor, ghali, {
    groupId: group,
    role: "Ally",
    startYear: 2012,
    startCirca: true,
    endYear: null,
    endCirca: false,
    wording: "",
    sourceId: source,
    locator: "l. 25",
  });
  // Confidential, nobody listed: the editor's export leaves it and its names out.
  const secret = createCase(editor, { ...sampleFields, title: "Secret", actors: ["Cousin Kassim"] }).id;
  setCaseConfidentiality(owner, secret, { confidential: true, userIds: [] });

  const job = startWorkspaceExport(editor);
  await waitForExport(job.id);
  expect(getExportJob(editor, job.id)?.status).toBe("done");
  const { stream } = openWorkspaceExport(editor, job.id);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  fileText = Buffer.concat(chunks).toString("utf8");
});

describe("the workspace file", () => {
  it("holds events, the registry, links and guidance, and nothing of a case the exporter may not see", () => {
    const file = JSON.parse(fileText);
    const mali = file.cases.find((record: { title: string }) => record.title === "Mali talks");
    expect(mali.dialogueType).toBe("active_group");
    expect(mali.events.map((event: { title: string }) => event.title)).toEqual(["Truce"]);
    expect(mali.revisions.at(-1).fields.events).toHaveLength(1);
    expect(file.links).toEqual([
      expect.objectContaining({ kind: "same_conflict", note: "Both in Mali", fromCaseId: mali.id }),
    ]);
    const names = file.actors.map((entry: { name: string }) => entry.name);
    expect(names).toEqual(expect.arrayContaining(["Iyad ag Ghali", "Mahmoud Dicko", "Katiba Macina"]));
    expect(names).not.toContain("Cousin Kassim");
    expect(fileText).not.toContain("Cousin Kassim");
    expect(file.codes[0]).toMatchObject({ shortName: "TRUCE", whenAbsent: "The source says none was." });
  });

  it("imports into a new workspace that reads the same", async () => {
    const importer = await makeUser("Importer");
    const result = await importWorkspace(importer, fileText);
    const member = findMember(importer.id, result.workspaceId) as Member;
    expect(result.droppedReferences).toBe(0);
    const cases = listCodes(member);
    expect(cases.map((code) => code.shortName)).toEqual(["TRUCE"]);
    const truce = cases[0].id;
    expect(codeGuidance(member)[truce]).toMatchObject({
      whenPresent: "The source says a truce was reached.",
    });
    const mali = listActors(member);
    const ghali = mali.find((entry) => entry.name === "Iyad ag Ghali")!;
    const page = getActor(member, ghali.id);
    expect(page.names.map((name) => [name.name, name.language])).toEqual([
      ["Iyad ag Ghali", ""],
      ["إياد أغ غالي", "ar"],
    ]);
    expect(page.affiliations).toEqual([
      expect.objectContaining({
        otherName: "Katiba Macina",
        role: "Ally",
        startYear: 2012,
        locator: "l. 25",
      }),
    ]);
    const imported = page.cases[0];
    expect(imported.title).toBe("Mali talks");
    const caseStudy = getCase(member, imported.id);
    expect(caseStudy.dialogueType).toBe("active_group");
    // The event points to the new code and the new source.
    expect(caseStudy.events[0]).toMatchObject({
      title: "Truce",
      codeIds: [truce],
      circa: true,
      wording: "inferred",
    });
    expect(caseStudy.events[0].citations[0].sourceId).not.toBe(JSON.parse(fileText).sources[0].id);
    const latest = listRevisions(member, imported.id).revisions[0].number;
    expect(viewRevision(member, imported.id, latest).events[0].codeIds).toEqual([truce]);
    expect(caseLinksOf(member, imported.id)).toEqual([
      expect.objectContaining({
        reading: "sameConflict",
        otherTitle: "Algiers process",
        note: "Both in Mali",
      }),
    ]);
    expect(mali.map((entry) => entry.name)).not.toContain("Cousin Kassim");
  });
});

describe("an older file", () => {
  it("imports without events, registry or links, and makes entries and short names from what it has", async () => {
    const file = JSON.parse(fileText);
    for (const record of file.cases) {
      delete record.events;
      delete record.dialogueType;
      for (const revision of record.revisions) {
        delete revision.fields.events;
        delete revision.fields.dialogueType;
      }
    }
    delete file.actors;
    delete file.links;
    for (const code of file.codes) {
      delete code.shortName;
      delete code.whenPresent;
      delete code.whenAbsent;
      delete code.notes;
      delete code.example;
    }
    const importer = await makeUser("Older file");
    const result = await importWorkspace(importer, JSON.stringify(file));
    const member = findMember(importer.id, result.workspaceId) as Member;
    expect(listCodes(member).map((code) => code.shortName)).toEqual(["TEMPORARY_TRUCE"]);
    expect(listActors(member).map((entry) => entry.name)).toEqual(
      expect.arrayContaining(["Iyad ag Ghali", "Mahmoud Dicko"]),
    );
    const mali = listActors(member).find((entry) => entry.name === "Iyad ag Ghali")!;
    const caseId = getActor(member, mali.id).cases[0].id;
    expect(getCase(member, caseId).events).toEqual([]);
    expect(getCase(member, caseId).dialogueType).toBeNull();
  });
});
