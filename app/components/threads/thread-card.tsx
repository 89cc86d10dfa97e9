import { useFetcher } from "@remix-run/react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useMessage } from "~/utils/messages";
import { CommentForm, type ThreadActionResult } from "./comment-form";
import { CommentText, CommentTime } from "./comment-text";
import type { MentionPerson } from "./mention-textarea";

type When = Date | string;

export type ThreadView = {
  id: string;
  status: "open" | "resolved";
  quote: string;
  section?: string;
  range: { start: number; end: number } | null;
  quoteEdited: boolean;
  /** A thread on a dated event of the case rather than a passage (its title, or removed since). */
  event?: { id: string; title: string; removed: boolean } | null;
  authorName: string;
  createdAt: When;
  resolvedAt: When | null;
  resolvedByName: string | null;
  canResolve: boolean;
  comments: Array<{
    id: string;
    authorName: string;
    /** Imported from a workspace file: the author the file names (a claim, not a fact). */
    claimedAuthor?: string | null;
    mine: boolean;
    body: string;
    deleted: boolean;
    createdAt: When;
    editedAt: When | null;
    mentions: Array<{ id: string; name: string }>;
  }>;
};

type Comment = ThreadView["comments"][number];

const QUOTE_PREVIEW = 160;

function preview(quote: string) {
  return quote.length > QUOTE_PREVIEW ? `${quote.slice(0, QUOTE_PREVIEW - 1)}…` : quote;
}

function DeleteCommentButton({
  comment,
  noJsResult,
}: {
  comment: Comment;
  noJsResult?: ThreadActionResult | null;
}) {
  const { t } = useTranslation();
  const tm = useMessage();
  const fetcher = useFetcher<ThreadActionResult>();
  const [confirming, setConfirming] = useState(false);
  const formKey = `delete-${comment.id}`;
  const result = fetcher.data ?? (noJsResult?.formKey === formKey ? noJsResult : null);
  return (
    <fetcher.Form method="post" className="inline-form">
      <input type="hidden" name="intent" value="comment.delete" />
      <input type="hidden" name="formKey" value={formKey} />
      <input type="hidden" name="commentId" value={comment.id} />
      {confirming ? <span className="confirm-text">{t("threads.comment.confirmDelete")}</span> : null}
      <button
        type="submit"
        className="link-button link-danger"
        disabled={fetcher.state !== "idle"}
        onClick={(event) => {
          // With JavaScript, ask first; without it the button deletes straight away.
          if (!confirming) {
            event.preventDefault();
            setConfirming(true);
          }
        }}
      >
        {confirming ? t("threads.comment.yesDelete") : t("threads.comment.delete")}
      </button>
      {confirming ? (
        <button type="button" className="link-button" onClick={() => setConfirming(false)}>
          {t("threads.comment.keep")}
        </button>
      ) : null}
      {result && !result.ok ? (
        <span className="field-error" role="alert">
          {tm(result.message)}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

function CommentItem({
  comment,
  people,
  noJsResult,
}: {
  comment: Comment;
  people: MentionPerson[];
  noJsResult?: ThreadActionResult | null;
}) {
  const { t } = useTranslation();
  const editor = useRef<HTMLDetailsElement>(null);
  const editKey = `edit-${comment.id}`;
  return (
    <li className="comment">
      <p className="comment-meta">
        <strong>{comment.authorName || t("threads.comment.formerMember")}</strong>
        {comment.claimedAuthor ? (
          <span className="muted">
            {" "}
            {t("threads.comment.claimedAuthor", { name: comment.claimedAuthor })}
          </span>
        ) : null}{" "}
        · <CommentTime date={comment.createdAt} />
        {comment.editedAt ? <span className="muted">{t("threads.comment.edited")}</span> : null}
      </p>
      {comment.deleted ? (
        <p className="muted comment-deleted">{t("threads.comment.deleted")}</p>
      ) : (
        <CommentText body={comment.body} mentions={comment.mentions} />
      )}
      {comment.mine && !comment.deleted ? (
        <div className="comment-tools">
          <details
            ref={editor}
            className="comment-edit"
            open={noJsResult?.formKey === editKey || undefined}
            onToggle={(event) => {
              if (event.currentTarget.open) event.currentTarget.querySelector("textarea")?.focus();
            }}
          >
            <summary className="link-button">{t("threads.comment.edit")}</summary>
            <CommentForm
              formKey={editKey}
              intent="comment.edit"
              hidden={{ commentId: comment.id }}
              label={t("threads.comment.editLabel")}
              submitLabel={t("threads.comment.save")}
              people={people}
              defaultValue={comment.body}
              noJsResult={noJsResult}
              onDone={() => {
                if (editor.current) editor.current.open = false;
              }}
            />
          </details>
          <DeleteCommentButton comment={comment} noJsResult={noJsResult} />
        </div>
      ) : null}
    </li>
  );
}

function StatusButton({ thread }: { thread: ThreadView }) {
  const { t } = useTranslation();
  const tm = useMessage();
  const fetcher = useFetcher<ThreadActionResult>();
  const resolved = thread.status === "resolved";
  return (
    <fetcher.Form method="post" className="inline-form">
      <input type="hidden" name="intent" value={resolved ? "thread.reopen" : "thread.resolve"} />
      <input type="hidden" name="formKey" value={`status-${thread.id}`} />
      <input type="hidden" name="threadId" value={thread.id} />
      <button
        type="submit"
        className="button button-secondary button-small"
        disabled={fetcher.state !== "idle"}
      >
        {resolved ? t("threads.card.reopen") : t("threads.card.resolve")}
      </button>
      {fetcher.data && !fetcher.data.ok ? (
        <span className="field-error" role="alert">
          {tm(fetcher.data.message)}
        </span>
      ) : null}
    </fetcher.Form>
  );
}

export function ThreadCard({
  thread,
  people,
  active,
  onShowPassage,
  noJsResult,
}: {
  thread: ThreadView;
  people: MentionPerson[];
  active: boolean;
  onShowPassage: (threadId: string) => void;
  noJsResult?: ThreadActionResult | null;
}) {
  const { t } = useTranslation();
  const replyKey = `reply-${thread.id}`;
  const reply = useRef<HTMLDetailsElement>(null);
  const resolved = thread.status === "resolved";
  const headingId = `thread-${thread.id}-quote`;
  const classes = ["thread-card", resolved ? "is-resolved" : "", active ? "is-active" : ""];
  if (!thread.range && !(thread.event && !thread.event.removed)) classes.push("is-orphan");
  return (
    <li
      id={`thread-${thread.id}`}
      className={classes.filter(Boolean).join(" ")}
      tabIndex={-1}
      aria-labelledby={headingId}
    >
      <div className="thread-quote" id={headingId}>
        {thread.event ? (
          thread.event.removed ? (
            <>
              <strong className="orphan-label">{t("threads.card.eventRemoved")}</strong>{" "}
              <q className="orphan-quote">{preview(thread.event.title)}</q>
            </>
          ) : (
            <>
              <span className="muted">{t("threads.card.onEvent")}</span>{" "}
              <a href={`#event-${thread.event.id}`} className="quote-link">
                {preview(thread.event.title)}
              </a>
            </>
          )
        ) : thread.range ? (
          <button
            type="button"
            className="quote-link"
            onClick={() => onShowPassage(thread.id)}
            aria-label={t("threads.card.showInText", { quote: preview(thread.quote) })}
          >
            {t("threads.newThread.quoted", { text: preview(thread.quote) })}
          </button>
        ) : (
          <>
            <strong className="orphan-label">{t("threads.card.passageRemoved")}</strong>{" "}
            <span className="muted">{t("threads.card.madeOn")}</span>{" "}
            <q className="orphan-quote">{preview(thread.quote)}</q>
          </>
        )}
        {thread.section ? <span className="muted thread-section"> · {thread.section}</span> : null}
        {thread.quoteEdited ? (
          <span className="muted thread-note">{t("threads.card.passageEdited")}</span>
        ) : null}
      </div>
      {resolved ? (
        <p className="thread-resolved muted">
          {thread.resolvedByName === null
            ? t("threads.card.resolved")
            : t("threads.card.resolvedBy", {
                name: thread.resolvedByName || t("threads.comment.formerMember"),
              })}
          {thread.resolvedAt ? (
            <>
              {t("threads.card.on")}
              <CommentTime date={thread.resolvedAt} />
            </>
          ) : null}
        </p>
      ) : null}
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} people={people} noJsResult={noJsResult} />
        ))}
      </ol>
      <div className="thread-actions">
        <details
          ref={reply}
          className="thread-reply"
          open={noJsResult?.formKey === replyKey || undefined}
          onToggle={(event) => {
            if (event.currentTarget.open) event.currentTarget.querySelector("textarea")?.focus();
          }}
        >
          <summary className="button button-secondary button-small">{t("threads.card.reply")}</summary>
          <CommentForm
            formKey={replyKey}
            intent="comment.reply"
            hidden={{ threadId: thread.id }}
            label={t("threads.card.replyLabel")}
            submitLabel={t("threads.card.reply")}
            people={people}
            noJsResult={noJsResult}
            onDone={() => {
              if (reply.current) reply.current.open = false;
            }}
          />
        </details>
        {thread.canResolve ? <StatusButton thread={thread} /> : null}
      </div>
    </li>
  );
}
