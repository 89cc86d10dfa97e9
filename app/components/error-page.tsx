import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

function describe(error: unknown): { status: number; title: string; message: string } {
  if (isRouteErrorResponse(error)) {
    const message =
      typeof error.data === "object" && error.data && "message" in error.data
        ? String((error.data as { message: unknown }).message)
        : typeof error.data === "string" && error.data
          ? error.data
          : "";
    if (error.status === 404)
      return {
        status: 404,
        title: "Not found",
        message: message || "This page does not exist, or it is not in a workspace you belong to.",
      };
    if (error.status === 403)
      return {
        status: 403,
        title: "Not allowed",
        message: message || "Your role in this workspace does not allow this.",
      };
    return { status: error.status, title: `Error ${error.status}`, message: message || error.statusText };
  }
  return {
    status: 500,
    title: "Something went wrong",
    message: "The page could not be shown. Nothing you saved before this was lost. Try again, or go back.",
  };
}

/** The shared body of every route's ErrorBoundary: what happened and a way back. */
export function ErrorPage({ error }: { error: unknown }) {
  const { status, title, message } = describe(error);
  return (
    <main id="main" className="page page-narrow error-page">
      <title>{`${title} · Mediation Casebook`}</title>
      <p className="error-status">{status}</p>
      <h1>{title}</h1>
      <p>{message}</p>
      <p className="actions">
        <Link to="/" className="button">
          Go to my workspaces
        </Link>
        <button type="button" className="button button-secondary" onClick={() => window.history.back()}>
          Go back
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
