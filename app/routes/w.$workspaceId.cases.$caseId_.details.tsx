import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CaseFieldsForm } from "~/components/case-form";
import { ConfidentialityForm } from "~/components/confidentiality-form";
import { requestOrigin } from "~/models/audit.server";
import { getCaseAccess, setCaseConfidentiality } from "~/models/case-access.server";
import { caseFieldsSchema, fieldsToFormValues } from "~/models/case-fields";
import { getCase, StaleRevisionError, updateCaseFields } from "~/models/cases.server";
import { recordIdSchema } from "~/rules/ids";
import { parseForm } from "~/utils/forms";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

const revisionSchema = z.object({ revision: z.coerce.number().int().positive() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseStudy = getCase(member, requireId(params, "caseId"));
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", { title: t("cases.details.metaTitle", { title: caseStudy.title }) }),
    workspaceId: member.workspaceId,
    caseId: caseStudy.id,
    title: caseStudy.title,
    revision: caseStudy.revision,
    values: fieldsToFormValues(caseStudy),
    access: can(member, "case.setConfidential") ? getCaseAccess(member, caseStudy.id) : null,
    myUserId: member.userId,
  };
}

const confidentialitySchema = z.object({
  confidential: z
    .string()
    .optional()
    .transform((value) => value === "on"),
  readers: z.array(recordIdSchema()).max(500),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseId = requireId(params, "caseId");
  const formData = await request.formData();
  if (formData.get("intent") === "confidentiality") {
    requirePermission(member, "case.setConfidential");
    const access = confidentialitySchema.safeParse({
      confidential: formData.get("confidential") ?? undefined,
      readers: formData.getAll("readers").map(String),
    });
    if (!access.success)
      return data(
        { errors: { confidentiality: [msg("cases.confidentiality.chooseMembers")] }, values: null },
        { status: 400 },
      );
    const result = setCaseConfidentiality(
      member,
      caseId,
      { confidential: access.data.confidential, userIds: access.data.readers },
      requestOrigin(request),
    );
    return redirectWithToast(request, `/w/${member.workspaceId}/cases/${caseId}`, {
      kind: "success",
      message: result.confidential
        ? msg("cases.confidentiality.set", { count: result.listed.length })
        : msg("cases.confidentiality.lifted"),
    });
  }
  const parsed = parseForm(formData, caseFieldsSchema);
  const revision = revisionSchema.safeParse({ revision: formData.get("revision") });
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  if (!revision.success) {
    return data(
      {
        errors: { form: [msg("cases.details.missingRevision")] },
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
      return data({ errors: { form: [msg("cases.details.stale")] }, values }, { status: 409 });
    }
    throw error;
  }
  return redirectWithToast(request, `/w/${member.workspaceId}/cases/${caseId}`, {
    kind: "success",
    message: msg("cases.details.saved"),
  });
}

export default function EditCaseDetails() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const values = actionData?.values ?? loaderData.values;
  const errors = (actionData?.errors ?? {}) as Record<string, string[] | undefined>;
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("cases.details.title")}</h1>
      <p className="muted">{loaderData.title}</p>
      <CaseFieldsForm
        values={values}
        errors={errors}
        submitLabel={t("cases.details.submit")}
        cancelTo={`/w/${loaderData.workspaceId}/cases/${loaderData.caseId}`}
        hidden={{ revision: actionData?.values?.revision ?? String(loaderData.revision) }}
      />
      {loaderData.access ? (
        <ConfidentialityForm
          access={loaderData.access}
          myUserId={loaderData.myUserId}
          errors={errors.confidentiality}
        />
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
