// Where a comment thread sits in a case body, after the body has changed (ADR 0005).
//
// A thread stores the W3C Web Annotation selectors of the passage it was made on: a TextQuoteSelector
// (the quoted text with up to 32 characters before and after it) and a TextPositionSelector (its
// offsets), both measured in the case's *anchor text*. Pure: used by the server (re-anchoring on every
// case page) and by the browser (turning a selection into selectors); no DOM, no database.

export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** Title of the section the passage starts in, when it has one (shown beside the quote). */
  section?: string;
}

export interface AnchorText {
  text: string;
  /** Level-2 section headings with the offset where their title starts, in document order. */
  sections: Array<{ title: string; start: number }>;
}

export interface LocatedAnchor {
  start: number;
  end: number;
  /** False when the quote itself was edited and the thread was placed by its surrounding context. */
  exact: boolean;
}

export const ANCHOR_CONTEXT_LENGTH = 32;
export const MAX_QUOTE_LENGTH = 2000;

// A short quote ("the", "truce") can reappear elsewhere once its own passage is gone: it is only trusted
// where some of its recorded context still surrounds it.
const SHORT_QUOTE = 32;
const SHORT_QUOTE_CONTEXT = 8;
// For an edited quote: how much of the context must survive, and how close the new text must stay.
const FUZZY_CONTEXT = 16;
const FUZZY_MIN_SIMILARITY = 0.5;
const MAX_CANDIDATES = 50;

interface JsonNode {
  type?: unknown;
  text?: unknown;
  attrs?: { level?: unknown } | null;
  content?: unknown;
}

/**
 * The anchor text of a case body (Tiptap JSON): every text node in document order, with nothing between
 * blocks. It equals the `textContent` of the rendered body without its citation markers (`sup.cite-ref`),
 * which is what the browser measures selections in. A hard break renders as `<br>`, which has no text, so
 * it counts as nothing here too. The HTML parser turns CR and CRLF into LF, so this does the same.
 */
export function caseAnchorText(doc: unknown): AnchorText {
  let text = "";
  const sections: AnchorText["sections"] = [];
  const walk = (node: JsonNode, depth: number) => {
    if (node.type === "text") {
      text += typeof node.text === "string" ? node.text.replace(/\r\n?/g, "\n") : "";
      return;
    }
    const start = text.length;
    if (Array.isArray(node.content))
      for (const child of node.content) if (child && typeof child === "object") walk(child, depth + 1);
    if (depth === 1 && node.type === "heading" && node.attrs?.level === 2)
      sections.push({ title: text.slice(start), start });
  };
  if (doc && typeof doc === "object") walk(doc as JsonNode, 0);
  return { text, sections };
}

/** The title of the section holding `offset`, or undefined before the first section heading. */
export function sectionAt(sections: AnchorText["sections"], offset: number): string | undefined {
  let title: string | undefined;
  for (const section of sections) {
    if (section.start > offset) break;
    title = section.title;
  }
  return title || undefined;
}

/**
 * The selectors for `text.slice(start, end)`, with surrounding whitespace left out of the quote (a
 * double-click or drag often takes a space along). Null when nothing but whitespace is selected.
 */
export function describePassage(text: string, start: number, end: number): TextAnchor | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from])) from++;
  while (to > from && /\s/.test(text[to - 1])) to--;
  if (from === to) return null;
  return {
    exact: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - ANCHOR_CONTEXT_LENGTH), from),
    suffix: text.slice(to, to + ANCHOR_CONTEXT_LENGTH),
    start: from,
    end: to,
  };
}

function commonSuffixLength(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

function commonPrefixLength(a: string, b: string) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function occurrences(text: string, needle: string, limit = MAX_CANDIDATES * 20) {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1))
    found.push(at);
  return found;
}

/** Levenshtein similarity in [0, 1]; 1 means identical. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  // The distance is at least the difference in length: skip the table when that already fails.
  if (Math.min(a.length, b.length) / longest < FUZZY_MIN_SIMILARITY) return 0;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return 1 - previous[b.length] / longest;
}

type Candidate = { start: number; end: number; rank: number[] };

/** Lexicographic comparison of ranks: higher is better, the first difference decides. */
function better(a: Candidate, b: Candidate | null) {
  if (!b) return true;
  for (let i = 0; i < a.rank.length; i++) if (a.rank[i] !== b.rank[i]) return a.rank[i] > b.rank[i];
  return false;
}

function locateExact(text: string, anchor: TextAnchor): LocatedAnchor | null {
  const { exact, prefix, suffix } = anchor;
  let best: Candidate | null = null;
  let bestContext = 0;
  for (const at of occurrences(text, exact)) {
    const end = at + exact.length;
    const before = commonSuffixLength(prefix, text.slice(Math.max(0, at - prefix.length), at));
    const after = commonPrefixLength(suffix, text.slice(end, end + suffix.length));
    const whole = before === prefix.length && after === suffix.length ? 1 : 0;
    // Where the same words occur several times: the one whose context matches, then the closest to where
    // the passage was, then the first.
    const candidate = { start: at, end, rank: [whole, before + after, -Math.abs(at - anchor.start), -at] };
    if (better(candidate, best)) {
      best = candidate;
      bestContext = before + after;
    }
  }
  if (!best) return null;
  const recordedContext = prefix.length + suffix.length;
  if (exact.length < SHORT_QUOTE && bestContext < Math.min(SHORT_QUOTE_CONTEXT, recordedContext)) return null;
  return { start: best.start, end: best.end, exact: true };
}

/** The quote was edited: look for its surviving context and take what now stands between. */
function locateByContext(text: string, anchor: TextAnchor): LocatedAnchor | null {
  const prefix = anchor.prefix.slice(-FUZZY_CONTEXT);
  const suffix = anchor.suffix.slice(0, FUZZY_CONTEXT);
  // Without context on either side there is nothing to recognise the passage by.
  if (!prefix && !suffix) return null;
  const maxSpan = anchor.exact.length * 2 + ANCHOR_CONTEXT_LENGTH;
  const starts = prefix ? occurrences(text, prefix, MAX_CANDIDATES).map((at) => at + prefix.length) : [0];
  let best: Candidate | null = null;
  for (const from of starts) {
    let to: number;
    if (suffix) {
      to = text.indexOf(suffix, from);
      if (to === -1) continue;
    } else {
      // The passage ended the document and still does only if nothing was added after it.
      to = text.length;
    }
    if (to - from > maxSpan || to === from) continue;
    const score = similarity(anchor.exact, text.slice(from, to));
    if (score < FUZZY_MIN_SIMILARITY) continue;
    const candidate = { start: from, end: to, rank: [score, -Math.abs(from - anchor.start), -from] };
    if (better(candidate, best)) best = candidate;
  }
  if (!best) return null;
  // Leave whitespace at the edges out of the highlight, as when the passage was first selected.
  const trimmed = describePassage(text, best.start, best.end);
  return trimmed ? { start: trimmed.start, end: trimmed.end, exact: false } : null;
}

/**
 * Finds a thread's passage in the current anchor text: the exact quote where its context matches (or
 * the closest to its old position), else the edited passage between its surviving context, else null:
 * the passage was removed. Deterministic: the same text and anchor always give the same answer.
 */
export function locateAnchor(text: string, anchor: TextAnchor): LocatedAnchor | null {
  if (!anchor.exact) return null;
  return locateExact(text, anchor) ?? locateByContext(text, anchor);
}
