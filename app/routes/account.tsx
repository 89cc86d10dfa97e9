import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Field, FormError } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import { changePasswordSchema, PASSWORD_MIN } from "~/models/auth-forms";
import { changePassword, updateProfile } from "~/models/users.server";
import { requireUser, startSession } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Account · Mediation Casebook" }];

const profileSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(100, "Keep your name under 100 characters."),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { user };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "profile") {
    const parsed = parseForm(formData, profileSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    updateProfile(user.id, parsed.data);
    return redirectWithToast(request, "/account", { kind: "success", message: "Your name was updated." });
  }
  if (intent === "password") {
    const parsed = parseForm(formData, changePasswordSchema);
    if (!parsed.ok)
      return data({ intent, errors: parsed.errors, values: {} as Record<string, string> }, { status: 400 });
    const result = await changePassword(user.id, parsed.data, requestOrigin(request));
    if (!result.ok)
      return data(
        { intent, errors: { [result.field]: [result.message] }, values: {} as Record<string, string> },
        { status: 400 },
      );
    // Every session ended with the change (other devices are signed out); this one starts afresh.
    const cookie = await startSession(request, user.id);
    return redirectWithToast(
      request,
      "/account",
      { kind: "success", message: "Password changed. Other devices were signed out." },
      { "Set-Cookie": cookie },
    );
  }
  return data(
    { intent: null, errors: { form: ["Unknown action."] }, values: {} as Record<string, string> },
    { status: 400 },
  );
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: string): Record<string, string[] | undefined> =>
    actionData?.intent === intent ? actionData.errors : {};
  return (
    <main id="main" className="page page-narrow">
      <h1>Your account</h1>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="profile" />
          <p className="muted">Email: {user.email}</p>
          <Field
            label="Name"
            name="name"
            defaultValue={actionData?.intent === "profile" ? actionData.values.name : user.name}
            errors={errorsFor("profile").name}
          />
          <button type="submit" className="button" disabled={busy}>
            Save name
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Change password</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="password" />
          <FormError errors={errorsFor("password").form} />
          <Field
            label="Current password"
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            errors={errorsFor("password").currentPassword}
          />
          <Field
            label="New password"
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters. Changing it signs you out everywhere else.`}
            errors={errorsFor("password").newPassword}
          />
          <button type="submit" className="button" disabled={busy}>
            Change password
          </button>
        </Form>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
