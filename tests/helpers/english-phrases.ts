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
