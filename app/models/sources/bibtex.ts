// BibTeX (biblatex) import and export through citation-js (ADR 0010). citation-js maps entry types and
// fields both ways, decodes LaTeX and resolves crossref parents; around it stays only what it gets wrong for
// our data: per-entry reasons instead of one error for the whole file, names written as organisations,
// "and others", dotless i under an accent ({\"\i}), markup in titles, LaTeX escapes in URLs, dates such as
// "c. 2020", and the CSL types biblatex has no entry type for.

import { BIBLATEX_TYPES, citationJs } from "./citation-js";
import { citationKeys } from "./citation-keys";
import {
  CSL_TEXT_FIELDS,
  CSL_TYPES,
  type CslImportResult,
  type CslItem,
  type CslName,
  type CslType,
  MAX_IMPORT_ITEMS,
} from "./csl-item";
import { acceptCandidates, type Candidate, isPlainObject, tooManyEntry } from "./import-items";

// ---------------------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------------------

const LATEX_SPECIALS: Record<string, string> = {
  "\\": "\\textbackslash{}",
  // BibTeX counts braces even when escaped as \{ \}, so these use brace-neutral commands.
  "{": "\\textbraceleft{}",
  "}": "\\textbraceright{}",
  "%": "\\%",
  "&": "\\&",
  $: "\\$",
  "#": "\\#",
  _: "\\_",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
};

/** Escapes LaTeX specials in text for a BibTeX value; accented letters and other scripts stay UTF-8. */
export function escapeLatex(value: string): string {
  return (
    value
      .replace(/[\\{}%&$#_~^]/g, (ch) => LATEX_SPECIALS[ch] ?? ch)
      // TeX ligatures would turn these into dashes and curly quotes; keep them as typed.
      .replace(/-(?=-)/g, "-{}")
      .replace(/`(?=`)/g, "`{}")
      .replace(/'(?=')/g, "'{}")
  );
}

const needsGroup = (part: string) => /,|(^|\s)and(\s|$)/i.test(part);

/** An organisation in braces; a person as "Family, Given"; a lone multi-word family name as "Family,". */
function bibTeXName(name: CslName): string {
  if ("literal" in name) return `{${escapeLatex(name.literal)}}`;
  const family = name.family !== undefined ? escapeLatex(name.family) : undefined;
  const given = name.given !== undefined ? escapeLatex(name.given) : undefined;
  const group = (part: string) => (needsGroup(part) ? `{${part}}` : part);
  if (family !== undefined && given !== undefined) return `${group(family)}, ${group(given)}`;
  const only = (family ?? given ?? "").trim();
  return /\s/.test(only) ? `${group(only)},` : group(only);
}

const VERBATIM_FIELDS = new Set(["URL", "DOI"]);

/** The item as citation-js should see it: text escaped for LaTeX, the citation key as id. */
function forCitationJs(item: CslItem, key: string): Record<string, unknown> {
  const out: Record<string, unknown> = { id: key, "citation-key": key, type: item.type };
  out.title = escapeLatex(item.title);
  for (const field of CSL_TEXT_FIELDS) {
    const value = item[field];
    if (value !== undefined) out[field] = VERBATIM_FIELDS.has(field) ? value : escapeLatex(value);
  }
  if (item.issued && "date-parts" in item.issued) out.issued = item.issued;
  if (item.accessed) out.accessed = item.accessed;
  // biblatex keeps the kind of report or thesis in entrysubtype; for types it has no entry type for, that
  // field holds the CSL type instead, so the import gives it back.
  if (BIBLATEX_TYPES[item.type].subtype) out.genre = item.type;
  return out;
}

const LEADING_FIELDS = ["author", "editor", "title"];

function serialise(entry: { type: string; label: string; properties: Record<string, string> }): string {
  const names = [
    ...LEADING_FIELDS.filter((name) => name in entry.properties),
    ...Object.keys(entry.properties).filter((name) => !LEADING_FIELDS.includes(name)),
  ];
  const fields = names.map((name) => `  ${name} = {${entry.properties[name]}}`);
  return `@${entry.type}{${entry.label},\n${fields.join(",\n")}\n}\n`;
}

/** biblatex for the items, one entry each, separated by a blank line; keys from `citationKeys`. */
export function toBibTeX(items: readonly CslItem[]): string {
  const keys = citationKeys(items);
  const entries = citationJs.output.format(
    "biblatex",
    items.map((item, i) => forCitationJs(item, keys[i])),
    { format: "object" },
  ) as Array<{ type: string; label: string; properties: Record<string, string> }>;
  return entries
    .map((entry, i) => {
      const item = items[i];
      const properties = { ...entry.properties };
      if (item.author?.length) properties.author = item.author.map(bibTeXName).join(" and ");
      if (item.editor?.length) properties.editor = item.editor.map(bibTeXName).join(" and ");
      if (item.issued && "literal" in item.issued) properties.year = escapeLatex(item.issued.literal);
      // citation-js writes "[Online; accessed …]" as a note beside urldate; the note is the person's own.
      if (item.note !== undefined) properties.note = escapeLatex(item.note);
      else delete properties.note;
      // Double braces keep the title's capitals as written (styles would otherwise lower-case it).
      properties.title = `{${escapeLatex(item.title)}}`;
      return serialise({ ...entry, properties });
    })
    .join("\n");
}

// ---------------------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------------------

type Block = { kind: "entry" | "string" | "other"; text: string; line: number; key: string };

/** The file cut where a line starts with "@": one block per entry, @string, @comment or @preamble. */
function splitBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  const starts = [...source.matchAll(/^[ \t]*@/gm)].map((m) => m.index ?? 0);
  for (const [i, start] of starts.entries()) {
    const text = source.slice(start, starts[i + 1] ?? source.length);
    const head = /^\s*@\s*([A-Za-z]+)\s*([{(])\s*([^\s,{}()]*)/.exec(text);
    if (!head) continue;
    const type = head[1].toLowerCase();
    const kind = type === "string" ? "string" : type === "comment" || type === "preamble" ? "other" : "entry";
    const line = source.slice(0, start).split("\n").length;
    blocks.push({ kind, text, line, key: head[3] });
  }
  return blocks;
}

type RawEntry = { type: string; label: string; properties: Record<string, string> };

/** citation-js reads @type{…} only; BibTeX also allows @type(…). */
function withBraces(text: string): string {
  const head = /^(\s*@\s*[A-Za-z]+\s*)\(/.exec(text);
  if (!head) return text;
  const close = text.lastIndexOf(")");
  if (close === -1) return text;
  return `${head[1]}{${text.slice(head[0].length, close)}}${text.slice(close + 1)}`;
}

/** citation-js says "… at line 3 col 1:" and the code around it; we say where in the file. */
function syntaxDetail(error: unknown, block: Block, macroLines: number): string {
  const first = (error instanceof Error ? error.message : String(error)).split("\n")[0].replace(/:$/, "");
  if (/not supported or recognized/.test(first))
    return "it is not complete BibTeX (is a brace or quote missing?)";
  const tokens: Record<string, string> = {
    rbrace: '"}"',
    lbrace: '"{"',
    comma: '","',
    equals: '"="',
    quote: "'\"'",
  };
  return first
    .replace(/"(rbrace|lbrace|comma|equals|quote)"/g, (_, token: string) => tokens[token])
    .replace(/, got EOF/, " but the entry ends")
    .replace(/, got "?(\w+)"?/, (_, token: string) => ` but found ${tokens[token] ?? token}`)
    .replace(/\bat line (\d+) col \d+/, (_, line: string) => {
      const fileLine = block.line + Number(line) - 1 - macroLines;
      return `(line ${Math.max(block.line, fileLine)})`;
    });
}

/** Splits a raw name list at top-level " and " (not inside braces). */
function rawNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === "\\") i++;
    else if (ch === "{") depth++;
    else if (ch === "}") depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(ch)) {
      const m = /^\s+and\s+/i.exec(value.slice(i));
      if (m) {
        names.push(value.slice(start, i));
        start = i + m[0].length;
        i = start - 1;
      }
    }
  }
  names.push(value.slice(start));
  return names.map((name) => name.trim()).filter((name) => name !== "");
}

const isBracedWhole = (name: string) => {
  if (!name.startsWith("{") || !name.endsWith("}")) return false;
  let depth = 0;
  for (let i = 0; i < name.length; i++) {
    if (name[i] === "\\") i++;
    else if (name[i] === "{") depth++;
    else if (name[i] === "}" && --depth === 0 && i < name.length - 1) return false;
  }
  return true;
};

/** Plain text from what citation-js decoded: no markup tags, i and j with their accent, NFC. */
export function cleanText(value: string): string {
  return value
    .replace(/<\/?(?:i|b|sc|sup|sub)>|<span\b[^>]*>|<\/span>/g, "")
    .replace(/ı(?=\p{M})/gu, "i")
    .replace(/ȷ(?=\p{M})/gu, "j")
    .normalize("NFC")
    .replace(/\s+/g, " ")
    .trim();
}

/** URLs and DOIs are verbatim in biblatex, but people escape them anyway (notes\_mopti, a\&b). */
const cleanVerbatim = (value: string) =>
  value.replace(/%5C(?=[_&%#$~])/gi, "").replace(/\\([_&%#$~])/g, "$1");

function cleanNames(decoded: unknown, raw: string | undefined): unknown {
  if (!Array.isArray(decoded)) return decoded;
  const written = raw !== undefined ? rawNames(raw) : [];
  const aligned = written.length === decoded.length;
  return decoded
    .map((name, i) => {
      if (!isPlainObject(name)) return name;
      const text = (value: unknown) => (typeof value === "string" ? cleanText(value) : value);
      const family = text(name.family);
      if (aligned && written[i].toLowerCase() === "others") return null;
      if (!aligned && family === "others" && name.given === undefined) return null;
      if (aligned && isBracedWhole(written[i]) && typeof family === "string") return { literal: family };
      return { ...name, family, given: text(name.given), literal: text(name.literal) };
    })
    .filter((name) => name !== null);
}

const DROPPED_GENRES = /^(?:tech|phd|masters)?(?:report|thesis)$/i;

/** What citation-js made of one entry, with the repairs above; validation comes after, as for CSL-JSON. */
function repair(decoded: Record<string, unknown>, raw: RawEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(decoded)) {
    if (typeof value !== "string") out[field] = value;
    else out[field] = VERBATIM_FIELDS.has(field) ? cleanVerbatim(value.trim()) : cleanText(value);
  }
  out.author = cleanNames(decoded.author, raw.properties.author);
  out.editor = cleanNames(decoded.editor, raw.properties.editor);
  const subtype = (raw.properties.entrysubtype ?? "").trim().toLowerCase();
  if ((CSL_TYPES as readonly string[]).includes(subtype)) {
    out.type = subtype as CslType;
    delete out.genre;
  } else if (raw.type === "article" && (subtype === "magazine" || subtype === "newspaper")) {
    out.type = `article-${subtype}`;
    delete out.genre;
  }
  if (out.type === "paper-conference") out.type = "chapter";
  if (typeof out.genre === "string" && DROPPED_GENRES.test(out.genre)) delete out.genre;
  for (const key of ["author", "editor"]) if (out[key] === undefined) delete out[key];
  return out;
}

/**
 * Reads BibTeX or biblatex. Never throws: entries that cannot be read or lack what a source needs (a title)
 * are reported in `skipped`, with index = the entry's 0-based position among the file's entries (@string,
 * @comment and @preamble are not counted); -1 for the whole file. The citation key becomes the item id.
 */
export function fromBibTeX(text: string): CslImportResult {
  const source = typeof text === "string" ? text.replace(/^\uFEFF/, "") : "";
  if (source.trim() === "") return { items: [], skipped: [{ index: -1, reason: "the file is empty" }] };
  const blocks = splitBlocks(source);
  const entryBlocks = blocks.filter((block) => block.kind === "entry");
  if (entryBlocks.length === 0) {
    const hint = /^\s*[[{]/.test(source) ? " It looks like JSON; import it as CSL-JSON instead." : "";
    return {
      items: [],
      skipped: [
        { index: -1, reason: `no BibTeX entries found (an entry starts like @article{key, …).${hint}` },
      ],
    };
  }
  // @string macros apply to every entry; each entry is read on its own so that one broken entry costs only
  // itself (citation-js refuses a whole file for one missing brace).
  const macros = blocks
    .filter((block) => block.kind === "string")
    .map((block) => block.text)
    .join("\n");
  const parse = (text: string) => {
    const parsed = citationJs.input.chainLink(text, { forceType: "@biblatex/text" }) as RawEntry[];
    if (parsed.length !== 1) throw new Error("unreadable entry");
    return parsed[0];
  };
  const read: Array<{ index: number; raw: RawEntry }> = [];
  const problems: CslImportResult["skipped"] = [];
  for (const [index, block] of entryBlocks.slice(0, MAX_IMPORT_ITEMS).entries()) {
    const text = withBraces(block.text);
    try {
      read.push({ index, raw: parse(`${macros}\n${text}`) });
    } catch {
      try {
        // A broken @string elsewhere in the file only loses that macro.
        read.push({ index, raw: parse(text) });
      } catch (error) {
        const where = block.key ? `entry ${index + 1} (key "${block.key}")` : `entry ${index + 1}`;
        problems.push({
          index,
          ...(block.key !== "" && { id: block.key }),
          reason: `${where}: cannot be read: ${syntaxDetail(error, block, 0)}`,
        });
      }
    }
  }
  // Converted together, so that crossref children inherit from their parents (year, container, publisher).
  let decoded: Array<Record<string, unknown>>;
  try {
    decoded = citationJs.input.chain(
      read.map((entry) => entry.raw),
      { forceType: "@biblatex/entries+list", generateGraph: false },
    );
    if (decoded.length !== read.length) throw new Error("entries and items differ");
  } catch {
    decoded = read.map((entry) => {
      try {
        return citationJs.input.chain([entry.raw], {
          forceType: "@biblatex/entries+list",
          generateGraph: false,
        })[0];
      } catch {
        return { id: entry.raw.label };
      }
    });
  }
  const titles = new Map(read.map((entry, i) => [entry.raw.label, decoded[i]?.title]));
  const candidates: Candidate[] = read.map((entry, i) => {
    const item = repair(decoded[i] ?? {}, entry.raw);
    // A chapter's crossref parent is its book: citation-js inherits the rest, not the title as container.
    const parent = titles.get(entry.raw.properties.crossref ?? "");
    if (item["container-title"] === undefined && typeof parent === "string")
      item["container-title"] = cleanText(parent);
    return { index: entry.index, raw: item };
  });
  const result = acceptCandidates(candidates, "entry");
  result.skipped.push(...problems);
  result.skipped.sort((a, b) => a.index - b.index);
  if (entryBlocks.length > MAX_IMPORT_ITEMS) result.skipped.push(tooManyEntry(entryBlocks.length, "entry"));
  return result;
}
