// Where the co-editing server (loaded by server.ts) and the Remix build (another module graph in the same
// process) meet: the server registers itself on globalThis, models and auth call through it (ADR 0007).
import type { JSONContent } from "@tiptap/core";

export type BodyChange = JSONContent | ((live: JSONContent) => JSONContent);

export type LiveDocuments = {
  /**
   * Applies a body written outside co-editing to the open document (or a rewrite of the live body, for
   * changes such as a code merge that must keep what is being typed); false when the case is not open.
   */
  apply(caseId: string, body: BodyChange): boolean;
  /**
   * After a body was written into the stored state of a case that is not open in this process: the other
   * processes that hold it open merge it in, once the transaction is over (ADR 0017).
   */
  stateWritten(caseId: string): void;
  /** Stores the open document now (no revision) if it has changes not stored yet. */
  flush(caseId: string): void;
  /** Closes the editing sockets opened with this session (sign-out) or by this user (all sessions ended). */
  closeSessions(match: { sessionId?: string; userId?: string }): void;
};

const registry = globalThis as unknown as { casebookLive?: LiveDocuments };

export function registerLiveDocuments(live: LiveDocuments | undefined) {
  registry.casebookLive = live;
}

export function liveDocuments(): LiveDocuments | undefined {
  return registry.casebookLive;
}
