import { Form, Link, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RevisionTime, useRevisionNote } from "./revision-time";

export type RevisionRow = {
  number: number;
  baseNumber: number | null;
  note: string;
  authorName: string;
  claimedAuthor?: string | null;
  createdAt: string | Date;
};

type Props = {
  revisions: RevisionRow[];
  currentRevision: number;
  approvedRevision: number | null;
  canRestore: boolean;
  /** Link to this page with other query parameters, e.g. `?from=2&to=3`. */
  historyUrl: string;
  olderUrl: string | null;
  newerUrl: string | null;
  selected: { from?: number; to?: number; view?: number };
};

/** Every save of the case, newest first, each with a way to view it, compare it and bring it back. */
export function RevisionList({
  revisions,
  currentRevision,
  approvedRevision,
  canRestore,
  historyUrl,
  olderUrl,
  newerUrl,
  selected,
}: Props) {
  const { t } = useTranslation();
  const noteText = useRevisionNote();
  const navigation = useNavigation();
  const restoring =
    navigation.state !== "idle" && navigation.formData?.get("intent") === "restore"
      ? Number(navigation.formData.get("number"))
      : null;
  return (
    <>
      <ol className="revision-list">
        {revisions.map((revision) => {
          const isCurrent = revision.number === currentRevision;
          const highlighted =
            selected.view === revision.number ||
            selected.from === revision.number ||
            selected.to === revision.number;
          return (
            <li
              key={revision.number}
              className={`revision${highlighted ? " revision-selected" : ""}`}
              aria-current={selected.view === revision.number ? "true" : undefined}
            >
              <div className="revision-heading">
                <strong>{t("history.list.revision", { number: revision.number })}</strong>
                {isCurrent ? <span className="revision-current">{t("history.list.current")}</span> : null}
                {revision.number === approvedRevision ? (
                  <span className="revision-approved">{t("history.list.approved")}</span>
                ) : null}
              </div>
              <p className="revision-note">
                {revision.note ? noteText(revision.note) : <span className="muted">{noteText("")}</span>}
              </p>
              <p className="revision-meta muted">
                {revision.authorName || t("history.list.formerMember")}
                {revision.claimedAuthor
                  ? ` ${t("history.list.claimedAuthor", { name: revision.claimedAuthor })}`
                  : ""}{" "}
                · <RevisionTime date={revision.createdAt} />
                {revision.baseNumber !== null
                  ? t("history.list.basedOn", { number: revision.baseNumber })
                  : null}
              </p>
              <div className="revision-actions">
                <Link
                  to={`${historyUrl}?view=${revision.number}`}
                  className="button button-secondary button-small"
                >
                  {t("history.list.view")}{" "}
                  <span className="visually-hidden">
                    {t("history.list.viewHidden", { number: revision.number })}
                  </span>
                </Link>
                {revision.number > 1 ? (
                  <Link
                    to={`${historyUrl}?from=${revision.number - 1}&to=${revision.number}`}
                    className="button button-secondary button-small"
                  >
                    {t("history.list.changes")}{" "}
                    <span className="visually-hidden">
                      {t("history.list.changesHidden", { number: revision.number })}
                    </span>
                  </Link>
                ) : null}
                {canRestore && !isCurrent ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="restore" />
                    <input type="hidden" name="number" value={revision.number} />
                    <input type="hidden" name="revision" value={currentRevision} />
                    <button
                      type="submit"
                      className="button button-small"
                      disabled={restoring === revision.number}
                    >
                      {restoring === revision.number
                        ? t("history.list.restoring")
                        : t("history.list.restore")}
                      <span className="visually-hidden">
                        {t("history.list.restoreHidden", { number: revision.number })}
                      </span>
                    </button>
                  </Form>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      {olderUrl || newerUrl ? (
        <nav className="revision-pages actions" aria-label={t("history.list.more")}>
          {newerUrl ? <Link to={newerUrl}>{t("history.list.newer")}</Link> : null}
          {olderUrl ? <Link to={olderUrl}>{t("history.list.older")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
