// One case as a file to download: ?format=md (Markdown) or ?format=json (the full record). A resource route.
// Every member may export a case they read; trainers get the approved version (see exports.server.ts).
// &redacted=1 replaces sensitive passages by "[redacted]"; trainers' exports always are (ADR 0008).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { requestOrigin } from "~/models/audit.server";
import { attachmentHeader, exportCase, isCaseExportFormat } from "~/models/exports.server";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { resourceLoader } from "~/utils/resource-errors.server";

// Refusals reach the reader as a page or JSON in their language (resource-errors.server.ts).
export const loader = resourceLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const { member } = await requireWorkspaceMember(request, params);
  const caseId = requireId(params, "caseId");
  const searchParams = new URL(request.url).searchParams;
  const format = searchParams.get("format") ?? "md";
  const redacted = searchParams.get("redacted") === "1";
  if (!isCaseExportFormat(format)) {
    throw data({ message: msg("cases.exportLinks.badFormat") }, { status: 400 });
  }
  // The Markdown's fixed words follow the exporting person's language; the case content is never translated.
  const t = await getT(request);
  const file = exportCase(
    member,
    caseId,
    format,
    requestOrigin(request),
    (key, values) => t(key, values ?? {}),
    { redacted },
  );
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(file.filename, file.fullFilename),
      // Cases may hold sensitive notes: no shared cache keeps a copy.
      "Cache-Control": "private, no-store",
    },
  });
});
