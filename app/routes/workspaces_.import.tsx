// Import a workspace export into a NEW workspace owned by the importer (any signed-in user). The file is
// checked as a whole before anything is written, then written in one transaction: a bad file changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { WorkspaceImportForm } from "~/components/exports/workspace-import-form";
import { requestOrigin } from "~/models/audit.server";
import { MAX_WORKSPACE_IMPORT_BYTES, WorkspaceImportError } from "~/models/workspace-file";
import { importWorkspace } from "~/models/workspace-import.server";
import styles from "~/styles/exports.css?url";
import { requireUser } from "~/utils/auth.server";
import { formatNumber } from "~/utils/format";
import { getLocale, getPageTitle, getT } from "~/utils/i18n.server";
import { msg, translated, translateMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import { FORM_OVERHEAD_BYTES } from "~/utils/upload-limits";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return {
    pageTitle: await getPageTitle(request, "exports.import.metaTitle"),
  };
}

const TOO_LARGE = msg("exports.import.tooLarge", { max: MAX_WORKSPACE_IMPORT_BYTES / 1024 / 1024 });

async function readUpload(
  request: Request,
): Promise<{ text: string } | { status: 400 | 413; error: string }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_WORKSPACE_IMPORT_BYTES + FORM_OVERHEAD_BYTES) return { status: 413, error: TOO_LARGE };
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return { status: 400, error: msg("exports.import.chooseFile") };
  }
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_WORKSPACE_IMPORT_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { status: 413, error: TOO_LARGE };
    return { status: 400, error: msg("exports.import.interrupted") };
  }
  const file = formData.get("file");
  if (!file || typeof file === "string" || file.size === 0) {
    return {
      status: 400,
      error:
        file && typeof file !== "string" ? msg("exports.import.empty") : msg("exports.import.chooseFile"),
    };
  }
  if (file.size > MAX_WORKSPACE_IMPORT_BYTES) return { status: 413, error: TOO_LARGE };
  return { text: await file.text() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const upload = await readUpload(request);
  if ("error" in upload) return data({ error: upload.error }, { status: upload.status });
  try {
    const locale = await getLocale(request);
    const result = await importWorkspace(user, upload.text, requestOrigin(request), locale);
    const { counts } = result;
    // Several counts in one sentence: written here in the importer's language, shown as it is.
    const t = await getT(request);
    const n = (count: number) => ({ count, n: formatNumber(count, locale) });
    const imported = t("exports.import.imported", {
      name: result.name,
      cases: t("exports.workspace.cases", n(counts.cases)),
      codes: t("exports.workspace.codes", n(counts.codes)),
      sources: t("exports.workspace.sources", n(counts.sources)),
    });
    const dropped = result.droppedReferences
      ? ` ${t("exports.import.dropped", n(result.droppedReferences))}`
      : "";
    return redirectWithToast(request, `/w/${result.workspaceId}/cases`, {
      kind: "success",
      message: translated(`${imported}${dropped}`),
    });
  } catch (error) {
    if (error instanceof WorkspaceImportError) {
      // Where each problem is, then what is wrong: catalogue messages, written out in the reader's language.
      const t = await getT(request);
      const problems = error.problems.map((problem) => translateMessage(t, problem));
      return data(
        { error: [translateMessage(t, msg("exports.import.cannotImport")), ...problems].join(" ") },
        { status: 400 },
      );
    }
    throw error;
  }
}

export default function ImportWorkspace() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <main id="main" className="page page-narrow exports-page">
      <nav aria-label={t("exports.import.breadcrumb")} className="breadcrumb">
        <Link to="/workspaces">{t("common.header.workspaces")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("exports.import.title")}</h1>
      <p className="lead">
        {t("exports.import.leadBefore")}
        <strong>{t("exports.import.leadStrong")}</strong>
        {t("exports.import.leadAfter")}
      </p>
      <ul className="import-notes">
        <li>{t("exports.import.noteKept")}</li>
        <li>{t("exports.import.noteNobody")}</li>
        <li>{t("exports.import.noteChecked")}</li>
      </ul>
      <WorkspaceImportForm error={actionData?.error ?? null} />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
