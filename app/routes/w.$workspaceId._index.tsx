import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireWorkspaceMember } from "~/utils/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  throw redirect(`/w/${member.workspaceId}/cases`);
}
