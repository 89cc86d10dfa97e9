import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportForm, ImportReportView } from "~/components/sources/import";
import { requestOrigin } from "~/models/audit.server";
import { MAX_IMPORT_BYTES } from "~/models/source-fields";
import { importSources, sourcesFileFormat } from "~/models/sources.server";
import styles from "~/styles/sources.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle, getT } from "~/utils/i18n.server";
import { msg, translateMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { readUpload } from "~/utils/uploads.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "source.edit");
  return { workspaceId: member.workspaceId, pageTitle: await getPageTitle(request, "sources.import.title") };
}

const TOO_LARGE = msg("sources.import.tooLarge", { mb: MAX_IMPORT_BYTES / 1024 / 1024 });

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "source.edit");
  const upload = await readUpload(request, MAX_IMPORT_BYTES, {
    tooLarge: TOO_LARGE,
    chooseFile: msg("sources.import.chooseFile"),
    interrupted: msg("sources.import.interrupted"),
    emptyFile: msg("sources.import.emptyFile"),
  });
  if (!upload.ok) return data({ error: upload.error, report: null }, { status: upload.status });
  const text = await upload.file.text();
  const report = importSources(
    member,
    text,
    requestOrigin(request),
    sourcesFileFormat(text, upload.file.name),
  );
  if (report.fileError) {
    return data(
      {
        error: msg("sources.import.cannotImport", {
          reason: translateMessage(await getT(request), report.fileError),
        }),
        report: null,
      },
      { status: 400 },
    );
  }
  return { error: null, report };
}

export default function ImportSources() {
  const { t } = useTranslation();
  const { workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/w/${workspaceId}/sources`;
  return (
    <main id="main" className="page page-narrow">
      <nav aria-label={t("sources.breadcrumb")} className="breadcrumb">
        <Link to={base}>{t("sources.list.title")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("sources.import.title")}</h1>
      {actionData?.report ? (
        <ImportReportView report={actionData.report} base={base} />
      ) : (
        <>
          <p>
            {t("sources.import.introStart")}
            {t("sources.import.introZotero")} <em>{t("sources.import.zoteroExportLibrary")}</em>{" "}
            {t("sources.import.introOr")} <em>{t("sources.import.zoteroExportItems")}</em>
            {t("sources.import.introFormat")}
          </p>
          <p className="muted">{t("sources.import.skipRules")}</p>
        </>
      )}
      <ImportForm error={actionData?.error ?? null} done={actionData?.report ?? null} />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
