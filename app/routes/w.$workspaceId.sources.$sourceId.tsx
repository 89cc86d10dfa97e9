import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RelativeDate } from "~/components/case-bits";
import { SourceDetails } from "~/components/sources/source-details";
import { SourceForm } from "~/components/sources/source-form";
import { requestOrigin } from "~/models/audit.server";
import { SOURCE_TYPE_LABELS, sourceFormSchema, sourceFormValues } from "~/models/source-fields";
import { deleteSource, getSource, SourceInUseError, updateSource } from "~/models/sources.server";
import styles from "~/styles/sources.css?url";
import { parseForm } from "~/utils/forms";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { can } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.source.csl.title ?? "Source"} · Sources · Mediation Casebook` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const source = getSource(member, requireId(params, "sourceId"));
  return { workspaceId: member.workspaceId, source, canEdit: can(member, "source.edit") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const sourceId = requireId(params, "sourceId");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const page = `/w/${member.workspaceId}/sources/${sourceId}`;
  if (intent === "update") {
    const parsed = parseForm(formData, sourceFormSchema);
    if (!parsed.ok) {
      return data(
        { intent: "update" as const, errors: parsed.errors, values: parsed.values },
        { status: 400 },
      );
    }
    updateSource(member, sourceId, parsed.data, requestOrigin(request));
    return redirectWithToast(request, page, { kind: "success", message: "Source saved." });
  }
  if (intent === "delete") {
    try {
      const result = deleteSource(member, sourceId, {
        confirmed: formData.get("confirm") === "yes",
        origin: requestOrigin(request),
      });
      if (!result.deleted) return { intent: "delete" as const, confirm: true };
      return redirectWithToast(request, `/w/${member.workspaceId}/sources`, {
        kind: "success",
        message: `“${result.title}” was deleted from the library.`,
      });
    } catch (error) {
      if (error instanceof SourceInUseError) {
        return data({ intent: "delete" as const, refused: error.message }, { status: 409 });
      }
      throw error;
    }
  }
  throw data({ message: "This form sent an action the page does not know." }, { status: 400 });
}

function locatorText(locators: string[], citations: number) {
  const times = citations === 1 ? "1 citation" : `${citations} citations`;
  return locators.length > 0 ? `${locators.join(", ")} · ${times}` : times;
}

export default function SourcePage() {
  const { source, workspaceId, canEdit } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editErrors = actionData && "errors" in actionData ? actionData : null;
  const confirming = actionData && "confirm" in actionData;
  const refused = actionData && "refused" in actionData ? actionData.refused : null;
  const base = `/w/${workspaceId}/sources`;
  const page = `${base}/${source.id}`;
  const citing = source.citedIn.length + source.citedInTrash;
  return (
    <main id="main" className="page source-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to={base}>Sources</Link> <span aria-hidden="true">›</span>
      </nav>
      <p className="eyebrow">{SOURCE_TYPE_LABELS[source.csl.type]}</p>
      <h1>{source.csl.title}</h1>
      <p className="source-reference source-reference-main">{source.reference}</p>

      <div className="source-columns">
        <section aria-labelledby="source-details-heading">
          <h2 id="source-details-heading">Details</h2>
          <SourceDetails item={source.csl} />
          <p className="muted source-added">
            Added by {source.createdByName || "a former member"} on <RelativeDate date={source.createdAt} />
            {source.updatedAt.getTime() - source.createdAt.getTime() > 1000 ? (
              <>
                , last changed <RelativeDate date={source.updatedAt} />
              </>
            ) : null}
            .
          </p>
        </section>

        <section aria-labelledby="cited-in-heading" className="source-cited">
          <h2 id="cited-in-heading">Cited in</h2>
          {source.citedIn.length === 0 ? (
            <p className="empty-state">
              No case cites this source yet. In a case's text, select a passage and cite this source with a
              page or paragraph.
            </p>
          ) : (
            <ul className="cited-list">
              {source.citedIn.map((entry) => (
                <li key={entry.caseId}>
                  <Link to={`/w/${workspaceId}/cases/${entry.caseId}`}>{entry.title}</Link>
                  <span className="cited-locators">{locatorText(entry.locators, entry.citations)}</span>
                </li>
              ))}
            </ul>
          )}
          {source.citedInTrash > 0 ? (
            <p className="muted">
              Also cited in {source.citedInTrash} {source.citedInTrash === 1 ? "case" : "cases"} in the trash.
            </p>
          ) : null}
        </section>
      </div>

      {canEdit ? (
        <>
          <details className="card source-edit" open={editErrors ? true : undefined}>
            <summary>Edit source</summary>
            <SourceForm
              key={editErrors ? "retry" : source.updatedAt.toISOString()}
              values={editErrors?.values ?? sourceFormValues(source.csl)}
              errors={editErrors?.errors ?? {}}
              submitLabel="Save source"
              cancelTo={page}
              hidden={{ intent: "update" }}
            />
          </details>

          <section className="source-delete" aria-labelledby="delete-heading">
            <h2 id="delete-heading" className="visually-hidden">
              Delete this source
            </h2>
            {confirming ? (
              <div className="card source-confirm" role="alertdialog" aria-labelledby="confirm-text">
                <p id="confirm-text">
                  <strong>Delete “{source.csl.title}” from the library?</strong> No case cites it. This cannot
                  be undone.
                </p>
                <Form method="post" className="actions">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="confirm" value="yes" />
                  <button type="submit" className="button button-danger">
                    Yes, delete it
                  </button>
                  <Link to={page} className="button button-secondary">
                    Keep it
                  </Link>
                </Form>
              </div>
            ) : (
              <Form method="post" className="danger-zone">
                <input type="hidden" name="intent" value="delete" />
                <button type="submit" className="button button-danger button-small">
                  Delete source
                </button>
                {citing > 0 ? (
                  <span className="muted">
                    A source can be deleted once no case cites it; {citing}{" "}
                    {citing === 1 ? "case cites" : "cases cite"} this one.
                  </span>
                ) : null}
              </Form>
            )}
            {refused ? (
              <p className="form-error source-refused" role="alert">
                {refused}
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
