// The search box's parser and what it compiles to (ADR 0004): what people type is read by the app, and
// the FTS5 expression is made only of words the app quotes itself, whatever was typed.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import en from "~/locales/en/search";
import fr from "~/locales/fr/search";
import { expandTree, prepareSearch, type VariantIndex } from "~/models/search/compile";
import { highlightLeaves, matchesTexts, SNIPPET_END, SNIPPET_START, snippetOf } from "~/models/search/match";
import { parseQuery, plainWords, type SearchNode } from "~/models/search/query";
import { britishAmerican, stemOf, stemsOf, wordsOf } from "~/models/search/words";
import { fold } from "~/rules/text";

const word = (w: string, prefix = false): SearchNode => ({ kind: "word", word: w, prefix });
const INDEX = { exact: ["title", "body"], stems: ["title_stems", "body_stems"] } as const;

// A real FTS5 table of the same shape as case_search: every expression the compiler writes must be one
// SQLite accepts.
const sqlite = new Database(":memory:");
sqlite.exec(
  "CREATE VIRTUAL TABLE t USING fts5(title, body, title_stems, body_stems, tokenize='unicode61 remove_diacritics 2', prefix='2 3')",
);
sqlite
  .prepare("INSERT INTO t VALUES (?, ?, ?, ?)")
  .run(
    "Ceasefire talks",
    "negotiations with the group",
    "enceasefir entalk",
    "ennegoti enwith enthe engroup",
  );
const run = (match: string) => sqlite.prepare("SELECT rowid FROM t WHERE t MATCH ?").all(match);
afterAll(() => sqlite.close());

describe("query parser", () => {
  it("reads words, phrases, OR, exclusions, prefixes and groups", () => {
    expect(parseQuery("truce")).toEqual({ tree: word("truce"), problem: null });
    expect(parseQuery('"Hostage Exchange"').tree).toEqual({ kind: "phrase", words: ["hostage", "exchange"] });
    expect(parseQuery("truce OR ceasefire").tree).toEqual({
      kind: "or",
      items: [word("truce"), word("ceasefire")],
    });
    expect(parseQuery("negotiation -Algeria").tree).toEqual({
      kind: "and",
      items: [word("negotiation"), { kind: "not", item: word("algeria") }],
    });
    expect(parseQuery("negot*").tree).toEqual(word("negot", true));
    expect(parseQuery("(truce OR ceasefire) Mali").tree).toEqual({
      kind: "and",
      items: [{ kind: "or", items: [word("truce"), word("ceasefire")] }, word("mali")],
    });
    // French quotes, accents folded, lower-case "or" is a word, a dash between words is punctuation.
    expect(parseQuery("« négociation directe »").tree).toEqual({
      kind: "phrase",
      words: ["negociation", "directe"],
    });
    expect(parseQuery("truce or talks").tree).toEqual({
      kind: "and",
      items: [word("truce"), word("or"), word("talks")],
    });
    expect(parseQuery("Mali - Niger").tree).toEqual({ kind: "and", items: [word("mali"), word("niger")] });
    // Joined words: searched as the phrase of their parts and as one word (compile.ts).
    expect(parseQuery("cease-fire").tree).toEqual({ kind: "phrase", words: ["cease", "fire"], joined: true });
  });

  it("searches an unreadable query as its plain words and says why", () => {
    expect(parseQuery('"hostage exchange')).toEqual({
      tree: { kind: "and", items: [word("hostage"), word("exchange")] },
      problem: "quote",
    });
    expect(parseQuery("(truce OR ceasefire").problem).toBe("parenthesis");
    expect(parseQuery("truce)").problem).toBe("parenthesis");
    expect(parseQuery("OR truce").problem).toBe("operator");
    expect(parseQuery("truce OR").problem).toBe("operator");
    expect(parseQuery("a b c d e f g h i j k l m n o p q").problem).toBe("tooComplex");
    expect(parseQuery("((((((((a))))))))").problem).toBe("tooComplex");
    expect(parseQuery("  ").tree).toBeNull();
    expect(parseQuery("()").problem).toBe("parenthesis");
    expect(plainWords("***")).toBeNull();
  });

  it("reads the examples the search tips give, in both languages", () => {
    for (const catalogue of [en, fr])
      for (const example of Object.values(catalogue.help.examples)) {
        expect(parseQuery(example).problem, example).toBeNull();
        expect(parseQuery(example).tree, example).not.toBeNull();
      }
  });

  it("never throws and never lets typed syntax through, on random input", () => {
    // A seeded generator: the same inputs on every run, so a failure can be reproduced.
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pieces = [
      '"',
      "«",
      "»",
      "“",
      "”",
      "(",
      ")",
      "*",
      "-",
      "−",
      "'",
      "’",
      "^",
      ":",
      "{",
      "}",
      "+",
      "|",
      " ",
      " ",
      " ",
      "OR",
      "AND",
      "NOT",
      "NEAR",
      "title",
      "body",
      "truce",
      "cease-fire",
      "négociation",
      "qa'ida",
      "ß",
      "日本",
      "x",
      "1",
      "\u0000",
      "\n",
      ";",
      "\\",
      "%",
      "_",
    ];
    const variants: VariantIndex = new Map([
      ["truce", [["truce"], ["ceasefire"]]],
      ["ceasefire", [["truce"], ["ceasefire"]]],
      [
        "ag ghali",
        [
          ["ag", "ghali"],
          ["ag", "ghaly"],
        ],
      ],
    ]);
    for (let i = 0; i < 3000; i++) {
      const length = Math.floor(random() * 14);
      const input = Array.from({ length }, () => pieces[Math.floor(random() * pieces.length)]).join("");
      const search = prepareSearch(input, variants);
      const { include, exclude } = search.match(INDEX);
      for (const expression of [include, exclude])
        if (expression !== null) {
          // Every quoted string holds letters, digits and spaces only; outside quotes, only the compiler's syntax.
          const outside = expression.replace(/"[\p{L}\p{N}\p{M} ]*"/gu, "");
          expect(outside, input).toMatch(/^[{}()*: a-zA-Z_]*$/u);
          expect(outside.replace(/\{[a-z_ ]+\}|\b(AND|OR|NOT)\b|[()*:\s]/g, ""), input).toBe("");
          expect(() => run(expression), `${input} → ${expression}`).not.toThrow();
        }
    }
  });
});

describe("compiled search", () => {
  it("matches exact forms in the exact columns and stems in the stem columns", () => {
    const { include } = prepareSearch("negotiate", new Map()).match(INDEX);
    expect(include).toBe(
      '({title body} : "negotiate" OR {title_stems body_stems} : ("ennegoti" OR "frnegotiat"))',
    );
    expect(run(include!)).toHaveLength(1);
    expect(run(prepareSearch("ceasefire -negotiations", new Map()).match(INDEX).include!)).toHaveLength(0);
    expect(prepareSearch("-Mali", new Map()).match(INDEX)).toEqual({
      include: null,
      exclude: '({title body} : "mali" OR {title_stems body_stems} : ("enmali" OR "frmal"))',
    });
  });

  it("expands listed spellings, runs of words that spell one, and joined words", () => {
    const variants: VariantIndex = new Map([
      ["qaeda", [["qaeda"], ["qaida"]]],
      ["qaida", [["qaeda"], ["qaida"]]],
      [
        "ag ghaly",
        [
          ["ag", "ghali"],
          ["ag", "ghaly"],
        ],
      ],
    ]);
    expect(expandTree(parseQuery("Qaeda").tree!, variants)).toEqual({
      kind: "or",
      items: [word("qaeda"), word("qaida")],
    });
    expect(expandTree(parseQuery("Iyad ag Ghaly").tree!, variants)).toEqual({
      kind: "and",
      items: [
        word("iyad"),
        {
          kind: "or",
          items: [
            { kind: "phrase", words: ["ag", "ghali"] },
            { kind: "phrase", words: ["ag", "ghaly"] },
          ],
        },
      ],
    });
    expect(expandTree(parseQuery("cease-fire").tree!, new Map())).toEqual({
      kind: "or",
      items: [{ kind: "phrase", words: ["cease", "fire"] }, word("ceasefire")],
    });
    // A prefix is not a spelling.
    expect(expandTree(parseQuery("Qaeda*").tree!, variants)).toEqual(word("qaeda", true));
  });

  it("matches in memory as the index does, and marks what matched in a snippet", () => {
    const tree = prepareSearch('negotiate "armed groups" -Algeria', new Map()).tree!;
    const text = {
      text: "The negotiations with armed groups in Mali lasted a year.",
      languages: ["en"] as const,
    };
    expect(matchesTexts(tree, [text])).toBe(true);
    expect(matchesTexts(tree, [text, { text: "Algeria", languages: ["en"] }])).toBe(false);
    const snippet = snippetOf(highlightLeaves(tree), text)!;
    expect(snippet).toContain(`${SNIPPET_START}negotiations${SNIPPET_END}`);
    expect(snippet).toContain(`${SNIPPET_START}armed groups${SNIPPET_END}`);
  });
});

describe("word forms", () => {
  it("gives the word forms the issue names one stem", () => {
    const same = (a: string, b: string, language: "en" | "fr") =>
      expect(stemOf(a, language), `${a} / ${b}`).toBe(stemOf(b, language));
    same("negotiate", "negotiations", "en");
    same("negotiated", "negotiation", "en");
    same("truce", "truces", "en");
    same("jihadist", "jihadists", "en");
    same("deradicalise", "deradicalization", "en");
    same("organisation", "organizations", "en");
    same("negociation", "negociations", "fr");
    same("negocier", "negociations", "fr");
    same("otage", "otages", "fr");
    // Each language's stems are its own: French "parties" never meets English "part".
    expect(stemOf("parties", "fr")).not.toBe(stemOf("part", "en"));
  });

  it("reads British and American spellings alike, without touching words that only look like them", () => {
    expect(britishAmerican("behavior")).toBe("behaviour");
    expect(britishAmerican("favorable")).toBe("favourable");
    expect(britishAmerican("mobilized")).toBe("mobilised");
    expect(britishAmerican("analyzing")).toBe("analysing");
    expect(britishAmerican("defense")).toBe("defence");
    expect(britishAmerican("centers")).toBe("centres");
    for (const word of ["prize", "seize", "size", "door", "four", "minor"])
      expect(britishAmerican(word)).toBe(word);
  });

  it("indexes a joined word as one word and as its parts", () => {
    expect(stemsOf("cease-fire", "en").map((token) => token.folded)).toEqual(["ceasefire", "cease", "fire"]);
    expect(stemsOf("Qa’ida", "en").map((token) => token.folded)).toEqual(["qaida", "qa", "ida"]);
    expect(stemsOf("truce", null)).toEqual([]);
  });
});

describe("cutting words for a phrase's first words only", () => {
  it("gives the same first tokens with a limit as without, and folds ASCII as the full rule does", () => {
    const texts = [
      "The cease-fire held; négociations with al-Qa’ida's envoys resumed in Ségou.",
      "Œuvre d'art — straße ǅemal ＡＢＣ ﬁnal 𝐀𝐁 e\u0301té",
      "  ",
      "armed groups armed groups",
    ];
    for (const text of texts)
      for (let limit = 0; limit <= 6; limit++) {
        expect(wordsOf(text, limit)).toEqual(wordsOf(text).slice(0, limit));
        for (const language of ["en", "fr"] as const)
          expect(stemsOf(text, language, limit).slice(0, limit)).toEqual(
            stemsOf(text, language).slice(0, limit),
          );
      }
    for (const text of ["Mali ABC-def 123", "Ségou", "ÉTÉ", "ǅ", "ﬁ", "a\u0301", ""])
      expect(fold(text)).toBe(text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase());
  });
});
