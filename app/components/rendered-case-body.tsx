/**
 * The one place the app inserts HTML: the output of app/editor/render.ts, which builds it from the
 * case document through the shared schema and escapes every text and attribute (see ADR 0003).
 * Anything else must go through React's escaping.
 */
export function RenderedCaseBody({
  html,
  className = "case-body-html",
  lang,
}: {
  html: string;
  className?: string;
  /** BCP 47 tag of the case's language, when the page around it is in another. */
  lang?: string;
}) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: renderer output, escaped by app/editor/render.ts
  return <div className={className} lang={lang} dangerouslySetInnerHTML={{ __html: html }} />;
}
