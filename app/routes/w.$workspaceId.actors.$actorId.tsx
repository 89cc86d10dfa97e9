import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";

import { useTranslation } from "react-i18next";
import { z } from "zod";
import { usePeriod } from "~/components/case-labels";
import { Field, FormError, SelectField } from "~/components/field";
import { useEventDate } from "~/components/timeline/event-date";
import {
  ActorRejectedError,
  actorInputSchema,
  actorNameSchema,
  addActorName,
  addAffiliation,
  affiliationSchema,
  deleteActor,
  getActor,
  mergeActor,
  otherActors,
  removeActorName,
  removeAffiliation,
  updateActor,
} from "~/models/actors.server";
import { requestOrigin } from "~/models/audit.server";
import { cachedSources } from "~/models/derived-cache.server";
import { ACTOR_DESCRIPTION_MAX, ACTOR_KINDS, ACTOR_NAME_MAX } from "~/rules/actor-names";
import { RECORD_ID, recordIdSchema } from "~/rules/ids";
import timelineStyles from "~/styles/timeline.css?url";
import { parseForm } from "~/utils/forms";
import { requireId, requireWorkspaceMember } from "~/utils/guards.server";
import { getT } from "~/utils/i18n.server";
import { type Message, msg } from "~/utils/messages";
import { titleMeta } from "~/utils/meta";
import { can, notFound, requirePermission } from "~/utils/permissions.server";
import { redirectWithToast } from "~/utils/toast.server";

export const links = () => [{ rel: "stylesheet", href: timelineStyles }];

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  const actorId = requireId(params, "actorId");
  const actor = getActor(member, actorId);
  const canEdit = can(member, "registry.edit");
  const t = await getT(request);
  return {
    pageTitle: t("common.pageTitle", { title: actor.entry.name }),
    workspaceId: member.workspaceId,
    ...actor,
    canEdit,
    others: canEdit ? otherActors(member, actorId) : [],
    sources: canEdit ? cachedSources(member).map(({ id, title }) => ({ id, title })) : [],
  };
}

const recordId = recordIdSchema();
const nameId = z.coerce.number().int().positive();
const mergeSchema = z.object({
  targetId: z
    .string({ error: msg("actors.errors.pickTarget") })
    .regex(RECORD_ID, msg("actors.errors.pickTarget")),
});

type Failure = { intent: string; errors: Record<string, string[]>; values: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const { member } = await requireWorkspaceMember(request, params);
  requirePermission(member, "registry.edit");
  const actorId = requireId(params, "actorId");
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
  const origin = requestOrigin(request);
  const here = `/w/${member.workspaceId}/actors/${actorId}`;
  const fail = (errors: Record<string, string[]>, status = 400) =>
    data({ intent, errors, values } satisfies Failure, { status });
  const done = (message: Message, to = here) => redirectWithToast(request, to, { kind: "success", message });
  try {
    switch (intent) {
      case "actor.update": {
        const parsed = parseForm(formData, actorInputSchema);
        if (!parsed.ok) return fail(parsed.errors);
        updateActor(member, actorId, parsed.data, origin);
        return done(msg("actors.entry.saved"));
      }
      case "name.add": {
        const parsed = parseForm(formData, actorNameSchema);
        if (!parsed.ok) return fail(parsed.errors);
        addActorName(member, actorId, parsed.data, origin);
        return done(msg("actors.entry.nameAdded", { name: parsed.data.alias }));
      }
      case "name.remove": {
        const parsed = nameId.safeParse(formData.get("nameId"));
        if (!parsed.success) throw notFound(msg("actors.errors.nameNotFound"));
        removeActorName(member, actorId, parsed.data, origin);
        return done(msg("actors.entry.nameRemoved"));
      }
      case "affiliation.add": {
        const parsed = parseForm(formData, affiliationSchema);
        if (!parsed.ok) return fail(parsed.errors);
        addAffiliation(member, actorId, parsed.data, origin);
        return done(msg("actors.entry.affiliationAdded"));
      }
      case "affiliation.remove": {
        const parsed = recordId.safeParse(formData.get("affiliationId"));
        if (!parsed.success) throw notFound(msg("actors.errors.affiliationNotFound"));
        removeAffiliation(member, actorId, parsed.data, origin);
        return done(msg("actors.entry.affiliationRemoved"));
      }
      case "actor.merge": {
        const parsed = parseForm(formData, mergeSchema);
        if (!parsed.ok) return fail(parsed.errors);
        const merged = mergeActor(member, actorId, parsed.data.targetId, origin);
        return done(
          msg("actors.entry.merged", { name: merged.name, target: merged.targetName }),
          `/w/${member.workspaceId}/actors/${parsed.data.targetId}`,
        );
      }
      case "actor.delete": {
        const deleted = deleteActor(member, actorId, origin);
        return done(msg("actors.entry.deleted", { name: deleted.name }), `/w/${member.workspaceId}/actors`);
      }
      default:
        return fail({ form: [msg("errors.unknownAction")] });
    }
  } catch (error) {
    if (error instanceof ActorRejectedError) return fail(error.errors, error.status);
    throw error;
  }
}

function yearsText(
  row: { startYear: number | null; startCirca: boolean; endYear: number | null; endCirca: boolean },
  period: ReturnType<typeof usePeriod>,
) {
  if (row.startYear === null && row.endYear === null) return "";
  return period({
    periodStart: row.startYear,
    periodStartCirca: row.startCirca,
    periodEnd: row.endYear,
    periodEndCirca: row.endCirca,
  });
}

export default function ActorEntry() {
  const { t } = useTranslation();
  const period = usePeriod();
  const eventDate = useEventDate();
  const { entry, names, affiliations, cases, events, named, canEdit, others, sources, workspaceId } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const failed = (intent: string) => (actionData?.intent === intent ? actionData : null);
  const errorsOf = (intent: string) => (failed(intent)?.errors ?? {}) as Record<string, string[] | undefined>;
  const valuesOf = (intent: string) => (failed(intent)?.values ?? {}) as Record<string, string | undefined>;
  const base = `/w/${workspaceId}`;
  const ownKey = entry.name;
  const groups = others.filter((other) => other.kind !== "person");
  return (
    <main id="main" className="page actor-page">
      <nav aria-label={t("actors.entry.breadcrumb")} className="breadcrumb">
        <Link to={`${base}/actors`}>{t("common.nav.actors")}</Link> <span aria-hidden="true">›</span>
      </nav>
      <div className="page-heading">
        <div>
          <h1 dir="auto">{entry.name}</h1>
          <p className="case-meta">
            <span className="actor-kind">{t(`actors.kinds.${entry.kind}`)}</span>
          </p>
        </div>
        <div className="actions">
          {cases.length ? (
            <Link to={`${base}/cases?actor=${entry.id}`} className="button button-secondary">
              {t("actors.entry.casesInLibrary")}
            </Link>
          ) : null}
          {cases.length ? (
            <Link to={`${base}/timeline?actor=${entry.id}`} className="button button-secondary">
              {t("actors.entry.onTimeline")}
            </Link>
          ) : null}
        </div>
      </div>
      {entry.description ? (
        <p className="lead" dir="auto">
          {entry.description}
        </p>
      ) : null}
      <div className="actor-layout">
        <div>
          <section aria-labelledby="actor-cases-heading">
            <h2 id="actor-cases-heading">{t("actors.entry.cases", { count: cases.length })}</h2>
            {cases.length === 0 ? (
              <p className="muted">{t("actors.entry.noCases")}</p>
            ) : (
              <div className="table-wrap">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t("actors.entry.case")}</th>
                      <th scope="col">{t("actors.entry.role")}</th>
                      <th scope="col">{t("actors.entry.period")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {cases.map((item) => (
                      <tr key={item.id}>
                        <td>
                          <Link to={`${base}/cases/${item.id}`}>{item.title}</Link>
                          <span className="muted"> · {item.regions.join(", ")}</span>
                        </td>
                        <td>{item.roles.map((role) => t(`actors.roles.${role}`)).join(" · ")}</td>
                        <td>{period(item)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="actor-events-heading">
            <h2 id="actor-events-heading">{t("actors.entry.events", { count: events.length })}</h2>
            {events.length === 0 ? (
              <p className="muted">{t("actors.entry.noEvents")}</p>
            ) : (
              <ol className="event-list">
                {events.map((event) => (
                  <li key={`${event.caseId}-${event.id}`} className="event-item">
                    <p className="event-date">{eventDate(event)}</p>
                    <p className="event-title">
                      <Link to={`${base}/cases/${event.caseId}#event-${event.id}`} dir="auto">
                        {event.title}
                      </Link>
                    </p>
                    <p className="muted event-description">{event.caseTitle}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <div>
          <section aria-labelledby="actor-names-heading" className="card actor-card">
            <h2 id="actor-names-heading">{t("actors.entry.names")}</h2>
            <ul className="actor-names">
              {names.map((name) => (
                <li key={name.id}>
                  <span dir="auto" lang={name.language || undefined}>
                    {name.name}
                    {name.language ? <span className="muted"> ({name.language})</span> : null}
                  </span>
                  {canEdit && name.name !== ownKey ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="name.remove" />
                      <input type="hidden" name="nameId" value={name.id} />
                      <button
                        type="submit"
                        className="text-button text-danger"
                        aria-label={t("actors.entry.removeNameNamed", { name: name.name })}
                      >
                        {t("actors.entry.removeName")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            <FormError errors={errorsOf("name.remove").form} />
            {canEdit ? (
              <Form method="post" className="form compact-form" noValidate>
                <input type="hidden" name="intent" value="name.add" />
                <Field
                  label={t("actors.entry.alias")}
                  name="alias"
                  hint={t("actors.entry.aliasHint")}
                  defaultValue={valuesOf("name.add").alias}
                  errors={errorsOf("name.add").alias}
                  maxLength={ACTOR_NAME_MAX}
                />
                <Field
                  label={t("actors.entry.aliasLanguage")}
                  name="language"
                  hint={t("actors.entry.aliasLanguageHint")}
                  defaultValue={valuesOf("name.add").language}
                  errors={errorsOf("name.add").language}
                  maxLength={40}
                />
                <button type="submit" className="button button-secondary button-small" disabled={busy}>
                  {t("actors.entry.addName")}
                </button>
              </Form>
            ) : null}
          </section>
          <section aria-labelledby="actor-affiliations-heading" className="card actor-card">
            <h2 id="actor-affiliations-heading">{t("actors.entry.affiliations")}</h2>
            {affiliations.length === 0 ? (
              <p className="muted">{t("actors.entry.noAffiliations")}</p>
            ) : (
              <ul className="actor-names">
                {affiliations.map((row) => (
                  <li key={row.id}>
                    <span>
                      {t(row.direction === "memberOf" ? "actors.entry.memberOf" : "actors.entry.hasMember", {
                        role: row.role || t("actors.entry.noRole"),
                      })}{" "}
                      <Link to={`${base}/actors/${row.otherId}`} dir="auto">
                        {row.otherName}
                      </Link>
                      {yearsText(row, period) ? <span> · {yearsText(row, period)}</span> : null}
                      {row.wording ? (
                        <span className="muted" dir="auto">
                          {" "}
                          · {row.wording}
                        </span>
                      ) : null}
                      {row.sourceId ? (
                        <span className="muted">
                          {" "}
                          ·{" "}
                          <Link to={`${base}/sources/${row.sourceId}`}>
                            {row.sourceTitle ?? t("cases.page.sourceGone")}
                          </Link>
                          {row.locator ? `, ${row.locator}` : ""}
                        </span>
                      ) : null}
                    </span>
                    {canEdit ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="affiliation.remove" />
                        <input type="hidden" name="affiliationId" value={row.id} />
                        <button type="submit" className="text-button text-danger">
                          {t("actors.entry.removeAffiliation")}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {canEdit && groups.length ? (
              <details className="entry-tool" open={Boolean(failed("affiliation.add"))}>
                <summary className="text-button">{t("actors.entry.addAffiliation")}</summary>
                <Form method="post" className="form compact-form" noValidate>
                  <input type="hidden" name="intent" value="affiliation.add" />
                  <SelectField
                    label={t("actors.entry.group")}
                    name="groupId"
                    defaultValue={valuesOf("affiliation.add").groupId ?? ""}
                    errors={errorsOf("affiliation.add").groupId}
                    placeholder={t("actors.entry.pickGroup")}
                    options={groups.map((group) => ({ value: group.id, label: group.name }))}
                  />
                  <Field
                    label={t("actors.entry.affiliationRole")}
                    name="role"
                    defaultValue={valuesOf("affiliation.add").role}
                    errors={errorsOf("affiliation.add").role}
                  />
                  <div className="event-date-row">
                    <Field
                      label={t("actors.entry.from")}
                      name="startYear"
                      inputMode="numeric"
                      defaultValue={valuesOf("affiliation.add").startYear}
                      errors={errorsOf("affiliation.add").startYear}
                    />
                    <Field
                      label={t("actors.entry.to")}
                      name="endYear"
                      inputMode="numeric"
                      defaultValue={valuesOf("affiliation.add").endYear}
                      errors={errorsOf("affiliation.add").endYear}
                    />
                  </div>
                  <label className="checkbox">
                    <input type="checkbox" name="startCirca" /> {t("actors.entry.startCirca")}
                  </label>{" "}
                  <label className="checkbox">
                    <input type="checkbox" name="endCirca" /> {t("actors.entry.endCirca")}
                  </label>
                  <Field
                    label={t("actors.entry.wording")}
                    name="wording"
                    hint={t("actors.entry.wordingHint")}
                    defaultValue={valuesOf("affiliation.add").wording}
                    errors={errorsOf("affiliation.add").wording}
                  />
                  <SelectField
                    label={t("actors.entry.source")}
                    name="sourceId"
                    defaultValue={valuesOf("affiliation.add").sourceId ?? ""}
                    errors={errorsOf("affiliation.add").sourceId}
                    placeholder={t("actors.entry.noSource")}
                    options={sources.map((source) => ({ value: source.id, label: source.title }))}
                  />
                  <Field
                    label={t("actors.entry.locator")}
                    name="locator"
                    defaultValue={valuesOf("affiliation.add").locator}
                    errors={errorsOf("affiliation.add").locator}
                  />
                  <button type="submit" className="button button-secondary button-small" disabled={busy}>
                    {t("actors.entry.saveAffiliation")}
                  </button>
                </Form>
              </details>
            ) : null}
          </section>
          {canEdit ? (
            <section aria-labelledby="actor-edit-heading" className="card actor-card">
              <h2 id="actor-edit-heading">{t("actors.entry.editHeading")}</h2>
              <Form method="post" className="form compact-form" noValidate>
                <input type="hidden" name="intent" value="actor.update" />
                <FormError errors={errorsOf("actor.update").form} />
                <Field
                  label={t("actors.form.name")}
                  name="name"
                  hint={t("actors.entry.renameHint")}
                  defaultValue={valuesOf("actor.update").name ?? entry.name}
                  errors={errorsOf("actor.update").name}
                  maxLength={ACTOR_NAME_MAX}
                />
                <SelectField
                  label={t("actors.form.kind")}
                  name="kind"
                  defaultValue={valuesOf("actor.update").kind ?? entry.kind}
                  errors={errorsOf("actor.update").kind}
                  options={ACTOR_KINDS.map((kind) => ({ value: kind, label: t(`actors.kinds.${kind}`) }))}
                />
                <Field
                  label={t("actors.form.description")}
                  name="description"
                  defaultValue={valuesOf("actor.update").description ?? entry.description}
                  errors={errorsOf("actor.update").description}
                  multiline
                  maxLength={ACTOR_DESCRIPTION_MAX}
                />
                <button type="submit" className="button button-small" disabled={busy}>
                  {t("actors.entry.save")}
                </button>
              </Form>
              {others.length ? (
                <Form method="post" className="form compact-form merge-form" noValidate>
                  <input type="hidden" name="intent" value="actor.merge" />
                  <SelectField
                    label={t("actors.entry.mergeInto")}
                    name="targetId"
                    hint={t("actors.entry.mergeHint", { name: entry.name })}
                    defaultValue=""
                    errors={errorsOf("actor.merge").targetId}
                    placeholder={t("actors.entry.pickTarget")}
                    options={others.map((other) => ({ value: other.id, label: other.name }))}
                  />
                  <button type="submit" className="button button-secondary button-small" disabled={busy}>
                    {t("actors.entry.merge")}
                  </button>
                </Form>
              ) : null}
              {named ? (
                <p className="muted">{t("actors.entry.cannotDelete")}</p>
              ) : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="actor.delete" />
                  <FormError errors={errorsOf("actor.delete").form} />
                  <button type="submit" className="button button-danger button-small">
                    {t("actors.entry.delete")}
                  </button>
                </Form>
              )}
            </section>
          ) : null}
        </div>
      </div>
    </main>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-page";
