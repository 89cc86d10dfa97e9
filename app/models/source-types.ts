// Names of the CSL item types in users' words. No zod here: the editor's citation dialog runs in the browser.
import type { CslType } from "~/models/csl";

export const SOURCE_TYPE_LABELS: Record<CslType, string> = {
  article: "Article",
  "article-journal": "Journal article",
  "article-magazine": "Magazine article",
  "article-newspaper": "Newspaper article",
  book: "Book",
  chapter: "Book chapter",
  report: "Report",
  interview: "Interview",
  personal_communication: "Personal communication",
  webpage: "Web page",
  "post-weblog": "Blog post",
  treaty: "Treaty or agreement",
  legal_case: "Legal case",
  legislation: "Legislation",
  speech: "Speech",
  thesis: "Thesis",
  manuscript: "Manuscript",
  document: "Other document",
};
