// Comments are plain text. Two things in them are recognised, never by letting HTML through: web
// addresses (http and https only) and mentions of members, written "@Name". Shared by the server (which
// records who was mentioned) and the browser (which shows them as links and bold names).

export type CommentSegment =
  | { kind: "text"; text: string }
  | { kind: "link"; text: string; href: string }
  | { kind: "mention"; text: string; userId: string };

export type Person = { id: string; name: string };

export const MAX_COMMENT_LENGTH = 10_000;

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;

/** An address ends before trailing punctuation ("see https://example.org/a." → no final dot). */
function trimUrl(candidate: string) {
  let url = candidate.replace(/[.,;:!?'"»”’]+$/u, "");
  while (url.endsWith(")") && (url.match(/\(/g) ?? []).length < (url.match(/\)/g) ?? []).length)
    url = url.slice(0, -1).replace(/[.,;:!?'"»”’]+$/u, "");
  return url;
}

function safeHref(url: string) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

type Span = { start: number; end: number; segment: CommentSegment };

/**
 * Where "@Name" stands for one of `people`: longest names first, so "@Ana Maria" is not read as "@Ana",
 * and only where the name is not followed by more of a word ("@Anastasia" is not "@Ana").
 */
function mentionSpans(
  body: string,
  people: readonly Person[],
): Array<{ start: number; end: number; person: Person }> {
  const spans: Array<{ start: number; end: number; person: Person }> = [];
  const taken = new Array<boolean>(body.length).fill(false);
  const byLength = [...people]
    .filter((person) => person.name.trim())
    .sort((a, b) => b.name.length - a.name.length);
  for (const person of byLength) {
    const needle = `@${person.name}`;
    for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (end < body.length && WORD_CHARACTER.test(body[end])) continue;
      if (taken.slice(at, end).some(Boolean)) continue;
      for (let i = at; i < end; i++) taken[i] = true;
      spans.push({ start: at, end, person });
    }
  }
  return spans;
}

/**
 * The members a comment mentions. Several members can share a name: the ones picked in the autocomplete
 * (`pickedIds`) win; if none of them was picked, all of them are mentioned.
 */
export function findMentions(body: string, people: readonly Person[], pickedIds: readonly string[] = []) {
  const picked = new Set(pickedIds);
  const byName = new Map<string, Person[]>();
  for (const person of people) byName.set(person.name, [...(byName.get(person.name) ?? []), person]);
  const mentioned = new Set<string>();
  const names = new Set(mentionSpans(body, people).map((span) => span.person.name));
  for (const name of names) {
    const namesakes = byName.get(name) ?? [];
    const chosen = namesakes.filter((person) => picked.has(person.id));
    for (const person of chosen.length ? chosen : namesakes) mentioned.add(person.id);
  }
  return [...mentioned];
}

/** Splits a comment into text, links and mentions of `mentioned` (the members it was saved as mentioning). */
export function commentSegments(body: string, mentioned: readonly Person[]): CommentSegment[] {
  const spans: Span[] = [];
  for (const match of body.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const href = safeHref(url);
    if (href)
      spans.push({
        start: match.index,
        end: match.index + url.length,
        segment: { kind: "link", text: url, href },
      });
  }
  for (const span of mentionSpans(body, mentioned)) {
    if (spans.some((other) => span.start < other.end && other.start < span.end)) continue;
    spans.push({
      start: span.start,
      end: span.end,
      segment: { kind: "mention", text: body.slice(span.start, span.end), userId: span.person.id },
    });
  }
  spans.sort((a, b) => a.start - b.start);
  const segments: CommentSegment[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) segments.push({ kind: "text", text: body.slice(at, span.start) });
    segments.push(span.segment);
    at = span.end;
  }
  if (at < body.length) segments.push({ kind: "text", text: body.slice(at) });
  return segments;
}
