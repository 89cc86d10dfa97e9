// The matrix as a file: ?format=csv (for R's QCA package) or ?format=md, with the same filters and
// columns as the page, or `set=ID` for a saved comparison set's cases. A resource route.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requestOrigin } from "~/models/audit.server";
import { openComparisonSet } from "~/models/comparison-sets.server";
import {
  exportMatrix,
  filteredMatrix,
  MATRIX_EXPORT_FORMATS,
  type MatrixExportFormat,
} from "~/models/matrix.server";
import { parseMatrixQuery, setViewOverrides } from "~/queries/matrix";
import { isRecordId } from "~/rules/ids";
import { attachmentHeader } from "~/utils/download";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { notFound } from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const searchParams = new URL(request.url).searchParams;
  const format = searchParams.get("format") ?? "csv";
  if (!(format in MATRIX_EXPORT_FORMATS)) throw new Refusal(400, msg("matrix.export.badFormat"));
  const setId = searchParams.get("set");
  // CSV keeps machine-readable headers (a "case" column and R identifiers); Markdown is read by people.
  const caseHeading = (await getT(request))("matrix.grid.case");
  let file: ReturnType<typeof exportMatrix>;
  if (setId !== null) {
    if (!isRecordId(setId)) throw notFound(msg("compare.errors.setNotFound"));
    const opened = openComparisonSet(member, setId, setViewOverrides(searchParams));
    if (opened.view !== "matrix") throw new Refusal(400, msg("matrix.export.onlyMatrixSet"));
    file = exportMatrix(
      member,
      opened,
      format as MatrixExportFormat,
      { setId },
      requestOrigin(request),
      caseHeading,
    );
  } else {
    const built = filteredMatrix(member, parseMatrixQuery(searchParams));
    file = exportMatrix(member, built, format as MatrixExportFormat, {}, requestOrigin(request), caseHeading);
  }
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": attachmentHeader(file.filename),
      // Case titles and stated conditions can be sensitive: no shared cache keeps a copy.
      "Cache-Control": "private, no-store",
    },
  });
}
