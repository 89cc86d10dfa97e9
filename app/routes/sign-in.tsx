import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { LanguageSwitch } from "~/components/language-switch";
import { requestOrigin } from "~/models/audit.server";
import { safeRedirect, signInSchema } from "~/models/auth-forms";
import { signIn, waitMessage } from "~/models/users.server";
import { getUser, startSecondStep, startSession } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { readDeviceToken, trustDevice } from "~/utils/trusted-devices.server";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return { pageTitle: await getPageTitle(request, "auth.signIn.title") };
}

// A document POST takes its headers from here, not from the action's answer: keep its Retry-After.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(formData, signInSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await signIn(parsed.data, requestOrigin(request), readDeviceToken(request));
  const values = { email: parsed.data.email, redirectTo: parsed.data.redirectTo ?? "" };
  if (!result.ok && result.reason === "throttled") {
    const retryAfter = result.retryAfterSeconds ?? 60;
    return data(
      { errors: { form: [waitMessage("signIn", retryAfter)] }, values },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  if (!result.ok) {
    return data({ errors: { form: [msg("auth.errors.wrongCredentials")] }, values }, { status: 400 });
  }
  const redirectTo = safeRedirect(parsed.data.redirectTo);
  // Two-factor sign-in: no session yet, only a short-lived note of who is halfway through. The browser
  // becomes a trusted device once both steps are passed.
  if (result.secondStep)
    return redirect("/sign-in/two-factor", {
      headers: { "Set-Cookie": await startSecondStep(request, result.user.id, redirectTo) },
    });
  const responseHeaders = new Headers();
  responseHeaders.append("Set-Cookie", await startSession(request, result.user.id));
  responseHeaders.append("Set-Cookie", trustDevice(request, result.user.id));
  return redirect(redirectTo, { headers: responseHeaders });
}

export default function SignIn() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const values = actionData?.values ?? {};
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const redirectTo = values.redirectTo || searchParams.get("redirectTo") || "";
  const formKey = useMemo(() => (actionData ? Math.random() : 0), [actionData]);
  return (
    <main id="main" className="page page-narrow">
      <LanguageSwitch />
      <h1>{t("auth.signIn.title")}</h1>
      {/* A new key per answer remounts the form, so a refused password is never left in the field. */}
      <Form method="post" className="card form" noValidate key={formKey}>
        <FormError errors={errors.form} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
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
          autoComplete="current-password"
          errors={errors.password}
          required
        />
        <p className="field-hint">
          <Link to="/forgot-password">{t("auth.signIn.forgot")}</Link>
        </p>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("auth.signIn.submitting") : t("auth.signIn.submit")}
        </button>
      </Form>
      <p className="muted">
        {t("auth.signIn.newHere")}{" "}
        <Link to={`/sign-up${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>
          {t("auth.signIn.createAccount")}
        </Link>
        .
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
