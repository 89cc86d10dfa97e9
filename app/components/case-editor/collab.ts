// Co-editing in the browser (ADR 0007): the Yjs document, its copy on this device, the connection to
// /collab and the carets of the others.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { Extension } from "@tiptap/core";
import { yCursorPlugin } from "@tiptap/y-tiptap";
import type { TFunction } from "i18next";
import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import type { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { msg, translateMessage } from "~/utils/messages";

export const COLLAB_FIELD = "default";

/** Caret colours for people editing at the same time: readable on white, distinct from each other. */
const CARET_COLORS = ["#b3261e", "#1b6e3c", "#6750a4", "#a05a00", "#00639b", "#984061", "#4a6300", "#006a6a"];

export function caretColor(userId: string): string {
  let hash = 0;
  for (const char of userId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CARET_COLORS[hash % CARET_COLORS.length];
}

export type CollabUser = { id: string; name: string; color: string };

/**
 * Remote carets with the person's name. A small wrapper around y-tiptap's cursor plugin: the packaged
 * caret extension has no release matching the pinned Tiptap version (ADR 0007).
 */
export const CollabCarets = Extension.create<{ awareness: Awareness | null; someone: string }>({
  name: "collabCarets",
  addOptions() {
    return { awareness: null, someone: "Someone" };
  },
  addProseMirrorPlugins() {
    if (!this.options.awareness) return [];
    return [
      yCursorPlugin(this.options.awareness, {
        cursorBuilder: (user: { name?: string; color?: string }) => {
          const caret = document.createElement("span");
          caret.className = "collab-caret";
          caret.style.setProperty("--caret-color", user.color ?? "#444");
          const label = document.createElement("span");
          label.className = "collab-caret-label";
          label.textContent = user.name ?? this.options.someone;
          caret.append(label);
          return caret;
        },
        selectionBuilder: (user: { color?: string }) => ({
          class: "collab-selection",
          style: `background-color: ${user.color ?? "#444"}33`,
        }),
      }),
    ];
  },
});

export type Connection = "connecting" | "online" | "offline";
export type CollabState = {
  connection: Connection;
  /** Changes made here the server has not acknowledged yet. */
  unsynced: number;
  /** Whether the server's copy has been received at least once (or the device's copy loaded). */
  ready: boolean;
  readOnly: boolean;
  /** Why the server refused the connection: a catalogue key (msg) or, from an older server, text. */
  refused: string | null;
  others: CollabUser[];
  message: CollabMessage | null;
};

/** A message under the status: a catalogue key (msg) and, for a refused store, the validator's keys. */
export type CollabMessage = { text: string; details?: string[] };

/** The message in the reader's language (the server's close reasons and the validator's errors are keys). */
export function collabMessageText(t: TFunction, message: CollabMessage): string {
  return [message.text, ...(message.details ?? [])].map((part) => translateMessage(t, part)).join(" ");
}

export type CollabSession = {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  local: IndexeddbPersistence;
};

export function openCollabSession(caseId: string, user: CollabUser): CollabSession {
  const doc = new Y.Doc();
  // The device's copy: edits made offline survive a reload and merge when the connection is back.
  const local = new IndexeddbPersistence(`casebook-case-${caseId}`, doc);
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  const websocketProvider = new HocuspocusProviderWebsocket({
    url: `${scheme}://${window.location.host}/collab`,
    // On a poor connection, try again at least every 10 s (the default backs off to 30 s).
    maxDelay: 10_000,
  });
  const provider = new HocuspocusProvider({ websocketProvider, name: caseId, document: doc });
  provider.attach();
  provider.setAwarenessField("user", user);
  return { doc, provider, local };
}

export function closeCollabSession(session: CollabSession) {
  session.provider.destroy();
  session.provider.configuration.websocketProvider.destroy();
  void session.local.destroy();
  session.doc.destroy();
}

/** Follows the connection, unacknowledged changes and the people present, for the status bar. */
export function useCollabState(session: CollabSession | null, selfId: string): CollabState {
  const [state, setState] = useState<CollabState>({
    connection: "connecting",
    unsynced: 0,
    ready: false,
    readOnly: false,
    refused: null,
    others: [],
    message: null,
  });
  useEffect(() => {
    if (!session) return;
    const { provider, local } = session;
    const update = (patch: Partial<CollabState>) => setState((previous) => ({ ...previous, ...patch }));
    const readOthers = () => {
      const seen = new Map<string, CollabUser>();
      for (const [clientId, value] of provider.awareness?.getStates() ?? []) {
        const user = (value as { user?: CollabUser }).user;
        if (!user || clientId === provider.document.clientID || user.id === selfId) continue;
        seen.set(user.id, user);
      }
      update({ others: [...seen.values()].sort((a, b) => a.name.localeCompare(b.name)) });
    };
    const onStatus = ({ status }: { status: string }) =>
      update({
        connection: status === "connected" ? "online" : status === "connecting" ? "connecting" : "offline",
      });
    const onUnsynced = () => update({ unsynced: provider.unsyncedChanges });
    const onSynced = () => update({ ready: true, unsynced: provider.unsyncedChanges });
    const onAuthenticated = ({ scope }: { scope: string }) => update({ readOnly: scope === "readonly" });
    const onRefused = ({ reason }: { reason: string }) => update({ refused: reason, connection: "offline" });
    const onClose = ({ event }: { event: { code: number; reason: string } }) => {
      // The server's reasons (too large, role changed, signed out) come with codes 4000–4999.
      if (event.code >= 4000 && event.reason) update({ message: { text: event.reason } });
    };
    const onStateless = ({ payload }: { payload: string }) => {
      try {
        const message = JSON.parse(payload) as { type?: string; errors?: string[]; revision?: number | null };
        if (message.type === "storeRefused" || message.type === "versionRefused")
          update({ message: { text: msg("editor.collab.notStored"), details: message.errors ?? [] } });
        if (message.type === "versionSaved")
          update({
            message: {
              text: message.revision
                ? msg("editor.collab.versionSaved", { revision: message.revision })
                : msg("editor.collab.nothingNew"),
            },
          });
      } catch {
        // Not a message for this page.
      }
    };
    // The browser may keep a dead socket looking open; drop it so unacknowledged changes are resent
    // on a fresh connection when the network is back.
    const onOffline = () => {
      update({ connection: "offline" });
      provider.configuration.websocketProvider.disconnect();
    };
    // Back online: connect now rather than at the end of the retry back-off (up to 10 s). A socket opened the
    // moment the network returns can stay pending without failing, so a few more fresh attempts follow,
    // 3 s apart, until one connects.
    let onlineRetry: ReturnType<typeof setTimeout> | undefined;
    const onOnline = () => {
      const socket = provider.configuration.websocketProvider;
      const attempt = (left: number) => {
        void socket.connect();
        onlineRetry = setTimeout(() => {
          if (left > 0 && navigator.onLine && socket.status !== "connected") attempt(left - 1);
        }, 3_000);
      };
      clearTimeout(onlineRetry);
      attempt(3);
    };
    provider.on("status", onStatus);
    provider.on("unsyncedChanges", onUnsynced);
    provider.on("synced", onSynced);
    provider.on("authenticated", onAuthenticated);
    provider.on("authenticationFailed", onRefused);
    provider.on("close", onClose);
    provider.on("stateless", onStateless);
    provider.on("awarenessChange", readOthers);
    // The device's copy counts once it holds a text (a first visit's empty copy waits for the server).
    const onLocal = () => {
      if (session.doc.getXmlFragment(COLLAB_FIELD).length > 0) update({ ready: true });
    };
    local.on("synced", onLocal);
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);
    // Reloaded while offline: the socket never opens, so say so once the browser knows.
    if (!navigator.onLine) onOffline();
    return () => {
      provider.off("status", onStatus);
      provider.off("unsyncedChanges", onUnsynced);
      provider.off("synced", onSynced);
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", onRefused);
      provider.off("close", onClose);
      provider.off("stateless", onStateless);
      provider.off("awarenessChange", readOthers);
      local.off("synced", onLocal);
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      clearTimeout(onlineRetry);
    };
  }, [session, selfId]);
  return state;
}
