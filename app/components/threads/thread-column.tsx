import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { TextAnchor } from "~/models/anchors";
import { CommentForm, type ThreadActionResult } from "./comment-form";
import type { MentionPerson } from "./mention-textarea";
import { ThreadCard, type ThreadView } from "./thread-card";

function NewThread({
  draft,
  people,
  onCancel,
  onCreated,
}: {
  draft: TextAnchor;
  people: MentionPerson[];
  onCancel: () => void;
  onCreated: (threadId: string) => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  // A new selection brings the box into view (below the text on a phone) with the caret in it; what was
  // already typed stays, now about the new passage.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs for each new passage
  useEffect(() => {
    box.current?.scrollIntoView({ block: "nearest" });
    box.current?.querySelector("textarea")?.focus({ preventScroll: true });
  }, [draft.start, draft.end]);
  return (
    <div className="thread-card thread-new" ref={box}>
      <p className="thread-quote">
        <span className="muted">{t("threads.newThread.commentOn")}</span>
        {t("threads.newThread.quoted", {
          text: draft.exact.length > 160 ? `${draft.exact.slice(0, 159)}…` : draft.exact,
        })}
      </p>
      <CommentForm
        formKey="new-thread"
        intent="thread.create"
        hidden={{
          exact: draft.exact,
          prefix: draft.prefix,
          suffix: draft.suffix,
          start: draft.start,
          end: draft.end,
        }}
        label={t("threads.newThread.label")}
        submitLabel={t("threads.newThread.submit")}
        people={people}
        onCancel={onCancel}
        onDone={(result) => {
          if (result.threadId) onCreated(result.threadId);
        }}
      />
    </div>
  );
}

/**
 * The side column of comment threads, in the order of their passages in the text; threads whose passage
 * was removed come last. Resolved threads are hidden unless "Show resolved" is ticked (CSS does the hiding,
 * so the checkbox also works before JavaScript has loaded).
 */
export function ThreadColumn({
  threads,
  people,
  draft,
  canStartThread,
  activeId,
  showResolved,
  onShowResolved,
  onCancelDraft,
  onCreated,
  onCommentOnSelection,
  onShowPassage,
  noJsResult,
}: {
  threads: ThreadView[];
  people: MentionPerson[];
  draft: TextAnchor | null;
  canStartThread: boolean;
  activeId: string | null;
  showResolved: boolean;
  onShowResolved: (show: boolean) => void;
  onCancelDraft: () => void;
  onCreated: (threadId: string) => void;
  onCommentOnSelection: () => void;
  onShowPassage: (threadId: string) => void;
  noJsResult?: ThreadActionResult | null;
}) {
  const { t } = useTranslation();
  const open = threads.filter((thread) => thread.status === "open").length;
  const resolved = threads.length - open;
  return (
    <aside
      className={`thread-column${showResolved ? " shows-resolved" : ""}`}
      aria-labelledby="threads-heading"
    >
      <h2 id="threads-heading">
        {t("threads.column.heading")}{" "}
        <span className="muted thread-count">{t("threads.column.openCount", { count: open })}</span>
      </h2>
      {canStartThread ? (
        <button type="button" className="button button-secondary button-small" onClick={onCommentOnSelection}>
          {t("threads.column.commentOnSelection")}
        </button>
      ) : threads.length > 0 && !draft ? (
        <p className="muted thread-hint">{t("threads.column.selectHint")}</p>
      ) : null}
      {draft ? (
        <NewThread draft={draft} people={people} onCancel={onCancelDraft} onCreated={onCreated} />
      ) : null}
      {resolved > 0 ? (
        <label className="checkbox show-resolved">
          <input
            type="checkbox"
            name="showResolved"
            checked={showResolved}
            onChange={(event) => onShowResolved(event.target.checked)}
          />
          {t("threads.column.showResolved", { count: resolved })}
        </label>
      ) : null}
      {threads.length === 0 ? (
        <p className="muted thread-empty">{t("threads.column.empty")}</p>
      ) : open === 0 && !showResolved ? (
        <p className="muted thread-empty">{t("threads.column.allResolved")}</p>
      ) : null}
      <ol className="thread-list">
        {threads.map((thread) => (
          <ThreadCard
            key={thread.id}
            thread={thread}
            people={people}
            active={thread.id === activeId}
            onShowPassage={onShowPassage}
            noJsResult={noJsResult}
          />
        ))}
      </ol>
    </aside>
  );
}
