// Exports: one case as Markdown or JSON, and the whole workspace as one JSON file built in the background.
//
// Who may export what: every member may export a case they can read, as they read it (trainers get the
// approved version, without drafts or revisions they cannot open). The whole workspace holds every draft
// and the internal review discussion, so only members who both read drafts and are responsible for the
// content, owners and editors, export it. Every export is recorded in the audit log.
//
// better-sqlite3 is synchronous: reading 5,000 cases at once would stop every other request for the time it
// takes. The workspace export therefore reads and writes EXPORT_CHUNK_SIZE cases at a time into a file
// under data/exports/, and lets the event loop serve other requests between chunks. Progress is a row of
// export_jobs, so that any server process (WORKERS, ADR 0017) answers the progress page and hands over the
// file; the process making it beats a heartbeat, and a job whose heartbeat stopped (its process ended) is
// shown as interrupted. The file is for the person who started the export, is removed once they have
// downloaded it, and is removed after a day in any case.
import { createReadStream, existsSync } from "node:fs";
import { type FileHandle, mkdir, open, readdir, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { JSONContent } from "@tiptap/core";
import { and, asc, desc, eq, isNotNull, lt, ne, or, type SQL, sql } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { redactCaseDocument } from "~/editor/redact";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { seesDrafts } from "~/models/case-body.server";
import { caseToMarkdown, type MarkdownWords } from "~/models/case-markdown";
import { getCase } from "~/models/cases.server";
import { listCodes } from "~/models/codes.server";
import { listCaseConditions } from "~/models/conditions.server";
import type { Locale } from "~/models/domain";
import { sortEvents } from "~/models/event-fields";
import { newId } from "~/models/ids.server";
import { formatReferences } from "~/models/sources/references.server";
import { listSources } from "~/models/sources.server";
import {
  type WorkspaceCaseRecord,
  workspaceCaseIds,
  workspaceCaseRecords,
  workspaceExportHeader,
  workspaceExportLibrary,
  workspaceExportRegistry,
} from "~/models/workspace-export.server";
import { workspaceCitationStyle } from "~/models/workspaces.server";
import { fileSlug } from "~/rules/text";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  can,
  findMember,
  forbidden,
  type Member,
  notFound,
  onlyVisibleCases,
  visibleCaseCondition,
} from "~/utils/permissions.server";
import { databasePath } from "../../db/client";
import { caseRevisions, cases, codes, exportJobs, sources, users } from "../../db/schema";

// ---------------------------------------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------------
// One case
// ---------------------------------------------------------------------------------------------------------

export const CASE_EXPORT_FORMATS = {
  md: { extension: "md", contentType: "text/markdown; charset=utf-8", label: "Markdown" },
  json: { extension: "json", contentType: "application/json; charset=utf-8", label: "JSON" },
} as const;
export type CaseExportFormat = keyof typeof CASE_EXPORT_FORMATS;

export function isCaseExportFormat(value: string | null): value is CaseExportFormat {
  return value !== null && Object.hasOwn(CASE_EXPORT_FORMATS, value);
}

/** The revisions this member may open, with their bodies: all of them, or only the approved one. */
function readableRevisions(member: Member, caseId: string, approvedRevision: number | null) {
  const drafts = seesDrafts(member);
  if (!drafts && approvedRevision === null) return [];
  return db
    .select({
      number: caseRevisions.number,
      baseNumber: caseRevisions.baseNumber,
      note: caseRevisions.note,
      fields: caseRevisions.fields,
      body: caseRevisions.body,
      authorName: users.name,
      createdAt: caseRevisions.createdAt,
    })
    .from(caseRevisions)
    .innerJoin(users, eq(users.id, caseRevisions.authorId))
    .where(
      and(
        eq(caseRevisions.caseId, caseId),
        drafts ? undefined : eq(caseRevisions.number, approvedRevision ?? 0),
      ),
    )
    .orderBy(asc(caseRevisions.number))
    .all();
}

/**
 * The case as this member may take it out: the version they read (trainers: the approved one), redacted
 * when they ask or when they may not export sensitive passages (ADR 0008). Every case export starts here.
 */
export function caseForExport(member: Member, caseId: string, options: { redacted?: boolean } = {}) {
  const read = getCase(member, caseId);
  const redacted = options.redacted === true || !can(member, "case.exportUnredacted");
  const caseStudy = redacted ? { ...read, body: redactCaseDocument(read.body as JSONContent).doc } : read;
  // Readers of approved versions read the approved revision, whatever draft is pending since.
  const status = seesDrafts(member) ? caseStudy.status : "approved";
  return { caseStudy, status, redacted };
}

/**
 * A case as a file, as this member reads it (getCase applies the rule that trainers read the approved
 * version only; a case they may not read is a 404). Recorded in the audit log.
 */
export function exportCase(
  member: Member,
  caseId: string,
  format: CaseExportFormat,
  origin?: RequestOrigin,
  /** The Markdown's fixed words in the exporting person's language (getT(request)); English by default. */
  words?: MarkdownWords,
  options: { redacted?: boolean; language?: Locale } = {},
) {
  const { caseStudy, status, redacted } = caseForExport(member, caseId, options);
  const codeList = listCodes(member);
  const sourceList = listSources(member);
  const conditions = listCaseConditions(member, caseId);
  const codeMap = new Map(codeList.map((code) => [code.id, code]));
  const sourceMap = new Map(sourceList.map((source) => [source.id, source.csl]));
  const spec = CASE_EXPORT_FORMATS[format];
  const exportedAt = new Date();

  let body: string;
  if (format === "md") {
    const cited = deriveCaseRows(caseStudy.body as JSONContent).citations.map(
      (citation) => citation.sourceId,
    );
    const references = formatReferences(
      sourceList.filter((source) => cited.includes(source.id)),
      { style: workspaceCitationStyle(member), language: options.language ?? "en" },
    );
    body = caseToMarkdown(
      { ...caseStudy, status, revision: caseStudy.shownRevision },
      {
        codes: codeMap,
        sources: sourceMap,
        conditions: conditions.map((condition) => ({
          label: condition.code.label,
          kind: condition.code.kind,
          value: condition.value,
          note: condition.note,
        })),
        workspaceName: member.workspaceName,
        exportedAt,
        words,
        references,
      },
    );
  } else {
    const rows = deriveCaseRows(caseStudy.body as JSONContent);
    const stated = conditions.filter((condition) => condition.value !== "unknown" || condition.note !== "");
    const usedCodeIds = new Set([
      ...rows.passages.map((passage) => passage.codeId),
      ...stated.map((condition) => condition.code.id),
      ...caseStudy.events.flatMap((event) => event.codeIds),
    ]);
    const citedSourceIds = new Set([
      ...rows.citations.map((citation) => citation.sourceId),
      ...caseStudy.events.flatMap((event) => event.citations.map((citation) => citation.sourceId)),
    ]);
    const record = {
      format: "mediation-casebook/case",
      version: 1,
      exportedAt: exportedAt.toISOString(),
      workspace: { id: member.workspaceId, name: member.workspaceName },
      case: {
        id: caseStudy.id,
        title: caseStudy.title,
        regions: caseStudy.regions,
        periodStart: caseStudy.periodStart,
        periodStartCirca: caseStudy.periodStartCirca,
        periodEnd: caseStudy.periodEnd,
        periodEndCirca: caseStudy.periodEndCirca,
        actors: caseStudy.actors,
        mediators: caseStudy.mediators,
        summary: caseStudy.summary,
        dialogueType: caseStudy.dialogueType,
        // The events of the version exported (the approved one for trainers), in time order.
        events: sortEvents(caseStudy.events),
        status,
        revision: caseStudy.shownRevision,
        approvedRevision: caseStudy.approvedRevision,
        createdAt: caseStudy.createdAt,
        updatedAt: caseStudy.updatedAt,
        createdByName: caseStudy.createdByName,
        body: caseStudy.body,
      },
      passages: rows.passages.map((passage) => ({
        codeId: passage.codeId,
        code: codeMap.get(passage.codeId)?.label ?? null,
        text: passage.text,
        section: passage.section,
      })),
      citations: rows.citations.map((citation) => ({
        sourceId: citation.sourceId,
        locator: citation.locator,
        text: citation.text,
        section: citation.section,
      })),
      // Codes not listed are unknown for this case: absence is only ever stated by a person.
      conditions: stated.map((condition) => ({
        codeId: condition.code.id,
        code: condition.code.label,
        kind: condition.code.kind,
        value: condition.value,
        note: condition.note,
        setBy: condition.setByName,
        setAt: condition.setAt,
      })),
      codes: codeList.filter((code) => usedCodeIds.has(code.id)),
      sources: sourceList.filter((source) => citedSourceIds.has(source.id)).map((source) => source.csl),
      revisions: readableRevisions(member, caseId, caseStudy.approvedRevision).map((revision) =>
        redacted ? { ...revision, body: redactCaseDocument(revision.body as JSONContent).doc } : revision,
      ),
      redacted,
    };
    body = `${JSON.stringify(record, null, 2)}\n`;
  }
  recordAudit({
    action: "case.exported",
    workspaceId: member.workspaceId,
    userId: member.userId,
    detail: { caseId, format, revision: caseStudy.shownRevision, redacted },
    origin,
  });
  const slug = fileSlug(caseStudy.title, "case");
  return {
    body,
    contentType: spec.contentType,
    filename: `${slug}.${spec.extension}`,
    fullFilename: `${caseStudy.title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ").trim() || "case"}.${spec.extension}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The whole workspace, in the background
// ---------------------------------------------------------------------------------------------------------

export const EXPORT_CHUNK_SIZE = 20;
const EXPORT_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** The process making an export says it is alive at least this often… */
const HEARTBEAT_MS = 10_000;
/** …and a running export not heard of for this long was interrupted (its process ended). */
export const EXPORT_STALE_MS = 60_000;

type ExportJob = typeof exportJobs.$inferSelect;

export type ExportJobView = {
  id: string;
  status: "running" | "done" | "failed";
  done: number;
  total: number;
  filename: string;
  bytes: number;
  error: Message | null;
  startedAt: number;
  finishedAt: number | null;
};

/** Exports this process is making, settling when they end (tests and scripts wait on them). */
const running = new Map<string, Promise<void>>();

export function exportsDirectory() {
  return join(dirname(databasePath()), "exports");
}

const interrupted = (job: ExportJob, now = Date.now()) =>
  job.status === "running" && now - job.heartbeatAt.getTime() > EXPORT_STALE_MS;

function view(job: ExportJob): ExportJobView {
  const stale = interrupted(job);
  return {
    id: job.id,
    status: stale ? "failed" : job.status,
    done: job.done,
    total: job.total,
    filename: job.filename,
    bytes: job.bytes,
    error: stale ? msg("exports.workspace.interrupted") : ((job.error as Message | null) ?? null),
    startedAt: job.startedAt.getTime(),
    finishedAt: job.finishedAt?.getTime() ?? (stale ? job.heartbeatAt.getTime() : null),
  };
}

/** Owners and editors: they read drafts and answer for the workspace's content. */
export function canExportWorkspace(member: Pick<Member, "role">) {
  return can(member, "workspace.export");
}

export function requireWorkspaceExport(member: Member) {
  if (!canExportWorkspace(member)) throw forbidden(msg("exports.workspace.forbidden"));
}

function removeJob(job: Pick<ExportJob, "id" | "file">) {
  db.delete(exportJobs).where(eq(exportJobs.id, job.id)).run();
  void rm(job.file, { force: true });
}

function updateJob(id: string, values: Partial<ExportJob>) {
  db.update(exportJobs).set(values).where(eq(exportJobs.id, id)).run();
}

/**
 * Jobs and files older than a day go, and so do interrupted jobs (their file was never finished) and files
 * no job knows (left by a crash).
 */
async function cleanUpOldExports() {
  const now = Date.now();
  const old = db
    .select()
    .from(exportJobs)
    .where(
      or(
        and(ne(exportJobs.status, "running"), lt(exportJobs.startedAt, new Date(now - EXPORT_LIFETIME_MS))),
        and(eq(exportJobs.status, "running"), lt(exportJobs.heartbeatAt, new Date(now - EXPORT_STALE_MS))),
      ),
    )
    .all();
  for (const job of old) removeJob(job);
  const dir = exportsDirectory();
  const names = await readdir(dir).catch(() => [] as string[]);
  const inUse = new Set(
    db
      .select({ file: exportJobs.file })
      .from(exportJobs)
      .all()
      .map((job) => job.file),
  );
  for (const name of names) {
    const path = join(dir, name);
    if (inUse.has(path)) continue;
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > EXPORT_LIFETIME_MS) await rm(path, { force: true });
  }
}

const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

function jsonLines(items: readonly unknown[], indent: string) {
  return items.length
    ? `[\n${items.map((item) => `${indent}  ${JSON.stringify(item)}`).join(",\n")}\n${indent}]`
    : "[]";
}

async function runExport(job: ExportJob, origin: RequestOrigin | undefined) {
  let handle: FileHandle | undefined;
  const heartbeat = setInterval(() => updateJob(job.id, { heartbeatAt: new Date() }), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    await mkdir(exportsDirectory(), { recursive: true });
    await cleanUpOldExports();
    handle = await open(job.file, "wx");
    const me = db
      .select({ name: users.name, email: users.email })
      .from(users)
      .where(eq(users.id, job.userId))
      .get();
    const header = JSON.stringify(
      workspaceExportHeader(job.workspaceId, me ?? { name: "", email: "" }),
      null,
      2,
    );
    // The header object without its closing brace, then the cases one per line.
    await handle.write(`${header.slice(0, header.lastIndexOf("}")).trimEnd()},\n  "cases": [`);
    const starter = findMember(job.userId, job.workspaceId);
    if (!starter || !canExportWorkspace(starter)) throw new Error("your role in this workspace changed");
    // Confidential cases the exporter may not see are not in their file (ADR 0008).
    const ids = onlyVisibleCases(starter, workspaceCaseIds(job.workspaceId), (id) => id);
    updateJob(job.id, { total: ids.length, heartbeatAt: new Date() });
    let written = 0;
    for (let start = 0; start < ids.length; start += EXPORT_CHUNK_SIZE) {
      // Someone removed from the workspace (or made a reviewer) mid-export gets no file.
      const member = findMember(job.userId, job.workspaceId);
      if (!member || !canExportWorkspace(member)) throw new Error("your role in this workspace changed");
      const chunk = onlyVisibleCases(member, ids.slice(start, start + EXPORT_CHUNK_SIZE), (id) => id);
      const records = workspaceCaseRecords(job.workspaceId, chunk).map((record) =>
        job.redacted ? redactCaseRecord(record) : record,
      );
      if (records.length) {
        await handle.write(
          `${written ? "," : ""}\n${records.map((record) => `    ${JSON.stringify(record)}`).join(",\n")}`,
        );
      }
      written += records.length;
      updateJob(job.id, { done: Math.min(ids.length, start + EXPORT_CHUNK_SIZE), heartbeatAt: new Date() });
      await yieldToOtherRequests();
    }
    const library = workspaceExportLibrary(job.workspaceId);
    const finisher = findMember(job.userId, job.workspaceId);
    if (!finisher || !canExportWorkspace(finisher)) throw new Error("your role in this workspace changed");
    const exported = new Set(onlyVisibleCases(finisher, ids, (id) => id));
    // An example passage quotes a case: only one the file holds, and never in a redacted copy.
    const codeRows = library.codes.map((code) => ({
      ...code,
      example: code.example && !job.redacted && exported.has(code.example.caseId) ? code.example : null,
    }));
    const registry = workspaceExportRegistry(finisher, [...exported]);
    const counts = { cases: written, codes: library.codes.length, sources: library.sources.length };
    await handle.write(
      `${written ? "\n  " : ""}],\n  "codes": ${jsonLines(codeRows, "  ")},\n  "sources": ${jsonLines(library.sources, "  ")},\n  "actors": ${jsonLines(registry.actors, "  ")},\n  "links": ${jsonLines(registry.links, "  ")},\n  "counts": ${JSON.stringify(counts)}\n}\n`,
    );
    await handle.close();
    const bytes = (await stat(job.file)).size;
    updateJob(job.id, { status: "done", bytes, finishedAt: new Date(), heartbeatAt: new Date() });
    recordAudit({
      action: "workspace.exported",
      workspaceId: job.workspaceId,
      userId: job.userId,
      detail: { ...counts, bytes, redacted: job.redacted },
      origin,
    });
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(job.file, { force: true });
    updateJob(job.id, {
      status: "failed",
      finishedAt: new Date(),
      error:
        error instanceof Error
          ? msg("exports.workspace.failed", { reason: error.message })
          : msg("exports.workspace.failedUnknown"),
    });
    console.error("Workspace export failed", error);
  } finally {
    clearInterval(heartbeat);
  }
}

/**
 * Starts building the workspace file and returns at once; progress is read with getExportJob. A second
 * start while this member's export of this workspace is running returns that export.
 */
/**
 * A case record of the workspace file with its sensitive passages replaced by "[redacted]", in the body
 * and in every revision. Comment threads are left out: they quote the passages they are about.
 */
export function redactCaseRecord(record: WorkspaceCaseRecord): WorkspaceCaseRecord {
  return {
    ...record,
    body: redactCaseDocument(record.body as JSONContent).doc,
    revisions: record.revisions.map((revision) => ({
      ...revision,
      body: redactCaseDocument(revision.body as JSONContent).doc,
    })),
    threads: [],
  };
}

export function startWorkspaceExport(
  member: Member,
  origin?: RequestOrigin,
  options: { redacted?: boolean } = {},
): ExportJobView {
  requireWorkspaceExport(member);
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  // Known at once, so the first look at the page already says "0 of 5,000".
  const total = workspaceExportSummary(member).cases;
  // In one transaction: two clicks answered by two processes still start one export.
  const started = db.transaction((tx) => {
    const mine = tx
      .select()
      .from(exportJobs)
      .where(and(eq(exportJobs.userId, member.userId), eq(exportJobs.workspaceId, member.workspaceId)))
      .all();
    const going = mine.find((job) => job.status === "running" && !interrupted(job, now.getTime()));
    if (going) return { job: going, replaced: [] as ExportJob[], fresh: false };
    // A new export replaces this member's earlier file of this workspace.
    for (const job of mine) tx.delete(exportJobs).where(eq(exportJobs.id, job.id)).run();
    const id = newId();
    const job: ExportJob = {
      id,
      workspaceId: member.workspaceId,
      userId: member.userId,
      status: "running",
      done: 0,
      total,
      file: join(exportsDirectory(), `${id}.json`),
      filename: `workspace-${fileSlug(member.workspaceName, "export")}-${day}${options.redacted ? "-redacted" : ""}.json`,
      bytes: 0,
      error: null,
      redacted: options.redacted === true,
      startedAt: now,
      finishedAt: null,
      heartbeatAt: now,
    };
    tx.insert(exportJobs).values(job).run();
    return { job, replaced: mine, fresh: true };
  });
  for (const job of started.replaced) void rm(job.file, { force: true });
  if (started.fresh) {
    const finished = runExport(started.job, origin).finally(() => running.delete(started.job.id));
    running.set(started.job.id, finished);
  }
  return view(started.job);
}

function ownJob(member: Member, jobId: string) {
  // Someone else's export, or one of another workspace, is as good as absent.
  return (
    db
      .select()
      .from(exportJobs)
      .where(
        and(
          eq(exportJobs.id, jobId),
          eq(exportJobs.userId, member.userId),
          eq(exportJobs.workspaceId, member.workspaceId),
        ),
      )
      .get() ?? null
  );
}

/** This member's export, or null when it is gone (downloaded, older than a day, or not theirs). */
export function getExportJob(member: Member, jobId: string): ExportJobView | null {
  requireWorkspaceExport(member);
  const job = ownJob(member, jobId);
  return job ? view(job) : null;
}

/** The member's most recent export of this workspace still on the server, if any. */
export function latestExportJob(member: Member): ExportJobView | null {
  if (!canExportWorkspace(member)) return null;
  const latest = db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.userId, member.userId), eq(exportJobs.workspaceId, member.workspaceId)))
    .orderBy(desc(exportJobs.startedAt))
    .limit(1)
    .get();
  return latest ? view(latest) : null;
}

/** What the file would hold, for the export page. */
export function workspaceExportSummary(member: Member) {
  const count = (table: typeof cases | typeof codes | typeof sources, where?: SQL) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(table)
      .where(and(eq(table.workspaceId, member.workspaceId), where))
      .get()?.n ?? 0;
  return {
    cases: count(cases, visibleCaseCondition(member, cases.id)),
    trashed: count(cases, and(isNotNull(cases.deletedAt), visibleCaseCondition(member, cases.id))),
    codes: count(codes),
    sources: count(sources),
  };
}

/** Waits for a job this process is making to settle; for tests and scripts. */
export async function waitForExport(jobId: string) {
  await running.get(jobId);
}

/**
 * The finished file, for the member who started the export. Once it has been read to the end it is
 * removed from the server.
 */
export function openWorkspaceExport(member: Member, jobId: string) {
  requireWorkspaceExport(member);
  const job = ownJob(member, jobId);
  if (!job || job.status === "failed" || interrupted(job) || (job.status === "done" && !existsSync(job.file)))
    throw notFound(msg("exports.workspace.gone"));
  if (job.status === "running") throw notFound(msg("exports.workspace.notFinished"));
  const stream = createReadStream(job.file);
  stream.on("end", () => removeJob(job));
  return { stream, filename: job.filename, bytes: job.bytes };
}
