// Deleting one's own account: what stays (everything written, as "former member"), what goes, what must be
// done first (a workspace of which one is the last owner needs another owner).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormError } from "~/components/field";
import { deleteAccount, deletionImpact } from "~/models/accounts.server";
import { requestOrigin } from "~/models/audit.server";
import { passwordCheckSchema } from "~/models/auth-forms";
import accountStyles from "~/styles/account.css?url";
import { endSession, requireUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;
export const links = () => [{ rel: "stylesheet", href: accountStyles }];

const deleteSchema = passwordCheckSchema.extend({
  confirm: z.literal("yes", { error: msg("account.delete.confirmRequired") }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const impact = deletionImpact(user.id);
  return {
    blocking: impact.blocking,
    alone: impact.alone,
    pageTitle: await getPageTitle(request, "account.delete.metaTitle"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseForm(await request.formData(), deleteSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await deleteAccount(user.id, parsed.data.password, requestOrigin(request));
  if (!result.ok)
    return data(
      { errors: { [result.field]: [result.message] } },
      { status: result.field === "form" ? 409 : 400 },
    );
  return redirectWithToast(
    request,
    "/sign-in",
    { kind: "success", message: msg("account.delete.done") },
    { "Set-Cookie": await endSession(request) },
  );
}

export default function DeleteAccount() {
  const { t } = useTranslation();
  const { blocking, alone } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <main id="main" className="page page-narrow">
      <p className="breadcrumb">
        <Link to="/account">{t("account.title")}</Link>
      </p>
      <h1>{t("account.delete.title")}</h1>
      <section className="card">
        <p>{t("account.delete.keeps")}</p>
        <p>{t("account.delete.goes")}</p>
      </section>
      {blocking.length > 0 ? (
        <section className="notice" aria-labelledby="blocking-heading">
          <h2 id="blocking-heading">{t("account.delete.blockedHeading")}</h2>
          <ul>
            {blocking.map((workspace) => (
              <li key={workspace.id}>
                <Link to={`/w/${workspace.id}/members`}>{workspace.name}</Link>
              </li>
            ))}
          </ul>
          <p className="muted">{t("account.delete.blockedIntro")}</p>
        </section>
      ) : null}
      {alone.length > 0 ? (
        <section className="notice" aria-labelledby="alone-heading">
          <h2 id="alone-heading">{t("account.delete.aloneHeading")}</h2>
          <ul>
            {alone.map((workspace) => (
              <li key={workspace.id}>{workspace.name}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Form method="post" className="card form danger-card" noValidate>
        <FormError errors={errors.form} />
        <Field
          label={t("account.delete.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          errors={errors.password}
          required
        />
        <div className={`field${errors.confirm ? " field-invalid" : ""}`}>
          <label className="checkbox">
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              aria-invalid={errors.confirm ? true : undefined}
            />
            {t("account.delete.confirm")}
          </label>
          <FormError errors={errors.confirm} />
        </div>
        <p className="actions">
          <button
            type="submit"
            className="button button-danger"
            disabled={navigation.state === "submitting" || blocking.length > 0}
          >
            {t("account.delete.submit")}
          </button>
          <Link to="/account">{t("account.delete.back")}</Link>
        </p>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
