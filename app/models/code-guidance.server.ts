// Coding guidance: for each code, its definition, when to code it present, when absent (not the same as
// "no evidence"), an example passage and notes. Shown where the choice is made: the tag picker, the
// conditions panel, the code's page.
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { findCase } from "~/models/cases.server";
import { cachedDerived } from "~/models/derived-cache.server";
import { readableCases } from "~/models/library.server";
import type { CodeGuidanceView } from "~/rules/codebook";
import { recordIdSchema } from "~/rules/ids";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  type LocalizedMember,
  type Member,
  notFound,
  requireMember,
  requirePermission,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { codes, passages } from "../../db/schema";

export type CodeGuidance = CodeGuidanceView;

/** The guidance of every code of the workspace, by code id, as this member may read it. */
export function codeGuidance(member: LocalizedMember): Record<string, CodeGuidance> {
  requirePermission(member, "workspace.read");
  const rows = cachedDerived(`guidance:${member.workspaceId}`, () =>
    db
      .select({
        id: codes.id,
        shortName: codes.shortName,
        description: codes.description,
        whenPresent: codes.whenPresent,
        whenAbsent: codes.whenAbsent,
        notes: codes.notes,
        exampleCaseId: codes.exampleCaseId,
        exampleQuote: codes.exampleQuote,
      })
      .from(codes)
      .where(eq(codes.workspaceId, member.workspaceId))
      .all(),
  );
  const readable = readableCases(member).byId;
  return Object.fromEntries(
    rows.map((row) => {
      const exampleCase = row.exampleCaseId ? readable.get(row.exampleCaseId) : undefined;
      return [
        row.id,
        {
          shortName: row.shortName ?? "",
          definition: row.description,
          whenPresent: row.whenPresent,
          whenAbsent: row.whenAbsent,
          notes: row.notes,
          example:
            exampleCase && row.exampleQuote
              ? { caseId: exampleCase.id, caseTitle: exampleCase.title, quote: row.exampleQuote }
              : null,
        },
      ];
    }),
  );
}

export const exampleSchema = z.object({
  caseId: recordIdSchema(msg("codebook.errors.exampleNotTagged")),
  quote: z.string().min(1, msg("codebook.errors.exampleNotTagged")).max(10_000),
});

/** A passage that cannot be the code's example (400). */
export class ExampleRejectedError extends Refusal {
  constructor(message: Message) {
    super(400, message);
  }
}

/**
 * Makes a passage the code's example. It must be a passage of a case this member may see, tagged with this
 * code in the case's current text.
 */
export function setCodeExample(
  member: Member,
  codeId: string,
  input: z.output<typeof exampleSchema>,
  origin?: RequestOrigin,
) {
  db.transaction((tx) => {
    const fresh = requireMember(member.userId, member.workspaceId, tx);
    requirePermission(fresh, "codebook.edit");
    const code = tx
      .select({ id: codes.id, label: codes.label })
      .from(codes)
      .where(and(eq(codes.id, codeId), eq(codes.workspaceId, member.workspaceId)))
      .get();
    if (!code) throw notFound(msg("codebook.errors.notFound"));
    const found = findCase(tx, fresh, input.caseId);
    const tagged =
      found &&
      !found.deletedAt &&
      tx
        .select({ id: passages.id })
        .from(passages)
        .where(
          and(eq(passages.caseId, found.id), eq(passages.codeId, codeId), eq(passages.text, input.quote)),
        )
        .get();
    if (!tagged) throw new ExampleRejectedError(msg("codebook.errors.exampleNotTagged"));
    tx.update(codes)
      .set({ exampleCaseId: found.id, exampleQuote: input.quote })
      .where(eq(codes.id, codeId))
      .run();
    recordAudit(
      {
        action: "code.example_set",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { codeId, caseId: found.id },
        origin,
      },
      tx,
    );
  });
}

export function clearCodeExample(member: Member, codeId: string) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    const code = tx
      .select({ id: codes.id })
      .from(codes)
      .where(and(eq(codes.id, codeId), eq(codes.workspaceId, member.workspaceId)))
      .get();
    if (!code) throw notFound(msg("codebook.errors.notFound"));
    tx.update(codes).set({ exampleCaseId: null, exampleQuote: "" }).where(eq(codes.id, codeId)).run();
  });
}
