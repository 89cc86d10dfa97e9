// Opens one page as a demo user in Chromium and saves a screenshot (for looking at the UI).
// Usage: npx tsx scripts/peek.ts BASE_URL PATH OUT.png [WIDTH] [ROLE] [SUFFIX]
// PATH may be "case:<title regex>" to open a demo case by its title, then SUFFIX (e.g. "/history").
import { launchChromium, signIn } from "../tests/helpers/chromium";

async function main() {
  const [base, path, out] = [process.argv[2], process.argv[3], process.argv[4]];
  const width = Number(process.argv[5] ?? 1280);
  const role = (process.argv[6] ?? "editor") as "editor";
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
  page.on("console", (m) => console.log("console:", m.type(), m.text()));
  page.on("pageerror", (e) => console.log("pageerror:", e.message));
  await signIn(page, base, role);
  let target = path;
  if (path.startsWith("case:")) {
    await page.goto(`${base}/`);
    await page
      .getByRole("link", { name: new RegExp(path.slice(5)) })
      .first()
      .click();
    await page.getByRole("heading", { level: 1, name: new RegExp(path.slice(5)) }).waitFor();
    target = new URL(page.url()).pathname + (process.argv[7] ?? "");
  }
  const response = await page.goto(base + target);
  console.log("status", response?.status(), page.url());
  await page.screenshot({ path: out, fullPage: true });
  await browser.close();
}

main();
