import { Link } from "@remix-run/react";
import type { CodeKind } from "~/models/domain";
import { KIND_PLURALS } from "./rules";

export type CodebookRow = {
  id: string;
  kind: CodeKind;
  label: string;
  description: string;
  color: string;
  parentId: string | null;
  passageCount: number;
  presentCount: number;
};

export function Swatch({ color, large = false }: { color: string; large?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`code-swatch${large ? " code-swatch-large" : ""}`}
      style={{ background: color }}
    />
  );
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export function CodeCounts({ passageCount, presentCount }: { passageCount: number; presentCount: number }) {
  return (
    <span className="code-counts">
      <span>{plural(passageCount, "tagged passage", "tagged passages")}</span>
      <span aria-hidden="true"> · </span>
      <span>present in {plural(presentCount, "case", "cases")}</span>
    </span>
  );
}

function Branch({
  tree,
  parentId,
  base,
  canEdit,
  seen,
}: {
  tree: Map<string | null, CodebookRow[]>;
  parentId: string | null;
  base: string;
  canEdit: boolean;
  seen: Set<string>;
}) {
  const list = (tree.get(parentId) ?? []).filter((row) => !seen.has(row.id));
  if (list.length === 0) return null;
  for (const row of list) seen.add(row.id);
  return (
    <ul className={parentId ? "code-tree code-tree-nested" : "code-tree"}>
      {list.map((row) => (
        <li key={row.id} id={`code-${row.id}`}>
          <div className="code-row">
            <Swatch color={row.color} />
            <div className="code-row-main">
              <Link to={`${base}/${row.id}`} className="code-label">
                {row.label}
              </Link>
              {row.description ? <p className="code-description">{row.description}</p> : null}
              <p className="code-meta">
                <CodeCounts passageCount={row.passageCount} presentCount={row.presentCount} />
              </p>
            </div>
            {canEdit ? (
              <Link
                to={`${base}/${row.id}#edit`}
                className="button button-secondary button-small code-edit-link"
              >
                Edit<span className="visually-hidden"> {row.label}</span>
              </Link>
            ) : null}
          </div>
          <Branch tree={tree} parentId={row.id} base={base} canEdit={canEdit} seen={seen} />
        </li>
      ))}
    </ul>
  );
}

/** One kind of the codebook as a nested list: sub-codes sit indented under their parent. */
export function CodeTree({
  kind,
  rows,
  base,
  canEdit,
}: {
  kind: CodeKind;
  rows: CodebookRow[];
  base: string;
  canEdit: boolean;
}) {
  const ofKind = rows.filter((row) => row.kind === kind);
  const ids = new Set(ofKind.map((row) => row.id));
  const tree = new Map<string | null, CodebookRow[]>();
  for (const row of ofKind) {
    const parent = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    tree.set(parent, [...(tree.get(parent) ?? []), row]);
  }
  for (const list of tree.values()) list.sort((a, b) => a.label.localeCompare(b.label));
  const headingId = `codebook-${kind}`;
  return (
    <section className="codebook-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {KIND_PLURALS[kind]} <span className="muted code-group-count">({ofKind.length})</span>
      </h2>
      {ofKind.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>No {KIND_PLURALS[kind].toLowerCase()} yet.</strong>
          </p>
          <p>
            {canEdit
              ? `Add one with “Add a code” above, choosing “${kind}” as its kind.`
              : "An owner or editor of this workspace can add them."}
          </p>
        </div>
      ) : (
        <Branch tree={tree} parentId={null} base={base} canEdit={canEdit} seen={new Set()} />
      )}
    </section>
  );
}
