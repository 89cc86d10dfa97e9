// Import a workspace export into a NEW workspace owned by the importer (any signed-in user). The file is
// checked as a whole before anything is written, then written in one transaction: a bad file changes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { WorkspaceImportForm } from "~/components/exports/workspace-import-form";
import { requestOrigin } from "~/models/audit.server";
import {
  importWorkspace,
  MAX_WORKSPACE_IMPORT_BYTES,
  WorkspaceImportError,
} from "~/models/workspace-transfer.server";
import styles from "~/styles/exports.css?url";
import { requireUser } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Import a workspace · Mediation Casebook" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return { maxBytes: MAX_WORKSPACE_IMPORT_BYTES };
}

const TOO_LARGE = `The file is larger than ${MAX_WORKSPACE_IMPORT_BYTES / 1024 / 1024} MB, more than a workspace export can be. Nothing was imported.`;

/** Multipart framing around the file: headers and boundaries, a few hundred bytes in practice. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

async function readUpload(
  request: Request,
): Promise<{ text: string } | { status: 400 | 413; error: string }> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_WORKSPACE_IMPORT_BYTES + FORM_OVERHEAD_BYTES) return { status: 413, error: TOO_LARGE };
  if (!(request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    return { status: 400, error: "Choose a workspace export file (.json) to import." };
  }
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_WORKSPACE_IMPORT_BYTES }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { status: 413, error: TOO_LARGE };
    return { status: 400, error: "The upload was interrupted or is not a file. Choose the file again." };
  }
  const file = formData.get("file");
  if (!file || typeof file === "string" || file.size === 0) {
    return {
      status: 400,
      error:
        file && typeof file !== "string"
          ? "The file is empty."
          : "Choose a workspace export file (.json) to import.",
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
    const result = await importWorkspace(user, upload.text, requestOrigin(request));
    const { counts } = result;
    const n = (count: number, one: string, many: string) =>
      `${count.toLocaleString("en-GB")} ${count === 1 ? one : many}`;
    const dropped = result.droppedReferences
      ? ` ${n(result.droppedReferences, "tag or citation", "tags or citations")} pointed to codes or sources missing from the file and were left out.`
      : "";
    return redirectWithToast(request, `/w/${result.workspaceId}/cases`, {
      kind: "success",
      message: `Imported “${result.name}”: ${n(counts.cases, "case", "cases")}, ${n(counts.codes, "code", "codes")}, ${n(counts.sources, "source", "sources")}. You are its owner: invite your team from Members.${dropped}`,
    });
  } catch (error) {
    if (error instanceof WorkspaceImportError) {
      return data(
        { error: `This file cannot be imported, and nothing was imported. ${error.problems.join(" ")}` },
        { status: 400 },
      );
    }
    throw error;
  }
}

export default function ImportWorkspace() {
  const { maxBytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <main id="main" className="page page-narrow exports-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/workspaces">Workspaces</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>Import a workspace</h1>
      <p className="lead">
        Bring in a file made with <strong>Export this workspace</strong>. It becomes a new workspace, named
        after the original with “(imported)”, and you are its owner. Your other workspaces are not changed.
      </p>
      <ul className="import-notes">
        <li>
          Cases keep their revisions, status, conditions and comment threads; cases in the trash stay there.
        </li>
        <li>
          Nobody else is added to the new workspace. Revisions and comments by others are kept, marked
          “Originally by …”. Invite your team from Members once it is imported.
        </li>
        <li>
          The file is checked first: if anything in it is wrong, nothing is imported and you are told why.
        </li>
      </ul>
      <WorkspaceImportForm error={actionData?.error ?? null} maxBytes={maxBytes} />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
