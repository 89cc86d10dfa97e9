import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useEventDate } from "~/components/timeline/event-date";
import { EventForm } from "~/components/timeline/event-form";
import { requestOrigin } from "~/models/audit.server";
import { eventFormSchema, eventFormValues, eventToFormValues } from "~/models/event-fields";
import { deleteEvent, EventRejectedError, getEventsPage, saveEvent } from "~/models/events.server";
import { recordIdSchema } from "~/rules/ids";
import timelineStyles from "~/styles/timeline.css?url";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta = titleMeta;

const recordId = recordIdSchema();

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const page = getEventsPage(member, requireId(params, "caseId"));
  const editing = new URL(request.url).searchParams.get("edit");
  const edited = editing ? page.events.find((event) => event.id === editing) : undefined;
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", { title: t("events.page.metaTitle", { title: page.caseStudy.title }) }),
    workspaceId: member.workspaceId,
    ...page,
    editing: edited
      ? { id: edited.id, stamp: page.stamps[edited.id], values: eventToFormValues(edited) }
      : null,
  };
}

type Failure = {
  errors: Record<string, string[]>;
  values: Record<string, string | string[]>;
  eventId: string;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "case.edit");
  const caseId = requireId(params, "caseId");
  const formData = await request.formData();
  const intent = formData.get("intent");
  const eventId = recordId.safeParse(formData.get("eventId"));
  const stamp = typeof formData.get("stamp") === "string" ? String(formData.get("stamp")) : undefined;
  const back = `/w/${member.workspaceId}/cases/${caseId}/events`;
  const echo = () => {
    const values: Record<string, string | string[]> = {};
    for (const key of new Set(formData.keys())) {
      const all = formData.getAll(key).map(String);
      values[key] = ["codeId", "citationSource", "citationLocator"].includes(key) ? all : (all[0] ?? "");
    }
    return values;
  };
  const fail = (failure: Failure, status: number) => data(failure, { status });
  try {
    if (intent === "event.delete") {
      if (!eventId.success)
        return fail({ errors: { form: [msg("events.errors.gone")] }, values: {}, eventId: "" }, 404);
      const removed = deleteEvent(member, caseId, { eventId: eventId.data, stamp }, requestOrigin(request));
      return redirectWithToast(request, back, {
        kind: "success",
        message: msg("events.page.removed", { title: removed.title }),
      });
    }
    if (intent !== "event.save")
      return fail({ errors: { form: [msg("errors.unknownAction")] }, values: echo(), eventId: "" }, 400);
    const parsed = eventFormSchema.safeParse(eventFormValues(formData));
    if (!parsed.success) {
      const errors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? "form");
        errors[key] = [...(errors[key] ?? []), issue.message];
      }
      return fail({ errors, values: echo(), eventId: eventId.success ? eventId.data : "" }, 400);
    }
    const saved = saveEvent(
      member,
      caseId,
      { eventId: eventId.success ? eventId.data : undefined, stamp, event: parsed.data },
      requestOrigin(request),
    );
    return redirectWithToast(request, `${back}#event-${saved.eventId}`, {
      kind: "success",
      message: msg(eventId.success ? "events.page.saved" : "events.page.added", { title: parsed.data.title }),
    });
  } catch (error) {
    if (error instanceof EventRejectedError)
      return fail(
        { errors: error.errors, values: echo(), eventId: eventId.success ? eventId.data : "" },
        error.status,
      );
    throw error;
  }
}

export default function CaseEvents() {
  const { t } = useTranslation();
  const eventDate = useEventDate();
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { caseStudy, timeline, workspaceId, codes, sources, editing, stamps } = loaderData;
  const caseUrl = `/w/${workspaceId}/cases/${caseStudy.id}`;
  const failedEdit = actionData?.eventId ? actionData.eventId : null;
  const editedId = failedEdit ?? editing?.id ?? null;
  const values = actionData?.values ?? editing?.values ?? {};
  const removing = navigation.formData?.get("intent") === "event.delete";
  return (
    <main id="main" className="page events-page">
      <nav aria-label={t("cases.page.breadcrumb")} className="breadcrumb">
        <Link to={`/w/${workspaceId}/cases`}>{t("common.nav.cases")}</Link> <span aria-hidden="true">›</span>{" "}
        <Link to={caseUrl}>{caseStudy.title}</Link> <span aria-hidden="true">›</span>
      </nav>
      <h1>{t("events.page.title")}</h1>
      <p className="muted">{t("events.page.intro")}</p>
      <div className="events-layout">
        <section aria-labelledby="events-list-heading" className="events-list-section">
          <h2 id="events-list-heading">{t("events.page.listHeading", { count: timeline.length })}</h2>
          {timeline.length === 0 ? (
            <p className="empty-state">{t("events.page.empty")}</p>
          ) : (
            <ol className="event-list event-list-editing">
              {timeline.map((event) => (
                <li
                  key={event.id}
                  id={`event-${event.id}`}
                  className={`event-item${event.id === editedId ? " is-editing" : ""}`}
                >
                  <p className="event-date">{eventDate(event)}</p>
                  <h3 className="event-title" dir="auto">
                    {event.title}
                  </h3>
                  {event.flags.some((flag) => flag.role === "outcome") ? (
                    <p className="event-flag">
                      <span aria-hidden="true">⚠ </span>
                      {t("events.page.flagged")}
                    </p>
                  ) : null}
                  <div className="event-tools">
                    <Link
                      to={`?edit=${event.id}#event-form`}
                      className="button button-secondary button-small"
                      aria-label={t("events.page.editNamed", { title: event.title })}
                    >
                      {t("events.page.edit")}
                    </Link>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="event.delete" />
                      <input type="hidden" name="eventId" value={event.id} />
                      <input type="hidden" name="stamp" value={stamps[event.id]} />
                      <button
                        type="submit"
                        className="button button-danger button-small"
                        disabled={removing}
                        aria-label={t("events.page.removeNamed", { title: event.title })}
                      >
                        {t("events.page.remove")}
                      </button>
                    </Form>
                  </div>
                </li>
              ))}
            </ol>
          )}
          <p>
            <Link to={caseUrl}>{t("events.page.backToCase")}</Link>
          </p>
        </section>
        <section aria-labelledby="event-form-heading" id="event-form" className="card event-form-card">
          <h2 id="event-form-heading">
            {editedId ? t("events.form.editHeading") : t("events.form.addHeading")}
          </h2>
          <EventForm
            key={editedId ?? "new"}
            values={values}
            errors={actionData?.errors ?? {}}
            codes={codes}
            sources={sources}
            eventId={editedId}
            stamp={editedId ? (stamps[editedId] ?? "") : ""}
            cancelTo={editedId ? "?" : null}
          />
        </section>
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
