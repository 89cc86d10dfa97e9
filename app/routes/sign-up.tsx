import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { LanguageSwitch } from "~/components/language-switch";
import { registerAccount } from "~/models/accounts.server";
import { requestOrigin } from "~/models/audit.server";
import { PASSWORD_MIN, signUpSchema } from "~/models/auth-forms";
import { getUser } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { getLocale, getPageTitle } from "~/utils/i18n.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return { pageTitle: await getPageTitle(request, "auth.signUp.title") };
}

/**
 * Whether or not the address already has an account, the answer is the same "check your mail" (the mail
 * says which): the form does not tell anyone which addresses have accounts. The account is usable once the
 * address is confirmed by the link, which signs the person in.
 */
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), signUpSchema);
  if (!parsed.ok) return data({ sent: null, errors: parsed.errors, values: parsed.values }, { status: 400 });
  await registerAccount(parsed.data, {
    locale: await getLocale(request),
    next: parsed.data.redirectTo,
    origin: requestOrigin(request),
  });
  return data({ sent: parsed.data.email, errors: {}, values: {} as Record<string, string> });
}

export default function SignUp() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const redirectTo = values.redirectTo || searchParams.get("redirectTo") || "";
  if (actionData?.sent)
    return (
      <main id="main" className="page page-narrow">
        <h1>{t("auth.signUp.sentTitle")}</h1>
        <div className="card" role="status">
          <p>{t("auth.signUp.sentBody", { email: actionData.sent })}</p>
          <p className="muted">{t("auth.signUp.sentHelp")}</p>
        </div>
        <p className="muted">
          {t("auth.signUp.haveAccount")}{" "}
          <Link to={`/sign-in${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>
            {t("auth.signUp.signIn")}
          </Link>
          .
        </p>
      </main>
    );
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
