// Takes screenshots of the main pages as each demo role, for the README and for looking at the UI.
// Usage: npx tsx scripts/screenshots.ts http://localhost:3000 [outDir]
import { mkdirSync } from "node:fs";
import { launchChromium, signIn } from "../tests/helpers/chromium";

const baseUrl = process.argv[2] ?? "http://localhost:3000";
const outDir = process.argv[3] ?? "docs/screenshots";
mkdirSync(outDir, { recursive: true });

const browser = await launchChromium();
try {
  for (const [name, width] of [
    ["wide", 1280],
    ["narrow", 360],
  ] as const) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, "editor");
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/cases$/);
    await page.screenshot({ path: `${outDir}/case-list-${name}.png`, fullPage: true });
    await page
      .getByRole("link", { name: /Mauritania/ })
      .first()
      .click();
    await page.screenshot({ path: `${outDir}/case-${name}.png`, fullPage: true });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`Screenshots written to ${outDir}`);
