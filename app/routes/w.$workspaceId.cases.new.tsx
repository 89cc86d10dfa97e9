import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CaseFieldsForm } from "~/components/case-form";
import { requestOrigin } from "~/models/audit.server";
import { caseFieldsSchema } from "~/models/case-fields";
import { createCase } from "~/models/cases.server";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "New case · Mediation Casebook" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.create");
  return { workspaceId: member.workspaceId };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.create");
  const parsed = parseForm(await request.formData(), caseFieldsSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const created = createCase(member, parsed.data, requestOrigin(request));
  return redirectWithToast(request, `/w/${member.workspaceId}/cases/${created.id}`, {
    kind: "success",
    message: "Case created.",
  });
}

export default function NewCase() {
  const { workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <main id="main" className="page page-narrow">
      <h1>New case</h1>
      <p className="muted">
        Start with the structured fields. The case body begins with the standard sections: Context, Actors,
        Process, Preconditions, Outcomes, Lessons.
      </p>
      <CaseFieldsForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        submitLabel="Create case"
        cancelTo={`/w/${workspaceId}/cases`}
      />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
