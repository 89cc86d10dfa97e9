// Side-by-side comparison of 2–4 cases: each case as its reader may see it (trainers get the approved
// version), its sections aligned by title, the conditions stated for it, and the passages of the codes
// someone chose to highlight.
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { inArray } from "drizzle-orm";
import { deriveCaseRows, getSectionRanges, renderCaseHtml, sectionTitles, toCaseNode } from "~/editor";
import type { Period } from "~/models/case-fields";
import { getCase } from "~/models/cases.server";
import type { Code } from "~/models/codes.server";
import { cachedCodes, cachedSources } from "~/models/derived-cache.server";
import { type CaseStatus, type ConditionValue, LOCALES, type Locale } from "~/models/domain";
import { formatReferences } from "~/models/sources/references.server";
import { workspaceCitationStyle } from "~/models/workspaces.server";
import type { CompareQuery } from "~/queries/compare";
import { MAX_HIGHLIGHTED, MIN_COMPARED } from "~/rules/limits";
import { db } from "~/utils/db.server";
import { type LocalizedMember, requirePermission } from "~/utils/permissions.server";
import { caseConditions } from "../../db/schema";

export type SectionRow = { key: string; title: string };

export type ComparedCase = {
  id: string;
  title: string;
  status: CaseStatus;
  regions: string[];
  period: Period;
  actors: string[];
  mediators: string[];
  summary: string;
  /** Rendered section bodies, one per row of `sections` (null: the case has no such section, or it is empty). */
  sections: Array<string | null>;
  /** Tagged passages per highlighted code, in the order of `highlighted`. */
  highlightCounts: number[];
  bibliography: Array<{ number: number; sourceId: string; reference: string | null; locators: string[] }>;
};

export type ConditionRow = {
  code: Pick<Code, "id" | "label" | "color" | "kind">;
  /** One per compared case; a case without a stated value is unknown. */
  values: ConditionValue[];
  /** Tagged passages of the code in each compared case. */
  passages: number[];
};

export type PickerCode = Pick<Code, "id" | "label" | "color" | "kind"> & { passages: number };

export type Comparison = {
  cases: ComparedCase[];
  /** Requested cases that are unknown, of another workspace, in the trash or not visible to this member. */
  leftOut: number;
  sections: SectionRow[];
  conditions: { preconditions: ConditionRow[]; outcomes: ConditionRow[] };
  /** Codes no compared case states or tags: listed once instead of rows of "unknown". */
  unknownEverywhere: Array<Pick<Code, "id" | "label">>;
  /** Codes tagged in at least one compared case (and any highlighted one), for the code picker. */
  pickerCodes: PickerCode[];
  highlighted: Array<Pick<Code, "id" | "label" | "color" | "kind">>;
  /** Highlighted ids that are not (or no longer) codes of this workspace. */
  ignoredCodes: number;
  /** Codes of the link beyond the MAX_HIGHLIGHTED first ones: not highlighted. */
  codesOverLimit: number;
};

// The blocks before the first section heading: a key no heading title can produce.
const INTRODUCTION_KEY = "\u0000introduction";
// A standard section lines up with its peers whatever interface language its case was created in.
const standardKey = (index: number) => `\u0000standard:${index}`;
const STANDARD_BY_TITLE = new Map(
  LOCALES.flatMap((locale) =>
    sectionTitles(locale).map((title, i) => [normaliseTitle(title), standardKey(i)] as const),
  ),
);

function normaliseTitle(title: string) {
  return title.replace(/\s+/g, " ").trim().toLowerCase();
}

function sectionKey(title: string) {
  const normalised = normaliseTitle(title);
  return STANDARD_BY_TITLE.get(normalised) ?? normalised;
}

function isNotFound(thrown: unknown) {
  const init = (thrown as { init?: ResponseInit | null } | null)?.init;
  return (
    (thrown instanceof Response && thrown.status === 404) ||
    (typeof thrown === "object" && thrown !== null && init?.status === 404)
  );
}

/** Blank when every block is an empty paragraph (a new case's sections are). */
function isBlank(doc: ProseMirrorNode) {
  let blank = true;
  doc.forEach((block) => {
    if (!(block.isTextblock && block.content.size === 0)) blank = false;
  });
  return blank;
}

const CITE_REF = /<sup class="cite-ref"><a href="#ref-(\d+)">\[\d+\]<\/a><\/sup>/g;

type RenderMaps = Parameters<typeof renderCaseHtml>[1];

/**
 * Each section is rendered on its own (a sub-document of its blocks, heading left out: the page shows the
 * row title). The renderer numbers citations per document, so the numbers are mapped back to those of the
 * whole case, and anchors get a per-column prefix so four columns do not share `#ref-1`.
 */
function renderSections(doc: ProseMirrorNode, maps: RenderMaps, column: number) {
  const whole = renderCaseHtml(doc, maps);
  const globalNumber = new Map(whole.bibliography.map((entry) => [entry.sourceId, entry.number]));
  const render = (from: number, to: number) => {
    const part = doc.type.create(doc.attrs, doc.content.cut(from, to));
    if (isBlank(part)) return null;
    const rendered = renderCaseHtml(part, maps);
    const sourceOf = new Map(rendered.bibliography.map((entry) => [String(entry.number), entry.sourceId]));
    return rendered.html.replace(CITE_REF, (_match, local: string) => {
      const n = globalNumber.get(sourceOf.get(local) ?? "") ?? Number(local);
      return `<sup class="cite-ref"><a href="#c${column}-ref-${n}">[${n}]</a></sup>`;
    });
  };
  const byKey = new Map<string, { title: string; html: string[] }>();
  const add = (key: string, title: string, html: string | null) => {
    const entry = byKey.get(key) ?? { title, html: [] };
    if (html !== null) entry.html.push(html);
    byKey.set(key, entry);
  };
  const ranges = getSectionRanges(doc);
  const firstHeading = ranges[0]?.from ?? doc.content.size;
  if (firstHeading > 0) {
    const intro = render(0, firstHeading);
    if (intro !== null) add(INTRODUCTION_KEY, "Introduction", intro);
  }
  for (const range of ranges) {
    const heading = doc.nodeAt(range.from);
    const bodyFrom = range.from + (heading?.nodeSize ?? 0);
    // Two sections with the same title (say, two "Notes") share one row, in their order.
    add(sectionKey(range.title), range.title.trim() || "Untitled section", render(bodyFrom, range.to));
  }
  return { byKey, bibliography: whole.bibliography };
}

/** Standard sections first in their usual order, then the others in the order they are first seen. */
function alignSections(perCase: Array<Map<string, { title: string }>>, locale: Locale): SectionRow[] {
  const rows: SectionRow[] = [];
  const seen = new Set<string>();
  const push = (key: string, title: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    rows.push({ key, title });
  };
  if (perCase.some((sections) => sections.has(INTRODUCTION_KEY))) push(INTRODUCTION_KEY, "Introduction");
  for (const [i, title] of sectionTitles(locale).entries())
    if (perCase.some((sections) => sections.has(standardKey(i)))) push(standardKey(i), title);
  for (const sections of perCase)
    for (const [key, section] of sections) if (key !== INTRODUCTION_KEY) push(key, section.title);
  return rows;
}

export function getComparison(
  member: LocalizedMember,
  query: CompareQuery,
  language: Locale = "en",
): Comparison {
  requirePermission(member, "compare.use");
  const shown: Array<ReturnType<typeof getCase>> = [];
  let leftOut = 0;
  for (const id of query.caseIds) {
    try {
      shown.push(getCase(member, id));
    } catch (thrown) {
      if (!isNotFound(thrown)) throw thrown;
      leftOut += 1;
    }
  }
  const codeList = cachedCodes(member);
  const codeById = new Map(codeList.map((code) => [code.id, code]));
  const known = query.codeIds.flatMap((id) => {
    const code = codeById.get(id);
    return code ? [{ id: code.id, label: code.label, color: code.color, kind: code.kind }] : [];
  });
  const highlighted = known.slice(0, MAX_HIGHLIGHTED);
  const ignoredCodes = query.codeIds.length - known.length;
  const codesOverLimit = known.length - highlighted.length;
  if (shown.length < MIN_COMPARED) {
    return {
      cases: [],
      leftOut,
      sections: [],
      conditions: { preconditions: [], outcomes: [] },
      unknownEverywhere: [],
      pickerCodes: [],
      highlighted,
      ignoredCodes,
      codesOverLimit,
    };
  }

  const sourceList = cachedSources(member);
  const maps = { codes: codeById, sources: new Map(sourceList.map((source) => [source.id, source])) };
  const sourceById = new Map(sourceList.map((source) => [source.id, source]));
  const rendered = shown.map((caseStudy, column) => {
    const doc = toCaseNode(caseStudy.body as Parameters<typeof toCaseNode>[0]);
    const passageCounts = new Map<string, number>();
    // Passages of the version shown (the approved one for trainers), not the stored rows of the draft.
    for (const passage of deriveCaseRows(doc).passages)
      passageCounts.set(passage.codeId, (passageCounts.get(passage.codeId) ?? 0) + 1);
    return { caseStudy, passageCounts, ...renderSections(doc, maps, column) };
  });
  const sections = alignSections(
    rendered.map((entry) => entry.byKey),
    member.locale ?? "en",
  );

  const stated = new Map<string, ConditionValue>();
  for (const row of db
    .select({ caseId: caseConditions.caseId, codeId: caseConditions.codeId, value: caseConditions.value })
    .from(caseConditions)
    .where(
      inArray(
        caseConditions.caseId,
        shown.map((caseStudy) => caseStudy.id),
      ),
    )
    .all())
    stated.set(`${row.caseId} ${row.codeId}`, row.value);

  const conditions: Comparison["conditions"] = { preconditions: [], outcomes: [] };
  const unknownEverywhere: Comparison["unknownEverywhere"] = [];
  for (const code of codeList) {
    const values = shown.map((caseStudy) => stated.get(`${caseStudy.id} ${code.id}`) ?? "unknown");
    const passages = rendered.map((entry) => entry.passageCounts.get(code.id) ?? 0);
    if (values.every((value) => value === "unknown") && passages.every((n) => n === 0)) {
      unknownEverywhere.push({ id: code.id, label: code.label });
      continue;
    }
    const row = {
      code: { id: code.id, label: code.label, color: code.color, kind: code.kind },
      values,
      passages,
    };
    (code.kind === "precondition" ? conditions.preconditions : conditions.outcomes).push(row);
  }

  const highlightedIds = new Set(highlighted.map((code) => code.id));
  const pickerCodes = codeList.flatMap((code) => {
    const passages = rendered.reduce((sum, entry) => sum + (entry.passageCounts.get(code.id) ?? 0), 0);
    if (passages === 0 && !highlightedIds.has(code.id)) return [];
    return [{ id: code.id, label: code.label, color: code.color, kind: code.kind, passages }];
  });

  const cited = [
    ...new Set(rendered.flatMap((entry) => entry.bibliography.map((reference) => reference.sourceId))),
  ].flatMap((id) => {
    const source = sourceById.get(id);
    return source ? [{ id, csl: source.csl }] : [];
  });
  const references = formatReferences(cited, { style: workspaceCitationStyle(member), language });
  return {
    cases: rendered.map(({ caseStudy, byKey, passageCounts, bibliography }) => ({
      id: caseStudy.id,
      title: caseStudy.title,
      status: caseStudy.status,
      regions: caseStudy.regions,
      period: {
        periodStart: caseStudy.periodStart,
        periodStartCirca: caseStudy.periodStartCirca,
        periodEnd: caseStudy.periodEnd,
        periodEndCirca: caseStudy.periodEndCirca,
      },
      actors: caseStudy.actors,
      mediators: caseStudy.mediators,
      summary: caseStudy.summary,
      sections: sections.map((row) => {
        const html = byKey.get(row.key)?.html ?? [];
        return html.length ? html.join("") : null;
      }),
      highlightCounts: highlighted.map((code) => passageCounts.get(code.id) ?? 0),
      bibliography: bibliography.map((entry) => {
        const source = sourceById.get(entry.sourceId);
        return {
          number: entry.number,
          sourceId: entry.sourceId,
          locators: entry.locators,
          // null: the source is no longer in the library (the page says so in the reader's language).
          reference: source ? (references.get(source.id) ?? source.csl.title) : null,
        };
      }),
    })),
    leftOut,
    sections,
    conditions,
    unknownEverywhere,
    pickerCodes,
    highlighted,
    ignoredCodes,
    codesOverLimit,
  };
}
