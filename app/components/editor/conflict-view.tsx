import type { JSONContent } from "@tiptap/core";
import { useEffect, useMemo, useRef } from "react";
import { diffRevisions, type TextChange } from "~/editor";
import { formatTime } from "./save-status";
import type { Conflict } from "./types";

// Unchanged stretches are shortened to their ends so that the changes stay in view.
const CONTEXT_CHARS = 80;

function shorten(change: TextChange, first: boolean, last: boolean): string {
  const { value } = change;
  if (value.length <= CONTEXT_CHARS * 2 + 20) return value;
  const head = first ? "" : value.slice(0, CONTEXT_CHARS);
  const tail = last ? "" : value.slice(-CONTEXT_CHARS);
  return `${head} … ${tail}`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/**
 * Someone else saved while this person was editing. Their text stays in the editor; this panel shows
 * what differs and lets them choose. Nothing is overwritten without a click.
 */
export function ConflictView(props: {
  theirs: Conflict;
  mine: JSONContent | null;
  busy: boolean;
  onSaveMine: () => void;
  onLoadTheirs: () => void;
}) {
  const { theirs, mine } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const diff = useMemo(() => {
    if (!mine) return null;
    try {
      return diffRevisions(theirs.doc, mine);
    } catch {
      return null;
    }
  }, [theirs.doc, mine]);
  const changed = diff?.text.filter((change) => change.kind !== "same") ?? [];
  const markChanges = diff
    ? [
        diff.tagsAdded.length ? `${plural(diff.tagsAdded.length, "tag")} only in yours` : "",
        diff.tagsRemoved.length ? `${plural(diff.tagsRemoved.length, "tag")} only in theirs` : "",
        diff.citationsAdded.length ? `${plural(diff.citationsAdded.length, "citation")} only in yours` : "",
        diff.citationsRemoved.length
          ? `${plural(diff.citationsRemoved.length, "citation")} only in theirs`
          : "",
      ].filter(Boolean)
    : [];

  const confirmLoad = () => {
    if (
      window.confirm(
        `Discard your changes and load the version ${theirs.savedBy} saved? Your text in this editor will be replaced.`,
      )
    ) {
      props.onLoadTheirs();
    }
  };

  return (
    <section className="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" ref={heading} tabIndex={-1}>
        {theirs.savedBy} saved this case at {formatTime(theirs.savedAt)} while you were editing
      </h2>
      <p>
        Your text is still in the editor and has not been saved. Compare the two versions, then choose which
        one becomes the new revision. Nothing is overwritten until you choose.
      </p>
      <p className="conflict-legend">
        <del>Struck through</del>: only in their version · <ins>Underlined</ins>: only in yours
      </p>
      <div className="conflict-diff">
        {diff === null ? (
          <p className="muted">The two versions could not be compared.</p>
        ) : changed.length === 0 ? (
          <p className="muted">
            The text is the same in both versions; they may have changed tags, citations or the case details.
          </p>
        ) : (
          diff.text.map((change, index) =>
            change.kind === "added" ? (
              <ins key={index}>{change.value}</ins>
            ) : change.kind === "removed" ? (
              <del key={index}>{change.value}</del>
            ) : (
              <span key={index}>{shorten(change, index === 0, index === diff.text.length - 1)}</span>
            ),
          )
        )}
      </div>
      {markChanges.length > 0 ? <p className="muted">{markChanges.join(" · ")}.</p> : null}
      <div className="actions">
        <button type="button" className="button" onClick={props.onSaveMine} disabled={props.busy}>
          Save mine as the new revision
        </button>
        <button type="button" className="button button-danger" onClick={confirmLoad} disabled={props.busy}>
          Discard mine and load theirs
        </button>
      </div>
    </section>
  );
}
