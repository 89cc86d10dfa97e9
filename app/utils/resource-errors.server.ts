// Refusals in resource routes (downloads, JSON for the page's scripts). Remix renders no ErrorBoundary for
// them: a thrown `data({ message }, { status })` reached the person as {"message":"Unexpected Server Error"}
// while the real message only reached the server log. `resourceLoader` turns a refusal into an answer the
// reader can use, with its status and the message in their language: a small page when a browser navigates
// to the address (a download link, an address typed or bookmarked), JSON when a script asked for it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLocale, getT } from "./i18n.server";
import { decodeMessage, type MessageKey, translateMessage } from "./messages";

type Refusal = { status: number; message: string | null };

/** A thrown `data(...)` or Response with a 4xx status; redirects and anything else are not refusals. */
function refusalOf(thrown: unknown): Refusal | null {
  if (thrown instanceof Response)
    return thrown.status >= 400 && thrown.status < 500 ? { status: thrown.status, message: null } : null;
  if (
    typeof thrown !== "object" ||
    thrown === null ||
    (thrown as { type?: unknown }).type !== "DataWithResponseInit"
  )
    return null;
  const { data, init } = thrown as { data: unknown; init: ResponseInit | null };
  const status = init?.status ?? 500;
  if (status < 400 || status >= 500) return null;
  const message =
    typeof data === "object" && data !== null && typeof (data as { message?: unknown }).message === "string"
      ? (data as { message: string }).message
      : null;
  return { status, message };
}

/** Whether a browser is showing this answer as a page, rather than a script reading it. */
function wantsPage(request: Request): boolean {
  const mode = request.headers.get("Sec-Fetch-Mode");
  if (mode) return mode === "navigate";
  const accept = request.headers.get("Accept") ?? "";
  return accept.includes("text/html") && !accept.includes("application/json");
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** Where "Back" leads: the page the person came from on this site, or their workspaces. */
function backHref(request: Request): string {
  const referer = request.headers.get("Referer");
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    return from.host === new URL(request.url).host ? `${from.pathname}${from.search}` : "/";
  } catch {
    return "/";
  }
}

export async function refusalAnswer(request: Request, refusal: Refusal): Promise<Response> {
  const t = await getT(request);
  const say = (key: MessageKey, params?: Record<string, string | number>) =>
    translateMessage(t, params ? `${key}|${JSON.stringify(params)}` : key);
  const { status } = refusal;
  const title =
    status === 404
      ? say("errors.notFound.title")
      : status === 403
        ? say("errors.forbidden.title")
        : say("errors.status.title", { status });
  // Plain English left in an old message is not shown to a French reader: the status's own words are.
  const message =
    refusal.message && decodeMessage(refusal.message)
      ? translateMessage(t, refusal.message)
      : status === 403
        ? say("errors.forbidden.message")
        : status === 404
          ? say("errors.notFound.message")
          : title;
  const headers = { "Cache-Control": "private, no-store" };
  if (!wantsPage(request)) return Response.json({ status, message }, { status, headers });
  const lang = await getLocale(request);
  const page = `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(say("common.pageTitle", { title }))}</title>
<style>
body{margin:0;font-family:"Noto Sans",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;color:#1d2630;background:#fbfaf7}
main{max-width:36rem;margin:3rem auto;padding:0 1rem}
.status{margin:0;color:#5f6b78;font-weight:600}
h1{margin:.25rem 0 1rem;font-size:1.6rem}
a{color:#1f4e5f}
.actions{display:flex;flex-wrap:wrap;gap:1rem;margin-top:1.5rem}
</style>
</head>
<body>
<main id="main">
<p class="status">${status}</p>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p class="actions"><a href="${escapeHtml(backHref(request))}">${escapeHtml(say("common.goBack"))}</a><a href="/">${escapeHtml(say("errors.goHome"))}</a></p>
</main>
</body>
</html>
`;
  return new Response(page, { status, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}

/** Wraps a resource route's loader: refusals it throws become answers the reader can use (see above). */
export function resourceLoader<T extends LoaderFunctionArgs>(
  load: (args: T) => Promise<Response> | Response,
) {
  return async (args: T): Promise<Response> => {
    try {
      return await load(args);
    } catch (thrown) {
      const refusal = refusalOf(thrown);
      if (!refusal) throw thrown;
      return refusalAnswer(args.request, refusal);
    }
  };
}
