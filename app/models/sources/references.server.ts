// Formatted references and citations through citeproc-js, with the styles and locales committed in
// vendor/csl/ (CC BY-SA 3.0, see its README). One engine per style and locale is built on first use and
// kept: building one parses up to 250 KB of XML, formatting with it takes well under a millisecond per item.
import { readFileSync } from "node:fs";
import CSL from "citeproc";
import type { Locale } from "~/models/domain";
import { projectFile } from "~/utils/project-root.server";
import {
  type CitationStyle,
  DEFAULT_CITATION_STYLE,
  ITALIC_END,
  ITALIC_START,
  isCitationStyle,
} from "./citation-styles";
import type { CslItem } from "./csl-item";

const readVendor = (name: string) => readFileSync(projectFile("vendor", "csl", name), "utf8");

type CslLocale = "en-US" | "en-GB" | "fr-FR";

/** The reader's language; English follows the style's own (Cite Them Right is British). */
export function referenceLocale(style: CitationStyle, language: Locale): CslLocale {
  if (language === "fr") return "fr-FR";
  return style === "harvard-cite-them-right" ? "en-GB" : "en-US";
}

// citeproc's plain text output, with italics kept as marks (citation-styles.ts).
const formats = (CSL as unknown as { Output: { Formats: Record<string, Record<string, unknown>> } }).Output
  .Formats;
formats.casebook = {
  ...formats.text,
  "@font-style/italic": `${ITALIC_START}%%STRING%%${ITALIC_END}`,
  "@font-style/oblique": `${ITALIC_START}%%STRING%%${ITALIC_END}`,
};

type Engine = {
  updateItems(ids: string[]): void;
  makeBibliography(): false | [{ entry_ids: string[][] }, string[]];
  makeCitationCluster(
    items: Array<{ id: string; locator?: string; label?: string; suffix?: string }>,
  ): string;
  setOutputFormat(format: string): void;
};

let currentItems = new Map<string, CslItem>();
const sys = {
  retrieveLocale: (lang: string) => {
    const name = `locales-${lang === "en-GB" || lang === "fr-FR" ? lang : "en-US"}.xml`;
    return readVendor(name);
  },
  retrieveItem: (id: string) => currentItems.get(id),
  wrapCitationEntry: (str: string) => str,
};

const engines = new Map<string, Engine>();
function engine(style: CitationStyle, locale: CslLocale): Engine {
  const key = `${style}|${locale}`;
  let found = engines.get(key);
  if (!found) {
    const Engine = (CSL as unknown as { Engine: new (...args: unknown[]) => Engine }).Engine;
    found = new Engine(sys, readVendor(`${style}.csl`), locale, true);
    found.setOutputFormat("casebook");
    engines.set(key, found);
  }
  return found;
}

/**
 * Builds the engines of these styles in both interface languages now, so that no reader waits for one
 * (building one takes from a few hundred milliseconds to seconds on a busy machine). The server calls it
 * once at start, before it listens.
 */
export function warmReferenceEngines(styles: readonly string[]): void {
  for (const style of new Set(styles.filter(isCitationStyle))) {
    for (const language of ["en", "fr"] as const) engine(style, referenceLocale(style, language));
  }
}

export type ReferenceOptions = { style?: string | null; language: Locale };

function resolve(options: ReferenceOptions): { style: CitationStyle; locale: CslLocale } {
  const style = isCitationStyle(options.style) ? options.style : DEFAULT_CITATION_STYLE;
  return { style, locale: referenceLocale(style, options.language) };
}

/** citeproc reads an item's custom fields too; it gets the CSL-JSON part only, with our ids. */
function forCiteproc(item: CslItem, id: string): CslItem {
  const { custom: _custom, ...rest } = item;
  return { ...rest, id };
}

const tidy = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(new RegExp(`${ITALIC_START}${ITALIC_END}`, "g"), "")
    .trim();

/**
 * The bibliography of the given sources in the style's order (alphabetical for author-date and
 * Chicago styles), as formatted references keyed by source id. Sources sharing an author and year are
 * told apart the style's way (2021a, 2021b).
 */
export function formatBibliography(
  sources: ReadonlyArray<{ id: string; csl: CslItem }>,
  options: ReferenceOptions,
): Array<{ sourceId: string; reference: string }> {
  if (sources.length === 0) return [];
  const { style, locale } = resolve(options);
  const processor = engine(style, locale);
  currentItems = new Map(sources.map((source) => [source.id, forCiteproc(source.csl, source.id)]));
  try {
    processor.updateItems(sources.map((source) => source.id));
    const result = processor.makeBibliography();
    if (!result) return sources.map((source) => ({ sourceId: source.id, reference: source.csl.title }));
    const [meta, entries] = result;
    return entries.map((entry, i) => ({ sourceId: meta.entry_ids[i][0], reference: tidy(entry) }));
  } finally {
    currentItems = new Map();
  }
}

// The library list and the source page: each source keeps its text from one page to the next.
const singleCache = new Map<string, string>();
const SINGLE_CACHE_SIZE = 5000;
const cacheKey = (style: string, locale: string, item: CslItem) =>
  `${style}|${locale}|${JSON.stringify(item)}`;

/** The sources formatted together as one reference list (2021a, 2021b where the style says so), by id. */
export function formatReferences(
  sources: ReadonlyArray<{ id: string; csl: CslItem }>,
  options: ReferenceOptions,
): Map<string, string> {
  const { style, locale } = resolve(options);
  const out = new Map<string, string>();
  const missing: Array<{ id: string; csl: CslItem }> = [];
  for (const source of sources) {
    const cached = singleCache.get(cacheKey(style, locale, source.csl));
    if (cached !== undefined) out.set(source.id, cached);
    else missing.push(source);
  }
  // One engine pass for all the missing ones; items that only differ by id are formatted alike.
  const formatted = new Map(
    formatBibliography(missing, { style, language: options.language }).map((e) => [e.sourceId, e.reference]),
  );
  for (const source of missing) {
    const reference = formatted.get(source.id) ?? source.csl.title;
    if (singleCache.size >= SINGLE_CACHE_SIZE) singleCache.delete(singleCache.keys().next().value as string);
    singleCache.set(cacheKey(style, locale, source.csl), reference);
    out.set(source.id, reference);
  }
  return out;
}

/** One formatted reference. */
export function formatReference(item: CslItem, options: ReferenceOptions): string {
  return formatReferences([{ id: item.id, csl: item }], options).get(item.id) ?? item.title;
}

const LOCATOR_LABELS: Array<[RegExp, string]> = [
  [/^(?:pp?|pages?)\b\.?\s*(\S.*)$/i, "page"],
  [/^(?:paras?|paragraphs?|paragraphes?|§§?|¶)(?:\b|(?<=[§¶]))\.?\s*(\S.*)$/i, "paragraph"],
  [/^(?:sec|sections?)\b\.?\s*(\S.*)$/i, "section"],
  [/^(?:ch|chap|chapters?|chapitres?)\b\.?\s*(\S.*)$/i, "chapter"],
  [/^(?:l|ll|lines?|lignes?)\b\.?\s*(\S.*)$/i, "line"],
];

/** "p. 4" → page 4, "para. 12" → paragraph 12; anything else is written after the citation as it is. */
export function parseLocator(locator: string): { locator?: string; label?: string; suffix?: string } {
  const text = locator.trim();
  if (text === "") return {};
  for (const [pattern, label] of LOCATOR_LABELS) {
    const m = pattern.exec(text);
    if (m) return { locator: m[1].trim(), label };
  }
  if (/^\d[\d\s,–-]*$/.test(text)) return { locator: text, label: "page" };
  return { suffix: `, ${text}` };
}

/**
 * One citation per cited passage, in order, each as the style writes it: a note for note styles
 * ("Nadia Keïta, Dialogue in Ségou (Paris: Karthala, 2021), 4."), "(Keïta, 2021, p. 4)" for the others.
 * Used for the footnotes of the Word and PDF exports.
 */
export function formatCitations(
  sources: ReadonlyArray<{ id: string; csl: CslItem }>,
  citations: ReadonlyArray<{ sourceId: string; locator: string }>,
  options: ReferenceOptions,
): string[] {
  const { style, locale } = resolve(options);
  const processor = engine(style, locale);
  currentItems = new Map(sources.map((source) => [source.id, forCiteproc(source.csl, source.id)]));
  try {
    processor.updateItems(sources.map((source) => source.id));
    return citations.map((citation) => {
      if (!currentItems.has(citation.sourceId)) return "";
      return tidy(
        processor.makeCitationCluster([{ id: citation.sourceId, ...parseLocator(citation.locator) }]),
      );
    });
  } finally {
    currentItems = new Map();
  }
}
