import { Link } from "@remix-run/react";

type TaggedCase = {
  caseId: string;
  title: string;
  passages: Array<{ key: string; text: string; section: string; anchor: string | null }>;
};

/** The passages tagged with one code, grouped by case, each linking back to its section. */
export function TaggedPassages({
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
  const total = cases.reduce((sum, group) => sum + group.passages.length, 0);
  return (
    <section aria-labelledby="tagged-passages" className="tagged-passages">
      <h2 id="tagged-passages">
        Tagged passages{" "}
        {total > 0 ? (
          <span className="muted code-group-count">
            ({total} in {cases.length} {cases.length === 1 ? "case" : "cases"})
          </span>
        ) : null}
      </h2>
      {cases.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No passage is tagged “{label}” yet.</strong>
          </p>
          <p>
            When someone selects words in a case and tags them “{label}”, the passage is listed here with a
            link to its section.
          </p>
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
                          in{" "}
                          <Link to={passage.anchor ? `${caseUrl}#${passage.anchor}` : caseUrl}>
                            {passage.section}
                            <span className="visually-hidden"> of {group.title}</span>
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
        <p className="muted">
          {trashedCount} more {trashedCount === 1 ? "passage is" : "passages are"} in cases in the trash and
          not listed.
        </p>
      ) : null}
    </section>
  );
}
