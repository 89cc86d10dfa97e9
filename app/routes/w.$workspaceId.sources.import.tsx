import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ImportForm, ImportReportView } from "~/components/sources/import";
import { requestOrigin } from "~/models/audit.server";
import { MAX_IMPORT_BYTES } from "~/models/source-fields";
import { importSources } from "~/models/sources.server";
import styles from "~/styles/sources.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { requirePermission } from "~/utils/permissions.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Import sources · Mediation Casebook" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "source.edit");
  return { workspaceId: member.workspaceId };
}

const TOO_LARGE = `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files and import them one by one. Nothing was imported.`;

/** Multipart framing around the file: headers and boundaries, a few hundred bytes in practice. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

async function readUpload(
  request: Request,
): Promise<{ text: string } | { status: 400 | 413; error: string }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES) return { status: 413, error: TOO_LARGE };
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return { status: 400, error: "Choose a CSL-JSON file to import." };
  }
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { status: 413, error: TOO_LARGE };
    return { status: 400, error: "The upload was interrupted or is not a file. Choose the file again." };
  }
  const file = formData.get("file");
  if (!file || typeof file === "string" || file.size === 0) {
    return {
      status: 400,
      error: file && typeof file !== "string" ? "The file is empty." : "Choose a CSL-JSON file to import.",
    };
  }
  if (file.size > MAX_IMPORT_BYTES) return { status: 413, error: TOO_LARGE };
  return { text: await file.text() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "source.edit");
  const upload = await readUpload(request);
  if ("error" in upload) return data({ error: upload.error, report: null }, { status: upload.status });
  const report = importSources(member, upload.text, requestOrigin(request));
  if (report.fileError) {
    return data(
      { error: `This file cannot be imported: ${report.fileError}`, report: null },
      { status: 400 },
    );
  }
  return { error: null, report };
}

export default function ImportSources() {
  const { workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/w/${workspaceId}/sources`;
  return (
    <main id="main" className="page page-narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={base}>Sources</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>Import sources</h1>
      {actionData?.report ? (
        <ImportReportView report={actionData.report} base={base} />
      ) : (
        <>
          <p>
            Add many sources at once from a <strong>CSL-JSON</strong> file. In Zotero: select the items, then{" "}
            <em>File › Export Library…</em> (or right-click › <em>Export Items…</em>) and choose the format{" "}
            <em>CSL JSON</em>.
          </p>
          <p className="muted">
            Items that cannot be read, and items already in the library (same DOI, or same title and year),
            are skipped; the report after the import says which and why. Nothing else is changed.
          </p>
        </>
      )}
      <ImportForm error={actionData?.error ?? null} done={actionData?.report ?? null} />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
