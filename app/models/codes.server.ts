import type { JSONContent } from "@tiptap/core";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import {
  CODE_DESCRIPTION_MAX,
  CODE_LABEL_MAX,
  localizedDescription,
  localizedLabel,
} from "~/components/codebook/rules";
import { caseOutline, deriveCaseRows, toCaseNode } from "~/editor";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { caseFieldsSnapshot } from "~/models/case-fields";
import { approvedVersions, seesDrafts, writeDerivedRows } from "~/models/cases.server";
import { bodyWrittenOutsideCollab } from "~/models/collab.server";
import { CODE_KINDS, type Locale } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import {
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
  visibleCaseCondition,
} from "~/utils/permissions.server";
import { caseConditions, caseRevisions, cases, codes, passages } from "../../db/schema";
import { STARTER_CODES } from "../../db/seed-content";

export type Code = {
  id: string;
  kind: "precondition" | "outcome";
  label: string;
  description: string;
  color: string;
  parentId: string | null;
};

/**
 * A member as the routes get it (guards.server.ts): with the request's language, so that every list of
 * codes read through listCodes / cachedCodes shows each label in the reader's language.
 */
export type Reader = Member & { locale?: Locale };

const codeId = z.string().regex(/^[a-z0-9]{8,40}$/);

/** The fields of the code form, as the browser posts them. */
/** A label in another language: absent = not on the form (kept as stored), "" = none. */
const labelTranslation = z
  .string()
  .optional()
  .transform((value) => value?.replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .max(CODE_LABEL_MAX, msg("codebook.errors.labelTooLong", { max: CODE_LABEL_MAX }))
      .optional(),
  );

export const codeInputSchema = z.object({
  kind: z.enum(CODE_KINDS, { error: msg("codebook.errors.kindRequired") }),
  label: z
    .string({ error: msg("codebook.errors.labelRequired") })
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, msg("codebook.errors.labelRequired"))
        .max(CODE_LABEL_MAX, msg("codebook.errors.labelTooLong", { max: CODE_LABEL_MAX })),
    ),
  labelFr: labelTranslation,
  labelEn: labelTranslation,
  description: z
    .string()
    .optional()
    .default("")
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .max(CODE_DESCRIPTION_MAX, msg("codebook.errors.descriptionTooLong", { max: CODE_DESCRIPTION_MAX })),
    ),
  color: z
    .string({ error: msg("codebook.errors.colourRequired") })
    .regex(/^#[0-9a-fA-F]{6}$/, msg("codebook.errors.colourInvalid"))
    .transform((value) => value.toLowerCase()),
  parentId: z
    .string()
    .optional()
    .transform((value) => value || null)
    .pipe(codeId.nullable()),
});

export type CodeInput = z.output<typeof codeInputSchema>;

type StoredTranslations = Partial<Record<Locale, string>>;

/** The stored translations once the form's labelFr / labelEn (when posted) are applied; "" removes one. */
function withTranslations(current: StoredTranslations, input: CodeInput): StoredTranslations {
  const next: StoredTranslations = { ...current };
  for (const [locale, value] of [
    ["fr", input.labelFr],
    ["en", input.labelEn],
  ] as const) {
    if (value === undefined) continue;
    if (value) next[locale] = value;
    else delete next[locale];
  }
  return next;
}

/** A code the server will not store as given: messages per form field (400). */
export class CodeRejectedError extends Error {
  constructor(public errors: Record<string, string[]>) {
    super(Object.values(errors).flat().join(" "));
  }
}

/** Deleting a code that tags passages or holds condition values needs an explicit confirmation. */
export class CodeInUseError extends Error {
  constructor(
    public usage: CodeUsage,
    public stale: boolean,
  ) {
    super(stale ? msg("codebook.errors.usageChanged") : msg("codebook.errors.confirmDelete"));
  }
}

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
export function listCodes(member: Reader): Code[] {
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
      descriptionTranslations: codes.descriptionTranslations,
      color: codes.color,
      parentId: codes.parentId,
    })
    .from(codes)
    .where(eq(codes.workspaceId, member.workspaceId))
    .all()
    .map(({ labelTranslations, descriptionTranslations, ...code }) => ({
      ...code,
      label: localizedLabel({ ...code, labelTranslations }, locale),
      description: localizedDescription({ ...code, descriptionTranslations }, locale),
    }))
    .sort((a, b) =>
      a.kind === b.kind ? collator.compare(a.label, b.label) : a.kind === "precondition" ? -1 : 1,
    );
}

/** Ids among `ids` that are NOT codes of this workspace (a guessed or foreign id). */
export function foreignCodeIds(executor: Executor, workspaceId: string, ids: string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Set(
    executor
      .select({ id: codes.id })
      .from(codes)
      .where(and(eq(codes.workspaceId, workspaceId), inArray(codes.id, ids)))
      .all()
      .map((row) => row.id),
  );
  return ids.filter((id) => !found.has(id));
}

// ---------------------------------------------------------------------------------------------------
// Rewriting tags inside case bodies

type MarkJSON = NonNullable<JSONContent["marks"]>[number];

/**
 * Returns a copy of a case body where every tag with code `from` is retagged `to`, or removed when `to`
 * is null. Where the text already carried `to`, the two tags become one. `changed` counts the text nodes
 * that were touched (0 = the body does not carry the code). Pure: the input is not modified.
 */
export function rewriteCodeMarks(
  doc: JSONContent,
  from: string,
  to: string | null,
): { doc: JSONContent; changed: number } {
  let changed = 0;
  const rewriteMarks = (marks: MarkJSON[]): MarkJSON[] => {
    const result: MarkJSON[] = [];
    const seenCodes = new Set<string>();
    for (const mark of marks) {
      if (mark.type !== "tag") {
        result.push(mark);
        continue;
      }
      let id = mark.attrs?.codeId;
      let next = mark;
      if (id === from) {
        if (to === null) continue;
        id = to;
        next = { ...mark, attrs: { ...mark.attrs, codeId: to } };
      }
      if (typeof id === "string") {
        if (seenCodes.has(id)) continue;
        seenCodes.add(id);
      }
      result.push(next);
    }
    return result;
  };
  const visit = (node: JSONContent): JSONContent => {
    let copy = node;
    if (node.marks?.some((mark) => mark.type === "tag" && mark.attrs?.codeId === from)) {
      changed += 1;
      const marks = rewriteMarks(node.marks);
      const { marks: _old, ...rest } = node;
      copy = marks.length > 0 ? { ...rest, marks } : rest;
    }
    if (node.content) copy = { ...copy, content: node.content.map(visit) };
    return copy;
  };
  const rewritten = visit(doc);
  return { doc: changed > 0 ? rewritten : doc, changed };
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
export function getCodebook(member: Reader): CodebookEntry[] {
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

function findCode(executor: Executor, workspaceId: string, id: string) {
  return executor
    .select()
    .from(codes)
    .where(and(eq(codes.id, id), eq(codes.workspaceId, workspaceId)))
    .get();
}

function usageOf(executor: Executor, workspaceId: string, id: string): CodeUsage {
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
export function getCodeDetail(member: Reader, id: string) {
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
      description: localizedDescription(code, member.locale),
      color: code.color,
      parentId: code.parentId,
    } satisfies Code,
    /** The label and description as stored, and the label's translations, for the code form. */
    stored: {
      label: code.label,
      labelTranslations: code.labelTranslations ?? {},
      description: code.description,
    },
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

// ---------------------------------------------------------------------------------------------------
// Writing the codebook

function labelKey(label: string) {
  return label.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase();
}

/** The form schema already tidies these; callers that build input by hand get the same treatment. */
function tidy(input: CodeInput): CodeInput {
  return {
    ...input,
    label: input.label.replace(/\s+/g, " ").trim(),
    description: input.description.trim(),
    color: input.color.toLowerCase(),
  };
}

function checkCode(tx: Executor, workspaceId: string, id: string | null, input: CodeInput) {
  const all = tx
    .select({ id: codes.id, kind: codes.kind, label: codes.label, parentId: codes.parentId })
    .from(codes)
    .where(eq(codes.workspaceId, workspaceId))
    .all();
  const errors: Record<string, string[]> = {};
  const clash = all.find(
    (code) => code.id !== id && code.kind === input.kind && labelKey(code.label) === labelKey(input.label),
  );
  if (clash)
    errors.label = [
      msg(
        input.kind === "precondition"
          ? "codebook.errors.preconditionExists"
          : "codebook.errors.outcomeExists",
        {
          label: clash.label,
        },
      ),
    ];
  if (id && input.kind !== all.find((code) => code.id === id)?.kind) {
    if (all.some((code) => code.parentId === id)) errors.kind = [msg("codebook.errors.kindHasSubCodes")];
  }
  if (input.parentId) {
    const byId = new Map(all.map((code) => [code.id, code]));
    const parent = byId.get(input.parentId);
    if (!parent) errors.parentId = [msg("codebook.errors.parentGone")];
    else if (parent.kind !== input.kind)
      errors.parentId = [
        msg(
          input.kind === "precondition"
            ? "codebook.errors.parentNotPrecondition"
            : "codebook.errors.parentNotOutcome",
        ),
      ];
    else if (parent.id === id) errors.parentId = [msg("codebook.errors.parentSelf")];
    else {
      const seen = new Set<string>();
      for (let cursor: typeof parent | undefined = parent; cursor && !seen.has(cursor.id); ) {
        if (cursor.id === id) {
          errors.parentId = [msg("codebook.errors.parentLoop")];
          break;
        }
        seen.add(cursor.id);
        cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined;
      }
    }
  }
  if (Object.keys(errors).length > 0) throw new CodeRejectedError(errors);
}

export function createCode(member: Member, raw: CodeInput, origin?: RequestOrigin): { id: string } {
  const { labelFr: _fr, labelEn: _en, ...input } = tidy(raw);
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    checkCode(tx, member.workspaceId, null, input);
    const id = newId();
    tx.insert(codes)
      .values({ id, workspaceId: member.workspaceId, ...input, labelTranslations: withTranslations({}, raw) })
      .run();
    recordAudit(
      {
        action: "code.created",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { codeId: id, label: input.label, kind: input.kind },
        origin,
      },
      tx,
    );
    return { id };
  });
}

export function updateCode(member: Member, id: string, raw: CodeInput, origin?: RequestOrigin) {
  const { labelFr: _fr, labelEn: _en, ...input } = tidy(raw);
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    const current = findCode(tx, member.workspaceId, id);
    if (!current) throw notFound(msg("codebook.errors.notFound"));
    checkCode(tx, member.workspaceId, id, input);
    // A description rewritten in one language leaves its translation behind: drop it rather than show it.
    const descriptionTranslations =
      input.description === current.description ? current.descriptionTranslations : {};
    tx.update(codes)
      .set({
        ...input,
        labelTranslations: withTranslations(current.labelTranslations ?? {}, raw),
        descriptionTranslations,
      })
      .where(eq(codes.id, id))
      .run();
    recordAudit(
      {
        action: "code.updated",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { codeId: id, label: input.label, previousLabel: current.label },
        origin,
      },
      tx,
    );
  });
}

/**
 * Rewrites every case body of the workspace that carries the code (those in the trash too, so that
 * restoring one never brings back a tag of a deleted code), refreshes its derived rows and records
 * the change as a new revision. Returns how many cases changed.
 */
function rewriteCaseBodies(
  tx: Executor,
  member: Member,
  from: string,
  to: string | null,
  note: string,
): number {
  const affected = tx
    .select()
    .from(cases)
    .where(and(eq(cases.workspaceId, member.workspaceId), sql`instr(${cases.body}, ${from}) > 0`))
    .all();
  let changedCases = 0;
  const now = new Date();
  for (const row of affected) {
    const rewritten = rewriteCodeMarks(row.body as JSONContent, from, to);
    if (rewritten.changed === 0) continue;
    // Through the schema, as the editor would save it: adjacent text with the same marks joins up.
    const body = toCaseNode(rewritten.doc).toJSON() as JSONContent;
    const derived = writeDerivedRows(tx, row.id, body);
    const number = row.revision + 1;
    // Retagging changes no word of the text: an approved version stays approved, so readers of approved
    // versions see the codebook as it now is rather than tags of a code that no longer exists.
    const approvedRevision = row.approvedRevision === row.revision ? number : row.approvedRevision;
    tx.update(cases)
      .set({
        body,
        bodyText: derived.plainText,
        revision: number,
        approvedRevision,
        updatedBy: member.userId,
        updatedAt: now,
      })
      .where(eq(cases.id, row.id))
      .run();
    tx.insert(caseRevisions)
      .values({
        id: newId(),
        caseId: row.id,
        number,
        baseNumber: row.revision,
        body,
        fields: caseFieldsSnapshot(row),
        note,
        authorId: member.userId,
        createdAt: now,
      })
      .run();
    // People editing the case see the retagging as a change, on top of what they are typing.
    bodyWrittenOutsideCollab(
      tx,
      row.id,
      (live) => toCaseNode(rewriteCodeMarks(live, from, to).doc).toJSON() as JSONContent,
    );
    changedCases += 1;
  }
  return changedCases;
}

export class CodeMergeError extends Error {}

export type MergeResult = {
  tagCount: number;
  caseCount: number;
  conditionsMoved: number;
  conditionsKept: number;
  label: string;
  targetLabel: string;
};

/**
 * Merges code `id` into `targetId` (same kind): its tags become tags of the target in every case body,
 * its condition values move where the target has none (the target's value wins otherwise), its sub-codes
 * move under the target, and the code is deleted. One transaction: all of it or nothing.
 */
export function mergeCode(member: Member, id: string, targetId: string, origin?: RequestOrigin): MergeResult {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    const code = findCode(tx, member.workspaceId, id);
    const target = findCode(tx, member.workspaceId, targetId);
    if (!code || !target) throw notFound(msg("codebook.errors.notFound"));
    if (code.id === target.id) throw new CodeMergeError(msg("codebook.errors.mergeSelf"));
    if (code.kind !== target.kind)
      throw new CodeMergeError(
        msg(
          code.kind === "precondition"
            ? "codebook.errors.mergePreconditionKind"
            : "codebook.errors.mergeOutcomeKind",
          { label: code.label },
        ),
      );
    const usage = usageOf(tx, member.workspaceId, id);
    const caseCount = rewriteCaseBodies(
      tx,
      member,
      id,
      targetId,
      `Code “${code.label}” merged into “${target.label}”`,
    );

    const targetCases = new Set(
      tx
        .select({ caseId: caseConditions.caseId })
        .from(caseConditions)
        .where(eq(caseConditions.codeId, targetId))
        .all()
        .map((row) => row.caseId),
    );
    let conditionsMoved = 0;
    let conditionsKept = 0;
    for (const condition of tx.select().from(caseConditions).where(eq(caseConditions.codeId, id)).all()) {
      if (targetCases.has(condition.caseId)) {
        conditionsKept += 1;
        continue;
      }
      tx.update(caseConditions)
        .set({ codeId: targetId })
        .where(and(eq(caseConditions.caseId, condition.caseId), eq(caseConditions.codeId, id)))
        .run();
      conditionsMoved += 1;
    }

    // When the target sits somewhere under the merged code, lift it to the merged code's place first,
    // or moving the sub-codes under the target would close a loop.
    const seen = new Set<string>();
    for (let cursor = target.parentId; cursor && !seen.has(cursor); ) {
      if (cursor === id) {
        tx.update(codes).set({ parentId: code.parentId }).where(eq(codes.id, targetId)).run();
        break;
      }
      seen.add(cursor);
      cursor = findCode(tx, member.workspaceId, cursor)?.parentId ?? null;
    }
    tx.update(codes)
      .set({ parentId: targetId })
      .where(and(eq(codes.workspaceId, member.workspaceId), eq(codes.parentId, id)))
      .run();
    // Conditions still on the merged code are those the target's value replaced; they go with it.
    tx.delete(codes).where(eq(codes.id, id)).run();
    recordAudit(
      {
        action: "code.merged",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { codeId: id, label: code.label, targetId, targetLabel: target.label, caseCount },
        origin,
      },
      tx,
    );
    return {
      tagCount: usage.tagCount,
      caseCount,
      conditionsMoved,
      conditionsKept,
      label: code.label,
      targetLabel: target.label,
    };
  });
}

/**
 * Deletes a code. A code still in use is only deleted with `confirmed`, and only when what the person
 * confirmed (`expectedTags` tags) is still what would be removed; its tags then leave the case bodies
 * (with a revision), its condition values go, and its sub-codes move up to its parent.
 */
export function deleteCode(
  member: Member,
  id: string,
  options: { confirmed: boolean; expectedTags?: number },
  origin?: RequestOrigin,
): { label: string; tagCount: number; caseCount: number } {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    const code = findCode(tx, member.workspaceId, id);
    if (!code) throw notFound(msg("codebook.errors.notFound"));
    const usage = usageOf(tx, member.workspaceId, id);
    const inUse = usage.tagCount > 0 || usage.conditionCount > 0;
    if (inUse && !options.confirmed) throw new CodeInUseError(usage, false);
    if (inUse && options.expectedTags !== undefined && options.expectedTags !== usage.tagCount)
      throw new CodeInUseError(usage, true);
    const caseCount = rewriteCaseBodies(
      tx,
      member,
      id,
      null,
      `Code “${code.label}” deleted from the codebook`,
    );
    tx.update(codes)
      .set({ parentId: code.parentId })
      .where(and(eq(codes.workspaceId, member.workspaceId), eq(codes.parentId, id)))
      .run();
    tx.delete(caseConditions).where(eq(caseConditions.codeId, id)).run();
    tx.delete(codes).where(eq(codes.id, id)).run();
    recordAudit(
      {
        action: "code.deleted",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { codeId: id, label: code.label, tagCount: usage.tagCount, caseCount },
        origin,
      },
      tx,
    );
    return { label: code.label, tagCount: usage.tagCount, caseCount };
  });
}

/**
 * Adds the starter codebook (drawn from the seed article) to a workspace, skipping any label the
 * workspace already has for that kind. Returns how many codes were added.
 */
export function addStarterCodes(member: Member, origin?: RequestOrigin): number {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    const existing = new Set(
      tx
        .select({ kind: codes.kind, label: codes.label })
        .from(codes)
        .where(eq(codes.workspaceId, member.workspaceId))
        .all()
        .map((code) => `${code.kind}:${labelKey(code.label)}`),
    );
    let added = 0;
    for (const { key: _key, ...code } of STARTER_CODES) {
      if (existing.has(`${code.kind}:${labelKey(code.label)}`)) continue;
      tx.insert(codes)
        .values({ id: newId(), workspaceId: member.workspaceId, ...code, parentId: null })
        .run();
      added += 1;
    }
    recordAudit(
      {
        action: "code.starter_added",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { added },
        origin,
      },
      tx,
    );
    return added;
  });
}
