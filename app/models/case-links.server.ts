// Typed links between cases of a workspace: influenced, same conflict, earlier or later phase, contrasting.
// A link is shown on both cases; a reader sees it only when they may read both (ADR 0008, ADR 0006).
import { and, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { findCase } from "~/models/cases.server";
import { LINK_KINDS, LINK_NOTE_MAX, type LinkKind } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { readableCases } from "~/models/library.server";
import { RECORD_ID } from "~/rules/ids";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import { type Member, notFound, requireMember, requirePermission } from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { caseLinks } from "../../db/schema";

/** Kinds that read the same from both cases (a second link the other way would say the same thing). */
const SYMMETRIC: ReadonlySet<LinkKind> = new Set(["same_conflict", "contrasting"]);

export const caseLinkSchema = z.object({
  targetId: z.string({ error: msg("links.errors.pickCase") }).regex(RECORD_ID, msg("links.errors.pickCase")),
  kind: z.enum(LINK_KINDS, { error: msg("links.errors.pickKind") }),
  note: z
    .string()
    .optional()
    .default("")
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(LINK_NOTE_MAX, msg("links.errors.noteTooLong", { max: LINK_NOTE_MAX }))),
});

export type CaseLinkInput = z.output<typeof caseLinkSchema>;

/** A link the server will not store: messages per form field (400). */
export class LinkRejectedError extends Refusal {
  constructor(public errors: Record<string, Message[]>) {
    super(400, Object.values(errors).flat()[0] ?? msg("links.errors.pickCase"));
  }
}

/**
 * How a link reads from one of its cases: "influenced" from the first case, "influenced by" from the
 * second; "earlier phase of" / "later phase of"; the symmetric kinds the same from both.
 */
export type LinkReading =
  | "influenced"
  | "influencedBy"
  | "sameConflict"
  | "earlierPhaseOf"
  | "laterPhaseOf"
  | "contrasting";

export function linkReading(kind: LinkKind, fromThisCase: boolean): LinkReading {
  switch (kind) {
    case "influenced":
      return fromThisCase ? "influenced" : "influencedBy";
    case "earlier_phase":
      return fromThisCase ? "earlierPhaseOf" : "laterPhaseOf";
    case "same_conflict":
      return "sameConflict";
    case "contrasting":
      return "contrasting";
  }
}

export function addCaseLink(
  member: Member,
  caseId: string,
  input: CaseLinkInput,
  origin?: RequestOrigin,
): { id: string } {
  return db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "case.edit");
    const from = findCase(tx, fresh, caseId);
    if (!from || from.deletedAt) throw notFound(msg("cases.errors.notFoundOrTrashed"));
    // Another workspace's case, a confidential case this member may not see and an unknown id get the
    // same answer: nothing tells them apart.
    const to = findCase(tx, fresh, input.targetId);
    if (!to || to.deletedAt) throw new LinkRejectedError({ targetId: [msg("links.errors.pickCase")] });
    if (to.id === from.id) throw new LinkRejectedError({ targetId: [msg("links.errors.self")] });
    const existing = tx
      .select({ id: caseLinks.id, from: caseLinks.fromCaseId })
      .from(caseLinks)
      .where(
        and(
          eq(caseLinks.kind, input.kind),
          or(
            and(eq(caseLinks.fromCaseId, from.id), eq(caseLinks.toCaseId, to.id)),
            and(eq(caseLinks.fromCaseId, to.id), eq(caseLinks.toCaseId, from.id)),
          ),
        ),
      )
      .all();
    if (existing.some((link) => link.from === from.id || SYMMETRIC.has(input.kind)))
      throw new LinkRejectedError({ targetId: [msg("links.errors.exists")] });
    const id = newId();
    tx.insert(caseLinks)
      .values({
        id,
        workspaceId: member.workspaceId,
        fromCaseId: from.id,
        toCaseId: to.id,
        kind: input.kind,
        note: input.note,
        createdBy: member.userId,
      })
      .run();
    recordAudit(
      {
        action: "case.linked",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId: from.id, targetId: to.id, kind: input.kind },
        origin,
      },
      tx,
    );
    return { id };
  });
}

/** Removes a link of this case (from either end). */
export function removeCaseLink(member: Member, caseId: string, linkId: string, origin?: RequestOrigin) {
  db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "case.edit");
    const current = findCase(tx, fresh, caseId);
    if (!current || current.deletedAt) throw notFound(msg("cases.errors.notFoundOrTrashed"));
    const link = tx
      .select()
      .from(caseLinks)
      .where(
        and(
          eq(caseLinks.id, linkId),
          eq(caseLinks.workspaceId, member.workspaceId),
          or(eq(caseLinks.fromCaseId, caseId), eq(caseLinks.toCaseId, caseId)),
        ),
      )
      .get();
    // The other end must be visible too: a link to a case one may not see is not one's to remove.
    const other = link && findCase(tx, fresh, link.fromCaseId === caseId ? link.toCaseId : link.fromCaseId);
    if (!link || !other) throw notFound(msg("links.errors.notFound"));
    tx.delete(caseLinks).where(eq(caseLinks.id, linkId)).run();
    recordAudit(
      {
        action: "case.unlinked",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { caseId, targetId: other.id, kind: link.kind },
        origin,
      },
      tx,
    );
  });
}

export type CaseLinkView = {
  id: string;
  reading: LinkReading;
  kind: LinkKind;
  note: string;
  otherId: string;
  otherTitle: string;
};

/**
 * The links of these cases whose two ends this member may read (trainers: both approved; nobody: a
 * confidential case they are not listed on), with the other case's title as they read it.
 */
export function linksAmong(member: Member, caseIds: readonly string[], onlyBetween = false) {
  if (caseIds.length === 0) return [];
  const readable = readableCases(member).byId;
  const rows = db
    .select()
    .from(caseLinks)
    .where(
      and(
        eq(caseLinks.workspaceId, member.workspaceId),
        onlyBetween
          ? and(inArray(caseLinks.fromCaseId, [...caseIds]), inArray(caseLinks.toCaseId, [...caseIds]))
          : or(inArray(caseLinks.fromCaseId, [...caseIds]), inArray(caseLinks.toCaseId, [...caseIds])),
      ),
    )
    .all();
  return rows.filter((row) => readable.has(row.fromCaseId) && readable.has(row.toCaseId));
}

/** The links of one case as its page shows them. */
export function caseLinksOf(member: Member, caseId: string): CaseLinkView[] {
  const readable = readableCases(member).byId;
  return linksAmong(member, [caseId])
    .map((row) => {
      const fromHere = row.fromCaseId === caseId;
      const otherId = fromHere ? row.toCaseId : row.fromCaseId;
      return {
        id: row.id,
        reading: linkReading(row.kind, fromHere),
        kind: row.kind,
        note: row.note,
        otherId,
        otherTitle: readable.get(otherId)?.title ?? "",
      };
    })
    .sort((a, b) => a.reading.localeCompare(b.reading) || a.otherTitle.localeCompare(b.otherTitle));
}
