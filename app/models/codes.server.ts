// Reading the codebook: codes in the reader's language, how often each is used, and one code with the
// passages tagged with it. Writes are in codebook-edits.server.ts, merges in code-merge.server.ts.
import type { JSONContent } from "@tiptap/core";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { caseOutline, deriveCaseRows } from "~/editor";
import { approvedVersions, seesDrafts } from "~/models/case-body.server";
import { localizedLabel } from "~/rules/codebook";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import {
  type Executor,
  type LocalizedMember,
  type Member,
  notFound,
  requirePermission,
  visibleCaseCondition,
} from "~/utils/permissions.server";
import { caseConditions, cases, codes, passages } from "../../db/schema";

export type Code = {
  id: string;
  kind: "precondition" | "outcome";
  label: string;
  description: string;
  color: string;
  parentId: string | null;
};

export type CodeUsage = {
  /** Tagged passages, in cases of the workspace including those in the trash. */
  tagCount: number;
  /** Cases (including those in the trash) whose body carries the code. */
  caseCount: number;
  /** Condition values (present, absent or unknown) recorded for the code. */
  conditionCount: number;
};

/**
 * The workspace codebook, preconditions first, then by label. Each label is in the reader's language
 * (`member.locale`, set by guards.server.ts) when the code has a translation for it: the one place where
 * the library, the case page, the tag picker, the matrix, comparisons and the codebook get their labels.
 */
export function listCodes(member: LocalizedMember): Code[] {
  requirePermission(member, "workspace.read");
  const locale = member.locale;
  const collator = new Intl.Collator(locale ?? "en");
  return db
    .select({
      id: codes.id,
      kind: codes.kind,
      label: codes.label,
      labelTranslations: codes.labelTranslations,
      description: codes.description,
      color: codes.color,
      parentId: codes.parentId,
    })
    .from(codes)
    .where(eq(codes.workspaceId, member.workspaceId))
    .all()
    .map(({ labelTranslations, ...code }) => ({
      ...code,
      label: localizedLabel({ ...code, labelTranslations }, locale),
    }))
    .sort((a, b) =>
      a.kind === b.kind ? collator.compare(a.label, b.label) : a.kind === "precondition" ? -1 : 1,
    );
}

// ---------------------------------------------------------------------------------------------------
// Reading the codebook

export type CodebookEntry = Code & { passageCount: number; presentCount: number };

type ReadablePassage = {
  key: string;
  caseId: string;
  title: string;
  trashed: boolean;
  codeId: string;
  text: string;
  section: string;
  position: number;
};

/**
 * The tagged passages this member may read, optionally of one code. Members who read drafts get the
 * derived rows of every case (those in the trash marked as such). Members who read approved versions only
 * get the passages of each approved version, cases never approved or in the trash left out; `bodies` holds
 * the body each passage was read from, for section anchors.
 */
function readablePassages(member: Member, codeId?: string) {
  const bodies = new Map<string, unknown>();
  const drafts = seesDrafts(member);
  const rows = db
    .select({
      id: passages.id,
      caseId: cases.id,
      title: cases.title,
      deletedAt: cases.deletedAt,
      codeId: passages.codeId,
      text: passages.text,
      section: passages.section,
      position: passages.position,
      revision: cases.revision,
      approvedRevision: cases.approvedRevision,
    })
    .from(passages)
    .innerJoin(cases, eq(cases.id, passages.caseId))
    .where(
      and(
        eq(cases.workspaceId, member.workspaceId),
        codeId ? eq(passages.codeId, codeId) : undefined,
        drafts ? undefined : and(isNull(cases.deletedAt), isNotNull(cases.approvedRevision)),
        visibleCaseCondition(member, cases.id),
      ),
    )
    .orderBy(asc(cases.title), asc(cases.id), asc(passages.position))
    .all();
  const result: ReadablePassage[] = [];
  for (const row of rows) {
    // A newer draft's passages are not what this member reads: those come from the approved version below.
    if (!drafts && row.approvedRevision !== row.revision) continue;
    result.push({
      key: String(row.id),
      caseId: row.caseId,
      title: row.title,
      trashed: row.deletedAt !== null,
      codeId: row.codeId,
      text: row.text,
      section: row.section,
      position: row.position,
    });
  }
  if (!drafts) {
    const pending = db
      .select({
        id: cases.id,
        title: cases.title,
        revision: cases.revision,
        approvedRevision: cases.approvedRevision,
      })
      .from(cases)
      .where(
        and(
          eq(cases.workspaceId, member.workspaceId),
          isNull(cases.deletedAt),
          isNotNull(cases.approvedRevision),
          sql`${cases.approvedRevision} <> ${cases.revision}`,
          visibleCaseCondition(member, cases.id),
        ),
      )
      .all();
    for (const [caseId, approved] of approvedVersions(member, pending)) {
      const title = String(approved.fields.title ?? pending.find((row) => row.id === caseId)?.title ?? "");
      bodies.set(caseId, approved.body);
      for (const passage of deriveCaseRows(approved.body as JSONContent).passages) {
        if (codeId && passage.codeId !== codeId) continue;
        result.push({
          key: `${caseId}:${passage.position}:${passage.codeId}`,
          caseId,
          title,
          trashed: false,
          ...passage,
        });
      }
    }
    result.sort(
      (a, b) => a.title.localeCompare(b.title) || a.caseId.localeCompare(b.caseId) || a.position - b.position,
    );
  }
  return { passages: result, bodies };
}

/** Every code with how often it is used, counted over the cases this member reads, none in the trash. */
export function getCodebook(member: LocalizedMember): CodebookEntry[] {
  const list = listCodes(member);
  const passageCounts = new Map<string, number>();
  for (const passage of readablePassages(member).passages)
    if (!passage.trashed) passageCounts.set(passage.codeId, (passageCounts.get(passage.codeId) ?? 0) + 1);
  const presentCounts = new Map(
    db
      .select({ codeId: caseConditions.codeId, n: sql<number>`count(*)` })
      .from(caseConditions)
      .innerJoin(cases, eq(cases.id, caseConditions.caseId))
      .where(
        and(
          eq(cases.workspaceId, member.workspaceId),
          isNull(cases.deletedAt),
          eq(caseConditions.value, "present"),
          seesDrafts(member) ? undefined : isNotNull(cases.approvedRevision),
          visibleCaseCondition(member, cases.id),
        ),
      )
      .groupBy(caseConditions.codeId)
      .all()
      .map((row) => [row.codeId, row.n]),
  );
  return list.map((code) => ({
    ...code,
    passageCount: passageCounts.get(code.id) ?? 0,
    presentCount: presentCounts.get(code.id) ?? 0,
  }));
}

export function findCode(executor: Executor, workspaceId: string, id: string) {
  return executor
    .select()
    .from(codes)
    .where(and(eq(codes.id, id), eq(codes.workspaceId, workspaceId)))
    .get();
}

export function usageOf(executor: Executor, workspaceId: string, id: string): CodeUsage {
  const tags = executor
    .select({ n: sql<number>`count(*)`, cases: sql<number>`count(distinct ${passages.caseId})` })
    .from(passages)
    .innerJoin(cases, eq(cases.id, passages.caseId))
    .where(and(eq(cases.workspaceId, workspaceId), eq(passages.codeId, id)))
    .get();
  const conditions = executor
    .select({ n: sql<number>`count(*)` })
    .from(caseConditions)
    .innerJoin(cases, eq(cases.id, caseConditions.caseId))
    .where(and(eq(cases.workspaceId, workspaceId), eq(caseConditions.codeId, id)))
    .get();
  return { tagCount: tags?.n ?? 0, caseCount: tags?.cases ?? 0, conditionCount: conditions?.n ?? 0 };
}

export type TaggedCase = {
  caseId: string;
  title: string;
  trashed: boolean;
  passages: Array<{ key: string; text: string; section: string; anchor: string | null }>;
};

/**
 * One code with the passages tagged with it, grouped by case. Cases in the trash are listed apart: they
 * do not count, but deleting the code removes their tags too, so the delete form must say so.
 */
export function getCodeDetail(member: LocalizedMember, id: string) {
  requirePermission(member, "workspace.read");
  const code = findCode(db, member.workspaceId, id);
  if (!code) throw notFound(msg("codebook.errors.notFound"));
  const { passages: rows, bodies } = readablePassages(member, id);
  const missing = [
    ...new Set(rows.filter((row) => !row.trashed && !bodies.has(row.caseId)).map((row) => row.caseId)),
  ];
  if (missing.length > 0)
    for (const row of db
      .select({ id: cases.id, body: cases.body })
      .from(cases)
      .where(inArray(cases.id, missing))
      .all())
      bodies.set(row.id, row.body);
  // The case page anchors each section heading; a passage links to the section it sits in.
  const outlines = new Map([...bodies].map(([caseId, body]) => [caseId, caseOutline(body as JSONContent)]));
  const byCase = new Map<string, TaggedCase>();
  for (const row of rows) {
    let group = byCase.get(row.caseId);
    if (!group) {
      group = { caseId: row.caseId, title: row.title, trashed: row.trashed, passages: [] };
      byCase.set(row.caseId, group);
    }
    const outline = outlines.get(row.caseId) ?? [];
    const section = [...outline].reverse().find((entry) => entry.position <= row.position);
    group.passages.push({ key: row.key, text: row.text, section: row.section, anchor: section?.id ?? null });
  }
  const groups = [...byCase.values()];
  const conditions = db
    .select({ value: caseConditions.value, n: sql<number>`count(*)` })
    .from(caseConditions)
    .innerJoin(cases, eq(cases.id, caseConditions.caseId))
    .where(
      and(
        eq(cases.workspaceId, member.workspaceId),
        isNull(cases.deletedAt),
        eq(caseConditions.codeId, id),
        seesDrafts(member) ? undefined : isNotNull(cases.approvedRevision),
        visibleCaseCondition(member, cases.id),
      ),
    )
    .groupBy(caseConditions.value)
    .all();
  const conditionCount = (value: string) => conditions.find((row) => row.value === value)?.n ?? 0;
  return {
    code: {
      id: code.id,
      kind: code.kind,
      label: localizedLabel(code, member.locale),
      description: code.description,
      color: code.color,
      parentId: code.parentId,
    } satisfies Code,
    /** The label as stored and its translations, for the code form. */
    stored: { label: code.label, labelTranslations: code.labelTranslations ?? {} },
    taggedCases: groups.filter((group) => !group.trashed),
    trashedCases: groups.filter((group) => group.trashed),
    conditions: {
      present: conditionCount("present"),
      absent: conditionCount("absent"),
      unknown: conditionCount("unknown"),
    },
    // Where the code is used is only shown to those who may delete it (and who read drafts).
    usage: usageOf(db, member.workspaceId, id),
  };
}
