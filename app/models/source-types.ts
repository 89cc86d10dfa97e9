// The CSL item types a source can have. No zod here: the editor's citation dialog runs in the browser.
import enSources from "~/locales/en/sources";
import type { CslType } from "~/models/sources/csl-item";

// The English catalogue holds the names (locales/*/sources.ts); this map keeps the list of types in one place.
export const SOURCE_TYPE_LABELS: Record<CslType, string> = enSources.types;
