// The second step of signing in, for accounts with two-factor sign-in: a code from the app or a recovery
// code. Reached only with the short-lived cookie the password step sets; throttled with that step.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import { secondStepSchema } from "~/models/auth-forms";
import { verifySecondStep } from "~/models/two-factor.server";
import { waitMessage } from "~/models/users.server";
import { endSecondStep, getUser, pendingSecondStep, startSession } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import { readDeviceToken, trustDevice } from "~/utils/trusted-devices.server";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  if (!(await pendingSecondStep(request))) throw redirect("/sign-in");
  return { pageTitle: await getPageTitle(request, "auth.twoFactor.metaTitle") };
}

// A document POST takes its headers from here, not from the action's answer: keep its Retry-After.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request }: ActionFunctionArgs) {
  const pending = await pendingSecondStep(request);
  if (!pending)
    return redirectWithToast(request, "/sign-in", { kind: "error", message: msg("auth.twoFactor.expired") });
  const parsed = parseForm(await request.formData(), secondStepSchema);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const result = await verifySecondStep(
    pending.userId,
    parsed.data.code,
    requestOrigin(request),
    readDeviceToken(request),
  );
  if (!result.ok && result.reason === "throttled") {
    const seconds = result.retryAfterSeconds ?? 60;
    return data(
      { errors: { form: [waitMessage("signIn", seconds)] } },
      { status: 429, headers: { "Retry-After": String(seconds) } },
    );
  }
  if (!result.ok) return data({ errors: { code: [msg("auth.twoFactor.wrong")] } }, { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(request, pending.userId));
  headers.append("Set-Cookie", await endSecondStep(request));
  headers.append("Set-Cookie", trustDevice(request, pending.userId));
  if (result.usedRecoveryCode)
    return redirectWithToast(
      request,
      pending.redirectTo,
      { kind: "success", message: msg("auth.twoFactor.recoveryUsed", { count: result.recoveryCodesLeft }) },
      headers,
    );
  headers.set("Location", pending.redirectTo);
  return new Response(null, { status: 302, headers });
}

export default function TwoFactorStep() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  // A new key per answer empties the field: a refused code is never left in it.
  const formKey = useMemo(() => (actionData ? Math.random() : 0), [actionData]);
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("auth.twoFactor.title")}</h1>
      <Form method="post" className="card form" noValidate key={formKey}>
        <FormError errors={errors.form} />
        <p>{t("auth.twoFactor.intro")}</p>
        <Field
          label={t("auth.twoFactor.code")}
          name="code"
          autoComplete="one-time-code"
          hint={t("auth.twoFactor.hint")}
          errors={errors.code}
          maxLength={40}
          required
          autoFocus
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("auth.twoFactor.submitting") : t("auth.twoFactor.submit")}
        </button>
      </Form>
      <p className="muted">
        <Link to="/sign-in">{t("auth.twoFactor.startAgain")}</Link>
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
