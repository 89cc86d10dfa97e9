// One matrix cell's evidence as JSON, for the sheet that opens over the grid (components/matrix/matrix-grid).
// The page `matrix/cell` shows the same without JavaScript. A resource route.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { matrixCell } from "~/models/matrix.server";
import { parseCellQuery } from "~/queries/matrix";
import { requireWorkspaceMember } from "~/utils/guards.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const { caseId, codeId } = parseCellQuery(new URL(request.url).searchParams);
  return Response.json(matrixCell(member, caseId, codeId));
}
