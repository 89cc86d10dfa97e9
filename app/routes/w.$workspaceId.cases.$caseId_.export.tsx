// One case as a file to download: ?format=md (Markdown), json (the full record), docx (Word) or pdf.
// A resource route.
// Every member may export a case they read; trainers get the approved version (see exports.server.ts).
// &redacted=1 replaces sensitive passages by "[redacted]"; trainers' exports always are (ADR 0008).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "~/models/audit.server";
import { exportCaseDocument, isCaseDocumentFormat, pdfRefusal } from "~/models/case-files/case-export.server";
import { exportCase, isCaseExportFormat } from "~/models/exports.server";
import { attachmentHeader } from "~/utils/download";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { Refusal } from "~/utils/refusal";
import { redirectWithToast } from "~/utils/toast.server";

type Translate = (key: string, params?: Record<string, string | number>) => string;
const translator =
  (t: Awaited<ReturnType<typeof getT>>): Translate =>
  (key, params) =>
    (t as unknown as Translate)(key, params ?? {});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const caseId = requireId(params, "caseId");
  const searchParams = new URL(request.url).searchParams;
  const format = searchParams.get("format") ?? "md";
  const redacted = searchParams.get("redacted") === "1";
  if (isCaseDocumentFormat(format)) {
    try {
      const file = await exportCaseDocument(member, caseId, format, {
        redacted,
        language: await getLocale(request),
        t: translator(await getT(request)),
        origin: requestOrigin(request),
        tagComments: searchParams.get("comments") !== "0",
      });
      return new Response(new Uint8Array(file.body), {
        headers: {
          "Content-Type": file.contentType,
          "Content-Disposition": attachmentHeader(file.filename, file.fullFilename),
          "Cache-Control": "private, no-store",
        },
      });
    } catch (error) {
      const refusal = pdfRefusal(error);
      if (!refusal) throw error;
      // Back to the case with the reason; print stays there as the way to a PDF.
      return redirectWithToast(request, `/w/${member.workspaceId}/cases/${caseId}`, {
        kind: "error",
        message: refusal,
      });
    }
  }
  if (!isCaseExportFormat(format)) {
    throw new Refusal(400, msg("cases.exportLinks.badFormat"));
  }
  // The Markdown's fixed words follow the exporting person's language; the case content is never translated.
  const t = await getT(request);
  const file = exportCase(
    member,
    caseId,
    format,
    requestOrigin(request),
    (key, values) => t(key, values ?? {}),
    { redacted, language: await getLocale(request) },
  );
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(file.filename, file.fullFilename),
      // Cases may hold sensitive notes: no shared cache keeps a copy.
      "Cache-Control": "private, no-store",
    },
  });
}
