// citation-js, set up once for the casebook's BibTeX and RIS readers and writers (ADR 0010).
// Its configuration is process-wide; nothing else in the app uses citation-js.
import { plugins } from "@citation-js/core";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-ris";
import type { CslType } from "./csl-item";

type BibTeXConfig = {
  format: { asciiOnly: boolean; useIdAsLabel: boolean };
  types: { biblatex: { target: Record<string, string>; source: Record<string, string> } };
};

const bibtexConfig = plugins.config.get("@bibtex") as unknown as BibTeXConfig;
// With asciiOnly, every letter outside Latin (Arabic titles, names) is dropped from the file; the writer
// escapes LaTeX's special characters itself instead (bibtex.ts).
bibtexConfig.format.asciiOnly = false;
bibtexConfig.format.useIdAsLabel = true;

/** biblatex entry types for our CSL types; the ones marked `subtype` are written with entrysubtype = the type. */
export const BIBLATEX_TYPES: Record<CslType, { entry: string; subtype?: true }> = {
  article: { entry: "misc", subtype: true },
  "article-journal": { entry: "article" },
  "article-magazine": { entry: "article", subtype: true },
  "article-newspaper": { entry: "article", subtype: true },
  book: { entry: "book" },
  chapter: { entry: "incollection" },
  report: { entry: "report" },
  interview: { entry: "misc", subtype: true },
  personal_communication: { entry: "letter" },
  webpage: { entry: "online" },
  "post-weblog": { entry: "online", subtype: true },
  treaty: { entry: "misc", subtype: true },
  legal_case: { entry: "jurisdiction" },
  legislation: { entry: "legislation" },
  speech: { entry: "misc", subtype: true },
  thesis: { entry: "thesis" },
  manuscript: { entry: "unpublished" },
  document: { entry: "misc" },
};
for (const [type, { entry }] of Object.entries(BIBLATEX_TYPES))
  bibtexConfig.types.biblatex.target[type] = entry;

export const citationJs = plugins;
