// Phrases of the English catalogue that have no place on a French page: if one shows there, some text
// bypassed the catalogue (a default message in English, a thrown English string, stored English text).
import en from "~/locales/en";
import fr from "~/locales/fr";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : leaves(value, `${prefix}${key}.`),
  );
}

/**
 * The fixed parts of each English message (between {{placeholders}} and $t() nestings) of at least three
 * words, leaving out those the French catalogue also uses (names, formats and examples kept in both).
 */
export function englishOnlyPhrases(minWords = 3): string[] {
  const french = leaves(fr as unknown as Tree)
    .map(([, value]) => value)
    .join("\n");
  const phrases = new Set<string>();
  for (const [, value] of leaves(en as unknown as Tree)) {
    for (const part of value.split(/\{\{[^}]*\}\}|\$t\([^)]*\)|<[^>]*>/)) {
      const phrase = part
        .replace(/\s+/g, " ")
        .trim()
        .replace(/^[\s,.;:!?()“”"'–—-]+|[\s,.;:!?()“”"'–—-]+$/g, "");
      if (phrase.split(" ").filter((word) => /\p{L}/u.test(word)).length < minWords) continue;
      if (french.includes(phrase)) continue;
      phrases.add(phrase);
    }
  }
  return [...phrases];
}

// Words that are English and never French: three of them in a row on a French page are an English
// sentence that no catalogue holds (a default message written in code, a library's own wording).
const ENGLISH_WORDS = new Set(
  (
    "the and you your not this that with could find page are was were have has been will would should there " +
    "their what which when where who from into about than then them they these those here only also some any " +
    "all more most other such our its it is we be to of for by at can may must does did cannot please try again"
  ).split(" "),
);

/** Runs of three or more words of ENGLISH_WORDS in a row ("could not find that page"). */
export function englishWordRuns(text: string, minRun = 3): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  for (const word of text.split(/[^\p{L}']+/u)) {
    if (ENGLISH_WORDS.has(word.toLowerCase())) {
      run.push(word);
      continue;
    }
    if (run.length >= minRun) runs.push(run.join(" "));
    run = [];
  }
  if (run.length >= minRun) runs.push(run.join(" "));
  return runs;
}
