// Short names of codes (DISTANCED, TRUCE): ASCII letters, digits and underscores, starting with a letter,
// so they can be CSV column names and names in R formulas; the same in every language. Browser-safe.
import { asciiFold } from "./text";

export const SHORT_NAME_MAX = 32;
export const SHORT_NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/;

// Words left out of a short name made from a label.
const SMALL_WORDS = new Set([
  "a",
  "an",
  "the",
  "of",
  "or",
  "and",
  "in",
  "on",
  "to",
  "for",
  "with",
  "from",
  "by",
  "its",
  "their",
  "is",
]);

/** The short name typed in a form, in its stored form (capitals). */
export function normalizeShortName(value: string): string {
  return value.trim().toUpperCase();
}

/** A short name made from a label: "Temporary truce or ceasefire" → "TEMPORARY_TRUCE_CEASEFIRE". */
export function shortNameFrom(label: string): string {
  const words = asciiFold(label)
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    // Single letters are elisions ("d’ex-combattants") or initials: left out too.
    .filter((word) => word.length > 1 && !SMALL_WORDS.has(word));
  let name = "";
  for (const word of words) {
    const next = name ? `${name}_${word}` : word;
    if (next.length > SHORT_NAME_MAX) break;
    name = next;
  }
  if (!name && words[0]) name = words[0].slice(0, SHORT_NAME_MAX);
  name = name.toUpperCase();
  if (!name) return "CODE";
  if (!/^[A-Z]/.test(name)) name = `C${name}`.slice(0, SHORT_NAME_MAX);
  return name.replace(/_+$/, "");
}

/** `base`, or `base_2`, `base_3`… when taken (compared in capitals). */
export function uniqueShortName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, SHORT_NAME_MAX - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
