import type { ReactNode } from "react";
import type { CslItem } from "~/models/csl";
import {
  CONFIDENTIALITY_LABELS,
  formatAuthorLine,
  formatIssued,
  RELIABILITY_LABELS,
  SOURCE_TYPE_LABELS,
} from "~/models/source-fields";

/** Every recorded field of a source, in the order people fill them in; the empty ones are named after. */
export function SourceDetails({ item }: { item: CslItem }) {
  const authors = (item.author ?? []).map((name) => formatAuthorLine(name).replace(/^, |,$/, ""));
  const rows: Array<{ label: string; value: ReactNode }> = [
    { label: "Type", value: SOURCE_TYPE_LABELS[item.type] },
    {
      label: authors.length === 1 ? "Author" : "Authors",
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
    { label: "Published", value: item.issued ? formatIssued(item.issued) : null },
    { label: "Journal, website or collection", value: item["container-title"] },
    { label: "Publisher", value: item.publisher },
    {
      label: "Web address",
      value: item.URL ? (
        <a href={item.URL} rel="noopener noreferrer">
          {item.URL}
        </a>
      ) : null,
    },
    { label: "Consulted on", value: item.accessed ? formatIssued(item.accessed) : null },
    { label: "Language", value: item.language },
    {
      label: "DOI",
      value: item.DOI ? (
        <a href={`https://doi.org/${encodeURI(item.DOI)}`} rel="noopener noreferrer">
          {item.DOI}
        </a>
      ) : null,
    },
    { label: "Reliability", value: RELIABILITY_LABELS[item.custom?.reliability ?? "unknown"] },
    { label: "Confidentiality", value: CONFIDENTIALITY_LABELS[item.custom?.confidentiality ?? "public"] },
    { label: "Notes", value: item.note ? <p className="source-note">{item.note}</p> : null },
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
        <p className="muted source-missing">Not recorded: {missing.map((row) => row.label).join(" · ")}</p>
      ) : null}
    </>
  );
}
