// CSL-JSON, the interchange format of Zotero and Pandoc: the casebook's lossless export and first import.
import { msg } from "~/utils/messages";
import {
  CSL_TEXT_FIELDS,
  type CslDate,
  type CslImportResult,
  type CslItem,
  type CslName,
  MAX_IMPORT_ITEMS,
} from "./csl-item";
import { acceptCandidates, isPlainObject, shorten, tooManyEntry } from "./import-items";

/**
 * Reads a CSL-JSON file: a JSON array of items, or one item. Never throws: every item that cannot be
 * imported is reported in `skipped` with a reason ("item 3 (id "x"): missing title"). Problems with the
 * file as a whole are reported as a single skipped entry with index -1. At most MAX_IMPORT_ITEMS items are
 * read; the rest are reported as one skipped entry (index MAX_IMPORT_ITEMS).
 */
export function importCslJson(text: string): CslImportResult {
  const source = typeof text === "string" ? text.replace(/^\uFEFF/, "") : "";
  // File-level reasons are catalogue keys (msg); the reasons about single items stay technical English.
  if (source.trim() === "")
    return { items: [], skipped: [{ index: -1, reason: msg("sources.importReasons.fileEmpty") }] };
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const bibTeX = /^\s*@\w+\s*[{(]/.test(source);
    const detail = error instanceof Error ? shorten(error.message, 120) : "";
    return {
      items: [],
      skipped: [
        {
          index: -1,
          reason: msg(bibTeX ? "sources.importReasons.notJsonBibTeX" : "sources.importReasons.notJson", {
            detail,
          }),
        },
      ],
    };
  }
  let list: unknown[];
  if (Array.isArray(data)) list = data;
  else if (isPlainObject(data)) list = [data];
  else {
    const kind = data === null ? "null" : typeof data;
    return {
      items: [],
      skipped: [{ index: -1, reason: msg("sources.importReasons.notItems", { kind }) }],
    };
  }
  const result = acceptCandidates(
    list.slice(0, MAX_IMPORT_ITEMS).map((raw, index) => ({ index, raw })),
    "item",
  );
  if (list.length > MAX_IMPORT_ITEMS) result.skipped.push(tooManyEntry(list.length, "item"));
  return result;
}

function orderedName(name: CslName): Record<string, string> {
  if ("literal" in name) return { literal: name.literal };
  const out: Record<string, string> = {};
  if (name.family !== undefined) out.family = name.family;
  if (name.given !== undefined) out.given = name.given;
  return out;
}

function orderedDate(date: CslDate): Record<string, unknown> {
  return "literal" in date ? { literal: date.literal } : { "date-parts": date["date-parts"] };
}

/** The item with keys in a fixed order and no undefined values. */
function orderedItem(item: CslItem): Record<string, unknown> {
  const out: Record<string, unknown> = { id: item.id, type: item.type, title: item.title };
  if (item.author !== undefined) out.author = item.author.map(orderedName);
  if (item.issued !== undefined) out.issued = orderedDate(item.issued);
  if (item.editor !== undefined) out.editor = item.editor.map(orderedName);
  for (const field of CSL_TEXT_FIELDS) {
    if (item[field] !== undefined) out[field] = item[field];
    if (field === "URL" && item.accessed !== undefined) out.accessed = orderedDate(item.accessed);
  }
  if (item.custom !== undefined) {
    const custom: Record<string, unknown> = {};
    if (item.custom.reliability !== undefined) custom.reliability = item.custom.reliability;
    if (item.custom.confidentiality !== undefined) custom.confidentiality = item.custom.confidentiality;
    out.custom = custom;
  }
  return out;
}

/** CSL-JSON for the items: a JSON array, two-space indented, keys in a fixed order, ending with a newline. */
export function exportCslJson(items: readonly CslItem[]): string {
  return `${JSON.stringify(items.map(orderedItem), null, 2)}\n`;
}
