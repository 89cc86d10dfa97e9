import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Field, FormError, SelectField } from "~/components/field";
import { ActorRejectedError, actorInputSchema, createActor, listActors } from "~/models/actors.server";
import { requestOrigin } from "~/models/audit.server";
import { ACTOR_DESCRIPTION_MAX, ACTOR_KINDS, ACTOR_NAME_MAX } from "~/rules/actor-names";
import timelineStyles from "~/styles/timeline.css?url";
import { parseForm } from "~/utils/forms";
import { requireWorkspaceMember } from "~/utils/guards.server";
import { getPageTitle } from "~/utils/i18n.server";
import { msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta = titleMeta;

const querySchema = z.object({
  q: z.string().trim().max(200).catch(""),
  kind: z.enum(ACTOR_KINDS).or(z.literal("")).catch(""),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const searchParams = new URL(request.url).searchParams;
  const query = querySchema.parse({ q: searchParams.get("q") ?? "", kind: searchParams.get("kind") ?? "" });
  return {
    pageTitle: await getPageTitle(request, "actors.list.metaTitle"),
    workspaceId: member.workspaceId,
    query,
    entries: listActors(member, query),
    canEdit: can(member, "registry.edit"),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "registry.edit");
  const formData = await request.formData();
  if (formData.get("intent") !== "actor.create")
    return data({ errors: { form: [msg("errors.unknownAction")] }, values: {} }, { status: 400 });
  const parsed = parseForm(formData, actorInputSchema);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    const { id } = createActor(member, parsed.data, requestOrigin(request));
    return redirectWithToast(request, `/w/${member.workspaceId}/actors/${id}`, {
      kind: "success",
      message: msg("actors.list.created", { name: parsed.data.name }),
    });
  } catch (error) {
    if (error instanceof ActorRejectedError)
      return data(
        { errors: error.errors, values: Object.fromEntries([...formData].map(([k, v]) => [k, String(v)])) },
        { status: error.status },
      );
    throw error;
  }
}

export default function ActorRegistry() {
  const { t } = useTranslation();
  const id = useId();
  const { entries, query, canEdit, workspaceId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = (actionData?.errors ?? {}) as Record<string, string[] | undefined>;
  const values = (actionData?.values ?? {}) as Record<string, string | undefined>;
  const base = `/w/${workspaceId}`;
  return (
    <main id="main" className="page actors-page">
      <div className="page-heading">
        <div>
          <h1>{t("actors.list.title")}</h1>
          <p className="muted">{t("actors.list.intro")}</p>
        </div>
        <div className="actions">
          <Link to={`${base}/mediators`} className="button button-secondary">
            {t("actors.list.whoMediated")}
          </Link>
        </div>
      </div>
      <Form method="get" className="actor-search" role="search" aria-label={t("actors.list.searchLabel")}>
        <label htmlFor={`${id}-q`}>{t("actors.list.searchLabel")}</label>{" "}
        <input id={`${id}-q`} type="search" name="q" defaultValue={query.q} maxLength={200} />{" "}
        <label htmlFor={`${id}-kind`}>{t("actors.list.kind")}</label>{" "}
        <select id={`${id}-kind`} name="kind" defaultValue={query.kind}>
          <option value="">{t("actors.list.anyKind")}</option>
          {ACTOR_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`actors.kinds.${kind}`)}
            </option>
          ))}
        </select>{" "}
        <button type="submit" className="button button-secondary">
          {t("actors.list.search")}
        </button>
      </Form>
      <section aria-labelledby="actors-heading">
        <h2 id="actors-heading">{t("actors.list.count", { count: entries.length })}</h2>
        {entries.length === 0 ? (
          <p className="empty-state">
            {query.q || query.kind ? t("actors.list.noMatch") : t("actors.list.empty")}
          </p>
        ) : (
          <ul className="actor-list">
            {entries.map((entry) => (
              <li key={entry.id}>
                <span>
                  <Link to={`${base}/actors/${entry.id}`} dir="auto">
                    {entry.name}
                  </Link>{" "}
                  <span className="actor-kind">{t(`actors.kinds.${entry.kind}`)}</span>
                  {entry.aliases.length ? (
                    <span className="muted actor-aliases" dir="auto">
                      {t("actors.list.alsoKnownAs", { names: entry.aliases.join(" · ") })}
                    </span>
                  ) : null}
                </span>
                <span className="muted actor-counts">
                  {[
                    entry.caseCount ? t("actors.list.asActor", { count: entry.caseCount }) : null,
                    entry.mediatorCount ? t("actors.list.asMediator", { count: entry.mediatorCount }) : null,
                    entry.eventCount ? t("actors.list.inEvents", { count: entry.eventCount }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ") || t("actors.list.namedNowhere")}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {canEdit ? (
        <section aria-labelledby="add-actor-heading" className="card">
          <h2 id="add-actor-heading">{t("actors.list.addHeading")}</h2>
          <p className="muted">{t("actors.list.addHint")}</p>
          <Form method="post" className="form" noValidate>
            <input type="hidden" name="intent" value="actor.create" />
            <FormError errors={errors.form} />
            <Field
              label={t("actors.form.name")}
              name="name"
              defaultValue={values.name}
              errors={errors.name}
              required
              maxLength={ACTOR_NAME_MAX}
            />
            <SelectField
              label={t("actors.form.kind")}
              name="kind"
              defaultValue={values.kind ?? "person"}
              errors={errors.kind}
              options={ACTOR_KINDS.map((kind) => ({ value: kind, label: t(`actors.kinds.${kind}`) }))}
            />
            <Field
              label={t("actors.form.description")}
              name="description"
              defaultValue={values.description}
              errors={errors.description}
              multiline
              maxLength={ACTOR_DESCRIPTION_MAX}
            />
            <div className="actions">
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {t("actors.list.add")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
