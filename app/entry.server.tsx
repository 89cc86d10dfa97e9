import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { warmReferenceEngines } from "~/models/sources/references.server";
import { citationStylesInUse } from "~/models/workspaces.server";
import { getAuth } from "~/utils/auth.server";
import { createServerI18n, getLocale } from "~/utils/i18n.server";
import { NonceContext } from "~/utils/nonce";

export const streamTimeout = 5_000;

// server.ts starts it once the build is loaded: mail goes out from the same process.
export { mailWorker } from "~/models/mail-delivery.server";

// The citation engines of the styles in use, built once while the server starts rather than by a reader.
if (import.meta.env.PROD) warmReferenceEngines(citationStylesInUse());

// server.ts mounts it in front of this handler (ADR 0009).
export { responseCache } from "~/utils/response-cache.server";

function contentSecurityPolicy(nonce: string) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Sliding sessions: when Lucia extends a session, the cookie is renewed on whatever response goes out.
 * What a signed-in person reads is never stored by the browser or a proxy: on a shared or stolen computer
 * the disk cache would otherwise keep case pages after sign-out.
 */
async function sessionHeaders(request: Request, headers: Headers) {
  const { user, setCookie } = await getAuth(request);
  if (setCookie && !headers.get("Set-Cookie")?.includes(setCookie.split(";")[0]))
    headers.append("Set-Cookie", setCookie);
  if (user && !headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-store");
}

export const handleDataRequest: HandleDataRequestFunction = async (response, { request }) => {
  await sessionHeaders(request, response.headers);
  return response;
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  await sessionHeaders(request, responseHeaders);
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  if (nonce) responseHeaders.set("Content-Security-Policy", contentSecurityPolicy(nonce));
  // One i18next instance per request, holding only the request's language.
  const i18n = createServerI18n(await getLocale(request));
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={i18n}>
        <NonceContext.Provider value={nonce}>
          <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
        </NonceContext.Provider>
      </I18nextProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          const body = new PassThrough();
          const stream = createReadableStreamFromReadable(body);
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are logged here; before it they reach the ErrorBoundary.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
