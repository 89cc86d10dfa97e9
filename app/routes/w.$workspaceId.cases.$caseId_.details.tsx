import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CaseFieldsForm } from "~/components/case-form";
import { caseFieldsSchema, fieldsToFormValues } from "~/models/case-fields";
import { getCase, StaleRevisionError, updateCaseFields } from "~/models/cases.server";
import { parseForm } from "~/utils/forms";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit details · ${data?.title ?? "Case"} · Mediation Casebook` },
];

const revisionSchema = z.object({ revision: z.coerce.number().int().positive() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseStudy = getCase(member, requireId(params, "caseId"));
  return {
    workspaceId: member.workspaceId,
    caseId: caseStudy.id,
    title: caseStudy.title,
    revision: caseStudy.revision,
    values: fieldsToFormValues(caseStudy),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseId = requireId(params, "caseId");
  const formData = await request.formData();
  const parsed = parseForm(formData, caseFieldsSchema);
  const revision = revisionSchema.safeParse({ revision: formData.get("revision") });
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (!revision.success) {
    return data(
      {
        errors: { form: ["The form is missing its revision. Reload the page."] },
        values: Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])),
      },
      { status: 400 },
    );
  }
  try {
    updateCaseFields(member, caseId, revision.data.revision, parsed.data);
  } catch (error) {
    if (error instanceof StaleRevisionError) {
      // Keep what the user typed; the next save is based on the newer revision, after they have been warned.
      const values = {
        ...Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])),
        revision: String(error.currentRevision),
      };
      const message = `Someone else saved this case after you opened it. Your text is kept below: open the case in another tab to compare, then save again to replace their details with yours.`;
      return data({ errors: { form: [message] }, values }, { status: 409 });
    }
    throw error;
  }
  return redirectWithToast(request, `/w/${member.workspaceId}/cases/${caseId}`, {
    kind: "success",
    message: "Details saved.",
  });
}

export default function EditCaseDetails() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? loaderData.values;
  return (
    <main id="main" className="page page-narrow">
      <h1>Edit details</h1>
      <p className="muted">{loaderData.title}</p>
      <CaseFieldsForm
        values={values}
        errors={actionData?.errors ?? {}}
        submitLabel="Save details"
        cancelTo={`/w/${loaderData.workspaceId}/cases/${loaderData.caseId}`}
        hidden={{ revision: actionData?.values.revision ?? String(loaderData.revision) }}
      />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
