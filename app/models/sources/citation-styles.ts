// The citation styles a workspace may choose, and how a formatted reference marks italics. Browser-safe:
// the style setting form and the components that show references use it; formatting itself is done on the
// server (references.server.ts).

export const CITATION_STYLES = [
  "apa",
  "chicago-author-date",
  "harvard-cite-them-right",
  "chicago-notes-bibliography",
] as const;
export type CitationStyle = (typeof CITATION_STYLES)[number];
export const DEFAULT_CITATION_STYLE: CitationStyle = "apa";

export function isCitationStyle(value: unknown): value is CitationStyle {
  return typeof value === "string" && (CITATION_STYLES as readonly string[]).includes(value);
}

/** Note styles put citations in footnotes; the others cite in the text (author, year). */
export const NOTE_STYLES: ReadonlySet<CitationStyle> = new Set(["chicago-notes-bibliography"]);

// Formatted references are plain text with italic runs between these two private-use characters, so every
// reader (React, Word, PDF, Markdown) renders italics its own way and none needs HTML.
export const ITALIC_START = "\uE000";
export const ITALIC_END = "\uE001";

/** The runs of a formatted reference: plain and italic text in order. */
export function referenceRuns(reference: string): Array<{ text: string; italic: boolean }> {
  const runs: Array<{ text: string; italic: boolean }> = [];
  let italic = false;
  for (const part of reference.split(/([\uE000\uE001])/)) {
    if (part === ITALIC_START) italic = true;
    else if (part === ITALIC_END) italic = false;
    else if (part !== "") runs.push({ text: part, italic });
  }
  return runs;
}

/** The reference without its italic marks. */
export function plainReference(reference: string): string {
  return reference.replace(/[\uE000\uE001]/g, "");
}
