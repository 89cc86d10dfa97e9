const CODE_ID = /^[a-z0-9]+$/;

/** An attribute value without quotes (React would escape them inside <style>): a leading digit is escaped. */
function cssIdentifier(id: string) {
  return /^[0-9]/.test(id) ? `\\3${id[0]} ${id.slice(1)}` : id;
}

/**
 * The passages of the chosen codes, emphasised in every column. The rule is built from ids the loader
 * has validated; anything else is dropped here too, so no user text ever reaches the stylesheet.
 */
export function HighlightStyle({ codeIds }: { codeIds: string[] }) {
  const safe = codeIds.filter((id) => CODE_ID.test(id));
  if (safe.length === 0) return null;
  const selector = safe
    .map((id) => `.compare-grid.is-highlighting .tag[data-tag=${cssIdentifier(id)}]`)
    .join(",");
  return (
    <style>
      {`${selector}{background:color-mix(in srgb,var(--tag-color) 34%,#fff);border-bottom:3px solid var(--tag-color);outline:2px solid var(--tag-color);outline-offset:1px;color:var(--ink);font-weight:600}`}
    </style>
  );
}
