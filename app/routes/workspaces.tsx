import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import { createWorkspace, listWorkspacesForUser } from "~/models/workspaces.server";
import { requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Workspaces · Mediation Casebook" }];

const workspaceSchema = z.object({
  name: z
    .string()
    .trim()
    .min(2, "Name the workspace (at least 2 characters).")
    .max(100, "Keep the name under 100 characters."),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { workspaces: listWorkspacesForUser(user.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(await request.formData(), workspaceSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const workspace = createWorkspace(user.id, parsed.data, requestOrigin(request));
  return redirectWithToast(request, `/w/${workspace.id}/cases`, {
    kind: "success",
    message: `Workspace “${workspace.name}” created.`,
  });
}

export default function Workspaces() {
  const { workspaces } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <main id="main" className="page page-narrow">
      <h1>Your workspaces</h1>
      {workspaces.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>You are not in a workspace yet.</strong>
          </p>
          <p>Create one for your team below, or open the invite link a colleague sent you.</p>
        </div>
      ) : (
        <ul className="card-list">
          {workspaces.map((workspace) => (
            <li key={workspace.id} className="card card-link">
              <Link to={`/w/${workspace.id}/cases`}>{workspace.name}</Link>
              <span>
                {workspace.role === "owner" || workspace.role === "editor" ? (
                  <>
                    <Link to={`/w/${workspace.id}/export`} className="button button-secondary button-small">
                      Export<span className="visually-hidden"> {workspace.name}</span>
                    </Link>{" "}
                  </>
                ) : null}
                <span className="role-badge">{workspace.role}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="new-workspace">
        <h2 id="new-workspace">New workspace</h2>
        <Form method="post" className="form form-inline">
          <Field
            label="Workspace name"
            name="name"
            placeholder="e.g. Sahel programme"
            defaultValue={actionData?.values.name}
            errors={actionData?.errors.name}
          />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Create workspace
          </button>
        </Form>
      </section>
      <p className="muted">
        Moving or restoring a team’s work? <Link to="/workspaces/import">Import a workspace</Link> from a file
        made with “Export this workspace”.
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
