// The shape every mail shares, as plain text and as simple HTML: paragraphs, quotes, one or two buttons,
// a footer. Everything is text escaped here; no image, no tracking, no link other than ours.

export type MailBlock =
  | { kind: "text"; text: string }
  | { kind: "quote"; text: string }
  | { kind: "action"; label: string; url: string }
  | { kind: "item"; text: string; url: string };

export type MailLayout = {
  locale: string;
  subject: string;
  blocks: MailBlock[];
  footer: MailBlock[];
};

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]);

function safeUrl(url: string): string {
  // Only links this server builds end up here; anything else is dropped rather than linked.
  return /^https?:\/\//i.test(url) ? url : "";
}

function textOf(block: MailBlock): string {
  switch (block.kind) {
    case "text":
      return block.text;
    case "quote":
      return block.text
        .split("\n")
        .map((line) => `> ${line}`)
        .join("\n");
    case "action":
      return `${block.label}:\n${safeUrl(block.url)}`;
    case "item":
      return `- ${block.text}\n  ${safeUrl(block.url)}`;
  }
}

function htmlOf(block: MailBlock): string {
  switch (block.kind) {
    case "text":
      return `<p style="margin:0 0 16px">${escapeHtml(block.text).replace(/\n/g, "<br>")}</p>`;
    case "quote":
      return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #94a3b8;color:#334155">${escapeHtml(block.text).replace(/\n/g, "<br>")}</blockquote>`;
    case "action":
      return `<p style="margin:0 0 16px"><a href="${escapeHtml(safeUrl(block.url))}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(block.label)}</a></p>`;
    case "item":
      return `<li style="margin:0 0 8px"><a href="${escapeHtml(safeUrl(block.url))}" style="color:#1d4ed8">${escapeHtml(block.text)}</a></li>`;
  }
}

/** Consecutive items form one list in HTML. */
function htmlBlocks(blocks: MailBlock[]): string {
  const out: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) out.push(`<ul style="margin:0 0 16px;padding-left:20px">${list.join("")}</ul>`);
    list = [];
  };
  for (const block of blocks) {
    if (block.kind === "item") list.push(htmlOf(block));
    else {
      flush();
      out.push(htmlOf(block));
    }
  }
  flush();
  return out.join("\n");
}

export function renderMail(layout: MailLayout): { text: string; html: string } {
  const text = [...layout.blocks.map(textOf), "--", ...layout.footer.map(textOf)].join("\n\n");
  const html = `<!doctype html>
<html lang="${escapeHtml(layout.locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(layout.subject)}</title></head>
<body style="margin:0;padding:24px;background:#ffffff;color:#0f172a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:16px;line-height:1.5">
<div style="max-width:560px">
${htmlBlocks(layout.blocks)}
<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0">
<div style="color:#475569;font-size:14px">
${htmlBlocks(layout.footer)}
</div>
</div>
</body>
</html>
`;
  return { text, html };
}
