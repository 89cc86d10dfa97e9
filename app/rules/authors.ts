// How a person types the authors of a source, in the source form (a box, one per line) and in the
// citation dialog (one line, separated by ";"): both forms read the same syntax.
// "Family, Given" is a person; a name without a comma is an organisation.

export type TypedName = { family?: string; given?: string } | { literal: string };

/** The names in a box of authors, one per line or separated by ";". */
export function authorLines(value: string): string[] {
  return value
    .split(/\r?\n|;/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** One typed name; null for a line with a comma and no name ("," alone). */
export function parseAuthorLine(line: string): TypedName | null {
  const comma = line.indexOf(",");
  if (comma === -1) return { literal: line.trim() };
  const family = line.slice(0, comma).trim();
  const given = line.slice(comma + 1).trim();
  if (family === "" && given === "") return null;
  return { ...(family ? { family } : {}), ...(given ? { given } : {}) };
}

/** "Family, Given; Organisation" → names, leaving out lines that hold no name. */
export function parseAuthors(value: string): TypedName[] {
  return authorLines(value)
    .map(parseAuthorLine)
    .filter((name): name is TypedName => name !== null);
}

/** A name as the form shows it: "Family, Given", the organisation's name alone. */
export function formatAuthorLine(name: TypedName): string {
  if ("literal" in name) return name.literal;
  if (name.family !== undefined && name.given !== undefined) return `${name.family}, ${name.given}`;
  if (name.family !== undefined) return `${name.family},`;
  return `, ${name.given ?? ""}`;
}
