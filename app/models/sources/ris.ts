// RIS, the format EndNote and most databases export, read and written through citation-js (ADR 0010).
// Each record (TY … ER) is read on its own, so one broken record costs only itself.

import { cleanText } from "./bibtex";
import { citationJs } from "./citation-js";
import { citationKeys } from "./citation-keys";
import { type CslImportResult, type CslItem, MAX_IMPORT_ITEMS } from "./csl-item";
import { acceptCandidates, type Candidate, isPlainObject, tooManyEntry } from "./import-items";

/** RIS for the items; ID holds the citation key, as in the BibTeX export. */
export function toRis(items: readonly CslItem[]): string {
  if (items.length === 0) return "";
  const keys = citationKeys(items);
  const text = citationJs.output.format(
    "ris",
    items.map((item, i) => {
      const { custom: _custom, ...rest } = item;
      return { ...rest, id: keys[i] };
    }),
    { format: "text" },
  ) as string;
  return `${text.replace(/\r\n/g, "\n").trim()}\n`;
}

function cleanValue(value: unknown): unknown {
  if (typeof value === "string") return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanValue);
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanValue(v)]));
  return value;
}

/** Reads RIS records. Never throws; a record that cannot be read is reported with its position. */
export function fromRis(text: string): CslImportResult {
  const source = typeof text === "string" ? text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n") : "";
  if (source.trim() === "") return { items: [], skipped: [{ index: -1, reason: "the file is empty" }] };
  const starts = [...source.matchAll(/^TY {2}- /gm)].map((m) => m.index ?? 0);
  if (starts.length === 0) {
    return {
      items: [],
      skipped: [{ index: -1, reason: "no RIS records found (a record starts with a line like TY  - JOUR)." }],
    };
  }
  const candidates: Candidate[] = [];
  const problems: CslImportResult["skipped"] = [];
  for (const [index, start] of starts.slice(0, MAX_IMPORT_ITEMS).entries()) {
    let record = source.slice(start, starts[index + 1] ?? source.length).trimEnd();
    if (!/^ER {2}-/m.test(record)) record += "\nER  - ";
    try {
      const [item] = citationJs.input.chain(`${record}\n`, { forceType: "@ris/file", generateGraph: false });
      if (!item) throw new Error("no record");
      const { id, "citation-key": key, _graph, ...fields } = item as Record<string, unknown>;
      const cited = typeof key === "string" && key !== "" ? key : undefined;
      candidates.push({
        index,
        raw: { ...(cleanValue(fields) as Record<string, unknown>), ...(cited ? { id: cited } : {}) },
      });
    } catch (error) {
      const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0];
      problems.push({ index, reason: `record ${index + 1}: cannot be read: ${detail}` });
    }
  }
  const result = acceptCandidates(candidates, "entry");
  result.skipped.push(...problems);
  result.skipped.sort((a, b) => a.index - b.index);
  if (starts.length > MAX_IMPORT_ITEMS) result.skipped.push(tooManyEntry(starts.length, "entry"));
  return result;
}
