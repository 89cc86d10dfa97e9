// The matrix as a file: ?format=csv (for R's QCA package) or ?format=md, with the same filters and
// columns as the page, or `set=ID` for a saved comparison set's cases. A resource route.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { requestOrigin } from "~/models/audit.server";
import { openComparisonSet, setViewOverrides } from "~/models/comparison-sets.server";
import {
  exportMatrix,
  filteredMatrix,
  MATRIX_EXPORT_FORMATS,
  type MatrixExportFormat,
  parseMatrixQuery,
} from "~/models/matrix.server";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { notFound } from "~/utils/permissions.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const searchParams = new URL(request.url).searchParams;
  const format = searchParams.get("format") ?? "csv";
  if (!(format in MATRIX_EXPORT_FORMATS))
    throw data({ message: "Choose format=csv or format=md (Markdown)." }, { status: 400 });
  const setId = searchParams.get("set");
  let file: ReturnType<typeof exportMatrix>;
  if (setId !== null) {
    if (!/^[a-z0-9]{8,40}$/.test(setId))
      throw notFound("This comparison set does not exist in this workspace.");
    const opened = openComparisonSet(member, setId, setViewOverrides(searchParams));
    if (opened.view !== "matrix")
      throw data({ message: "Only a matrix set can be exported." }, { status: 400 });
    file = exportMatrix(member, opened, format as MatrixExportFormat, { setId }, requestOrigin(request));
  } else {
    const built = filteredMatrix(member, parseMatrixQuery(searchParams));
    file = exportMatrix(member, built, format as MatrixExportFormat, {}, requestOrigin(request));
  }
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      // Case titles and stated conditions can be sensitive: no shared cache keeps a copy.
      "Cache-Control": "private, no-store",
    },
  });
}
