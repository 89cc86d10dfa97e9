// Word and PDF: a case exported as the member may take it out (redacted for trainers, ADR 0008), and a Word
// document imported as a new case with its citations stored, or refused with nothing stored.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JSONContent } from "@tiptap/core";
import { Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { count, eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { setCaseConfidentiality } from "~/models/case-access.server";
import { exportCaseDocument } from "~/models/case-files/case-export.server";
import { importWordCase, WordImportRefusedError } from "~/models/case-files/case-import.server";
import { createCase, getCase, saveCaseBody } from "~/models/cases.server";
import { createCode } from "~/models/codebook-edits.server";
import { createSource } from "~/models/sources.server";
import { setCitationStyle } from "~/models/workspaces.server";
import { db } from "~/utils/db.server";
import { chromiumPath } from "~/utils/pdf.server";
import { cases, citations } from "../../db/schema";
import { makeTeam, sampleFields } from "../helpers/fixtures";

type Team = Awaited<ReturnType<typeof makeTeam>>;
let team: Team;
let caseId: string;
let sourceId: string;

const NAME = "Sheikh Hamadoun";
const ARABIC = "مفاوضات مع الجماعة المسلحة";
// The catalogue key and its values, so the tests see which words went where.
const t = (key: string, params: Record<string, string | number> = {}) =>
  [key, ...Object.values(params)].join(":");

function wordText(docx: Buffer): string {
  const files = unzipSync(new Uint8Array(docx));
  return ["word/document.xml", "word/footnotes.xml", "word/comments.xml"]
    .map((name) => (files[name] ? strFromU8(files[name]) : ""))
    .join("\n");
}

beforeAll(async () => {
  team = await makeTeam();
  const { owner, editor, trainer } = team.people;
  const code = createCode(owner.member, {
    label: "Local channel",
    kind: "precondition",
    description: "",
    color: "#2563eb",
    parentId: null,
  });
  sourceId = createSource(editor.member, {
    type: "book",
    title: "Dialogue in Ségou",
    author: [{ family: "Keïta", given: "Nadia" }],
    issued: { "date-parts": [[2021]] },
    publisher: "Karthala",
    "publisher-place": "Paris",
  }).id;
  caseId = createCase(editor.member, { ...sampleFields, title: "Secret channel in Mopti" }).id;
  const body: JSONContent = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Context" }] },
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Talks went through " },
          {
            type: "text",
            text: NAME,
            marks: [{ type: "sensitive" }, { type: "citation", attrs: { sourceId, locator: "p. 77" } }],
          },
          { type: "text", text: " and ", marks: [] },
          { type: "text", text: "local elders", marks: [{ type: "tag", attrs: { codeId: code.id } }] },
          { type: "text", text: ".", marks: [] },
        ],
      },
      { type: "paragraph", content: [{ type: "text", text: ARABIC }] },
    ],
  };
  saveCaseBody(editor.member, caseId, { baseRevision: 1, doc: body });
  db.update(cases).set({ status: "approved", approvedRevision: 2 }).where(eq(cases.id, caseId)).run();
  setCaseConfidentiality(editor.member, caseId, { confidential: true, userIds: [trainer.id] });
});

describe("Word export", { timeout: 60_000 }, () => {
  it("holds the fields, the sections, comments for tags, footnotes and the bibliography in the style", async () => {
    const file = await exportCaseDocument(team.people.editor.member, caseId, "docx", { language: "en", t });
    expect(file.filename).toBe("secret-channel-in-mopti.docx");
    const text = wordText(file.body);
    expect(text).toContain("Secret channel in Mopti");
    expect(text).toContain(NAME);
    expect(text).toContain(ARABIC);
    expect(text).toContain("exports.document.tagged:Local channel");
    // APA 7: the citation as a footnote, the reference in the bibliography.
    expect(text).toContain("(Keïta, 2021, p. 77)");
    expect(text).toContain("Keïta, N. (2021).");
  });

  it("follows the workspace's citation style", async () => {
    setCitationStyle(team.people.owner.member, "chicago-notes-bibliography");
    const text = wordText(
      (await exportCaseDocument(team.people.editor.member, caseId, "docx", { language: "en", t })).body,
    );
    expect(text).toContain("Nadia Keïta,");
    expect(text).toContain(" (Karthala, 2021), 77.");
    setCitationStyle(team.people.owner.member, "apa");
  });

  it("gives a trainer of a confidential case a redacted copy only, without the sensitive passage or its page", async () => {
    const file = await exportCaseDocument(team.people.trainer.member, caseId, "docx", { language: "en", t });
    expect(file.filename).toBe("secret-channel-in-mopti-redacted.docx");
    const text = wordText(file.body);
    expect(text).not.toContain("Hamadoun");
    expect(text).not.toContain("p. 77");
    expect(text).toContain("[redacted]");
    expect(text).toContain("local elders");
  });
});

describe.runIf(chromiumPath())("PDF export", () => {
  it("is made on the server, with embedded fonts, right-to-left text and no sensitive passage for a trainer", async () => {
    const file = await exportCaseDocument(team.people.trainer.member, caseId, "pdf", { language: "en", t });
    expect(file.body.subarray(0, 5).toString()).toBe("%PDF-");
    const dir = mkdtempSync(join(tmpdir(), "casebook-pdf-"));
    const path = join(dir, "case.pdf");
    writeFileSync(path, file.body);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", path, "-"]).toString();
    expect(text).toContain("Secret channel in Mopti");
    expect(text).toContain("local elders");
    expect(text).toContain("[redacted]");
    expect(text).not.toContain("Hamadoun");
    const fonts = execFileSync("pdffonts", [path]).toString().trim().split("\n").slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    // Every font is embedded ("emb" column).
    for (const line of fonts) expect(line).toMatch(/\s(yes)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/);
  }, 60_000);
});

async function wordFile(children: Paragraph[], footnotes: Record<number, { children: Paragraph[] }> = {}) {
  return new Uint8Array(await Packer.toBuffer(new Document({ footnotes, sections: [{ children }] })));
}

const fields = { ...sampleFields, title: null, regions: ["Mali"] };

describe("Word import", () => {
  it("stores a new case with its sections and the citations its footnotes make", async () => {
    const bytes = await wordFile(
      [
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Context" }),
        new Paragraph({
          children: [new TextRun("Elders carried messages to the katiba."), new FootnoteReferenceRun(1)],
        }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Résultats" }),
        new Paragraph("A temporary truce."),
      ],
      { 1: { children: [new Paragraph("Keïta, Dialogue in Ségou, para. 12.")] } },
    );
    const result = await importWordCase(
      team.people.editor.member,
      { bytes, filename: "Ségou_notes.docx" },
      fields,
      {
        locale: "en",
      },
    );
    expect(result).toMatchObject({ sections: 2, citations: 1, notes: 0, images: 0 });
    const stored = getCase(team.people.editor.member, result.id);
    expect(stored.title).toBe("Ségou notes");
    expect(JSON.stringify(stored.body)).toContain('"text":"Outcomes"');
    const rows = db.select().from(citations).where(eq(citations.caseId, result.id)).all();
    expect(rows.map((row) => [row.sourceId, row.locator])).toEqual([[sourceId, "para. 12"]]);
  });

  it("refuses what it cannot read and stores nothing", async () => {
    const before = db.select({ n: count() }).from(cases).get()?.n;
    const attempts: Array<[Uint8Array, string]> = [
      [new TextEncoder().encode("not a word file"), "notDocx"],
      [
        await wordFile(
          Array.from(
            { length: 10_000 },
            (_, i) => new Paragraph({ heading: HeadingLevel.HEADING_1, text: `H${i}` }),
          ),
        ),
        "tooManySections",
      ],
      [await wordFile([]), "empty"],
    ];
    for (const [bytes, reason] of attempts) {
      await expect(
        importWordCase(team.people.editor.member, { bytes, filename: "x.docx" }, fields, { locale: "en" }),
      ).rejects.toMatchObject({ reason });
    }
    await expect(
      importWordCase(team.people.trainer.member, { bytes: attempts[0][0], filename: "x.docx" }, fields, {
        locale: "en",
      }),
    ).rejects.not.toBeInstanceOf(WordImportRefusedError);
    expect(db.select({ n: count() }).from(cases).get()?.n).toBe(before);
  }, 60_000);
});
