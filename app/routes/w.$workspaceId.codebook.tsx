import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useOutlet } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CodeForm } from "~/components/codebook/code-form";
import { CodeTree } from "~/components/codebook/code-tree";
import { requestOrigin } from "~/models/audit.server";
import { codeInputSchema } from "~/models/code-fields";
import { addStarterCodes, CodeRejectedError, createCode } from "~/models/codebook-edits.server";
import { getCodebook } from "~/models/codes.server";
import { CODE_PALETTE } from "~/rules/codebook";
import styles from "~/styles/codebook.css?url";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const t = await getT(request);
  return {
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    canEdit: can(member, "codebook.edit"),
    codes: getCodebook(member),
    pageTitle: t("common.pageTitle", {
      title: t("codebook.list.metaTitle", { workspace: member.workspaceName }),
    }),
  };
}

const intentSchema = z.object({ intent: z.enum(["create", "starter"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const formData = await request.formData();
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success)
    return data({ errors: { form: [msg("codebook.errors.notUnderstood")] }, values: {} }, { status: 400 });
  const url = `/w/${member.workspaceId}/codebook`;
  if (intent.data.intent === "starter") {
    const added = addStarterCodes(member, requestOrigin(request));
    return redirectWithToast(request, url, {
      kind: "success",
      message: added
        ? msg("codebook.list.starterAdded", { count: added })
        : msg("codebook.list.starterAlreadyThere"),
    });
  }
  const parsed = parseForm(formData, codeInputSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const { id } = createCode(member, parsed.data, requestOrigin(request));
    return redirectWithToast(request, `${url}#code-${id}`, {
      kind: "success",
      message: msg(
        parsed.data.kind === "precondition"
          ? "codebook.list.preconditionAdded"
          : "codebook.list.outcomeAdded",
        { label: parsed.data.label },
      ),
    });
  } catch (error) {
    if (error instanceof CodeRejectedError)
      return data(
        { errors: error.errors, values: Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])) },
        { status: 400 },
      );
    throw error;
  }
}

export default function CodebookRoute() {
  // The page of one code lives under this route: when it is open, it takes the whole page.
  const outlet = useOutlet();
  return outlet ?? <Codebook />;
}

function Codebook() {
  const { t } = useTranslation();
  const { codes, canEdit, workspaceId, workspaceName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const base = `/w/${workspaceId}/codebook`;
  const unused = CODE_PALETTE.find((colour) => !codes.some((code) => code.color === colour));
  const addingStarter = navigation.formData?.get("intent") === "starter";
  return (
    <main id="main" className="page codebook-page">
      <div className="page-heading">
        <div>
          <p className="eyebrow">{workspaceName}</p>
          <h1>{t("codebook.list.title")}</h1>
          <p className="muted codebook-intro">{t("codebook.list.intro")}</p>
        </div>
      </div>
      {canEdit ? (
        // Re-mounting on a new count empties the form after a code is added.
        <details
          key={codes.length}
          className="card add-code"
          open={codes.length === 0 || Boolean(actionData?.errors)}
        >
          <summary>
            <span className="add-code-summary">{t("codebook.list.addCode")}</span>
          </summary>
          <CodeForm
            intent="create"
            values={actionData?.values ?? {}}
            errors={actionData?.errors ?? {}}
            parentOptions={codes}
            submitLabel={t("codebook.form.add")}
            defaultColour={unused ?? CODE_PALETTE[0]}
          />
        </details>
      ) : null}
      {codes.length === 0 ? (
        <div className="empty-state codebook-empty">
          <p>
            <strong>{t("codebook.list.emptyTitle")}</strong>
          </p>
          {canEdit ? (
            <>
              <p>{t("codebook.list.emptyEditor")}</p>
              <Form method="post">
                <input type="hidden" name="intent" value="starter" />
                <button type="submit" className="button button-secondary" disabled={addingStarter}>
                  {addingStarter ? t("codebook.list.addingStarter") : t("codebook.list.addStarter")}
                </button>
              </Form>
            </>
          ) : (
            <p>{t("codebook.list.emptyReader")}</p>
          )}
        </div>
      ) : (
        <div className="codebook-groups">
          <CodeTree kind="precondition" rows={codes} base={base} canEdit={canEdit} />
          <CodeTree kind="outcome" rows={codes} base={base} canEdit={canEdit} />
        </div>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
