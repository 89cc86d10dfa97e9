// Link addresses come from users (typed, pasted, or sent straight to the API), so the editor, the
// validator and the renderer all ask this one function whether an address may become an <a href>.
//
// It is an allow-list on the address exactly as it will be written into the attribute: after
// trimming, it must literally begin with "http://", "https://" or "mailto:" and contain no control
// character. Tricks that rely on decoding (javascript&colon;, &#106;avascript:, %6Aavascript:,
// java<TAB>script:, a leading NUL or zero-width space) all fail that test, because whatever they
// decode to, their first characters are not one of the allowed schemes. The renderer escapes the
// value, so the browser sees exactly this string.

export const ALLOWED_LINK_SCHEMES = ["http", "https", "mailto"] as const;

export const MAX_LINK_LENGTH = 2048;

const ALLOWED_PREFIX = /^(?:https?:\/\/|mailto:)/i;

/** Characters browsers strip around a URL (C0 controls, spaces), plus Unicode spaces and zero-width marks. */
function isIgnorable(code: number): boolean {
  return (
    code <= 0x20 ||
    (code >= 0x7f && code <= 0xa0) ||
    code === 0xad ||
    code === 0x1680 ||
    code === 0x180e ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    (code >= 0x205f && code <= 0x2064) ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

function trimIgnorable(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isIgnorable(value.charCodeAt(start))) start++;
  while (end > start && isIgnorable(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

/** Browsers silently drop tabs and newlines inside a URL; any control character inside is refused. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** Returns the address to put in `href` (trimmed), or null when it is not an http(s)/mailto address. */
export function normalizeLinkHref(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const trimmed = trimIgnorable(raw);
  if (trimmed.length === 0 || trimmed.length > MAX_LINK_LENGTH) return null;
  if (hasControlCharacter(trimmed)) return null;
  return ALLOWED_PREFIX.test(trimmed) ? trimmed : null;
}

export function isSafeLinkHref(raw: unknown): boolean {
  return normalizeLinkHref(raw) !== null;
}
