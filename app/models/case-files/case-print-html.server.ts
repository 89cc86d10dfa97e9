// A case as one self-contained HTML page for the PDF export: no script, no link to fetch, its styles inline.
// The body comes from the shared renderer (render.ts escapes every text and attribute); everything else
// here is escaped with the same escapeHtml. Numbered notes after the text hold each citation in the
// workspace's style, the bibliography follows.
import { escapeHtml, renderCaseHtml } from "~/editor/render";
import { referenceRuns } from "~/models/sources/citation-styles";

export type PrintCase = {
  title: string;
  language: string;
  body: unknown;
  fields: Array<{ label: string; value: string }>;
};

export type PrintContext = {
  codes: ReadonlyMap<string, { label: string; color?: string | null }>;
  /** Per source, in the order of the [N] marks of the rendered text: its formatted note and locators. */
  notes: ReadonlyMap<string, string>;
  bibliography: readonly string[];
  words: {
    notes: string;
    sources: string;
    citedAt: (locators: string) => string;
    notice?: string;
    language: string;
  };
};

function referenceHtml(reference: string): string {
  return referenceRuns(reference)
    .map((run) => (run.italic ? `<i>${escapeHtml(run.text)}</i>` : escapeHtml(run.text)))
    .join("");
}

// Fonts: Debian's fonts-noto-core and fonts-dejavu cover Latin, Arabic and the rest; Chromium embeds the
// subsets it uses in the PDF.
const STYLE = `
@page { size: A4; margin: 2cm 2cm 2.2cm; }
html { font-family: "Noto Serif", "DejaVu Serif", "Noto Naskh Arabic", serif; font-size: 10.5pt; color: #111; line-height: 1.45; }
h1 { font-size: 20pt; margin: 0 0 0.4em; line-height: 1.2; }
h2 { font-size: 14pt; margin: 1.4em 0 0.4em; border-bottom: 1px solid #bbb; padding-bottom: 0.15em; break-after: avoid; }
h3 { font-size: 12pt; margin: 1.1em 0 0.3em; break-after: avoid; }
p { margin: 0 0 0.6em; }
.notice { font-style: italic; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0 1em; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; vertical-align: top; text-align: start; }
table.fields th { width: 28%; background: #f2f3f5; font-weight: 600; }
blockquote { border-inline-start: 3px solid #bbb; margin: 0.8em 0; padding: 0.1em 0.9em; color: #333; }
.tag { border-bottom: 1.5px solid var(--tag-color, #6b7280); }
.sensitive { border-bottom: 1px dotted #111; }
.cite-ref { font-size: 0.75em; vertical-align: super; line-height: 0; }
.cite-ref a { color: inherit; text-decoration: none; }
ol.notes { padding-inline-start: 1.6em; font-size: 9.5pt; }
ol.notes li { margin-bottom: 0.35em; }
.bibliography p { padding-inline-start: 1.5em; text-indent: -1.5em; font-size: 9.5pt; }
a { color: #1d4ed8; }
`;

export function casePrintHtml(caseStudy: PrintCase, context: PrintContext): string {
  const rendered = renderCaseHtml(caseStudy.body as Parameters<typeof renderCaseHtml>[0], {
    codes: context.codes as Map<string, { label: string; color?: string | null }>,
  });
  const fields = caseStudy.fields
    .map(
      (field) =>
        `<tr><th scope="row">${escapeHtml(field.label)}</th><td dir="auto">${escapeHtml(field.value)}</td></tr>`,
    )
    .join("");
  const notes = rendered.bibliography
    .map((entry) => {
      const note = context.notes.get(entry.sourceId) ?? "";
      const cited = entry.locators.length
        ? ` ${escapeHtml(context.words.citedAt(entry.locators.join("; ")))}`
        : "";
      return `<li id="ref-${entry.number}" value="${entry.number}" dir="auto">${referenceHtml(note)}${cited}</li>`;
    })
    .join("");
  const bibliography = context.bibliography
    .map((reference) => `<p dir="auto">${referenceHtml(reference)}</p>`)
    .join("");
  return `<!doctype html>
<html lang="${escapeHtml(context.words.language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(caseStudy.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1 dir="auto">${escapeHtml(caseStudy.title)}</h1>
${context.words.notice ? `<p class="notice">${escapeHtml(context.words.notice)}</p>` : ""}
<table class="fields"><tbody>${fields}</tbody></table>
<article lang="${escapeHtml(caseStudy.language)}">${rendered.html}</article>
${notes ? `<section><h2>${escapeHtml(context.words.notes)}</h2><ol class="notes">${notes}</ol></section>` : ""}
${bibliography ? `<section class="bibliography"><h2>${escapeHtml(context.words.sources)}</h2>${bibliography}</section>` : ""}
</body>
</html>
`;
}
