import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CodeKind } from "~/models/domain";
import { useLocale } from "~/utils/format";

export type CodebookRow = {
  id: string;
  kind: CodeKind;
  label: string;
  shortName: string;
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

export function CodeCounts({ passageCount, presentCount }: { passageCount: number; presentCount: number }) {
  const { t } = useTranslation();
  return (
    <span className="code-counts">
      <span>{t("codebook.counts.passages", { count: passageCount })}</span>
      <span aria-hidden="true"> · </span>
      <span>{t("codebook.counts.presentIn", { count: presentCount })}</span>
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
  const { t } = useTranslation();
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
              </Link>{" "}
              {row.shortName ? <span className="short-name">{row.shortName}</span> : null}
              {row.description ? (
                <p className="code-description" dir="auto" lang="">
                  {row.description}
                </p>
              ) : null}
              <p className="code-meta">
                <CodeCounts passageCount={row.passageCount} presentCount={row.presentCount} />
              </p>
            </div>
            {canEdit ? (
              <Link
                to={`${base}/${row.id}#edit`}
                className="button button-secondary button-small code-edit-link"
              >
                {t("codebook.list.edit")}
                <span className="visually-hidden"> {row.label}</span>
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
  const { t } = useTranslation();
  const locale = useLocale();
  const ofKind = rows.filter((row) => row.kind === kind);
  const ids = new Set(ofKind.map((row) => row.id));
  const tree = new Map<string | null, CodebookRow[]>();
  for (const row of ofKind) {
    const parent = row.parentId && ids.has(row.parentId) ? row.parentId : null;
    tree.set(parent, [...(tree.get(parent) ?? []), row]);
  }
  for (const list of tree.values()) list.sort((a, b) => a.label.localeCompare(b.label, locale));
  const headingId = `codebook-${kind}`;
  return (
    <section className="codebook-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t(`codebook.kindPlural.${kind}`)} <span className="muted code-group-count">({ofKind.length})</span>
      </h2>
      {ofKind.length === 0 ? (
        <div className="empty-state">
          <p>
            <strong>{t(`codebook.list.noneOfKind.${kind}`)}</strong>
          </p>
          <p>{canEdit ? t(`codebook.list.addOfKind.${kind}`) : t("codebook.list.onlyEditorsAdd")}</p>
        </div>
      ) : (
        <Branch tree={tree} parentId={null} base={base} canEdit={canEdit} seen={new Set()} />
      )}
    </section>
  );
}
