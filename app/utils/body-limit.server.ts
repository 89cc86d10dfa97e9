// Request body limits, applied by server.ts before a request reaches a route.
//
// An oversized body is answered 413 with `Connection: close`, and the connection is then closed the way nginx
// and Apache do it (a "lingering close"): the answer goes out, our side of the connection is shut for writing,
// and whatever the client is still sending is read and thrown away for a bounded time and size before the
// socket is closed. Closing at once would make the client's system answer the rest of its upload with a reset,
// and a reset can reach the client before it has read the 413: the person then sees "connection reset"
// instead of "This file is over 50 MB".
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import type { Request as ExpressRequest, Response as ExpressResponse, NextFunction } from "express";
import { getLocale, translatorFor } from "./i18n.server";
import { translateMessage } from "./messages";
import type { BodyLimit } from "./upload-limits";

/** How long and how much a refused client may go on sending before its connection is closed. */
export const LINGER = {
  /** From the answer to the close, whatever the client does. */
  totalMs: 30_000,
  /** The client sent nothing for this long. */
  idleMs: 5_000,
  /** Bytes read and discarded after the answer. */
  maxBytes: 256 * 1024 * 1024,
};

/**
 * Reads and discards what the client still sends after the 413, then closes. Node's HTTP server ends a
 * `Connection: close` answer with `socket.destroySoon()`, which would close the socket with the client's data
 * unread; that call is replaced for this socket only.
 */
function lingerBeforeClosing(req: IncomingMessage, socket: Socket) {
  let discarded = 0;
  let closed = false;
  let idle: NodeJS.Timeout | undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(total);
    clearTimeout(idle);
    req.off("data", count);
    socket.destroy();
  };
  const restartIdle = () => {
    clearTimeout(idle);
    idle = setTimeout(close, LINGER.idleMs);
    idle.unref();
  };
  const count = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER.maxBytes) close();
    else restartIdle();
  };
  const total = setTimeout(close, LINGER.totalMs);
  total.unref();
  req.on("data", count);
  req.resume();
  socket.destroySoon = () => {
    // The answer is written: send our FIN after it, keep reading until the client closes its side.
    if (!socket.writableEnded) socket.end();
    restartIdle();
  };
  socket.once("end", close);
  socket.once("close", close);
}

/** The reader's language, decided as for every page (their setting, the language cookie, the browser's). */
async function readerLocale(req: ExpressRequest) {
  const headers = new Headers();
  for (const name of ["cookie", "accept-language"]) {
    const value = req.headers[name];
    if (typeof value === "string") headers.set(name, value);
  }
  return getLocale(new Request(`http://localhost${req.originalUrl}`, { headers })).catch(() => "en" as const);
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Where "Go back" leads: the page the form was on when it is one of ours, else the start page. */
function backLink(req: ExpressRequest): string {
  const referer = req.headers.referer;
  if (!referer) return "/";
  try {
    const url = new URL(referer);
    return url.host === req.headers.host && url.pathname.startsWith("/") && !url.pathname.startsWith("//")
      ? `${url.pathname}${url.search}`
      : "/";
  } catch {
    return "/";
  }
}

async function refuse(req: ExpressRequest, res: ExpressResponse, limit: BodyLimit) {
  res.locals.bodyRefused = true;
  lingerBeforeClosing(req, req.socket);
  const locale = await readerLocale(req);
  const t = await translatorFor(locale);
  const text = translateMessage(t, limit.message);
  if (res.headersSent || res.writableEnded) return;
  res.status(413).set("Connection", "close");
  // A browser that posted a form without JavaScript shows this as the page: give it one.
  if (req.headers.accept?.includes("text/html")) {
    const nonce = (res.locals.cspNonce as string) || "";
    res.set(
      "Content-Security-Policy",
      `default-src 'none'; style-src ${nonce ? `'nonce-${nonce}'` : "'unsafe-inline'"}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
    const title = t("errors.tooLarge.title");
    res
      .type("html")
      .send(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
          `<meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>${escapeHtml(t("common.pageTitle", { title }))}</title>` +
          `<style${nonce ? ` nonce="${nonce}"` : ""}>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:2rem 1rem;color:#1f2328}main{max-width:40rem;margin:0 auto}h1{font-size:1.5rem}a{color:#0b57d0}</style>` +
          `</head><body><main><h1>${escapeHtml(title)}</h1><p role="alert">${escapeHtml(text)}</p>` +
          `<p><a href="${escapeHtml(backLink(req))}">${escapeHtml(t("errors.tooLarge.back"))}</a></p></main></body></html>`,
      );
    return;
  }
  res.type("text/plain").send(text);
}

/**
 * A body sent without Content-Length (chunked) is counted as it streams past, never buffered here. Past the
 * limit the client gets 413 and the read the route is doing fails with that same answer, so no action ever
 * sees a cut-off form or document.
 */
function limitStreamedBody(req: ExpressRequest, res: ExpressResponse, limit: BodyLimit) {
  let received = 0;
  const count = (chunk: Buffer) => {
    received += chunk.length;
    if (received <= limit.bytes) return;
    req.off("data", count);
    void refuse(req, res, limit);
    // The reader (Remix) gets an error instead of more data. A Response is an expected outcome for Remix:
    // the route stops without logging.
    if (req.listenerCount("error") > 0) {
      req.emit("error", new Response("Request body too large", { status: 413 }));
    }
  };
  // Counting starts together with the first reader: listening earlier would start the flow of data before
  // the route is there to receive it.
  const onNewListener = (event: string | symbol) => {
    if (event !== "data") return;
    req.off("newListener", onNewListener);
    req.on("data", count);
  };
  req.on("newListener", onNewListener);
}

/** The middleware: `limitFor` gives the limit of a write to a path. GET, HEAD and OPTIONS pass. */
export function bodyLimits(limitFor: (path: string) => BodyLimit) {
  return (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const limit = limitFor(req.path);
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limit.bytes) {
      void refuse(req, res, limit);
      return;
    }
    if (declared === undefined) limitStreamedBody(req, res, limit);
    next();
  };
}
