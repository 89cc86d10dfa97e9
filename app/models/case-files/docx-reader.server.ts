// Opens an uploaded Word file without trusting it (ADR 0011). Before mammoth sees anything:
// - what it is: a zip (docx), an encrypted Office file, an old .doc, or something else;
// - the zip's directory: at most MAX_ZIP_ENTRIES entries and MAX_UNCOMPRESSED_BYTES once unpacked, every
//   entry inflated into a buffer of its declared size, so a zip bomb cannot take more than that;
// - macros (vbaProject.bin, macro-enabled content types) and embedded media are refused or left out;
// - word/document.xml and the notes hold at most MAX_XML_ELEMENTS elements.
// mammoth then runs in a worker thread with a time limit and a memory cap: the server keeps answering others
// while it works, and a file that takes too long is stopped.
import { Worker } from "node:worker_threads";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { projectFile } from "~/utils/project-root.server";

export const MAX_ZIP_ENTRIES = 2000;
export const MAX_UNCOMPRESSED_BYTES = 40 * 1024 * 1024;
export const MAX_XML_ELEMENTS = 300_000;
export const DOCX_TIME_LIMIT_MS = 20_000;
const WORKER_HEAP_MB = 384;

export type DocxRefusal =
  | "notDocx"
  | "encrypted"
  | "oldWord"
  | "corrupt"
  | "tooLarge"
  | "macros"
  | "tooManyElements"
  | "timeout";

export class DocxRefusedError extends Error {
  constructor(readonly reason: DocxRefusal) {
    super(`Word file refused: ${reason}`);
  }
}

export type DocxHtml = { html: string; images: number; messages: string[] };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** "EncryptionInfo" as UTF-16: the stream an encrypted (password-protected) .docx keeps in its OLE file. */
const ENCRYPTION_INFO = Buffer.from("EncryptionInfo", "utf16le");

const isMedia = (name: string) => /^word\/(?:media|embeddings)\//i.test(name);
const isMacro = (name: string) => /vbaProject\.bin$|vbaData\.xml$|\/activeX\//i.test(name);

function countElements(xml: string): number {
  let count = 0;
  for (let i = xml.indexOf("<"); i !== -1; i = xml.indexOf("<", i + 1)) count++;
  return count;
}

/** The checked parts of the file, zipped again without media, for mammoth. */
export function checkDocx(bytes: Uint8Array): { zip: Uint8Array; images: number } {
  if (startsWith(bytes, OLE)) {
    throw new DocxRefusedError(Buffer.from(bytes).includes(ENCRYPTION_INFO) ? "encrypted" : "oldWord");
  }
  if (!startsWith(bytes, ZIP)) throw new DocxRefusedError("notDocx");
  let entries = 0;
  let declared = 0;
  let media = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        entries += 1;
        declared += file.originalSize;
        if (entries > MAX_ZIP_ENTRIES || declared > MAX_UNCOMPRESSED_BYTES)
          throw new DocxRefusedError("tooLarge");
        if (isMacro(file.name)) throw new DocxRefusedError("macros");
        if (isMedia(file.name)) {
          media += 1;
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof DocxRefusedError) throw error;
    throw new DocxRefusedError("corrupt");
  }
  const contentTypes = files["[Content_Types].xml"];
  const document = files["word/document.xml"];
  if (!contentTypes || !document) throw new DocxRefusedError("notDocx");
  const types = strFromU8(contentTypes);
  if (/macroEnabled/i.test(types)) throw new DocxRefusedError("macros");
  if (!/wordprocessingml\.document\.main\+xml|wordprocessingml\.template\.main\+xml/.test(types)) {
    throw new DocxRefusedError("notDocx");
  }
  let elements = 0;
  for (const name of ["word/document.xml", "word/footnotes.xml", "word/endnotes.xml"]) {
    if (files[name]) elements += countElements(strFromU8(files[name]));
    if (elements > MAX_XML_ELEMENTS) throw new DocxRefusedError("tooManyElements");
  }
  return { zip: zipSync(files, { level: 0 }), images: media };
}

/** mammoth's HTML for a checked file, from a worker thread stopped after DOCX_TIME_LIMIT_MS. */
export function docxToHtml(zip: Uint8Array): Promise<DocxHtml> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(projectFile("app", "models", "case-files", "docx-reader.worker.mjs"), {
      workerData: { zip },
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => reject(new DocxRefusedError("timeout"))), DOCX_TIME_LIMIT_MS);
    worker.once("message", (result: DocxHtml) => finish(() => resolve(result)));
    worker.once("error", (error: Error & { code?: string }) =>
      finish(() =>
        reject(new DocxRefusedError(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? "tooLarge" : "corrupt")),
      ),
    );
    worker.once("exit", () => finish(() => reject(new DocxRefusedError("corrupt"))));
  });
}

/** Checks a Word file and reads it into HTML; throws DocxRefusedError with the reason it cannot be read. */
export async function readDocx(bytes: Uint8Array): Promise<DocxHtml> {
  const { zip, images } = checkDocx(bytes);
  const result = await docxToHtml(zip);
  return { ...result, images: Math.max(images, result.images) };
}
