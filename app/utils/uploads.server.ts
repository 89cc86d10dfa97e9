// One file posted with a form (multipart), read in memory within a size limit. server.ts refuses bodies over
// the import limit before they get here; this answers the person in their words.
import {
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { FORM_OVERHEAD_BYTES } from "./upload-limits";

export type UploadMessages = {
  tooLarge: string;
  chooseFile: string;
  interrupted: string;
  emptyFile?: string;
};

export type Upload =
  | { ok: true; formData: FormData; file: File }
  | { ok: false; status: 400 | 413; error: string; formData?: FormData };

export async function readUpload(
  request: Request,
  maxBytes: number,
  messages: UploadMessages,
): Promise<Upload> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes + FORM_OVERHEAD_BYTES) return { ok: false, status: 413, error: messages.tooLarge };
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return { ok: false, status: 400, error: messages.chooseFile };
  }
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError)
      return { ok: false, status: 413, error: messages.tooLarge };
    return { ok: false, status: 400, error: messages.interrupted };
  }
  const file = formData.get("file");
  if (!file || typeof file === "string")
    return { ok: false, status: 400, error: messages.chooseFile, formData };
  if (file.size === 0)
    return { ok: false, status: 400, error: messages.emptyFile ?? messages.chooseFile, formData };
  if (file.size > maxBytes) return { ok: false, status: 413, error: messages.tooLarge, formData };
  return { ok: true, formData, file };
}
