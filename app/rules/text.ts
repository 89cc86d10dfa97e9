// Folding text for matching and for names that must be ASCII (file names, anchors, citation keys,
// R column names). One rule each, so a search, a file name and an anchor agree on what "é" becomes.

/** Without accents: "Sénégal" → "Senegal". Lengths are kept for most text (see matchSnippet). */
export function stripAccents(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "");
}

/** Lower case without accents, so "keita" finds "Keïta" and "senegal" finds "Sénégal". */
export function fold(text: string): string {
  // Search folds every word it reads; ASCII has nothing to decompose, so it skips the normalisation.
  return isAscii(text) ? text.toLowerCase() : stripAccents(text).toLowerCase();
}

function isAscii(text: string) {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

// Letters that Unicode decomposition does not reduce to ASCII.
const ASCII_LETTERS: Record<string, string> = {
  ß: "ss",
  Æ: "AE",
  æ: "ae",
  Œ: "OE",
  œ: "oe",
  Ø: "O",
  ø: "o",
  Đ: "D",
  đ: "d",
  Ð: "D",
  ð: "d",
  Þ: "TH",
  þ: "th",
  Ł: "L",
  ł: "l",
  ı: "i",
};

/** Latin letters as ASCII, case kept: "Łódź, Ærø" → "Lodz, AEro"; other scripts are left as they are. */
export function asciiFold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[ßÆæŒœØøĐđÐðÞþŁłı]/g, (ch) => ASCII_LETTERS[ch]);
}

/** "Mali, Ségou — local truce" → "mali-segou-local-truce" (at most 60 characters; "" when nothing is left). */
export function slugify(text: string): string {
  return asciiFold(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** An ASCII file name part, or `fallback` when the name has no Latin letter or digit. */
export function fileSlug(name: string, fallback: string): string {
  return slugify(name) || fallback;
}
