// Import a Word document as a new case. Under /w/:id/import, so server.ts gives it the import body limit.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/field";
import { FileField } from "~/components/file-field";
import { requestOrigin } from "~/models/audit.server";
import { caseFieldsSchema } from "~/models/case-fields";
import { importWordCase, WordImportRefusedError } from "~/models/case-files/case-import.server";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getLocale, getPageTitle, getT } from "~/utils/i18n.server";
import { type Message, msg, translated, translateMessage, useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";
import { MAX_WORD_IMPORT_BYTES } from "~/utils/upload-limits";
import { readUpload } from "~/utils/uploads.server";

export const meta = titleMeta;

const MB = MAX_WORD_IMPORT_BYTES / 1024 / 1024;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.create");
  return {
    workspaceId: member.workspaceId,
    pageTitle: await getPageTitle(request, "cases.importWord.metaTitle"),
  };
}

type Values = { title?: string; regions?: string };
const failed = (status: number, errors: Record<string, string[]>, values: Values = {}) =>
  data({ errors, values }, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.create");
  const upload = await readUpload(request, MAX_WORD_IMPORT_BYTES, {
    tooLarge: msg("cases.importWord.tooLarge", { mb: MB }),
    chooseFile: msg("cases.importWord.chooseFile"),
    interrupted: msg("cases.importWord.interrupted"),
  });
  const formData = upload.formData ?? new FormData();
  const typedTitle = String(formData.get("title") ?? "").trim();
  const values: Values = { title: typedTitle, regions: String(formData.get("regions") ?? "") };
  // The other fields start empty; the title is checked only when one was typed.
  const fieldForm = new FormData();
  fieldForm.set("title", typedTitle || "Imported case");
  fieldForm.set("regions", values.regions ?? "");
  for (const name of ["periodStart", "periodEnd", "actors", "mediators", "summary"]) fieldForm.set(name, "");
  const fields = parseForm(fieldForm, caseFieldsSchema);
  if (!upload.ok || !fields.ok) {
    const errors = fields.ok ? {} : fields.errors;
    const status = upload.ok ? 400 : upload.status;
    return failed(status, { ...errors, ...(upload.ok ? {} : { file: [upload.error] }) }, values);
  }
  try {
    const result = await importWordCase(
      member,
      { bytes: new Uint8Array(await upload.file.arrayBuffer()), filename: upload.file.name },
      { ...fields.data, title: typedTitle === "" ? null : fields.data.title },
      { locale: await getLocale(request), origin: requestOrigin(request) },
    );
    const parts = [
      msg("cases.importWord.done", { sections: result.sections, citations: result.citations }),
      result.notes > 0 ? msg("cases.importWord.doneNotes", { count: result.notes }) : null,
      result.images > 0 ? msg("cases.importWord.doneImages", { count: result.images }) : null,
    ].filter((part): part is Message => part !== null);
    // Several sentences in one toast: written here in the reader's language, shown as they are.
    const t = await getT(request);
    return redirectWithToast(request, `/w/${member.workspaceId}/cases/${result.id}/edit`, {
      kind: "success",
      message: translated(parts.map((part) => translateMessage(t, part)).join("\n")),
    });
  } catch (error) {
    if (!(error instanceof WordImportRefusedError)) throw error;
    return failed(error.status, { file: [error.message] }, values);
  }
}

export default function ImportWord() {
  const { t } = useTranslation();
  const tm = useMessage();
  const { workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const [tooLarge, setTooLarge] = useState(false);
  const errors = actionData?.errors ?? {};
  return (
    <main id="main" className="page page-narrow">
      <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>{t("common.nav.cases")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("cases.importWord.title")}</h1>
      <p className="muted">{t("cases.importWord.intro")}</p>
      <Form method="post" encType="multipart/form-data" className="card form" noValidate>
        <FileField
          name="file"
          label={t("cases.importWord.file")}
          hint={t("cases.importWord.fileHint", { mb: MB })}
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          maxBytes={MAX_WORD_IMPORT_BYTES}
          tooLargeMessage={t("cases.importWord.tooLargeBefore", { mb: MB })}
          error={errors.file ? errors.file.map(tm).join(" ") : null}
          onTooLargeChange={setTooLarge}
        />
        <Field
          label={t("cases.importWord.regions")}
          name="regions"
          hint={t("cases.importWord.regionsHint")}
          defaultValue={actionData?.values.regions}
          errors={errors.regions}
          required
        />
        <Field
          label={t("cases.importWord.titleLabel")}
          name="title"
          hint={t("cases.importWord.titleHint")}
          defaultValue={actionData?.values.title}
          errors={errors.title}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={busy || tooLarge}>
            {busy ? t("cases.importWord.importing") : t("cases.importWord.submit")}
          </button>
          <Link to={`/w/${workspaceId}/cases`} className="button button-secondary">
            {t("common.cancel")}
          </Link>
        </div>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
