import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useMemo } from "react";
import { Field, FormError } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import { safeRedirect, signInSchema } from "~/models/auth-forms";
import { signIn } from "~/models/users.server";
import { getUser, startSession } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Sign in · Mediation Casebook" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseForm(formData, signInSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = await signIn(parsed.data, requestOrigin(request));
  const values = { email: parsed.data.email, redirectTo: parsed.data.redirectTo ?? "" };
  if (!result.ok && result.reason === "throttled") {
    const minutes = Math.ceil((result.retryAfterSeconds ?? 60) / 60);
    return data(
      {
        errors: {
          form: [
            `Too many failed sign-ins. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
          ],
        },
        values,
      },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds ?? 60) } },
    );
  }
  if (!result.ok) {
    return data(
      { errors: { form: ["That email and password do not match an account."] }, values },
      { status: 400 },
    );
  }
  const cookie = await startSession(request, result.user.id);
  return redirect(safeRedirect(parsed.data.redirectTo), { headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const values = actionData?.values ?? {};
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const redirectTo = values.redirectTo || searchParams.get("redirectTo") || "";
  const formKey = useMemo(() => (actionData ? Math.random() : 0), [actionData]);
  return (
    <main id="main" className="page page-narrow">
      <h1>Sign in</h1>
      {/* A new key per answer remounts the form, so a refused password is never left in the field. */}
      <Form method="post" className="card form" noValidate key={formKey}>
        <FormError errors={errors.form} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={values.email}
          errors={errors.email}
          required
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          errors={errors.password}
          required
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
        </button>
      </Form>
      <p className="muted">
        New here?{" "}
        <Link to={`/sign-up${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>
          Create an account
        </Link>
        .
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
