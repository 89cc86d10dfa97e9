// What the matrix's address says: the library's filters plus columns (`col`), the outcome and the truth
// table's preconditions; a cell's address (`at`); and the changes a reader makes to a saved set's view.
import { type LibraryQuery, parseLibraryQuery } from "~/queries/library";
import { isRecordId } from "~/rules/ids";
import { type Expectation, isExpectation, type QcaSettings, thresholdsOf } from "~/rules/qca-settings";
import { type Message, msg } from "~/utils/messages";
import { notFound } from "~/utils/refusal";

const MAX_IDS = 200;

/** What the matrix shows besides the library filters: columns, outcome, truth-table preconditions. */
export type MatrixOptions = {
  /** Codes shown as columns, in codebook order; empty = every code. */
  columnIds: string[];
  outcomeId: string | null;
  /** Preconditions of the truth table; null = every precondition among the columns. */
  preIds: string[] | null;
  /** Negations, thresholds and expectations of the analysis; absent = the defaults. */
  qca?: QcaSettings;
};

export type MatrixQuery = MatrixOptions & { filters: LibraryQuery; problems: Message[] };

const ids = (values: string[]) => [...new Set(values.filter(isRecordId))].slice(0, MAX_IDS);

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
    outcomeId: isRecordId(outcome) ? outcome : null,
    preIds: searchParams.has("pre") ? ids(searchParams.getAll("pre")) : null,
    qca: parseQcaSettings(searchParams),
  };
}

/** "0.8" or "0,8" (a French keyboard); anything else is left to the default. */
function decimal(value: string | null): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const x = Number(value.trim().replace(",", "."));
  return Number.isFinite(x) ? x : undefined;
}

/**
 * The analysis's settings: `not` (codes taken as absent), `incl` and `incl0` (consistency and
 * contradiction thresholds), `ncut` (frequency threshold), `exp=<code>:present|absent|either`.
 */
export function parseQcaSettings(searchParams: URLSearchParams): QcaSettings {
  const expectations: Record<string, Expectation> = {};
  for (const entry of searchParams.getAll("exp").slice(0, MAX_IDS)) {
    const [id = "", value] = entry.split(":");
    if (isRecordId(id) && isExpectation(value)) expectations[id] = value;
  }
  return {
    negated: ids(searchParams.getAll("not")),
    thresholds: thresholdsOf({
      consistency: decimal(searchParams.get("incl")),
      contradictionBelow: decimal(searchParams.get("incl0")),
      frequency: decimal(searchParams.get("ncut")),
    }),
    expectations,
  };
}

function isDefaultQca(settings: QcaSettings) {
  const { consistency, contradictionBelow, frequency } = settings.thresholds;
  return (
    settings.negated.length === 0 &&
    consistency === 1 &&
    contradictionBelow === 1 &&
    frequency === 1 &&
    Object.values(settings.expectations).every((value) => value === "either")
  );
}

/** The analysis's settings as URL search params; defaults are left out. */
export function qcaSearchParams(settings: QcaSettings, params = new URLSearchParams()): URLSearchParams {
  params.set("qca", "");
  for (const id of settings.negated) params.append("not", id);
  const { consistency, contradictionBelow, frequency } = settings.thresholds;
  if (consistency !== 1) params.set("incl", String(consistency));
  if (contradictionBelow !== consistency) params.set("incl0", String(contradictionBelow));
  if (frequency !== 1) params.set("ncut", String(frequency));
  for (const [id, value] of Object.entries(settings.expectations))
    if (value !== "either") params.append("exp", `${id}:${value}`);
  return params;
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
  if (query.qca && !isDefaultQca(query.qca)) qcaSearchParams(query.qca, params);
  return params;
}

/** `?at=<case>.<code>` of a cell's address; anything else is a 404, like a case that does not exist. */
export function parseCellQuery(searchParams: URLSearchParams) {
  const [caseId = "", codeId = "", ...rest] = (searchParams.get("at") ?? "").split(".");
  if (!isRecordId(caseId) || rest.length) throw notFound(msg("cases.errors.notFound"));
  if (!isRecordId(codeId)) throw notFound(msg("matrix.problems.codeGone"));
  return { caseId, codeId };
}

/**
 * Changes to a saved view read from the set's URL: `outcome` (empty = none) and `pre` replace what was
 * saved, so a reader can explore without changing the set. Nothing given = the saved view.
 */
export function setViewOverrides(searchParams: URLSearchParams) {
  const outcome = searchParams.get("outcome");
  return {
    outcomeId: outcome === null ? undefined : isRecordId(outcome) ? outcome : null,
    preIds: searchParams.has("pre") ? [...new Set(searchParams.getAll("pre").filter(isRecordId))] : undefined,
    // The analysis form sends `qca` with its fields, so "nothing negated" is not read as "as saved".
    qca: searchParams.has("qca") ? parseQcaSettings(searchParams) : undefined,
  };
}
