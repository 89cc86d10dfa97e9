import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { RenderedCaseBody } from "~/components/rendered-case-body";
import { describePassage, MAX_QUOTE_LENGTH, type TextAnchor } from "~/models/anchors";
import { scrollBehavior } from "~/utils/motion";
import {
  anchorTextOf,
  applyHighlights,
  firstHighlight,
  HIGHLIGHT_SELECTOR,
  type HighlightRange,
  offsetsOfRange,
} from "./dom-anchors";
import type { ThreadView } from "./thread-card";

type Selected = { anchor: TextAnchor | null; top: number; left: number };

const FLASH_MS = 1600;

/** The passage a selection in the case text covers, as a comment anchors it. */
function passageOfRange(root: Element, range: Range) {
  const offsets = offsetsOfRange(root, range);
  return offsets ? describePassage(anchorTextOf(root), offsets.start, offsets.end) : null;
}

/**
 * What the case page's threads share between the text and the side column: the thread in focus, the
 * passage being commented on, the current selection and the "show resolved" filter.
 */
export function useCaseThreads(threads: ThreadView[]) {
  const { t } = useTranslation();
  const bodyRef = useRef<HTMLDivElement>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [draft, setDraft] = useState<TextAnchor | null>(null);
  const [selected, setSelected] = useState<Selected | null>(null);
  const [showResolved, setShowResolved] = useState(false);

  const focusThread = useCallback((threadId: string) => {
    setActiveId(threadId);
    const card = document.getElementById(`thread-${threadId}`);
    if (card) {
      card.scrollIntoView({ block: "nearest", behavior: scrollBehavior() });
      card.focus({ preventScroll: true });
    }
  }, []);

  const showPassage = useCallback((threadId: string) => {
    setActiveId(threadId);
    const root = bodyRef.current?.querySelector(".case-body-html");
    const mark = root ? firstHighlight(root, threadId) : null;
    if (!mark || !root) return;
    mark.scrollIntoView({ block: "center", behavior: scrollBehavior() });
    mark.setAttribute("tabindex", "-1");
    mark.focus({ preventScroll: true });
    const marks = root.querySelectorAll(`${HIGHLIGHT_SELECTOR}[data-thread="${CSS.escape(threadId)}"]`);
    for (const each of marks) each.classList.add("is-flash");
    setTimeout(() => {
      for (const each of marks) each.classList.remove("is-flash");
    }, FLASH_MS);
  }, []);

  const commentOn = useCallback((anchor: TextAnchor | null | undefined) => {
    if (anchor) {
      setDraft(anchor);
      setActiveId(null);
    }
  }, []);
  const startComment = useCallback(() => commentOn(selected?.anchor), [commentOn, selected]);

  // A link from a notification ("#thread-…") opens that thread; only on arrival, so that later
  // revalidations do not pull the reader back.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per page view
  useEffect(() => {
    const match = /^#thread-([a-z0-9]+)$/.exec(window.location.hash);
    const thread = match ? threads.find((each) => each.id === match[1]) : undefined;
    if (!thread) return;
    if (thread.status === "resolved") setShowResolved(true);
    requestAnimationFrame(() => focusThread(thread.id));
  }, []);

  const highlights = useMemo(() => {
    const ranges: HighlightRange[] = threads
      .filter((thread) => thread.range && (thread.status === "open" || showResolved))
      .map((thread) => ({
        id: thread.id,
        start: thread.range!.start,
        end: thread.range!.end,
        label: t("threads.comment.by", { name: thread.authorName || t("threads.comment.formerMember") }),
        className: [
          "thread-highlight",
          thread.status === "resolved" ? "is-resolved" : "",
          thread.id === activeId ? "is-active" : "",
        ]
          .filter(Boolean)
          .join(" "),
      }));
    if (draft)
      ranges.push({ id: "new", start: draft.start, end: draft.end, className: "thread-highlight is-draft" });
    return ranges;
  }, [threads, showResolved, activeId, draft, t]);

  return {
    bodyRef,
    activeId,
    draft,
    selected,
    setSelected,
    showResolved,
    setShowResolved,
    highlights,
    focusThread,
    showPassage,
    startComment,
    commentOn,
    cancelDraft: () => setDraft(null),
    threadCreated: (threadId: string) => {
      setDraft(null);
      setActiveId(threadId);
      window.getSelection()?.removeAllRanges();
    },
  };
}

/**
 * The rendered case body with the passages of threads highlighted, and (for members who comment) a
 * "Comment" button next to the selected text. Highlights are added after hydration; without JavaScript
 * the side column still lists every thread with its quote.
 */
export function ThreadedCaseBody({
  html,
  state,
  canComment,
}: {
  html: string;
  state: ReturnType<typeof useCaseThreads>;
  canComment: boolean;
}) {
  const { t } = useTranslation();
  const { bodyRef, highlights, selected, setSelected, focusThread, startComment, commentOn } = state;
  const rangesKey = JSON.stringify(highlights);

  // biome-ignore lint/correctness/useExhaustiveDependencies: re-applied when the text or the ranges change
  useEffect(() => {
    const root = bodyRef.current?.querySelector(".case-body-html");
    if (root) applyHighlights(root, highlights);
  }, [html, rangesKey]);

  useEffect(() => {
    const container = bodyRef.current;
    if (!container) return;
    const onClick = (event: MouseEvent) => {
      const mark = (event.target as Element | null)?.closest?.(HIGHLIGHT_SELECTOR) as HTMLElement | null;
      const threadId = mark?.dataset.thread;
      // A click that ends a text selection is not a request to open a thread.
      if (!threadId || threadId === "new" || !window.getSelection()?.isCollapsed) return;
      focusThread(threadId);
    };
    container.addEventListener("click", onClick);
    return () => container.removeEventListener("click", onClick);
  }, [bodyRef, focusThread]);

  useEffect(() => {
    if (!canComment) return;
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const container = bodyRef.current;
        const root = container?.querySelector(".case-body-html");
        const selection = document.getSelection();
        if (!container || !root || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
          setSelected(null);
          return;
        }
        const range = selection.getRangeAt(0);
        const passage = passageOfRange(root, range);
        if (!passage) {
          setSelected(null);
          return;
        }
        const rects = range.getClientRects();
        const last = rects.length ? rects[rects.length - 1] : range.getBoundingClientRect();
        const box = container.getBoundingClientRect();
        setSelected({
          anchor: passage.exact.length <= MAX_QUOTE_LENGTH ? passage : null,
          top: last.bottom - box.top + 6,
          left: Math.max(0, Math.min(last.right - box.left - 48, box.width - 180)),
        });
      });
    };
    document.addEventListener("selectionchange", update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", update);
    };
  }, [canComment, bodyRef, setSelected]);

  // Keyboard selection (WCAG 2.1.1): the text is not editable, so without caret browsing the keys would not
  // select in it. Focused, the text takes a caret at its start; Shift and the arrows (with Ctrl, by word)
  // select a passage, and Enter comments on it.
  const onBodyFocus = (event: React.FocusEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const root = event.currentTarget.querySelector(".case-body-html");
    const selection = document.getSelection();
    if (!root || !selection) return;
    if (selection.rangeCount && root.contains(selection.getRangeAt(0).startContainer)) return;
    const first = document.createTreeWalker(root, NodeFilter.SHOW_TEXT).nextNode();
    if (first) selection.collapse(first, 0);
  };
  const onBodyKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const selection = document.getSelection();
    if (!selection) return;
    if (event.key === "Enter" && !selection.isCollapsed && selection.rangeCount) {
      // The selection as it is now: the button beside it follows a frame later.
      const root = event.currentTarget.querySelector(".case-body-html");
      const passage = root ? passageOfRange(root, selection.getRangeAt(0)) : null;
      if (!passage || passage.exact.length > MAX_QUOTE_LENGTH) return;
      event.preventDefault();
      commentOn(passage);
      return;
    }
    const moves: Record<string, [string, string]> = {
      ArrowRight: ["forward", event.ctrlKey || event.altKey ? "word" : "character"],
      ArrowLeft: ["backward", event.ctrlKey || event.altKey ? "word" : "character"],
      ArrowDown: ["forward", "line"],
      ArrowUp: ["backward", "line"],
      End: ["forward", "lineboundary"],
      Home: ["backward", "lineboundary"],
    };
    const move = moves[event.key];
    if (!move || event.metaKey) return;
    event.preventDefault();
    selection.modify(event.shiftKey ? "extend" : "move", move[0], move[1]);
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a region (for commenters) the keyboard selects in
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the label goes with the region role, both for commenters
    <div
      className="threaded-body"
      ref={bodyRef}
      tabIndex={canComment ? 0 : undefined}
      role={canComment ? "region" : undefined}
      aria-label={canComment ? t("threads.selection.keyboardLabel") : undefined}
      onFocus={canComment ? onBodyFocus : undefined}
      onKeyDown={canComment ? onBodyKeyDown : undefined}
    >
      <RenderedCaseBody html={html} />
      {selected ? (
        <div className="selection-comment" style={{ top: selected.top, left: selected.left }}>
          {selected.anchor ? (
            <button
              type="button"
              className="button button-small"
              // Keeps the text selected while the button is pressed.
              onMouseDown={(event) => event.preventDefault()}
              onClick={startComment}
            >
              {t("threads.selection.comment")}
            </button>
          ) : (
            <span className="selection-too-long" role="status">
              {t("threads.selection.tooLong", { max: MAX_QUOTE_LENGTH })}
            </span>
          )}
        </div>
      ) : null}
    </div>
  );
}
