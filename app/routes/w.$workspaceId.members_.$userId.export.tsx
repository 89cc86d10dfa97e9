// Everything one member wrote in this workspace, as a JSON file (owners only). A resource route.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "~/models/audit.server";
import { exportMemberWriting } from "~/models/member-export.server";
import { attachmentHeader } from "~/utils/download";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const userId = requireId(params, "userId");
  const file = exportMemberWriting(member, userId, requestOrigin(request));
  return new Response(file.body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachmentHeader(file.filename),
      "Cache-Control": "private, no-store",
    },
  });
}
