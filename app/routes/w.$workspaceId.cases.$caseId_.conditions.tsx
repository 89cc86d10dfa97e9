import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ConditionsPanel } from "~/components/conditions/conditions-panel";
import { requestOrigin } from "~/models/audit.server";
import { getCase } from "~/models/cases.server";
import {
  ConditionsConflictError,
  listCaseConditions,
  MAX_CONDITION_NOTE,
  saveCaseConditions,
} from "~/models/conditions.server";
import { CONDITION_VALUES } from "~/models/domain";
import styles from "~/styles/history.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { can, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Conditions · ${data?.caseStudy.title ?? "Case"} · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const caseId = requireId(params, "caseId");
  const caseStudy = getCase(member, caseId);
  return {
    workspaceId: member.workspaceId,
    caseStudy: { id: caseStudy.id, title: caseStudy.title },
    conditions: listCaseConditions(member, caseId),
    canEdit: can(member, "case.edit"),
    canEditCodebook: can(member, "codebook.edit"),
    maxNote: MAX_CONDITION_NOTE,
  };
}

const MAX_CODES = 1000;

const entrySchema = z.object({
  codeId: z.string().regex(/^[a-z0-9]{8,40}$/, "This code is not in the codebook."),
  value: z.enum(CONDITION_VALUES, "Choose present, absent or unknown."),
  note: z.string().max(MAX_CONDITION_NOTE, `Keep the note under ${MAX_CONDITION_NOTE} characters.`),
  seenSetAt: z.coerce.number().int().min(0).catch(0),
});

/** The form sends, per code, `code`, `value:<id>`, `note:<id>` and `seen:<id>` (when the shown value was set). */
function readEntries(formData: FormData) {
  const codeIds = formData.getAll("code").map(String);
  const errors: Record<string, string[]> = {};
  const values = { value: {} as Record<string, string>, note: {} as Record<string, string> };
  const entries: z.output<typeof entrySchema>[] = [];
  if (codeIds.length === 0 || codeIds.length > MAX_CODES || new Set(codeIds).size !== codeIds.length) {
    errors.form = ["The form is incomplete. Reload the page and try again."];
    return { entries, errors, values };
  }
  for (const codeId of codeIds) {
    const raw = {
      codeId,
      value: formData.get(`value:${codeId}`) ?? "",
      note: String(formData.get(`note:${codeId}`) ?? "").replace(/\r\n/g, "\n"),
      seenSetAt: formData.get(`seen:${codeId}`) ?? "0",
    };
    values.value[codeId] = String(raw.value);
    values.note[codeId] = raw.note;
    const parsed = entrySchema.safeParse(raw);
    if (parsed.success) entries.push(parsed.data);
    else
      for (const issue of parsed.error.issues) {
        const key = issue.path[0] === "note" ? `note:${codeId}` : "form";
        errors[key] = [...(errors[key] ?? []), issue.message];
      }
  }
  return { entries, errors, values };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseId = requireId(params, "caseId");
  const { entries, errors, values } = readEntries(await request.formData());
  if (Object.keys(errors).length) return data({ errors, values, conflicts: [] }, { status: 400 });
  try {
    const { changed } = saveCaseConditions(member, caseId, entries, requestOrigin(request));
    return redirectWithToast(request, `/w/${member.workspaceId}/cases/${caseId}/conditions`, {
      kind: "success",
      message:
        changed === 0
          ? "Nothing to save: no condition was changed."
          : `Conditions saved (${changed} ${changed === 1 ? "code" : "codes"} changed).`,
    });
  } catch (error) {
    if (error instanceof ConditionsConflictError) {
      return data(
        {
          errors: {
            form: [
              "A colleague changed some of these conditions after you opened the page, so nothing was saved. Your choices are kept below; the codes they changed are marked.",
            ],
          },
          values,
          conflicts: error.conflicts,
        },
        { status: 409 },
      );
    }
    throw error;
  }
}

export default function CaseConditions() {
  const { caseStudy, conditions, workspaceId, canEdit, canEditCodebook, maxNote } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  // After a save the panel is rebuilt from the stored values (inputs are uncontrolled).
  const version = conditions.map((c) => `${c.code.id}:${c.setAt ? new Date(c.setAt).getTime() : 0}`).join();
  return (
    <main id="main" className="page page-narrow conditions-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>Cases</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={caseUrl}>{caseStudy.title}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>Conditions</h1>
      <p className="muted">
        For each code of the codebook, what this case shows: present, absent or unknown. A tag in the text is
        evidence for “present”; absence is always stated by a person, because a missing tag does not mean the
        condition was absent.
        {canEdit ? null : " Your role can read these conditions but not change them."}
      </p>
      {conditions.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>The codebook has no codes yet.</strong>
          </p>
          <p>
            {canEditCodebook ? (
              <>
                Add preconditions and outcomes in the <Link to={`/w/${workspaceId}/codebook`}>Codebook</Link>,
                then come back to state them for this case.
              </>
            ) : (
              "Once owners or editors add preconditions and outcomes to the codebook, they appear here."
            )}
          </p>
        </div>
      ) : (
        <ConditionsPanel
          key={version}
          conditions={conditions}
          editable={canEdit}
          state={actionData}
          maxNote={maxNote}
        />
      )}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
