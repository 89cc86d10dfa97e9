// The link that confirms an address. Opening it changes nothing (mail scanners open links); the button
// confirms. It does not sign anyone in: whoever made the account must know its password, so an account
// someone else made with your address is of no use to them (nor can it be passed to you).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { confirmEmail, findVerification } from "~/models/accounts.server";
import { requestOrigin } from "~/models/audit.server";
import { safeRedirect } from "~/models/auth-forms";
import { getUser } from "~/utils/auth.server";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = findVerification(params.token ?? "");
  const pageTitle = await getPageTitle(request, "auth.verify.metaTitle");
  if (!found) return data({ email: null, pageTitle }, { status: 404 });
  return data({ email: found.email, pageTitle });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const confirmed = confirmEmail(params.token ?? "", requestOrigin(request));
  if (!confirmed) return data({ error: msg("auth.verify.invalidBody") }, { status: 404 });
  const next = safeRedirect(confirmed.next, "/workspaces");
  const user = await getUser(request);
  if (user?.id === confirmed.userId)
    return redirectWithToast(request, next, { kind: "success", message: msg("auth.verify.done") });
  return redirectWithToast(request, `/sign-in?redirectTo=${encodeURIComponent(next)}`, {
    kind: "success",
    message: msg("auth.verify.doneSignIn"),
  });
}

export default function VerifyEmail() {
  const { t } = useTranslation();
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  if (!email)
    return (
      <main id="main" className="page page-narrow">
        <h1>{t("auth.verify.invalidTitle")}</h1>
        <div className="card">
          <p>{t("auth.verify.invalidBody")}</p>
          <p>
            <Link to="/sign-in">{t("auth.signUp.signIn")}</Link>
          </p>
        </div>
      </main>
    );
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("auth.verify.title")}</h1>
      <Form method="post" className="card form">
        <FormError errors={actionData?.error ? [actionData.error] : undefined} />
        <p>{t("auth.verify.intro", { email })}</p>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.verify.submit")}
        </button>
      </Form>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
