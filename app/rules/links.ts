// Web addresses and DOIs in sources: what a form accepts and the one link a DOI becomes.
// (Links inside a case body follow app/editor/links.ts, which also allows mailto.)

/** "https://doi.org/…", "http://dx.doi.org/…" or "doi:" in front of a DOI as people paste it. */
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i;

/** The DOI alone: "https://doi.org/10.1234/abc" → "10.1234/abc". */
export function bareDoi(value: string): string {
  return value.trim().replace(DOI_PREFIX, "").trim();
}

/** Whether the text is a DOI (10.<registrant>/<suffix>), with or without a prefix. */
export function isDoi(value: string): boolean {
  return /^10\.[0-9.]+\/\S+$/.test(bareDoi(value));
}

/** The address a DOI resolves at (as reference styles print it: the DOI as written). */
export function doiUrl(doi: string): string {
  return `https://doi.org/${bareDoi(doi)}`;
}

/** An absolute http(s) address with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** Where a reference links to: its URL, else its DOI's address. */
export function referenceLink(item: { URL?: string; DOI?: string }): string | undefined {
  return item.URL ?? (item.DOI !== undefined ? doiUrl(item.DOI) : undefined);
}
