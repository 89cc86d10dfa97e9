import type { Locale } from "~/models/domain";

/** Colours offered beside the colour picker: distinct from each other and readable on white. */
export const CODE_PALETTE = [
  "#2563eb",
  "#0891b2",
  "#0d9488",
  "#16a34a",
  "#65a30d",
  "#ca8a04",
  "#ea580c",
  "#dc2626",
  "#db2777",
  "#9333ea",
  "#4f46e5",
  "#475569",
] as const;

/** A code's label in the reader's language: its translation when it has one, else the label as written. */
export function localizedLabel(
  code: { label: string; labelTranslations?: Partial<Record<Locale, string>> | null },
  locale?: Locale | null,
): string {
  return (locale && code.labelTranslations?.[locale]) || code.label;
}
