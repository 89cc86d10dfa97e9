import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SourceForm } from "~/components/sources/source-form";
import { EMPTY_SOURCE_VALUES, sourceFormSchema } from "~/models/source-fields";
import { createSource } from "~/models/sources.server";
import styles from "~/styles/sources.css?url";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "source.edit");
  return { workspaceId: member.workspaceId, pageTitle: await getPageTitle(request, "sources.new.title") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "source.edit");
  const parsed = parseForm(await request.formData(), sourceFormSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const created = createSource(member, parsed.data);
  return redirectWithToast(request, `/w/${member.workspaceId}/sources/${created.id}`, {
    kind: "success",
    message: msg("sources.new.added"),
  });
}

export default function NewSource() {
  const { t } = useTranslation();
  const { workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/w/${workspaceId}/sources`;
  return (
    <main id="main" className="page page-narrow">
      <nav aria-label={t("sources.breadcrumb")} className="breadcrumb">
        <Link to={base}>{t("sources.list.title")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("sources.new.title")}</h1>
      <p className="muted">
        {t("sources.new.intro")} <Link to={`${base}/import`}>{t("sources.new.importLink")}</Link>.
      </p>
      <div className="card">
        <SourceForm
          values={actionData?.values ?? EMPTY_SOURCE_VALUES}
          errors={actionData?.errors ?? {}}
          submitLabel={t("sources.form.add")}
          cancelTo={base}
        />
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
