// Writing the codebook: create, update, delete a code, add the starter codes. Every write checks the
// member's role inside its transaction and records an audit entry.
import { and, eq } from "drizzle-orm";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import type { CodeInput } from "~/models/code-fields";
import { rewriteCaseBodies } from "~/models/code-merge.server";
import { type CodeUsage, findCode, usageOf } from "~/models/codes.server";
import type { Locale } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { db } from "~/utils/db.server";
import { type Message, msg } from "~/utils/messages";
import {
  type Executor,
  type Member,
  notFound,
  requireMember,
  requirePermission,
} from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { caseConditions, codes } from "../../db/schema";
import { STARTER_CODES } from "../../db/seed-content";

type StoredTranslations = Partial<Record<Locale, string>>;

/** The stored translations once the form's labelFr / labelEn (when posted) are applied; "" removes one. */
function withTranslations(current: StoredTranslations, input: CodeInput): StoredTranslations {
  const next: StoredTranslations = { ...current };
  for (const [locale, value] of [
    ["fr", input.labelFr],
    ["en", input.labelEn],
  ] as const) {
    if (value === undefined) continue;
    if (value) next[locale] = value;
    else delete next[locale];
  }
  return next;
}

/** A code the server will not store as given: messages per form field (400). */
export class CodeRejectedError extends Refusal {
  constructor(public errors: Record<string, Message[]>) {
    super(400, Object.values(errors).flat()[0] ?? msg("codebook.errors.labelRequired"));
  }
}

/** Deleting a code that tags passages or holds condition values needs an explicit confirmation. */
export class CodeInUseError extends Refusal {
  constructor(
    public usage: CodeUsage,
    public stale: boolean,
  ) {
    super(409, stale ? msg("codebook.errors.usageChanged") : msg("codebook.errors.confirmDelete"));
  }
}

function labelKey(label: string) {
  return label.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase();
}

/** The form schema already tidies these; callers that build input by hand get the same treatment. */
function tidy(input: CodeInput): CodeInput {
  return {
    ...input,
    label: input.label.replace(/\s+/g, " ").trim(),
    description: input.description.trim(),
    color: input.color.toLowerCase(),
  };
}

function checkCode(tx: Executor, workspaceId: string, id: string | null, input: CodeInput) {
  const all = tx
    .select({ id: codes.id, kind: codes.kind, label: codes.label, parentId: codes.parentId })
    .from(codes)
    .where(eq(codes.workspaceId, workspaceId))
    .all();
  const errors: Record<string, Message[]> = {};
  const clash = all.find(
    (code) => code.id !== id && code.kind === input.kind && labelKey(code.label) === labelKey(input.label),
  );
  if (clash)
    errors.label = [
      msg(
        input.kind === "precondition"
          ? "codebook.errors.preconditionExists"
          : "codebook.errors.outcomeExists",
        {
          label: clash.label,
        },
      ),
    ];
  if (id && input.kind !== all.find((code) => code.id === id)?.kind) {
    if (all.some((code) => code.parentId === id)) errors.kind = [msg("codebook.errors.kindHasSubCodes")];
  }
  if (input.parentId) {
    const byId = new Map(all.map((code) => [code.id, code]));
    const parent = byId.get(input.parentId);
    if (!parent) errors.parentId = [msg("codebook.errors.parentGone")];
    else if (parent.kind !== input.kind)
      errors.parentId = [
        msg(
          input.kind === "precondition"
            ? "codebook.errors.parentNotPrecondition"
            : "codebook.errors.parentNotOutcome",
        ),
      ];
    else if (parent.id === id) errors.parentId = [msg("codebook.errors.parentSelf")];
    else {
      const seen = new Set<string>();
      for (let cursor: typeof parent | undefined = parent; cursor && !seen.has(cursor.id); ) {
        if (cursor.id === id) {
          errors.parentId = [msg("codebook.errors.parentLoop")];
          break;
        }
        seen.add(cursor.id);
        cursor = cursor.parentId ? byId.get(cursor.parentId) : undefined;
      }
    }
  }
  if (Object.keys(errors).length > 0) throw new CodeRejectedError(errors);
}

export function createCode(member: Member, raw: CodeInput, origin?: RequestOrigin): { id: string } {
  const { labelFr: _fr, labelEn: _en, ...input } = tidy(raw);
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    checkCode(tx, member.workspaceId, null, input);
    const id = newId();
    tx.insert(codes)
      .values({ id, workspaceId: member.workspaceId, ...input, labelTranslations: withTranslations({}, raw) })
      .run();
    recordAudit(
      {
        action: "code.created",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { codeId: id, label: input.label, kind: input.kind },
        origin,
      },
      tx,
    );
    return { id };
  });
}

export function updateCode(member: Member, id: string, raw: CodeInput, origin?: RequestOrigin) {
  const { labelFr: _fr, labelEn: _en, ...input } = tidy(raw);
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    const current = findCode(tx, member.workspaceId, id);
    if (!current) throw notFound(msg("codebook.errors.notFound"));
    checkCode(tx, member.workspaceId, id, input);
    tx.update(codes)
      .set({ ...input, labelTranslations: withTranslations(current.labelTranslations ?? {}, raw) })
      .where(eq(codes.id, id))
      .run();
    recordAudit(
      {
        action: "code.updated",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { codeId: id, label: input.label, previousLabel: current.label },
        origin,
      },
      tx,
    );
  });
}

/**
 * Deletes a code. A code still in use is only deleted with `confirmed`, and only when what the person
 * confirmed (`expectedTags` tags) is still what would be removed; its tags then leave the case bodies
 * (with a revision), its condition values go, and its sub-codes move up to its parent.
 */
export function deleteCode(
  member: Member,
  id: string,
  options: { confirmed: boolean; expectedTags?: number },
  origin?: RequestOrigin,
): { label: string; tagCount: number; caseCount: number } {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    const code = findCode(tx, member.workspaceId, id);
    if (!code) throw notFound(msg("codebook.errors.notFound"));
    const usage = usageOf(tx, member.workspaceId, id);
    const inUse = usage.tagCount > 0 || usage.conditionCount > 0;
    if (inUse && !options.confirmed) throw new CodeInUseError(usage, false);
    if (inUse && options.expectedTags !== undefined && options.expectedTags !== usage.tagCount)
      throw new CodeInUseError(usage, true);
    const caseCount = rewriteCaseBodies(
      tx,
      member,
      id,
      null,
      msg("history.notes.codeDeleted", { label: code.label }),
    );
    tx.update(codes)
      .set({ parentId: code.parentId })
      .where(and(eq(codes.workspaceId, member.workspaceId), eq(codes.parentId, id)))
      .run();
    tx.delete(caseConditions).where(eq(caseConditions.codeId, id)).run();
    tx.delete(codes).where(eq(codes.id, id)).run();
    recordAudit(
      {
        action: "code.deleted",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { codeId: id, label: code.label, tagCount: usage.tagCount, caseCount },
        origin,
      },
      tx,
    );
    return { label: code.label, tagCount: usage.tagCount, caseCount };
  });
}

/**
 * Adds the starter codebook (drawn from the seed article) to a workspace, skipping any label the
 * workspace already has for that kind. Returns how many codes were added.
 */
export function addStarterCodes(member: Member, origin?: RequestOrigin): number {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "codebook.edit");
    const existing = new Set(
      tx
        .select({ kind: codes.kind, label: codes.label })
        .from(codes)
        .where(eq(codes.workspaceId, member.workspaceId))
        .all()
        .map((code) => `${code.kind}:${labelKey(code.label)}`),
    );
    let added = 0;
    for (const { key: _key, ...code } of STARTER_CODES) {
      if (existing.has(`${code.kind}:${labelKey(code.label)}`)) continue;
      tx.insert(codes)
        .values({ id: newId(), workspaceId: member.workspaceId, ...code, parentId: null })
        .run();
      added += 1;
    }
    recordAudit(
      {
        action: "code.starter_added",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { added },
        origin,
      },
      tx,
    );
    return added;
  });
}
