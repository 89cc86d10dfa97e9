// "Forgot your password?": the same answer whether or not the address has an account (the mail, if any,
// is written by the queue), throttled per client address.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { LanguageSwitch } from "~/components/language-switch";
import { requestPasswordReset } from "~/models/accounts.server";
import { requestOrigin } from "~/models/audit.server";
import { forgotPasswordSchema } from "~/models/auth-forms";
import { getUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/account");
  return { pageTitle: await getPageTitle(request, "auth.forgot.metaTitle") };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), forgotPasswordSchema);
  if (!parsed.ok) return data({ sent: null, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = requestPasswordReset(parsed.data.email, requestOrigin(request));
  if (!result.ok)
    return data(
      {
        sent: null,
        errors: { form: [msg("auth.forgot.throttled", { count: Math.ceil(result.retryAfterSeconds / 60) })] },
        values: { email: parsed.data.email },
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  return data({ sent: parsed.data.email, errors: {}, values: {} as Record<string, string> });
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <main id="main" className="page page-narrow">
      <LanguageSwitch />
      <h1>{t("auth.forgot.title")}</h1>
      {actionData?.sent ? (
        <div className="card" role="status">
          <h2>{t("auth.forgot.sentTitle")}</h2>
          <p>{t("auth.forgot.sentBody", { email: actionData.sent })}</p>
        </div>
      ) : (
        <Form method="post" className="card form" noValidate>
          <FormError errors={errors.form} />
          <p>{t("auth.forgot.intro")}</p>
          <Field
            label={t("auth.email")}
            name="email"
            type="email"
            autoComplete="email"
            defaultValue={actionData?.values.email}
            errors={errors.email}
            required
          />
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("auth.forgot.submitting") : t("auth.forgot.submit")}
          </button>
        </Form>
      )}
      <p className="muted">
        <Link to="/sign-in">{t("auth.forgot.backToSignIn")}</Link>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
