// The cases × codes matrix: what each case states for each code (case_conditions; a missing row is
// unknown), the tagged passages that back it, and the QCA figures for a chosen outcome (app/models/qca.ts).
// Rows come either from the library filters or from a saved comparison set; both go through
// `visibleCases`, so a trainer never sees a draft-only case or a draft's text here either.
import type { JSONContent } from "@tiptap/core";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { deriveCaseRows } from "~/editor/derive";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { approvedVersions, seesDrafts } from "~/models/cases.server";
import { type Code, listCodes } from "~/models/codes.server";
import type { CaseStatus, ConditionValue } from "~/models/domain";
import { type LibraryQuery, parseLibraryQuery, searchLibrary } from "~/models/library.server";
import {
  type ConditionMeasures,
  matrixCsv,
  matrixMarkdown,
  measureConditions,
  type QcaCase,
  type TruthTable,
  truthTable,
} from "~/models/qca";
import { db } from "~/utils/db.server";
import { type Member, requirePermission } from "~/utils/permissions.server";
import { caseConditions, cases, passages, users } from "../../db/schema";

const ID = /^[a-z0-9]{8,40}$/;
const MAX_IDS = 200;

/** What the matrix shows besides the library filters: columns, outcome, truth-table preconditions. */
export type MatrixOptions = {
  /** Codes shown as columns, in codebook order; empty = every code. */
  columnIds: string[];
  outcomeId: string | null;
  /** Preconditions of the truth table; null = every precondition among the columns. */
  preIds: string[] | null;
};

export type MatrixQuery = MatrixOptions & { filters: LibraryQuery; problems: string[] };

const ids = (values: string[]) => [...new Set(values.filter((value) => ID.test(value)))].slice(0, MAX_IDS);

/**
 * Reads the matrix from a URL. The library's own `code` filter keeps its meaning ("cases that have code
 * X"), so the columns use `col`. `pre` present with no id (the form sends an empty marker) means "no
 * precondition ticked", absent means "all of them".
 */
export function parseMatrixQuery(searchParams: URLSearchParams): MatrixQuery {
  const { query: filters, problems } = parseLibraryQuery(searchParams);
  // A matrix reads best in a stable order; the library's default (last update) shuffles rows on every edit.
  if (!searchParams.has("sort")) filters.sort = "title";
  const outcome = searchParams.get("outcome") ?? "";
  return {
    filters,
    problems,
    columnIds: ids(searchParams.getAll("col")),
    outcomeId: ID.test(outcome) ? outcome : null,
    preIds: searchParams.has("pre") ? ids(searchParams.getAll("pre")) : null,
  };
}

/** The query as URL search params, for links (exports) and for what a saved set remembers. */
export function matrixSearchParams(query: Omit<MatrixQuery, "problems">): URLSearchParams {
  const params = new URLSearchParams();
  const { filters } = query;
  if (filters.q) params.set("q", filters.q);
  for (const region of filters.region) params.append("region", region);
  for (const status of filters.status) params.append("status", status);
  for (const code of filters.code) params.append("code", code);
  if (filters.code.length && filters.match !== "all") params.set("match", filters.match);
  if (filters.from !== null) params.set("from", String(filters.from));
  if (filters.to !== null) params.set("to", String(filters.to));
  if (filters.author) params.set("author", filters.author);
  if (filters.sort !== "title") params.set("sort", filters.sort);
  for (const id of query.columnIds) params.append("col", id);
  if (query.outcomeId) params.set("outcome", query.outcomeId);
  if (query.preIds) {
    params.append("pre", "");
    for (const id of query.preIds) params.append("pre", id);
  }
  return params;
}

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
    .where(and(eq(cases.workspaceId, member.workspaceId), isNull(cases.deletedAt), inArray(cases.id, wanted)))
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

export type Matrix = {
  cases: MatrixCase[];
  /** Every code of the codebook (for the pickers), preconditions first. */
  codes: Code[];
  columns: Code[];
  cells: Record<string, Record<string, MatrixCell>>;
  outcome: Code | null;
  /** The preconditions among the columns: what the measures and the truth table are about. */
  preconditions: Code[];
  selectedPreIds: string[];
  measures: ConditionMeasures[] | null;
  truthTable: TruthTable | null;
  /** The most cases any figure rests on: below LOW_N the whole section is description, not evidence. */
  largestN: number;
  problems: string[];
};

const UNKNOWN: MatrixCell = {
  value: "unknown",
  note: "",
  setByName: null,
  setAt: null,
  passages: [],
  flag: null,
};

function readCells(member: Member, visible: ReturnType<typeof visibleCases>) {
  const caseIds = visible.cases.map((c) => c.id);
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
  const approved = approvedVersions(member, visible.rows);
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

/** The matrix over exactly these cases (those the member can read), with the chosen columns and outcome. */
export function buildMatrix(member: Member, caseIds: readonly string[], options: MatrixOptions) {
  requirePermission(member, "compare.use");
  const visible = visibleCases(member, caseIds);
  const codes = listCodes(member);
  const problems: string[] = [];

  const chosen = new Set(options.columnIds);
  const columns = chosen.size ? codes.filter((code) => chosen.has(code.id)) : codes;
  if (chosen.size && columns.length < chosen.size)
    problems.push("Some of the chosen codes are no longer in the codebook and were left out.");
  if (chosen.size && columns.length === 0) columns.push(...codes);

  let outcome: Code | null = null;
  if (options.outcomeId) {
    outcome = codes.find((code) => code.id === options.outcomeId && code.kind === "outcome") ?? null;
    if (!outcome) problems.push("The chosen outcome is no longer in the codebook.");
  }

  const preconditions = columns.filter((code) => code.kind === "precondition");
  const selectedPreIds = options.preIds
    ? preconditions.filter((code) => options.preIds!.includes(code.id)).map((code) => code.id)
    : preconditions.map((code) => code.id);

  const found = readCells(member, visible);
  const valueAt = (caseId: string, codeId: string): ConditionValue =>
    found.get(caseId)?.get(codeId)?.value ?? "unknown";
  const cells: Matrix["cells"] = {};
  for (const c of visible.cases) {
    cells[c.id] = {};
    for (const code of columns) cells[c.id][code.id] = found.get(c.id)?.get(code.id) ?? UNKNOWN;
  }

  let measures: ConditionMeasures[] | null = null;
  let table: TruthTable | null = null;
  let largestN = 0;
  if (outcome) {
    const input = {
      cases: visible.cases.map((c) => ({ id: c.id, title: c.title })),
      preconditions: preconditions.map((code) => ({ id: code.id, label: code.label })),
      outcome: { id: outcome.id, label: outcome.label },
      value: valueAt,
    };
    measures = measureConditions(input);
    table = truthTable(input, selectedPreIds);
    largestN = Math.max(table.considered, ...measures.map((m) => m.considered));
  }

  const matrix: Matrix = {
    cases: visible.cases,
    codes,
    columns,
    cells,
    outcome,
    preconditions,
    selectedPreIds,
    measures,
    truthTable: table,
    largestN,
    problems,
  };
  return { matrix, missing: visible.missing, valueAt };
}

/** The matrix of the cases the library filters find. */
export function filteredMatrix(member: Member, query: MatrixQuery) {
  requirePermission(member, "compare.use");
  const library = searchLibrary(member, query.filters);
  const { matrix, valueAt } = buildMatrix(
    member,
    library.results.map((item) => item.id),
    query,
  );
  matrix.problems.unshift(...query.problems);
  return {
    matrix,
    valueAt,
    total: library.total,
    facets: library.facets,
  };
}

export const MATRIX_EXPORT_FORMATS = {
  csv: { contentType: "text/csv; charset=utf-8", extension: "csv" },
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
) {
  const { matrix, valueAt } = built;
  const rows: QcaCase[] = matrix.cases.map((c) => ({ id: c.id, title: c.title }));
  const codes = matrix.columns.map((code) => ({ id: code.id, label: code.label }));
  // Titles go out exactly as written, even one starting with "=" or "+": the file is read by R's QCA
  // package, where altering them would change the case names. Opening it in a spreadsheet is the
  // reader's choice; the CSV quoting already keeps every title in its own cell.
  const body = format === "csv" ? matrixCsv(rows, codes, valueAt).csv : matrixMarkdown(rows, codes, valueAt);
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
