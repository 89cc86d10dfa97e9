// The finished workspace export, for the member who started it. A resource route; the file is removed from
// the server once it has been downloaded.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { openWorkspaceExport } from "~/models/exports.server";
import { attachmentHeader } from "~/utils/download";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
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
}
