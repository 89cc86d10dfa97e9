// The short "new source" form of the citation dialog: its fields, and how they become a CSL-JSON item.
// Pure (no database, no DOM) so the dialog and the route agree on field names and messages.
// Only types are imported from csl.ts and zod: the dialog runs in the browser, which needs neither.
import type { ZodError } from "zod";
import { SOURCE_TYPE_LABELS } from "~/models/source-types";
import type { CslDate, CslItem, CslName, CslType } from "~/models/sources/csl-item";
import { parseAuthors } from "~/rules/authors";
import { isHttpUrl } from "~/rules/links";
import { asMessage, type Message, msg } from "~/utils/messages";

export { SOURCE_TYPE_LABELS };

export const SOURCE_FIELDS = ["title", "type", "authors", "year", "url"] as const;
export type SourceField = (typeof SOURCE_FIELDS)[number] | "form";
export type SourceFieldErrors = Partial<Record<SourceField, Message[]>>;

/** What the short form can say about a source; the CSL schema in createSource checks it again. */
export type NewSource = { title: string; type: CslType; author?: CslName[]; issued?: CslDate; URL?: string };

export type SourceFormResult = { ok: true; csl: NewSource } | { ok: false; errors: SourceFieldErrors };

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value.trim() : "";
}

export function parseSourceForm(formData: FormData): SourceFormResult {
  const errors: SourceFieldErrors = {};
  const title = text(formData, "title");
  const type = text(formData, "type");
  const authors = text(formData, "authors");
  const year = text(formData, "year");
  const url = text(formData, "url");
  if (title === "") errors.title = [msg("editor.sourceForm.titleRequired")];
  if (!Object.hasOwn(SOURCE_TYPE_LABELS, type)) errors.type = [msg("editor.sourceForm.typeInvalid")];
  if (year !== "" && !/^\d{1,4}$/.test(year) && !/^(c\.|circa|ca\.)\s*\d{1,4}$/i.test(year)) {
    errors.year = [msg("editor.sourceForm.yearInvalid")];
  }
  if (url !== "" && !isHttpUrl(url)) {
    errors.url = [msg("editor.sourceForm.urlInvalid")];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const csl: NewSource = { title, type: type as CslType };
  const names = parseAuthors(authors);
  if (names.length > 0) csl.author = names;
  if (year !== "") csl.issued = /^\d+$/.test(year) ? { "date-parts": [[Number(year)]] } : { literal: year };
  if (url !== "") csl.URL = url;
  return { ok: true, csl };
}

const CSL_FIELD_TO_FORM: Record<string, SourceField> = {
  title: "title",
  type: "type",
  author: "authors",
  issued: "year",
  URL: "url",
};

/** Messages of the shared CSL schema, placed next to the form field they concern. */
export function sourceFieldErrors(error: ZodError): SourceFieldErrors {
  const errors: SourceFieldErrors = {};
  for (const issue of error.issues) {
    const field = CSL_FIELD_TO_FORM[String(issue.path[0] ?? "")] ?? "form";
    // A catalogue key (msg) is kept; the CSL schema's own English wording is never shown.
    errors[field] = [...(errors[field] ?? []), asMessage(issue.message, msg("errors.invalidValue"))];
  }
  return errors;
}

/** "Diallo, Crisis Group · 2021 · Journal" — what tells two sources apart in the citation dialog. */
export function describeSource(
  csl: Pick<CslItem, "author" | "issued" | "container-title" | "publisher">,
): string {
  const authors = csl.author ?? [];
  const names = authors
    .slice(0, 3)
    .map((name) => ("literal" in name ? name.literal : (name.family ?? name.given ?? "")))
    .filter(Boolean);
  const who = names.length > 0 ? `${names.join(", ")}${authors.length > 3 ? " et al." : ""}` : "";
  const when = csl.issued
    ? "literal" in csl.issued
      ? csl.issued.literal
      : String(csl.issued["date-parts"][0]?.[0] ?? "")
    : "";
  return [who, when, csl["container-title"] ?? csl.publisher ?? ""].filter(Boolean).join(" · ");
}
