import { useTranslation } from "react-i18next";
import { scrollBehavior } from "~/utils/motion";

type Passage = { codeId: string; text: string; section: string; position: number };
type Group = { code: { id: string; label: string; kind: string; color: string }; passages: Passage[] };

/** Scrolls the reading view to a tagged passage and flashes it (the spans carry data-tag). */
function jumpTo(codeId: string, text: string) {
  const spans = Array.from(
    document.querySelectorAll<HTMLElement>(`.case-body-html [data-tag="${CSS.escape(codeId)}"]`),
  );
  const target = spans.find((span) => text.startsWith(span.textContent ?? "\u0000")) ?? spans[0];
  if (!target) return;
  target.scrollIntoView({ behavior: scrollBehavior(), block: "center" });
  target.classList.add("tag-flash");
  target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  setTimeout(() => target.classList.remove("tag-flash"), 1600);
}

export function PassagesByCode({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  if (groups.length === 0) {
    return <p className="muted">{t("cases.page.taggedEmpty")}</p>;
  }
  return (
    <ul className="tagged-groups">
      {groups.map((group) => (
        <li key={group.code.id}>
          <p className="tagged-code" style={{ ["--tag-color" as string]: group.code.color }}>
            <span className="swatch" aria-hidden="true" /> {group.code.label}{" "}
            <span className="muted">
              ({group.code.kind === "outcome" ? t("cases.kind.outcome") : t("cases.kind.precondition")})
            </span>
          </p>
          <ul className="passages-by-code">
            {group.passages.map((passage) => (
              <li key={`${passage.position}-${passage.codeId}`}>
                <button
                  type="button"
                  className="passage-link"
                  onClick={() => jumpTo(passage.codeId, passage.text)}
                >
                  {t("cases.page.quoted", { text: passage.text })}
                </button>
                {passage.section ? <span className="muted"> · {passage.section}</span> : null}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
