// The spelling variants form: one group of spellings search treats as one (Qaeda / Qaida), one per line.
import { z } from "zod";
import { SPELLING_MAX, SPELLINGS_MAX } from "~/rules/limits";
import { fold } from "~/rules/text";
import { msg } from "~/utils/messages";

/** How search compares a spelling: its words folded (case, accents), joined by one space. */
export function spellingKey(spelling: string): string {
  return [...spelling.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((match) => fold(match[0])).join(" ");
}

export const variantGroupSchema = z.object({
  spellings: z
    .string({ error: msg("search.variants.errors.tooFew") })
    .max(SPELLINGS_MAX * (SPELLING_MAX + 2), msg("search.variants.errors.tooMany", { max: SPELLINGS_MAX }))
    .transform((value) =>
      value
        .split(/[\n,;]/)
        .map((line) => line.replace(/\s+/g, " ").trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .max(SPELLING_MAX, msg("search.variants.errors.tooLong", { max: SPELLING_MAX }))
            .refine((spelling) => spellingKey(spelling) !== "", msg("search.variants.errors.noLetters")),
        )
        .max(SPELLINGS_MAX, msg("search.variants.errors.tooMany", { max: SPELLINGS_MAX }))
        // Spellings that search already reads alike (Bamako / bamako) count once.
        .transform((spellings) => {
          const seen = new Set<string>();
          return spellings.filter((spelling) => {
            const key = spellingKey(spelling);
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
          });
        })
        .refine((spellings) => spellings.length >= 2, msg("search.variants.errors.tooFew")),
    ),
});

export type VariantGroupInput = z.output<typeof variantGroupSchema>;
