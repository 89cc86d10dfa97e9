// Screenshots of every page of the browser tests' walk at 320, 390, 768 and 1280 px, for people to look at
// (issue 13: narrow screens). Starts the production build (npm run build first) on a fresh demo database,
// signs in as each role, and writes one PNG per page, role and width, plus index.html to browse them.
//
//   npm run screenshots:pages                  # every page, every width, into a folder under /tmp
//   npm run screenshots:pages -- --out DIR --widths 390,1280 --only matrix --language fr
//
// tests/browser/narrow-screens.test.ts checks the same walk automatically (nothing wider than the screen,
// no text cut); this script is for the eyes.
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium, signIn } from "../tests/helpers/chromium";
import { type DemoRole, walkPages } from "../tests/helpers/page-walk";
import { startTestServer } from "../tests/helpers/test-server";

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const out = option("out") ?? join(tmpdir(), `casebook-screens-${Date.now()}`);
const widths = (option("widths") ?? "320,390,768,1280").split(",").map(Number);
const only = option("only");
// The demo people follow their browser's language: French words are longer, and show more.
const language = option("language") ?? "en";
// Long pages are cut here: what matters is the top of a page and how its parts fit side by side.
const MAX_HEIGHT = 2400;

async function shoot(page: Page, file: string) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const width = page.viewportSize()?.width ?? 1280;
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) },
  });
}

const server = await startTestServer();
const browser = await launchChromium();
mkdirSync(out, { recursive: true });
const shots: Array<{ file: string; label: string; width: number }> = [];
try {
  for (const role of ["owner", "editor", "reviewer", "trainer"] satisfies DemoRole[]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.baseUrl, role);
    await context.setExtraHTTPHeaders({ "Accept-Language": language });
    const pages = (await walkPages(page, server.baseUrl, role)).filter(
      (entry) => !only || entry.name.includes(only),
    );
    for (const width of widths) {
      await page.setViewportSize({ width, height: 900 });
      for (const entry of pages) {
        await entry.open(page);
        const file = `${role}-${entry.name}-${width}.png`;
        await shoot(page, join(out, file));
        shots.push({ file, label: `${role} · ${entry.name} · ${width} px`, width });
      }
    }
    await context.close();
  }
  const visitor = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    extraHTTPHeaders: { "Accept-Language": language },
  });
  const page = await visitor.newPage();
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of ["/sign-in", "/sign-up"]) {
      await page.goto(`${server.baseUrl}${path}`);
      const file = `visitor${path.replace("/", "-")}-${width}.png`;
      await shoot(page, join(out, file));
      shots.push({ file, label: `visitor · ${path} · ${width} px`, width });
    }
  }
  writeFileSync(
    join(out, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>Screenshots</title><style>body{font-family:sans-serif}figure{display:inline-block;vertical-align:top;margin:8px}img{border:1px solid #999;max-width:100%}</style>${shots
      .map(
        (shot) =>
          `<figure><figcaption>${shot.label}</figcaption><img src="${shot.file}" width="${shot.width}"></figure>`,
      )
      .join("\n")}`,
  );
  console.log(`${shots.length} screenshots in ${out} (index.html lists them)`);
} finally {
  await browser.close();
  await server.stop();
}
