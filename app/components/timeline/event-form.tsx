import { Form, Link, useNavigation } from "@remix-run/react";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/field";
import {
  EVENT_DESCRIPTION_MAX,
  EVENT_LOCATOR_MAX,
  EVENT_TITLE_MAX,
  EVENT_WORDING_MAX,
  MAX_EVENT_CITATIONS,
} from "~/models/event-fields";
import { useMessage } from "~/utils/messages";

type Values = Record<string, string | string[] | undefined>;
type CodeChoice = { id: string; kind: string; label: string; shortName: string; color: string };

const one = (value: string | string[] | undefined) =>
  Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
const many = (value: string | string[] | undefined) => (Array.isArray(value) ? value : value ? [value] : []);

/**
 * Adds or edits a dated event. Works without JavaScript: citation rows are the event's own plus empty ones
 * (a row without a source is ignored); with JavaScript, "Add a citation" adds rows as needed.
 */
export function EventForm({
  values,
  errors,
  codes,
  sources,
  eventId,
  stamp,
  cancelTo,
}: {
  values: Values;
  errors: Record<string, string[] | undefined>;
  codes: CodeChoice[];
  sources: Array<{ id: string; title: string }>;
  eventId: string | null;
  stamp: string;
  cancelTo: string | null;
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  const id = useId();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "event.save";
  const sourceIds = many(values.citationSource);
  const locators = many(values.citationLocator);
  const [rows, setRows] = useState(() => Math.min(MAX_EVENT_CITATIONS, Math.max(1, sourceIds.length + 1)));
  const checked = new Set(many(values.codeId));
  const codeGroups = [
    { heading: t("events.form.preconditions"), codes: codes.filter((code) => code.kind === "precondition") },
    { heading: t("events.form.outcomes"), codes: codes.filter((code) => code.kind === "outcome") },
  ];
  return (
    <Form method="post" className="form event-form" noValidate>
      <input type="hidden" name="intent" value="event.save" />
      {eventId ? <input type="hidden" name="eventId" value={eventId} /> : null}
      {eventId ? <input type="hidden" name="stamp" value={stamp} /> : null}
      <FormError errors={errors.form} />
      <Field
        label={t("events.form.title")}
        name="title"
        defaultValue={one(values.title)}
        errors={errors.title}
        required
        maxLength={EVENT_TITLE_MAX}
      />
      <fieldset className="event-date-fields">
        <legend>{t("events.form.date")}</legend>
        <p className="field-hint">{t("events.form.dateHint")}</p>
        <div className="event-date-row">
          <Field
            label={t("events.form.start")}
            name="start"
            defaultValue={one(values.start)}
            errors={errors.start}
            inputMode="numeric"
            placeholder="2012-03"
          />
          <Field
            label={t("events.form.end")}
            name="end"
            defaultValue={one(values.end)}
            errors={errors.end}
            inputMode="numeric"
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="circa" defaultChecked={one(values.circa) === "on"} />{" "}
          {t("events.form.circa")}
        </label>
        <Field
          label={t("events.form.wording")}
          name="wording"
          hint={t("events.form.wordingHint")}
          defaultValue={one(values.wording)}
          errors={errors.wording}
          maxLength={EVENT_WORDING_MAX}
        />
      </fieldset>
      <Field
        label={t("events.form.description")}
        name="description"
        defaultValue={one(values.description)}
        errors={errors.description}
        multiline
        rows={3}
        maxLength={EVENT_DESCRIPTION_MAX}
      />
      <Field
        label={t("events.form.actors")}
        name="actors"
        hint={t("events.form.actorsHint")}
        defaultValue={one(values.actors)}
        errors={errors.actors}
        multiline
        rows={3}
      />
      <fieldset className={`event-codes-field${errors.codeId?.length ? " field-invalid" : ""}`}>
        <legend>{t("events.form.codes")}</legend>
        <p className="field-hint">{t("events.form.codesHint")}</p>
        <div className="event-code-choices">
          {codeGroups.map((group) =>
            group.codes.length ? (
              <div key={group.heading} className="event-code-group">
                <p className="facet-heading">{group.heading}</p>
                {group.codes.map((code) => (
                  <label key={code.id} className="checkbox">
                    <input
                      type="checkbox"
                      name="codeId"
                      value={code.id}
                      defaultChecked={checked.has(code.id)}
                    />{" "}
                    {code.label} <span className="muted short-name">{code.shortName}</span>
                  </label>
                ))}
              </div>
            ) : null,
          )}
        </div>
        {errors.codeId?.length ? (
          <p className="field-error" role="alert">
            {errors.codeId.map(tm).join(" ")}
          </p>
        ) : null}
      </fieldset>
      <fieldset className={`event-citations${errors.citations?.length ? " field-invalid" : ""}`}>
        <legend>{t("events.form.citations")}</legend>
        <p className="field-hint">{t("events.form.citationsHint")}</p>
        {Array.from({ length: rows }, (_, index) => (
          <div key={index} className="citation-row">
            <div className="field">
              <label htmlFor={`${id}-source-${index}`}>{t("events.form.source", { n: index + 1 })}</label>
              <select
                id={`${id}-source-${index}`}
                name="citationSource"
                defaultValue={sourceIds[index] ?? ""}
              >
                <option value="">{t("events.form.noSource")}</option>
                {sources.map((source) => (
                  <option key={source.id} value={source.id}>
                    {source.title}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-locator-${index}`}>{t("events.form.locator", { n: index + 1 })}</label>
              <input
                id={`${id}-locator-${index}`}
                name="citationLocator"
                defaultValue={locators[index] ?? ""}
                maxLength={EVENT_LOCATOR_MAX}
              />
            </div>
          </div>
        ))}
        {rows < MAX_EVENT_CITATIONS ? (
          <button type="button" className="text-button" onClick={() => setRows((n) => n + 1)}>
            {t("events.form.addCitation")}
          </button>
        ) : null}
        {errors.citations?.length ? (
          <p className="field-error" role="alert">
            {errors.citations.map(tm).join(" ")}
          </p>
        ) : null}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("events.form.saving") : eventId ? t("events.form.save") : t("events.form.add")}
        </button>
        {cancelTo ? (
          <Link to={cancelTo} className="button button-secondary">
            {t("common.cancel")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
