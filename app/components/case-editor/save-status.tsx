import { useState } from "react";
import { useTranslation } from "react-i18next";
import { VERSION_NOTE_MAX } from "~/rules/limits";
import { type MessageKey, translateMessage } from "~/utils/messages";
import { type CollabState, collabMessageText } from "./collab";

type Tone = "quiet" | "busy" | "ok" | "warn" | "error";

/**
 * Where the text stands, as a catalogue key. "All changes saved" only once the server has said it stored
 * every change made on this page: acknowledged is not stored (ADR 0007).
 */
export function saveStatus(state: CollabState): { key: MessageKey; tone: Tone } {
  if (state.refused) return { key: "editor.collab.notConnected", tone: "error" };
  if (state.changeRefused) return { key: "editor.collab.changeRefused", tone: "error" };
  if (state.connection === "offline") return { key: "editor.collab.offline", tone: "warn" };
  if (state.connection === "connecting" || !state.ready)
    return { key: "editor.collab.connecting", tone: "busy" };
  if (state.readOnly) return { key: "editor.collab.readOnly", tone: "warn" };
  if (state.unsynced > 0 || state.unstored)
    return state.storeProblem
      ? { key: "editor.collab.storeRefused", tone: "error" }
      : { key: "editor.collab.saving", tone: "busy" };
  return { key: "editor.collab.saved", tone: "ok" };
}

/** Where the text stands (always visible above it), who else is editing, and "Save version". */
export function SaveStatusBar({
  state,
  onSaveVersion,
  onDiscardDeviceCopy,
}: {
  state: CollabState;
  onSaveVersion: (note: string) => void;
  /** Forgets this device's copy of the text and reloads the page from the server. */
  onDiscardDeviceCopy?: () => void;
}) {
  const { t } = useTranslation();
  const { key, tone } = saveStatus(state);
  const text =
    key === "editor.collab.notConnected"
      ? t(key, { reason: translateMessage(t, state.refused ?? "") })
      : t(key);
  // What the person can do when the text is not stored, under the status.
  const problem = state.changeRefused
    ? { details: state.changeRefused, advice: t("editor.collab.changeRefusedAdvice") }
    : state.storeProblem && (state.unstored || state.unsynced > 0)
      ? { details: state.storeProblem, advice: t("editor.collab.storeRefusedAdvice") }
      : null;
  const [naming, setNaming] = useState(false);
  const [note, setNote] = useState("");
  const canSave = state.connection === "online" && !state.readOnly && !state.refused && !state.changeRefused;
  return (
    <div className="save-status-bar">
      <p className={`save-status save-status-${tone}`} role="status" aria-live="polite">
        {text}
      </p>
      {problem ? (
        <div className="save-status-problem" role="alert">
          <p>{[...problem.details.map((detail) => translateMessage(t, detail)), problem.advice].join(" ")}</p>
          {state.changeRefused && onDiscardDeviceCopy ? (
            <button type="button" className="button button-small button-danger" onClick={onDiscardDeviceCopy}>
              {t("editor.collab.discardDeviceCopy")}
            </button>
          ) : null}
        </div>
      ) : state.message ? (
        <p className="save-status-message">{collabMessageText(t, state.message)}</p>
      ) : null}
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
