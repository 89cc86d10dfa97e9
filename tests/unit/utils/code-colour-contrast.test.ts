// Code colours on tagged text (issue 20): an owner picks any colour for a code, and the passage's text must
// keep 4.5:1 against what its colour makes of the background, in every case the stylesheets draw. The
// passage's text stays the page's ink; the colour is a tint (color-mix) and an underline. This walks the
// whole colour cube, on every background a passage can sit on, through the deepest stack of tints.
import { describe, expect, it } from "vitest";

type Rgb = [number, number, number];
const hex = (value: string): Rgb => [1, 3, 5].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as Rgb;

function luminance([r, g, b]: Rgb) {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgb, b: Rgb) {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** `color-mix(in srgb, colour p%, under)`, or a tint at p% laid over `under` (the same sum). */
const mix = (colour: Rgb, p: number, under: Rgb): Rgb =>
  colour.map((c, i) => c * p + under[i] * (1 - p)) as Rgb;

const INK = hex("#1d2630"); // --ink, app.css
// What a passage can sit on: the card, the page, a comment's highlights (threads.css).
const BACKGROUNDS = ["#ffffff", "#fbfaf7", "#fdf0c2", "#f9dc7a", "#f7d154", "#dbeafe"].map(hex);
// The deepest stacks of code tints the stylesheets draw (tints over transparent compound; color-mix with
// #fff is opaque and starts a new stack).
const STACKS: Array<{ where: string; draw: (colour: Rgb, under: Rgb) => Rgb }> = [
  {
    // reading.css: .tag 16 %, a tag inside a tag 18 % on top
    where: "read view, a tag inside a tag",
    draw: (colour, under) => mix(colour, 0.18, mix(colour, 0.16, under)),
  },
  { where: "editor (editor.css .tag 16 %)", draw: (colour, under) => mix(colour, 0.16, under) },
  {
    // compare highlight: color-mix(colour 34 %, #fff), opaque; a tag of another code inside it adds 16 %
    where: "side by side, highlighted, with a tag inside",
    draw: (colour) => mix(colour, 0.16, mix(colour, 0.34, hex("#ffffff"))),
  },
];

describe("code colours on tagged text", () => {
  it("keep the ink at 4.5:1 or more for every colour an owner can pick", () => {
    const failures: string[] = [];
    const steps = [0, 17, 34, 51, 68, 85, 102, 119, 136, 153, 170, 187, 204, 221, 238, 255];
    for (const r of steps)
      for (const g of steps)
        for (const b of steps)
          for (const under of BACKGROUNDS)
            for (const { where, draw } of STACKS) {
              const ratio = contrast(INK, draw([r, g, b], under));
              if (ratio < 4.5)
                failures.push(`${where}: rgb(${r},${g},${b}) on rgb(${under}) ${ratio.toFixed(2)}`);
            }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});
