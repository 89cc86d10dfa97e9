import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { VERSION_NOTE_MAX } from "~/rules/limits";
import { translateMessage } from "~/utils/messages";
import { type CollabState, collabMessageText } from "./collab";

function describe(
  t: TFunction,
  state: CollabState,
): { text: string; tone: "quiet" | "busy" | "ok" | "warn" | "error" } {
  if (state.refused)
    return {
      text: t("editor.collab.notConnected", { reason: translateMessage(t, state.refused) }),
      tone: "error",
    };
  if (state.connection === "offline") return { text: t("editor.collab.offline"), tone: "warn" };
  if (state.connection === "connecting" || !state.ready)
    return { text: t("editor.collab.connecting"), tone: "busy" };
  if (state.readOnly) return { text: t("editor.collab.readOnly"), tone: "warn" };
  if (state.unsynced > 0) return { text: t("editor.collab.saving"), tone: "busy" };
  return { text: t("editor.collab.saved"), tone: "ok" };
}

/** Where the text stands (always visible above it), who else is editing, and "Save version". */
export function SaveStatusBar({
  state,
  onSaveVersion,
}: {
  state: CollabState;
  onSaveVersion: (note: string) => void;
}) {
  const { t } = useTranslation();
  const { text, tone } = describe(t, state);
  const [naming, setNaming] = useState(false);
  const [note, setNote] = useState("");
  const canSave = state.connection === "online" && !state.readOnly && !state.refused;
  return (
    <div className="save-status-bar">
      <p className={`save-status save-status-${tone}`} role="status" aria-live="polite">
        {text}
      </p>
      {state.message ? <p className="save-status-message">{collabMessageText(t, state.message)}</p> : null}
      <section aria-label={t("editor.collab.whoIsHere")} className="collab-people">
        {state.others.length === 0 ? (
          <span className="muted">{t("editor.collab.onlyYou")}</span>
        ) : (
          <ul aria-label={t("editor.collab.alsoEditing")}>
            {state.others.map((person) => (
              <li key={person.id} style={{ "--caret-color": person.color } as React.CSSProperties}>
                {person.name}
              </li>
            ))}
          </ul>
        )}
      </section>
      {naming ? (
        <form
          className="save-version-form"
          onSubmit={(event) => {
            event.preventDefault();
            onSaveVersion(note);
            setNaming(false);
            setNote("");
          }}
        >
          <label>
            <span className="visually-hidden">{t("editor.collab.versionName")}</span>
            <input
              value={note}
              maxLength={VERSION_NOTE_MAX}
              placeholder={t("editor.collab.versionNamePlaceholder")}
              onChange={(event) => setNote(event.target.value)}
              autoFocus
            />
          </label>
          <button type="submit" className="button button-small" disabled={!canSave}>
            {t("common.save")}
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => setNaming(false)}
          >
            {t("common.cancel")}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => setNaming(true)}
          disabled={!canSave}
          title={t("editor.collab.saveVersionTitle")}
        >
          {t("editor.collab.saveVersion")}
        </button>
      )}
    </div>
  );
}
