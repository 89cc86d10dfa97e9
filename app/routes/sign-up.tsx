import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { LanguageSwitch } from "~/components/language-switch";
import { requestOrigin } from "~/models/audit.server";
import { PASSWORD_MIN, safeRedirect, signUpSchema } from "~/models/auth-forms";
import { EmailTakenError, signUp } from "~/models/users.server";
import { getUser, startSession } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { getPageTitle } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";
import { trustDevice } from "~/utils/trusted-devices.server";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return { pageTitle: await getPageTitle(request, "auth.signUp.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), signUpSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const user = await signUp(parsed.data, requestOrigin(request));
    const headers = new Headers();
    headers.append("Set-Cookie", await startSession(request, user.id));
    headers.append("Set-Cookie", trustDevice(request, user.id));
    return redirect(safeRedirect(parsed.data.redirectTo, "/workspaces"), { headers });
  } catch (error) {
    if (error instanceof EmailTakenError) {
      const { password: _password, ...values } = parsed.data;
      return data(
        { errors: { email: [error.message] }, values: { ...values, redirectTo: values.redirectTo ?? "" } },
        { status: 400 },
      );
    }
    throw error;
  }
}

export default function SignUp() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const redirectTo = values.redirectTo || searchParams.get("redirectTo") || "";
  return (
    <main id="main" className="page page-narrow">
      <LanguageSwitch />
      <h1>{t("auth.signUp.title")}</h1>
      <Form method="post" className="card form" noValidate>
        <FormError errors={errors.form} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label={t("auth.name")}
          name="name"
          autoComplete="name"
          defaultValue={values.name}
          errors={errors.name}
          required
        />
        <Field
          label={t("auth.email")}
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={values.email}
          errors={errors.email}
          required
        />
        <Field
          label={t("auth.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          hint={t("auth.signUp.passwordHint", { min: PASSWORD_MIN })}
          errors={errors.password}
          required
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("auth.signUp.submitting") : t("auth.signUp.submit")}
        </button>
      </Form>
      <p className="muted">
        {t("auth.signUp.haveAccount")}{" "}
        <Link to={`/sign-in${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>
          {t("auth.signUp.signIn")}
        </Link>
        .
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
