import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { RelativeDate } from "~/components/case-bits";
import { requestOrigin } from "~/models/audit.server";
import { formatPeriod } from "~/models/case-fields";
import { listCases, restoreCase } from "~/models/cases.server";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const meta: MetaFunction = () => [{ title: "Trash · Mediation Casebook" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.restore");
  return { workspaceId: member.workspaceId, cases: listCases(member, { trashed: true }) };
}

const restoreSchema = z.object({
  intent: z.literal("restore"),
  caseId: z.string().regex(/^[a-z0-9]{8,40}$/),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.restore");
  const parsed = restoreSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw notFound("This case is not in the trash.");
  restoreCase(member, parsed.data.caseId, requestOrigin(request));
  return redirectWithToast(request, `/w/${member.workspaceId}/cases/${parsed.data.caseId}`, {
    kind: "success",
    message: "Case restored.",
  });
}

export default function Trash() {
  const { cases, workspaceId } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="page">
      <h1>Trash</h1>
      <p className="muted">
        Cases moved to the trash are kept with their full history until someone restores them.
      </p>
      {cases.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>The trash is empty.</strong>
          </p>
          <p>
            <Link to={`/w/${workspaceId}/cases`}>Back to the cases</Link>
          </p>
        </div>
      ) : (
        <ul className="card-list">
          {cases.map((item) => (
            <li key={item.id} className="card trash-item">
              <div>
                <strong>{item.title}</strong>
                <p className="muted">
                  {item.regions.join(", ")} · {formatPeriod(item)} · moved to trash{" "}
                  {item.deletedAt ? <RelativeDate date={item.deletedAt} /> : null}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="intent" value="restore" />
                <input type="hidden" name="caseId" value={item.id} />
                <button type="submit" className="button button-secondary">
                  Restore <span className="visually-hidden">{item.title}</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
