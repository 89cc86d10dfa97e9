// The browser half of comment anchoring (ADR 0005): offsets in the rendered case body are counted over its
// text nodes, leaving out citation markers, which gives the same string as `caseAnchorText` on the server.
// Highlights are <mark> elements built with DOM Ranges around existing text nodes: no HTML is ever parsed.

export const HIGHLIGHT_SELECTOR = "mark.thread-highlight";

export function bodyTextNodes(root: Element): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(".cite-ref") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

export function anchorTextOf(root: Element): string {
  return bodyTextNodes(root)
    .map((node) => node.data)
    .join("");
}

function offsetOfPoint(root: Element, nodes: Text[], container: Node, offset: number): number {
  const before = root.ownerDocument.createRange();
  before.setStart(root, 0);
  before.setEnd(container, offset);
  let total = 0;
  for (const node of nodes) {
    if (node === container) return total + Math.min(offset, node.length);
    if (before.intersectsNode(node)) total += node.length;
    else break;
  }
  return total;
}

/** The offsets of a selection in the anchor text, or null when it is not (wholly) inside the body. */
export function offsetsOfRange(root: Element, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const nodes = bodyTextNodes(root);
  const start = offsetOfPoint(root, nodes, range.startContainer, range.startOffset);
  const end = offsetOfPoint(root, nodes, range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

export function removeHighlights(root: Element) {
  const marks = Array.from(root.querySelectorAll(HIGHLIGHT_SELECTOR));
  if (marks.length === 0) return;
  for (const mark of marks) mark.replaceWith(...Array.from(mark.childNodes));
  root.normalize();
}

export type HighlightRange = { id: string; start: number; end: number; className: string; label?: string };

/** Wraps the text between two anchor-text offsets in marks (one per text node the passage crosses). */
function wrap(root: Element, range: HighlightRange) {
  const pieces: Text[] = [];
  let position = 0;
  for (const node of bodyTextNodes(root)) {
    const nodeStart = position;
    const nodeEnd = position + node.length;
    position = nodeEnd;
    if (nodeEnd <= range.start || nodeStart >= range.end || node.length === 0) continue;
    const from = Math.max(range.start, nodeStart) - nodeStart;
    const to = Math.min(range.end, nodeEnd) - nodeStart;
    let piece = node;
    if (from > 0) piece = piece.splitText(from);
    if (to - from < piece.length) piece.splitText(to - from);
    pieces.push(piece);
  }
  pieces.forEach((piece, index) => {
    const mark = root.ownerDocument.createElement("mark");
    mark.className = range.className;
    mark.dataset.thread = range.id;
    if (index === 0 && range.label) mark.title = range.label;
    piece.parentNode?.insertBefore(mark, piece);
    mark.appendChild(piece);
  });
}

/** Replaces every highlight in the body by these (the rendered text itself is left as it was). */
export function applyHighlights(root: Element, ranges: HighlightRange[]) {
  removeHighlights(root);
  for (const range of ranges) wrap(root, range);
}

export function firstHighlight(root: Element, threadId: string) {
  return root.querySelector<HTMLElement>(`${HIGHLIGHT_SELECTOR}[data-thread="${CSS.escape(threadId)}"]`);
}
