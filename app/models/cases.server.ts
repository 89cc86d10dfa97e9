import type { JSONContent } from "@tiptap/core";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { redactCaseDocument } from "~/editor/redact";
import { renderCaseHtml } from "~/editor/render";
import { newCaseDocument } from "~/editor/template";
import { validateCaseDocument } from "~/editor/validate";
import { recordActivity } from "~/models/activity.server";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import {
  approvedVersions,
  foreignReferences,
  seesDrafts,
  statusAfterEdit,
  writeDerivedRows,
} from "~/models/case-body.server";
import { type CaseFields, caseFieldsSnapshot } from "~/models/case-fields";
import { bodyWrittenOutsideCollab, flushLiveDocument } from "~/models/collab.server";
import { cachedCodes, cachedSources } from "~/models/derived-cache.server";
import type { Locale } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { formatBibliography } from "~/models/sources/references.server";
import { foreignSourceIds } from "~/models/sources.server";
import { workspaceCitationStyle } from "~/models/workspaces.server";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  canSeeCase,
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
  visibleCaseCondition,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { caseRevisions, cases, passages, users } from "../../db/schema";

/** Someone saved since the editor's base revision (409): nothing was written. */
export class StaleRevisionError extends Refusal {
  constructor(public currentRevision: number) {
    super(409, msg("cases.errors.stale"));
  }
}

/** A document the server will not store: the messages say why (400), or it is too large (413). */
export class DocumentRejectedError extends Refusal {
  constructor(
    public errors: Message[],
    public tooLarge = false,
  ) {
    super(tooLarge ? 413 : 400, errors[0] ?? msg("editor.validation.notDoc"));
  }
}

export function listCases(member: Member, options: { trashed?: boolean } = {}) {
  requirePermission(member, "case.read");
  return db
    .select({
      id: cases.id,
      title: cases.title,
      regions: cases.regions,
      periodStart: cases.periodStart,
      periodStartCirca: cases.periodStartCirca,
      periodEnd: cases.periodEnd,
      periodEndCirca: cases.periodEndCirca,
      status: cases.status,
      summary: cases.summary,
      updatedAt: cases.updatedAt,
      deletedAt: cases.deletedAt,
      updatedByName: users.name,
    })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.updatedBy))
    .where(
      and(
        eq(cases.workspaceId, member.workspaceId),
        options.trashed ? isNotNull(cases.deletedAt) : isNull(cases.deletedAt),
        visibleCaseCondition(member, cases.id),
      ),
    )
    .orderBy(options.trashed ? desc(cases.deletedAt) : desc(cases.updatedAt))
    .all();
}

/**
 * A case of the member's workspace that they may see. A confidential case they are not listed on is
 * undefined, exactly like an unknown id, so its existence does not leak (ADR 0008).
 */
function findCase(executor: Executor, member: Member, caseId: string) {
  const found = executor
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.workspaceId, member.workspaceId)))
    .get();
  return found && canSeeCase(member, found, executor) ? found : undefined;
}

type CaseRow = typeof cases.$inferSelect;

/**
 * A case as this member reads it. A case of another workspace, an unknown id, or (for members who only
 * read approved versions) a case never approved is a 404: never its data.
 */
export function getCase(member: Member, caseId: string, options: { allowTrashed?: boolean } = {}) {
  requirePermission(member, "case.read");
  flushLiveDocument(caseId);
  const found = findCase(db, member, caseId);
  if (!found || (found.deletedAt && !options.allowTrashed)) throw notFound(msg("cases.errors.notFound"));
  const drafts = seesDrafts(member);
  if (!drafts && found.approvedRevision === null) throw notFound(msg("cases.errors.notFound"));
  const people = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(eq(users.id, found.createdBy))
    .get();
  const approved = approvedVersions(member, [found]).get(found.id);
  // Readers of approved versions read an approved text, whatever the draft's status is.
  const shown = drafts
    ? found
    : {
        ...found,
        ...(approved?.fields as Partial<CaseRow> | undefined),
        body: approved?.body ?? found.body,
        status: "approved" as const,
      };
  return {
    ...shown,
    createdByName: people?.name ?? "",
    shownRevision: approved ? found.approvedRevision! : found.revision,
    // Readers of approved versions are told nothing about drafts; the others see whether one is pending.
    newerDraftThanApproved:
      drafts && found.approvedRevision !== null && found.revision > found.approvedRevision,
  };
}

/** `locale`: the creating user's language, which the standard section headings are written in. */
/**
 * A new case with the standard sections in the creating person's language, or, from an import, with a body
 * that has passed the validator (`imported`: the Word import; its citations must be sources of the workspace).
 */
export function createCase(
  member: Member,
  fields: CaseFields,
  origin?: RequestOrigin,
  locale: Locale = "en",
  imported?: { body: JSONContent; note: string; sourceIds: string[] },
) {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "case.create");
    if (imported && foreignSourceIds(tx, member.workspaceId, imported.sourceIds).length > 0) {
      throw new DocumentRejectedError([
        msg("cases.errors.unknownSources", { count: imported.sourceIds.length }),
      ]);
    }
    const id = newId();
    const body = imported?.body ?? newCaseDocument(locale);
    const now = new Date();
    tx.insert(cases)
      .values({
        id,
        workspaceId: member.workspaceId,
        ...fields,
        body,
        createdBy: member.userId,
        updatedBy: member.userId,
        updatedAt: now,
      })
      .run();
    tx.insert(caseRevisions)
      .values({
        id: newId(),
        caseId: id,
        number: 1,
        baseNumber: null,
        body,
        fields: caseFieldsSnapshot(fields),
        note: imported?.note ?? msg("history.notes.created"),
        authorId: member.userId,
      })
      .run();
    if (imported) writeDerivedRows(tx, id, body);
    recordAudit(
      {
        action: imported ? "case.imported" : "case.created",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId: id },
        origin,
      },
      tx,
    );
    recordActivity(tx, { caseId: id, actorId: member.userId, kind: "created" });
    return { id };
  });
}

export function updateCaseFields(member: Member, caseId: string, baseRevision: number, fields: CaseFields) {
  return db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "case.edit");
    const current = findCase(tx, fresh, caseId);
    if (!current || current.deletedAt) throw notFound(msg("cases.errors.notFound"));
    if (current.revision !== baseRevision) throw new StaleRevisionError(current.revision);
    const number = current.revision + 1;
    tx.update(cases)
      .set({
        ...fields,
        revision: number,
        status: statusAfterEdit(current.status),
        updatedBy: member.userId,
        updatedAt: new Date(),
      })
      .where(eq(cases.id, caseId))
      .run();
    recordActivity(tx, {
      caseId,
      actorId: member.userId,
      kind: "fields_edited",
      detail: { revision: number },
    });
    tx.insert(caseRevisions)
      .values({
        id: newId(),
        caseId,
        number,
        baseNumber: baseRevision,
        body: current.body,
        fields: caseFieldsSnapshot(fields),
        note: msg("history.notes.fieldsEdited"),
        authorId: member.userId,
      })
      .run();
    return { revision: number };
  });
}

export function trashCase(member: Member, caseId: string, origin?: RequestOrigin) {
  db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "case.trash");
    const current = findCase(tx, fresh, caseId);
    if (!current || current.deletedAt) throw notFound(msg("cases.errors.notFound"));
    tx.update(cases)
      .set({ deletedAt: new Date(), deletedBy: member.userId })
      .where(eq(cases.id, caseId))
      .run();
    recordAudit(
      {
        action: "case.trashed",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, title: current.title },
        origin,
      },
      tx,
    );
  });
}

export function restoreCase(member: Member, caseId: string, origin?: RequestOrigin) {
  db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "case.restore");
    const current = findCase(tx, fresh, caseId);
    if (!current?.deletedAt) throw notFound(msg("cases.trash.notInTrash"));
    tx.update(cases)
      .set({ deletedAt: null, deletedBy: null, updatedAt: new Date() })
      .where(eq(cases.id, caseId))
      .run();
    recordAudit(
      {
        action: "case.restored",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, title: current.title },
        origin,
      },
      tx,
    );
  });
}

/**
 * Saves a new version of the case body. `baseRevision` is the revision the editor started from: if someone
 * saved in between, StaleRevisionError (409) and nothing is written. The document must parse with the shared
 * schema and may only refer to codes and sources of this workspace.
 */
export function saveCaseBody(
  member: Member,
  caseId: string,
  input: { baseRevision: number; doc: unknown; note?: string },
): { revision: number; savedAt: Date } {
  const validated = validateCaseDocument(input.doc);
  if (!validated.ok) throw new DocumentRejectedError(validated.errors, validated.tooLarge ?? false);
  return db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "case.edit");
    const current = findCase(tx, fresh, caseId);
    if (!current || current.deletedAt) throw notFound(msg("cases.errors.notFoundOrTrashed"));
    if (current.revision !== input.baseRevision) throw new StaleRevisionError(current.revision);
    const foreign = foreignReferences(tx, member.workspaceId, validated.references);
    const unknownCodes = foreign.codeIds;
    const unknownSources = foreign.sourceIds;
    if (unknownCodes.length || unknownSources.length) {
      throw new DocumentRejectedError([
        ...(unknownCodes.length ? [msg("cases.errors.unknownCodes", { count: unknownCodes.length })] : []),
        ...(unknownSources.length
          ? [msg("cases.errors.unknownSources", { count: unknownSources.length })]
          : []),
      ]);
    }
    const taggedBefore = new Set(
      tx
        .selectDistinct({ codeId: passages.codeId })
        .from(passages)
        .where(eq(passages.caseId, caseId))
        .all()
        .map((row) => row.codeId),
    );
    const rows = writeDerivedRows(tx, caseId, validated.doc);
    const number = current.revision + 1;
    const savedAt = new Date();
    recordActivity(tx, { caseId, actorId: member.userId, kind: "saved", detail: { revision: number } });
    const newlyTagged = [...new Set(rows.passages.map((passage) => passage.codeId))].filter(
      (codeId) => !taggedBefore.has(codeId),
    );
    if (newlyTagged.length) {
      recordActivity(tx, {
        caseId,
        actorId: member.userId,
        kind: "tagged",
        detail: { codeIds: newlyTagged },
      });
    }
    tx.update(cases)
      .set({
        body: validated.doc,
        bodyText: rows.plainText,
        revision: number,
        status: statusAfterEdit(current.status),
        updatedBy: member.userId,
        updatedAt: savedAt,
      })
      .where(eq(cases.id, caseId))
      .run();
    tx.insert(caseRevisions)
      .values({
        id: newId(),
        caseId,
        number,
        baseNumber: input.baseRevision,
        body: validated.doc,
        fields: caseFieldsSnapshot(current),
        note: input.note ?? "",
        authorId: member.userId,
        createdAt: savedAt,
      })
      .run();
    bodyWrittenOutsideCollab(tx, caseId, validated.doc);
    return { revision: number, savedAt };
  });
}

/**
 * Everything the case page shows beside the fields: rendered body, bibliography, tagged passages by code.
 * `redacted`: the body with sensitive passages replaced by "[redacted]" (the print view, ADR 0008).
 */
export function getCaseReading(
  member: Member,
  caseId: string,
  options: { redacted?: boolean; language?: Locale } = {},
) {
  const read = getCase(member, caseId);
  const caseStudy = options.redacted
    ? { ...read, body: redactCaseDocument(read.body as Parameters<typeof redactCaseDocument>[0]).doc }
    : read;
  // The codebook and the sources library are the same for every case page of the workspace.
  const codeList = cachedCodes(member);
  const sourceList = cachedSources(member);
  const codeMap = new Map(codeList.map((code) => [code.id, code]));
  const sourceMap = new Map(sourceList.map((source) => [source.id, source]));
  const rendered = renderCaseHtml(caseStudy.body as Parameters<typeof renderCaseHtml>[0], {
    codes: codeMap,
    sources: sourceMap,
  });
  // Passages of the version shown (the approved one for trainers), not of the stored draft rows.
  const passageRows = deriveCaseRows(caseStudy.body as Parameters<typeof deriveCaseRows>[0]).passages;
  const byCode = new Map<string, { code: (typeof codeList)[number]; passages: typeof passageRows }>();
  for (const row of passageRows) {
    const code = codeMap.get(row.codeId);
    if (!code) continue;
    const group = byCode.get(code.id) ?? { code, passages: [] };
    group.passages.push(row);
    byCode.set(code.id, group);
  }
  // The workspace's style, in the reader's language; the list keeps the order of the [N] marks in the text.
  const references = new Map(
    formatBibliography(
      rendered.bibliography.flatMap((entry) => {
        const source = sourceMap.get(entry.sourceId);
        return source ? [{ id: source.id, csl: source.csl }] : [];
      }),
      { style: workspaceCitationStyle(member), language: options.language ?? "en" },
    ).map((entry) => [entry.sourceId, entry.reference]),
  );
  const bibliography = rendered.bibliography.map((entry) => {
    const source = sourceMap.get(entry.sourceId);
    return {
      number: entry.number,
      sourceId: entry.sourceId,
      locators: entry.locators,
      // null: the source is no longer in the library (the page says so in its language).
      reference: source ? (references.get(source.id) ?? source.csl.title) : null,
    };
  });
  return {
    caseStudy,
    html: rendered.html,
    bibliography,
    tagged: [...byCode.values()].sort((a, b) =>
      a.code.kind === b.code.kind
        ? a.code.label.localeCompare(b.code.label)
        : a.code.kind === "precondition"
          ? -1
          : 1,
    ),
    codeColors: codeList.map((code) => ({ id: code.id, color: code.color })),
  };
}
