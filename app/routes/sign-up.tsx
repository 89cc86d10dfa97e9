import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Field, FormError } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import { PASSWORD_MIN, safeRedirect, signUpSchema } from "~/models/auth-forms";
import { EmailTakenError, signUp } from "~/models/users.server";
import { getUser, startSession } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";

export const meta: MetaFunction = () => [{ title: "Create an account · Mediation Casebook" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseForm(await request.formData(), signUpSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const user = await signUp(parsed.data, requestOrigin(request));
    const cookie = await startSession(request, user.id);
    return redirect(safeRedirect(parsed.data.redirectTo, "/workspaces"), {
      headers: { "Set-Cookie": cookie },
    });
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
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const values: Record<string, string | undefined> = actionData?.values ?? {};
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  const redirectTo = values.redirectTo || searchParams.get("redirectTo") || "";
  return (
    <main id="main" className="page page-narrow">
      <h1>Create an account</h1>
      <Form method="post" className="card form" noValidate>
        <FormError errors={errors.form} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label="Name"
          name="name"
          autoComplete="name"
          defaultValue={values.name}
          errors={errors.name}
          required
        />
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
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. A phrase of several words is easiest to remember.`}
          errors={errors.password}
          required
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating your account…" : "Create account"}
        </button>
      </Form>
      <p className="muted">
        Already have an account?{" "}
        <Link to={`/sign-in${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`}>
          Sign in
        </Link>
        .
      </p>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
