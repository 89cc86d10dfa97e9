// Solutions written as R's QCA package prints them, with the codes' short names: the same in every
// interface language. `DISTANCED*~ADVANTAGE + LOCAL -> TRUCE`.

import type { AnalysisCode, Literal } from "./analysis";

export const literalText = (literal: Literal) => `${literal.negated ? "~" : ""}${literal.code}`;

/** A term with no literal is the whole set (every combination shows the outcome): R prints "1". */
export const termText = (literals: readonly Literal[]) =>
  literals.length === 0 ? "1" : literals.map(literalText).join("*");

export const codeText = (code: Pick<AnalysisCode, "shortName" | "negated">) =>
  `${code.negated ? "~" : ""}${code.shortName}`;

export function modelText(
  terms: ReadonlyArray<{ literals: readonly Literal[] }>,
  outcome: AnalysisCode,
): string {
  return `${terms.map((term) => termText(term.literals)).join(" + ")} -> ${codeText(outcome)}`;
}
