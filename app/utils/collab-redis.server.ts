// Co-editing across processes (ADR 0017). Imported by the co-editing server only.
//
// Hocuspocus's Redis extension carries each open case between the processes holding it: a change in one
// is announced (its Yjs state vector) on the case's channel, and the others answer with what each side
// lacks; presence (awareness) travels the same way. Stores take the extension's lock, so one process
// stores a case at a time. Three things are added here:
// - Redis going away never stops a store or a keystroke: publishing does not queue, a store goes ahead
//   without the lock (SQLite serialises writers, and a store merges the stored state first, so it never
//   overwrites another process's work), and when Redis is back every open case is synced again.
// - A store that finds the lock taken waits for it (the extension would skip it, and the last keystrokes
//   of that process could then stay unstored until someone typed again).
// - A process whose last editor of a case leaves still tells the others that the editor is gone.
// Besides, a small bus (`createCollabBus`) carries what the app asks of every process: close the sockets
// of a session that ended, take in a body written outside co-editing, store a case now.
import { randomUUID } from "node:crypto";
import { Redis as RedisExtension } from "@hocuspocus/extension-redis";
import {
  type afterLoadDocumentPayload,
  type Document,
  type Hocuspocus,
  OutgoingMessage,
  type onAwarenessUpdatePayload,
  type onChangePayload,
  type onStoreDocumentPayload,
} from "@hocuspocus/server";
import { Redis, type RedisOptions } from "ioredis";

/** Keys and channels of this app in Redis start with this (REDIS_PREFIX, for two apps on one Redis). */
export function redisPrefix() {
  return process.env.REDIS_PREFIX || "casebook";
}

/** A store waits at most this long for another process's store of the same case. */
const LOCK_WAIT_MS = 3000;
/** How long a lock outlives a process that died holding it. */
const LOCK_TTL_MS = 10_000;

/**
 * Options for every connection to Redis: reconnect without end, with a short backoff. Commands issued
 * while Redis is away fail at once instead of piling up (each process syncs its open cases again when it
 * is back), except subscriptions, which wait for Redis so that a case opened meanwhile still gets them.
 */
function connectionOptions(queueWhileAway: boolean): RedisOptions {
  return {
    enableOfflineQueue: queueWhileAway,
    maxRetriesPerRequest: queueWhileAway ? null : 0,
    retryStrategy: (times) => Math.min(50 * times, 1000),
    connectionName: "casebook",
  };
}

function client(url: string, queueWhileAway: boolean) {
  const redis = new Redis(url, connectionOptions(queueWhileAway));
  // ioredis reconnects by itself; without a listener every failed attempt would be thrown.
  redis.on("error", () => {});
  return redis;
}

const quietly = (promise: Promise<unknown> | undefined) => {
  promise?.catch(() => undefined);
};

export class CasebookRedis extends RedisExtension {
  private readonly url: string;

  constructor(url: string) {
    let connections = 0;
    super({
      prefix: `${redisPrefix()}:doc`,
      lockTimeout: LOCK_TTL_MS,
      // The first client made is the publisher, the second the subscriber.
      createClient: () => client(url, connections++ > 0),
    });
    this.url = url;
    // The subscriber is back after Redis went away (or a first start): every open case is synced again
    // with the other processes, in both directions (each answers a state vector with what the other lacks
    // and its own state vector), and presence is asked again.
    this.sub.on("ready", () => {
      if (!this.instance) return;
      for (const document of this.instance.documents.values()) this.announce(document);
    });
  }

  get redisUrl() {
    return this.url;
  }

  private channel(documentName: string) {
    return `${this.configuration.prefix}:${documentName}`;
  }

  private publish(documentName: string, message: Uint8Array) {
    return this.pub.publish(
      this.channel(documentName),
      Buffer.concat([this.messagePrefix, Buffer.from(message)]),
    );
  }

  /** Our state vector and a presence query on the case's channel: the others answer with what we lack. */
  announce(document: Document) {
    quietly(
      this.publish(
        document.name,
        new OutgoingMessage(document.name).createSyncMessage().writeFirstSyncStepFor(document).toUint8Array(),
      ),
    );
    quietly(
      this.publish(document.name, new OutgoingMessage(document.name).writeQueryAwareness().toUint8Array()),
    );
  }

  /** Redis away: the case opens all the same (the subscription is made when Redis is back). */
  async afterLoadDocument(payload: afterLoadDocumentPayload) {
    const subscribed = super.afterLoadDocument(payload);
    if (this.sub.status === "ready") await subscribed;
    else quietly(subscribed);
  }

  /** A change is announced; Redis being away must not turn into an error thrown in the process. */
  async onChange(payload: onChangePayload) {
    quietly(super.onChange(payload));
  }

  /** Also publishes removals once the last local editor has left (the extension skips them). */
  async onAwarenessUpdate(payload: onAwarenessUpdatePayload): Promise<undefined> {
    try {
      const local = payload.document?.connections.size ?? 0;
      if (local > 0) {
        quietly(super.onAwarenessUpdate(payload));
        return;
      }
      if (payload.removed.length === 0) return;
      const message = new OutgoingMessage(payload.documentName).createAwarenessUpdateMessage(
        payload.awareness,
        payload.removed,
      );
      quietly(this.publish(payload.documentName, message.toUint8Array()));
    } catch {
      // Presence is best effort: an entry left behind times out in the others after 30 s.
    }
  }

  async beforeBroadcastStateless(payload: Parameters<RedisExtension["beforeBroadcastStateless"]>[0]) {
    // The extension's own type promises the number of receivers; nobody reads it.
    quietly(super.beforeBroadcastStateless(payload));
    return 0;
  }

  /**
   * The lock for storing a case: waits while another process holds it (at most LOCK_WAIT_MS), then stores
   * anyway; with Redis away, stores without it. Never throws, so the store always follows.
   */
  async onStoreDocument({ documentName }: onStoreDocumentPayload) {
    const resource = `${this.channel(documentName)}:lock`;
    const deadline = Date.now() + LOCK_WAIT_MS;
    while (this.pub.status === "ready" && Date.now() < deadline) {
      try {
        const lock = await Promise.race([
          this.redlock.acquire([resource], LOCK_TTL_MS),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), 1000).unref()),
        ]);
        const previous = this.locks.get(resource);
        if (previous?.release) await previous.release.catch(() => undefined);
        this.locks.set(resource, { lock });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 25 + Math.random() * 50));
      }
    }
  }

  async onDestroy() {
    try {
      await super.onDestroy();
    } catch {
      // Already gone.
    }
  }

  /** The Hocuspocus instance, once configured. */
  get hocuspocus(): Hocuspocus | undefined {
    return this.instance;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The bus between processes
// ---------------------------------------------------------------------------------------------------------

export type BusMessage =
  | { type: "closeSessions"; sessionId?: string; userId?: string }
  /** A body was written outside co-editing into the stored state of a case: merge it into the open copy. */
  | { type: "stateWritten"; caseId: string }
  /** Store the open copy of this case now (if it has unstored changes), then answer on `replyTo`. */
  | { type: "flush"; caseId: string; replyTo: string; id: string };

type Handlers = {
  closeSessions(match: { sessionId?: string; userId?: string }): void;
  stateWritten(caseId: string): void;
  /** Stores the case if this process holds it open with changes not stored yet. */
  flush(caseId: string): void;
  /** Whether this process holds the case open. */
  holds(caseId: string): boolean;
};

type Waiting = { answers: number; expected: number | null; done: () => void };

/** How long a process waits for the others to store a case before it reads it anyway. */
export const FLUSH_WAIT_MS = 2000;

export function createCollabBus(url: string, handlers: Handlers) {
  const me = randomUUID();
  const channel = `${redisPrefix()}:bus`;
  const inbox = `${channel}:${me}`;
  const docChannel = (caseId: string) => `${redisPrefix()}:doc:${caseId}`;
  const pub = client(url, false);
  const sub = client(url, true);
  const waiting = new Map<string, Waiting>();

  quietly(sub.subscribe(channel, inbox));
  sub.on("message", (from: string, text: string) => {
    let message: BusMessage & { from?: string };
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (from === inbox) {
      const entry = waiting.get((message as { id?: string }).id ?? "");
      if (!entry) return;
      entry.answers++;
      if (entry.expected !== null && entry.answers >= entry.expected) entry.done();
      return;
    }
    if (message.from === me) return;
    if (message.type === "closeSessions")
      handlers.closeSessions({ sessionId: message.sessionId, userId: message.userId });
    else if (message.type === "stateWritten") handlers.stateWritten(message.caseId);
    else if (message.type === "flush") {
      // Every process answers (having stored the case, or not holding it): the asker counts the answers.
      handlers.flush(message.caseId);
      quietly(pub.publish(message.replyTo, JSON.stringify({ id: message.id })));
    }
  });

  const send = (message: BusMessage) => {
    if (pub.status !== "ready") return Promise.resolve(0);
    return pub.publish(channel, JSON.stringify({ ...message, from: me })).catch(() => 0);
  };

  return {
    /** Tells every other process (best effort: with Redis away, nobody else holds anything in sync). */
    send(message: BusMessage) {
      quietly(send(message));
    },
    /**
     * Asks the other processes holding this case open to store it, and waits for them (FLUSH_WAIT_MS at
     * most). Costs one round trip to Redis when no other process holds it.
     */
    async flushElsewhere(caseId: string) {
      if (pub.status !== "ready") return;
      let holders: number;
      try {
        const counts = (await pub.pubsub("NUMSUB", docChannel(caseId))) as Array<string | number>;
        holders = Number(counts[1] ?? 0) - (handlers.holds(caseId) ? 1 : 0);
      } catch {
        return;
      }
      if (holders <= 0) return;
      const id = randomUUID();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, FLUSH_WAIT_MS);
        function done() {
          clearTimeout(timer);
          waiting.delete(id);
          resolve();
        }
        // Every other process on the bus answers; how many there are is known once the request is out.
        const entry: Waiting = { answers: 0, expected: null, done };
        waiting.set(id, entry);
        void send({ type: "flush", caseId, replyTo: inbox, id }).then((receivers) => {
          entry.expected = receivers - 1;
          if (entry.answers >= entry.expected) done();
        });
      });
    },
    close() {
      pub.disconnect();
      sub.disconnect();
    },
  };
}

export type CollabBus = ReturnType<typeof createCollabBus>;
