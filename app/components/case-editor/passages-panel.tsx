import { useTranslation } from "react-i18next";
import type { DerivedCaseRows, DerivedCitation, DerivedPassage } from "~/editor";
import { citationNumbers } from "./highlights";
import { excerpt, HEX_COLOR } from "./tag-picker";
import type { CodeOption, SourceOption } from "./types";

type PanelProps = {
  rows: DerivedCaseRows | null;
  codes: CodeOption[];
  sources: SourceOption[];
  onJump: (range: { from: number; to: number }) => void;
  onRemoveTag: (passage: DerivedPassage) => void;
  onRemoveCitation: (citation: DerivedCitation) => void;
};

const rangeOf = (row: { position: number; text: string }) => ({
  from: row.position,
  to: row.position + row.text.length,
});

/** The case's tagged passages by code and its citations, derived live from the text. */
export function PassagesPanel({ rows, codes, sources, onJump, onRemoveTag, onRemoveCitation }: PanelProps) {
  const { t } = useTranslation();
  const where = (section: string) =>
    section ? t("editor.panel.inSection", { section }) : t("editor.panel.beforeSections");
  const passages = rows?.passages ?? [];
  const citations = rows?.citations ?? [];
  const known = new Set(codes.map((code) => code.id));
  const groups = [
    ...codes.map((code) => ({ code, passages: passages.filter((passage) => passage.codeId === code.id) })),
    {
      code: null,
      passages: passages.filter((passage) => !known.has(passage.codeId)),
    },
  ].filter((group) => group.passages.length > 0);
  const numbers = citationNumbers(citations);
  const sourceTitle = (id: string) =>
    sources.find((source) => source.id === id)?.title ?? t("editor.panel.unknownSource");

  return (
    <aside className="editor-side" aria-label={t("editor.panel.label")}>
      <section aria-labelledby="panel-passages">
        <h2 id="panel-passages">
          {t("editor.panel.passages")} <span className="count">{passages.length}</span>
        </h2>
        {groups.length === 0 ? (
          <p className="panel-empty">
            {t("editor.panel.noPassagesBefore")}
            <strong>{t("editor.panel.noPassagesTag")}</strong>
            {t("editor.panel.noPassagesAfter")}
          </p>
        ) : (
          groups.map(({ code, passages: tagged }) => {
            const label = code?.label ?? t("editor.panel.unknownCode");
            return (
              <section className="passage-group" key={code?.id ?? "unknown"} aria-label={label}>
                <h3>
                  <span
                    className="swatch"
                    aria-hidden="true"
                    style={{ background: code && HEX_COLOR.test(code.color) ? code.color : undefined }}
                  />
                  <span>
                    {label}
                    {code ? (
                      <span className="passage-kind">
                        {code.kind === "precondition"
                          ? t("editor.panel.kindPrecondition")
                          : t("editor.panel.kindOutcome")}
                      </span>
                    ) : null}
                  </span>
                </h3>
                <ul className="passage-list">
                  {tagged.map((passage) => (
                    <li key={`${passage.codeId}-${passage.position}`}>
                      <button type="button" className="passage-jump" onClick={() => onJump(rangeOf(passage))}>
                        {t("editor.panel.quoted", { text: excerpt(passage.text, 140) })}
                      </button>
                      <span className="passage-where">{where(passage.section)}</span>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t("editor.panel.removeTagLabel", {
                          label,
                          text: excerpt(passage.text, 60),
                        })}
                        onClick={() => onRemoveTag(passage)}
                      >
                        {t("editor.panel.removeTag")}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })
        )}
      </section>
      <section aria-labelledby="panel-citations">
        <h2 id="panel-citations">
          {t("editor.panel.citations")} <span className="count">{citations.length}</span>
        </h2>
        {citations.length === 0 ? (
          <p className="panel-empty">
            {t("editor.panel.noCitationsBefore")}
            <strong>{t("editor.panel.noCitationsCite")}</strong>
            {t("editor.panel.noCitationsAfter")}
          </p>
        ) : (
          <div className="citation-list">
            {[...numbers].map(([sourceId, number]) => {
              const title = sourceTitle(sourceId);
              return (
                <section className="passage-group" key={sourceId} aria-label={`[${number}] ${title}`}>
                  <h3>
                    <span className="cite-number">[{number}]</span> <span>{title}</span>
                  </h3>
                  <ul className="passage-list">
                    {citations
                      .filter((citation) => citation.sourceId === sourceId)
                      .map((citation) => (
                        <li key={`${citation.locator}-${citation.position}`}>
                          <button
                            type="button"
                            className="passage-jump"
                            onClick={() => onJump(rangeOf(citation))}
                          >
                            {t("editor.panel.quoted", { text: excerpt(citation.text, 140) })}
                          </button>
                          <span className="passage-where">
                            {citation.locator ? `${citation.locator}, ` : ""}
                            {where(citation.section)}
                          </span>
                          <button
                            type="button"
                            className="link-button"
                            aria-label={t("editor.panel.removeCitationLabel", {
                              title,
                              text: excerpt(citation.text, 60),
                            })}
                            onClick={() => onRemoveCitation(citation)}
                          >
                            {t("editor.panel.removeCitation")}
                          </button>
                        </li>
                      ))}
                  </ul>
                </section>
              );
            })}
          </div>
        )}
      </section>
    </aside>
  );
}
