// Names in the registry of actors and mediators, shared by the browser and the server: how two spellings
// are judged the same name, and the limits of a name.
import { ACTOR_KINDS, type ActorKind } from "~/models/domain";

export const ACTOR_NAME_MAX = 300;
export const ACTOR_DESCRIPTION_MAX = 2000;
export const AFFILIATION_ROLE_MAX = 200;

export { ACTOR_KINDS, type ActorKind };

/**
 * The folded form of a name: case, accents and Arabic short vowels, apostrophes, hyphens and spacing do
 * not make two names different ("Jama’at" = "Jamaat", "al-Shabab" = "Al Shabab", "Ségou" = "Segou").
 * Different transliterations ("ag Ghali" / "Ag Ghaly") stay different: an editor merges them.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/['’‘ʼʻ`´]/g, "")
    .replace(/[-‐‑‒–—―−_]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

/** A name as it is stored: spacing tidied, nothing else changed. */
export function tidyName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}
