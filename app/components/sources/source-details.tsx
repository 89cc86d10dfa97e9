import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatIssued } from "~/models/source-fields";
import type { CslItem } from "~/models/sources/csl-item";
import { formatAuthorLine } from "~/rules/authors";
import { doiUrl } from "~/rules/links";

/** Every recorded field of a source, in the order people fill them in; the empty ones are named after. */
export function SourceDetails({ item }: { item: CslItem }) {
  const { t } = useTranslation();
  const authors = (item.author ?? []).map((name) => formatAuthorLine(name).replace(/^, |,$/, ""));
  const editors = (item.editor ?? []).map((name) => formatAuthorLine(name).replace(/^, |,$/, ""));
  const rows: Array<{ label: string; value: ReactNode }> = [
    { label: t("sources.fields.type"), value: t(`sources.types.${item.type}`) },
    {
      label: t("sources.fields.authors", { count: authors.length }),
      value:
        authors.length > 0 ? (
          <ul className="source-authors">
            {authors.map((name, position) => (
              // Two authors may share a name, so their position tells them apart.
              <li key={`${position}-${name}`}>{name}</li>
            ))}
          </ul>
        ) : null,
    },
    {
      label: t("sources.fields.editors", { count: editors.length }),
      value: editors.length > 0 ? editors.join("; ") : null,
    },
    { label: t("sources.fields.published"), value: item.issued ? formatIssued(item.issued) : null },
    { label: t("sources.fields.container"), value: item["container-title"] },
    { label: t("sources.fields.volume"), value: item.volume },
    { label: t("sources.fields.issue"), value: item.issue },
    { label: t("sources.fields.page"), value: item.page },
    { label: t("sources.fields.edition"), value: item.edition },
    { label: t("sources.fields.number"), value: item.number },
    { label: t("sources.fields.genre"), value: item.genre },
    { label: t("sources.fields.publisher"), value: item.publisher },
    { label: t("sources.fields.place"), value: item["publisher-place"] },
    {
      label: t("sources.fields.url"),
      value: item.URL ? (
        <a href={item.URL} rel="noopener noreferrer">
          {item.URL}
        </a>
      ) : null,
    },
    { label: t("sources.fields.accessed"), value: item.accessed ? formatIssued(item.accessed) : null },
    { label: t("sources.fields.language"), value: item.language },
    {
      label: t("sources.fields.doi"),
      value: item.DOI ? (
        <a href={doiUrl(item.DOI)} rel="noopener noreferrer">
          {item.DOI}
        </a>
      ) : null,
    },
    {
      label: t("sources.fields.reliability"),
      value: t(`sources.reliability.${item.custom?.reliability ?? "unknown"}`),
    },
    {
      label: t("sources.fields.confidentiality"),
      value: t(`sources.confidentiality.${item.custom?.confidentiality ?? "public"}`),
    },
    {
      label: t("sources.fields.notes"),
      value: item.note ? <p className="source-note">{item.note}</p> : null,
    },
  ];
  const missing = rows.filter((row) => row.value === null || row.value === undefined);
  return (
    <>
      <dl className="source-fields">
        {rows
          .filter((row) => row.value !== null && row.value !== undefined)
          .map((row) => (
            <div key={row.label}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
      </dl>
      {missing.length > 0 ? (
        <p className="muted source-missing">
          {t("sources.fields.notRecorded", { fields: missing.map((row) => row.label).join(" · ") })}
        </p>
      ) : null}
    </>
  );
}
