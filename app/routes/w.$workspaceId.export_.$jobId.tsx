// The finished workspace export, for the member who started it. A resource route; the file is removed from
// the server once it has been downloaded.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { openWorkspaceExport } from "~/models/exports.server";
import { attachmentHeader } from "~/utils/download";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { resourceLoader } from "~/utils/resource-errors.server";

// Refusals reach the reader as a page or JSON in their language (resource-errors.server.ts).
export const loader = resourceLoader(async ({ request, params }: LoaderFunctionArgs) => {
  const { member } = await requireWorkspaceMember(request, params);
  const file = openWorkspaceExport(member, requireId(params, "jobId"));
  return new Response(createReadableStreamFromReadable(file.stream), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachmentHeader(file.filename),
      "Content-Length": String(file.bytes),
      "Cache-Control": "private, no-store",
    },
  });
});
