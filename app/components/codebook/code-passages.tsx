import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

type TaggedCase = {
  caseId: string;
  title: string;
  passages: Array<{ key: string; text: string; section: string; anchor: string | null }>;
};

/** The passages tagged with one code, grouped by case, each linking back to its section. */
export function CodePassages({
  workspaceId,
  label,
  color,
  cases,
  trashedCount,
}: {
  workspaceId: string;
  label: string;
  color: string;
  cases: TaggedCase[];
  trashedCount: number;
}) {
  const { t } = useTranslation();
  const total = cases.reduce((sum, group) => sum + group.passages.length, 0);
  return (
    <section aria-labelledby="code-passages" className="code-passages">
      <h2 id="code-passages">
        {t("codebook.tagged.heading")}{" "}
        {total > 0 ? (
          <span className="muted code-group-count">
            ({t("codebook.tagged.total", { count: cases.length, passages: total })})
          </span>
        ) : null}
      </h2>
      {cases.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t("codebook.tagged.emptyTitle", { label })}</strong>
          </p>
          <p>{t("codebook.tagged.emptyBody", { label })}</p>
        </div>
      ) : (
        <ul className="tagged-cases">
          {cases.map((group) => {
            const caseUrl = `/w/${workspaceId}/cases/${group.caseId}`;
            return (
              <li key={group.caseId} className="card tagged-case">
                <h3>
                  <Link to={caseUrl}>{group.title}</Link>
                </h3>
                <ul className="tagged-passage-list">
                  {group.passages.map((passage) => (
                    <li key={passage.key}>
                      <blockquote className="tagged-passage" style={{ borderLeftColor: color }}>
                        {passage.text}
                      </blockquote>
                      {passage.section ? (
                        <p className="tagged-passage-section">
                          {t("codebook.tagged.inSection")}{" "}
                          <Link to={passage.anchor ? `${caseUrl}#${passage.anchor}` : caseUrl}>
                            {passage.section}
                            <span className="visually-hidden">
                              {" "}
                              {t("codebook.tagged.ofCase", { title: group.title })}
                            </span>
                          </Link>
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
      {trashedCount > 0 ? (
        <p className="muted">{t("codebook.tagged.trashed", { count: trashedCount })}</p>
      ) : null}
    </section>
  );
}
