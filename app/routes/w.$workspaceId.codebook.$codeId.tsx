import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DeleteCode, MergeCode } from "~/components/codebook/code-admin";
import { CodeForm, selfAndDescendants } from "~/components/codebook/code-form";
import { CodePassages } from "~/components/codebook/code-passages";
import { CodeCounts, Swatch } from "~/components/codebook/code-tree";
import { requestOrigin } from "~/models/audit.server";
import { codeInputSchema } from "~/models/code-fields";
import { CodeMergeError, mergeCode } from "~/models/code-merge.server";
import { CodeInUseError, CodeRejectedError, deleteCode, updateCode } from "~/models/codebook-edits.server";
import { getCodeDetail, listCodes } from "~/models/codes.server";
import { recordIdSchema } from "~/rules/ids";
import { parseForm } from "~/utils/forms";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can, notFound } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const detail = getCodeDetail(member, requireId(params, "codeId"));
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", { title: t("codebook.code.metaTitle", { label: detail.code.label }) }),
    workspaceId: member.workspaceId,
    canEdit: can(member, "codebook.edit"),
    detail,
    codes: listCodes(member).map(({ id, kind, label, parentId }) => ({ id, kind, label, parentId })),
  };
}

const mergeSchema = z.object({ targetId: recordIdSchema() });
const deleteSchema = z.object({
  confirm: z.literal("yes").optional(),
  expectedTags: z.coerce.number().int().min(0).optional(),
});

type Failure = { intent: string; errors: Record<string, string[]>; values: Record<string, string> };
const fail = (failure: Failure, status: number) => data(failure, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const codeId = requireId(params, "codeId");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
  const origin = requestOrigin(request);
  const codebook = `/w/${member.workspaceId}/codebook`;
  try {
    switch (intent) {
      case "update": {
        const parsed = parseForm(formData, codeInputSchema);
        if (!parsed.ok) return fail({ intent, errors: parsed.errors, values: parsed.values }, 400);
        updateCode(member, codeId, parsed.data, origin);
        return redirectWithToast(request, `${codebook}/${codeId}`, {
          kind: "success",
          message: msg("codebook.code.saved"),
        });
      }
      case "merge": {
        const parsed = mergeSchema.safeParse(values);
        if (!parsed.success)
          return fail(
            { intent, errors: { targetId: [msg("codebook.errors.mergeTargetRequired")] }, values },
            400,
          );
        const result = mergeCode(member, codeId, parsed.data.targetId, origin);
        const names = { label: result.label, target: result.targetLabel };
        return redirectWithToast(request, `${codebook}/${parsed.data.targetId}`, {
          kind: "success",
          message: result.conditionsKept
            ? msg("codebook.code.mergedKept", {
                ...names,
                count: result.tagCount,
                kept: result.conditionsKept,
              })
            : msg("codebook.code.merged", { ...names, count: result.tagCount }),
        });
      }
      case "delete": {
        const parsed = deleteSchema.safeParse(values);
        if (!parsed.success) throw notFound();
        const result = deleteCode(
          member,
          codeId,
          { confirmed: parsed.data.confirm === "yes", expectedTags: parsed.data.expectedTags },
          origin,
        );
        return redirectWithToast(request, codebook, {
          kind: "success",
          message: result.tagCount
            ? msg("codebook.code.deletedWithTags", {
                label: result.label,
                count: result.tagCount,
                cases: result.caseCount,
              })
            : msg("codebook.code.deleted", { label: result.label }),
        });
      }
      default:
        return fail(
          {
            intent,
            errors: { form: [msg("codebook.errors.notUnderstood")] },
            values,
          },
          400,
        );
    }
  } catch (error) {
    if (error instanceof CodeRejectedError) return fail({ intent, errors: error.errors, values }, 400);
    if (error instanceof CodeMergeError)
      return fail({ intent, errors: { targetId: [error.message] }, values }, 400);
    if (error instanceof CodeInUseError)
      return fail({ intent, errors: { confirm: [error.message] }, values }, error.stale ? 409 : 400);
    throw error;
  }
}

export default function CodePage() {
  const { t } = useTranslation();
  const { detail, codes, canEdit, workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { code, stored, taggedCases, trashedCases, conditions, usage } = detail;
  const base = `/w/${workspaceId}/codebook`;
  const parent = codes.find((other) => other.id === code.parentId);
  const children = codes.filter((other) => other.parentId === code.id);
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined);
  const excluded = selfAndDescendants(codes, code.id);
  const passageCount = taggedCases.reduce((sum, group) => sum + group.passages.length, 0);
  const usedIn = [...taggedCases, ...trashedCases].map((group) => ({
    caseId: group.caseId,
    title: group.title,
    trashed: group.trashed,
    passageCount: group.passages.length,
  }));
  return (
    <main id="main" className="page code-page">
      <nav aria-label={t("codebook.code.breadcrumb")} className="breadcrumb">
        <Link to={base}>{t("codebook.list.title")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <header className="code-header">
        <p className="eyebrow">{t(`codebook.kind.${code.kind}`)}</p>
        <h1>
          <Swatch color={code.color} large /> {code.label}
        </h1>
        {code.description ? <p className="lead">{code.description}</p> : null}
        <dl className="code-facts">
          <div>
            <dt>{t("codebook.code.used")}</dt>
            <dd>
              <CodeCounts passageCount={passageCount} presentCount={conditions.present} />
              {conditions.absent ? (
                <span className="muted"> · {t("codebook.code.absentIn", { count: conditions.absent })}</span>
              ) : null}
            </dd>
          </div>
          {parent ? (
            <div>
              <dt>{t("codebook.code.under")}</dt>
              <dd>
                <Link to={`${base}/${parent.id}`}>{parent.label}</Link>
              </dd>
            </div>
          ) : null}
          {children.length > 0 ? (
            <div>
              <dt>{t("codebook.code.subCodes")}</dt>
              <dd>
                <ul className="inline-list">
                  {children.map((child) => (
                    <li key={child.id}>
                      <Link to={`${base}/${child.id}`}>{child.label}</Link>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ) : null}
        </dl>
      </header>
      <div className={canEdit ? "code-layout" : undefined}>
        <CodePassages
          workspaceId={workspaceId}
          label={code.label}
          color={code.color}
          cases={taggedCases}
          trashedCount={trashedCases.reduce((sum, group) => sum + group.passages.length, 0)}
        />
        {canEdit ? (
          <aside className="code-tools" aria-label={t("codebook.code.toolsLabel")}>
            <section className="card" id="edit" aria-labelledby="edit-heading">
              <h2 id="edit-heading">{t("codebook.code.editHeading")}</h2>
              <CodeForm
                // A saved edit re-mounts the form with what was stored.
                key={`${stored.label}|${JSON.stringify(stored.labelTranslations)}|${code.kind}|${code.color}|${code.parentId}|${code.description}`}
                intent="update"
                values={
                  actionData?.intent === "update"
                    ? actionData.values
                    : {
                        ...code,
                        label: stored.label,
                        labelFr: stored.labelTranslations.fr ?? "",
                        labelEn: stored.labelTranslations.en ?? "",
                        parentId: code.parentId ?? "",
                      }
                }
                stored={stored}
                errors={errorsFor("update") ?? {}}
                parentOptions={codes.filter((other) => !excluded.has(other.id))}
                submitLabel={t("codebook.form.save")}
                defaultColour={code.color}
                kindHint={children.length > 0 ? t("codebook.form.kindHintSubCodes") : undefined}
              />
            </section>
            <MergeCode
              code={code}
              targets={codes.filter((other) => other.kind === code.kind && other.id !== code.id)}
              errors={errorsFor("merge")?.targetId}
            />
            <DeleteCode
              workspaceId={workspaceId}
              code={code}
              usage={usage}
              usedIn={usedIn}
              childCount={children.length}
              parentLabel={parent?.label ?? null}
              errors={errorsFor("delete")?.confirm ?? errorsFor("delete")?.form}
            />
          </aside>
        ) : null}
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
