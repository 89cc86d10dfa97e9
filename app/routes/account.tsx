import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormError } from "~/components/field";
import { LocaleSelect } from "~/components/locale-select";
import { accountSettings, resendVerification, setMailPreferences } from "~/models/accounts.server";
import { requestOrigin } from "~/models/audit.server";
import { changePasswordSchema, nameSchema, PASSWORD_MIN } from "~/models/auth-forms";
import { LOCALES, MAIL_MODES, NOTIFICATION_KINDS } from "~/models/domain";
import { digestHourUtc, mailModeFor } from "~/models/notifications.server";
import { changePassword, updateLocale, updateProfile } from "~/models/users.server";
import accountStyles from "~/styles/account.css?url";
import { requireUser, startSession } from "~/utils/auth.server";
import { parseForm } from "~/utils/forms";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { redirectWithToast } from "~/utils/toast.server";
import { readDeviceToken } from "~/utils/trusted-devices.server";

export const meta = titleMeta;
export const links = () => [{ rel: "stylesheet", href: accountStyles }];

const profileSchema = z.object({ name: nameSchema });

// "" = follow the browser's language (users.locale null).
const languageSchema = z.object({
  locale: z
    .enum([...LOCALES, ""], { error: msg("account.language.invalid") })
    .transform((value) => (value === "" ? null : value)),
});

const mailSchema = z.object(
  Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, z.enum(MAIL_MODES, { error: msg("account.mail.invalid") })]),
  ) as Record<(typeof NOTIFICATION_KINDS)[number], z.ZodEnum<{ [M in (typeof MAIL_MODES)[number]]: M }>>,
);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const settings = accountSettings(user.id);
  const mailModes = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, mailModeFor(settings?.mailPreferences ?? {}, kind)]),
  ) as Record<(typeof NOTIFICATION_KINDS)[number], (typeof MAIL_MODES)[number]>;
  return {
    user,
    emailVerified: Boolean(settings?.emailVerifiedAt),
    mailModes,
    digestHour: digestHourUtc(),
    pageTitle: await getPageTitle(request, "account.metaTitle"),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "profile") {
    const parsed = parseForm(formData, profileSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    updateProfile(user.id, parsed.data);
    return redirectWithToast(request, "/account", { kind: "success", message: msg("account.profile.saved") });
  }
  if (intent === "language") {
    const parsed = parseForm(formData, languageSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    // Only ever the signed-in user's own setting.
    updateLocale(user.id, parsed.data.locale);
    return redirectWithToast(request, "/account", {
      kind: "success",
      message: msg("account.language.saved"),
    });
  }
  if (intent === "mail") {
    const parsed = parseForm(formData, mailSchema);
    if (!parsed.ok) return data({ intent, errors: parsed.errors, values: parsed.values }, { status: 400 });
    setMailPreferences(user.id, parsed.data);
    return redirectWithToast(request, "/account#mail", {
      kind: "success",
      message: msg("account.mail.saved"),
    });
  }
  if (intent === "resendVerification") {
    const result = resendVerification(user.id, undefined);
    const message = result.sent
      ? msg("account.email.resent", { email: user.email })
      : result.reason === "verified"
        ? msg("account.email.alreadyConfirmed")
        : msg("account.email.resendThrottled");
    return redirectWithToast(request, "/account", { kind: result.sent ? "success" : "error", message });
  }
  if (intent === "password") {
    const parsed = parseForm(formData, changePasswordSchema);
    if (!parsed.ok)
      return data({ intent, errors: parsed.errors, values: {} as Record<string, string> }, { status: 400 });
    const result = await changePassword(
      user.id,
      parsed.data,
      requestOrigin(request),
      readDeviceToken(request),
    );
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
      { kind: "success", message: msg("account.password.changed") },
      { "Set-Cookie": cookie },
    );
  }
  return data(
    { intent: null, errors: { form: [msg("errors.unknownAction")] }, values: {} as Record<string, string> },
    { status: 400 },
  );
}

export default function Account() {
  const { t } = useTranslation();
  const { user, emailVerified, mailModes, digestHour } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: string): Record<string, string[] | undefined> =>
    actionData?.intent === intent ? actionData.errors : {};
  return (
    <main id="main" className="page page-narrow">
      <h1>{t("account.title")}</h1>
      <FormError errors={actionData?.intent === null ? actionData.errors.form : undefined} />
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading">{t("account.profile.heading")}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="profile" />
          <p className="muted">{t("account.profile.email", { email: user.email })}</p>
          <Field
            label={t("auth.name")}
            name="name"
            defaultValue={actionData?.intent === "profile" ? actionData.values.name : user.name}
            errors={errorsFor("profile").name}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("account.profile.save")}
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="email-heading">
        <h2 id="email-heading">{t("account.email.heading")}</h2>
        {emailVerified ? (
          <p>{t("account.email.confirmed", { email: user.email })}</p>
        ) : (
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="resendVerification" />
            <p>{t("account.email.notConfirmed", { email: user.email })}</p>
            <p>
              <button type="submit" className="button button-secondary" disabled={busy}>
                {t("account.email.resend")}
              </button>
            </p>
          </Form>
        )}
      </section>
      <section className="card" aria-labelledby="language-heading">
        <h2 id="language-heading">{t("account.language.heading")}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="language" />
          <LocaleSelect
            label={t("common.language.label")}
            hint={t("account.language.hint")}
            name="locale"
            defaultValue={user.locale}
            errors={errorsFor("language").locale}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("account.language.save")}
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="mail-heading" id="mail">
        <h2 id="mail-heading">{t("account.mail.heading")}</h2>
        <p className="muted">
          {t("account.mail.intro")}{" "}
          {t("account.mail.digestHint", { hour: String(digestHour).padStart(2, "0") })}
        </p>
        {emailVerified ? null : <p className="muted">{t("account.mail.notConfirmed")}</p>}
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="mail" />
          <FormError errors={Object.values(errorsFor("mail")).flat().filter(Boolean) as string[]} />
          <div className="mail-preferences">
            {NOTIFICATION_KINDS.map((kind) => (
              <div className="field mail-preference" key={kind}>
                <label htmlFor={`mail-${kind}`}>{t(`account.mail.kinds.${kind}`)}</label>
                <select id={`mail-${kind}`} name={kind} defaultValue={mailModes[kind]}>
                  {MAIL_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {t(`account.mail.modes.${mode}`)}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("account.mail.save")}
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="security-heading">
        <h2 id="security-heading">{t("account.security.heading")}</h2>
        <p>{user.twoFactor ? t("account.security.twoFactorOn") : t("account.security.twoFactorOff")}</p>
        <ul className="link-list">
          <li>
            <Link to="/account/two-factor">
              {user.twoFactor ? t("account.security.manageTwoFactor") : t("account.security.setUpTwoFactor")}
            </Link>
          </li>
          <li>
            <Link to="/account/sessions">{t("account.security.sessions")}</Link>
          </li>
          <li>
            <Link to="/account/delete">{t("account.security.deleteAccount")}</Link>
          </li>
        </ul>
      </section>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">{t("account.password.heading")}</h2>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="password" />
          <FormError errors={errorsFor("password").form} />
          <Field
            label={t("account.password.current")}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            errors={errorsFor("password").currentPassword}
          />
          <Field
            label={t("account.password.new")}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            hint={t("account.password.hint", { min: PASSWORD_MIN })}
            errors={errorsFor("password").newPassword}
          />
          <button type="submit" className="button" disabled={busy}>
            {t("account.password.submit")}
          </button>
        </Form>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
