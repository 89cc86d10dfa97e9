// Per-member cache of rendered GET answers (ADR 0009). server.ts mounts `responseCache` (exported by
// entry.server.tsx) in front of the Remix handler when RESPONSE_CACHE is not "0".
//
// An answer is kept for (user, address, Accept-Language and the cookies other than the session's, database
// generation; the minute too on pages that show relative dates) and only if it was a 200 without Set-Cookie.
// The session is checked on every request before anything is looked up; any write to the database, by
// anyone, moves the generation and empties the cache. The CSP nonce of the stored answer is
// replaced by the request's own.
import type { IncomingMessage, ServerResponse } from "node:http";
import { cacheableSessionUser, lucia } from "~/utils/auth.server";
import { databaseGeneration } from "~/utils/db.server";
import { TIME_DEPENDENT, UNCACHEABLE } from "~/utils/response-cache-rules";

type Entry = {
  status: number;
  headers: Array<[string, string | string[]]>;
  /** The body cut at each occurrence of the nonce it was rendered with. */
  parts: Buffer[];
  /** The header values cut the same way (Content-Security-Policy). */
  headerParts: Map<string, string[]>;
  bytes: number;
};

type Next = (error?: unknown) => void;
type Locals = { locals: { cspNonce?: string } };

const TOAST_COOKIE = "casebook_toast";
const DROPPED_HEADERS = new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "date",
  "x-response-cache",
]);

export type ResponseCacheStats = {
  hits: number;
  misses: number;
  stored: number;
  bytes: number;
  entries: number;
};

export function createResponseCache(options: { maxBytes: number; maxEntryBytes?: number }) {
  const maxEntryBytes = options.maxEntryBytes ?? Math.min(8 * 1024 * 1024, options.maxBytes / 4);
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Entry | null>>();
  let generation: string | null = null;
  let bytes = 0;
  const stats = { hits: 0, misses: 0, stored: 0 };

  function clear() {
    entries.clear();
    bytes = 0;
  }

  function store(key: string, entry: Entry) {
    if (entry.bytes > maxEntryBytes) return;
    const old = entries.get(key);
    if (old) bytes -= old.bytes;
    entries.set(key, entry);
    bytes += entry.bytes;
    stats.stored++;
    // Least recently used first in the Map's order.
    for (const [oldest, value] of entries) {
      if (bytes <= options.maxBytes) break;
      entries.delete(oldest);
      bytes -= value.bytes;
    }
  }

  function send(res: ServerResponse, entry: Entry, nonce: string) {
    res.statusCode = entry.status;
    for (const [name, value] of entry.headers) {
      const parts = entry.headerParts.get(name);
      res.setHeader(name, parts ? parts.join(nonce) : value);
    }
    const glue = Buffer.from(nonce);
    const length = entry.parts.reduce((sum, part) => sum + part.length, 0);
    res.setHeader("Content-Length", length + glue.length * (entry.parts.length - 1));
    res.setHeader("X-Response-Cache", "hit");
    // The stored parts go out as they are, the nonce between them: joining them first would copy the
    // whole page for every answer, garbage that made the server's peak memory swing by ~100 MB.
    res.cork();
    entry.parts.forEach((part, index) => {
      if (index > 0) res.write(glue);
      res.write(part);
    });
    // end() uncorks: one writev for the whole answer.
    res.end();
  }

  /** Records what the app writes; resolves with the entry once the answer ended, null if not kept. */
  function capture(res: ServerResponse & Locals, nonce: string): Promise<Entry | null> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let tooBig = false;
      const collect = (chunk: unknown, encoding?: unknown) => {
        if (tooBig || chunk == null || typeof chunk === "function") return;
        const buffer = Buffer.isBuffer(chunk)
          ? chunk
          : typeof chunk === "string"
            ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8")
            : Buffer.from(chunk as Uint8Array);
        size += buffer.length;
        if (size > maxEntryBytes) {
          tooBig = true;
          chunks.length = 0;
        } else chunks.push(buffer);
      };
      const write = res.write;
      const end = res.end;
      res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
        collect(chunk, rest[0]);
        return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      } as typeof res.write;
      res.end = function (this: ServerResponse, ...args: unknown[]) {
        collect(args[0], args[1]);
        const result = (end as (...a: unknown[]) => ServerResponse).apply(this, args);
        resolve(tooBig ? null : entryOf(res, Buffer.concat(chunks), nonce));
        return result;
      } as typeof res.end;
      // A client that went away before the end: nothing is kept.
      res.once("close", () => resolve(null));
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse & Locals, next: Next) {
    if (req.method !== "GET") return next();
    const url = req.url ?? "/";
    const path = url.split("?")[0];
    if (UNCACHEABLE.test(path)) return next();
    const cookieHeader = req.headers.cookie ?? "";
    // A one-shot message is shown once: that answer is the app's to render (and it clears the cookie).
    if (!cookieHeader || cookieHeader.includes(`${TOAST_COOKIE}=`)) return next();
    const userId = await cacheableSessionUser(cookieHeader);
    if (!userId) return next();
    const current = databaseGeneration();
    if (current === null) return next();
    if (current !== generation) {
      clear();
      generation = current;
    }
    const key = [
      userId,
      current,
      TIME_DEPENDENT.test(path) ? Math.floor(Date.now() / 60_000) : "",
      url,
      req.headers["accept-language"] ?? "",
      otherCookies(cookieHeader),
    ].join("\u0000");
    const nonce = res.locals.cspNonce ?? "";

    const hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      entries.set(key, hit);
      stats.hits++;
      return send(res, hit, nonce);
    }
    // The same page asked for while it renders: wait for that render instead of starting another.
    const pending = inFlight.get(key);
    if (pending) {
      const entry = await pending;
      if (entry && !res.headersSent) {
        stats.hits++;
        return send(res, entry, nonce);
      }
      return next();
    }
    stats.misses++;
    res.setHeader("X-Response-Cache", "miss");
    const captured = capture(res, nonce).then((entry) => {
      inFlight.delete(key);
      // Kept only while the database is where it was when the request came in.
      if (entry && generation === current && databaseGeneration() === current) store(key, entry);
      return entry;
    });
    inFlight.set(key, captured);
    next();
  }

  return {
    /** Connect-style middleware: (req, res, next). */
    middleware(req: IncomingMessage, res: ServerResponse, next: Next) {
      handle(req, res as ServerResponse & Locals, next).catch(next);
    },
    stats(): ResponseCacheStats {
      return { ...stats, bytes, entries: entries.size };
    },
    clear,
  };
}

function entryOf(res: ServerResponse, body: Buffer, nonce: string): Entry | null {
  if (res.statusCode !== 200 || res.hasHeader("set-cookie")) return null;
  const headers: Entry["headers"] = [];
  const headerParts = new Map<string, string[]>();
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || DROPPED_HEADERS.has(name)) continue;
    const stored = typeof value === "number" ? String(value) : value;
    headers.push([name, stored]);
    if (nonce && typeof stored === "string" && stored.includes(nonce))
      headerParts.set(name, stored.split(nonce));
  }
  return {
    status: res.statusCode,
    headers,
    headerParts,
    parts: splitBuffer(body, nonce),
    bytes: body.length + 512,
  };
}

function splitBuffer(body: Buffer, separator: string): Buffer[] {
  if (!separator) return [body];
  const needle = Buffer.from(separator);
  const parts: Buffer[] = [];
  let start = 0;
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, start)) {
    parts.push(body.subarray(start, at));
    start = at + needle.length;
  }
  parts.push(body.subarray(start));
  return parts;
}

/** The cookies that may change a page (a language choice, say), without the session id. */
function otherCookies(cookieHeader: string): string {
  return cookieHeader
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part && !part.startsWith(`${lucia.sessionCookieName}=`))
    .sort()
    .join("; ");
}

const megabytes = Number(process.env.RESPONSE_CACHE_MB ?? 64);

/** The process's cache; null when RESPONSE_CACHE=0 (or RESPONSE_CACHE_MB=0). */
export const responseCache =
  process.env.RESPONSE_CACHE === "0" || !(megabytes > 0)
    ? null
    : createResponseCache({ maxBytes: megabytes * 1024 * 1024 });
