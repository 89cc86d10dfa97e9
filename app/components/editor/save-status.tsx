import type { SaveStatus } from "./use-case-saver";

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function describe(status: SaveStatus): { text: string; tone: "quiet" | "busy" | "ok" | "warn" | "error" } {
  switch (status.kind) {
    case "unchanged":
      return { text: "No changes yet", tone: "quiet" };
    case "pending":
      return { text: "Unsaved changes", tone: "quiet" };
    case "saving":
      return status.slow
        ? { text: "Still saving… the connection is slow; your text stays here.", tone: "warn" }
        : { text: "Saving…", tone: "busy" };
    case "saved":
      return { text: `Saved ${formatTime(status.at)}`, tone: "ok" };
    case "offline":
      return {
        text: "Offline — not saved. Your text stays here; saving resumes when you are back online.",
        tone: "warn",
      };
    case "failed":
      return { text: `Could not save: ${status.message}`, tone: "error" };
    case "conflict":
      return { text: "Not saved: someone else saved first. Choose below what to keep.", tone: "error" };
  }
}

/** Where the save stands, always visible in the toolbar, with a way to save at once. */
export function SaveStatusBar({
  status,
  dirty,
  onSave,
}: {
  status: SaveStatus;
  dirty: boolean;
  onSave: () => void;
}) {
  const { text, tone } = describe(status);
  return (
    <div className="save-status-bar">
      <p className={`save-status save-status-${tone}`} role="status" aria-live="polite">
        {text}
      </p>
      <button
        type="button"
        className="button button-small button-secondary"
        onClick={onSave}
        disabled={!dirty || status.kind === "saving" || status.kind === "conflict"}
        title="Save now (Ctrl+S)"
        aria-keyshortcuts="Control+S Meta+S"
      >
        Save now
      </button>
    </div>
  );
}
