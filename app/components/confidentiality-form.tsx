import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormError } from "~/components/field";
import { ROLES, type Role } from "~/models/domain";

type Person = { userId: string; name: string; role: string; listed: boolean; owner: boolean };

/**
 * Marks a case confidential and lists who may read it (ADR 0008). Owners always may; the person marking
 * it is kept on the list by the server, so nobody locks themselves out.
 */
export function ConfidentialityForm({
  access,
  myUserId,
  errors,
}: {
  access: { confidential: boolean; people: Person[] };
  myUserId: string;
  errors?: string[];
}) {
  const { t } = useTranslation();
  const roleName = (role: string) =>
    ROLES.includes(role as Role) ? t(`common.roles.${role as Role}`) : role;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "confidentiality";
  const others = access.people.filter((person) => !person.owner);
  const owners = access.people.filter((person) => person.owner);
  return (
    <Form method="post" className="card form confidentiality-form" aria-labelledby="confidentiality-heading">
      <h2 id="confidentiality-heading">{t("cases.confidentiality.title")}</h2>
      <FormError errors={errors} />
      <input type="hidden" name="intent" value="confidentiality" />
      <label className="checkbox">
        <input type="checkbox" name="confidential" defaultChecked={access.confidential} />{" "}
        {t("cases.confidentiality.checkbox")}
      </label>
      <p className="field-hint">{t("cases.confidentiality.hint")}</p>
      <fieldset>
        <legend>{t("cases.confidentiality.readers")}</legend>
        <p className="field-hint">
          {t("cases.confidentiality.ownersAlways", {
            names: owners.map((person) => person.name).join(", ") || t("cases.confidentiality.noOwners"),
          })}
        </p>
        {others.length === 0 ? (
          <p className="muted">{t("cases.confidentiality.noOtherMembers")}</p>
        ) : (
          <ul className="reader-list">
            {others.map((person) => (
              <li key={person.userId}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    name="readers"
                    value={person.userId}
                    defaultChecked={person.listed || person.userId === myUserId}
                    disabled={person.userId === myUserId}
                  />{" "}
                  {person.name} <span className="muted">({roleName(person.role)})</span>
                  {person.userId === myUserId ? (
                    <span className="muted">{t("cases.confidentiality.you")}</span>
                  ) : null}
                </label>
                {person.userId === myUserId ? (
                  <input type="hidden" name="readers" value={person.userId} />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t("cases.confidentiality.saving") : t("cases.confidentiality.save")}
        </button>
      </div>
    </Form>
  );
}
