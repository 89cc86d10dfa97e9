// One matrix cell as a page: where a cell of the grid leads without JavaScript (with it, the cell opens in a
// sheet over the grid, filled from `matrix/evidence`).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CellEvidence, CellPanel } from "~/components/matrix/matrix-grid";
import { cellBackLink, matrixCell } from "~/models/matrix.server";
import { parseCellQuery } from "~/queries/matrix";
import styles from "~/styles/matrix.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const searchParams = new URL(request.url).searchParams;
  const { caseId, codeId } = parseCellQuery(searchParams);
  const found = matrixCell(member, caseId, codeId);
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", {
      title: t("matrix.cell.metaTitle", { code: found.code.label, case: found.case.title }),
    }),
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    back: cellBackLink(member.workspaceId, searchParams.get("back")),
    ...found,
  };
}

export default function MatrixCellPage() {
  const { t } = useTranslation();
  const { workspaceId, workspaceName, back, case: caseStudy, code, cell } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page matrix-cell-page">
      <p className="eyebrow">{workspaceName}</p>
      <h1 className="visually-hidden">
        {t("matrix.cell.sheetLabel", { code: code.label, case: caseStudy.title })}
      </h1>
      <CellPanel
        caseId={caseStudy.id}
        caseTitle={caseStudy.title}
        codeLabel={code.label}
        workspaceId={workspaceId}
      >
        <CellEvidence cell={cell} />
      </CellPanel>
      <p>
        <Link to={back}>← {t("matrix.cell.backToMatrix")}</Link>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
