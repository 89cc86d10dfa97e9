import { Link } from "@remix-run/react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Modal } from "./modal";
import { type ListGroup, SearchableList } from "./searchable-list";
import type { CodeOption } from "./types";

export const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Codes grouped as the codebook groups them, preconditions first. */
export function codeGroups(
  codes: CodeOption[],
  labels: { preconditions: string; outcomes: string },
): ListGroup[] {
  const option = (code: CodeOption) => ({
    id: code.id,
    label: code.label,
    detail: code.description || undefined,
    swatch: HEX_COLOR.test(code.color) ? code.color : null,
  });
  return [
    {
      label: labels.preconditions,
      options: codes.filter((code) => code.kind === "precondition").map(option),
    },
    { label: labels.outcomes, options: codes.filter((code) => code.kind === "outcome").map(option) },
  ];
}

export function TagPicker(props: {
  codes: CodeOption[];
  selectedText: string;
  codebookUrl: string;
  onPick: (codeId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const preconditions = t("editor.tagPicker.preconditions");
  const outcomes = t("editor.tagPicker.outcomes");
  const groups = useMemo(
    () => codeGroups(props.codes, { preconditions, outcomes }),
    [props.codes, preconditions, outcomes],
  );
  return (
    <Modal title={t("editor.tagPicker.title")} onClose={props.onClose} className="tag-picker">
      <blockquote className="modal-quote">{excerpt(props.selectedText)}</blockquote>
      {props.codes.length === 0 ? (
        <div className="empty-state">
          <p>{t("editor.tagPicker.noCodes")}</p>
          <p>
            {t("editor.tagPicker.addCodesBefore")}
            <Link to={props.codebookUrl}>{t("editor.tagPicker.codebookLink")}</Link>
            {t("editor.tagPicker.addCodesAfter")}
          </p>
        </div>
      ) : (
        <SearchableList
          label={t("editor.tagPicker.find")}
          placeholder={t("editor.tagPicker.placeholder")}
          groups={groups}
          autoFocus
          onPick={(option) => props.onPick(option.id)}
          emptyText={(query) => t("editor.tagPicker.noMatch", { query })}
        />
      )}
    </Modal>
  );
}
