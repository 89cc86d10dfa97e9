// A case's revision history: every save is a row of case_revisions, none is ever deleted. Listing,
// comparing two revisions and restoring one (which writes a new revision) live here.

import type { JSONContent } from "@tiptap/core";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { diffRevisions, renderBibliographyHtml, renderCaseHtml, type TextChange } from "~/editor";
import { validateCaseDocument } from "~/editor/validate";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { dropForeignReferences, seesDrafts, writeDerivedRows } from "~/models/case-body.server";
import { formatPeriod, type PeriodWords } from "~/models/case-fields";
import { DocumentRejectedError, getCase, StaleRevisionError } from "~/models/cases.server";
import { listCodes } from "~/models/codes.server";
import { bodyWrittenOutsideCollab } from "~/models/collab.server";
import { newId } from "~/models/ids.server";
import { listSources } from "~/models/sources.server";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import {
  canSeeCase,
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { caseRevisions, cases, users } from "../../db/schema";

export const REVISIONS_PAGE_SIZE = 50;

export type RevisionSummary = {
  number: number;
  baseNumber: number | null;
  note: string;
  authorName: string;
  createdAt: Date;
};

/** The structured fields as a revision stores them; a snapshot missing a key falls back to an empty value. */
const snapshotSchema = z.object({
  title: z.string().catch(""),
  regions: z.array(z.string()).catch([]),
  periodStart: z.number().int().nullable().catch(null),
  periodStartCirca: z.boolean().catch(false),
  periodEnd: z.number().int().nullable().catch(null),
  periodEndCirca: z.boolean().catch(false),
  actors: z.array(z.string()).catch([]),
  mediators: z.array(z.string()).catch([]),
  summary: z.string().catch(""),
});
export type FieldsSnapshot = z.output<typeof snapshotSchema>;

function readSnapshot(fields: unknown): FieldsSnapshot {
  return snapshotSchema.parse(typeof fields === "object" && fields !== null ? fields : {});
}

const summaryColumns = {
  number: caseRevisions.number,
  baseNumber: caseRevisions.baseNumber,
  note: caseRevisions.note,
  authorName: users.name,
  createdAt: caseRevisions.createdAt,
};

/**
 * The revision numbers this member may open: all of them, or for members who read approved versions only
 * (trainers) just the approved one, so that no draft leaks through the history.
 */
function visibleRevisions(member: Member, caseStudy: { approvedRevision: number | null }) {
  return seesDrafts(member) ? null : (caseStudy.approvedRevision ?? 0);
}

/**
 * Revisions of a case, newest first, one page at a time (`before` = the oldest number already shown),
 * plus every revision number with its date and note for the compare pickers.
 */
export function listRevisions(member: Member, caseId: string, options: { before?: number } = {}) {
  const caseStudy = getCase(member, caseId);
  const only = visibleRevisions(member, caseStudy);
  const visible = and(
    eq(caseRevisions.caseId, caseId),
    only === null ? undefined : eq(caseRevisions.number, only),
  );
  const page = db
    .select(summaryColumns)
    .from(caseRevisions)
    .innerJoin(users, eq(users.id, caseRevisions.authorId))
    .where(and(visible, options.before ? lt(caseRevisions.number, options.before) : undefined))
    .orderBy(desc(caseRevisions.number))
    .limit(REVISIONS_PAGE_SIZE + 1)
    .all();
  const choices = db
    .select({ number: caseRevisions.number, note: caseRevisions.note, createdAt: caseRevisions.createdAt })
    .from(caseRevisions)
    .where(visible)
    .orderBy(desc(caseRevisions.number))
    .all();
  return {
    caseStudy: {
      id: caseStudy.id,
      title: caseStudy.title,
      revision: caseStudy.shownRevision,
      approvedRevision: caseStudy.approvedRevision,
      status: caseStudy.status,
    },
    seesDrafts: only === null,
    revisions: page.slice(0, REVISIONS_PAGE_SIZE) as RevisionSummary[],
    hasOlder: page.length > REVISIONS_PAGE_SIZE,
    choices,
  };
}

function findRevision(executor: Executor, caseId: string, number: number) {
  return executor
    .select({
      number: caseRevisions.number,
      baseNumber: caseRevisions.baseNumber,
      note: caseRevisions.note,
      body: caseRevisions.body,
      fields: caseRevisions.fields,
      authorName: users.name,
      createdAt: caseRevisions.createdAt,
    })
    .from(caseRevisions)
    .innerJoin(users, eq(users.id, caseRevisions.authorId))
    .where(and(eq(caseRevisions.caseId, caseId), eq(caseRevisions.number, number)))
    .get();
}

/** A revision number this case does not have (or a case of another workspace) is a 404. */
function requireRevision(member: Member, caseId: string, number: number) {
  const only = visibleRevisions(member, getCase(member, caseId));
  const revision = only === null || only === number ? findRevision(db, caseId, number) : undefined;
  if (!revision) throw notFound(msg("history.errors.noSuchRevision", { number }));
  return revision;
}

function summarise(revision: NonNullable<ReturnType<typeof findRevision>>): RevisionSummary {
  const { number, baseNumber, note, authorName, createdAt } = revision;
  return { number, baseNumber, note, authorName, createdAt };
}

// `label` is English (pages name a field with t(`history.fields.${field}`)).
const FIELD_LABELS: Array<
  [key: string, label: string, show: (fields: FieldsSnapshot, words?: PeriodWords) => string]
> = [
  ["title", "Title", (f) => f.title],
  ["regions", "Countries or regions", (f) => f.regions.join(", ")],
  ["period", "Period", (f, words) => formatPeriod(f, words)],
  ["actors", "Armed groups and state actors", (f) => f.actors.join("; ")],
  ["mediators", "Mediators and intermediaries", (f) => f.mediators.join("; ")],
  ["summary", "One-line summary", (f) => f.summary],
];

export type FieldChange = { field: string; label: string; before: string; after: string };

/** `codeLabel` / `sourceTitle` are "" for a code or source removed since. */
export type TagChange = { codeLabel: string; kind: string; text: string; section: string };
export type CitationChange = { sourceTitle: string; locator: string; text: string; section: string };

export type RevisionComparison = {
  from: RevisionSummary;
  to: RevisionSummary;
  fields: FieldChange[];
  text: TextChange[];
  tagsAdded: TagChange[];
  tagsRemoved: TagChange[];
  citationsAdded: CitationChange[];
  citationsRemoved: CitationChange[];
};

/**
 * What changed from revision `from` to revision `to` (either may be the older one). `words` writes the
 * periods in the reader's language (English by default).
 */
export function compareRevisions(
  member: Member,
  caseId: string,
  from: number,
  to: number,
  words?: PeriodWords,
): RevisionComparison {
  const before = requireRevision(member, caseId, from);
  const after = requireRevision(member, caseId, to);
  const codes = new Map(listCodes(member).map((code) => [code.id, code]));
  const sources = new Map(listSources(member).map((source) => [source.id, source.title]));
  const diff = diffRevisions(before.body as JSONContent, after.body as JSONContent);
  const beforeFields = readSnapshot(before.fields);
  const afterFields = readSnapshot(after.fields);
  const tag = (passage: { codeId: string; text: string; section: string }): TagChange => {
    const code = codes.get(passage.codeId);
    return {
      codeLabel: code?.label ?? "",
      kind: code?.kind ?? "",
      text: passage.text,
      section: passage.section,
    };
  };
  const citation = (row: { sourceId: string; locator: string; text: string; section: string }) => ({
    sourceTitle: sources.get(row.sourceId) ?? "",
    locator: row.locator,
    text: row.text,
    section: row.section,
  });
  return {
    from: summarise(before),
    to: summarise(after),
    fields: FIELD_LABELS.map(([field, label, show]) => ({
      field,
      label,
      before: show(beforeFields, words),
      after: show(afterFields, words),
    })).filter((change) => change.before !== change.after),
    text: diff.text,
    tagsAdded: diff.tagsAdded.map(tag),
    tagsRemoved: diff.tagsRemoved.map(tag),
    citationsAdded: diff.citationsAdded.map(citation),
    citationsRemoved: diff.citationsRemoved.map(citation),
  };
}

/**
 * One revision as it read then: its fields and its body as HTML from the shared renderer (escaped).
 * `words` writes the period in the reader's language (English by default).
 */
export function viewRevision(member: Member, caseId: string, number: number, words?: PeriodWords) {
  const revision = requireRevision(member, caseId, number);
  const codes = new Map(listCodes(member).map((code) => [code.id, { label: code.label, color: code.color }]));
  const sources = new Map(listSources(member).map((source) => [source.id, { title: source.title }]));
  const rendered = renderCaseHtml(revision.body as JSONContent, { codes, sources });
  const fields = readSnapshot(revision.fields);
  return {
    ...summarise(revision),
    fields: { ...fields, period: formatPeriod(fields, words) },
    html: rendered.html,
    bibliographyHtml: renderBibliographyHtml(rendered.bibliography, sources),
  };
}

export class RevisionAlreadyCurrentError extends Refusal {
  constructor(number: number) {
    super(409, msg("history.errors.alreadyCurrent", { number }));
  }
}

/**
 * Brings back the text and fields of revision `number` as a NEW revision; nothing is deleted.
 * `baseRevision` is the revision the person was looking at: if someone saved since, StaleRevisionError.
 * Tags of codes (and citations of sources) removed since then are left out and counted.
 */
export function restoreRevision(
  member: Member,
  caseId: string,
  input: { number: number; baseRevision: number },
  origin?: RequestOrigin,
): { revision: number; droppedReferences: number } {
  return db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "case.edit");
    const current = tx
      .select()
      .from(cases)
      .where(and(eq(cases.id, caseId), eq(cases.workspaceId, member.workspaceId)))
      .get();
    if (!current || current.deletedAt || !canSeeCase(fresh, current, tx))
      throw notFound(msg("history.errors.caseNotFound"));
    const old = findRevision(tx, caseId, input.number);
    if (!old) throw notFound(msg("history.errors.noSuchRevision", { number: input.number }));
    if (current.revision !== input.baseRevision) throw new StaleRevisionError(current.revision);
    if (input.number === current.revision) throw new RevisionAlreadyCurrentError(input.number);

    const checked = validateCaseDocument(old.body);
    if (!checked.ok) throw new DocumentRejectedError(checked.errors, checked.tooLarge ?? false);
    const { body, dropped } = dropForeignReferences(tx, member.workspaceId, checked.doc, checked.references);
    const fields = readSnapshot(old.fields);
    if (fields.title.trim() === "") fields.title = current.title;

    const rows = writeDerivedRows(tx, caseId, body);
    const number = current.revision + 1;
    const now = new Date();
    tx.update(cases)
      .set({
        ...fields,
        body,
        bodyText: rows.plainText,
        revision: number,
        updatedBy: member.userId,
        updatedAt: now,
      })
      .where(eq(cases.id, caseId))
      .run();
    tx.insert(caseRevisions)
      .values({
        id: newId(),
        caseId,
        number,
        baseNumber: current.revision,
        body,
        fields,
        note: msg("history.notes.restoredFrom", { number: input.number }),
        authorId: member.userId,
        createdAt: now,
      })
      .run();
    recordAudit(
      {
        action: "case.revision_restored",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, from: input.number, revision: number },
        origin,
      },
      tx,
    );
    bodyWrittenOutsideCollab(tx, caseId, body);
    return { revision: number, droppedReferences: dropped };
  });
}
