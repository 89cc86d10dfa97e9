// What a researcher sets for the crisp-set analysis of the matrix: which codes are taken as absent (~X),
// the truth table's thresholds and the directional expectations of the intermediate solution. Shared by
// the page's address (queries/matrix.ts), comparison sets and the analysis (models/qca/analysis.ts).

export const EXPECTATIONS = ["present", "absent", "either"] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

export type Thresholds = {
  /** A row's consistency at or above this: outcome 1 (R's incl.cut, or its first value). */
  consistency: number;
  /**
   * Below this: outcome 0; from it up to `consistency`: contradiction (the second value of R's incl.cut).
   * Equal to `consistency` (the default) means no row is called a contradiction, as in R.
   */
  contradictionBelow: number;
  /** Rows with fewer cases than this are treated as remainders (R's n.cut). */
  frequency: number;
};

export const DEFAULT_THRESHOLDS: Thresholds = { consistency: 1, contradictionBelow: 1, frequency: 1 };

/** Highest frequency threshold a form accepts. */
export const MAX_FREQUENCY = 1000;

export type QcaSettings = {
  /** Codes (preconditions or the outcome) taken as absent: ~X. */
  negated: string[];
  thresholds: Thresholds;
  /** Per precondition id; missing = either. */
  expectations: Record<string, Expectation>;
};

export const DEFAULT_QCA_SETTINGS: QcaSettings = {
  negated: [],
  thresholds: DEFAULT_THRESHOLDS,
  expectations: {},
};

const clamp01 = (x: number, fallback: number) =>
  Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : fallback;

/** Thresholds within bounds: a contradiction threshold above the consistency threshold is lowered to it. */
export function thresholdsOf(given: Partial<Thresholds> = {}): Thresholds {
  const consistency = clamp01(
    given.consistency ?? DEFAULT_THRESHOLDS.consistency,
    DEFAULT_THRESHOLDS.consistency,
  );
  const below = clamp01(given.contradictionBelow ?? consistency, consistency);
  const frequency = Number.isFinite(given.frequency) ? Math.floor(given.frequency as number) : 1;
  return {
    consistency,
    contradictionBelow: Math.min(below, consistency),
    frequency: Math.min(MAX_FREQUENCY, Math.max(1, frequency)),
  };
}

export const isExpectation = (value: unknown): value is Expectation =>
  typeof value === "string" && (EXPECTATIONS as readonly string[]).includes(value);

/** Settings read from free-form JSON (a saved comparison set), keeping what is valid. */
export function qcaSettingsFrom(raw: unknown): QcaSettings {
  if (!raw || typeof raw !== "object") return DEFAULT_QCA_SETTINGS;
  const r = raw as Record<string, unknown>;
  const negated = Array.isArray(r.negated) ? r.negated.filter((x): x is string => typeof x === "string") : [];
  const t = (r.thresholds && typeof r.thresholds === "object" ? r.thresholds : {}) as Record<string, unknown>;
  const num = (x: unknown) => (typeof x === "number" ? x : undefined);
  const expectations: Record<string, Expectation> = {};
  if (r.expectations && typeof r.expectations === "object")
    for (const [id, value] of Object.entries(r.expectations))
      if (isExpectation(value)) expectations[id] = value;
  return {
    negated,
    thresholds: thresholdsOf({
      consistency: num(t.consistency),
      contradictionBelow: num(t.contradictionBelow),
      frequency: num(t.frequency),
    }),
    expectations,
  };
}
