// Public API of the case document module. Everything here runs in the browser and in Node (no DOM,
// no node-only modules), so routes, models and the editor component import from "~/editor".
export {
  addCitation,
  addSectionAfter,
  addTag,
  getSectionRanges,
  isSectionHeading,
  moveSection,
  removeCitation,
  removeTag,
  type SectionDirection,
  type SectionRange,
  sectionIndexAt,
} from "./commands";
export {
  type DerivedCaseRows,
  type DerivedCitation,
  type DerivedPassage,
  type DerivedSection,
  deriveCaseRows,
} from "./derive";
export {
  citationKey,
  diffDerivedRows,
  diffRevisions,
  passageKey,
  type RevisionDiff,
  type TextChange,
  type TextChangeKind,
} from "./diff";
export {
  CaseSections,
  CitationMark,
  caseExtensions,
  caseSchema,
  createCaseExtensions,
  LINK_REL,
  TagMark,
  toCaseNode,
} from "./extensions";
export { ALLOWED_LINK_SCHEMES, isSafeLinkHref, normalizeLinkHref } from "./links";
export { caseOutline, type OutlineEntry, sectionAnchorIds } from "./outline";
export {
  type BibliographyEntry,
  escapeHtml,
  type RenderCaseOptions,
  type RenderCodeInfo,
  type RenderedCase,
  type RenderSourceInfo,
  renderBibliographyHtml,
  renderCaseHtml,
} from "./render";
export {
  newCaseDocument,
  SECTION_TITLES,
  type StandardSectionTitle,
  sectionHeading,
  sectionTitles,
} from "./template";
export {
  type CaseDocumentValidation,
  type CaseReferences,
  collectReferences,
  isDocumentTooLarge,
  MAX_DOCUMENT_BYTES,
  MAX_ID_LENGTH,
  MAX_LOCATOR_LENGTH,
  utf8ByteLength,
  validateCaseDocument,
} from "./validate";
