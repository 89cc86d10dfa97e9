// The cases × codes matrix: what each case states for each code (case_conditions; a missing row is
// unknown), the tagged passages that back it, and the QCA figures for a chosen outcome (app/models/qca.ts).
// Rows come either from the library filters or from a saved comparison set; both go through
// `visibleCases`, so a trainer never sees a draft-only case or a draft's text here either.
import type { JSONContent } from "@tiptap/core";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { approvedVersions, seesDrafts } from "~/models/case-body.server";
import type { Code } from "~/models/codes.server";
import { CSV_CONTENT_TYPE } from "~/models/csv";
import { cachedCodes, cachedDerived, maintainedDerived } from "~/models/derived-cache.server";
import type { CaseStatus, ConditionValue } from "~/models/domain";
import { libraryCases, searchLibrary } from "~/models/library.server";
import {
  type ConditionMeasures,
  matrixCsv,
  matrixMarkdown,
  measureConditions,
  type QcaCase,
  type TruthTable,
  truthTable,
} from "~/models/qca";
import type { MatrixOptions, MatrixQuery } from "~/queries/matrix";
import { RECORD_ID_PATTERN } from "~/rules/ids";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  type LocalizedMember,
  type Member,
  notFound,
  requirePermission,
  visibleCaseCondition,
} from "~/utils/permissions.server";
import { caseConditions, cases, passages, users } from "../../db/schema";

export type MatrixCase = { id: string; title: string; regions: string[]; status: CaseStatus };

/**
 * The cases among `caseIds` this member may read now (in the workspace, not in the trash, and for
 * readers of approved versions only, approved at least once), in the given order, with the title they
 * read. `missing` counts the others without saying which.
 */
export function visibleCases(member: Member, caseIds: readonly string[]) {
  requirePermission(member, "case.read");
  const wanted = [...new Set(caseIds)];
  if (wanted.length === 0) return { cases: [] as MatrixCase[], missing: 0, rows: [] };
  const rows = db
    .select({
      id: cases.id,
      title: cases.title,
      regions: cases.regions,
      status: cases.status,
      revision: cases.revision,
      approvedRevision: cases.approvedRevision,
    })
    .from(cases)
    .where(
      and(
        eq(cases.workspaceId, member.workspaceId),
        isNull(cases.deletedAt),
        inArray(cases.id, wanted),
        visibleCaseCondition(member, cases.id),
      ),
    )
    .all()
    .filter((row) => seesDrafts(member) || row.approvedRevision !== null);
  const approved = approvedVersions(member, rows);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const shown: MatrixCase[] = [];
  for (const id of wanted) {
    const row = byId.get(id);
    if (!row) continue;
    const fields = approved.get(id)?.fields;
    shown.push({
      id,
      title: typeof fields?.title === "string" ? fields.title : row.title,
      regions: Array.isArray(fields?.regions) ? (fields.regions as string[]) : row.regions,
      status: row.status,
    });
  }
  return { cases: shown, missing: wanted.length - shown.length, rows };
}

export type MatrixCell = {
  value: ConditionValue;
  note: string;
  setByName: string | null;
  setAt: Date | null;
  passages: Array<{ text: string; section: string }>;
  /** Evidence and statement disagree or the statement is missing: worth a look before trusting a figure. */
  flag: "tagged-absent" | "tagged-unknown" | null;
};

/** What the grid shows of a cell; the evidence itself is read when the cell is opened (`matrixCell`). */
export type MatrixCellSummary = Pick<MatrixCell, "value" | "flag"> & { passageCount: number };

export type Matrix = {
  /** The rows shown: every case, or one page of them when the page asks for pages. */
  cases: MatrixCase[];
  /** Every case the matrix is over (what the figures count), whatever page is shown. */
  caseCount: number;
  rowPage: number;
  rowPageCount: number;
  /** Position of the first row shown among all of them, from 1. */
  firstRow: number;
  /** Every code of the codebook (for the pickers), preconditions first. */
  codes: Code[];
  columns: Code[];
  cells: Record<string, Record<string, MatrixCell>>;
  outcome: Code | null;
  /** The preconditions among the columns: what the measures and the truth table are about. */
  preconditions: Code[];
  selectedPreIds: string[];
  measures: ConditionMeasures[] | null;
  /** On a page of rows, each truth-table row and the left-out list name at most TRUTH_TABLE_LIST_LIMIT cases. */
  truthTable: TruthTable | null;
  /** Cases the truth table leaves out for an unknown value (the list above may name fewer). */
  leftOutCount: number;
  /** The most cases any figure rests on: below LOW_N the whole section is description, not evidence. */
  largestN: number;
  problems: Message[];
};

const UNKNOWN: MatrixCell = {
  value: "unknown",
  note: "",
  setByName: null,
  setAt: null,
  passages: [],
  flag: null,
};

type VisibleCases = {
  cases: MatrixCase[];
  missing: number;
  rows: Array<{ id: string; revision: number; approvedRevision: number | null }>;
};

/** The stated values of these cases (every case of the workspace when `caseIds` is null). */
function readStatedValues(workspaceId: string, caseIds: readonly string[] | null) {
  const values = new Map<string, Map<string, ConditionValue>>();
  for (const row of db
    .select({ caseId: caseConditions.caseId, codeId: caseConditions.codeId, value: caseConditions.value })
    .from(caseConditions)
    .innerJoin(cases, eq(cases.id, caseConditions.caseId))
    .where(
      and(
        eq(cases.workspaceId, workspaceId),
        caseIds ? inArray(caseConditions.caseId, [...caseIds]) : undefined,
      ),
    )
    .all()) {
    let byCode = values.get(row.caseId);
    if (!byCode) {
      byCode = new Map();
      values.set(row.caseId, byCode);
    }
    byCode.set(row.codeId, row.value);
  }
  return values;
}

/**
 * The stated value of every code for every case of the workspace (a missing pair is unknown): what the
 * figures count. Kept, and patched for the cases written after a write (maintainedDerived); shared between
 * requests: read-only.
 */
function statedValues(workspaceId: string): ReadonlyMap<string, ReadonlyMap<string, ConditionValue>> {
  return maintainedDerived(
    `matrix-values:${workspaceId}`,
    workspaceId,
    () => readStatedValues(workspaceId, null),
    (old, caseIds) => {
      const values = new Map(old);
      for (const caseId of caseIds) values.delete(caseId);
      for (const [caseId, byCode] of readStatedValues(workspaceId, caseIds)) values.set(caseId, byCode);
      return values;
    },
  );
}

/** The cells of the rows shown: statement, who set it, and the tagged passages behind it. */
function readCells(member: Member, visible: VisibleCases, shown: MatrixCase[]) {
  const caseIds = shown.map((c) => c.id);
  const cells = new Map<string, Map<string, MatrixCell>>();
  const cell = (caseId: string, codeId: string) => {
    let row = cells.get(caseId);
    if (!row) {
      row = new Map();
      cells.set(caseId, row);
    }
    let found = row.get(codeId);
    if (!found) {
      found = { ...UNKNOWN, passages: [] };
      row.set(codeId, found);
    }
    return found;
  };
  if (caseIds.length === 0) return cells;

  for (const row of db
    .select({
      caseId: caseConditions.caseId,
      codeId: caseConditions.codeId,
      value: caseConditions.value,
      note: caseConditions.note,
      setAt: caseConditions.setAt,
      setByName: users.name,
    })
    .from(caseConditions)
    .leftJoin(users, eq(users.id, caseConditions.setBy))
    .where(inArray(caseConditions.caseId, caseIds))
    .all()) {
    Object.assign(cell(row.caseId, row.codeId), {
      value: row.value,
      note: row.note,
      setAt: row.setAt,
      setByName: row.setByName ?? null,
    });
  }

  // Readers of approved versions see the evidence of that version; the derived rows hold the draft's.
  const shownIds = new Set(caseIds);
  const approved = approvedVersions(
    member,
    visible.rows.filter((row) => shownIds.has(row.id)),
  );
  for (const row of db
    .select({
      caseId: passages.caseId,
      codeId: passages.codeId,
      text: passages.text,
      section: passages.section,
    })
    .from(passages)
    .where(inArray(passages.caseId, caseIds))
    .orderBy(asc(passages.caseId), asc(passages.position))
    .all()) {
    if (!approved.has(row.caseId))
      cell(row.caseId, row.codeId).passages.push({ text: row.text, section: row.section });
  }
  for (const [caseId, version] of approved)
    for (const passage of deriveCaseRows(version.body as JSONContent).passages)
      cell(caseId, passage.codeId).passages.push({ text: passage.text, section: passage.section });

  for (const row of cells.values())
    for (const found of row.values())
      found.flag =
        found.passages.length === 0
          ? null
          : found.value === "absent"
            ? "tagged-absent"
            : found.value === "unknown"
              ? "tagged-unknown"
              : null;
  return cells;
}

/**
 * Rows per page of the matrix page's grid: a row holds a cell panel per code (~50 KB of HTML with 60 codes).
 * The figures always count every case.
 */
export const MATRIX_PAGE_SIZE = 10;

export type MatrixPaging = { rowPage: number };

/** Cases named per truth-table row, and in the left-out list, on a page of the matrix. */
export const TRUTH_TABLE_LIST_LIMIT = 20;

/** The matrix over exactly these cases (those the member can read), with the chosen columns and outcome. */
export function buildMatrix(
  member: Member,
  caseIds: readonly string[],
  options: MatrixOptions,
  paging?: MatrixPaging,
) {
  requirePermission(member, "compare.use");
  return assembleMatrix(member, visibleCases(member, caseIds), options, paging);
}

function assembleMatrix(
  member: Member,
  visible: VisibleCases,
  options: MatrixOptions,
  paging?: MatrixPaging,
) {
  const codes = cachedCodes(member);
  const problems: Message[] = [];

  const chosen = new Set(options.columnIds);
  const columns = chosen.size ? codes.filter((code) => chosen.has(code.id)) : codes;
  if (chosen.size && columns.length < chosen.size) problems.push(msg("matrix.problems.codesGone"));
  if (chosen.size && columns.length === 0) columns.push(...codes);

  let outcome: Code | null = null;
  if (options.outcomeId) {
    outcome = codes.find((code) => code.id === options.outcomeId && code.kind === "outcome") ?? null;
    if (!outcome) problems.push(msg("matrix.problems.outcomeGone"));
  }

  const preconditions = columns.filter((code) => code.kind === "precondition");
  const selectedPreIds = options.preIds
    ? preconditions.filter((code) => options.preIds!.includes(code.id)).map((code) => code.id)
    : preconditions.map((code) => code.id);

  const rowPageCount = paging ? Math.max(1, Math.ceil(visible.cases.length / MATRIX_PAGE_SIZE)) : 1;
  const rowPage = paging ? Math.min(Math.max(1, paging.rowPage), rowPageCount) : 1;
  const shown = paging
    ? visible.cases.slice((rowPage - 1) * MATRIX_PAGE_SIZE, rowPage * MATRIX_PAGE_SIZE)
    : visible.cases;
  const found = readCells(member, visible, shown);
  const stated = statedValues(member.workspaceId);
  const valueAt = (caseId: string, codeId: string): ConditionValue =>
    stated.get(caseId)?.get(codeId) ?? "unknown";
  const cells: Matrix["cells"] = {};
  for (const c of shown) {
    cells[c.id] = {};
    for (const code of columns) cells[c.id][code.id] = found.get(c.id)?.get(code.id) ?? UNKNOWN;
  }

  let measures: ConditionMeasures[] | null = null;
  let table: TruthTable | null = null;
  let largestN = 0;
  let leftOutCount = 0;
  if (outcome) {
    const input = {
      cases: visible.cases.map((c) => ({ id: c.id, title: c.title })),
      preconditions: preconditions.map((code) => ({ id: code.id, label: code.label })),
      outcome: { id: outcome.id, label: outcome.label },
      value: valueAt,
    };
    // The figures go over every case and precondition (thousands × dozens of lookups): kept per view
    // until the database changes, so paging through the grid does not count them again.
    const figures = cachedDerived(
      [
        "matrix-figures",
        member.workspaceId,
        // The figures carry the code labels, which are in the reader's language.
        (member as LocalizedMember).locale ?? "",
        seesDrafts(member) ? "drafts" : "approved",
        outcome.id,
        preconditions.map((code) => code.id).join(","),
        selectedPreIds.join(","),
        visible.cases.map((c) => c.id).join(","),
      ].join(":"),
      () => ({ measures: measureConditions(input), table: truthTable(input, selectedPreIds) }),
    );
    measures = figures.measures;
    table = figures.table;
    largestN = Math.max(table.considered, ...measures.map((m) => m.considered));
    leftOutCount = table.leftOut.length;
    // Over thousands of cases, naming each one under every row would make a page of megabytes: a page
    // names the first ones and says how many there are.
    if (paging) {
      table = {
        ...table,
        rows: table.rows.map((row) => ({ ...row, cases: row.cases.slice(0, TRUTH_TABLE_LIST_LIMIT) })),
        leftOut: table.leftOut.slice(0, TRUTH_TABLE_LIST_LIMIT),
      };
    }
  }

  const matrix: Matrix = {
    cases: shown,
    caseCount: visible.cases.length,
    rowPage,
    rowPageCount,
    firstRow: paging ? (rowPage - 1) * MATRIX_PAGE_SIZE + 1 : 1,
    codes,
    columns,
    cells,
    outcome,
    preconditions,
    selectedPreIds,
    measures,
    truthTable: table,
    leftOutCount,
    largestN,
    problems,
  };
  return { matrix, missing: visible.missing, valueAt };
}

/**
 * The matrix as a page sends it: each cell's value, flag and passage count, not its evidence. With 60 codes a
 * row of full cells was ~50 KB of HTML; the evidence of one cell comes from `matrixCell` when it is opened.
 */
export function matrixForPage(matrix: Matrix) {
  const cells: Record<string, Record<string, MatrixCellSummary>> = {};
  // Equal summaries are one object: the page's data names each once and refers to it from every cell.
  const shared = new Map<string, MatrixCellSummary>();
  for (const [caseId, row] of Object.entries(matrix.cells)) {
    cells[caseId] = {};
    for (const [codeId, cell] of Object.entries(row)) {
      const key = `${cell.value}:${cell.flag}:${cell.passages.length}`;
      let summary = shared.get(key);
      if (!summary) {
        summary = { value: cell.value, flag: cell.flag, passageCount: cell.passages.length };
        shared.set(key, summary);
      }
      cells[caseId][codeId] = summary;
    }
  }
  return { ...matrix, cells };
}

export type MatrixForPage = ReturnType<typeof matrixForPage>;

/**
 * Where a cell's own page leads back to: the matrix or comparison set it was opened from (`back`, sent by
 * the grid's form), if it is one of this workspace's; the matrix otherwise.
 */
export function cellBackLink(workspaceId: string, back: string | null) {
  const matrix = `/w/${workspaceId}/matrix`;
  if (!back) return matrix;
  const allowed = new RegExp(
    `^/w/${workspaceId}/(?:matrix|comparisons/${RECORD_ID_PATTERN})(?:\\?[^#\\\\]*)?$`,
  );
  return allowed.test(back) ? back : matrix;
}

/**
 * One cell of the matrix with its evidence: the statement, who made it, and the tagged passages (of the
 * approved version for readers of approved versions). 404 for a case this member may not read or a code
 * that is not in the codebook, as for the matrix itself.
 */
export function matrixCell(member: Member, caseId: string, codeId: string) {
  requirePermission(member, "compare.use");
  const visible = visibleCases(member, [caseId]);
  const shown = visible.cases[0];
  if (!shown) throw notFound(msg("cases.errors.notFound"));
  const code = cachedCodes(member).find((candidate) => candidate.id === codeId);
  if (!code) throw notFound(msg("matrix.problems.codeGone"));
  const cell = readCells(member, visible, [shown]).get(caseId)?.get(codeId) ?? UNKNOWN;
  return {
    case: { id: shown.id, title: shown.title },
    code: { id: code.id, label: code.label, kind: code.kind, color: code.color },
    cell,
  };
}

/** The matrix of the cases the library filters find (one page of rows when `paging` is given). */
export function filteredMatrix(member: Member, query: MatrixQuery, paging?: MatrixPaging) {
  requirePermission(member, "compare.use");
  const library = searchLibrary(member, query.filters);
  // The library has just read these cases as this member sees them: no second pass over the case rows.
  const found = libraryCases(member, library.matchedIds);
  const visible: VisibleCases = {
    cases: found.map(({ id, title, regions, status }) => ({ id, title, regions, status })),
    missing: 0,
    rows: found,
  };
  const { matrix, valueAt } = assembleMatrix(member, visible, query, paging);
  matrix.problems.unshift(...query.problems);
  return {
    matrix,
    valueAt,
    total: library.total,
    facets: library.facets,
  };
}

export const MATRIX_EXPORT_FORMATS = {
  csv: { contentType: CSV_CONTENT_TYPE, extension: "csv" },
  md: { contentType: "text/markdown; charset=utf-8", extension: "md" },
} as const;
export type MatrixExportFormat = keyof typeof MATRIX_EXPORT_FORMATS;

/** The matrix as a file, with the page's rows and columns. Recorded: exports leave the workspace. */
export function exportMatrix(
  member: Member,
  built: { matrix: Matrix; valueAt: (caseId: string, codeId: string) => ConditionValue },
  format: MatrixExportFormat,
  detail: { setId?: string } = {},
  origin?: RequestOrigin,
  caseHeading = "Case",
) {
  const { matrix, valueAt } = built;
  const rows: QcaCase[] = matrix.cases.map((c) => ({ id: c.id, title: c.title }));
  const codes = matrix.columns.map((code) => ({ id: code.id, label: code.label }));
  // The CSV is read by R's QCA package and opened in spreadsheets: a title that starts like a formula
  // ("=", "+", "-", "@") gets an apostrophe in front (models/csv.ts), also in R's row names.
  const body =
    format === "csv"
      ? matrixCsv(rows, codes, valueAt).csv
      : matrixMarkdown(rows, codes, valueAt, caseHeading);
  recordAudit({
    action: "matrix.exported",
    workspaceId: member.workspaceId,
    userId: member.userId,
    detail: { format, cases: rows.length, codes: codes.length, ...detail },
    origin,
  });
  const date = new Date().toISOString().slice(0, 10);
  const { contentType, extension } = MATRIX_EXPORT_FORMATS[format];
  return { body, contentType, filename: `matrix-${date}.${extension}` };
}
