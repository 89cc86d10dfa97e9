// Word in and out, and PDF, as people use them: an editor brings a Word case note in and finds its sections
// in the editor; a trainer listed on a confidential case takes its Word and PDF copies, which are redacted.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clickUnder, createCase, openEditor, unique } from "../helpers/case-pages";
import { type DemoRole, hydrated, launchChromium, signIn, testBaseUrl } from "../helpers/chromium";

const baseUrl = testBaseUrl();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function newPage(who: DemoRole, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, baseUrl, who);
  return page;
}

const visible = (locator: ReturnType<Page["locator"]>) => expect.poll(() => locator.isVisible()).toBe(true);

describe("Word import", () => {
  it("turns a Word case note into a case whose sections the editor shows", async () => {
    const title = `Truce talks in Ségou ${unique()}`;
    const word = await Packer.toBuffer(
      new Document({
        sections: [
          {
            children: [
              new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
              new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Contexte" }),
              new Paragraph({ children: [new TextRun("Local militias and Katiba Macina negotiated.")] }),
              new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Outcomes" }),
              new Paragraph("A temporary truce."),
              new Paragraph({ heading: HeadingLevel.HEADING_1, text: "Timeline of contacts" }),
              new Paragraph("First contacts through elders."),
            ],
          },
        ],
      }),
    );
    const page = await newPage("editor");
    await page.getByRole("link", { name: "Import from Word" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Import a Word document" }));
    await hydrated(page);

    // A file over the limit is refused before it is sent.
    const dir = mkdtempSync(join(tmpdir(), "casebook-word-"));
    const big = join(dir, "big.docx");
    writeFileSync(big, "");
    truncateSync(big, 6 * 1024 * 1024);
    await page.getByLabel("Word document (.docx)").setInputFiles(big);
    await visible(page.getByText("This file is larger than 5 MB."));
    expect(await page.getByRole("button", { name: "Import" }).isDisabled()).toBe(true);

    // A file that is not Word is refused with a message next to the field, and what was typed stays.
    await page.getByLabel("Word document (.docx)").setInputFiles({
      name: "notes.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: Buffer.from("These are plain notes, not a Word file."),
    });
    await page.getByLabel("Countries or regions").fill("Mali");
    await page.getByRole("button", { name: "Import" }).click();
    await visible(
      page.getByText("This file is not a Word document (.docx). Open it in Word and save it as .docx."),
    );
    expect(await page.getByLabel("Countries or regions").inputValue()).toBe("Mali");

    await page.getByLabel("Word document (.docx)").setInputFiles({
      name: "segou.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      buffer: word,
    });
    await page.getByRole("button", { name: "Import" }).click();
    await page.waitForURL(/\/cases\/[a-z0-9]+\/edit$/);
    await visible(page.getByText("Imported from Word: 3 sections, 0 citations. Review it here."));
    const editor = page.getByRole("textbox", { name: "Case text" });
    await visible(editor);
    // The French "Contexte" became the standard "Context"; the added section is kept as it was.
    await expect
      .poll(() => page.locator(".case-editor-text h2").allTextContents())
      .toEqual(["Context", "Outcomes", "Timeline of contacts"]);
    expect(await editor.textContent()).toContain("Local militias and Katiba Macina negotiated.");
    await page.context().close();
  });
});

describe("Word and PDF exports", () => {
  const NAME = "Sheikh Hamadoun of Djenné";

  it("give a trainer of a confidential case only redacted copies, without the sensitive passage", async () => {
    // An editor writes the case, marks a name sensitive and the case confidential, listing the trainer.
    const editor = await newPage("editor");
    const title = `Channel through Djenné ${unique()}`;
    const caseUrl = await createCase(editor, title);
    await openEditor(editor, caseUrl);
    await clickUnder(editor, "Context");
    await editor.keyboard.type(`Contact kept by ${NAME} for the katiba.`);
    await editor.evaluate((name) => {
      const paragraph = [...document.querySelectorAll(".case-editor-text p")].find((p) =>
        p.textContent?.includes(name),
      )!;
      const text = paragraph.firstChild!;
      const start = text.textContent!.indexOf(name);
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + name.length);
      window.getSelection()!.removeAllRanges();
      window.getSelection()!.addRange(range);
    }, NAME);
    await expect.poll(() => editor.evaluate(() => window.getSelection()?.toString())).toBe(NAME);
    await editor.getByRole("button", { name: /^Sensitive/ }).click();
    await expect
      .poll(() => editor.locator(".save-status").textContent(), { timeout: 15_000 })
      .toBe("All changes saved");
    await editor.goto(`${caseUrl}/details`);
    await visible(editor.getByRole("heading", { name: "Confidentiality" }));
    await editor.getByRole("checkbox", { name: /Confidential: only owners/ }).check();
    await editor.getByRole("checkbox", { name: /Tomas Trainer/ }).check();
    await editor.getByRole("button", { name: "Save confidentiality" }).click();
    await visible(editor.getByText(/^This case is confidential/));
    await editor.goto(`${caseUrl}/review`);
    await editor.getByLabel(/Olivia Owner/).check();
    await editor.getByRole("button", { name: "Submit for review" }).click();
    await visible(editor.getByText(/submitted for review\. The reviewers are notified\./));
    await editor.context().close();

    // The owner approves it, so the trainer reads it.
    const owner = await newPage("owner");
    await owner.goto(`${caseUrl}/review`);
    await owner.getByRole("button", { name: /^Approve revision \d+$/ }).click();
    await visible(owner.getByText(/^Approved revision \d+\. Trainers now read this version\.$/));
    await owner.context().close();

    const trainer = await newPage("trainer");
    await trainer.goto(caseUrl);
    await visible(trainer.getByRole("heading", { level: 1, name: title }));
    // Trainers are offered redacted copies only.
    expect(await trainer.getByRole("link", { name: "Word", exact: true }).count()).toBe(0);
    const download = async (name: string) => {
      const [file] = await Promise.all([
        trainer.waitForEvent("download"),
        trainer.getByRole("link", { name }).click(),
      ]);
      return { path: (await file.path())!, filename: file.suggestedFilename() };
    };
    const word = await download("Word, redacted");
    expect(word.filename).toBe(`${title} (redacted).docx`);
    const files = unzipSync(new Uint8Array(readFileSync(word.path)));
    const wordText = strFromU8(files["word/document.xml"]);
    expect(wordText).toContain("Contact kept by ");
    expect(wordText).toContain("[redacted]");
    expect(wordText).not.toContain("Hamadoun");

    const pdf = await download("PDF, redacted");
    expect(pdf.filename).toBe(`${title} (redacted).pdf`);
    expect(readFileSync(pdf.path).subarray(0, 5).toString()).toBe("%PDF-");
    const pdfText = execFileSync("pdftotext", ["-enc", "UTF-8", pdf.path, "-"]).toString();
    expect(pdfText).toContain(title);
    expect(pdfText).toContain("[redacted]");
    expect(pdfText).not.toContain("Hamadoun");
    await trainer.context().close();
  });
});
