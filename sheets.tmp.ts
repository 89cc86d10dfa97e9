import { readdirSync, writeFileSync } from "node:fs";
import { launchChromium } from "./tests/helpers/chromium";
const dir = process.argv[2]; const out = process.argv[3]; const width = Number(process.argv[4]); const role = process.argv[5]; const per = Number(process.argv[6] ?? 5); const cropH = Number(process.argv[7] ?? 1400);
const files = readdirSync(dir).filter((f) => f.endsWith(`-${width}.png`) && f.startsWith(`${role}-`)).sort();
const browser = await launchChromium();
const page = await browser.newPage();
for (let i = 0; i < files.length; i += per) {
  const group = files.slice(i, i + per);
  const html = `<html><body style="margin:0;display:flex;gap:6px;background:#333;align-items:flex-start">${group.map((f) => `<div style="width:${width}px;height:${cropH}px;overflow:hidden;background:#fff"><div style="font:12px sans-serif;background:#ff0;padding:2px">${f}</div><img src="file://${dir}/${f}" style="display:block"></div>`).join("")}</body></html>`;
  writeFileSync(`${out}/sheet.html`, html);
  await page.setViewportSize({ width: group.length * (width + 6), height: cropH + 20 });
  await page.goto(`file://${out}/sheet.html`);
  await page.waitForLoadState("load");
  await page.screenshot({ path: `${out}/${role}-${width}-${String(i / per).padStart(2, "0")}.png` });
}
await browser.close();
console.log(files.length);
