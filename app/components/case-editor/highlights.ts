// What the editor shows around the case document without changing it: the code label of a tagged
// passage and the source of a citation on hover, and a numbered marker after each cited passage.
// Decorations only, so the document (and what is saved) stays exactly the case schema.
import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import i18next from "i18next";
import { deriveCaseRows } from "~/editor";

export type CodeInfo = { label: string; kind: "precondition" | "outcome" };
export type SourceInfo = { title: string };

/** Read on every redraw, so a source created in the dialog is named without rebuilding the editor. */
export type HighlightLookup = {
  codes: Map<string, CodeInfo>;
  sources: Map<string, SourceInfo>;
};

export const highlightsKey = new PluginKey<DecorationSet>("caseHighlights");

/** Sources numbered by first citation, as the case page's bibliography numbers them. */
export function citationNumbers(citations: ReadonlyArray<{ sourceId: string }>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const citation of citations) {
    if (!numbers.has(citation.sourceId)) numbers.set(citation.sourceId, numbers.size + 1);
  }
  return numbers;
}

// The editor runs in the browser only, where the page's i18next instance is the global one (entry.client.tsx).
const t = (key: string, params?: Record<string, string>) =>
  (i18next.t as unknown as (key: string, params?: Record<string, string>) => string)(key, params);

function citationLabel(lookup: HighlightLookup, sourceId: string, locator: string): string {
  const title = lookup.sources.get(sourceId)?.title ?? t("editor.panel.unknownSource");
  return locator ? `${title}, ${locator}` : title;
}

function buildDecorations(doc: ProseMirrorNode, lookup: HighlightLookup): DecorationSet {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const lines: string[] = [];
    for (const mark of node.marks) {
      if (mark.type.name === "tag") {
        const code = lookup.codes.get(String(mark.attrs.codeId));
        lines.push(
          code
            ? t(
                code.kind === "precondition" ? "editor.highlights.precondition" : "editor.highlights.outcome",
                {
                  label: code.label,
                },
              )
            : t("editor.highlights.tag"),
        );
      } else if (mark.type.name === "citation") {
        lines.push(
          t("editor.highlights.cites", {
            source: citationLabel(lookup, String(mark.attrs.sourceId), String(mark.attrs.locator ?? "")),
          }),
        );
      }
    }
    // One decoration per text node: overlapping tags share one hover text instead of hiding each other.
    if (lines.length > 0)
      decorations.push(Decoration.inline(pos, pos + node.nodeSize, { title: lines.join("\n") }));
    return false;
  });

  const { citations } = deriveCaseRows(doc);
  const numbers = citationNumbers(citations);
  for (const citation of citations) {
    const number = numbers.get(citation.sourceId) ?? 0;
    const end = citation.position + citation.text.length;
    const label = citationLabel(lookup, citation.sourceId, citation.locator);
    decorations.push(
      Decoration.widget(
        end,
        () => {
          const marker = document.createElement("sup");
          marker.className = "cite-marker";
          marker.contentEditable = "false";
          marker.textContent = `[${number}]`;
          marker.title = label;
          return marker;
        },
        { side: 1, ignoreSelection: true, key: `cite-${number}-${end}-${label}` },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

// Rebuilding walks the whole document: while someone types, the decorations are only mapped through
// the change, and rebuilt once typing pauses, so long cases stay responsive.
const REBUILD_DELAY_MS = 200;

export const CaseHighlights = Extension.create<{ lookup: { current: HighlightLookup } }>({
  name: "caseHighlights",
  addOptions() {
    return { lookup: { current: { codes: new Map(), sources: new Map() } } };
  },
  addProseMirrorPlugins() {
    const lookup = this.options.lookup;
    return [
      new Plugin<DecorationSet>({
        key: highlightsKey,
        state: {
          init: (_, state) => buildDecorations(state.doc, lookup.current),
          apply: (tr, previous, _old, state) => {
            if (tr.getMeta(highlightsKey)) return buildDecorations(state.doc, lookup.current);
            return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
          },
        },
        props: {
          decorations: (state) => highlightsKey.getState(state),
        },
        view: () => {
          let timer: ReturnType<typeof setTimeout> | undefined;
          return {
            update: (view, previousState) => {
              if (view.state.doc === previousState.doc) return;
              clearTimeout(timer);
              timer = setTimeout(() => {
                if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(highlightsKey, "rebuild"));
              }, REBUILD_DELAY_MS);
            },
            destroy: () => clearTimeout(timer),
          };
        },
      }),
    ];
  },
});

/** Redraws hover texts and markers now (after the codes or sources they name have changed). */
export function refreshHighlights(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(highlightsKey, "rebuild"));
}
