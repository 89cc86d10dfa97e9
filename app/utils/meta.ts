import type { MetaFunction } from "@remix-run/node";

/**
 * Page titles are translated in the loader (`pageTitle: t("common.pageTitle", { title: t("…") })`) and read
 * here: `export const meta = titleMeta;`
 */
export const titleMeta: MetaFunction = ({ data }) => {
  const title = (data as { pageTitle?: unknown } | undefined)?.pageTitle;
  return typeof title === "string" ? [{ title }] : [];
};
