// The library as a file to download: ?format=json (CSL-JSON) or ?format=bib (BibTeX). A resource route.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "~/models/audit.server";
import { EXPORT_FORMATS, type ExportFormat, exportSources } from "~/models/sources.server";
import { attachmentHeader } from "~/utils/download";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { msg } from "~/utils/messages";
import { Refusal } from "~/utils/refusal";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!(format in EXPORT_FORMATS)) {
    throw new Refusal(400, msg("sources.export.badFormat"));
  }
  const file = exportSources(member, format as ExportFormat, requestOrigin(request));
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(file.filename),
      // The library may hold restricted sources: no shared cache keeps a copy.
      "Cache-Control": "private, no-store",
    },
  });
}
