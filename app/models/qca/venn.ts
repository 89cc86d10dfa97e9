// A Venn diagram of the truth table for one to five preconditions: one region per combination, filled by
// the row's outcome (1, 0, contradiction), remainders left blank. The shapes are the usual ones (circles
// up to three sets, four and five congruent ellipses), checked by tests/unit/models/qca/venn.test.ts to
// give every combination a region. Pure and browser-safe: the page draws it with React, the export as text.

import type { Analysis } from "./analysis";
import { codeText } from "./formula";

export const VENN_MAX = 5;
export const VENN_SIZE = 400;

export type Ellipse = { cx: number; cy: number; rx: number; ry: number; angle: number };

// Unit-square figures (x right, y down), as drawn at VENN_SIZE.
const SHAPES: Record<number, Ellipse[]> = {
  1: [{ cx: 0.5, cy: 0.5, rx: 0.3, ry: 0.3, angle: 0 }],
  2: [
    { cx: 0.38, cy: 0.5, rx: 0.26, ry: 0.26, angle: 0 },
    { cx: 0.62, cy: 0.5, rx: 0.26, ry: 0.26, angle: 0 },
  ],
  3: [
    { cx: 0.38, cy: 0.4, rx: 0.24, ry: 0.24, angle: 0 },
    { cx: 0.62, cy: 0.4, rx: 0.24, ry: 0.24, angle: 0 },
    { cx: 0.5, cy: 0.61, rx: 0.24, ry: 0.24, angle: 0 },
  ],
  4: [
    { cx: 0.35, cy: 0.6, rx: 0.36, ry: 0.225, angle: -140 },
    { cx: 0.45, cy: 0.5, rx: 0.36, ry: 0.225, angle: -140 },
    { cx: 0.544, cy: 0.5, rx: 0.36, ry: 0.225, angle: -40 },
    { cx: 0.644, cy: 0.6, rx: 0.36, ry: 0.225, angle: -40 },
  ],
  5: [
    { cx: 0.428, cy: 0.551, rx: 0.435, ry: 0.25, angle: -155 },
    { cx: 0.469, cy: 0.457, rx: 0.435, ry: 0.25, angle: -82 },
    { cx: 0.558, cy: 0.477, rx: 0.435, ry: 0.25, angle: -10 },
    { cx: 0.578, cy: 0.568, rx: 0.435, ry: 0.25, angle: -118 },
    { cx: 0.489, cy: 0.617, rx: 0.435, ry: 0.25, angle: -46 },
  ],
};

export function vennShapes(k: number): Ellipse[] {
  return SHAPES[k] ?? [];
}

export function insideEllipse(e: Ellipse, x: number, y: number): boolean {
  const t = (e.angle * Math.PI) / 180;
  const dx = x - e.cx;
  const dy = y - e.cy;
  const u = dx * Math.cos(t) + dy * Math.sin(t);
  const v = -dx * Math.sin(t) + dy * Math.cos(t);
  return (u * u) / (e.rx * e.rx) + (v * v) / (e.ry * e.ry) <= 1;
}

/** The combination (row number − 1, first set highest bit) a point of the unit square falls in. */
export function regionAt(k: number, x: number, y: number): number {
  return vennShapes(k).reduce((row, e) => row * 2 + (insideEllipse(e, x, y) ? 1 : 0), 0);
}

const placements = new Map<number, Array<{ x: number; y: number } | null>>();

/**
 * Where to write each region's label: the sampled point of the region farthest inside it (most of its
 * neighbours in the same region), found once per k on a grid.
 */
export function regionLabelPoints(k: number): Array<{ x: number; y: number } | null> {
  const cached = placements.get(k);
  if (cached) return cached;
  const step = 1 / 120;
  const n = Math.round(1 / step);
  const grid: number[][] = [];
  for (let i = 0; i <= n; i++) {
    grid.push([]);
    for (let j = 0; j <= n; j++) grid[i].push(regionAt(k, j * step, i * step));
  }
  const best: Array<{ x: number; y: number; depth: number } | null> = Array.from(
    { length: 2 ** k },
    () => null,
  );
  for (let i = 1; i < n; i++)
    for (let j = 1; j < n; j++) {
      const region = grid[i][j];
      // Depth: how far the same region extends in the four directions (the smallest of them).
      let depth = 0;
      while (
        depth < n &&
        i - depth - 1 >= 0 &&
        j - depth - 1 >= 0 &&
        i + depth + 1 <= n &&
        j + depth + 1 <= n &&
        grid[i - depth - 1][j] === region &&
        grid[i + depth + 1][j] === region &&
        grid[i][j - depth - 1] === region &&
        grid[i][j + depth + 1] === region
      )
        depth++;
      const current = best[region];
      if (!current || depth > current.depth) best[region] = { x: j * step, y: i * step, depth };
    }
  const points = best.map((p) => (p ? { x: p.x, y: p.y } : null));
  placements.set(k, points);
  return points;
}

export type VennRegion = {
  row: number;
  fill: "positive" | "negative" | "contradiction" | "remainder";
  n: number;
};

export type Venn = {
  size: number;
  sets: Array<
    Ellipse & { label: string; labelX: number; labelY: number; anchor: "start" | "middle" | "end" }
  >;
  regions: Array<VennRegion & { x: number; y: number }>;
};

/** The diagram of an analysis's truth table, or null past VENN_MAX preconditions (or none). */
export function vennOf(analysis: Analysis): Venn | null {
  const k = analysis.preconditions.length;
  if (k === 0 || k > VENN_MAX) return null;
  const byRow = new Map(analysis.rows.map((row) => [row.number - 1, row]));
  const points = regionLabelPoints(k);
  const regions: Venn["regions"] = [];
  for (let row = 1; row < 2 ** k; row++) {
    const point = points[row];
    if (!point) continue;
    const found = byRow.get(row);
    const fill =
      !found || found.outcome === "?"
        ? "remainder"
        : found.outcome === "1"
          ? "positive"
          : found.outcome === "C"
            ? "contradiction"
            : "negative";
    regions.push({ row: row + 1, fill, n: found?.n ?? 0, x: point.x * VENN_SIZE, y: point.y * VENN_SIZE });
  }
  const outside = byRow.get(0);
  const sets = vennShapes(k).map((e, i) => {
    // The name goes just past the shape: above a circle, beyond the far end of an ellipse.
    const t = (e.angle * Math.PI) / 180;
    const circle = e.rx === e.ry;
    // A circle's name above it, or below the lower one of three.
    const below = circle && k === 3 && i === 2;
    const x = circle ? e.cx : e.cx + Math.cos(t) * e.rx * 1.02;
    const y = circle ? (below ? e.cy + e.ry + 0.05 : e.cy - e.ry - 0.02) : e.cy + Math.sin(t) * e.rx * 1.02;
    const clamp = (v: number) => Math.min(0.96, Math.max(0.04, v));
    return {
      ...e,
      cx: e.cx * VENN_SIZE,
      cy: e.cy * VENN_SIZE,
      rx: e.rx * VENN_SIZE,
      ry: e.ry * VENN_SIZE,
      label: codeText(analysis.preconditions[i]),
      labelX: clamp(x) * VENN_SIZE,
      labelY: clamp(y) * VENN_SIZE,
      // Names near an edge grow inwards, so they are not cut off.
      anchor: x < 0.3 ? ("start" as const) : x > 0.7 ? ("end" as const) : ("middle" as const),
    };
  });
  // The combination with every precondition absent is the space outside the shapes.
  regions.unshift({
    row: 1,
    fill:
      !outside || outside.outcome === "?"
        ? "remainder"
        : outside.outcome === "1"
          ? "positive"
          : outside.outcome === "C"
            ? "contradiction"
            : "negative",
    n: outside?.n ?? 0,
    x: VENN_SIZE * 0.06,
    y: VENN_SIZE * 0.06,
  });
  return { size: VENN_SIZE, sets, regions };
}

export const VENN_FILLS: Record<VennRegion["fill"], string> = {
  positive: "#2f7d4f",
  negative: "#c9ced6",
  contradiction: "#e0a030",
  remainder: "#ffffff",
};

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const transform = (e: Ellipse) => `rotate(${e.angle} ${e.cx} ${e.cy})`;

/**
 * The pieces both drawings share: each region is a rectangle clipped to the shapes it is in and masked by
 * those it is not in. `title` names the figure for screen readers.
 */
export function vennSvgText(venn: Venn, title: string, outcome: string): string {
  const s = venn.size;
  const defs: string[] = [];
  venn.sets.forEach((e, i) => {
    const shape = `<ellipse cx="${e.cx}" cy="${e.cy}" rx="${e.rx}" ry="${e.ry}" transform="${transform(e)}"/>`;
    defs.push(`<clipPath id="venn-in-${i}">${shape}</clipPath>`);
    defs.push(
      `<mask id="venn-out-${i}"><rect width="${s}" height="${s}" fill="#fff"/>${shape.replace("/>", ' fill="#000"/>')}</mask>`,
    );
  });
  const k = venn.sets.length;
  const regions = venn.regions
    .map((r) => {
      let inner = `<rect width="${s}" height="${s}" fill="${VENN_FILLS[r.fill]}"/>`;
      for (let i = k - 1; i >= 0; i--) {
        const inside = ((r.row - 1) >> (k - 1 - i)) & 1;
        inner = inside
          ? `<g clip-path="url(#venn-in-${i})">${inner}</g>`
          : `<g mask="url(#venn-out-${i})">${inner}</g>`;
      }
      return inner;
    })
    .join("");
  const outlines = venn.sets
    .map(
      (e) =>
        `<ellipse cx="${e.cx}" cy="${e.cy}" rx="${e.rx}" ry="${e.ry}" transform="${transform(e)}" fill="none" stroke="#1d2630" stroke-width="1.5"/>`,
    )
    .join("");
  const names = venn.sets
    .map(
      (e) =>
        `<text x="${e.labelX}" y="${e.labelY}" text-anchor="${e.anchor}" font-size="13" font-weight="700" fill="#1d2630" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeXml(e.label)}</text>`,
    )
    .join("");
  const counts = venn.regions
    .filter((r) => r.n > 0)
    .map(
      (r) =>
        `<text x="${r.x}" y="${r.y}" text-anchor="middle" dominant-baseline="middle" font-size="12" fill="${r.fill === "positive" ? "#fff" : "#1d2630"}">${r.n}</text>`,
    )
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${s} ${s}" width="${s}" height="${s}" role="img"><title>${escapeXml(title)}</title><desc>${escapeXml(outcome)}</desc><defs>${defs.join("")}</defs>${regions}${outlines}${names}${counts}</svg>\n`;
}
