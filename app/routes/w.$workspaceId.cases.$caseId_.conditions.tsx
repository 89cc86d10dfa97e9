import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConditionsPanel } from "~/components/conditions/conditions-panel";
import { requestOrigin } from "~/models/audit.server";
import { getCase } from "~/models/cases.server";
import {
  ConditionsConflictError,
  listCaseConditions,
  MAX_CONDITION_NOTE,
  saveCaseConditions,
} from "~/models/conditions.server";
import { CONDITION_VALUES } from "~/models/domain";
import { recordIdSchema } from "~/rules/ids";
import styles from "~/styles/history.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const caseId = requireId(params, "caseId");
  const caseStudy = getCase(member, caseId);
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", { title: t("conditions.page.metaTitle", { title: caseStudy.title }) }),
    workspaceId: member.workspaceId,
    caseStudy: { id: caseStudy.id, title: caseStudy.title },
    conditions: listCaseConditions(member, caseId),
    canEdit: can(member, "case.edit"),
    canEditCodebook: can(member, "codebook.edit"),
    maxNote: MAX_CONDITION_NOTE,
  };
}

const MAX_CODES = 1000;

const entrySchema = z.object({
  codeId: recordIdSchema(msg("conditions.errors.codeUnknown")),
  value: z.enum(CONDITION_VALUES, msg("conditions.errors.valueInvalid")),
  note: z.string().max(MAX_CONDITION_NOTE, msg("conditions.errors.noteTooLong", { max: MAX_CONDITION_NOTE })),
  seenSetAt: z.coerce.number().int().min(0).catch(0),
});

/** The form sends, per code, `code`, `value:<id>`, `note:<id>` and `seen:<id>` (when the shown value was set). */
function readEntries(formData: FormData) {
  const codeIds = formData.getAll("code").map(String);
  const errors: Record<string, string[]> = {};
  const values = { value: {} as Record<string, string>, note: {} as Record<string, string> };
  const entries: z.output<typeof entrySchema>[] = [];
  if (codeIds.length === 0 || codeIds.length > MAX_CODES || new Set(codeIds).size !== codeIds.length) {
    errors.form = [msg("conditions.errors.incomplete")];
    return { entries, errors, values };
  }
  for (const codeId of codeIds) {
    const raw = {
      codeId,
      value: formData.get(`value:${codeId}`) ?? "",
      note: String(formData.get(`note:${codeId}`) ?? "").replace(/\r\n/g, "\n"),
      seenSetAt: formData.get(`seen:${codeId}`) ?? "0",
    };
    values.value[codeId] = String(raw.value);
    values.note[codeId] = raw.note;
    const parsed = entrySchema.safeParse(raw);
    if (parsed.success) entries.push(parsed.data);
    else
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === "note" ? `note:${codeId}` : "form";
        errors[key] = [...(errors[key] ?? []), issue.message];
      }
  }
  return { entries, errors, values };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseId = requireId(params, "caseId");
  const { entries, errors, values } = readEntries(await request.formData());
  if (Object.keys(errors).length) return data({ errors, values, conflicts: [] }, { status: 400 });
  try {
    const { changed } = saveCaseConditions(member, caseId, entries, requestOrigin(request));
    return redirectWithToast(request, `/w/${member.workspaceId}/cases/${caseId}/conditions`, {
      kind: "success",
      message:
        changed === 0 ? msg("conditions.toasts.nothing") : msg("conditions.toasts.saved", { count: changed }),
    });
  } catch (error) {
    if (error instanceof ConditionsConflictError) {
      return data(
        {
          errors: {
            form: [msg("conditions.errors.conflict")],
          },
          values,
          conflicts: error.conflicts,
        },
        { status: 409 },
      );
    }
    throw error;
  }
}

export default function CaseConditions() {
  const { t } = useTranslation();
  const { caseStudy, conditions, workspaceId, canEdit, canEditCodebook, maxNote } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  // After a save the panel is rebuilt from the stored values (inputs are uncontrolled).
  const version = conditions.map((c) => `${c.code.id}:${c.setAt ? new Date(c.setAt).getTime() : 0}`).join();
  return (
    <main id="main" className="page page-narrow conditions-page">
      <nav aria-label={t("conditions.page.breadcrumb")} className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>{t("conditions.page.cases")}</Link>{" "}
        <span aria-hidden="true">›</span> <Link to={caseUrl}>{caseStudy.title}</Link>{" "}
        <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("conditions.page.title")}</h1>
      <p className="muted">
        {t("conditions.page.intro")}
        {canEdit ? null : t("conditions.page.readOnly")}
      </p>
      {conditions.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("conditions.page.noCodes")}</strong>
          </p>
          <p>
            {canEditCodebook ? (
              <>
                {t("conditions.page.addCodesBefore")}
                <Link to={`/w/${workspaceId}/codebook`}>{t("conditions.page.codebookLink")}</Link>
                {t("conditions.page.addCodesAfter")}
              </>
            ) : (
              t("conditions.page.codesComeLater")
            )}
          </p>
        </div>
      ) : (
        <ConditionsPanel
          key={version}
          conditions={conditions}
          editable={canEdit}
          state={actionData}
          maxNote={maxNote}
        />
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
