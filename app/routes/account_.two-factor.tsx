// Setting up, renewing and turning off two-factor sign-in. A workspace that requires it sends its members
// here (?for=<workspace>) before they see any case.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormError } from "~/components/field";
import { requestOrigin } from "~/models/audit.server";
import { passwordCheckSchema } from "~/models/auth-forms";
import {
  beginTwoFactorSetup,
  confirmTwoFactorSetup,
  disableTwoFactor,
  groupSecret,
  renewRecoveryCodes,
  twoFactorStatus,
} from "~/models/two-factor.server";
import { listWorkspacesForUser } from "~/models/workspaces.server";
import accountStyles from "~/styles/account.css?url";
import { getAuth, requireUser } from "~/utils/auth.server";
import { useFormat } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requiresTwoFactor } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;
export const links = () => [{ rel: "stylesheet", href: accountStyles }];

const confirmSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{3}\s?\d{3}$/, msg("account.twoFactor.errors.wrongCode")),
});

/** The workspace that sent the person here, if they belong to it (its name is shown, nothing else). */
function requiringWorkspace(userId: string, url: URL) {
  const wanted = url.searchParams.get("for");
  if (!wanted) return null;
  return listWorkspacesForUser(userId).find((workspace) => workspace.id === wanted) ?? null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const pageTitle = await getPageTitle(request, "account.twoFactor.metaTitle");
  const workspace = requiringWorkspace(user.id, new URL(request.url));
  const requiredSomewhere = listWorkspacesForUser(user.id).some((w) => requiresTwoFactor(w.id));
  if (user.twoFactor) {
    const status = twoFactorStatus(user.id);
    return { pageTitle, workspace, requiredSomewhere, status, setup: null };
  }
  const setup = await beginTwoFactorSetup(user.id);
  return {
    pageTitle,
    workspace,
    requiredSomewhere,
    status: null,
    setup: setup && { secret: groupSecret(setup.secret), qrCode: setup.qrCode },
  };
}

type ActionData = { intent: string; errors: Record<string, string[]>; recoveryCodes: string[] | null };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const origin = requestOrigin(request);
  const answer = (body: ActionData, init?: ResponseInit) => data(body, init);
  if (intent === "confirm") {
    const parsed = parseForm(formData, confirmSchema);
    if (!parsed.ok) return answer({ intent, errors: parsed.errors, recoveryCodes: null }, { status: 400 });
    const { sessionId } = await getAuth(request);
    const result = await confirmTwoFactorSetup(user.id, parsed.data.code, origin, sessionId);
    if (!result.ok)
      return answer({ intent, errors: { code: [result.message] }, recoveryCodes: null }, { status: 400 });
    return answer({ intent, errors: {}, recoveryCodes: result.recoveryCodes });
  }
  if (intent === "renew" || intent === "disable") {
    const parsed = parseForm(formData, passwordCheckSchema);
    if (!parsed.ok) return answer({ intent, errors: parsed.errors, recoveryCodes: null }, { status: 400 });
    if (intent === "renew") {
      const result = await renewRecoveryCodes(user.id, parsed.data.password, origin);
      if (!result.ok)
        return answer(
          { intent, errors: { password: [result.message] }, recoveryCodes: null },
          { status: 400 },
        );
      return answer({ intent, errors: {}, recoveryCodes: result.recoveryCodes });
    }
    const result = await disableTwoFactor(user.id, parsed.data.password, origin);
    if (!result.ok)
      return answer({ intent, errors: { password: [result.message] }, recoveryCodes: null }, { status: 400 });
    return redirectWithToast(request, "/account", {
      kind: "success",
      message: msg("account.twoFactor.disabled"),
    });
  }
  return answer(
    { intent: "", errors: { form: [msg("errors.unknownAction")] }, recoveryCodes: null },
    { status: 400 },
  );
}

function RecoveryCodes({ codes, next }: { codes: string[]; next: { to: string; label: string } }) {
  const { t } = useTranslation();
  const file = `Mediation Casebook — ${t("account.twoFactor.codesList")}\n\n${codes.join("\n")}\n`;
  return (
    <section className="card" aria-labelledby="codes-heading">
      <h2 id="codes-heading">{t("account.twoFactor.codesTitle")}</h2>
      <p>{t("account.twoFactor.codesIntro")}</p>
      <ul className="recovery-codes" aria-label={t("account.twoFactor.codesList")}>
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <p className="actions">
        <a
          className="button button-secondary"
          download="mediation-casebook-recovery-codes.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
        >
          {t("account.twoFactor.download")}
        </a>
        <Link className="button" to={next.to}>
          {next.label}
        </Link>
      </p>
    </section>
  );
}

/** A change that asks for the password first (new recovery codes, turning it off). */
function PasswordForm(props: {
  intent: "renew" | "disable";
  heading: string;
  intro: string;
  warning?: string;
  button: string;
  errors: Record<string, string[] | undefined>;
  busy: boolean;
  danger?: boolean;
}) {
  const { t } = useTranslation();
  const headingId = `${props.intent}-heading`;
  return (
    <section className={`card${props.danger ? " danger-card" : ""}`} aria-labelledby={headingId}>
      <h2 id={headingId}>{props.heading}</h2>
      <p className="muted">{props.intro}</p>
      {props.warning ? <p>{props.warning}</p> : null}
      <Form method="post" className="form" noValidate>
        <input type="hidden" name="intent" value={props.intent} />
        <FormError errors={props.errors.form} />
        <Field
          label={t("account.twoFactor.password")}
          name="password"
          type="password"
          autoComplete="current-password"
          errors={props.errors.password}
          required
        />
        <p>
          <button
            type="submit"
            className={`button ${props.danger ? "button-danger" : "button-secondary"}`}
            disabled={props.busy}
          >
            {props.button}
          </button>
        </p>
      </Form>
    </section>
  );
}

export default function TwoFactor() {
  const { t } = useTranslation();
  const format = useFormat();
  const { workspace, status, setup, requiredSomewhere } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errorsFor = (intent: string): Record<string, string[] | undefined> =>
    actionData && "intent" in actionData && actionData.intent === intent ? actionData.errors : {};
  const codes = actionData && "recoveryCodes" in actionData ? actionData.recoveryCodes : null;
  const next = workspace
    ? {
        to: `/w/${workspace.id}/cases`,
        label: t("account.twoFactor.continueTo", { workspace: workspace.name }),
      }
    : { to: "/account", label: t("account.twoFactor.continue") };
  return (
    <main id="main" className="page page-narrow">
      <p className="breadcrumb">
        <Link to="/account">{t("account.title")}</Link>
      </p>
      <h1>{t("account.twoFactor.title")}</h1>
      {workspace && !codes ? (
        <div className="notice" role="status">
          <p>{t("account.twoFactor.required", { workspace: workspace.name })}</p>
        </div>
      ) : null}
      {codes ? (
        <>
          {actionData?.intent === "confirm" ? (
            <p className="notice" role="status">
              {t("account.twoFactor.turnedOn")}
            </p>
          ) : null}
          <RecoveryCodes codes={codes} next={next} />
        </>
      ) : setup ? (
        <section className="card" aria-labelledby="setup-heading">
          <h2 id="setup-heading" className="visually-hidden">
            {t("account.security.setUpTwoFactor")}
          </h2>
          <p>{t("account.twoFactor.intro")}</p>
          <div className="setup-steps">
            <p>{t("account.twoFactor.step1")}</p>
            <p>{t("account.twoFactor.step2")}</p>
            <img
              className="qr-code"
              src={setup.qrCode}
              alt={t("account.twoFactor.qrAlt")}
              width={208}
              height={208}
            />
            <p>{t("account.twoFactor.secretLabel")}</p>
            <p className="totp-secret" data-testid="totp-secret">
              {setup.secret}
            </p>
            <p>{t("account.twoFactor.step3")}</p>
          </div>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="confirm" />
            <FormError errors={errorsFor("confirm").form} />
            <Field
              label={t("account.twoFactor.code")}
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              errors={errorsFor("confirm").code}
              required
            />
            <p>
              <button type="submit" className="button" disabled={busy}>
                {t("account.twoFactor.confirm")}
              </button>
            </p>
          </Form>
        </section>
      ) : status ? (
        <>
          <section className="card" aria-labelledby="status-heading">
            <h2 id="status-heading">{t("account.security.twoFactorOn")}</h2>
            {status.enabledAt ? (
              <p>{t("account.twoFactor.enabledSince", { date: format.date(status.enabledAt) })}</p>
            ) : null}
            <p>{t("account.twoFactor.codesLeft", { count: status.recoveryCodesLeft })}</p>
          </section>
          <PasswordForm
            intent="renew"
            heading={t("account.twoFactor.renewHeading")}
            intro={t("account.twoFactor.renewIntro")}
            button={t("account.twoFactor.renew")}
            errors={errorsFor("renew")}
            busy={busy}
          />
          <PasswordForm
            intent="disable"
            heading={t("account.twoFactor.disableHeading")}
            intro={t("account.twoFactor.disableIntro")}
            warning={requiredSomewhere ? t("account.twoFactor.disableRequired") : undefined}
            button={t("account.twoFactor.disable")}
            errors={errorsFor("disable")}
            busy={busy}
            danger
          />
        </>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
