// What a researcher types in a search box, read by the app's own parser (ADR 0004): "quoted phrases", OR,
// -excluded, word* prefixes and (groups). The result is a tree of words; the index's query language is
// written from it by compile.ts, so nothing typed ever reaches FTS5 as syntax. A query the parser cannot
// read is searched as its plain words, all required, and the page says so.
import { fold } from "~/rules/text";

/**
 * A search word (folded) or phrase. `joined`: a word written with hyphens or apostrophes (cease-fire,
 * Qa'ida), searched as the phrase of its parts and as one word (ceasefire, Qaida).
 */
export type SearchNode =
  | { kind: "word"; word: string; prefix: boolean }
  | { kind: "phrase"; words: string[]; joined?: boolean }
  | { kind: "and"; items: SearchNode[] }
  | { kind: "or"; items: SearchNode[] }
  | { kind: "not"; item: SearchNode };

/** Why a query was searched as plain words. */
export type QueryProblem = "quote" | "parenthesis" | "operator" | "tooComplex";

export type ParsedQuery = {
  /** Null when there is nothing to search for. */
  tree: SearchNode | null;
  /** Set when the query was not readable as written and its plain words were searched instead. */
  problem: QueryProblem | null;
};

/** Words and operators a query may hold: more are dropped (as the old search did). */
export const MAX_QUERY_WORDS = 16;
const MAX_DEPTH = 6;

type Lexeme =
  | { type: "word"; parts: string[]; prefix: boolean }
  | { type: "phrase"; words: string[]; closed: boolean }
  | { type: "open" | "close" | "or" | "minus" | "star" };

const PART = /[\p{L}\p{N}\p{M}]+/gu;
const WORD_START = /[\p{L}\p{N}\p{M}]/u;
// Inside a word: the joiners of compounds (cease-fire, Qa'ida) and the end of a word.
const JOINER = /[-‐‑'’]/u;

function partsOf(text: string): string[] {
  return [...text.matchAll(PART)].map((match) => fold(match[0])).filter(Boolean);
}

function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (ch === '"' || ch === "“" || ch === "”" || ch === "«" || ch === "»") {
      const closers = ch === "«" ? "»" : ch === "“" ? '”"' : ch === "»" ? "«" : '"”';
      let end = i + 1;
      while (end < input.length && !closers.includes(input[end])) end++;
      out.push({ type: "phrase", words: partsOf(input.slice(i + 1, end)), closed: end < input.length });
      i = end + 1;
    } else if (ch === "(") {
      out.push({ type: "open" });
      i++;
    } else if (ch === ")") {
      out.push({ type: "close" });
      i++;
    } else if ((ch === "-" || ch === "−") && (i === 0 || /[\s(]/u.test(input[i - 1]))) {
      // A dash standing alone between words is punctuation, not an exclusion.
      if (i + 1 < input.length && !/\s/u.test(input[i + 1])) out.push({ type: "minus" });
      i++;
    } else if (ch === "*") {
      out.push({ type: "star" });
      i++;
    } else if (WORD_START.test(ch)) {
      let end = i + 1;
      while (
        end < input.length &&
        (WORD_START.test(input[end]) || (JOINER.test(input[end]) && WORD_START.test(input[end + 1] ?? "")))
      )
        end++;
      const text = input.slice(i, end);
      const prefix = input[end] === "*";
      if (prefix) end++;
      if (text === "OR") out.push({ type: "or" });
      else if (text === "AND") {
        // Every word is required anyway.
      } else if (text === "NOT") out.push({ type: "minus" });
      else {
        const parts = partsOf(text);
        if (parts.length) out.push({ type: "word", parts, prefix });
      }
      i = end;
    } else if (ch === "|") {
      out.push({ type: "or" });
      i++;
    } else i++;
  }
  return out;
}

class Unreadable extends Error {
  constructor(readonly problem: QueryProblem) {
    super(problem);
  }
}

function wordNode(parts: string[], prefix: boolean): SearchNode {
  // A one-letter prefix would stand for most of the index: it is searched as the letter.
  if (parts.length === 1) return { kind: "word", word: parts[0], prefix: prefix && parts[0].length > 1 };
  return { kind: "phrase", words: parts, joined: true };
}

/** The grammar: query := clause*; clause := unary (OR unary)*; unary := -? primary; primary := ( query ) | "phrase" | word[*]. */
function parseLexemes(lexemes: Lexeme[]): SearchNode | null {
  let at = 0;
  let words = 0;
  const count = (n: number) => {
    words += n;
    if (words > MAX_QUERY_WORDS) throw new Unreadable("tooComplex");
  };

  const primary = (depth: number): SearchNode => {
    const next = lexemes[at];
    if (!next) throw new Unreadable("operator");
    if (next.type === "open") {
      if (depth >= MAX_DEPTH) throw new Unreadable("tooComplex");
      at++;
      const inner = sequence(depth + 1);
      if (lexemes[at]?.type !== "close") throw new Unreadable("parenthesis");
      at++;
      if (!inner) throw new Unreadable("parenthesis");
      return inner;
    }
    if (next.type === "phrase") {
      at++;
      if (!next.closed) throw new Unreadable("quote");
      if (next.words.length === 0) throw new Unreadable("quote");
      count(next.words.length);
      return next.words.length === 1
        ? { kind: "word", word: next.words[0], prefix: false }
        : { kind: "phrase", words: next.words };
    }
    if (next.type === "word") {
      at++;
      count(next.parts.length);
      return wordNode(next.parts, next.prefix);
    }
    if (next.type === "close") throw new Unreadable("parenthesis");
    throw new Unreadable("operator");
  };

  const unary = (depth: number): SearchNode => {
    if (lexemes[at]?.type === "minus") {
      at++;
      if (lexemes[at]?.type === "minus") throw new Unreadable("operator");
      return { kind: "not", item: primary(depth) };
    }
    return primary(depth);
  };

  const clause = (depth: number): SearchNode => {
    const items = [unary(depth)];
    while (lexemes[at]?.type === "or") {
      at++;
      items.push(unary(depth));
    }
    return items.length === 1 ? items[0] : { kind: "or", items };
  };

  const sequence = (depth: number): SearchNode | null => {
    const items: SearchNode[] = [];
    while (at < lexemes.length && lexemes[at].type !== "close") {
      const next = lexemes[at];
      if (next.type === "or") throw new Unreadable("operator");
      if (next.type === "star") {
        // A star after a space or a phrase: nothing to extend.
        throw new Unreadable("operator");
      }
      items.push(clause(depth));
    }
    if (items.length === 0) return null;
    return items.length === 1 ? items[0] : { kind: "and", items };
  };

  const tree = sequence(0);
  if (at < lexemes.length) throw new Unreadable("parenthesis");
  return tree;
}

/** The plain words of a query, all required: what an unreadable query is searched as. */
export function plainWords(input: string): SearchNode | null {
  const words = partsOf(input).slice(0, MAX_QUERY_WORDS);
  if (words.length === 0) return null;
  const items: SearchNode[] = words.map((word) => ({ kind: "word", word, prefix: false }));
  return items.length === 1 ? items[0] : { kind: "and", items };
}

export function parseQuery(input: string): ParsedQuery {
  try {
    return { tree: parseLexemes(lex(input)), problem: null };
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error;
    return { tree: plainWords(input), problem: error.problem };
  }
}

/** The words a tree asks for (not those it excludes), for highlighting and for the variants it may use. */
export function positiveLeaves(
  node: SearchNode | null,
): Array<Extract<SearchNode, { kind: "word" | "phrase" }>> {
  if (!node) return [];
  if (node.kind === "word" || node.kind === "phrase") return [node];
  if (node.kind === "not") return [];
  return node.items.flatMap(positiveLeaves);
}
