// A new password from a reset link (one use, one hour). Every session of the account ends; the person then
// signs in with the new password (and the second step, if they use two-factor sign-in).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { findPasswordReset, resetPassword } from "~/models/accounts.server";
import { requestOrigin } from "~/models/audit.server";
import { PASSWORD_MIN, resetPasswordSchema } from "~/models/auth-forms";
import { endSession } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const reset = findPasswordReset(params.token ?? "");
  const pageTitle = await getPageTitle(request, "auth.reset.metaTitle");
  // An unknown, used or expired link: the page says so (and how to get a new one) with a 404.
  if (!reset) return data({ email: null, pageTitle }, { status: 404 });
  return data({ email: reset.email, pageTitle });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), resetPasswordSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const userId = await resetPassword(params.token ?? "", parsed.data.newPassword, requestOrigin(request));
  if (!userId) return data({ errors: { form: [msg("auth.reset.invalidBody")] } }, { status: 404 });
  // Whatever session this browser had ended with the others.
  return redirectWithToast(
    request,
    "/sign-in",
    { kind: "success", message: msg("auth.reset.done") },
    { "Set-Cookie": await endSession(request) },
  );
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  if (!email)
    return (
      <main id="main" className="page page-narrow">
        <h1>{t("auth.reset.invalidTitle")}</h1>
        <div className="card">
          <p>{t("auth.reset.invalidBody")}</p>
          <p>
            <Link to="/forgot-password" className="button">
              {t("auth.reset.askAgain")}
            </Link>
          </p>
        </div>
      </main>
    );
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("auth.reset.title")}</h1>
      <Form method="post" className="card form" noValidate>
        <FormError errors={errors.form} />
        <p>{t("auth.reset.intro", { email })}</p>
        {/* Lets a password manager store the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
        <Field
          label={t("auth.reset.newPassword")}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint={t("auth.signUp.passwordHint", { min: PASSWORD_MIN })}
          errors={errors.newPassword}
          required
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("auth.reset.submitting") : t("auth.reset.submit")}
        </button>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
