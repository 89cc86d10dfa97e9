// Importing a workspace export into a NEW workspace owned by the importer: every id is new, the marks of
// bodies are pointed at them, and what others wrote is kept under the importer's name with who wrote it,
// in the importer's language.
import type { JSONContent } from "@tiptap/core";
import { eq } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { type MarkJSON, mapMarks } from "~/editor/marks";
import { validateCaseDocument } from "~/editor/validate";
import { recordActivity } from "~/models/activity.server";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { writeDerivedRows } from "~/models/case-body.server";
import type { Locale } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { cslItemSchema } from "~/models/sources/csl-item";
import {
  MAX_WORKSPACE_NAME,
  parseWorkspaceFile,
  problemPlace,
  WorkspaceImportError,
} from "~/models/workspace-file";
import { db } from "~/utils/db.server";
import { formatLongDate } from "~/utils/format";
import { translate } from "~/utils/i18n.server";
import { asMessage, isMessageUnder, type Message, msg } from "~/utils/messages";
import {
  caseConditions,
  caseRevisions,
  cases,
  codes,
  comments,
  memberships,
  sources,
  threads,
  users,
  workspaces,
} from "../../db/schema";

/**
 * A copy of a body with every tag and citation pointing to the new ids; marks whose code or source is not
 * in the file are dropped (counted), so nothing points outside the new workspace.
 */
export function remapBodyReferences(
  body: unknown,
  codeIds: ReadonlyMap<string, string>,
  sourceIds: ReadonlyMap<string, string>,
): { body: unknown; dropped: number } {
  let dropped = 0;
  const remap = (mark: MarkJSON, ids: ReadonlyMap<string, string>, attr: "codeId" | "sourceId") => {
    const id = ids.get(String(mark.attrs?.[attr]));
    if (!id) {
      dropped += 1;
      return null;
    }
    return { ...mark, attrs: { ...mark.attrs, [attr]: id } };
  };
  const remapped = mapMarks(body, (mark) =>
    mark?.type === "tag"
      ? remap(mark, codeIds, "codeId")
      : mark?.type === "citation"
        ? remap(mark, sourceIds, "sourceId")
        : mark,
  );
  return { body: remapped.doc, dropped };
}

export type WorkspaceImportResult = {
  workspaceId: string;
  name: string;
  counts: {
    cases: number;
    trashed: number;
    codes: number;
    sources: number;
    revisions: number;
    threads: number;
    comments: number;
  };
  /** Tags and citations whose code or source was not in the file (left out). */
  droppedReferences: number;
};

const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports a workspace export into a new workspace owned by `importer`. Everything is checked first (the
 * schema, then every body with the editor's validator, yielding between cases so other requests are
 * served); then one transaction writes it all, so a bad file never leaves half a workspace.
 */
export async function importWorkspace(
  importer: { id: string },
  textContent: string,
  origin?: RequestOrigin,
  locale: Locale = "en",
): Promise<WorkspaceImportResult> {
  const file = parseWorkspaceFile(textContent);
  const me = db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, importer.id))
    .get();
  if (!me) throw new WorkspaceImportError([msg("exports.import.signInAgain")]);
  const isMe = (email: string | undefined | null) =>
    Boolean(email) && email!.toLowerCase() === me.email.toLowerCase();

  const problems: Message[] = [];
  const duplicates = (
    key:
      | "exports.import.duplicateCodes"
      | "exports.import.duplicateSources"
      | "exports.import.duplicateCases",
    ids: string[],
  ) => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(msg(key, { id: JSON.stringify(id.slice(0, 40)) }));
      seen.add(id);
    }
  };
  duplicates(
    "exports.import.duplicateCodes",
    file.codes.map((code) => code.id),
  );
  duplicates(
    "exports.import.duplicateSources",
    file.sources.map((source) => source.id),
  );
  duplicates(
    "exports.import.duplicateCases",
    file.cases.map((record) => record.id),
  );
  if (problems.length) throw new WorkspaceImportError(problems.slice(0, 5));

  const codeIds = new Map(file.codes.map((code) => [code.id, newId()]));
  const sourceIds = new Map(file.sources.map((source) => [source.id, newId()]));

  const sourceItems = file.sources.map((source, index) => {
    const id = sourceIds.get(source.id)!;
    const parsed = cslItemSchema.safeParse({ ...source.csl, id });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(
        problemPlace(["sources", index, "csl", ...issue.path], file),
        asMessage(issue.message, msg("exports.import.issues.invalid")),
      );
    }
    return { id, csl: parsed.success ? parsed.data : null };
  });
  if (problems.length) throw new WorkspaceImportError(problems.slice(0, 5));

  let droppedReferences = 0;
  let badBodies = 0;
  // A refused body is reported as where it is, then the validator's first two problems: all catalogue keys,
  // which the import page writes out in the reader's language, one after the other.
  const checkBody = (body: unknown, where: Message) => {
    const remapped = remapBodyReferences(body, codeIds, sourceIds);
    droppedReferences += remapped.dropped;
    const validated = validateCaseDocument(remapped.body);
    if (!validated.ok) {
      problems.push(where, ...validated.errors.slice(0, 2));
      badBodies += 1;
      return null;
    }
    return validated.doc;
  };
  const prepared: Array<{
    record: (typeof file.cases)[number];
    id: string;
    body: JSONContent;
    revisions: Array<{ body: JSONContent; number: number }>;
  }> = [];
  for (const [index, record] of file.cases.entries()) {
    const which = { n: index + 1, title: record.title.slice(0, 60) };
    const body = checkBody(record.body, msg("exports.import.caseBody", which));
    const revisionBodies = record.revisions.map((revision) => ({
      number: revision.number,
      body: checkBody(
        revision.body,
        msg("exports.import.revisionBody", { ...which, revision: revision.number }),
      ),
    }));
    const numbers = new Set(record.revisions.map((revision) => revision.number));
    if (numbers.size !== record.revisions.length) {
      problems.push(msg("exports.import.sameRevision", which));
      badBodies += 1;
    }
    if (badBodies >= 5) break;
    if (body && revisionBodies.every((revision) => revision.body)) {
      prepared.push({
        record,
        id: newId(),
        body,
        revisions: revisionBodies as Array<{ body: JSONContent; number: number }>,
      });
    }
    // Checking bodies is the slow part of a large import: let other requests in between cases.
    if (index % 10 === 9) await yieldToOtherRequests();
  }
  if (problems.length) throw new WorkspaceImportError(problems);

  // What the import writes into the new workspace is in the importer's language.
  const named = (base: string) => translate(locale, msg("exports.import.importedName", { name: base }));
  const overflow = Math.max(0, named(file.workspace.name).length - MAX_WORKSPACE_NAME);
  const name = named(file.workspace.name.slice(0, file.workspace.name.length - overflow).trim());
  const counts = { cases: 0, trashed: 0, codes: 0, sources: 0, revisions: 0, threads: 0, comments: 0 };
  const originally = (who: { name?: string; email?: string } | null, at: Date) => {
    const date = formatLongDate(at, locale);
    const by = who?.name || who?.email;
    return translate(
      locale,
      by
        ? msg("exports.import.originally", { name: by, date })
        : msg("exports.import.originallyUnknown", { date }),
    );
  };

  const workspaceId = db.transaction((tx) => {
    const id = newId();
    tx.insert(workspaces).values({ id, name }).run();
    tx.insert(memberships).values({ workspaceId: id, userId: importer.id, role: "owner" }).run();
    for (const code of file.codes) {
      tx.insert(codes)
        .values({
          id: codeIds.get(code.id)!,
          workspaceId: id,
          kind: code.kind,
          label: code.label,
          labelTranslations: code.labelTranslations,
          description: code.description,
          color: code.color.toLowerCase(),
          parentId: code.parentId ? (codeIds.get(code.parentId) ?? null) : null,
        })
        .run();
      counts.codes += 1;
    }
    const now = new Date();
    for (const item of sourceItems) {
      tx.insert(sources)
        .values({
          id: item.id,
          workspaceId: id,
          csl: item.csl!,
          title: item.csl!.title,
          createdBy: importer.id,
          updatedAt: now,
        })
        .run();
      counts.sources += 1;
    }
    for (const { record, id: caseId, body, revisions } of prepared) {
      const numbers = new Set(record.revisions.map((revision) => revision.number));
      const latest = Math.max(...numbers);
      const revision = numbers.has(record.revision) ? record.revision : latest;
      const approvedRevision =
        record.approvedRevision !== null && numbers.has(record.approvedRevision)
          ? record.approvedRevision
          : null;
      const status = record.status === "approved" && approvedRevision === null ? "draft" : record.status;
      // The plain text must be on the row when it is inserted: the search index is filled by an insert trigger.
      const plainText = deriveCaseRows(body).plainText;
      tx.insert(cases)
        .values({
          id: caseId,
          workspaceId: id,
          title: record.title,
          regions: record.regions,
          periodStart: record.periodStart,
          periodStartCirca: record.periodStartCirca,
          periodEnd: record.periodEnd,
          periodEndCirca: record.periodEndCirca,
          actors: record.actors,
          mediators: record.mediators,
          summary: record.summary,
          status,
          approvedRevision,
          body,
          bodyText: plainText,
          revision,
          createdBy: importer.id,
          updatedBy: importer.id,
          createdAt: record.createdAt,
          updatedAt: record.updatedAt,
          deletedAt: record.trashed ? now : null,
          deletedBy: record.trashed ? importer.id : null,
        })
        .run();
      writeDerivedRows(tx, caseId, body);
      for (const [i, entry] of record.revisions.entries()) {
        const note =
          entry.author && !isMe(entry.author.email)
            ? [
                isMessageUnder(entry.note, "history.notes.") ? translate(locale, entry.note) : entry.note,
                `${originally(entry.author, entry.createdAt)}.`,
              ]
                .filter(Boolean)
                .join(" — ")
            : entry.note;
        tx.insert(caseRevisions)
          .values({
            id: newId(),
            caseId,
            number: entry.number,
            baseNumber: entry.baseNumber !== null && numbers.has(entry.baseNumber) ? entry.baseNumber : null,
            body: revisions[i].body,
            fields: entry.fields,
            note,
            authorId: importer.id,
            createdAt: entry.createdAt,
          })
          .run();
        counts.revisions += 1;
      }
      const stated = new Set<string>();
      for (const condition of record.conditions) {
        const codeId = codeIds.get(condition.codeId);
        if (!codeId || stated.has(codeId)) continue;
        stated.add(codeId);
        tx.insert(caseConditions)
          .values({
            caseId,
            codeId,
            value: condition.value,
            note: condition.note,
            setBy: condition.setBy && isMe(condition.setBy.email) ? importer.id : null,
            setAt: condition.setAt,
          })
          .run();
      }
      for (const thread of record.threads) {
        const threadId = newId();
        tx.insert(threads)
          .values({
            id: threadId,
            workspaceId: id,
            caseId,
            anchor: thread.anchor,
            revision: thread.revision,
            status: thread.status,
            authorId: importer.id,
            resolvedBy: thread.status === "resolved" ? importer.id : null,
            resolvedAt: thread.status === "resolved" ? (thread.resolvedAt ?? thread.createdAt) : null,
            createdAt: thread.createdAt,
            updatedAt: thread.resolvedAt ?? thread.createdAt,
          })
          .run();
        counts.threads += 1;
        for (const comment of thread.comments) {
          const mine = isMe(comment.authorEmail);
          tx.insert(comments)
            .values({
              id: newId(),
              threadId,
              authorId: importer.id,
              body: mine
                ? comment.body
                : `${originally({ name: comment.authorName, email: comment.authorEmail }, comment.createdAt)}:\n${comment.body}`,
              createdAt: comment.createdAt,
              editedAt: comment.editedAt,
            })
            .run();
          counts.comments += 1;
        }
      }
      recordActivity(tx, { caseId, actorId: importer.id, kind: "created", detail: { imported: true } });
      counts.cases += 1;
      if (record.trashed) counts.trashed += 1;
    }
    recordAudit(
      {
        action: "workspace.imported",
        workspaceId: id,
        userId: importer.id,
        detail: { from: file.workspace.name, ...counts, droppedReferences },
        origin,
      },
      tx,
    );
    return id;
  });
  return { workspaceId, name, counts, droppedReferences };
}
