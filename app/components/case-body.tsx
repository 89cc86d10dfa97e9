type JSONNode = { type?: string; text?: string; content?: JSONNode[] };

function textOf(node: JSONNode): string {
  if (node.type === "text") return node.text ?? "";
  return (node.content ?? []).map(textOf).join("");
}

/** Read-only body: headings and paragraphs as plain text (React escapes everything). */
export function CaseBody({ doc }: { doc: unknown }) {
  const blocks = ((doc as JSONNode)?.content ?? []) as JSONNode[];
  if (blocks.length === 0) return <p className="muted">This case has no text yet.</p>;
  return (
    <>
      {blocks.map((block, index) =>
        block.type === "heading" ? <h2 key={index}>{textOf(block)}</h2> : <p key={index}>{textOf(block)}</p>,
      )}
    </>
  );
}
