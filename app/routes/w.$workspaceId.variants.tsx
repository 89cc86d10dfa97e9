import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import {
  deleteVariantGroup,
  listVariantGroups,
  saveVariantGroup,
  VariantsRejectedError,
} from "~/models/search/variants.server";
import { variantGroupSchema } from "~/models/variant-fields";
import { isRecordId } from "~/rules/ids";
import { SPELLING_MAX, SPELLINGS_MAX } from "~/rules/limits";
import styles from "~/styles/library.css?url";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const t = await getT(request);
  const edit = new URL(request.url).searchParams.get("edit");
  return {
    pageTitle: t("common.pageTitle", {
      title: t("search.variants.metaTitle", { workspace: member.workspaceName }),
    }),
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    canEdit: can(member, "search.editVariants"),
    groups: listVariantGroups(member),
    editing: edit && isRecordId(edit) ? edit : null,
  };
}

/** intent=save (groupId empty for a new group) or delete (groupId), spellings one per line. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const rawGroupId = formData.get("groupId");
  const groupId = typeof rawGroupId === "string" && isRecordId(rawGroupId) ? rawGroupId : null;
  const back = `/w/${member.workspaceId}/variants`;
  if (intent === "delete") {
    if (!groupId) throw new Refusal(400, msg("errors.unknownAction"));
    deleteVariantGroup(member, groupId, requestOrigin(request));
    return redirectWithToast(request, back, { kind: "success", message: msg("search.variants.deleted") });
  }
  if (intent !== "save") throw new Refusal(400, msg("errors.unknownAction"));
  const parsed = parseForm(formData, variantGroupSchema);
  if (!parsed.ok) return data({ groupId, errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    saveVariantGroup(member, groupId, parsed.data, requestOrigin(request));
  } catch (error) {
    if (error instanceof VariantsRejectedError)
      return data(
        {
          groupId,
          errors: { spellings: error.errors },
          values: { spellings: String(formData.get("spellings")) },
        },
        { status: 400 },
      );
    throw error;
  }
  return redirectWithToast(request, back, { kind: "success", message: msg("search.variants.saved") });
}

function GroupForm({
  groupId,
  defaultValue,
  errors,
  submitLabel,
}: {
  groupId: string | null;
  defaultValue: string;
  errors?: string[];
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <Form method="post" className="variant-form">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="groupId" value={groupId ?? ""} />
      <Field
        label={t("search.variants.spellings")}
        name="spellings"
        multiline
        rows={3}
        hint={t("search.variants.spellingsHint")}
        maxLength={SPELLINGS_MAX * (SPELLING_MAX + 2)}
        defaultValue={defaultValue}
        errors={errors}
        required
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {submitLabel}
        </button>
        {groupId ? <Link to=".">{t("search.variants.cancel")}</Link> : null}
      </div>
    </Form>
  );
}

export default function SpellingVariants() {
  const { t } = useTranslation();
  const { workspaceId, workspaceName, canEdit, groups, editing } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const location = useLocation();
  // A refused edit keeps its own form open with what was typed; a refused new group keeps the add form's.
  const failedGroup = actionData ? actionData.groupId : undefined;
  const openGroup = failedGroup !== undefined && failedGroup !== null ? failedGroup : editing;
  const search = (spellings: string[]) =>
    `/w/${workspaceId}/cases?q=${encodeURIComponent(spellings[0].includes(" ") ? `"${spellings[0]}"` : spellings[0])}`;
  return (
    <main id="main" className="page variants-page">
      <div className="page-heading">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>{t("search.variants.title")}</h1>
        </div>
      </div>
      <p className="page-intro">{t("search.variants.intro")}</p>
      {canEdit ? null : <p className="muted">{t("search.variants.ownersOnly")}</p>}
      {groups.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("search.variants.empty")}</strong>
          </p>
          {canEdit ? <p>{t("search.variants.emptyOwner")}</p> : null}
        </div>
      ) : (
        <ul className="variant-groups" aria-label={t("search.variants.groupsCaption")}>
          {groups.map((group) => {
            const names = group.spellings.join(" / ");
            const editable = canEdit && group.origin === "list";
            return (
              <li key={group.id} className="variant-group">
                {editable && openGroup === group.id ? (
                  <GroupForm
                    groupId={group.id}
                    defaultValue={
                      failedGroup === group.id
                        ? (actionData?.values.spellings ?? "")
                        : group.spellings.join("\n")
                    }
                    errors={failedGroup === group.id ? actionData?.errors.spellings : undefined}
                    submitLabel={t("search.variants.save")}
                  />
                ) : (
                  <>
                    <p className="variant-spellings">
                      {group.spellings.map((spelling, index) => (
                        <span key={spelling}>
                          {index > 0 ? <span className="muted"> / </span> : null}
                          <span dir="auto">{spelling}</span>
                        </span>
                      ))}
                      {group.origin === "list" ? null : (
                        <span className="muted"> · {t("search.variants.fromRegistry")}</span>
                      )}
                    </p>
                    <div className="variant-actions">
                      <Link to={search(group.spellings)}>{t("search.variants.tryIt")}</Link>
                      {editable ? (
                        <>
                          <Link
                            to={`${location.pathname}?edit=${group.id}`}
                            aria-label={t("search.variants.editGroup", { spellings: names })}
                          >
                            {t("search.variants.edit")}
                          </Link>
                          <Form method="post">
                            <input type="hidden" name="intent" value="delete" />
                            <input type="hidden" name="groupId" value={group.id} />
                            <button
                              type="submit"
                              className="variant-delete"
                              aria-label={t("search.variants.deleteGroup", { spellings: names })}
                            >
                              {t("search.variants.delete")}
                            </button>
                          </Form>
                        </>
                      ) : null}
                    </div>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit ? (
        <section className="card variant-add" aria-labelledby="add-variants">
          <h2 id="add-variants">{t("search.variants.addTitle")}</h2>
          {failedGroup === null ? <FormError errors={actionData?.errors.form} /> : null}
          <GroupForm
            groupId={null}
            defaultValue={failedGroup === null ? (actionData?.values.spellings ?? "") : ""}
            errors={failedGroup === null ? actionData?.errors.spellings : undefined}
            submitLabel={t("search.variants.add")}
          />
        </section>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
