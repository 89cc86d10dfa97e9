// Differences between two revisions of a case body, for the revision history view.
import type { JSONContent } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { diffLines, diffWordsWithSpace } from "diff";
import { type DerivedCaseRows, type DerivedCitation, type DerivedPassage, deriveCaseRows } from "./derive";

export type TextChangeKind = "same" | "added" | "removed";

export interface TextChange {
  kind: TextChangeKind;
  value: string;
}

export interface RevisionDiff {
  text: TextChange[];
  tagsAdded: DerivedPassage[];
  tagsRemoved: DerivedPassage[];
  citationsAdded: DerivedCitation[];
  citationsRemoved: DerivedCitation[];
}

// A word diff costs time proportional to length × number of edits, so it is run only inside the
// blocks that changed (found by a cheap line diff first, one line per block), and a changed stretch
// that is very long or very different stays a line-level change: a request can never hang on a diff.
const MAX_WORD_DIFF_CHARS = 20_000;
const MAX_WORD_EDITS = 2_000;
const MAX_LINE_EDITS = 20_000;

type Part = { value: string; added: boolean; removed: boolean };

function wordParts(removed: string, added: string): Part[] {
  const whole: Part[] = [
    { value: removed, removed: true, added: false },
    { value: added, removed: false, added: true },
  ];
  if (removed.length + added.length > MAX_WORD_DIFF_CHARS) return whole;
  return diffWordsWithSpace(removed, added, { maxEditLength: MAX_WORD_EDITS }) ?? whole;
}

function diffText(oldText: string, newText: string): TextChange[] {
  const lines: Part[] = diffLines(oldText, newText, { maxEditLength: MAX_LINE_EDITS }) ?? [
    { value: oldText, removed: true, added: false },
    { value: newText, removed: false, added: true },
  ];
  const parts: Part[] = [];
  for (let i = 0; i < lines.length; i++) {
    const part = lines[i];
    const next = lines[i + 1];
    if (part.removed && next?.added) {
      parts.push(...wordParts(part.value, next.value));
      i++;
    } else if (part.added && next?.removed) {
      parts.push(...wordParts(next.value, part.value));
      i++;
    } else {
      parts.push(part);
    }
  }
  const changes: TextChange[] = [];
  for (const part of parts) {
    if (part.value === "") continue;
    const kind: TextChangeKind = part.added ? "added" : part.removed ? "removed" : "same";
    const last = changes[changes.length - 1];
    if (last && last.kind === kind) last.value += part.value;
    else changes.push({ kind, value: part.value });
  }
  return changes;
}

/** Rows of `after` with no counterpart in `before` (each row of `before` matches at most one). */
function unmatched<T>(before: readonly T[], after: readonly T[], key: (row: T) => string): T[] {
  const remaining = new Map<string, number>();
  for (const row of before) remaining.set(key(row), (remaining.get(key(row)) ?? 0) + 1);
  return after.filter((row) => {
    const count = remaining.get(key(row)) ?? 0;
    if (count === 0) return true;
    remaining.set(key(row), count - 1);
    return false;
  });
}

export const passageKey = (passage: Pick<DerivedPassage, "codeId" | "text">): string =>
  `${passage.codeId}\u0000${passage.text}`;

export const citationKey = (citation: Pick<DerivedCitation, "sourceId" | "locator" | "text">): string =>
  `${citation.sourceId}\u0000${citation.locator}\u0000${citation.text}`;

/** The same comparison as `diffRevisions`, for callers that already hold the derived rows. */
export function diffDerivedRows(
  before: Pick<DerivedCaseRows, "plainText" | "passages" | "citations">,
  after: Pick<DerivedCaseRows, "plainText" | "passages" | "citations">,
): RevisionDiff {
  return {
    text: diffText(before.plainText, after.plainText),
    tagsAdded: unmatched(before.passages, after.passages, passageKey),
    tagsRemoved: unmatched(after.passages, before.passages, passageKey),
    citationsAdded: unmatched(before.citations, after.citations, citationKey),
    citationsRemoved: unmatched(after.citations, before.citations, citationKey),
  };
}

/**
 * Word-level text changes between two revisions, plus the tagged passages and citations that appear
 * only in one of them. A passage counts as unchanged when the same code tags the same text, wherever
 * it moved; a citation when the same source and locator cite the same text.
 */
export function diffRevisions(
  oldDoc: JSONContent | ProseMirrorNode,
  newDoc: JSONContent | ProseMirrorNode,
): RevisionDiff {
  return diffDerivedRows(deriveCaseRows(oldDoc), deriveCaseRows(newDoc));
}
