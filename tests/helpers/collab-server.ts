// The co-editing server in the test process, on its own HTTP server, and Hocuspocus providers (the browser's
// client) connecting to it with a member's session cookie: integration tests of co-editing use these.
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo, Socket } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { applyBodyToYDoc, bodyFromYDoc } from "~/models/collab.server";
import { createCollabServer } from "~/utils/collab-server.server";
import { until } from "../../scripts/bench/collab";

export { until };

// `ws` comes with Hocuspocus; Node 20 has no WebSocket client of its own.
const WebSocket = createRequire(import.meta.url)("ws") as new (
  url: string,
  options?: { headers?: Record<string, string> },
) => unknown;

function withCookie(cookie: string | null, origin?: string) {
  return class extends (WebSocket as unknown as new (url: string, options?: unknown) => object) {
    constructor(address: string) {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (origin) headers.origin = origin;
      super(address, { headers });
    }
  };
}

export type TestEditor = ReturnType<typeof connectEditor>;

/** A Hocuspocus provider on `url` for one case; `events` records refusals, closes and stateless messages. */
export function connectEditor(
  url: string,
  cookie: string | null,
  caseId: string,
  options: { origin?: string } = {},
) {
  const document = new Y.Doc();
  const events: string[] = [];
  const websocketProvider = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: withCookie(cookie, options.origin),
    // Retries never give up: a refused retry after the server has closed would be an unhandled rejection.
    maxAttempts: 0,
  });
  const provider = new HocuspocusProvider({
    websocketProvider,
    name: caseId,
    document,
    onAuthenticationFailed: ({ reason }) => events.push(`refused:${reason}`),
    onClose: ({ event }) => events.push(`closed:${event.code}`),
    onStateless: ({ payload }) => events.push(`stateless:${payload}`),
  });
  // A provider given its own socket object starts only when attached.
  provider.attach();
  return {
    document,
    provider,
    events,
    /** The stateless messages of one type received so far, parsed. */
    received(type: string) {
      return events
        .filter((event) => event.startsWith("stateless:"))
        .map(
          (event) => JSON.parse(event.slice("stateless:".length)) as { type: string; [key: string]: unknown },
        )
        .filter((message) => message.type === type);
    },
    destroy: () => {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

export function appendParagraph(document: Y.Doc, text: string, marks?: JSONContent["marks"]) {
  const body = bodyFromYDoc(document);
  body.content = [...(body.content ?? []), { type: "paragraph", content: [{ type: "text", text, marks }] }];
  applyBodyToYDoc(document, body, "test");
}

export const plain = (document: Y.Doc) => JSON.stringify(bodyFromYDoc(document));

export type TestCollabServer = Awaited<ReturnType<typeof startCollabServer>>;

/** createCollabServer() on a plain HTTP server on a free port of 127.0.0.1. */
export async function startCollabServer() {
  const collab = createCollabServer();
  const server: Server = createServer((_req, res) => res.end());
  const sockets = new Set<Socket>();
  // Upgraded sockets leave the HTTP server's own bookkeeping: keep them to close them at the end.
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  collab.attach(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    collab,
    server,
    port,
    url: `ws://127.0.0.1:${port}/collab`,
    connect: (cookie: string | null, caseId: string, options: { origin?: string } = {}) =>
      connectEditor(`ws://127.0.0.1:${port}/collab`, cookie, caseId, options),
    /** Closes every connection (the last one out stores its document) and the server. */
    async stop() {
      // Providers destroyed in the tests may still be finishing a reconnection attempt: let them settle.
      await new Promise((resolve) => setTimeout(resolve, 300));
      collab.hocuspocus.closeConnections();
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
