// The same search in memory (ADR 0004): a query tree matched against texts the index does not hold as the
// reader reads them (approved versions for trainers, codes), and the marks of a snippet (which words
// matched, exact or stemmed). It cuts and stems words with words.ts, as the index does, so both agree.
import type { SearchNode } from "~/models/search/query";
import { positiveLeaves } from "~/models/search/query";
import {
  STEMMED_LANGUAGES,
  type StemLanguage,
  stemOf,
  stemsOf,
  type Token,
  wordsOf,
} from "~/models/search/words";
import { fold } from "~/rules/text";

// Control characters mark the matched words inside snippets; the page turns them into <mark>
// elements, so snippets never carry HTML.
export const SNIPPET_START = "\u0002";
export const SNIPPET_END = "\u0003";

type Leaf = Extract<SearchNode, { kind: "word" | "phrase" }>;

export type SearchableText = { text: string; languages: readonly StemLanguage[] };

/** A query's word or phrase, ready to compare: folded words, and their stems in each language. */
type Check = {
  words: readonly string[];
  prefix: boolean;
  stems: ReadonlyMap<StemLanguage, readonly string[]>;
};

function checkOf(leaf: Leaf): Check {
  const words = leaf.kind === "word" ? [leaf.word] : leaf.words;
  const prefix = leaf.kind === "word" && leaf.prefix;
  return {
    words,
    prefix,
    stems: new Map(
      prefix
        ? []
        : STEMMED_LANGUAGES.map((language) => [language, words.map((word) => stemOf(word, language))]),
    ),
  };
}

const WORD = /[\p{L}\p{N}\p{M}]+(?:[-‐‑'’][\p{L}\p{N}\p{M}]+)*/gu;
const JOINED = /[-‐‑'’]/u;

function initialOf(text: string) {
  const code = text.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text.charAt(0);
  return fold(text.slice(0, 2)).charAt(0);
}

/** Does a phrase's run of words start at `at`, exactly or stemmed in one of the text's languages? */
function phraseAt(text: string, at: number, check: Check, languages: readonly StemLanguage[]): number {
  const slice = text.slice(at, at + 60 * check.words.length);
  // Only as many words as the phrase has are compared: cutting the rest of the slice would be wasted.
  const words = wordsOf(slice, check.words.length);
  if (words.length >= check.words.length && check.words.every((word, i) => words[i].folded === word))
    return at + words[check.words.length - 1].end;
  for (const language of languages) {
    const wanted = check.stems.get(language) ?? [];
    const stems = stemsOf(slice, language, wanted.length);
    if (stems.length >= wanted.length && wanted.every((stem, i) => stems[i].stem === stem))
      return at + stems[wanted.length - 1].end;
  }
  return -1;
}

type Span = { from: number; to: number; check: number };

const initialsOf = (checks: readonly Check[]) => new Set(checks.map((check) => check.words[0].charAt(0)));

/**
 * Where the query's words are in a text, scanning from the start; `enough` stops the scan early (a
 * snippet needs its first marks only). Words whose first letter no query word has are skipped unread.
 */
function scan(
  item: SearchableText,
  checks: readonly Check[],
  enough: (spans: readonly Span[], at: number) => boolean,
  initials: ReadonlySet<string> = initialsOf(checks),
): Span[] {
  const spans: Span[] = [];
  if (checks.length === 0 || !item.text) return spans;
  const { text, languages } = item;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    if (enough(spans, match.index)) break;
    const raw = match[0];
    const parts: Token[] = JOINED.test(raw)
      ? wordsOf(raw).map((part) => ({
          ...part,
          start: part.start + match.index,
          end: part.end + match.index,
        }))
      : [{ folded: "", start: match.index, end: match.index + raw.length }];
    if (!parts.some((part) => initials.has(initialOf(text.slice(part.start, part.end))))) continue;
    // The whole compound (cease-fire as "ceasefire"), as the stem columns hold it.
    if (parts.length > 1 && parts.every((part) => part.end - part.start >= 2)) {
      const joined = parts.map((part) => part.folded).join("");
      checks.forEach((check, index) => {
        if (check.prefix || check.words.length > 1) return;
        for (const language of languages)
          if (stemOf(joined, language) === check.stems.get(language)?.[0])
            spans.push({ from: match.index, to: match.index + raw.length, check: index });
      });
    }
    for (const part of parts) {
      const word = part.folded || fold(text.slice(part.start, part.end));
      checks.forEach((check, index) => {
        if (check.words[0].charAt(0) !== word.charAt(0)) return;
        if (check.prefix) {
          if (word.startsWith(check.words[0])) spans.push({ from: part.start, to: part.end, check: index });
          return;
        }
        const first =
          word === check.words[0] ||
          languages.some((language) => stemOf(word, language) === check.stems.get(language)?.[0]);
        if (!first) return;
        if (check.words.length === 1) {
          spans.push({ from: part.start, to: part.end, check: index });
          return;
        }
        const end = phraseAt(text, part.start, check, languages);
        if (end !== -1) spans.push({ from: part.start, to: end, check: index });
      });
    }
  }
  return spans;
}

function evaluate(node: SearchNode, found: ReadonlySet<Leaf>): boolean {
  switch (node.kind) {
    case "word":
    case "phrase":
      return found.has(node);
    case "not":
      return !evaluate(node.item, found);
    case "and":
      return node.items.every((item) => evaluate(item, found));
    case "or":
      return node.items.some((item) => evaluate(item, found));
  }
}

function leavesOf(node: SearchNode): Leaf[] {
  if (node.kind === "word" || node.kind === "phrase") return [node];
  if (node.kind === "not") return leavesOf(node.item);
  return node.items.flatMap(leavesOf);
}

const JOINER_CLASS = "[-‐‑'’]?";
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Where a query's words may start in a text: a word beginning with the first three letters of one of
 * them (stems keep a word's first letters; a joiner may sit between them, as in Qa'ida). Read on the
 * folded text, which keeps the text's length for all but rare ligatures (null then: scan it all).
 */
function candidateFinder(checks: readonly Check[]) {
  const probes = [...new Set(checks.map((check) => check.words[0].slice(0, 3)))];
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}\\p{M}])(?:${probes.map((probe) => [...probe].map(escapeRegExp).join(JOINER_CLASS)).join("|")})`,
    "gu",
  );
  return (text: string) => {
    const folded = /[^ -~\s]/.test(text) ? fold(text) : text.toLowerCase();
    if (folded.length !== text.length) return null;
    pattern.lastIndex = 0;
    return {
      next(): number {
        const found = pattern.exec(folded);
        return found ? found.index : -1;
      },
    };
  };
}

/** The word (or compound) around `at`: where the scan of a candidate begins. */
function wordStart(text: string, at: number) {
  let start = at;
  while (start > 0 && at - start < 40 && /[\p{L}\p{N}\p{M}\-‐‑'’]/u.test(text[start - 1])) start--;
  return start;
}

/** A query's words made ready once, for all the texts one search looks at (cases, codes, comments). */
type Compiled = {
  checks: readonly Check[];
  initials: ReadonlySet<string>;
  candidates: ReturnType<typeof candidateFinder>;
  reach: number;
};

function compile(leaves: readonly Leaf[]): Compiled {
  const checks = leaves.map(checkOf);
  return {
    checks,
    initials: initialsOf(checks),
    candidates: candidateFinder(checks),
    reach: 80 + 60 * Math.max(0, ...checks.map((check) => check.words.length)),
  };
}

/** Spans of the query's words found by looking at candidates only, until `enough` says stop. */
function locate(
  item: SearchableText,
  compiled: Compiled,
  enough: (spans: readonly Span[], at: number) => boolean,
): Span[] {
  const { checks, initials } = compiled;
  if (checks.length === 0 || !item.text) return [];
  const candidates = compiled.candidates(item.text);
  if (!candidates) return scan(item, checks, enough, initials);
  const spans: Span[] = [];
  let scannedTo = 0;
  for (let at = candidates.next(); at !== -1; at = candidates.next()) {
    if (at < scannedTo) continue;
    if (enough(spans, at)) break;
    const start = wordStart(item.text, at);
    const slice = item.text.slice(start, at + compiled.reach);
    // Only the word at the candidate counts here; the words after it have candidates of their own.
    for (const span of scan({ ...item, text: slice }, checks, (_, next) => next > at - start, initials))
      if (start + span.from <= at) spans.push({ ...span, from: start + span.from, to: start + span.to });
    scannedTo = at + 1;
  }
  return spans;
}

/**
 * Whether a record made of these texts (a case's title, fields, body and sources; a code's label and
 * description) matches the query, each text searched on its own as the index's columns are.
 */
export function matchesTexts(tree: SearchNode, texts: readonly SearchableText[]): boolean {
  return textsMatcher(tree)(texts);
}

/** matchesTexts for one query and many records: the query's words are made ready once. */
export function textsMatcher(tree: SearchNode): (texts: readonly SearchableText[]) => boolean {
  const leaves = leavesOf(tree);
  const compiled = compile(leaves);
  return (texts) => {
    const found = new Set<Leaf>();
    for (const item of texts) {
      const seen = new Set<number>();
      const all = (spans: readonly Span[]) => {
        for (const span of spans) seen.add(span.check);
        return seen.size === compiled.checks.length;
      };
      all(locate(item, compiled, all));
      for (const index of seen) found.add(leaves[index]);
      if (found.size === leaves.length) break;
    }
    return evaluate(tree, found);
  };
}

/** The words of a query that a snippet marks (not those it excludes). */
export function highlightLeaves(tree: SearchNode | null): Leaf[] {
  return positiveLeaves(tree);
}

/** Characters of a snippet before its first mark, and in all. */
const BEFORE = 60;
const LENGTH = 180;

/**
 * A short passage of a text around the first word the query matched, its matched words between
 * SNIPPET_START and SNIPPET_END; null when no word of the query is in the text.
 */
export function snippetOf(leaves: readonly Leaf[], item: SearchableText): string | null {
  return snippetMaker(leaves)(item);
}

/** snippetOf for one query and many texts: the query's words are made ready once. */
export function snippetMaker(leaves: readonly Leaf[]): (item: SearchableText) => string | null {
  const compiled = compile(leaves);
  return (item) => cutSnippet(item, compiled);
}

function cutSnippet(item: SearchableText, compiled: Compiled): string | null {
  const found = locate(item, compiled, (spans, at) => spans.length > 0 && at > spans[0].from + LENGTH);
  if (found.length === 0) return null;
  const spans: Array<[number, number]> = [];
  for (const span of found.sort((a, b) => a.from - b.from || b.to - a.to)) {
    const last = spans[spans.length - 1];
    if (last && span.from <= last[1]) last[1] = Math.max(last[1], span.to);
    else spans.push([span.from, span.to]);
  }
  const { text } = item;
  let start = Math.max(0, spans[0][0] - BEFORE);
  // Start and end on word boundaries where one is near.
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space !== -1 && space < spans[0][0]) start = space + 1;
  }
  let end = Math.min(text.length, start + LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > spans[0][1]) end = space;
  }
  let out = "";
  let at = start;
  for (const [from, to] of spans) {
    if (from >= end) break;
    if (to <= at) continue;
    out += text.slice(at, Math.max(at, from));
    out += SNIPPET_START + text.slice(Math.max(at, from), Math.min(to, end)) + SNIPPET_END;
    at = Math.min(to, end);
  }
  out += text.slice(at, end);
  return `${start > 0 ? "…" : ""}${out.replace(/\s+/g, " ")}${end < text.length ? "…" : ""}`;
}
