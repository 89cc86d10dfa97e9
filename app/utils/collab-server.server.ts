// The co-editing server (ADR 0007): Hocuspocus on the app's own HTTP server, at /collab.
// Imported by server.ts only; the Remix build never loads it.
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { type Connection, type Document, Server as HocuspocusServer } from "@hocuspocus/server";
import * as Y from "yjs";
import {
  applyBodyToYDoc,
  bodyFromYDoc,
  collabAccess,
  loadCaseState,
  mergeStoredState,
  repairLiveDocument,
  storeCaseState,
} from "~/models/collab.server";
import { contentUpdateOf, LiveDocumentGate } from "~/models/collab-gate.server";
import { VERSION_NOTE_MAX } from "~/rules/limits";
import { lucia } from "~/utils/auth.server";
import { CasebookRedis, type CollabBus, createCollabBus } from "~/utils/collab-redis.server";
import { db } from "~/utils/db.server";
import { registerLiveDocuments } from "~/utils/live-registry.server";
import { msg } from "~/utils/messages";
import { workerId } from "~/utils/workers.server";

export const COLLAB_PATH = "/collab";
/** One message (an update or a whole-document sync) may not exceed this; the case body limit is 2 MB. */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
// Reasons the browser shows (refusal, close) are catalogue keys (msg), translated by the editor
// (components/case-editor/collab.ts); a close reason must stay under 123 bytes.
/** Close code sent with a refused oversized update (4000–4999 are for applications). */
export const TOO_LARGE_CODE = 4413;
export const TOO_LARGE_REASON = msg("editor.collab.reasons.tooLarge", {
  limit: MAX_MESSAGE_BYTES / (1024 * 1024),
});

/** Close code when the person may no longer write (or read) this case; the provider reconnects. */
export const ACCESS_CHANGED_CODE = 4403;
export const SIGNED_OUT_CODE = 4401;
/**
 * Close code for a connection whose change was refused at the gate (collab-gate.server.ts): the change is
 * neither applied nor shared. The refused items are sent just before, as a "changeRefused" message.
 */
export const CHANGE_REFUSED_CODE = 4422;
export const CHANGE_REFUSED_REASON = msg("editor.collab.reasons.changeRefused");
/** Close code asking a connection to sync again (its provider reconnects at once); nothing is wrong. */
export const RESYNC_CODE = 4409;

// Messages between the editor and this server besides Yjs's own (Hocuspocus "stateless" messages):
//   editor → server  { type: "saveVersion", note }      cut a named revision now
//   editor → server  { type: "storedUpTo", version }    "tell me when my changes up to `version` are stored"
//   server → editor  { type: "stored", version }        they are (sent once the database holds them)
//   server → editors { type: "storeRefused", errors }   the last store was refused (only a body over the limit)
//   server → editors { type: "textRepaired", errors }   the server removed what it cannot store
//   server → editor  { type: "changeRefused", errors }  this connection's change was refused at the gate
//   server → editor  { type: "versionSaved" | "versionRefused", … }
// The editor only says "All changes saved" once "stored" covers its latest change (ADR 0007).

type Context = { userId: string; sessionId: string };
type Socket = { close(code: number, reason: string): void; on(event: "error", listener: () => void): void };

function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  // Browsers always send Origin on a WebSocket handshake; other clients (tests, the load script) may not.
  if (!origin) return true;
  let originHost = "";
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const allowed = new Set([
    request.headers.host,
    ...(process.env.APP_ORIGIN ? [new URL(process.env.APP_ORIGIN).host] : []),
  ]);
  return allowed.has(originHost);
}

/**
 * Closes the whole socket with a code and reason the browser sees (a document-level close would leave the
 * provider connected but silent); the provider reconnects and is told again what it may do.
 */
function closeSocket(connection: { webSocket: unknown }, code: number, reason: string) {
  (connection.webSocket as Socket).close(code, reason);
}

function refuseUpgrade(socket: Duplex, status: number, message: string) {
  socket.end(
    `HTTP/1.1 ${status} ${message}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  );
}

/**
 * The co-editing server of this process. With `redisUrl` (ADR 0017), the processes holding a case open
 * keep their copies in step through Redis, and what the app asks of live documents (close a session's
 * sockets, take in a body written outside, store now) reaches every process.
 */
export function createCollabServer(options: { redisUrl?: string | null } = {}) {
  const redis = options.redisUrl ? new CasebookRedis(options.redisUrl) : null;
  let bus: CollabBus | null = null;
  const lastAuthor = new Map<string, string>();
  /** Names of live documents changed since they were last stored. */
  const unstored = new Set<string>();
  /** Open sockets by session, so that signing out closes them. */
  const sockets = new Map<Socket, Context>();
  /** The gate in front of each live document. */
  const gates = new Map<string, LiveDocumentGate>();
  /** For each connection, the editor's change count it asked to hear about once stored ("storedUpTo"). */
  const waitingForStore = new WeakMap<Connection, number>();

  function gateOf(document: Document) {
    let gate = gates.get(document.name);
    if (!gate) {
      gate = new LiveDocumentGate(document);
      gates.set(document.name, gate);
      // Marked as the change is applied (Hocuspocus's onChange hook comes a moment later): an editor
      // asking whether its changes are stored must not be told yes before a store.
      document.on("update", () => unstored.add(document.name));
    }
    return gate;
  }

  function tellStored(connection: Connection, version: number) {
    connection.sendStateless(JSON.stringify({ type: "stored", version }));
  }

  /** Stores a live document; tells its editors what is now stored, or why the server refused it. */
  function store(document: Document, options: { authorId?: string; note?: string; closing?: boolean } = {}) {
    unstored.delete(document.name);
    const result = storeCaseState(document.name, document, {
      authorId: options.authorId ?? lastAuthor.get(document.name) ?? null,
      note: options.note,
      closing: options.closing,
      mergeStored: redis !== null,
    });
    if (result.kind !== "stored") {
      // Not stored: the next store (or a page read) tries again, and nobody is told it is stored.
      unstored.add(document.name);
      if (result.kind === "rejected")
        document.broadcastStateless(JSON.stringify({ type: "storeRefused", errors: result.errors }));
      return result;
    }
    if (result.repaired)
      document.broadcastStateless(JSON.stringify({ type: "textRepaired", errors: result.repaired }));
    for (const connection of document.getConnections()) {
      const version = waitingForStore.get(connection);
      if (version === undefined) continue;
      waitingForStore.delete(connection);
      tellStored(connection, version);
    }
    return result;
  }

  // Hocuspocus's Server gives the WebSocket server with its size limit; its own HTTP server is never started.
  const collabServer = new HocuspocusServer(
    {
      quiet: true,
      extensions: redis ? [redis] : [],
      debounce: 1000,
      maxDebounce: 5000,
      // Editors leave; the document is stored (with a revision if the text changed) and dropped from memory.
      unloadImmediately: true,
      async onConnect({ documentName, context, connectionConfig }) {
        const { userId } = context as Context;
        const access = collabAccess(userId, documentName);
        if (!access) throw { reason: msg("editor.collab.reasons.notOpen") };
        connectionConfig.readOnly = access.readOnly;
      },
      async onLoadDocument({ documentName, document }) {
        const state = loadCaseState(documentName);
        if (state) Y.applyUpdate(document, state);
        // A state stored before changes were checked at the gate may hold what the schema refuses.
        if (repairLiveDocument(document)) unstored.add(documentName);
        return document;
      },
      async afterLoadDocument({ document }) {
        gateOf(document);
      },
      async afterUnloadDocument({ documentName }) {
        gates.get(documentName)?.destroy();
        gates.delete(documentName);
      },
      async beforeHandleMessage({ update, connection, document, documentName }) {
        if (update.byteLength > MAX_MESSAGE_BYTES) {
          closeSocket(connection, TOO_LARGE_CODE, TOO_LARGE_REASON);
          throw { code: TOO_LARGE_CODE, reason: TOO_LARGE_REASON };
        }
        // The role is read again for every message: a member demoted or removed while connected stops
        // writing at once (their client reconnects and is told what it may do now).
        const { userId } = connection.context as Context;
        const access = collabAccess(userId, documentName);
        if (!access || access.readOnly !== connection.readOnly) {
          const reason = access
            ? msg("editor.collab.reasons.readOnlyNow")
            : msg("editor.collab.reasons.noLongerOpen");
          connection.readOnly = true;
          closeSocket(connection, ACCESS_CHANGED_CODE, reason);
          throw { code: ACCESS_CHANGED_CODE, reason };
        }
        const change = connection.readOnly ? null : contentUpdateOf(update);
        if (!change) return;
        const verdict = gateOf(document).check(change);
        if (verdict.droppedWaiting) {
          for (const other of document.getConnections())
            if (other !== connection) closeSocket(other, RESYNC_CODE, msg("editor.collab.reasons.resync"));
        }
        if (!verdict.ok) {
          connection.sendStateless(JSON.stringify({ type: "changeRefused", errors: verdict.errors }));
          closeSocket(connection, CHANGE_REFUSED_CODE, CHANGE_REFUSED_REASON);
          throw { code: CHANGE_REFUSED_CODE, reason: CHANGE_REFUSED_REASON };
        }
      },
      async onChange({ documentName, context }) {
        const { userId } = (context ?? {}) as Partial<Context>;
        if (userId) lastAuthor.set(documentName, userId);
        unstored.add(documentName);
      },
      async onStoreDocument({ document }) {
        store(document);
      },
      async onDisconnect({ document, documentName, clientsCount }) {
        if (clientsCount > 0 || !document) return;
        // The last editor here; with other processes, others may still be editing there (their presence
        // reached this copy): then this is not "the last person leaves", and no revision is cut.
        store(document, { closing: !othersPresentElsewhere(document) });
        lastAuthor.delete(documentName);
      },
      async onStateless({ connection, document, documentName, payload }) {
        let message: { type?: unknown; note?: unknown; version?: unknown };
        try {
          message = JSON.parse(payload);
        } catch {
          return;
        }
        if (message.type === "storedUpTo" && Number.isSafeInteger(message.version)) {
          // Every change this connection sent before this message has been applied (messages of one
          // connection are handled in order), so the next successful store holds them.
          if (unstored.has(documentName)) waitingForStore.set(connection, message.version as number);
          else tellStored(connection, message.version as number);
          return;
        }
        if (message.type !== "saveVersion" || connection.readOnly) return;
        const note = typeof message.note === "string" ? message.note.trim().slice(0, VERSION_NOTE_MAX) : "";
        const { userId } = connection.context as Context;
        const result = store(document, { authorId: userId, note });
        connection.sendStateless(
          JSON.stringify(
            result.kind === "stored"
              ? { type: "versionSaved", revision: result.revision, note }
              : { type: "versionRefused", errors: result.kind === "rejected" ? result.errors : [] },
          ),
        );
        if (lastAuthor.get(documentName) === undefined) lastAuthor.set(documentName, userId);
      },
    },
    { maxPayload: MAX_MESSAGE_BYTES },
  );
  const { hocuspocus, webSocketServer } = collabServer;
  // Which process answered, for operators and for the tests that pin an editor to a worker.
  webSocketServer.on("headers", (headers: string[]) => {
    if (workerId()) headers.push(`X-Casebook-Worker: ${workerId()}`);
  });

  /** Presence of editors connected to other processes (their awareness entries came through Redis). */
  function othersPresentElsewhere(document: Document) {
    if (!redis) return false;
    const local = new Set<number>();
    for (const connection of document.getConnections())
      for (const client of document.getClients(connection.webSocket)) local.add(client);
    return [...document.awareness.getStates().keys()].some(
      (client) => client !== document.awareness.clientID && !local.has(client),
    );
  }

  function closeLocalSessions(match: { sessionId?: string; userId?: string }) {
    for (const [socket, context] of sockets) {
      if (context.sessionId === match.sessionId || context.userId === match.userId)
        socket.close(SIGNED_OUT_CODE, msg("editor.collab.reasons.signedOut"));
    }
  }

  function flushLocal(caseId: string) {
    const live = hocuspocus.documents.get(caseId);
    if (live && unstored.has(caseId)) store(live);
  }

  if (redis && options.redisUrl) {
    bus = createCollabBus(options.redisUrl, {
      closeSessions: closeLocalSessions,
      stateWritten(caseId) {
        const live = hocuspocus.documents.get(caseId);
        // Merged in with an origin of its own: this process then stores it with what it holds.
        if (live) mergeStoredState(db, caseId, live);
      },
      flush: flushLocal,
      holds: (caseId) => hocuspocus.documents.has(caseId),
    });
  }

  registerLiveDocuments({
    apply(caseId, change) {
      const live = hocuspocus.documents.get(caseId);
      if (!live) return false;
      applyBodyToYDoc(live, typeof change === "function" ? change(bodyFromYDoc(live)) : change);
      return true;
    },
    stateWritten(caseId) {
      // After the writer's transaction: the others read the state it committed.
      if (bus) setImmediate(() => bus?.send({ type: "stateWritten", caseId }));
    },
    flush: flushLocal,
    closeSessions(match) {
      closeLocalSessions(match);
      bus?.send({ type: "closeSessions", ...match });
    },
  });

  async function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    if (!sameOrigin(request)) return refuseUpgrade(socket, 403, "Forbidden");
    const sessionId = lucia.readSessionCookie(request.headers.cookie ?? "");
    const { session, user } = sessionId
      ? await lucia.validateSession(sessionId)
      : { session: null, user: null };
    if (!session || !user) return refuseUpgrade(socket, 401, "Unauthorized");
    webSocketServer.handleUpgrade(
      request,
      socket,
      head,
      (ws: Parameters<typeof hocuspocus.handleConnection>[0]) => {
        const raw = ws as unknown as Socket & { once(event: "close", listener: () => void): void };
        // A frame over maxPayload (or a broken one) is an error on this socket: it closes (1009/1002), and
        // without a listener it would be thrown and take the whole process down.
        raw.on("error", () => {});
        const context: Context = { userId: user.id, sessionId: session.id };
        sockets.set(raw, context);
        raw.once("close", () => sockets.delete(raw));
        hocuspocus.handleConnection(ws, request, context);
      },
    );
  }

  return {
    hocuspocus,
    /** Listens on the HTTP server's upgrade event for COLLAB_PATH; other upgrades (Vite's) pass by. */
    attach(server: Server) {
      server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        const path = (request.url ?? "").split("?")[0];
        if (path !== COLLAB_PATH) return;
        handleUpgrade(request, socket, head).catch(() => refuseUpgrade(socket, 500, "Server error"));
      });
    },
    /**
     * Before a request about a case is answered: the other processes holding it open store what they have
     * acknowledged (this process does it itself when the page reads the case), so the page, a review or an
     * export includes everything typed up to the click. Nothing to do with one process.
     */
    async settleElsewhere(caseId: string) {
      await bus?.flushElsewhere(caseId);
    },
    /** At shutdown: every open document is stored now, so nothing waits on a debounce that never comes. */
    storeAll() {
      for (const document of hocuspocus.documents.values())
        store(document, { closing: !othersPresentElsewhere(document) });
      hocuspocus.closeConnections();
      registerLiveDocuments(undefined);
      bus?.close();
      void redis?.onDestroy();
    },
  };
}
