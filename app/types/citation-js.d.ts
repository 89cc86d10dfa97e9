// The parts of citation-js (which ships no types) that app/models/sources/ uses.
declare module "@citation-js/core" {
  export type BibLaTeXEntry = { type: string; label: string; properties: Record<string, string> };
  export const plugins: {
    input: {
      chain(
        input: unknown,
        options: { forceType?: string; generateGraph?: boolean },
      ): Array<Record<string, unknown>>;
      chainLink(input: unknown, options: { forceType?: string }): unknown;
    };
    output: {
      format(name: string, data: unknown[], options?: Record<string, unknown>): unknown;
    };
    config: { get(name: string): Record<string, unknown> };
  };
}
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
declare module "citeproc" {
  const CSL: unknown;
  export default CSL;
}
