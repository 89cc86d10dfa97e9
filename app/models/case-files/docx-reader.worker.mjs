// Runs mammoth on a Word file in a worker thread of its own, so that the server can stop it after a time
// limit and cap its memory (docx-reader.server.ts). The file it gets has passed the size and element checks.
import { parentPort, workerData } from "node:worker_threads";
import mammoth from "mammoth";

const styleMap = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Titre'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

let images = 0;
const result = await mammoth.convertToHtml(
  { buffer: Buffer.from(workerData.zip) },
  {
    styleMap,
    ignoreEmptyParagraphs: true,
    // Images are left out (the person is told how many): nothing of them is read.
    convertImage: mammoth.images.imgElement(() => {
      images += 1;
      return Promise.resolve({ src: "" });
    }),
  },
);
parentPort.postMessage({ html: result.value, images, messages: result.messages.map((m) => m.message) });
