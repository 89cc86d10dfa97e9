// Persistence and access rules for co-editing (ADR 0007). The Hocuspocus server in server.ts calls these;
// they go through the same derived-rows function, revision table and checks as the HTTP save path.

import type { JSONContent } from "@tiptap/core";
import { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { prosemirrorJSONToYDoc, updateYFragment } from "@tiptap/y-tiptap";
import { desc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { caseSchema } from "~/editor";
import { COLLAB_FIELD, liveBodyJSON } from "~/editor/live-json";
import { repairCaseDocument } from "~/editor/repair";
import { validateCaseDocument } from "~/editor/validate";
import { recordActivity } from "~/models/activity.server";
import { dropForeignReferences, statusAfterEdit, writeDerivedRows } from "~/models/case-body.server";
import { caseFieldsSnapshot } from "~/models/case-fields";
import { newId } from "~/models/ids.server";
import { db, sqlite } from "~/utils/db.server";
import { type BodyChange, liveDocuments } from "~/utils/live-registry.server";
import type { Message } from "~/utils/messages";
import { can, canSeeCase, type Executor, findMember, mustSetUpTwoFactor } from "~/utils/permissions.server";
import { caseDocuments, caseRevisions, cases, users } from "../../db/schema";

export { COLLAB_FIELD };
/** While people type, a revision is cut when the last one is this old; "Save version" and the last leaver cut one too. */
export const REVISION_INTERVAL_MS = 5 * 60 * 1000;

export type CollabAccess = { userId: string; workspaceId: string; readOnly: boolean };

/**
 * Who may open the live document of a case: members of its workspace who read drafts. Editors write;
 * reviewers follow read-only; trainers (approved versions only), outsiders, trashed cases and confidential
 * cases the member is not listed on (ADR 0008) are refused. Read again on every message.
 */
export function collabAccess(userId: string, caseId: string, executor: Executor = db): CollabAccess | null {
  const found = executor
    .select({
      id: cases.id,
      workspaceId: cases.workspaceId,
      deletedAt: cases.deletedAt,
      confidential: cases.confidential,
    })
    .from(cases)
    .where(eq(cases.id, caseId))
    .get();
  if (!found || found.deletedAt) return null;
  const member = findMember(userId, found.workspaceId, executor);
  if (!member || !can(member, "case.readDrafts") || !canSeeCase(member, found, executor)) return null;
  // The editor's socket follows the workspace's two-factor requirement like its pages.
  const twoFactor = executor
    .select({ at: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId))
    .get()?.at;
  if (mustSetUpTwoFactor(Boolean(twoFactor), found.workspaceId, executor)) return null;
  return { userId, workspaceId: found.workspaceId, readOnly: !can(member, "case.edit") };
}

/** The Yjs document for a Tiptap JSON body, built with the one case schema. */
export function yDocFromBody(body: unknown): Y.Doc {
  return prosemirrorJSONToYDoc(caseSchema, body, COLLAB_FIELD);
}

export function bodyFromYDoc(doc: Y.Doc): JSONContent {
  return liveBodyJSON(doc);
}

/**
 * Rewrites the live fragment so that it reads `body`, as a diff (untouched paragraphs keep their identity,
 * so carets, comment anchors and concurrent edits elsewhere survive). Everyone connected sees it as a change.
 */
export function applyBodyToYDoc(doc: Y.Doc, body: JSONContent, origin: unknown = "server") {
  const node = ProseMirrorNode.fromJSON(caseSchema, body);
  doc.transact(() => {
    updateYFragment(doc, doc.getXmlFragment(COLLAB_FIELD), node, {
      mapping: new Map(),
      isOMark: new Map(),
    });
  }, origin);
}

/**
 * The stored co-editing state of a case, seeded from its JSON body the first time (exactly once: a second
 * seed would give the same text new Yjs identities and every offline copy would merge in a duplicate).
 */
export function loadCaseState(caseId: string): Uint8Array | null {
  return db.transaction((tx) => {
    const stored = tx.select().from(caseDocuments).where(eq(caseDocuments.caseId, caseId)).get();
    if (stored) return new Uint8Array(stored.state);
    const found = tx.select({ body: cases.body }).from(cases).where(eq(cases.id, caseId)).get();
    if (!found) return null;
    const state = Y.encodeStateAsUpdate(yDocFromBody(found.body));
    tx.insert(caseDocuments)
      .values({ caseId, state: Buffer.from(state), updatedAt: new Date() })
      .onConflictDoNothing()
      .run();
    const winner = tx.select().from(caseDocuments).where(eq(caseDocuments.caseId, caseId)).get();
    return winner ? new Uint8Array(winner.state) : state;
  });
}

export type StoreResult =
  | {
      kind: "stored";
      revision: number | null;
      corrected: JSONContent | null;
      /** What the validator refused in the live document, which was repaired before storing it. */
      repaired: Message[] | null;
    }
  | { kind: "rejected"; errors: Message[] }
  | { kind: "gone" };

/**
 * The live document's body as it may be stored. A body the validator refuses (stored before changes were
 * checked at the gate, or two honest edits merged into a shape the schema refuses) is repaired, and the
 * live document is brought to the repair so that everyone sees it: one refused element never stops the
 * others' text from being stored. Only a body over the size limit stays refused.
 */
function storableBody(doc: Y.Doc) {
  const body = bodyFromYDoc(doc);
  const validated = validateCaseDocument(body);
  if (validated.ok || validated.tooLarge) return { validated, repaired: null };
  const repair = repairCaseDocument(body);
  if (!repair) return { validated, repaired: null };
  applyBodyToYDoc(doc, repair);
  return { validated: validateCaseDocument(repair), repaired: validated.errors };
}

/** At load: a stored state the validator refuses is repaired at once (see storableBody); true if it was. */
export function repairLiveDocument(doc: Y.Doc): boolean {
  return storableBody(doc).repaired !== null;
}

type CaseRow = typeof cases.$inferSelect;

/**
 * A body as text with its keys sorted: bodies written by the seed or an import order their keys differently
 * from the editor's, and a key order is not a change (it must not cut a revision).
 */
function sameText(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): string =>
    Array.isArray(value)
      ? `[${value.map(canonical).join(",")}]`
      : value && typeof value === "object"
        ? `{${Object.keys(value)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
            .join(",")}}`
        : JSON.stringify(value);
  return canonical(a) === canonical(b);
}

function lastRevision(tx: Executor, caseId: string) {
  return tx
    .select({ number: caseRevisions.number, body: caseRevisions.body, createdAt: caseRevisions.createdAt })
    .from(caseRevisions)
    .where(eq(caseRevisions.caseId, caseId))
    .orderBy(desc(caseRevisions.number))
    .limit(1)
    .get();
}

/** Writes revision `current.revision + 1` of the case's current body and fields; returns its number. */
function cutRevision(
  tx: Executor,
  current: CaseRow,
  body: unknown,
  input: { authorId: string; note: string; now: Date },
) {
  const number = current.revision + 1;
  tx.insert(caseRevisions)
    .values({
      id: newId(),
      caseId: current.id,
      number,
      baseNumber: current.revision,
      body,
      fields: caseFieldsSnapshot(current),
      note: input.note,
      authorId: input.authorId,
      createdAt: input.now,
    })
    .run();
  recordActivity(tx, {
    caseId: current.id,
    actorId: input.authorId,
    kind: "saved",
    detail: { revision: number },
  });
  return number;
}

/**
 * Stores the live document: its Yjs state, its Tiptap JSON and everything derived from it, in one
 * transaction. The text is stored on every (debounced) store without changing the revision number, so a
 * review form that pinned a revision is not made stale by typing (ADR 0007). A revision row is cut when:
 * "Save version" (`note`), the last person leaves or the server stops (`closing`), the last revision is older
 * than REVISION_INTERVAL_MS, or the text moves away from the approved revision (trainers keep reading that
 * row) — each only if the text differs from the last revision, except a named version.
 * Tags or citations of codes/sources outside the workspace are dropped; `corrected` is then the body the
 * live document was brought to.
 */
export function storeCaseState(
  caseId: string,
  doc: Y.Doc,
  input: { authorId: string | null; note?: string; closing?: boolean; now?: Date; mergeStored?: boolean },
): StoreResult {
  // Without other processes, a body the schema refuses is refused (or repaired) before the transaction.
  const early = input.mergeStored ? null : storableBody(doc);
  if (early && !early.validated.ok) return { kind: "rejected", errors: early.validated.errors };
  const now = input.now ?? new Date();
  return db.transaction((tx): StoreResult => {
    // Other processes store this case too (ADR 0017): what they stored joins this copy before it is
    // written, so a store never takes back another process's work.
    if (input.mergeStored) mergeStoredState(tx, caseId, doc);
    const { validated, repaired } = early ?? storableBody(doc);
    if (!validated.ok) return { kind: "rejected", errors: validated.errors };
    const current = tx.select().from(cases).where(eq(cases.id, caseId)).get();
    if (!current || current.deletedAt) return { kind: "gone" };
    // The editor of record must still be allowed to edit (a demoted or removed member is not).
    const author = input.authorId ? findMember(input.authorId, current.workspaceId, tx) : null;
    const authorId = author && can(author, "case.edit") ? author.userId : current.updatedBy;
    const checked = dropForeignReferences(tx, current.workspaceId, validated.doc, validated.references);
    const corrected = checked.dropped > 0;
    const body = checked.body;
    if (corrected) applyBodyToYDoc(doc, body);
    const state = Buffer.from(Y.encodeStateAsUpdate(doc));
    tx.insert(caseDocuments)
      .values({ caseId, state, updatedAt: now })
      .onConflictDoUpdate({ target: caseDocuments.caseId, set: { state, updatedAt: now } })
      .run();

    const changed = !sameText(body, current.body);
    const last = lastRevision(tx, caseId);
    const differsFromLast = !last || !sameText(last.body, body);
    const due = !last || now.getTime() - last.createdAt.getTime() >= REVISION_INTERVAL_MS;
    const leavesApproved = current.approvedRevision !== null && current.approvedRevision === current.revision;
    const named = input.note !== undefined && (differsFromLast || input.note !== "");
    const addRevision =
      named || (differsFromLast && (input.closing === true || due || (changed && leavesApproved)));
    const result = { kind: "stored" as const, revision: null, corrected: corrected ? body : null, repaired };
    if (!changed && !addRevision) return result;

    const rows = changed ? writeDerivedRows(tx, caseId, body) : null;
    const revision = addRevision
      ? cutRevision(tx, current, body, { authorId, note: input.note ?? "", now })
      : current.revision;
    tx.update(cases)
      .set({
        ...(rows ? { body, bodyText: rows.plainText } : {}),
        revision,
        status: changed ? statusAfterEdit(current.status) : current.status,
        updatedBy: changed ? authorId : current.updatedBy,
        updatedAt: changed ? now : current.updatedAt,
      })
      .where(eq(cases.id, caseId))
      .run();
    return { ...result, revision: addRevision ? revision : null };
  });
}

/**
 * Inside a review transaction: if the text typed live since the last revision is not a revision yet, it
 * becomes one now (by its last editor), so what is submitted or approved is always a revision row.
 * Returns the case as it stands after.
 */
export function settleLiveText(tx: Executor, current: CaseRow): CaseRow {
  const last = lastRevision(tx, current.id);
  if (last && last.number === current.revision && sameText(last.body, current.body)) return current;
  const now = new Date();
  const revision = cutRevision(tx, current, current.body, { authorId: current.updatedBy, note: "", now });
  tx.update(cases).set({ revision }).where(eq(cases.id, current.id)).run();
  return { ...current, revision };
}

/**
 * After a body was written outside co-editing (inside the caller's transaction): the stored Yjs state is
 * brought to the new body, and open editors receive the change.
 */
export function bodyWrittenOutsideCollab(tx: Executor, caseId: string, change: BodyChange) {
  const live = liveDocuments();
  if (live?.apply(caseId, change)) return;
  const stored = tx.select().from(caseDocuments).where(eq(caseDocuments.caseId, caseId)).get();
  if (!stored) return;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, new Uint8Array(stored.state));
  applyBodyToYDoc(doc, typeof change === "function" ? change(bodyFromYDoc(doc)) : change);
  tx.update(caseDocuments)
    .set({ state: Buffer.from(Y.encodeStateAsUpdate(doc)), updatedAt: new Date() })
    .where(eq(caseDocuments.caseId, caseId))
    .run();
  // Another process may hold the case open: it merges the stored state once this transaction is over.
  live?.stateWritten(caseId);
}

/** The transaction origin of stored state merged into a live document. */
export const STORED_ORIGIN = "stored";

/**
 * Merges the stored Yjs state of a case into `doc` (what another process stored or wrote outside
 * co-editing). Yjs merges are idempotent: what the document already holds is left as it is.
 */
export function mergeStoredState(executor: Executor, caseId: string, doc: Y.Doc) {
  const stored = executor
    .select({ state: caseDocuments.state })
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .get();
  if (stored) Y.applyUpdate(doc, new Uint8Array(stored.state), STORED_ORIGIN);
}

/**
 * Before a case is read or reviewed: changes the server has acknowledged but not stored yet (the store is
 * debounced) are stored now, without a revision, so a page opened right after typing shows them. Skipped
 * inside a transaction (the store opens its own).
 */
export function flushLiveDocument(caseId: string) {
  if (sqlite.inTransaction) return;
  liveDocuments()?.flush(caseId);
}
