import type { JSONContent } from "@tiptap/core";
import enEditor from "~/locales/en/editor";
import frEditor from "~/locales/fr/editor";
import type { Locale } from "~/models/domain";

/** The standard sections of a case study, in their usual order. Editors may add others. */
export const SECTION_TITLES = [
  "Context",
  "Actors",
  "Process",
  "Preconditions",
  "Outcomes",
  "Lessons",
] as const;

export type StandardSectionTitle = (typeof SECTION_TITLES)[number];

const SECTION_KEYS = ["context", "actors", "process", "preconditions", "outcomes", "lessons"] as const;

/** The standard section titles in a language (English: SECTION_TITLES). */
export function sectionTitles(locale: Locale = "en"): string[] {
  const names = (locale === "fr" ? frEditor : enEditor).sections;
  return SECTION_KEYS.map((key) => names[key]);
}

export function sectionHeading(title: string): JSONContent {
  return title
    ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] }
    : { type: "heading", attrs: { level: 2 } };
}

/**
 * The body of a new case: each standard section heading, in the creating user's language, followed by an
 * empty paragraph. English by default (the seed and the tests).
 */
export function newCaseDocument(locale: Locale = "en"): JSONContent {
  return {
    type: "doc",
    content: sectionTitles(locale).flatMap((title) => [sectionHeading(title), { type: "paragraph" }]),
  };
}
