import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import type { Locale } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { fromBibTeX, toBibTeX } from "~/models/sources/bibtex";
import {
  type CslImportResult,
  type CslItem,
  type CslSkipped,
  cslItemSchema,
  issuedYear,
  MAX_IMPORT_ITEMS,
} from "~/models/sources/csl-item";
import { exportCslJson, importCslJson } from "~/models/sources/csl-json";
import { formatReference, formatReferences } from "~/models/sources/references.server";
import { fromRis, toRis } from "~/models/sources/ris";
import { workspaceCitationStyle } from "~/models/workspaces.server";
import { fileSlug, fold } from "~/rules/text";
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
import { Refusal } from "~/utils/refusal";
import { cases, citations, sources, users } from "../../db/schema";

export type SourceSummary = { id: string; title: string; csl: CslItem };

export function listSources(member: Member): SourceSummary[] {
  requirePermission(member, "workspace.read");
  return db
    .select({ id: sources.id, title: sources.title, csl: sources.csl })
    .from(sources)
    .where(eq(sources.workspaceId, member.workspaceId))
    .orderBy(asc(sources.title))
    .all() as SourceSummary[];
}

/** Creates a source from a CSL-JSON item (its id is replaced by ours). Throws a ZodError on bad input. */
export function createSource(member: Member, input: Record<string, unknown>): { id: string } {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "source.edit");
    return { id: insertSource(tx, member, input) };
  });
}

function insertSource(tx: Executor, member: Member, input: Record<string, unknown>): string {
  const id = newId();
  const csl = cslItemSchema.parse({ ...input, id });
  tx.insert(sources)
    .values({
      id,
      workspaceId: member.workspaceId,
      csl,
      title: csl.title,
      createdBy: member.userId,
      updatedAt: new Date(),
    })
    .run();
  return id;
}

/** Ids among `ids` that are NOT sources of this workspace. */
export function foreignSourceIds(executor: Executor, workspaceId: string, ids: string[]): string[] {
  if (ids.length === 0) return [];
  const found = new Set(
    executor
      .select({ id: sources.id })
      .from(sources)
      .where(and(eq(sources.workspaceId, workspaceId), inArray(sources.id, ids)))
      .all()
      .map((row) => row.id),
  );
  return ids.filter((id) => !found.has(id));
}

// ---------------------------------------------------------------------------------------------------------
// Library: list and search
// ---------------------------------------------------------------------------------------------------------

/** What the library list shows of a source: small, because people read it on slow connections. */
export type LibraryEntry = {
  id: string;
  title: string;
  reference: string;
  type: CslItem["type"];
  restricted: boolean;
  citingCases: number;
};

function searchableText(item: CslItem): string {
  const names = (item.author ?? []).map((name) =>
    "literal" in name ? name.literal : [name.given, name.family].filter(Boolean).join(" "),
  );
  const year = issuedYear(item);
  return fold(
    [
      item.title,
      ...names,
      item["container-title"],
      item.publisher,
      item.DOI,
      year !== undefined ? String(year) : undefined,
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

/**
 * The workspace's sources, each with its formatted reference and how many cases (not in the trash) cite it.
 * `total` counts the whole library. `q` keeps those whose title, authors, container, publisher, DOI or year hold every word of it, ignoring
 * case and accents. Filtering happens here rather than in SQL because SQLite's LIKE folds ASCII only and the
 * stored JSON would also match its own key names.
 */
export function searchSources(
  member: Member,
  options: { q?: string; language?: Locale } = {},
): { total: number; sources: LibraryEntry[] } {
  requirePermission(member, "workspace.read");
  const counts = new Map(
    db
      .select({ sourceId: citations.sourceId, cases: sql<number>`count(distinct ${citations.caseId})` })
      .from(citations)
      .innerJoin(cases, eq(cases.id, citations.caseId))
      .where(
        and(
          eq(cases.workspaceId, member.workspaceId),
          isNull(cases.deletedAt),
          visibleCaseCondition(member, cases.id),
        ),
      )
      .groupBy(citations.sourceId)
      .all()
      .map((row) => [row.sourceId, row.cases]),
  );
  const rows = db
    .select({ id: sources.id, title: sources.title, csl: sources.csl })
    .from(sources)
    .where(eq(sources.workspaceId, member.workspaceId))
    .orderBy(sql`${sources.title} collate nocase`)
    .all()
    .map((row) => ({ ...(row as SourceSummary), citingCases: counts.get(row.id) ?? 0 }));
  const words = fold(options.q ?? "")
    .split(/\s+/)
    .filter(Boolean);
  const matching =
    words.length === 0
      ? rows
      : rows.filter((row) => {
          const haystack = searchableText(row.csl);
          return words.every((word) => haystack.includes(word));
        });
  const references = formatReferences(matching, {
    style: workspaceCitationStyle(member),
    language: options.language ?? "en",
  });
  return {
    total: rows.length,
    sources: matching.map((row) => ({
      id: row.id,
      title: row.title,
      reference: references.get(row.id) ?? row.title,
      type: row.csl.type,
      restricted: row.csl.custom?.confidentiality === "restricted",
      citingCases: row.citingCases,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// One source
// ---------------------------------------------------------------------------------------------------------

function findSource(executor: Executor, workspaceId: string, sourceId: string) {
  return executor
    .select()
    .from(sources)
    .where(and(eq(sources.id, sourceId), eq(sources.workspaceId, workspaceId)))
    .get();
}

export type CitingCase = { caseId: string; title: string; locators: string[]; citations: number };

/** Cases of the workspace that cite the source, each with its locators in document order. */
/** `{ all: true }`: every citing case, confidential ones included (the delete check must count them all). */
function citingCasesOf(
  executor: Executor,
  member: Member | { workspaceId: string; all: true },
  sourceId: string,
  trashed: boolean,
) {
  const rows = executor
    .select({ caseId: cases.id, title: cases.title, locator: citations.locator })
    .from(citations)
    .innerJoin(cases, eq(cases.id, citations.caseId))
    .where(
      and(
        eq(citations.sourceId, sourceId),
        eq(cases.workspaceId, member.workspaceId),
        trashed ? sql`${cases.deletedAt} is not null` : isNull(cases.deletedAt),
        "all" in member ? undefined : visibleCaseCondition(member, cases.id),
      ),
    )
    .orderBy(sql`${cases.title} collate nocase`, asc(cases.id), asc(citations.position))
    .all();
  const byCase = new Map<string, CitingCase>();
  for (const row of rows) {
    let entry = byCase.get(row.caseId);
    if (!entry) {
      entry = { caseId: row.caseId, title: row.title, locators: [], citations: 0 };
      byCase.set(row.caseId, entry);
    }
    entry.citations += 1;
    const locator = row.locator.trim();
    if (locator !== "" && !entry.locators.includes(locator)) entry.locators.push(locator);
  }
  return [...byCase.values()];
}

/** A source of another workspace, or an unknown id, is a 404. */
export function getSource(member: Member, sourceId: string, language: Locale = "en") {
  requirePermission(member, "workspace.read");
  const found = findSource(db, member.workspaceId, sourceId);
  if (!found) throw notFound(msg("sources.errors.notFound"));
  const csl = found.csl as CslItem;
  const creator = db.select({ name: users.name }).from(users).where(eq(users.id, found.createdBy)).get();
  return {
    id: found.id,
    csl,
    reference: formatReference(csl, { style: workspaceCitationStyle(member), language }),
    createdAt: found.createdAt,
    updatedAt: found.updatedAt,
    createdByName: creator?.name ?? "",
    citedIn: citingCasesOf(db, member, found.id, false),
    citedInTrash: citingCasesOf(db, member, found.id, true).length,
  };
}

/** Replaces a source's fields with `input` (a CSL item without id). Throws a ZodError on bad input. */
export function updateSource(
  member: Member,
  sourceId: string,
  input: Record<string, unknown>,
  origin?: RequestOrigin,
) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "source.edit");
    const current = findSource(tx, member.workspaceId, sourceId);
    if (!current) throw notFound(msg("sources.errors.notFound"));
    const csl = cslItemSchema.parse({ ...input, id: sourceId });
    tx.update(sources)
      .set({ csl, title: csl.title, updatedAt: new Date() })
      .where(eq(sources.id, sourceId))
      .run();
    recordAudit(
      {
        action: "source.updated",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { sourceId, title: csl.title },
        origin,
      },
      tx,
    );
  });
}

/** The source is cited by cases: deleting it would leave citations pointing nowhere (409). */
export class SourceInUseError extends Refusal {
  constructor(
    public cases: number,
    public trashedCases: number,
  ) {
    const count = cases + trashedCases;
    super(
      409,
      trashedCases === 0
        ? msg("sources.errors.inUse", { count })
        : cases === 0
          ? msg("sources.errors.inUseTrash", { count })
          : msg("sources.errors.inUseSomeTrash", { count, trashed: trashedCases }),
    );
  }
}

/**
 * Deletes a source no case cites, trashed cases included (they can be restored with their citations).
 * Without `confirmed` it only checks: the page asks the person to confirm before anything is deleted.
 */
export function deleteSource(
  member: Member,
  sourceId: string,
  options: { confirmed: boolean; origin?: RequestOrigin },
): { deleted: boolean; title: string } {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "source.edit");
    const current = findSource(tx, member.workspaceId, sourceId);
    if (!current) throw notFound(msg("sources.errors.notFound"));
    const active = citingCasesOf(tx, { workspaceId: member.workspaceId, all: true }, sourceId, false).length;
    const trashed = citingCasesOf(tx, { workspaceId: member.workspaceId, all: true }, sourceId, true).length;
    if (active + trashed > 0) throw new SourceInUseError(active, trashed);
    if (!options.confirmed) return { deleted: false, title: current.title };
    tx.delete(sources).where(eq(sources.id, sourceId)).run();
    recordAudit(
      {
        action: "source.deleted",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { sourceId, title: current.title },
        origin: options.origin,
      },
      tx,
    );
    return { deleted: true, title: current.title };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Import and export
// ---------------------------------------------------------------------------------------------------------

export type ImportReport = {
  imported: Array<{ id: string; title: string }>;
  skipped: CslSkipped[];
  /** The file as a whole could not be read (not JSON, empty, …): nothing was imported. */
  fileError?: string;
};

/** Same DOI, or same title and year: the import would only add a second copy. */
function duplicateKeys(item: CslItem): string[] {
  const keys = [`t:${fold(item.title).replace(/\s+/g, " ").trim()}|${issuedYear(item) ?? ""}`];
  if (item.DOI) keys.push(`d:${item.DOI.toLowerCase()}`);
  return keys;
}

/** Positions in the file of the accepted items: the ones not skipped, in order. */
function acceptedPositions(accepted: number, skipped: CslSkipped[]): number[] {
  const skippedAt = new Set(skipped.filter((entry) => entry.index < MAX_IMPORT_ITEMS).map((e) => e.index));
  const positions: number[] = [];
  for (let index = 0; positions.length < accepted; index++) if (!skippedAt.has(index)) positions.push(index);
  return positions;
}

export const IMPORT_FORMATS = ["json", "bib", "ris"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format of an uploaded library: by its name's extension, else by how it starts. */
export function sourcesFileFormat(text: string, filename = ""): ImportFormat {
  const extension = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase() ?? "";
  if (["bib", "bibtex", "biblatex"].includes(extension)) return "bib";
  if (["ris", "txt"].includes(extension) && /^\s*TY {2}- /m.test(text)) return "ris";
  if (["json", "csljson"].includes(extension)) return "json";
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("[") || start.startsWith("{")) return "json";
  if (/^TY {2}- /m.test(start.slice(0, 2000))) return "ris";
  if (/^(?:%[^\n]*\n|\s)*@\s*[A-Za-z]+\s*[{(]/.test(start)) return "bib";
  return "json";
}

const READERS: Record<ImportFormat, (text: string) => CslImportResult> = {
  json: importCslJson,
  bib: fromBibTeX,
  ris: fromRis,
};

/**
 * Imports a CSL-JSON, BibTeX or RIS file's text. Every valid item is stored in one transaction (all or
 * nothing); items the file gets wrong, and items already in the library, are reported in `skipped` with
 * the reason.
 */
export function importSources(
  member: Member,
  text: string,
  origin?: RequestOrigin,
  format: ImportFormat = sourcesFileFormat(text),
): ImportReport {
  requirePermission(member, "source.edit");
  const parsed = READERS[format](text);
  const fileProblem = parsed.skipped.find((entry) => entry.index === -1);
  if (fileProblem) return { imported: [], skipped: [], fileError: fileProblem.reason };
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "source.edit");
    const known = new Map<string, string>();
    const existing = tx
      .select({ csl: sources.csl })
      .from(sources)
      .where(eq(sources.workspaceId, member.workspaceId))
      .all();
    for (const row of existing) {
      const item = row.csl as CslItem;
      for (const key of duplicateKeys(item)) known.set(key, item.title);
    }
    const imported: ImportReport["imported"] = [];
    const skipped = [...parsed.skipped];
    const positions = acceptedPositions(parsed.items.length, parsed.skipped);
    parsed.items.forEach((item, n) => {
      const keys = duplicateKeys(item);
      const twin = keys.map((key) => known.get(key)).find((title) => title !== undefined);
      if (twin !== undefined) {
        const index = positions[n];
        skipped.push({
          index,
          id: item.id,
          title: item.title,
          reason:
            twin === item.title
              ? msg("sources.importReasons.alreadyInLibrary", { n: index + 1, title: item.title })
              : msg("sources.importReasons.alreadyInLibraryAs", { n: index + 1, title: item.title, twin }),
        });
        return;
      }
      const { id: _fileId, ...fields } = item;
      const id = insertSource(tx, member, fields);
      for (const key of keys) known.set(key, item.title);
      imported.push({ id, title: item.title });
    });
    skipped.sort((a, b) => a.index - b.index);
    recordAudit(
      {
        action: "sources.imported",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { imported: imported.length, skipped: skipped.length, format },
        origin,
      },
      tx,
    );
    return { imported, skipped };
  });
}

export const EXPORT_FORMATS = {
  json: { extension: "json", contentType: "application/json; charset=utf-8", label: "CSL-JSON" },
  bib: { extension: "bib", contentType: "application/x-bibtex; charset=utf-8", label: "BibTeX" },
  ris: { extension: "ris", contentType: "application/x-research-info-systems; charset=utf-8", label: "RIS" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/**
 * The whole library as a file. Every member may export (trainers prepare reading lists); each export is
 * recorded in the audit log, because the library may hold restricted sources.
 */
export function exportSources(member: Member, format: ExportFormat, origin?: RequestOrigin) {
  requirePermission(member, "workspace.read");
  const items = listSources(member).map((source) => source.csl);
  const spec = EXPORT_FORMATS[format];
  const body = format === "json" ? exportCslJson(items) : format === "bib" ? toBibTeX(items) : toRis(items);
  recordAudit({
    action: "sources.exported",
    workspaceId: member.workspaceId,
    userId: member.userId,
    detail: { format, count: items.length },
    origin,
  });
  return {
    body,
    contentType: spec.contentType,
    filename: `sources-${fileSlug(member.workspaceName, member.workspaceId)}.${spec.extension}`,
    count: items.length,
  };
}
