import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { decodeMessage, translateMessage } from "~/utils/messages";

/**
 * Status → translated title and message. A thrown Refusal (or `data({ message }, { status })`) may carry
 * its own message: a catalogue key (msg(...)) is translated; anything else is never shown, the page's own
 * message in the reader's language is.
 */
function describe(error: unknown, t: TFunction): { status: number; title: string; message: string } {
  if (isRouteErrorResponse(error)) {
    const raw =
      typeof error.data === "object" && error.data && "message" in error.data
        ? String((error.data as { message: unknown }).message)
        : typeof error.data === "string" && error.data
          ? error.data
          : "";
    const message = raw && decodeMessage(raw) ? translateMessage(t, raw) : "";
    if (error.status === 404)
      return {
        status: 404,
        title: t("errors.notFound.title"),
        message: message || t("errors.notFound.message"),
      };
    if (error.status === 403)
      return {
        status: 403,
        title: t("errors.forbidden.title"),
        message: message || t("errors.forbidden.message"),
      };
    return {
      status: error.status,
      title: t("errors.status.title", { status: error.status }),
      message: message || t("errors.unexpected.message"),
    };
  }
  return { status: 500, title: t("errors.unexpected.title"), message: t("errors.unexpected.message") };
}

/** The shared body of every route's ErrorBoundary: what happened and a way back. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const { status, title, message } = describe(error, t);
  return (
    <main id="main" className="page page-narrow error-page">
      <title>{t("common.pageTitle", { title })}</title>
      <p className="error-status">{status}</p>
      <h1>{title}</h1>
      <p>{message}</p>
      <p className="actions">
        <Link to="/" className="button">
          {t("errors.goHome")}
        </Link>
        <button type="button" className="button button-secondary" onClick={() => window.history.back()}>
          {t("common.goBack")}
        </button>
      </p>
    </main>
  );
}

/** Re-exported by every route as its ErrorBoundary. */
export function RouteErrorBoundary() {
  const error = useRouteError();
  return <ErrorPage error={error} />;
}
