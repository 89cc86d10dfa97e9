// Exact Boolean minimization of a crisp truth table: Quine–McCluskey for the prime implicants, then the
// prime implicant chart solved for EVERY cover with the fewest implicants (R's QCA package, `minimize()`
// with its default `all.sol = FALSE`, returns the same set of models). Pure and browser-safe.
//
// A row is an integer whose bits are the conditions' values, the FIRST condition in the HIGHEST bit, so
// that row + 1 is R's truth-table row number. An implicant is a cube: `mask` says which conditions it
// names, `value` their values (bits outside the mask are 0).

export type Cube = { mask: number; value: number };

/** More models than this are not listed (the count is still given). */
export const MAX_MODELS = 64;

export const cubeKey = (cube: Cube) => `${cube.mask}:${cube.value}`;

export const covers = (cube: Cube, row: number) => (row & cube.mask) === cube.value;

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v; v &= v - 1) n++;
  return n;
}

export const literalCount = (cube: Cube) => popcount(cube.mask);

/**
 * Every prime implicant of the function that is 1 on `positives`, free on `dontCares`, 0 elsewhere, that
 * covers at least one positive row (the others can never be part of a solution).
 */
export function primeImplicants(
  conditionCount: number,
  positives: readonly number[],
  dontCares: readonly number[] = [],
): Cube[] {
  const full = conditionCount >= 31 ? -1 : (1 << conditionCount) - 1;
  let level = new Map<string, Cube>();
  for (const row of [...positives, ...dontCares]) {
    const cube = { mask: full, value: row };
    level.set(cubeKey(cube), cube);
  }
  const primes: Cube[] = [];
  while (level.size > 0) {
    const cubes = [...level.values()];
    const combined = new Set<string>();
    const next = new Map<string, Cube>();
    // Group by mask: only cubes naming the same conditions and differing in one value combine.
    const byMask = new Map<number, Cube[]>();
    for (const cube of cubes) {
      const group = byMask.get(cube.mask);
      if (group) group.push(cube);
      else byMask.set(cube.mask, [cube]);
    }
    for (const [mask, group] of byMask) {
      const values = new Set(group.map((c) => c.value));
      for (const cube of group) {
        for (let bits = mask; bits; bits &= bits - 1) {
          const bit = bits & -bits;
          if (cube.value & bit) continue; // pair each once, from the side with the bit at 0
          const partner = cube.value | bit;
          if (!values.has(partner)) continue;
          combined.add(cubeKey(cube));
          combined.add(cubeKey({ mask, value: partner }));
          const merged = { mask: mask & ~bit, value: cube.value };
          next.set(cubeKey(merged), merged);
        }
      }
    }
    for (const cube of cubes) if (!combined.has(cubeKey(cube))) primes.push(cube);
    level = next;
  }
  return primes.filter((prime) => positives.some((row) => covers(prime, row))).sort(compareCubes);
}

/** Fewer literals first, then in the conditions' order (R lists implicants much the same way). */
export function compareCubes(a: Cube, b: Cube): number {
  return literalCount(a) - literalCount(b) || b.mask - a.mask || b.value - a.value;
}

export type ChartSolution = {
  /** Implicants every model contains (each is the only one covering some positive row). */
  essential: Cube[];
  /** Every cover with the fewest implicants, each sorted; at most MAX_MODELS of them. */
  models: Cube[][];
  /** How many such models exist (may exceed models.length). */
  modelCount: number;
  /**
   * False when the search stopped at SEARCH_LIMIT steps (a chart far larger than a casebook's): the models
   * listed cover every positive row, but others may exist, and when none of the smallest size was found in
   * time the one listed is a greedy cover, not proven minimal.
   */
  complete: boolean;
};

/** Steps of the chart search before it gives up listing every model (a page must answer). */
export const SEARCH_LIMIT = 60_000;

/** Solves the prime implicant chart: rows are the positive rows, columns the implicants. */
export function solveChart(primes: readonly Cube[], positives: readonly number[]): ChartSolution {
  if (positives.length === 0) return { essential: [], models: [[]], modelCount: 1, complete: true };
  const coverersOf = positives.map((row) => primes.map((_, i) => i).filter((i) => covers(primes[i], row)));
  const essentialIdx = new Set<number>();
  for (const list of coverersOf) if (list.length === 1) essentialIdx.add(list[0]);
  const essentialCovered = (r: number) => coverersOf[r].some((i) => essentialIdx.has(i));
  // Row dominance: a row covered by every implicant that covers another row is covered whenever that
  // one is, so it adds nothing to the search (safe for every minimal cover, unlike column dominance).
  const rows = positives.map((_, r) => r).filter((r) => !essentialCovered(r));
  const sets = new Map(rows.map((r) => [r, new Set(coverersOf[r])]));
  const subset = (a: number, b: number) => coverersOf[a].every((i) => sets.get(b)!.has(i));
  const open = rows.filter((r) => !rows.some((o) => o !== r && subset(o, r) && (!subset(r, o) || o < r)));

  // Iterative deepening from a lower bound: branch on the uncovered positive row with the fewest
  // implicants covering it, over those implicants. Every cover of the smallest size is reached this way
  // (each contains one of them); duplicates are removed by key. A branch is cut when rows no single
  // implicant can cover together need more implicants than it has left.
  const seen = new Set<string>();
  const found: number[][] = [];
  let steps = 0;
  const lowerBound = (left: number[]) => {
    const used = new Set<number>();
    let bound = 0;
    for (const r of left) {
      if (coverersOf[r].some((i) => used.has(i))) continue;
      bound++;
      for (const i of coverersOf[r]) used.add(i);
    }
    return bound;
  };
  const search = (chosen: number[], left: number[], budget: number) => {
    if (++steps > SEARCH_LIMIT) return;
    if (left.length === 0) {
      const picked = [...chosen].sort((a, b) => a - b);
      const key = picked.join(",");
      if (seen.has(key)) return;
      seen.add(key);
      if (found.length < MAX_MODELS) found.push(picked);
      return;
    }
    if (budget === 0 || lowerBound(left) > budget) return;
    let branch = left[0];
    for (const r of left) if (coverersOf[r].length < coverersOf[branch].length) branch = r;
    for (const i of coverersOf[branch]) {
      chosen.push(i);
      search(
        chosen,
        left.filter((r) => !covers(primes[i], positives[r])),
        budget - 1,
      );
      chosen.pop();
    }
  };
  for (let size = lowerBound(open); size <= primes.length && seen.size === 0 && steps <= SEARCH_LIMIT; size++)
    search([], open, size);

  if (found.length === 0) {
    // Out of steps before any cover: a greedy one (the implicant covering most rows left, in turn).
    let left = open;
    const picked: number[] = [];
    while (left.length) {
      let best = coverersOf[left[0]][0];
      let bestCount = 0;
      for (const i of new Set(left.flatMap((r) => coverersOf[r]))) {
        const count = left.filter((r) => covers(primes[i], positives[r])).length;
        if (count > bestCount) [best, bestCount] = [i, count];
      }
      picked.push(best);
      left = left.filter((r) => !covers(primes[best], positives[r]));
    }
    found.push(picked.sort((a, b) => a - b));
    seen.add(picked.join(","));
  }
  const essential = [...essentialIdx].sort((a, b) => a - b).map((i) => primes[i]);
  const models = found.map((picked) =>
    [...essentialIdx, ...picked].sort((a, b) => a - b).map((i) => primes[i]),
  );
  return { essential, models, modelCount: seen.size, complete: steps <= SEARCH_LIMIT };
}

export type Minimization = ChartSolution & { primes: Cube[] };

export function minimize(
  conditionCount: number,
  positives: readonly number[],
  dontCares: readonly number[] = [],
): Minimization {
  const primes = primeImplicants(conditionCount, positives, dontCares);
  return { primes, ...solveChart(primes, positives) };
}
