// A Word document as a new case: checked and read (docx-reader.server.ts), mapped to the case schema
// (docx-to-case.ts), validated like every save, then stored with its derived rows in one transaction
// (createCase). Nothing is stored unless all of that succeeds.
import { validateCaseDocument } from "~/editor/validate";
import enExports from "~/locales/en/exports";
import frExports from "~/locales/fr/exports";
import type { RequestOrigin } from "~/models/audit.server";
import type { CaseFields } from "~/models/case-fields";
import { createCase } from "~/models/cases.server";
import type { Locale } from "~/models/domain";
import { listSources } from "~/models/sources.server";
import { type Message, msg } from "~/utils/messages";
import { type Member, requirePermission } from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { DocxRefusedError, readDocx } from "./docx-reader.server";
import { docxHtmlToCase } from "./docx-to-case";

/** More sections than any case study has: a file with more is not a case note (10,000 headings…). */
export const MAX_IMPORTED_SECTIONS = 200;

type WordRefusal = DocxRefusedError["reason"] | "tooManySections" | "invalid" | "empty";

function wordRefusalMessage(reason: WordRefusal, detail: string[]): Message {
  switch (reason) {
    case "tooManySections":
      return msg("cases.importWord.reasons.tooManySections", { max: MAX_IMPORTED_SECTIONS });
    case "invalid":
      return msg("cases.importWord.reasons.invalid", { detail: detail.slice(0, 3).join(" ") });
    default:
      return msg(`cases.importWord.reasons.${reason}`);
  }
}

/** A Word file that does not become a case (413 when too large, else 400); `message` says why. */
export class WordImportRefusedError extends Refusal {
  constructor(
    readonly reason: WordRefusal,
    readonly detail: string[] = [],
  ) {
    super(reason === "tooLarge" ? 413 : 400, wordRefusalMessage(reason, detail));
  }
}

export type WordImportResult = {
  id: string;
  sections: number;
  citations: number;
  notes: number;
  images: number;
};

/** The file's name without its extension, as a title when the document has no Title paragraph. */
function titleFromFilename(filename: string): string {
  return filename
    .replace(/\.[^.]+$/, "")
    .replace(/[_]+/g, " ")
    .trim();
}

export async function importWordCase(
  member: Member,
  file: { bytes: Uint8Array; filename: string },
  fields: Omit<CaseFields, "title"> & { title: string | null },
  options: { locale: Locale; origin?: RequestOrigin },
): Promise<WordImportResult> {
  requirePermission(member, "case.create");
  let read: Awaited<ReturnType<typeof readDocx>>;
  try {
    read = await readDocx(file.bytes);
  } catch (error) {
    if (error instanceof DocxRefusedError) throw new WordImportRefusedError(error.reason);
    throw error;
  }
  const sources = listSources(member).map((source) => ({ id: source.id, csl: source.csl }));
  const notesTitle = (options.locale === "fr" ? frExports : enExports).document.notes;
  const imported = docxHtmlToCase(read.html, { sources, locale: options.locale, notesTitle });
  if (imported.sections > MAX_IMPORTED_SECTIONS) throw new WordImportRefusedError("tooManySections");
  const hasText = JSON.stringify(imported.doc).includes('"text"');
  if (!hasText) throw new WordImportRefusedError("empty");
  const validated = validateCaseDocument(imported.doc);
  if (!validated.ok) {
    throw new WordImportRefusedError(validated.tooLarge ? "tooLarge" : "invalid", validated.errors);
  }
  const title = (fields.title ?? imported.title ?? titleFromFilename(file.filename)).slice(0, 200);
  const { id } = createCase(
    member,
    { ...fields, title: title.length >= 3 ? title : `${title} (Word)` },
    options.origin,
    options.locale,
    {
      body: validated.doc,
      note: msg("history.notes.importedFrom", { file: file.filename.slice(0, 150) }),
      sourceIds: validated.references.sourceIds,
    },
  );
  return {
    id,
    sections: imported.sections,
    citations: imported.citations,
    notes: imported.unmatchedNotes,
    // The worker counts the images it met in the text, the reader the media files it left out.
    images: Math.max(read.images, imported.images),
  };
}
