// Writes each queued mail when it goes out: in the recipient's language, with what they may read at that
// moment, and with a fresh one-use link where the mail carries one (models/tokens.server.ts). A confidential
// case's text never goes into mail; its title only to someone who may read it.
import { eq } from "drizzle-orm";
import type { TFunction } from "i18next";
import type { Locale } from "~/models/domain";
import { type MailBlock, renderMail } from "~/models/mail-layout";
import type { MailKind } from "~/models/mail-queue.server";
import { type MailableNotification, notificationsForMail } from "~/models/notifications.server";
import { createAccountToken, reissueInviteToken } from "~/models/tokens.server";
import { formatDate } from "~/utils/format";
import { DEFAULT_LOCALE, isLocale } from "~/utils/i18n";
import { translatorFor } from "~/utils/i18n.server";
import { appOrigin, type OutgoingMail } from "~/utils/mailer.server";
import { type MessageKey, msg } from "~/utils/messages";
import type { Executor } from "~/utils/permissions.server";
import { invites, type mailOutbox, users, workspaces } from "../../db/schema";

type MailRow = typeof mailOutbox.$inferSelect;

/** A message ready to go, or why it is not sent (a catalogue message kept on the row for owners). */
export type Composed = { mail: OutgoingMail } | { cancel: string };

type Person = {
  id: string;
  email: string;
  name: string;
  locale: Locale | null;
  signupLocale: Locale | null;
  deletedAt: Date | null;
  emailVerifiedAt: Date | null;
};

function findPerson(executor: Executor, where: { id?: string; email?: string }): Person | null {
  const condition = where.id ? eq(users.id, where.id) : eq(users.email, where.email ?? "");
  return (
    executor
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        locale: users.locale,
        signupLocale: users.signupLocale,
        deletedAt: users.deletedAt,
        emailVerifiedAt: users.emailVerifiedAt,
      })
      .from(users)
      .where(condition)
      .get() ?? null
  );
}

/** The recipient's language: their setting, else the language they signed up in, else English. */
export function recipientLocale(person: Pick<Person, "locale" | "signupLocale"> | null): Locale {
  return person?.locale ?? person?.signupLocale ?? DEFAULT_LOCALE;
}

const cancel = (key: MessageKey): Composed => ({ cancel: msg(key) });

function greeting(t: TFunction, name: string | null | undefined): MailBlock {
  return { kind: "text", text: name ? t("mail.hello", { name }) : t("mail.helloNoName") };
}

function securityFooter(t: TFunction): MailBlock[] {
  return [
    { kind: "text", text: t("mail.ignore") },
    { kind: "text", text: t("mail.footer.security") },
  ];
}

function settingsFooter(t: TFunction): MailBlock[] {
  return [
    { kind: "text", text: t("mail.footer.why") },
    { kind: "text", text: `${appOrigin()}/account#mail` },
  ];
}

function build(
  to: string,
  locale: Locale,
  subject: string,
  blocks: MailBlock[],
  footer: MailBlock[],
  link?: string,
): Composed {
  const t = translatorFor(locale);
  const { text, html } = renderMail({
    locale,
    subject,
    blocks: [...blocks, { kind: "text", text: t("mail.signature") }],
    footer,
  });
  return { mail: { to, subject, text, html, link, locale } };
}

function composeInvite(executor: Executor, row: MailRow, now: Date): Composed {
  const inviteId = String(row.payload.inviteId ?? "");
  const found = executor
    .select({
      invite: invites,
      workspaceName: workspaces.name,
      inviterName: users.name,
    })
    .from(invites)
    .innerJoin(workspaces, eq(workspaces.id, invites.workspaceId))
    .innerJoin(users, eq(users.id, invites.createdBy))
    .where(eq(invites.id, inviteId))
    .get();
  const token = found ? reissueInviteToken(executor, inviteId, now) : null;
  if (!found || !token) return cancel("mail.reasons.inviteClosed");
  const account = findPerson(executor, { email: row.recipient });
  const locale =
    account && !account.deletedAt
      ? recipientLocale(account)
      : isLocale(row.payload.locale)
        ? row.payload.locale
        : DEFAULT_LOCALE;
  const t = translatorFor(locale);
  const inviter = found.inviterName || t("mail.someone");
  const link = `${appOrigin()}/invite/${token}`;
  return build(
    row.recipient,
    locale,
    t("mail.invite.subject", { name: inviter, workspace: found.workspaceName }),
    [
      greeting(t, account?.name),
      {
        kind: "text",
        text: t("mail.invite.body", {
          name: inviter,
          workspace: found.workspaceName,
          role: t(`common.roles.${found.invite.role}`),
        }),
      },
      { kind: "action", label: t("mail.invite.action"), url: link },
      { kind: "text", text: t("mail.invite.validity", { date: formatDate(found.invite.expiresAt, locale) }) },
    ],
    [{ kind: "text", text: t("mail.ignore") }],
    link,
  );
}

/** A mail whose point is one link of an account (reset, confirmation): same shape, its own words. */
function accountLinkMail(person: Person, area: "reset" | "verify", path: string, token: string): Composed {
  const locale = recipientLocale(person);
  const t = translatorFor(locale);
  const link = `${appOrigin()}${path}${token}`;
  return build(
    person.email,
    locale,
    t(`mail.${area}.subject`),
    [
      greeting(t, person.name),
      { kind: "text", text: t(`mail.${area}.body`, { email: person.email }) },
      { kind: "action", label: t(`mail.${area}.action`), url: link },
      { kind: "text", text: t(`mail.${area}.validity`) },
    ],
    securityFooter(t),
    link,
  );
}

function composeReset(executor: Executor, row: MailRow, now: Date): Composed {
  const person = findPerson(executor, { email: row.recipient });
  if (!person || person.deletedAt) return cancel("mail.reasons.noAccount");
  const token = createAccountToken(executor, { userId: person.id, purpose: "reset" }, now);
  return accountLinkMail(person, "reset", "/reset-password/", token);
}

function composeVerify(executor: Executor, row: MailRow, now: Date): Composed {
  const person = findPerson(executor, { id: row.userId ?? "" });
  if (!person || person.deletedAt) return cancel("mail.reasons.accountDeleted");
  if (person.emailVerifiedAt) return cancel("mail.reasons.alreadyVerified");
  const next = typeof row.payload.next === "string" ? row.payload.next : "";
  const token = createAccountToken(executor, { userId: person.id, purpose: "verify", next }, now);
  return accountLinkMail(person, "verify", "/verify-email/", token);
}

function composeExisting(executor: Executor, row: MailRow): Composed {
  const person = findPerson(executor, { id: row.userId ?? "" });
  if (!person || person.deletedAt) return cancel("mail.reasons.accountDeleted");
  const locale = recipientLocale(person);
  const t = translatorFor(locale);
  const signIn = `${appOrigin()}/sign-in`;
  return build(
    person.email,
    locale,
    t("mail.existing.subject"),
    [
      greeting(t, person.name),
      { kind: "text", text: t("mail.existing.body", { email: person.email }) },
      { kind: "text", text: t("mail.existing.next") },
      { kind: "action", label: t("mail.existing.signIn"), url: signIn },
      { kind: "action", label: t("mail.existing.reset"), url: `${appOrigin()}/forgot-password` },
    ],
    securityFooter(t),
    signIn,
  );
}

type Verb = "review_requested" | "approved" | "withdrawn" | "changes_requested" | "mentioned" | "reply";

/** What one notification says in mail, where it leads, and the text it may quote. */
function describe(t: TFunction, item: MailableNotification) {
  const decision = item.detail.decision;
  const verb: Verb =
    item.kind === "review_done"
      ? decision === "approved"
        ? "approved"
        : decision === "withdrawn"
          ? "withdrawn"
          : "changes_requested"
      : item.kind;
  const title = item.caseTitle ?? (item.confidential ? t("mail.aConfidentialCase") : t("mail.aCase"));
  const sentence = t(`mail.notification.${verb}`, { actor: item.actorName || t("mail.someone"), title });
  const caseUrl = item.caseId ? `${appOrigin()}/w/${item.workspaceId}/cases/${item.caseId}` : null;
  const isReview = item.kind === "review_requested" || item.kind === "review_done";
  const url = !caseUrl
    ? `${appOrigin()}/w/${item.workspaceId}/notifications`
    : isReview
      ? `${caseUrl}/review`
      : item.threadId
        ? `${caseUrl}#thread-${item.threadId}`
        : caseUrl;
  const actionKey: MessageKey = isReview
    ? "mail.notification.openReview"
    : item.threadId
      ? "mail.notification.openThread"
      : "mail.notification.openCase";
  // A confidential case's text (comments, review notes) stays in the casebook.
  const quoted =
    item.kind === "mentioned" || item.kind === "reply"
      ? item.detail.excerpt
      : item.kind === "review_requested"
        ? item.detail.message
        : item.detail.note;
  const quote =
    !item.confidential && item.caseTitle !== null && typeof quoted === "string"
      ? quoted.trim().slice(0, 400)
      : "";
  return { sentence, url, action: t(actionKey), quote };
}

function composeNotification(executor: Executor, row: MailRow): Composed {
  const person = livePerson(executor, row);
  if (!person) return cancel("mail.reasons.accountDeleted");
  const [item] = notificationsForMail(person.id, [Number(row.payload.notificationId)]);
  if (!item) return cancel("mail.reasons.notVisible");
  if (item.readAt) return cancel("mail.reasons.alreadyRead");
  const locale = recipientLocale(person);
  const t = translatorFor(locale);
  const words = describe(t, item);
  const blocks: MailBlock[] = [
    greeting(t, person.name),
    { kind: "text", text: `${words.sentence}.` },
    { kind: "text", text: t("mail.notification.inWorkspace", { workspace: item.workspaceName }) },
  ];
  if (words.quote) blocks.push({ kind: "quote", text: words.quote });
  else if (item.confidential) blocks.push({ kind: "text", text: t("mail.notification.confidentialNote") });
  blocks.push({ kind: "action", label: words.action, url: words.url });
  return build(person.email, locale, words.sentence, blocks, settingsFooter(t), words.url);
}

function composeDigest(executor: Executor, row: MailRow): Composed {
  const person = livePerson(executor, row);
  if (!person) return cancel("mail.reasons.accountDeleted");
  const ids = Array.isArray(row.payload.notificationIds) ? row.payload.notificationIds.map(Number) : [];
  const items = notificationsForMail(person.id, ids).filter((item) => !item.readAt);
  if (items.length === 0) return cancel("mail.reasons.notVisible");
  const locale = recipientLocale(person);
  const t = translatorFor(locale);
  const severalWorkspaces = new Set(items.map((item) => item.workspaceId)).size > 1;
  const blocks: MailBlock[] = [greeting(t, person.name), { kind: "text", text: t("mail.digest.intro") }];
  for (const item of items) {
    const words = describe(t, item);
    blocks.push({
      kind: "item",
      text: severalWorkspaces ? `${words.sentence} (${item.workspaceName})` : words.sentence,
      url: words.url,
    });
  }
  return build(
    person.email,
    locale,
    t("mail.digest.subject", { count: items.length }),
    blocks,
    settingsFooter(t),
    `${appOrigin()}/w/${items[0].workspaceId}/notifications`,
  );
}

function livePerson(executor: Executor, row: MailRow) {
  if (!row.userId) return null;
  const person = findPerson(executor, { id: row.userId });
  return person && !person.deletedAt ? person : null;
}

/** Runs inside the worker's transaction for this row (tokens are written with it). */
export function composeMail(executor: Executor, row: MailRow, now = new Date()): Composed {
  switch (row.kind as MailKind) {
    case "invite":
      return composeInvite(executor, row, now);
    case "password_reset":
      return composeReset(executor, row, now);
    case "verify_email":
      return composeVerify(executor, row, now);
    case "signup_existing":
      return composeExisting(executor, row);
    case "notification":
      return composeNotification(executor, row);
    case "digest":
      return composeDigest(executor, row);
    default:
      return cancel("mail.reasons.compose");
  }
}
