// Secrets sent by mail (invite links, password resets, address confirmations). A token is made when its mail
// is written (models/mail-messages.server.ts) and only its SHA-256 is stored: a copy of the database holds
// no usable link, and the mail queue never holds one either. Tokens are 32 random bytes, so a plain hash is
// enough (there is nothing to guess by brute force).
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { newId } from "~/models/ids.server";
import type { Executor } from "~/utils/permissions.server";
import { accountTokens, invites } from "../../db/schema";

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

export function hashToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken() {
  return randomBytes(32).toString("base64url");
}

export const RESET_LIFETIME_MS = 60 * 60 * 1000;
export const VERIFY_LIFETIME_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * A new one-use account link for this person, made when its mail is written: only the hash is stored.
 * Nothing is written when a reset or confirmation is asked for, so that asking costs the same whether or
 * not the address has an account.
 */
export function createAccountToken(
  executor: Executor,
  entry: { userId: string; purpose: (typeof accountTokens.$inferSelect)["purpose"]; next?: string },
  now = new Date(),
): string {
  const token = newToken();
  const lifetime = entry.purpose === "reset" ? RESET_LIFETIME_MS : VERIFY_LIFETIME_MS;
  executor
    .insert(accountTokens)
    .values({
      id: newId(),
      userId: entry.userId,
      purpose: entry.purpose,
      tokenHash: hashToken(token),
      next: entry.next ?? "",
      createdAt: now,
      expiresAt: new Date(now.getTime() + lifetime),
    })
    .run();
  return token;
}

/** The live account token behind a link (right purpose, unused, not expired), or null. */
export function findAccountToken(
  executor: Executor,
  token: string,
  purpose: (typeof accountTokens.$inferSelect)["purpose"],
  now = new Date(),
) {
  if (!TOKEN_PATTERN.test(token)) return null;
  return (
    executor
      .select()
      .from(accountTokens)
      .where(
        and(
          eq(accountTokens.tokenHash, hashToken(token)),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now),
        ),
      )
      .get() ?? null
  );
}

/**
 * A new secret for an invite sent by mail, made when the mail is written: a retry sends a new link and the
 * earlier one stops working. Null when the invite can no longer be used.
 */
export function reissueInviteToken(executor: Executor, inviteId: string, now = new Date()): string | null {
  const invite = executor.select().from(invites).where(eq(invites.id, inviteId)).get();
  if (!invite || invite.revokedAt || invite.acceptedAt || invite.expiresAt.getTime() <= now.getTime())
    return null;
  const token = newToken();
  executor
    .update(invites)
    .set({ tokenHash: hashToken(token) })
    .where(eq(invites.id, inviteId))
    .run();
  return token;
}
