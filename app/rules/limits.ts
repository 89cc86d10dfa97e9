// Limits a form shows (maxLength, the hint) and the server checks: one number for both.

export const CASE_TITLE_MIN = 3;
export const CASE_TITLE_MAX = 200;
export const CASE_SUMMARY_MAX = 500;
export const CASE_REGION_MAX = 100;
export const CASE_REGIONS_MAX = 20;
export const LANGUAGE_TAG_MAX = 40;

export const WORKSPACE_NAME_MAX = 100;

export const CODE_LABEL_MAX = 120;
export const CODE_DESCRIPTION_MAX = 1000;
/** Each text of a code's guidance (present when, absent when, notes). */
export const CODE_GUIDANCE_MAX = 2000;
/** The note of a link between cases. */
export const LINK_NOTE_MAX = 500;

export const SET_NAME_MAX = 120;

/** Cases side by side, and codes highlighted among them (a saved set may list more codes). */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 4;
export const MAX_HIGHLIGHTED = 12;
export const MAX_LINK_CODES = 200;

/** A search box's text (library, matrix). */
export const SEARCH_MAX = 200;
/** Spelling variants (search): one spelling, and spellings in one group. */
export const SPELLING_MAX = 80;
export const SPELLINGS_MAX = 12;
/** The note of a named version ("Save version"). */
export const VERSION_NOTE_MAX = 200;

export const MAX_AUTHORS = 100;
export const AUTHOR_MAX = 500;
