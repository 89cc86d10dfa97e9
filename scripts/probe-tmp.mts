import { launchChromium, signIn } from "../tests/helpers/chromium";

const base = process.argv[2];
const browser = await launchChromium();
const page = await (await browser.newContext({ viewport: { width: 360, height: 800 } })).newPage();
await signIn(page, base, "editor");
await page.goto(`${base}/`);
console.log(await page.evaluate(() => document.documentElement.scrollWidth));
console.log(
  await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > 360.5)
      .slice(0, 15)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)
      .join("\n"),
  ),
);
await browser.close();
