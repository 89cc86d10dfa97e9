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

function where(section: string): string {
  return section ? `in ${section}` : "before the first section";
}

/** The case's tagged passages by code and its citations, derived live from the text. */
export function PassagesPanel({ rows, codes, sources, onJump, onRemoveTag, onRemoveCitation }: PanelProps) {
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
  const sourceTitle = (id: string) => sources.find((source) => source.id === id)?.title ?? "Unknown source";

  return (
    <aside className="editor-side" aria-label="Tagged passages and citations">
      <section aria-labelledby="panel-passages">
        <h2 id="panel-passages">
          Tagged passages <span className="count">{passages.length}</span>
        </h2>
        {groups.length === 0 ? (
          <p className="panel-empty">
            No tagged passages yet. Select words in the text and choose <strong>Tag</strong> to mark them as
            evidence of a precondition or an outcome.
          </p>
        ) : (
          groups.map(({ code, passages: tagged }) => {
            const label = code?.label ?? "Code no longer in the codebook";
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
                        {code.kind === "precondition" ? " · precondition" : " · outcome"}
                      </span>
                    ) : null}
                  </span>
                </h3>
                <ul className="passage-list">
                  {tagged.map((passage) => (
                    <li key={`${passage.codeId}-${passage.position}`}>
                      <button type="button" className="passage-jump" onClick={() => onJump(rangeOf(passage))}>
                        “{excerpt(passage.text, 140)}”
                      </button>
                      <span className="passage-where">{where(passage.section)}</span>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={`Remove tag “${label}” from “${excerpt(passage.text, 60)}”`}
                        onClick={() => onRemoveTag(passage)}
                      >
                        Remove tag
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
          Citations <span className="count">{citations.length}</span>
        </h2>
        {citations.length === 0 ? (
          <p className="panel-empty">
            No citations yet. Select the words a source supports and choose <strong>Cite</strong>.
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
                            “{excerpt(citation.text, 140)}”
                          </button>
                          <span className="passage-where">
                            {citation.locator ? `${citation.locator}, ` : ""}
                            {where(citation.section)}
                          </span>
                          <button
                            type="button"
                            className="link-button"
                            aria-label={`Remove citation of “${title}” from “${excerpt(citation.text, 60)}”`}
                            onClick={() => onRemoveCitation(citation)}
                          >
                            Remove citation
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
