import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RelativeDate } from "~/components/case-labels";
import { CopyField } from "~/components/copy-field";
import { requestOrigin } from "~/models/audit.server";
import { ROLES, type Role } from "~/models/domain";
import { inviteMailStates } from "~/models/mail-queue.server";
import {
  changeRole,
  createInvite,
  INVITE_LIFETIME_MS,
  LastOwnerError,
  listMembers,
  listOpenInvites,
  removeMember,
  revokeInvite,
  sendInvite,
} from "~/models/workspaces.server";
import { recordIdSchema } from "~/rules/ids";
import accountStyles from "~/styles/account.css?url";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getLocale, getPageTitle } from "~/utils/i18n.server";
import { msg, useMessage } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta = titleMeta;
export const links = () => [{ rel: "stylesheet", href: accountStyles }];

const id = recordIdSchema();
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), role: z.enum(ROLES) }),
  z.object({
    intent: z.literal("sendInvite"),
    role: z.enum(ROLES),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .email(msg("auth.errors.emailInvalid"))
      .max(200, msg("auth.errors.emailTooLong")),
  }),
  z.object({ intent: z.literal("leave") }),
  z.object({ intent: z.literal("revoke"), inviteId: id }),
  z.object({ intent: z.literal("role"), userId: id, role: z.enum(ROLES) }),
  z.object({ intent: z.literal("remove"), userId: id }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, member } = await requireWorkspaceMember(request, params);
  const manage = can(member, "members.manage");
  const invites = manage ? listOpenInvites(member) : [];
  const mailStates = manage
    ? inviteMailStates(
        member,
        invites.filter((invite) => invite.email).map((invite) => invite.id),
      )
    : new Map<string, { status: string; lastError: string }>();
  return {
    me: user.id,
    workspaceId: member.workspaceId,
    workspaceName: member.workspaceName,
    manage,
    exportWriting: can(member, "members.export"),
    members: listMembers(member),
    invites: invites.map((invite) => ({ ...invite, mail: mailStates.get(invite.id) ?? null })),
    pageTitle: await getPageTitle(request, "members.metaTitle"),
    inviteDays: Math.round(INVITE_LIFETIME_MS / (24 * 3600 * 1000)),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const emailIssue = parsed.error.issues.find((issue) => issue.path[0] === "email");
    return data(
      { error: emailIssue ? emailIssue.message : msg("members.notUnderstood"), invite: null },
      { status: 400 },
    );
  }
  const origin = requestOrigin(request);
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "invite": {
        const invite = createInvite(member, input.role, origin);
        const link = new URL(`/invite/${invite.token}`, request.url).toString();
        return data({ error: null, invite: { link, role: invite.role } });
      }
      case "sendInvite": {
        const sent = sendInvite(
          member,
          { role: input.role, email: input.email, locale: await getLocale(request) },
          origin,
        );
        return redirectWithToast(request, request.url, {
          kind: "success",
          message: msg("members.invited", { email: sent.email }),
        });
      }
      case "leave":
        removeMember(member, member.userId, origin);
        return redirectWithToast(request, "/workspaces", { kind: "success", message: msg("members.left") });
      case "revoke":
        revokeInvite(member, input.inviteId, origin);
        return redirectWithToast(request, request.url, { kind: "success", message: msg("members.revoked") });
      case "role":
        changeRole(member, input.userId, input.role, origin);
        return redirectWithToast(request, request.url, {
          kind: "success",
          message: msg(`members.roleChanged.${input.role}`),
        });
      case "remove":
        removeMember(member, input.userId, origin);
        if (input.userId === member.userId)
          return redirectWithToast(request, "/workspaces", {
            kind: "success",
            message: msg("members.left"),
          });
        return redirectWithToast(request, request.url, { kind: "success", message: msg("members.removed") });
    }
  } catch (error) {
    if (error instanceof LastOwnerError) return data({ error: error.message, invite: null }, { status: 409 });
    throw error;
  }
}

/** The role an invitation gives. */
function RoleSelect({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <select id={id} name="role" defaultValue="editor">
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {t(`common.roles.${role}`)}
        </option>
      ))}
    </select>
  );
}

export default function Members() {
  const { t } = useTranslation();
  const tm = useMessage();
  const { members, invites, manage, me, workspaceId, workspaceName, inviteDays, exportWriting } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <main id="main" className="page">
      <h1>{t("members.title")}</h1>
      <p className="muted">{t("members.intro", { workspace: workspaceName })}</p>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {tm(actionData.error)}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="member-table">
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.role")}</th>
              <th scope="col">{t("members.joined")}</th>
              {manage ? (
                <th scope="col">
                  <span className="visually-hidden">{t("members.actions")}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {members.map((person) => (
              <tr key={person.userId}>
                <td data-label={t("members.name")}>
                  {person.name}
                  {person.userId === me ? <span className="muted">{t("members.you")}</span> : null}
                </td>
                <td data-label={t("members.email")}>{person.email}</td>
                <td data-label={t("members.role")}>
                  {manage ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={person.userId} />
                      <label className="visually-hidden" htmlFor={`role-${person.userId}`}>
                        {t("members.roleOf", { name: person.name })}
                      </label>
                      <select id={`role-${person.userId}`} name="role" defaultValue={person.role}>
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`common.roles.${role}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button-secondary button-small">
                        {t("members.change")}
                        <span className="visually-hidden">
                          {t("members.changeRoleOf", { name: person.name })}
                        </span>
                      </button>
                    </Form>
                  ) : (
                    <span className="role-badge">{t(`common.roles.${person.role}`)}</span>
                  )}
                </td>
                <td data-label={t("members.joined")}>
                  <RelativeDate date={person.joinedAt} />
                </td>
                {manage ? (
                  <td>
                    <span className="actions">
                      {exportWriting ? (
                        <a
                          className="button button-secondary button-small"
                          href={`/w/${workspaceId}/members/${person.userId}/export`}
                          download
                        >
                          {t("members.exportWriting")}
                          <span className="visually-hidden">
                            {t("members.exportWritingOf", { name: person.name })}
                          </span>
                        </a>
                      ) : null}
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={person.userId} />
                        <button type="submit" className="button button-danger button-small">
                          {t("members.remove")}
                          <span className="visually-hidden"> {person.name}</span>
                        </button>
                      </Form>
                    </span>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="roles-heading">
        <h2 id="roles-heading">{t("members.rolesHeading")}</h2>
        <ul className="role-help">
          {ROLES.map((role) => (
            <li key={role}>
              <strong>{t(`common.roles.${role}`)}</strong>
              {t("members.colon")}
              {t(`members.roleHelp.${role}`)}
            </li>
          ))}
        </ul>
      </section>
      {manage ? (
        <section className="card" aria-labelledby="invite-heading">
          <h2 id="invite-heading">{t("members.inviteHeading")}</h2>
          <p className="muted">{t("members.inviteIntro", { days: inviteDays })}</p>
          <h3>{t("members.mailHeading")}</h3>
          <Form method="post" className="form form-inline">
            <input type="hidden" name="intent" value="sendInvite" />
            <div className="field">
              <label htmlFor="invite-email">{t("members.inviteEmail")}</label>
              <input
                id="invite-email"
                name="email"
                type="email"
                autoComplete="off"
                required
                maxLength={200}
              />
            </div>
            <div className="field field-narrow">
              <label htmlFor="invite-mail-role">{t("members.inviteRole")}</label>
              <RoleSelect id="invite-mail-role" />
            </div>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("members.sendInvite")}
            </button>
          </Form>
          <h3>{t("members.linkHeading")}</h3>
          <Form method="post" className="form form-inline">
            <input type="hidden" name="intent" value="invite" />
            <div className="field field-narrow">
              <label htmlFor="invite-role">{t("members.role")}</label>
              <RoleSelect id="invite-role" />
            </div>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              {t("members.createInvite")}
            </button>
          </Form>
          {actionData?.invite ? (
            <CopyField
              label={t("members.inviteLink", { role: t(`common.roles.${actionData.invite.role as Role}`) })}
              value={actionData.invite.link}
            />
          ) : null}
          {invites.length > 0 ? (
            <>
              <h3>{t("members.openInvites")}</h3>
              <ul className="invite-list">
                {invites.map((invite) => (
                  <li key={invite.id}>
                    <span>
                      {invite.email ? (
                        <strong>{t("members.inviteTo", { email: invite.email })}</strong>
                      ) : null}
                      {invite.email ? " · " : null}
                      {t("members.inviteMeta", {
                        role: t(`common.roles.${invite.role}`),
                        name: invite.createdBy || t("common.formerMember"),
                      })}
                      <RelativeDate date={invite.expiresAt} />
                      {invite.mail ? (
                        <span className={`mail-status-${invite.mail.status}`}>
                          {" · "}
                          {t(
                            `members.mailState.${invite.mail.status as "queued" | "sent" | "failed" | "cancelled"}`,
                          )}
                          {invite.mail.status === "failed" && invite.mail.lastError ? (
                            <span className="muted"> ({tm(invite.mail.lastError)})</span>
                          ) : null}
                        </span>
                      ) : null}
                    </span>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <button type="submit" className="button button-secondary button-small">
                        {t("members.revoke")}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section className="card" aria-labelledby="leave-heading">
        <h2 id="leave-heading">{t("members.leaveHeading")}</h2>
        <p className="muted">{t("members.leaveIntro")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="leave" />
          <button type="submit" className="button button-danger">
            {t("members.leave", { workspace: workspaceName })}
          </button>
        </Form>
      </section>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
