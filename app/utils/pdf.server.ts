// PDF from HTML with Debian's Chromium (ADR 0011). One render at a time, each bounded in time, in a page
// with JavaScript off and every request refused: the HTML is self-contained, and nothing in a case body can
// make the server's browser fetch anything. Chromium embeds the fonts it uses.
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const PDF_TIMEOUT_MS = 30_000;
/** Renders waiting for their turn beyond this are refused (503) rather than queued without end. */
const MAX_WAITING = 8;

export class PdfUnavailableError extends Error {
  constructor(readonly reason: "noBrowser" | "busy" | "failed") {
    super(`PDF rendering unavailable: ${reason}`);
  }
}

export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  return existsSync(path) ? path : null;
}

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

async function render(html: string): Promise<Buffer> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new PdfUnavailableError("noBrowser");
  let browser: Browser | null = null;
  const timer = setTimeout(() => {
    void browser?.close();
  }, PDF_TIMEOUT_MS);
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      timeout: PDF_TIMEOUT_MS,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-extensions",
      ],
    });
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route("**/*", (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: "load", timeout: PDF_TIMEOUT_MS });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
    });
  } catch (error) {
    if (error instanceof PdfUnavailableError) throw error;
    throw new PdfUnavailableError("failed");
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => undefined);
  }
}

/** The PDF of a self-contained HTML page; throws PdfUnavailableError when it cannot be made now. */
export function htmlToPdf(html: string): Promise<Buffer> {
  if (!chromiumPath()) return Promise.reject(new PdfUnavailableError("noBrowser"));
  if (waiting >= MAX_WAITING) return Promise.reject(new PdfUnavailableError("busy"));
  waiting++;
  const turn = queue.then(() => render(html));
  queue = turn.catch(() => undefined);
  return turn.finally(() => {
    waiting--;
  });
}
