// The minimization against a search that knows nothing of Quine–McCluskey: every cube (3^k of them) is
// tried as an implicant, and every subset of the prime implicants as a cover, on random truth tables.
import { describe, expect, it } from "vitest";
import { type Cube, covers, minimize, primeImplicants, solveChart } from "~/models/qca/minimize";

// A small seeded generator: a failure names its seed and can be replayed.
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const key = (c: Cube) => `${c.mask}:${c.value}`;

function bruteForcePrimes(k: number, positives: number[], dontCares: number[]): Cube[] {
  const allowed = new Set([...positives, ...dontCares]);
  const rows = Array.from({ length: 2 ** k }, (_, r) => r);
  const isImplicant = (cube: Cube) => rows.every((r) => !covers(cube, r) || allowed.has(r));
  const cubes: Cube[] = [];
  // Each condition: 0 absent from the cube, 1 named with value 0, 2 named with value 1.
  for (let code = 0; code < 3 ** k; code++) {
    let mask = 0;
    let value = 0;
    let rest = code;
    for (let i = 0; i < k; i++) {
      const digit = rest % 3;
      rest = Math.floor(rest / 3);
      if (digit > 0) mask |= 1 << i;
      if (digit === 2) value |= 1 << i;
    }
    cubes.push({ mask, value });
  }
  return cubes.filter((cube) => {
    if (!isImplicant(cube)) return false;
    if (!positives.some((r) => covers(cube, r))) return false;
    // Prime: naming one condition fewer is no longer an implicant.
    for (let i = 0; i < k; i++) {
      const bit = 1 << i;
      if (!(cube.mask & bit)) continue;
      if (isImplicant({ mask: cube.mask & ~bit, value: cube.value & ~bit })) return false;
    }
    return true;
  });
}

function bruteForceModels(primes: Cube[], positives: number[]): string[] {
  const n = primes.length;
  const coverOf = primes.map((p) =>
    positives.reduce((acc, r, j) => (covers(p, r) ? acc | (1n << BigInt(j)) : acc), 0n),
  );
  const all = (1n << BigInt(positives.length)) - 1n;
  let best = Number.POSITIVE_INFINITY;
  let models: string[] = [];
  const cover = new Array<bigint>(2 ** n).fill(0n);
  for (let subset = 1; subset < 2 ** n; subset++) {
    const low = subset & -subset;
    cover[subset] = cover[subset ^ low] | coverOf[31 - Math.clz32(low)];
    if (cover[subset] !== all) continue;
    let size = 0;
    for (let s = subset; s; s &= s - 1) size++;
    const picked = primes
      .filter((_, i) => subset & (1 << i))
      .map(key)
      .sort()
      .join(" ");
    if (size < best) {
      best = size;
      models = [picked];
    } else if (size === best) models.push(picked);
  }
  return models.sort();
}

describe("minimization", () => {
  it("finds the same prime implicants and the same minimal models as a brute-force search", () => {
    let compared = 0;
    let ambiguous = 0;
    for (let seed = 1; compared < 150; seed++) {
      const next = random(seed);
      const k = 2 + Math.floor(next() * 5); // 2..6 conditions
      const positives: number[] = [];
      const dontCares: number[] = [];
      for (let row = 0; row < 2 ** k; row++) {
        const draw = next();
        if (draw < 0.3) positives.push(row);
        else if (draw < 0.6) dontCares.push(row);
      }
      if (positives.length === 0) continue;
      const expectedPrimes = bruteForcePrimes(k, positives, dontCares);
      if (expectedPrimes.length > 16) continue; // keeps the subset search at 2^16
      const result = minimize(k, positives, dontCares);
      expect(result.primes.map(key).sort(), `seed ${seed}`).toEqual(expectedPrimes.map(key).sort());
      const expectedModels = bruteForceModels(expectedPrimes, positives);
      const models = result.models.map((m) => m.map(key).sort().join(" ")).sort();
      expect(models, `seed ${seed}`).toEqual(expectedModels);
      expect(result.modelCount).toBe(expectedModels.length);
      compared++;
      if (expectedModels.length > 1) ambiguous++;
    }
    // The random tables did exercise model ambiguity, not only unique solutions.
    expect(ambiguous).toBeGreaterThan(10);
  });

  it("lists every model of a cyclic chart", () => {
    // Rows 0,1,2,5,6,7 of three conditions: the classic cyclic chart with two minimal covers of three implicants.
    const result = minimize(3, [0, 1, 2, 5, 6, 7]);
    expect(result.essential).toEqual([]);
    expect(result.models).toHaveLength(2);
    expect(result.models.every((m) => m.length === 3)).toBe(true);
  });

  it("returns the whole set as one term when every combination shows the outcome", () => {
    expect(minimize(2, [0, 1], [2, 3]).models).toEqual([[{ mask: 0, value: 0 }]]);
    expect(primeImplicants(2, [], [0, 1])).toEqual([]);
    expect(solveChart([], []).models).toEqual([[]]);
  });
});
