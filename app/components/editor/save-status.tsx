import { useState } from "react";
import type { CollabState } from "./collab";

function describe(state: CollabState): { text: string; tone: "quiet" | "busy" | "ok" | "warn" | "error" } {
  if (state.refused) return { text: `Not connected: ${state.refused}`, tone: "error" };
  if (state.connection === "offline") return { text: "Offline — changes kept on this device", tone: "warn" };
  if (state.connection === "connecting" || !state.ready) return { text: "Connecting…", tone: "busy" };
  if (state.readOnly) return { text: "Read only: your role does not allow editing", tone: "warn" };
  if (state.unsynced > 0) return { text: "Saving…", tone: "busy" };
  return { text: "All changes saved", tone: "ok" };
}

/** Where the text stands (always visible above it), who else is editing, and "Save version". */
export function SaveStatusBar({
  state,
  onSaveVersion,
}: {
  state: CollabState;
  onSaveVersion: (note: string) => void;
}) {
  const { text, tone } = describe(state);
  const [naming, setNaming] = useState(false);
  const [note, setNote] = useState("");
  const canSave = state.connection === "online" && !state.readOnly && !state.refused;
  return (
    <div className="save-status-bar">
      <p className={`save-status save-status-${tone}`} role="status" aria-live="polite">
        {text}
      </p>
      {state.message ? <p className="save-status-message">{state.message}</p> : null}
      <section aria-label="Who is here" className="collab-people">
        {state.others.length === 0 ? (
          <span className="muted">Only you</span>
        ) : (
          <ul aria-label="Also editing">
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
            <span className="visually-hidden">Name of this version</span>
            <input
              value={note}
              maxLength={200}
              placeholder="Name (optional)"
              onChange={(event) => setNote(event.target.value)}
              autoFocus
            />
          </label>
          <button type="submit" className="button button-small" disabled={!canSave}>
            Save
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            onClick={() => setNaming(false)}
          >
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button button-small button-secondary"
          onClick={() => setNaming(true)}
          disabled={!canSave}
          title="Keep this text as a named revision"
        >
          Save version
        </button>
      )}
    </div>
  );
}
