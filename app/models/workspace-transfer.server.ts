// The workspace export file (format "mediation-casebook/workspace", version 1) in both directions: the
// records the export job writes, a chunk of cases at a time, and the import of such a file into a NEW
// workspace owned by the importer.
//
// Ids: the file keeps the workspace's own ids, so the codeId/sourceId of tags and citations inside bodies
// match the codes and sources listed. An import gives everything new ids and rewrites the marks.
// People: members are listed for reference only. An import adds nobody to the new workspace: what others
// wrote (revisions, comments) is kept under the importer's name with "Originally by …" in the text.
import type { JSONContent } from "@tiptap/core";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { CODE_DESCRIPTION_MAX, CODE_LABEL_MAX } from "~/components/codebook/rules";
import { deriveCaseRows } from "~/editor/derive";
import { validateCaseDocument } from "~/editor/validate";
import { recordActivity } from "~/models/activity.server";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { writeDerivedRows } from "~/models/cases.server";
import { CASE_STATUSES, CODE_KINDS, CONDITION_VALUES, LOCALES, type Locale } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { cslItemSchema } from "~/models/sources/csl-item";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import type { Executor } from "~/utils/permissions.server";
import {
  caseConditions,
  caseRevisions,
  cases,
  codes,
  comments,
  memberships,
  sources,
  THREAD_STATUSES,
  threads,
  users,
  workspaces,
} from "../../db/schema";

export const WORKSPACE_FORMAT = "mediation-casebook/workspace";
export const WORKSPACE_FORMAT_VERSION = 1;
/** Largest file the import page accepts. */
export { MAX_WORKSPACE_IMPORT_BYTES } from "~/utils/upload-limits";

const MAX_WORKSPACE_NAME = 100;
const IMPORTED_SUFFIX = " (imported)";

type Person = { name: string; email: string };

// ---------------------------------------------------------------------------------------------------------
// Export: the records, read a chunk at a time by the export job
// ---------------------------------------------------------------------------------------------------------

function peopleById(executor: Executor, ids: Iterable<string | null>) {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  const map = new Map<string, Person>();
  if (wanted.length === 0) return map;
  for (const row of executor
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, wanted))
    .all())
    map.set(row.id, { name: row.name, email: row.email });
  return map;
}

/** The ids of every case of the workspace, trashed ones included, oldest first. */
export function workspaceCaseIds(workspaceId: string): string[] {
  return db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.workspaceId, workspaceId))
    .orderBy(asc(cases.createdAt), asc(cases.id))
    .all()
    .map((row) => row.id);
}

/** The start of the file: everything but cases, codes and sources (written after them, see below). */
export function workspaceExportHeader(workspaceId: string, exportedBy: Person) {
  const workspace = db.select().from(workspaces).where(eq(workspaces.id, workspaceId)).get();
  const members = db
    .select({ name: users.name, email: users.email, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(users.name))
    .all();
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    exportedBy,
    workspace: { id: workspaceId, name: workspace?.name ?? "" },
    members,
  };
}

/**
 * Codes and sources as they are when the last case has been written. The export reads cases in chunks
 * while people keep working; listing these last means a code created meanwhile and used in a case is in
 * the file. (A code deleted meanwhile may still be tagged in an earlier chunk: the import drops such tags.)
 */
export function workspaceExportLibrary(workspaceId: string) {
  const codeRows = db
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
    .where(eq(codes.workspaceId, workspaceId))
    .orderBy(asc(codes.createdAt), asc(codes.id))
    .all();
  const sourceRows = db
    .select({ id: sources.id, csl: sources.csl, createdAt: sources.createdAt, updatedAt: sources.updatedAt })
    .from(sources)
    .where(eq(sources.workspaceId, workspaceId))
    .orderBy(asc(sources.createdAt), asc(sources.id))
    .all();
  return { codes: codeRows, sources: sourceRows };
}

/** Full records of some cases of the workspace: fields, body, revisions, conditions, comment threads. */
export function workspaceCaseRecords(workspaceId: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  // By primary key, then the workspace check: with both in the query SQLite may walk the workspace's index,
  // reading every case of a large workspace for each chunk.
  const caseRows = db
    .select()
    .from(cases)
    .where(inArray(cases.id, caseIds))
    .all()
    .filter((row) => row.workspaceId === workspaceId);
  const ids = caseRows.map((row) => row.id);
  if (ids.length === 0) return [];
  const revisionRows = db
    .select()
    .from(caseRevisions)
    .where(inArray(caseRevisions.caseId, ids))
    .orderBy(asc(caseRevisions.number))
    .all();
  const conditionRows = db.select().from(caseConditions).where(inArray(caseConditions.caseId, ids)).all();
  const threadRows = db
    .select()
    .from(threads)
    .where(inArray(threads.caseId, ids))
    .orderBy(asc(threads.createdAt))
    .all()
    .filter((row) => row.workspaceId === workspaceId);
  // Deleted comments are left out: their authors removed them.
  const commentRows = threadRows.length
    ? db
        .select()
        .from(comments)
        .where(
          and(
            inArray(
              comments.threadId,
              threadRows.map((thread) => thread.id),
            ),
            isNull(comments.deletedAt),
          ),
        )
        .orderBy(asc(comments.createdAt), asc(comments.id))
        .all()
    : [];
  const people = peopleById(db, [
    ...caseRows.map((row) => row.createdBy),
    ...revisionRows.map((row) => row.authorId),
    ...conditionRows.map((row) => row.setBy),
    ...threadRows.flatMap((row) => [row.authorId, row.resolvedBy]),
    ...commentRows.map((row) => row.authorId),
  ]);
  const person = (id: string | null) => (id ? (people.get(id) ?? null) : null);
  const order = new Map(caseIds.map((id, i) => [id, i]));
  caseRows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return caseRows.map((row) => ({
    id: row.id,
    title: row.title,
    regions: row.regions,
    periodStart: row.periodStart,
    periodStartCirca: row.periodStartCirca,
    periodEnd: row.periodEnd,
    periodEndCirca: row.periodEndCirca,
    actors: row.actors,
    mediators: row.mediators,
    summary: row.summary,
    status: row.status,
    revision: row.revision,
    approvedRevision: row.approvedRevision,
    trashed: row.deletedAt !== null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    createdBy: person(row.createdBy),
    body: row.body,
    revisions: revisionRows
      .filter((revision) => revision.caseId === row.id)
      .map((revision) => ({
        number: revision.number,
        baseNumber: revision.baseNumber,
        note: revision.note,
        fields: revision.fields,
        body: revision.body,
        author: person(revision.authorId),
        createdAt: revision.createdAt.toISOString(),
      })),
    conditions: conditionRows
      .filter((condition) => condition.caseId === row.id)
      .map((condition) => ({
        codeId: condition.codeId,
        value: condition.value,
        note: condition.note,
        setBy: person(condition.setBy),
        setAt: condition.setAt.toISOString(),
      })),
    threads: threadRows
      .filter((thread) => thread.caseId === row.id)
      .map((thread) => ({
        id: thread.id,
        anchor: thread.anchor,
        revision: thread.revision,
        status: thread.status,
        author: person(thread.authorId),
        createdAt: thread.createdAt.toISOString(),
        resolvedAt: thread.resolvedAt?.toISOString() ?? null,
        comments: commentRows
          .filter((comment) => comment.threadId === thread.id)
          .map((comment) => ({
            authorName: person(comment.authorId)?.name ?? "Former member",
            authorEmail: person(comment.authorId)?.email ?? "",
            body: comment.body,
            createdAt: comment.createdAt.toISOString(),
            editedAt: comment.editedAt?.toISOString() ?? null,
          })),
      })),
  }));
}

export type WorkspaceCaseRecord = ReturnType<typeof workspaceCaseRecords>[number];

// ---------------------------------------------------------------------------------------------------------
// Import: the file's schema
// ---------------------------------------------------------------------------------------------------------

const fileId = z
  .string({ error: "must be an id (text)" })
  .min(1, "is an empty id")
  .max(200, "is too long for an id");
const date = z.union([z.string(), z.number()], { error: "must be a date" }).transform((value, ctx) => {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    ctx.addIssue({ code: "custom", message: `is not a date (${JSON.stringify(value).slice(0, 40)})` });
    return z.NEVER;
  }
  return parsed;
});
const person = z
  .object({ name: z.string().max(300).catch(""), email: z.string().max(320).catch("") })
  .nullable()
  .optional()
  .catch(null)
  .transform((value) => value ?? null);
const text = (max: number) =>
  z.string({ error: "must be text" }).max(max, `is longer than ${max} characters`);
const lines = (max: number, each: number) => z.array(text(each)).max(max, `has more than ${max} entries`);
const year = z.number().int().min(-9999).max(9999).nullable();

const fieldsShape = {
  title: text(200).trim().min(1, "is empty"),
  regions: lines(20, 100),
  periodStart: year,
  periodStartCirca: z.boolean(),
  periodEnd: year,
  periodEndCirca: z.boolean(),
  actors: lines(50, 300),
  mediators: lines(50, 300),
  summary: text(500),
};

/** A revision's fields snapshot: whatever is missing or odd falls back to empty, as the history view does. */
const snapshot = z
  .object({
    title: z.string().catch(""),
    regions: z.array(z.string()).catch([]),
    periodStart: z.number().int().nullable().catch(null),
    periodStartCirca: z.boolean().catch(false),
    periodEnd: z.number().int().nullable().catch(null),
    periodEndCirca: z.boolean().catch(false),
    actors: z.array(z.string()).catch([]),
    mediators: z.array(z.string()).catch([]),
    summary: z.string().catch(""),
  })
  .catch({
    title: "",
    regions: [],
    periodStart: null,
    periodStartCirca: false,
    periodEnd: null,
    periodEndCirca: false,
    actors: [],
    mediators: [],
    summary: "",
  });

const anchor = z.object({
  exact: text(5000),
  prefix: text(500),
  suffix: text(500),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  section: text(300).optional(),
});

const caseRecord = z.object({
  id: fileId,
  ...fieldsShape,
  status: z.enum(CASE_STATUSES),
  revision: z.number().int().min(1),
  approvedRevision: z.number().int().min(1).nullable(),
  trashed: z.boolean().optional().default(false),
  createdAt: date,
  updatedAt: date,
  body: z.unknown(),
  revisions: z
    .array(
      z.object({
        number: z.number().int().min(1),
        baseNumber: z.number().int().min(1).nullable().optional().default(null),
        note: text(2000).optional().default(""),
        fields: snapshot,
        body: z.unknown(),
        author: person,
        createdAt: date,
      }),
    )
    .min(1, "is empty: a case has at least one revision"),
  conditions: z
    .array(
      z.object({
        codeId: fileId,
        value: z.enum(CONDITION_VALUES),
        note: text(1000).optional().default(""),
        setBy: person,
        setAt: date,
      }),
    )
    .optional()
    .default([]),
  threads: z
    .array(
      z.object({
        anchor,
        revision: z.number().int().min(1),
        status: z.enum(THREAD_STATUSES),
        author: person,
        createdAt: date,
        resolvedAt: date.nullable().optional().default(null),
        comments: z.array(
          z.object({
            authorName: text(300).optional().default(""),
            authorEmail: text(320).optional().default(""),
            body: text(10_000),
            createdAt: date,
            editedAt: date.nullable().optional().default(null),
          }),
        ),
      }),
    )
    .optional()
    .default([]),
});

const workspaceFile = z.object({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(WORKSPACE_FORMAT_VERSION),
  exportedAt: date.optional(),
  workspace: z.object({ name: text(MAX_WORKSPACE_NAME).trim().min(1, "is empty") }),
  // Listed for reference only: nobody is added to the new workspace.
  members: z.array(z.unknown()).optional().default([]),
  codes: z.array(
    z.object({
      id: fileId,
      kind: z.enum(CODE_KINDS),
      label: text(CODE_LABEL_MAX).trim().min(1, "is empty"),
      // The label in other interface languages; files exported before it existed have none.
      labelTranslations: z
        .object({ fr: text(CODE_LABEL_MAX).optional(), en: text(CODE_LABEL_MAX).optional() })
        .optional()
        .default({})
        .transform((translations) => {
          const kept: Partial<Record<Locale, string>> = {};
          for (const locale of LOCALES) {
            const value = translations[locale]?.trim();
            if (value) kept[locale] = value;
          }
          return kept;
        }),
      description: text(CODE_DESCRIPTION_MAX).optional().default(""),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #2563eb"),
      parentId: fileId.nullable().optional().default(null),
    }),
  ),
  sources: z.array(z.object({ id: fileId, csl: z.record(z.string(), z.unknown()) })),
  cases: z.array(caseRecord),
});

type WorkspaceFile = z.output<typeof workspaceFile>;

/** A file that cannot be imported; nothing was written. The messages say what is wrong and where. */
export class WorkspaceImportError extends Error {
  constructor(public problems: string[]) {
    super(problems.join(" "));
  }
}

function describePath(path: ReadonlyArray<PropertyKey>, file: unknown): string {
  if (path.length === 0) return "The file";
  const [section, index, ...rest] = path;
  let where = String(section);
  if (typeof index === "number") {
    const list = (file as Record<string, unknown>)?.[String(section)];
    const item = Array.isArray(list) ? (list[index] as Record<string, unknown> | undefined) : undefined;
    const name =
      typeof item?.title === "string"
        ? ` “${item.title.slice(0, 60)}”`
        : typeof item?.label === "string"
          ? ` “${item.label.slice(0, 60)}”`
          : "";
    const singular = { cases: "Case", codes: "Code", sources: "Source" }[String(section)] ?? String(section);
    where = `${singular} ${index + 1}${name}`;
  } else if (index !== undefined) {
    rest.unshift(index);
  }
  const tail = rest.map((part) => (typeof part === "number" ? String(part + 1) : String(part))).join(" › ");
  return tail ? `${where}, ${tail}` : where;
}

/** Reads the file: JSON, then format and version, then the schema. Throws WorkspaceImportError. */
export function parseWorkspaceFile(textContent: string): WorkspaceFile {
  let raw: unknown;
  try {
    raw = JSON.parse(textContent);
  } catch {
    throw new WorkspaceImportError([msg("exports.import.notJson")]);
  }
  const head = raw as { format?: unknown; version?: unknown } | null;
  if (typeof head !== "object" || head === null || Array.isArray(head) || head.format !== WORKSPACE_FORMAT) {
    throw new WorkspaceImportError([msg("exports.import.notAnExport", { format: WORKSPACE_FORMAT })]);
  }
  if (head.version !== WORKSPACE_FORMAT_VERSION) {
    throw new WorkspaceImportError([
      msg("exports.import.wrongVersion", {
        version: String(JSON.stringify(head.version)),
        expected: WORKSPACE_FORMAT_VERSION,
      }),
    ]);
  }
  const parsed = workspaceFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${describePath(issue.path, raw)}: ${issue.message}.`);
    if (parsed.error.issues.length > 5)
      problems.push(msg("exports.import.moreProblems", { count: parsed.error.issues.length - 5 }));
    throw new WorkspaceImportError(problems);
  }
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------------
// Import: ids, marks and bodies
// ---------------------------------------------------------------------------------------------------------

type MarkJSON = NonNullable<JSONContent["marks"]>[number];

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
  const remapMark = (mark: MarkJSON): MarkJSON | null => {
    if (mark?.type === "tag") {
      const id = codeIds.get(String(mark.attrs?.codeId));
      if (!id) {
        dropped += 1;
        return null;
      }
      return { ...mark, attrs: { ...mark.attrs, codeId: id } };
    }
    if (mark?.type === "citation") {
      const id = sourceIds.get(String(mark.attrs?.sourceId));
      if (!id) {
        dropped += 1;
        return null;
      }
      return { ...mark, attrs: { ...mark.attrs, sourceId: id } };
    }
    return mark;
  };
  const visit = (node: unknown, depth: number): unknown => {
    // The validator refuses deeper documents anyway; stopping here keeps a hostile file from overflowing.
    if (typeof node !== "object" || node === null || Array.isArray(node) || depth > 200) return node;
    const copy: Record<string, unknown> = { ...(node as Record<string, unknown>) };
    if (Array.isArray(copy.marks)) {
      const marks = (copy.marks as MarkJSON[])
        .map(remapMark)
        .filter((mark): mark is MarkJSON => mark !== null);
      if (marks.length > 0) copy.marks = marks;
      else delete copy.marks;
    }
    if (Array.isArray(copy.content)) copy.content = copy.content.map((child) => visit(child, depth + 1));
    return copy;
  };
  return { body: visit(body, 0), dropped };
}

function longDate(value: Date) {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(value);
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

  const problems: string[] = [];
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
        `Source ${index + 1}${typeof source.csl.title === "string" ? ` “${source.csl.title.slice(0, 60)}”` : ""}: ${issue.path.join(" › ") || "item"} ${issue.message}.`,
      );
    }
    return { id, csl: parsed.success ? parsed.data : null };
  });
  if (problems.length) throw new WorkspaceImportError(problems.slice(0, 5));

  let droppedReferences = 0;
  let badBodies = 0;
  // A refused body is reported as where it is, then the validator's first two problems: all catalogue keys,
  // which the import page writes out in the reader's language, one after the other.
  const checkBody = (body: unknown, where: string) => {
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

  const baseName = file.workspace.name.slice(0, MAX_WORKSPACE_NAME - IMPORTED_SUFFIX.length).trim();
  const name = `${baseName}${IMPORTED_SUFFIX}`;
  const counts = { cases: 0, trashed: 0, codes: 0, sources: 0, revisions: 0, threads: 0, comments: 0 };
  const originally = (who: { name?: string; email?: string } | null, at: Date) =>
    `Originally by ${who?.name || who?.email || "a former member"} on ${longDate(at)}`;

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
            ? [entry.note, `${originally(entry.author, entry.createdAt)}.`].filter(Boolean).join(" — ")
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
