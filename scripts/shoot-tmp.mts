import { hydrated, launchChromium, signIn } from "../tests/helpers/chromium";

const base = process.argv[2];
const who = (process.argv[3] ?? "editor") as "editor";
const paths = process.argv.slice(4);
const browser = await launchChromium();
const problems: string[] = [];
for (const width of [1280, 390]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (e) => problems.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`${page.url()}: console ${m.text()}`);
  });
  await signIn(page, base, who);
  const ws = /\/w\/([a-z0-9]+)/.exec(page.url())![1];
  for (const [i, p] of paths.entries()) {
    let url = p.replace("{ws}", `/w/${ws}`);
    if (url.includes("{case:")) {
      const title = /\{case:([^}]+)\}/.exec(url)![1];
      await page.goto(`${base}/w/${ws}/cases`);
      const href = await page
        .getByRole("link", { name: new RegExp(title) })
        .first()
        .getAttribute("href");
      url = url.replace(/\{case:[^}]+\}/, href!);
    }
    if (url.includes("{actor:")) {
      const name = /\{actor:([^}]+)\}/.exec(url)![1];
      await page.goto(`${base}/w/${ws}/actors`);
      const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
      url = url.replace(/\{actor:[^}]+\}/, href!);
    }
    if (url.includes("{code:")) {
      const name = /\{code:([^}]+)\}/.exec(url)![1];
      await page.goto(`${base}/w/${ws}/codebook`);
      const href = await page.getByRole("link", { name, exact: true }).first().getAttribute("href");
      url = url.replace(/\{code:[^}]+\}/, href!);
    }
    const [address, selector] = url.split("@@");
    await page.goto(`${base}${address}`);
    await hydrated(page).catch(() => {});
    if (selector) {
      await page.locator(selector).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/shots/${who}-${i}-${width}.png` });
    } else await page.screenshot({ path: `/tmp/shots/${who}-${i}-${width}.png`, fullPage: width > 400 });
  }
  await context.close();
}
await browser.close();
console.log(problems.join("\n") || "no page errors");
