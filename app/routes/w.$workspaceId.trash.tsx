import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RelativeDate, usePeriod } from "~/components/case-labels";
import { requestOrigin } from "~/models/audit.server";
import { listCases, restoreCase } from "~/models/cases.server";
import { recordIdSchema } from "~/rules/ids";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.restore");
  return {
    workspaceId: member.workspaceId,
    cases: listCases(member, { trashed: true }),
    pageTitle: await getPageTitle(request, "cases.trash.metaTitle"),
  };
}

const restoreSchema = z.object({
  intent: z.literal("restore"),
  caseId: recordIdSchema(),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.restore");
  const parsed = restoreSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw notFound(msg("cases.trash.notInTrash"));
  restoreCase(member, parsed.data.caseId, requestOrigin(request));
  return redirectWithToast(request, `/w/${member.workspaceId}/cases/${parsed.data.caseId}`, {
    kind: "success",
    message: msg("cases.trash.restored"),
  });
}

export default function Trash() {
  const { t } = useTranslation();
  const period = usePeriod();
  const { cases, workspaceId } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page">
      <h1>{t("cases.trash.title")}</h1>
      <p className="muted">{t("cases.trash.intro")}</p>
      {cases.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("cases.trash.emptyTitle")}</strong>
          </p>
          <p>
            <Link to={`/w/${workspaceId}/cases`}>{t("cases.trash.back")}</Link>
          </p>
        </div>
      ) : (
        <ul className="card-list">
          {cases.map((item) => (
            <li key={item.id} className="card trash-item">
              <div>
                <strong>{item.title}</strong>
                <p className="muted">
                  {t("cases.trash.meta", { regions: item.regions.join(", "), period: period(item) })}
                  {item.deletedAt ? <RelativeDate date={item.deletedAt} /> : null}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="restore" />
                <input type="hidden" name="caseId" value={item.id} />
                <button type="submit" className="button button-secondary">
                  {t("cases.trash.restore")} <span className="visually-hidden">{item.title}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
