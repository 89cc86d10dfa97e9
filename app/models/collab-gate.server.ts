// The gate in front of a live case document (ADR 0007). Every change a connection sends is first tried on a
// replica of the live document; a change that would put into the shared document something the case schema
// refuses (an unknown element such as <script>, a javascript: link, an attribute out of range, lists nested
// deeper than the limit, a body over the size limit, a shared type no editor makes) is refused before
// Hocuspocus applies it, so nobody else ever receives it and the document stays storable.
//
// Only what a change touched is checked: the top-level blocks it changed (typing re-checks one paragraph)
// and, when blocks were added or removed, the list of blocks. What may contain what (a list item without
// its paragraph) is not refused here, because two honest edits merged by Yjs can produce it: the store
// repairs that (app/editor/repair.ts).
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { COLLAB_FIELD, liveBlockJSON } from "~/editor/live-json";
import { checkTopLevelBlock, MAX_DOCUMENT_BYTES, utf8ByteLength } from "~/editor/validate";
import { msg } from "~/utils/messages";

// y-protocols' message numbers, as Hocuspocus frames them: [document name][message type][payload].
const MESSAGE_SYNC = 0;
const MESSAGE_SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** The Yjs update a Hocuspocus message carries (sync step 2 or update), or null for any other message. */
export function contentUpdateOf(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== MESSAGE_SYNC && type !== MESSAGE_SYNC_REPLY) return null;
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    // Hocuspocus refuses what it cannot read and closes that connection.
    return null;
  }
}

export type GateVerdict = {
  /** Whether the change may be applied. */
  ok: boolean;
  /** Why not: catalogue keys (msg), as the validator words them. */
  errors: string[];
  /**
   * Parts of earlier changes that waited for a missing piece (Yjs keeps them aside) were dropped from the
   * live document: the other connections must sync again so that theirs are sent anew.
   */
  droppedWaiting: boolean;
};

// `{"type":"doc","content":[` … `]}` around the blocks.
const BODY_FRAME_BYTES = 28;

function hasWaiting(doc: Y.Doc) {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

function replicaOf(live: Y.Doc) {
  const replica = new Y.Doc({ gc: live.gc });
  // Typed before any content arrives: a root Yjs has not been told the type of is a placeholder object,
  // replaced when first asked for, and changes recorded on it would not be recognised as the body's.
  replica.getXmlFragment(COLLAB_FIELD);
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(live));
  return replica;
}

export class LiveDocumentGate {
  private replica: Y.Doc;
  /** Checked top-level blocks of the replica and the size of their JSON. */
  private checked = new WeakMap<object, number>();
  /** The sum of those sizes over the whole body, once every block has been checked (null before). */
  private total: number | null = null;

  constructor(private readonly live: Y.Doc) {
    this.replica = replicaOf(live);
    live.on("update", this.follow);
  }

  /** Whatever reaches the live document (accepted changes, the server's own) reaches the replica too. */
  private follow = (update: Uint8Array) => {
    Y.applyUpdate(this.replica, update, this);
  };

  private rebuild() {
    this.replica.destroy();
    this.replica = replicaOf(this.live);
    this.checked = new WeakMap();
    this.total = null;
  }

  /** Whether `update` may be applied to the live document. */
  check(update: Uint8Array): GateVerdict {
    const waited = hasWaiting(this.replica);
    const errors = this.tryOnReplica(update);
    if (errors.length === 0) return { ok: true, errors, droppedWaiting: false };
    this.rebuild();
    if (!waited) return { ok: false, errors, droppedWaiting: false };
    // The change may only have completed parts another connection sent earlier, waiting for a piece it
    // referred to (a hostile connection can send a refused element that waits for someone else's next
    // change). Those parts are dropped and the change is tried again on its own; connections with honest
    // parts among them send them again when they sync.
    this.live.store.pendingStructs = null;
    this.live.store.pendingDs = null;
    this.rebuild();
    const again = this.tryOnReplica(update);
    if (again.length > 0) this.rebuild();
    return { ok: again.length === 0, errors: again, droppedWaiting: true };
  }

  destroy() {
    this.live.off("update", this.follow);
    this.replica.destroy();
  }

  private tryOnReplica(update: Uint8Array): string[] {
    const changed = new Set<Y.AbstractType<unknown>>();
    const collect = (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) changed.add(type as Y.AbstractType<unknown>);
    };
    this.replica.on("afterTransaction", collect);
    try {
      Y.applyUpdate(this.replica, update, this);
    } catch {
      return [msg("editor.collab.reasons.unreadable")];
    } finally {
      this.replica.off("afterTransaction", collect);
    }
    return this.errorsAfter(changed);
  }

  private errorsAfter(changed: Set<Y.AbstractType<unknown>>): string[] {
    const fragment = this.replica.getXmlFragment(COLLAB_FIELD);
    let blocksAddedOrRemoved = false;
    const touched = new Set<object>();
    for (const type of changed) {
      if (type === fragment) {
        blocksAddedOrRemoved = true;
        continue;
      }
      // Up to the top-level block that holds this type; a type inside a removed block does not count.
      let node: Y.AbstractType<unknown> = type;
      let removed = false;
      while (node._item !== null) {
        if (node._item.deleted) {
          removed = true;
          break;
        }
        const parent = node._item.parent as Y.AbstractType<unknown>;
        if (parent === fragment) break;
        node = parent;
      }
      if (removed) continue;
      if (node._item === null) return [msg("editor.collab.reasons.notCaseText")];
      touched.add(node);
    }
    if (!blocksAddedOrRemoved && touched.size === 0) return [];
    // Typing re-checks its block and adjusts the body's size; anything else goes over every block.
    const incremental =
      !blocksAddedOrRemoved && this.total !== null && [...touched].every((block) => this.checked.has(block));
    return incremental ? this.recheck(touched) : this.checkAll(fragment, touched);
  }

  /** The block's refusals, or its size as JSON. */
  private checkBlock(block: object): { errors: string[]; size: number } {
    const json = liveBlockJSON(block as Y.XmlElement);
    const errors = json.flatMap((node) => checkTopLevelBlock(node));
    const size = json.reduce((sum, node) => sum + utf8ByteLength(JSON.stringify(node)) + 1, 0);
    return { errors, size };
  }

  private recheck(touched: Set<object>): string[] {
    let total = this.total as number;
    const sizes = new Map<object, number>();
    for (const block of touched) {
      const { errors, size } = this.checkBlock(block);
      if (errors.length > 0) return errors;
      total += size - (this.checked.get(block) as number);
      sizes.set(block, size);
    }
    if (total > MAX_DOCUMENT_BYTES) return [this.tooLarge(total)];
    for (const [block, size] of sizes) this.checked.set(block, size);
    this.total = total;
    return [];
  }

  private checkAll(fragment: Y.XmlFragment, touched: Set<object>): string[] {
    const errors: string[] = [];
    let total = BODY_FRAME_BYTES;
    for (const block of fragment.toArray()) {
      let size = touched.has(block) ? undefined : this.checked.get(block);
      if (size === undefined) {
        const checked = this.checkBlock(block);
        if (checked.errors.length > 0) {
          errors.push(...checked.errors);
          if (errors.length >= 5) break;
          continue;
        }
        size = checked.size;
        this.checked.set(block, size);
      }
      total += size;
    }
    if (errors.length > 0) return errors;
    if (total > MAX_DOCUMENT_BYTES) return [this.tooLarge(total)];
    this.total = total;
    return [];
  }

  private tooLarge(bytes: number): string {
    return msg("editor.validation.tooLarge", {
      size: (bytes / (1024 * 1024)).toFixed(1),
      limit: MAX_DOCUMENT_BYTES / (1024 * 1024),
    });
  }
}
