// A case as Word or PDF, as the member may take it out (caseForExport: the version they read, redacted for
// trainers and whenever asked, ADR 0008), with references in the workspace's citation style and the
// exporting person's language. Recorded in the audit log like the other exports.
import type { JSONContent } from "@tiptap/core";
import { deriveCaseRows } from "~/editor/derive";
import { type RequestOrigin, recordAudit } from "~/models/audit.server";
import { formatPeriod } from "~/models/case-fields";
import { listCodes } from "~/models/codes.server";
import type { Locale } from "~/models/domain";
import { caseForExport } from "~/models/exports.server";
import { formatBibliography, formatCitations } from "~/models/sources/references.server";
import { listSources } from "~/models/sources.server";
import { workspaceCitationStyle } from "~/models/workspaces.server";
import { fileSlug } from "~/rules/text";
import { type Message, msg } from "~/utils/messages";
import { htmlToPdf, PdfUnavailableError } from "~/utils/pdf.server";
import type { Member } from "~/utils/permissions.server";
import { caseToDocx } from "./case-docx.server";
import { casePrintHtml } from "./case-print-html.server";

export const CASE_DOCUMENT_FORMATS = {
  docx: {
    extension: "docx",
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  },
  pdf: { extension: "pdf", contentType: "application/pdf" },
} as const;
export type CaseDocumentFormat = keyof typeof CASE_DOCUMENT_FORMATS;

export function isCaseDocumentFormat(value: string | null): value is CaseDocumentFormat {
  return value !== null && Object.hasOwn(CASE_DOCUMENT_FORMATS, value);
}

/** What to tell the person when no PDF can be made now (the route sends them back with it). */
export function pdfRefusal(error: unknown): Message | null {
  if (!(error instanceof PdfUnavailableError)) return null;
  if (error.reason === "noBrowser") return msg("exports.document.pdfNoBrowser");
  if (error.reason === "busy") return msg("exports.document.pdfBusy");
  return msg("exports.document.pdfFailed");
}

type Translate = (key: string, params?: Record<string, string | number>) => string;

export async function exportCaseDocument(
  member: Member,
  caseId: string,
  format: CaseDocumentFormat,
  options: {
    redacted?: boolean;
    language: Locale;
    t: Translate;
    origin?: RequestOrigin;
    /** Word only: tagged passages as comments naming their code (on unless asked otherwise). */
    tagComments?: boolean;
  },
) {
  const { caseStudy, status, redacted } = caseForExport(member, caseId, options);
  const { t, language } = options;
  const codes = new Map(listCodes(member).map((code) => [code.id, code]));
  const rows = deriveCaseRows(caseStudy.body as JSONContent);
  const citedIds = new Set(rows.citations.map((citation) => citation.sourceId));
  const cited = listSources(member)
    .filter((source) => citedIds.has(source.id))
    .map((source) => ({ id: source.id, csl: source.csl }));
  const referenceOptions = { style: workspaceCitationStyle(member), language };
  const bibliography = formatBibliography(cited, referenceOptions).map((entry) => entry.reference);
  const shown = (value: string) => (value.trim() === "" ? t("exports.document.notRecorded") : value);
  const fields = [
    { label: t("exports.markdown.regions"), value: shown(caseStudy.regions.join(", ")) },
    { label: t("exports.markdown.period"), value: formatPeriod(caseStudy, (key, params) => t(key, params)) },
    { label: t("exports.markdown.actors"), value: shown(caseStudy.actors.join("; ")) },
    { label: t("exports.markdown.mediators"), value: shown(caseStudy.mediators.join("; ")) },
    {
      label: t("exports.markdown.status"),
      value: t("exports.markdown.statusValue", {
        status: t(`cases.status.${status}`),
        revision: caseStudy.shownRevision,
      }),
    },
    { label: t("exports.markdown.summary"), value: shown(caseStudy.summary) },
  ];
  const notice = redacted ? t("exports.document.redacted") : undefined;
  const document = { title: caseStudy.title, language: caseStudy.language, body: caseStudy.body, fields };

  let body: Buffer;
  if (format === "docx") {
    body = await caseToDocx(document, {
      codes,
      citationNotes: formatCitations(cited, rows.citations, referenceOptions),
      bibliography,
      words: {
        sources: t("exports.markdown.sources"),
        tagged: (code) => t("exports.document.tagged", { code }),
        notice,
      },
      tagComments: options.tagComments !== false,
      author: member.workspaceName,
    });
  } else {
    // One note per source, numbered as in the text; its locators follow.
    const notes = formatCitations(
      cited,
      cited.map((source) => ({ sourceId: source.id, locator: "" })),
      referenceOptions,
    );
    body = await htmlToPdf(
      casePrintHtml(document, {
        codes,
        notes: new Map(cited.map((source, i) => [source.id, notes[i]])),
        bibliography,
        words: {
          notes: t("exports.document.notes"),
          sources: t("exports.markdown.sources"),
          citedAt: (locators) => t("exports.document.citedAt", { locators }),
          notice,
          language,
        },
      }),
    );
  }
  recordAudit({
    action: "case.exported",
    workspaceId: member.workspaceId,
    userId: member.userId,
    detail: { caseId, format, revision: caseStudy.shownRevision, redacted },
    origin: options.origin,
  });
  const spec = CASE_DOCUMENT_FORMATS[format];
  return {
    body,
    contentType: spec.contentType,
    filename: `${fileSlug(caseStudy.title, "case")}${redacted ? "-redacted" : ""}.${spec.extension}`,
    fullFilename: `${caseStudy.title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, " ").trim() || "case"}${redacted ? " (redacted)" : ""}.${spec.extension}`,
  };
}
