// Helpers for tests of several server processes (WORKERS, ADR 0017): requests and editors pinned to one
// worker. node:cluster hands each new connection to the next worker; every answer says which one it was
// (X-Casebook-Worker), so a test opens connections until it has the worker it wants.
import { Agent, request as httpRequest } from "node:http";
import * as Y from "yjs";
import { type NodeEditor, openNodeEditor, until } from "../../scripts/bench/collab";

export type Answer = {
  status: number;
  worker: number;
  text: string;
  location: string | null;
  /** The cookies set, as name=value. */
  cookies: string[];
};

type RequestOptions = { method?: string; cookie?: string; body?: string; contentType?: string };

function send(agent: Agent, baseUrl: string, path: string, options: RequestOptions = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const url = new URL(path, baseUrl);
    const headers: Record<string, string> = { Origin: baseUrl };
    if (options.cookie) headers.Cookie = options.cookie;
    if (options.body !== undefined) {
      headers["Content-Type"] = options.contentType ?? "application/x-www-form-urlencoded";
      headers["Content-Length"] = String(Buffer.byteLength(options.body));
    }
    const req = httpRequest(url, { method: options.method ?? "GET", agent, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        text += chunk;
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          worker: Number(res.headers["x-casebook-worker"] ?? 0),
          text,
          location: (res.headers.location as string | undefined) ?? null,
          cookies: (res.headers["set-cookie"] ?? []).map((cookie) => cookie.split(";")[0]),
        }),
      );
    });
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/**
 * Sends the request on a connection held by `worker`: a connection is opened (and a harmless /healthz
 * asked on it) until one lands on that worker; the request then goes on the same connection.
 */
export async function onWorker(
  worker: number,
  baseUrl: string,
  path: string,
  options: RequestOptions = {},
): Promise<Answer> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const probe = await send(agent, baseUrl, "/healthz");
      if (probe.worker !== worker) continue;
      const answer = await send(agent, baseUrl, path, options);
      if (answer.worker !== worker) throw new Error(`The connection moved from worker ${worker}`);
      return answer;
    } finally {
      agent.destroy();
    }
  }
  throw new Error(`No connection reached worker ${worker} in 40 tries`);
}

export type PinnedEditor = NodeEditor;

/** A co-editor in Node (the provider the browser uses) whose socket is on `worker`. */
export async function openEditorOn(
  worker: number,
  baseUrl: string,
  cookie: string,
  caseId: string,
): Promise<PinnedEditor> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const editor = openNodeEditor(baseUrl, cookie, caseId);
    await until(() => editor.provider.isSynced, `an editor synced (worker ${worker} wanted)`);
    if (editor.worker() === worker) return editor;
    editor.destroy();
  }
  throw new Error(`No editor reached worker ${worker} in 40 tries`);
}

/** The texts of the case's paragraphs in a replica. */
export function paragraphsOf(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment("default")
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === "paragraph")
    .map((node) =>
      node
        .toArray()
        .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
        .join(""),
    );
}
