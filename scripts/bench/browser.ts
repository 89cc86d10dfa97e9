// Chromium timings for `npm run bench`: how long until a long case is editable, and how long a keystroke
// takes to reach the screen in it. Measured inside the page with performance.now(), so the figures do not
// include the automation channel's own round trips.
import type { Page } from "playwright-core";
import { launchChromium } from "../../tests/helpers/chromium";

export type BrowserFigures = {
  /** Navigation start to an editor that exists, is editable and has taken a first key (ms). */
  editableMs: number;
  keystrokes: number;
  keystrokeP50: number;
  keystrokeP95: number;
  keystrokeMax: number;
};

export function percentile(values: number[], p: number) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

declare global {
  interface Window {
    benchLatencies?: number[];
  }
}

/** Installs the in-page probe: keydown's own timestamp to the first animation frame after the text changed. */
function installProbe() {
  const editor = document.querySelector(".ProseMirror");
  if (!editor) throw new Error("No editor on the page");
  window.benchLatencies = [];
  let pressedAt: number | null = null;
  window.addEventListener(
    "keydown",
    (event) => {
      pressedAt = event.timeStamp;
    },
    true,
  );
  new MutationObserver((records) => {
    if (pressedAt === null) return;
    const changedText = records.some(
      (record) =>
        record.type === "characterData" || (record.type === "childList" && record.addedNodes.length),
    );
    if (!changedText) return;
    const started = pressedAt;
    pressedAt = null;
    // The frame callback runs just before the browser paints the changed text.
    requestAnimationFrame(() => window.benchLatencies?.push(performance.now() - started));
  }).observe(editor, { characterData: true, childList: true, subtree: true });
}

export async function measureBrowser(options: {
  baseUrl: string;
  email: string;
  password: string;
  editPath: string;
  keystrokes: number;
}): Promise<BrowserFigures> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, options.baseUrl, options.email, options.password);
    // One unmeasured visit fills the HTTP cache with the app's scripts, as a returning user's browser has.
    await page.goto(`${options.baseUrl}${options.editPath}`);
    await page.locator('.ProseMirror[contenteditable="true"]').waitFor({ timeout: 60_000 });
    await page.goto(`${options.baseUrl}/`);

    await page.goto(`${options.baseUrl}${options.editPath}`, { waitUntil: "commit" });
    const editor = page.locator('.ProseMirror[contenteditable="true"]');
    await editor.waitFor({ timeout: 60_000 });
    // The long case has hundreds of paragraphs: wait until the editor holds its text, then type in one.
    const paragraph = editor.locator("p").nth(40);
    await paragraph.waitFor({ timeout: 60_000 }).catch(async () => {
      const count = await editor.locator("p").count();
      throw new Error(`The editor shows ${count} paragraphs, not the long case's text`);
    });
    await paragraph.click();
    // The generated text has no capital Q: seeing one means the key reached the document.
    await page.keyboard.type("Q");
    // Time since the navigation began, on the page's own clock, when the typed key is in the text.
    const typed = await page.waitForFunction(() => {
      const selection = window.getSelection();
      return selection?.anchorNode?.textContent?.includes("Q") ? performance.now() : false;
    });
    const editableMs = (await typed.jsonValue()) as number;

    await page.evaluate(installProbe);
    const text = "the ceasefire held while elders carried messages between the parties ";
    for (let i = 0; i < options.keystrokes; i++) {
      await page.keyboard.press(text[i % text.length] === " " ? "Space" : text[i % text.length]);
      await page.waitForFunction((n) => (window.benchLatencies?.length ?? 0) >= n, i + 1, {
        timeout: 10_000,
      });
    }
    const latencies = await page.evaluate(() => window.benchLatencies ?? []);
    return {
      editableMs,
      keystrokes: latencies.length,
      keystrokeP50: percentile(latencies, 50),
      keystrokeP95: percentile(latencies, 95),
      keystrokeMax: Math.max(...latencies),
    };
  } finally {
    await browser.close();
  }
}
