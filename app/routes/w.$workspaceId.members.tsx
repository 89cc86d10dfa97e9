import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { RelativeDate } from "~/components/case-bits";
import { CopyField } from "~/components/copy-field";
import { requestOrigin } from "~/models/audit.server";
import { ROLES } from "~/models/domain";
import {
  changeRole,
  createInvite,
  LastOwnerError,
  listMembers,
  listOpenInvites,
  removeMember,
  revokeInvite,
} from "~/models/workspaces.server";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Members · Mediation Casebook" }];

const ROLE_HELP: Record<(typeof ROLES)[number], string> = {
  owner: "everything, plus members, roles and workspace settings",
  editor: "writes and edits cases and sources, comments",
  reviewer: "reads, comments, approves or requests changes; cannot edit a case",
  trainer: "reads and compares cases; cannot edit or comment",
};

const id = z.string().regex(/^[a-z0-9]{8,40}$/);
const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("invite"), role: z.enum(ROLES) }),
  z.object({ intent: z.literal("revoke"), inviteId: id }),
  z.object({ intent: z.literal("role"), userId: id, role: z.enum(ROLES) }),
  z.object({ intent: z.literal("remove"), userId: id }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, member } = await requireWorkspaceMember(request, params);
  const manage = can(member, "members.manage");
  return {
    me: user.id,
    workspaceName: member.workspaceName,
    manage,
    members: listMembers(member),
    invites: manage ? listOpenInvites(member) : [],
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data(
      { error: "That request was not understood. Reload the page and try again.", invite: null },
      { status: 400 },
    );
  const origin = requestOrigin(request);
  const input = parsed.data;
  try {
    switch (input.intent) {
      case "invite": {
        const invite = createInvite(member, input.role, origin);
        const link = new URL(`/invite/${invite.token}`, request.url).toString();
        return data({ error: null, invite: { link, role: invite.role } });
      }
      case "revoke":
        revokeInvite(member, input.inviteId, origin);
        return redirectWithToast(request, request.url, { kind: "success", message: "Invite link revoked." });
      case "role":
        changeRole(member, input.userId, input.role, origin);
        return redirectWithToast(request, request.url, {
          kind: "success",
          message: `Role changed to ${input.role}.`,
        });
      case "remove":
        removeMember(member, input.userId, origin);
        if (input.userId === member.userId)
          return redirectWithToast(request, "/workspaces", {
            kind: "success",
            message: "You left the workspace.",
          });
        return redirectWithToast(request, request.url, { kind: "success", message: "Member removed." });
    }
  } catch (error) {
    if (error instanceof LastOwnerError) return data({ error: error.message, invite: null }, { status: 409 });
    throw error;
  }
}

export default function Members() {
  const { members, invites, manage, me, workspaceName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <main id="main" className="page">
      <h1>Members</h1>
      <p className="muted">People in {workspaceName} and what each role may do.</p>
      {actionData?.error ? (
        <p className="form-error" role="alert">
          {actionData.error}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="member-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              {manage ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {members.map((person) => (
              <tr key={person.userId}>
                <td data-label="Name">
                  {person.name}
                  {person.userId === me ? <span className="muted"> (you)</span> : null}
                </td>
                <td data-label="Email">{person.email}</td>
                <td data-label="Role">
                  {manage ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={person.userId} />
                      <label className="visually-hidden" htmlFor={`role-${person.userId}`}>
                        Role of {person.name}
                      </label>
                      <select id={`role-${person.userId}`} name="role" defaultValue={person.role}>
                        {ROLES.map((role) => (
                          <option key={role} value={role}>
                            {role}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button-secondary button-small">
                        Change<span className="visually-hidden"> role of {person.name}</span>
                      </button>
                    </Form>
                  ) : (
                    <span className="role-badge">{person.role}</span>
                  )}
                </td>
                <td data-label="Joined">
                  <RelativeDate date={person.joinedAt} />
                </td>
                {manage ? (
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={person.userId} />
                      <button type="submit" className="button button-danger button-small">
                        Remove<span className="visually-hidden"> {person.name}</span>
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section className="card" aria-labelledby="roles-heading">
        <h2 id="roles-heading">Roles</h2>
        <ul className="role-help">
          {ROLES.map((role) => (
            <li key={role}>
              <strong>{role}</strong>: {ROLE_HELP[role]}
            </li>
          ))}
        </ul>
      </section>
      {manage ? (
        <section className="card" aria-labelledby="invite-heading">
          <h2 id="invite-heading">Invite a colleague</h2>
          <p className="muted">
            Create a link and send it through a channel you trust. Each link works once, for 7 days, and gives
            the role you pick.
          </p>
          <Form method="post" className="form form-inline">
            <input type="hidden" name="intent" value="invite" />
            <div className="field">
              <label htmlFor="invite-role">Role</label>
              <select id="invite-role" name="role" defaultValue="editor">
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {role}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button" disabled={navigation.state === "submitting"}>
              Create invite link
            </button>
          </Form>
          {actionData?.invite ? (
            <CopyField label={`Invite link (${actionData.invite.role})`} value={actionData.invite.link} />
          ) : null}
          {invites.length > 0 ? (
            <>
              <h3>Open invite links</h3>
              <ul className="invite-list">
                {invites.map((invite) => (
                  <li key={invite.id}>
                    <span>
                      {invite.role} · created by {invite.createdBy} · expires{" "}
                      <RelativeDate date={invite.expiresAt} />
                    </span>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="inviteId" value={invite.id} />
                      <button type="submit" className="button button-secondary button-small">
                        Revoke
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
