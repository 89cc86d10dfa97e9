import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import type { Locale } from "~/models/domain";
import { newId } from "~/models/ids.server";
import { enqueueMail } from "~/models/mail-queue.server";
import {
  type CitationStyle,
  DEFAULT_CITATION_STYLE,
  isCitationStyle,
} from "~/models/sources/citation-styles";
import { hashToken, newToken } from "~/models/tokens.server";
import type { WorkspaceSettingsInput } from "~/models/workspace-fields";
import { db } from "~/utils/db.server";
import { msg } from "~/utils/messages";
import { type Member, notFound, requireMember, requirePermission } from "~/utils/permissions.server";
import { Refusal } from "~/utils/refusal";
import { invites, memberships, type Role, users, workspaces } from "../../db/schema";

export const INVITE_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export function listWorkspacesForUser(userId: string) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name))
    .all();
}

export function createWorkspace(userId: string, input: { name: string }, origin?: RequestOrigin) {
  return db.transaction((tx) => {
    const id = newId();
    tx.insert(workspaces).values({ id, name: input.name.trim() }).run();
    tx.insert(memberships).values({ workspaceId: id, userId, role: "owner" }).run();
    recordAudit(
      { action: "workspace.created", workspaceId: id, userId, detail: { name: input.name }, origin },
      tx,
    );
    return { id, name: input.name.trim() };
  });
}

/** The settings page (owners): name, interface language of members who chose none, approval rule. */
export function getWorkspaceSettings(member: Member) {
  requirePermission(member, "workspace.manage");
  const found = db
    .select({
      name: workspaces.name,
      defaultLocale: workspaces.defaultLocale,
      reviewBySomeoneElse: workspaces.reviewBySomeoneElse,
      requireTwoFactor: workspaces.requireTwoFactor,
    })
    .from(workspaces)
    .where(eq(workspaces.id, member.workspaceId))
    .get();
  if (!found) throw notFound();
  return found;
}

export function updateWorkspaceSettings(
  member: Member,
  input: WorkspaceSettingsInput,
  origin?: RequestOrigin,
) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "workspace.manage");
    const before = tx.select().from(workspaces).where(eq(workspaces.id, member.workspaceId)).get();
    tx.update(workspaces)
      .set({
        name: input.name.trim(),
        defaultLocale: input.defaultLocale,
        reviewBySomeoneElse: input.reviewBySomeoneElse,
      })
      .where(eq(workspaces.id, member.workspaceId))
      .run();
    recordAudit(
      {
        action: "workspace.settings_changed",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: {
          ...(before?.name !== input.name.trim() ? { from: before?.name, to: input.name.trim() } : {}),
          defaultLocale: input.defaultLocale,
          reviewBySomeoneElse: input.reviewBySomeoneElse,
        },
        origin,
      },
      tx,
    );
  });
}

/** The style the workspace formats references in (owners choose it on the sources page). */
export function workspaceCitationStyle(member: Pick<Member, "workspaceId">): CitationStyle {
  const row = db
    .select({ style: workspaces.citationStyle })
    .from(workspaces)
    .where(eq(workspaces.id, member.workspaceId))
    .get();
  return isCitationStyle(row?.style) ? row.style : DEFAULT_CITATION_STYLE;
}

/** The styles workspaces use (the default when there is no workspace yet). */
export function citationStylesInUse(): CitationStyle[] {
  const styles = db.selectDistinct({ style: workspaces.citationStyle }).from(workspaces).all();
  const known = styles.map((row) => row.style).filter(isCitationStyle);
  return known.length > 0 ? known : [DEFAULT_CITATION_STYLE];
}

export function setCitationStyle(member: Member, style: CitationStyle, origin?: RequestOrigin) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "workspace.manage");
    tx.update(workspaces).set({ citationStyle: style }).where(eq(workspaces.id, member.workspaceId)).run();
    recordAudit(
      {
        action: "workspace.citation_style_set",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { style },
        origin,
      },
      tx,
    );
  });
}

export function listMembers(member: Member) {
  requirePermission(member, "workspace.read");
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, member.workspaceId))
    .orderBy(asc(users.name))
    .all();
}

export class LastOwnerError extends Refusal {
  constructor() {
    super(409, msg("members.lastOwner"));
  }
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

function ownerCount(tx: Tx, workspaceId: string) {
  return tx
    .select({ n: sql<number>`count(*)` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")))
    .get()!.n;
}

export function changeRole(member: Member, targetUserId: string, role: Role, origin?: RequestOrigin) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "members.manage");
    const target = requireMember(targetUserId, member.workspaceId, tx);
    if (target.role === role) return;
    if (target.role === "owner" && ownerCount(tx, member.workspaceId) <= 1) throw new LastOwnerError();
    tx.update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, member.workspaceId), eq(memberships.userId, targetUserId)))
      .run();
    recordAudit(
      {
        action: "member.role_changed",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { target: targetUserId, from: target.role, to: role },
        origin,
      },
      tx,
    );
  });
}

export function removeMember(member: Member, targetUserId: string, origin?: RequestOrigin) {
  db.transaction((tx) => {
    const actor = requireMember(member.userId, member.workspaceId, tx);
    // Anyone may leave; removing others is for owners.
    if (targetUserId !== member.userId) requirePermission(actor, "members.manage");
    const target = requireMember(targetUserId, member.workspaceId, tx);
    if (target.role === "owner" && ownerCount(tx, member.workspaceId) <= 1) throw new LastOwnerError();
    tx.delete(memberships)
      .where(and(eq(memberships.workspaceId, member.workspaceId), eq(memberships.userId, targetUserId)))
      .run();
    const leaving = targetUserId === member.userId;
    recordAudit(
      {
        action: leaving ? "member.left" : "member.removed",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: leaving ? {} : { target: targetUserId },
        origin,
      },
      tx,
    );
  });
}

function insertInvite(
  member: Member,
  role: Role,
  origin: RequestOrigin | undefined,
  byMail: { email: string; locale: Locale } | null,
) {
  return db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "members.manage");
    const token = newToken();
    const id = newId();
    const expiresAt = new Date(Date.now() + INVITE_LIFETIME_MS);
    tx.insert(invites)
      .values({
        id,
        tokenHash: hashToken(token),
        workspaceId: member.workspaceId,
        role,
        createdBy: member.userId,
        expiresAt,
        email: byMail?.email ?? null,
      })
      .run();
    recordAudit(
      {
        action: "invite.created",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: byMail ? { inviteId: id, role, email: byMail.email } : { inviteId: id, role },
        origin,
      },
      tx,
    );
    if (byMail)
      enqueueMail(tx, {
        kind: "invite",
        recipient: byMail.email,
        workspaceId: member.workspaceId,
        payload: { inviteId: id, locale: byMail.locale },
      });
    return { id, token, role, expiresAt };
  });
}

/** An invite link to pass on by hand: returns the raw token once; only its hash is stored. */
export function createInvite(member: Member, role: Role, origin?: RequestOrigin) {
  return insertInvite(member, role, origin, null);
}

/**
 * An invite sent by mail. Its link is made when the mail is written (in the recipient's language if they
 * have an account, else `locale`), so the owner never holds it and a retried mail carries a new one.
 */
export function sendInvite(
  member: Member,
  input: { role: Role; email: string; locale: Locale },
  origin?: RequestOrigin,
) {
  const { id, role, expiresAt } = insertInvite(member, input.role, origin, {
    email: input.email,
    locale: input.locale,
  });
  return { id, role, expiresAt, email: input.email };
}

/** The workspace's settings page: its name and whether two-factor sign-in is required. */
export class TwoFactorFirstError extends Error {
  constructor() {
    super(msg("workspace.settings.twoFactorFirst"));
  }
}

/**
 * Requires two-factor sign-in of every member (or stops requiring it). The owner who turns it on must use
 * it already, so that nobody locks the workspace with nobody able to enter.
 */
export function setRequireTwoFactor(
  member: Member,
  required: boolean,
  ownTwoFactor: boolean,
  origin?: RequestOrigin,
) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "workspace.manage");
    if (required && !ownTwoFactor) throw new TwoFactorFirstError();
    const current = tx
      .select({ required: workspaces.requireTwoFactor })
      .from(workspaces)
      .where(eq(workspaces.id, member.workspaceId))
      .get();
    if (current?.required === required) return;
    tx.update(workspaces)
      .set({ requireTwoFactor: required })
      .where(eq(workspaces.id, member.workspaceId))
      .run();
    recordAudit(
      {
        action: required ? "workspace.two_factor_required" : "workspace.two_factor_not_required",
        workspaceId: member.workspaceId,
        userId: member.userId,
        origin,
      },
      tx,
    );
  });
}

/** Members of this workspace who have not set up two-factor sign-in (the settings page lists them). */
export function membersWithoutTwoFactor(member: Member) {
  requirePermission(member, "workspace.manage");
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, member.workspaceId), isNull(users.totpEnabledAt)))
    .orderBy(asc(users.name))
    .all();
}

export function listOpenInvites(member: Member) {
  requirePermission(member, "members.manage");
  return db
    .select({
      id: invites.id,
      role: invites.role,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      createdBy: users.name,
      email: invites.email,
    })
    .from(invites)
    .innerJoin(users, eq(users.id, invites.createdBy))
    .where(
      and(eq(invites.workspaceId, member.workspaceId), isNull(invites.acceptedAt), isNull(invites.revokedAt)),
    )
    .orderBy(desc(invites.createdAt))
    .all()
    .filter((invite) => invite.expiresAt.getTime() > Date.now());
}

export function revokeInvite(member: Member, inviteId: string, origin?: RequestOrigin) {
  db.transaction((tx) => {
    requirePermission(requireMember(member.userId, member.workspaceId, tx), "members.manage");
    const invite = tx
      .select()
      .from(invites)
      .where(and(eq(invites.id, inviteId), eq(invites.workspaceId, member.workspaceId)))
      .get();
    if (!invite) throw notFound(msg("members.inviteNotFound"));
    tx.update(invites).set({ revokedAt: new Date() }).where(eq(invites.id, inviteId)).run();
    recordAudit(
      {
        action: "invite.revoked",
        workspaceId: member.workspaceId,
        userId: member.userId,
        detail: { inviteId },
        origin,
      },
      tx,
    );
  });
}

export type InviteLookup =
  | {
      status: "valid";
      workspaceId: string;
      workspaceName: string;
      role: Role;
      invitedBy: string;
      email: string | null;
    }
  | { status: "invalid" | "expired" | "used" | "revoked" };

export function findInvite(token: string): InviteLookup {
  const row = db
    .select({ invite: invites, workspaceName: workspaces.name, invitedBy: users.name })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .innerJoin(users, eq(users.id, invites.createdBy))
    .where(eq(invites.tokenHash, hashToken(token)))
    .get();
  if (!row) return { status: "invalid" };
  if (row.invite.revokedAt) return { status: "revoked" };
  if (row.invite.acceptedAt) return { status: "used" };
  if (row.invite.expiresAt.getTime() <= Date.now()) return { status: "expired" };
  return {
    status: "valid",
    workspaceId: row.invite.workspaceId,
    workspaceName: row.workspaceName,
    role: row.invite.role,
    invitedBy: row.invitedBy,
    email: row.invite.email,
  };
}

/**
 * Whether this person may join by invite now: their address must be confirmed. Following an invite mailed
 * to their own address confirms it (the link reached that mailbox).
 */
export function inviteNeedsConfirmation(userId: string, invite: { email: string | null }) {
  const user = db
    .select({ email: users.email, verified: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, userId))
    .get();
  return Boolean(user && !user.verified && invite.email !== user.email);
}

/** One use per link. A user who is already a member keeps their current role. */
export function acceptInvite(userId: string, token: string, origin?: RequestOrigin) {
  return db.transaction((tx) => {
    const invite = tx
      .select()
      .from(invites)
      .where(eq(invites.tokenHash, hashToken(token)))
      .get();
    if (!invite || invite.revokedAt || invite.acceptedAt || invite.expiresAt.getTime() <= Date.now()) {
      return { ok: false as const, reason: "unusable" as const };
    }
    const person = tx
      .select({ email: users.email, verified: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, userId))
      .get();
    if (!person) return { ok: false as const, reason: "unusable" as const };
    if (!person.verified) {
      if (invite.email !== person.email) return { ok: false as const, reason: "unconfirmed" as const };
      tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, userId)).run();
    }
    tx.update(invites)
      .set({ acceptedAt: new Date(), acceptedBy: userId })
      .where(eq(invites.id, invite.id))
      .run();
    tx.insert(memberships)
      .values({ workspaceId: invite.workspaceId, userId, role: invite.role })
      .onConflictDoNothing()
      .run();
    recordAudit(
      {
        action: "invite.accepted",
        workspaceId: invite.workspaceId,
        userId,
        detail: { inviteId: invite.id, role: invite.role },
        origin,
      },
      tx,
    );
    return { ok: true as const, workspaceId: invite.workspaceId };
  });
}
