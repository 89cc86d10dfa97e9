// From a parsed query to what is searched (ADR 0004): spelling variants and joined words become
// alternatives in the tree, and the tree becomes an FTS5 MATCH expression made only of the words this
// module quotes itself. Each word matches its exact form or, in the stem columns, any form with the same
// stem in English or French; exact columns weigh more, so exact forms rank first.
import { parseQuery, type QueryProblem, type SearchNode } from "~/models/search/query";
import { STEMMED_LANGUAGES, stemOf } from "~/models/search/words";

/** Spelling variants of a workspace: each spelling's folded words (joined by a space) → every spelling of its group. */
export type VariantIndex = ReadonlyMap<string, ReadonlyArray<readonly string[]>>;

export type IndexColumns = { exact: readonly string[]; stems: readonly string[] };

/** The longest run of words a variant may have (ag Ghali, Armed Islamic Group). */
const MAX_VARIANT_WORDS = 4;

type Leaf = Extract<SearchNode, { kind: "word" | "phrase" }>;

function alternativesOf(words: readonly string[], variants: VariantIndex): SearchNode | null {
  const spellings = variants.get(words.join(" "));
  if (!spellings) return null;
  const items: SearchNode[] = spellings.map((spelling) =>
    spelling.length === 1
      ? { kind: "word", word: spelling[0], prefix: false }
      : { kind: "phrase", words: [...spelling] },
  );
  return items.length === 1 ? items[0] : { kind: "or", items };
}

function expandLeaf(leaf: Leaf, variants: VariantIndex): SearchNode {
  if (leaf.kind === "word") return (!leaf.prefix && alternativesOf([leaf.word], variants)) || leaf;
  const listed = alternativesOf(leaf.words, variants);
  if (listed) return listed;
  if (!leaf.joined) return leaf;
  // cease-fire: the phrase "cease fire" or the word "ceasefire"; Qa'ida: "qa ida" or "qaida".
  return {
    kind: "or",
    items: [
      { kind: "phrase", words: leaf.words },
      { kind: "word", word: leaf.words.join(""), prefix: false },
    ],
  };
}

/** The tree with every listed spelling and joined word as alternatives (what is searched and highlighted). */
export function expandTree(node: SearchNode, variants: VariantIndex): SearchNode {
  if (node.kind === "word" || node.kind === "phrase") return expandLeaf(node, variants);
  if (node.kind === "not") return { kind: "not", item: expandTree(node.item, variants) };
  if (node.kind === "or") return { kind: "or", items: node.items.map((item) => expandTree(item, variants)) };
  // Consecutive words may spell a listed variant together: ag Ghaly → "ag Ghali" OR "ag Ghaly".
  const items: SearchNode[] = [];
  let at = 0;
  while (at < node.items.length) {
    let replaced = false;
    for (let length = Math.min(MAX_VARIANT_WORDS, node.items.length - at); length >= 2; length--) {
      const run = node.items.slice(at, at + length);
      if (!run.every((item) => item.kind === "word" && !item.prefix)) continue;
      const found = alternativesOf(
        run.map((item) => (item as { word: string }).word),
        variants,
      );
      if (found) {
        items.push(found);
        at += length;
        replaced = true;
        break;
      }
    }
    if (!replaced) items.push(expandTree(node.items[at++], variants));
  }
  return items.length === 1 ? items[0] : { kind: "and", items };
}

// ---- FTS5 ----------------------------------------------------------------------------------------

// Words come from the parser (letters, digits and marks only); quotes are doubled all the same.
const quote = (text: string) => `"${text.replaceAll('"', '""')}"`;
const columns = (names: readonly string[]) => `{${names.join(" ")}}`;

function leafExpression(leaf: Leaf, index: IndexColumns): string {
  const words = leaf.kind === "word" ? [leaf.word] : leaf.words;
  const exact =
    leaf.kind === "word" && leaf.prefix
      ? `${columns(index.exact)} : ${quote(leaf.word)}*`
      : `${columns(index.exact)} : ${quote(words.join(" "))}`;
  if ((leaf.kind === "word" && leaf.prefix) || index.stems.length === 0) return exact;
  const stemmed = [
    ...new Set(STEMMED_LANGUAGES.map((language) => words.map((word) => stemOf(word, language)).join(" "))),
  ].map(quote);
  return `(${exact} OR ${columns(index.stems)} : (${stemmed.join(" OR ")}))`;
}

/**
 * What a (sub)query matches: the cases FTS(pos) finds, or every case except those FTS(neg) finds (a query
 * of exclusions only, "-Mali"). FTS5 says "a NOT b" but has no "everything except b".
 */
type Sets = { pos: string; neg: null } | { pos: null; neg: string };

const group = (parts: string[], operator: "AND" | "OR") =>
  parts.length === 1 ? parts[0] : parts.map((part) => `(${part})`).join(` ${operator} `);

function toSets(node: SearchNode, index: IndexColumns): Sets {
  if (node.kind === "word" || node.kind === "phrase") return { pos: leafExpression(node, index), neg: null };
  if (node.kind === "not") {
    const inner = toSets(node.item, index);
    return inner.pos !== null ? { pos: null, neg: inner.pos } : { pos: inner.neg, neg: null };
  }
  const parts = node.items.map((item) => toSets(item, index));
  const positives = parts.flatMap((part) => (part.pos === null ? [] : [part.pos]));
  const exceptions = parts.flatMap((part) => (part.neg === null ? [] : [part.neg]));
  if (node.kind === "and") {
    // (P1 − N1) ∩ (P2 − N2) = (P1 ∩ P2) − (N1 ∪ N2)
    if (positives.length === 0) return { pos: null, neg: group(exceptions, "OR") };
    const pos = group(positives, "AND");
    return { pos: exceptions.length ? `(${pos}) NOT (${group(exceptions, "OR")})` : pos, neg: null };
  }
  // OR: P ∪ (U − N) = U − (N − P); (U − N1) ∪ (U − N2) = U − (N1 ∩ N2)
  if (exceptions.length === 0) return { pos: group(positives, "OR"), neg: null };
  const neg = group(exceptions, "AND");
  return { pos: null, neg: positives.length ? `(${neg}) NOT (${group(positives, "OR")})` : neg };
}

/** A query ready to run: the tree searched (variants expanded) and its MATCH expressions per index. */
export type PreparedSearch = {
  /** Null when there is nothing to search for. */
  tree: SearchNode | null;
  problem: QueryProblem | null;
  /** MATCH for these columns: cases in `include` (all cases when null) and not in `exclude`. */
  match(index: IndexColumns): { include: string | null; exclude: string | null };
};

/** Parses and expands a query; an unreadable one becomes its plain words (`problem` says why). */
export function prepareSearch(input: string, variants: VariantIndex): PreparedSearch {
  const parsed = parseQuery(input);
  const tree = parsed.tree ? expandTree(parsed.tree, variants) : null;
  return {
    tree,
    problem: parsed.problem,
    match(index: IndexColumns) {
      if (!tree) return { include: null, exclude: null };
      const sets = toSets(tree, index);
      return { include: sets.pos, exclude: sets.neg };
    },
  };
}
