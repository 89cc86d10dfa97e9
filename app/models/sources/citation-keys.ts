// Citation keys for BibTeX and RIS exports: "keita2021talking", with letters when several items share one.

import { asciiFold } from "~/rules/text";
import type { CslItem } from "./csl-item";
import { issuedYear } from "./csl-item";

const STOP_WORDS = new Set([
  "a",
  "an",
  "the",
  "le",
  "la",
  "les",
  "l",
  "un",
  "une",
  "des",
  "el",
  "los",
  "las",
  "der",
  "die",
  "das",
]);

function slug(value: string): string {
  return asciiFold(value)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

function baseCitationKey(item: CslItem): string {
  const first = item.author?.[0];
  let who = "";
  if (first) {
    if ("literal" in first) who = slug(first.literal.split(/\s+/).find((word) => slug(word) !== "") ?? "");
    else who = slug(first.family ?? first.given ?? "");
  }
  const year = issuedYear(item);
  const word =
    item.title
      .split(/[\s\-–—:;,.!?'’"“”«»()[\]/]+/)
      .map(slug)
      .find((w) => w !== "" && !STOP_WORDS.has(w)) ?? "";
  return `${who || "anon"}${year !== undefined ? String(Math.abs(year)) : "nd"}${word}`;
}

function letterSuffix(n: number): string {
  let out = "";
  let k = n;
  do {
    out = String.fromCharCode(97 + (k % 26)) + out;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return out;
}

/**
 * Citation keys: first author's family name (or an organisation's first word) + year + first title word
 * (skipping articles), ASCII lower case, e.g. "keita2021talking". When several items share a key, each gets
 * a letter in order: "smith2020peacea", "smith2020peaceb".
 */
export function citationKeys(items: readonly CslItem[]): string[] {
  const bases = items.map(baseCitationKey);
  const counts = new Map<string, number>();
  for (const base of bases) counts.set(base, (counts.get(base) ?? 0) + 1);
  const used = new Set(bases.filter((base) => counts.get(base) === 1));
  const next = new Map<string, number>();
  return bases.map((base) => {
    if (counts.get(base) === 1) return base;
    let n = next.get(base) ?? 0;
    let key = base + letterSuffix(n);
    while (used.has(key)) key = base + letterSuffix(++n);
    next.set(base, n + 1);
    used.add(key);
    return key;
  });
}
