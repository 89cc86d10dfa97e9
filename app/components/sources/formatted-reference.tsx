import { referenceRuns } from "~/models/sources/citation-styles";

/** A reference formatted in the workspace's style, with its italics (as React text, never HTML). */
export function FormattedReference({ reference }: { reference: string }) {
  return <>{referenceRuns(reference).map((run, i) => (run.italic ? <i key={i}>{run.text}</i> : run.text))}</>;
}
