import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SourceForm } from "~/components/sources/source-form";
import { EMPTY_SOURCE_VALUES, sourceFormSchema } from "~/models/source-fields";
import { createSource } from "~/models/sources.server";
import styles from "~/styles/sources.css?url";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "New source · Mediation Casebook" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "source.edit");
  return { workspaceId: member.workspaceId };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "source.edit");
  const parsed = parseForm(await request.formData(), sourceFormSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const created = createSource(member, parsed.data);
  return redirectWithToast(request, `/w/${member.workspaceId}/sources/${created.id}`, {
    kind: "success",
    message: "Source added to the library.",
  });
}

export default function NewSource() {
  const { workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/w/${workspaceId}/sources`;
  return (
    <main id="main" className="page page-narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={base}>Sources</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>New source</h1>
      <p className="muted">
        Only the type and title are required; add what you know. To add many at once,{" "}
        <Link to={`${base}/import`}>import a CSL-JSON file</Link>.
      </p>
      <div className="card">
        <SourceForm
          values={actionData?.values ?? EMPTY_SOURCE_VALUES}
          errors={actionData?.errors ?? {}}
          submitLabel="Add source"
          cancelTo={base}
        />
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
