import { Form, useNavigation } from "@remix-run/react";
import { FormError } from "~/components/field";

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
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "confidentiality";
  const others = access.people.filter((person) => !person.owner);
  const owners = access.people.filter((person) => person.owner);
  return (
    <Form method="post" className="card form confidentiality-form" aria-labelledby="confidentiality-heading">
      <h2 id="confidentiality-heading">Confidentiality</h2>
      <FormError errors={errors} />
      <input type="hidden" name="intent" value="confidentiality" />
      <label className="checkbox">
        <input type="checkbox" name="confidential" defaultChecked={access.confidential} /> Confidential: only
        owners and the members ticked below can see this case
      </label>
      <p className="field-hint">
        Everyone else in the workspace will not find it anywhere: not in the list, search, matrix,
        comparisons, codebook, exports or notifications. Each opening of a confidential case is written to the
        audit log.
      </p>
      <fieldset>
        <legend>Members who may see it</legend>
        <p className="field-hint">
          Owners always can: {owners.map((person) => person.name).join(", ") || "none"}.
        </p>
        {others.length === 0 ? (
          <p className="muted">No other members in this workspace.</p>
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
                  {person.name} <span className="muted">({person.role})</span>
                  {person.userId === myUserId ? <span className="muted"> — you, always kept</span> : null}
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
          {busy ? "Saving…" : "Save confidentiality"}
        </button>
      </div>
    </Form>
  );
}
