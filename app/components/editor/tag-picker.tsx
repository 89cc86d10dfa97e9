import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { Modal } from "./modal";
import { type ListGroup, SearchableList } from "./searchable-list";
import type { CodeOption } from "./types";

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Codes grouped as the codebook groups them, preconditions first. */
export function codeGroups(codes: CodeOption[]): ListGroup[] {
  const option = (code: CodeOption) => ({
    id: code.id,
    label: code.label,
    detail: code.description || undefined,
    swatch: HEX_COLOR.test(code.color) ? code.color : null,
  });
  return [
    { label: "Preconditions", options: codes.filter((code) => code.kind === "precondition").map(option) },
    { label: "Outcomes", options: codes.filter((code) => code.kind === "outcome").map(option) },
  ];
}

export function TagPicker(props: {
  codes: CodeOption[];
  selectedText: string;
  codebookUrl: string;
  onPick: (codeId: string) => void;
  onClose: () => void;
}) {
  const groups = useMemo(() => codeGroups(props.codes), [props.codes]);
  return (
    <Modal title="Tag the selected passage" onClose={props.onClose} className="tag-picker">
      <blockquote className="modal-quote">{excerpt(props.selectedText)}</blockquote>
      {props.codes.length === 0 ? (
        <div className="empty-state">
          <p>This workspace has no codes yet.</p>
          <p>
            Add preconditions and outcomes in the <Link to={props.codebookUrl}>Codebook</Link>, then tag
            passages with them.
          </p>
        </div>
      ) : (
        <SearchableList
          label="Find a code"
          placeholder="Type to filter, ↑ ↓ to choose, Enter to tag"
          groups={groups}
          autoFocus
          onPick={(option) => props.onPick(option.id)}
          emptyText={(query) => `No code matches “${query}”.`}
        />
      )}
    </Modal>
  );
}
