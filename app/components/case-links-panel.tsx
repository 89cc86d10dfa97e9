import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type CaseLinkItem = {
  id: string;
  reading: "influenced" | "influencedBy" | "sameConflict" | "earlierPhaseOf" | "laterPhaseOf" | "contrasting";
  note: string;
  otherId: string;
  otherTitle: string;
};

/** The case's typed links to other cases, each readable from this case ("influenced by …"). */
export function CaseLinksPanel({
  links,
  workspaceId,
  caseId,
  canEdit,
}: {
  links: CaseLinkItem[];
  workspaceId: string;
  caseId: string;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const base = `/w/${workspaceId}`;
  if (links.length === 0 && !canEdit) return null;
  return (
    <section
      className={`reading-aside case-links${links.length === 0 ? " is-empty" : ""}`}
      aria-labelledby="links-heading"
    >
      <div className="aside-heading">
        <h2 id="links-heading">{t("links.panel.heading")}</h2>
        {canEdit ? (
          <Link to={`${base}/cases/${caseId}/links`} className="button button-secondary button-small">
            {links.length ? t("links.panel.manage") : t("links.panel.add")}
          </Link>
        ) : null}
      </div>
      {links.length === 0 ? (
        <p className="muted">{t("links.panel.empty")}</p>
      ) : (
        <>
          <ul className="link-list">
            {links.map((link) => (
              <li key={link.id}>
                <span className="link-kind">{t(`links.reading.${link.reading}`)}</span>{" "}
                <Link to={`${base}/cases/${link.otherId}`}>{link.otherTitle}</Link>
                {link.note ? (
                  <span className="muted link-note" dir="auto">
                    {" "}
                    — {link.note}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="link-follow">
            <Link to={`${base}/cases?linked=${caseId}`}>{t("links.panel.follow")}</Link>
            {" · "}
            <Link to={`${base}/timeline?linked=${caseId}`}>{t("links.panel.timeline")}</Link>
          </p>
        </>
      )}
    </section>
  );
}
