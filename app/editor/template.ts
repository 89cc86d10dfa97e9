import type { JSONContent } from "@tiptap/core";

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

export function sectionHeading(title: string): JSONContent {
  return title
    ? { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: title }] }
    : { type: "heading", attrs: { level: 2 } };
}

/** The body of a new case: each standard section heading followed by an empty paragraph. */
export function newCaseDocument(): JSONContent {
  return {
    type: "doc",
    content: SECTION_TITLES.flatMap((title) => [sectionHeading(title), { type: "paragraph" }]),
  };
}
