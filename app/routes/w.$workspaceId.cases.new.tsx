import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseFieldsForm } from "~/components/case-form";
import { requestOrigin } from "~/models/audit.server";
import { caseFieldsSchema } from "~/models/case-fields";
import { createCase } from "~/models/cases.server";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getLocale, getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.create");
  return { workspaceId: member.workspaceId, pageTitle: await getPageTitle(request, "cases.new.metaTitle") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.create");
  const parsed = parseForm(await request.formData(), caseFieldsSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const created = createCase(member, parsed.data, requestOrigin(request), await getLocale(request));
  return redirectWithToast(request, `/w/${member.workspaceId}/cases/${created.id}`, {
    kind: "success",
    message: msg("cases.new.created"),
  });
}

export default function NewCase() {
  const { t } = useTranslation();
  const { workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("cases.new.title")}</h1>
      <p className="muted">{t("cases.new.intro")}</p>
      <CaseFieldsForm
        values={actionData?.values ?? {}}
        errors={actionData?.errors ?? {}}
        submitLabel={t("cases.new.submit")}
        cancelTo={`/w/${workspaceId}/cases`}
      />
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
