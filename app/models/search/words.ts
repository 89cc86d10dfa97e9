// Words as search sees them (ADR 0004): the same rules cut, fold and stem the text that is indexed (through
// the SQL function `casebook_stems`, registered on every connection by db/client.ts), the words of a query,
// and the texts matched in memory (approved versions, codes, snippets), so all three always agree.
import StemmerEn from "@nlpjs/lang-en-min/src/stemmer-en.js";
import StemmerFr from "@nlpjs/lang-fr/src/stemmer-fr.js";
import { fold } from "../../rules/text";

/** Languages whose word forms are stemmed (Snowball); other languages are searched as written. */
export const STEMMED_LANGUAGES = ["en", "fr"] as const;
export type StemLanguage = (typeof STEMMED_LANGUAGES)[number];

/** The stemmer's language for a case's BCP 47 tag ("en-GB" → "en"), or null when it has none. */
export function stemLanguage(tag: string | null | undefined): StemLanguage | null {
  const primary = (tag ?? "").toLowerCase().split("-")[0];
  return (STEMMED_LANGUAGES as readonly string[]).includes(primary) ? (primary as StemLanguage) : null;
}

// ---- British and American spellings -------------------------------------------------------------
// One spelling of each pair, chosen so that Snowball's English stemmer still joins the family
// (advertise / advertisement): -ize becomes -ise, -yze -yse, color colour, center centre, dialog dialogue.

// American words that drop the u of British -our; the prefix also covers their derived forms (favorite).
const AMERICAN_OR = [
  "ardor",
  "armor",
  "behavior",
  "candor",
  "clamor",
  "color",
  "demeanor",
  "endeavor",
  "favor",
  "fervor",
  "flavor",
  "harbor",
  "honor",
  "humor",
  "labor",
  "neighbor",
  "odor",
  "parlor",
  "rancor",
  "rigor",
  "rumor",
  "savior",
  "savor",
  "splendor",
  "succor",
  "tumor",
  "valor",
  "vapor",
  "vigor",
];

// Whole words (and their plural) spelled differently.
const WORD_SPELLINGS: Record<string, string> = {
  center: "centre",
  theater: "theatre",
  liter: "litre",
  fiber: "fibre",
  caliber: "calibre",
  somber: "sombre",
  specter: "spectre",
  meager: "meagre",
  luster: "lustre",
  saber: "sabre",
  defense: "defence",
  offense: "offence",
  pretense: "pretence",
  dialog: "dialogue",
  catalog: "catalogue",
  analog: "analogue",
  monolog: "monologue",
  programme: "program",
  judgement: "judgment",
  acknowledgement: "acknowledgment",
  ageing: "aging",
};

/** The one spelling an English word is stemmed in (see above); other words come back as they are. */
export function britishAmerican(word: string): string {
  const plural = word.endsWith("s") ? word.slice(0, -1) : null;
  if (WORD_SPELLINGS[word]) return WORD_SPELLINGS[word];
  if (plural && WORD_SPELLINGS[plural]) return `${WORD_SPELLINGS[plural]}s`;
  for (const base of AMERICAN_OR)
    if (word.startsWith(base)) return `${base.slice(0, -1)}ur${word.slice(base.length)}`;
  // At least three letters before the suffix: prize, seize and size are not spellings of anything.
  const ize = /^(.{3,})iz(e|es|ed|ing|ation|ations|er|ers|able)$/.exec(word);
  if (ize) return `${ize[1]}is${ize[2]}`;
  const yze = /^(.{2,})yz(e|es|ed|ing|er|ers)$/.exec(word);
  if (yze) return `${yze[1]}ys${yze[2]}`;
  return word;
}

// ---- Stemming ---------------------------------------------------------------------------------------

type Snowball = { setCurrent(word: string): void; innerStem(): void; getCurrent(): string };
const stemmers: Record<StemLanguage, Snowball> = { en: new StemmerEn(), fr: new StemmerFr() };
// The packages' own stemWord keeps every word it ever saw; this cache is bounded.
const STEM_CACHE_MAX = 100_000;
const stemCache = new Map<string, string>();

/**
 * The stem of a folded word in a language, tagged with the language ("en" + "negoti"): an English stem
 * never meets a French one in the index (French "parties" → "part" must not find English "part").
 */
export function stemOf(folded: string, language: StemLanguage): string {
  const key = language + folded;
  const known = stemCache.get(key);
  if (known !== undefined) return known;
  const snowball = stemmers[language];
  snowball.setCurrent(language === "en" ? britishAmerican(folded) : folded);
  snowball.innerStem();
  const stem = language + snowball.getCurrent();
  if (stemCache.size >= STEM_CACHE_MAX) stemCache.clear();
  stemCache.set(key, stem);
  return stem;
}

// ---- Cutting text into words ------------------------------------------------------------------------

// A word as SQLite's unicode61 tokenizer cuts it (letters, digits and the marks that go with them), and
// words joined by hyphens or apostrophes (cease-fire, al-Shabab, Qa'ida), which are also searched joined.
const WORD = /[\p{L}\p{N}\p{M}]+(?:[-‐‑'’][\p{L}\p{N}\p{M}]+)*/gu;
const PART = /[\p{L}\p{N}\p{M}]+/gu;

export type Token = {
  /** Folded (lower case, no accents), as the index holds the word. */
  folded: string;
  start: number;
  end: number;
};

export type StemToken = Token & { stem: string };

/**
 * The words of a text, each folded, with where it is in the text (as the exact index cuts them); the
 * first `limit` of them only when a limit is given.
 */
export function wordsOf(text: string, limit = Number.POSITIVE_INFINITY): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(PART)) {
    if (tokens.length >= limit) break;
    const folded = fold(match[0]);
    if (folded) tokens.push({ folded, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * The stemmed words of a text, in order: what the index's stem columns hold. A compound joined by hyphens
 * or apostrophes comes first as one word (its parts all two letters or more), then its parts, so that
 * "ceasefire" finds "cease-fire" and "Qaida" finds "Qa'ida". Nothing for languages without a stemmer.
 * With a limit, at least its first `limit` tokens (those of the words that reach it).
 */
export function stemsOf(
  text: string,
  language: StemLanguage | null,
  limit = Number.POSITIVE_INFINITY,
): StemToken[] {
  if (!language) return [];
  const tokens: StemToken[] = [];
  for (const match of text.matchAll(WORD)) {
    // The first `limit` tokens are the same whether or not the rest of the text is cut.
    if (tokens.length >= limit) break;
    const start = match.index;
    const parts: Token[] = [];
    for (const part of match[0].matchAll(PART)) {
      const folded = fold(part[0]);
      if (folded) parts.push({ folded, start: start + part.index, end: start + part.index + part[0].length });
    }
    if (parts.length > 1 && parts.every((part) => part.folded.length >= 2)) {
      const joined = parts.map((part) => part.folded).join("");
      tokens.push({ folded: joined, start, end: start + match[0].length, stem: stemOf(joined, language) });
    }
    for (const part of parts) tokens.push({ ...part, stem: stemOf(part.folded, language) });
  }
  return tokens;
}

// The last few texts stemmed: one save re-indexes a case's row once per citation it writes (ADR 0004).
const recentTexts: Array<{ text: string; language: string; stems: string }> = [];

/** The stem column of a text (the SQL function casebook_stems): stemmed words separated by spaces. */
export function stemText(text: string | null, languageTag: string | null): string {
  if (!text) return "";
  const language = stemLanguage(languageTag);
  if (!language) return "";
  const tag = language;
  for (const recent of recentTexts) if (recent.language === tag && recent.text === text) return recent.stems;
  const stems = stemsOf(text, language)
    .map((token) => token.stem)
    .join(" ");
  recentTexts.unshift({ text, language: tag, stems });
  if (recentTexts.length > 4) recentTexts.pop();
  return stems;
}
